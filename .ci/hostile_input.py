"""Write the OpenAPI document schemathesis fuzzes hostile input from (.ci/api_smoke, "Hostile input").

Usage: python .ci/hostile_input.py BASE_URL OUT.json

The document covers the v2 listings and find/ (which have no OpenAPI document of their own), v3's
page listing, find/, images and documents, and v3's page create and update. Every query parameter
is a plain string, so that schemathesis sends any text rather than what v3's schema allows, with the
inputs of issue 20's review as explicit examples; the write bodies carry that review's malformed
payloads as examples beside what schemathesis makes from v3's own schema.
"""

import json
import sys
import urllib.request

FULL_WIDTH_NINES = "９" * 20
NESTED_HTML = "<b>" * 2000 + "deep" + "</b>" * 2000

#: Query parameter examples, by name: what Wagtail 8.0 answered with 500 (issue 20, items 10, 11 and 14).
QUERY_EXAMPLES = {
    "offset": ["+99999999999999999999", "9_999_999_999_999_999_999_999", FULL_WIDTH_NINES, str(2**63 - 1), "5"],
    "limit": ["9_999", FULL_WIDTH_NINES, "+5", "10"],
    "search": ["\x00", '"', " ", '"liver', " ".join(["liver"] * 250), "liver"],
    "search_operator": ["xor", "and"],
    "site": ["other.example", "127.0.0.1", "127.0.0.1:abc"],
    "id": ["abc", "٣", "99999999999999999999"],
    "html_path": ["/\x00", "/kratom-and-liver-health/"],
    "child_of": ["9_9", FULL_WIDTH_NINES, "99999999999999999999"],
}

V2_LISTING_PARAMETERS = ["offset", "limit", "search", "search_operator", "site", "child_of", "type", "order", "fields"]
V2_PATHS = {
    "/api/v2/pages/": V2_LISTING_PARAMETERS,
    "/api/v2/pages/find/": ["id", "html_path", "site"],
    "/api/v2/images/": ["offset", "limit", "search", "search_operator", "order"],
    "/api/v2/documents/": ["offset", "limit", "search", "search_operator", "order"],
}

V3_READS = ["/api/v3/pages/", "/api/v3/pages/find/", "/api/v3/images/", "/api/v3/documents/"]


def in_section(*content) -> list:
    return [{"type": "section", "value": {"heading": "Amounts", "content": list(content)}}]


#: Write payload fields Wagtail 8.0's v3 API answered with 500 (issue 20, item 12).
MALFORMED_FIELDS = {
    "body_item_not_an_object": {"body": ["x"]},
    "body_item_without_type": {"body": [{"value": {}}]},
    "section_not_an_object": {"body": [{"type": "section", "value": "x"}]},
    "section_content_not_a_list": {"body": [{"type": "section", "value": {"heading": "H", "content": "x"}}]},
    "dosage_rows_not_a_list": {"body": in_section({"type": "dosage", "value": {"rows": "x"}})},
    "dosage_amount_not_a_number": {
        "body": in_section({"type": "dosage", "value": {"rows": [{"min": "abc", "max": "2", "unit": "g"}]}})
    },
    "legal_status_date_that_does_not_exist": {
        "body": in_section(
            {
                "type": "legal_status",
                "value": {"rows": [{"jurisdiction": "UK", "status": "legal", "as_of": "2024-02-30"}]},
            }
        )
    },
    "citation_not_a_block": {"citations": [1]},
    "citation_value_not_an_object": {"citations": [{"type": "citation", "value": "x"}]},
    "accessed_date_that_does_not_exist": {
        "citations": [{"type": "citation", "value": {"title": "t", "accessed": "2024-13-45"}}]
    },
    "deeply_nested_html": {"intro": NESTED_HTML},
    "deeply_nested_paragraph": {"body": in_section({"type": "paragraph", "value": NESTED_HTML})},
}


def string_parameter(name: str) -> dict:
    return {
        "in": "query",
        "name": name,
        "required": False,
        "schema": {"type": "string"},
        "examples": {f"example{index}": {"value": value} for index, value in enumerate(QUERY_EXAMPLES.get(name, []))},
    }


def read_operation(parameters: list[str]) -> dict:
    return {
        "parameters": [string_parameter(name) for name in parameters],
        "responses": {"default": {"description": "any"}},
    }


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def main(base_url: str, out: str) -> None:
    v3 = get_json(f"{base_url}/api/v3/openapi.json")
    guide = get_json(f"{base_url}/api/v2/pages/?type=wagtail_kratom.SafeUseGuidePage&limit=1")["items"][0]
    parent_id = guide["meta"]["parent"]["id"] if guide["meta"].get("parent") else None
    if parent_id is None:
        parent_id = get_json(f"{base_url}/api/v2/pages/{guide['id']}/")["meta"]["parent"]["id"]

    paths: dict = {path: {"get": read_operation(parameters)} for path, parameters in V2_PATHS.items()}
    for path in V3_READS:
        operation = v3["paths"][path]["get"]
        names = [parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"]
        paths[path] = {"get": {**operation, "parameters": [string_parameter(name) for name in names]}}

    create = v3["paths"]["/api/v3/pages/"]["post"]
    base = {
        "meta": {"type": "wagtail_kratom.SafeUseGuidePage", "parent_id": parent_id},
        "title": "Hostile",
        "summary": "S.",
    }
    create["requestBody"]["content"]["application/json"]["examples"] = {
        name: {"value": {**base, **fields}} for name, fields in MALFORMED_FIELDS.items()
    }
    paths["/api/v3/pages/"]["post"] = create

    update = v3["paths"]["/api/v3/pages/{page_id}/"]["patch"]
    for parameter in update["parameters"]:
        if parameter["name"] == "page_id":
            # The demo's first safe-use guide: fuzzed content reaches its validation rather than a 404.
            parameter["schema"] = {"type": "integer", "enum": [guide["id"]]}
    update["requestBody"]["content"]["application/json"]["examples"] = {
        name: {"value": {"meta": {"type": "wagtail_kratom.SafeUseGuidePage"}, **fields}}
        for name, fields in MALFORMED_FIELDS.items()
    }
    paths["/api/v3/pages/{page_id}/"] = {"patch": update}

    document = {
        "openapi": v3["openapi"],
        "info": {"title": "wagtail-kratom hostile input", "version": "1"},
        "paths": paths,
        "components": v3["components"],
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(document, file)


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
