"""Wagtail's own v2 and v3 APIs serve the article fields resolved and typed."""

import json
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import override_settings
from jsonschema import Draft202012Validator
from wagtail.models import APIToken

from tests.utils import dosage, dosage_row, make_disclaimer, make_test_page, risk, section
from wagtail_kratom.api.json_schema import SCHEMA_DIR, schema_file_name
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.checks import check_api_rich_text_format
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent

ARTICLE_FIELDS = {
    "summary",
    "intro",
    "body",
    "conclusion",
    "table_of_contents",
    "disclaimers",
    "related_articles",
    "citations",
    "review",
    "health_aspects",
    "topics",
    "json_ld",
}


@pytest.fixture
def guide(home):
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    reviewer = Contributor.objects.create(name="Dr A Reviewer", credentials="MBBS", role="Hepatologist")
    intro = f'<p>Read the <a linktype="page" id="{hub.pk}">overview</a> first.</p>'
    return make_test_page(hub, SafeUseGuidePage, title="Guide", slug="guide", intro=intro, medical_reviewer=reviewer)


@pytest.mark.parametrize("model", [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage])
def test_every_type_serves_the_article_fields_in_v2_and_v3(client, home, model):
    page = make_test_page(home, model, title="Page", slug="page")
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert set(v2) >= ARTICLE_FIELDS
    assert set(v3) >= ARTICLE_FIELDS
    listing = client.get(f"/api/v2/pages/?type={model._meta.label}&fields=*").json()
    assert set(listing["items"][0]) >= ARTICLE_FIELDS


def test_rich_text_links_are_real_urls(client, guide):
    response = client.get(f"/api/v2/pages/{guide.pk}/")
    assert 'href="/liver/">overview</a>' in response.json()["intro"]
    for url in (f"/api/v2/pages/{guide.pk}/", f"/api/v3/pages/{guide.pk}/"):
        text = client.get(url).content.decode()
        assert "linktype=" not in text and "embedtype=" not in text


def test_review_health_aspects_and_contents_are_typed(client, guide):
    data = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert data["review"] == {
        "last_reviewed": guide.last_reviewed.isoformat(),
        "next_review_due": guide.next_review_due.isoformat(),
        "is_overdue": False,
        "reviewed_by": {
            "name": "Dr A Reviewer",
            "credentials": "MBBS",
            "role": "Hepatologist",
            "is_organisation": False,
            "url": "",
            "note": "",
        },
        "accepted_findings": 0,
    }
    assert data["health_aspects"][0] == {
        "value": "UsageOrScheduleHealthAspect",
        "label": "Usage or schedule",
        "url": "https://schema.org/UsageOrScheduleHealthAspect",
    }
    assert data["table_of_contents"] == [{"heading": "What is known", "anchor": "what-is-known"}]
    assert data["citations"][0]["value"]["year"] == 2024


def test_json_ld_is_the_object_the_page_head_carries(client, guide):
    html = BeautifulSoup(client.get(guide.url).content, "html.parser")
    in_head = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert client.get(f"/api/v2/pages/{guide.pk}/").json()["json_ld"] == in_head
    assert client.get(f"/api/v3/pages/{guide.pk}/").json()["json_ld"]["@type"] == in_head["@type"]


def test_openapi_schema_types_the_article_fields(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    properties = schemas["SafeUseGuidePageSchema"]["properties"]
    assert set(properties) >= ARTICLE_FIELDS
    assert schemas["ReviewData"]["properties"]["is_overdue"]["type"] == "boolean"
    assert {"kind", "title", "body"} <= set(schemas["DisclaimerData"]["properties"])


@pytest.mark.parametrize("schema", ["TopicOverviewPageSchema", "RiskSectionPageSchema", "SafeUseGuidePageSchema"])
def test_openapi_read_schema_requires_every_field_and_allows_null_only_where_typed(client, schema):
    """openapi-typescript makes a field optional unless it is required, and nullable if null is allowed."""
    read = client.get("/api/v3/openapi.json").json()["components"]["schemas"][schema]
    assert set(read["required"]) == set(read["properties"])
    nullable = {name for name, value in read["properties"].items() if {"type": "null"} in value.get("anyOf", [])}
    # Rich text is typed by Wagtail for any model; a hub's key facts are null when it has none.
    assert nullable == {"intro", "conclusion"} | ({"at_a_glance"} if schema == "TopicOverviewPageSchema" else set())
    for field in ("review", "disclaimers", "related_articles", "table_of_contents", "health_aspects", "json_ld"):
        assert "anyOf" not in read["properties"][field], field


def test_database_rich_text_format_is_warned_about():
    with override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html"):
        assert [warning.id for warning in check_api_rich_text_format(None)] == ["wagtail_kratom.W001"]
    assert check_api_rich_text_format(None) == []


# Structured facts: typed values with labels ----------------------------------------------


def care_card(urgency="emergency", heading="") -> tuple[str, dict]:
    return ("care_card", {"urgency": urgency, "heading": heading, "symptoms": ["Slow breathing"], "action": ""})


def test_risk_pages_serve_risks_and_care_cards_with_labels(client, home):
    body = [section("Liver injury", risk(severity="severe", citations=[1]), care_card(urgency="urgent"))]
    page = make_test_page(home, RiskSectionPage, title="Risks", slug="risks", body=body)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    [item] = data["risks"]
    assert item["section"] == "liver-injury"
    assert (item["severity"], item["severity_label"]) == ("severe", "Severe")
    assert (item["evidence_level"], item["evidence_level_label"]) == ("case_reports", "Case reports")
    assert item["citations"] == [1]
    [card] = data["care_cards"]
    assert (card["urgency_label"], card["heading"]) == ("Urgent", "")
    assert card["display_heading"] == "Get medical advice today if"
    section_value = data["body"][0]["value"]
    assert section_value["anchor"] == "liver-injury"
    assert section_value["content"][0]["value"]["severity_label"] == "Severe"


def test_safe_use_guides_serve_numbers_dates_and_flattened_tables(client, home):
    legal = ("legal_status", {"rows": [{"jurisdiction": "Thailand", "status": "regulated", "as_of": "2024-08-24"}]})
    interactions = ("interactions", {"rows": [{"substance": "Alcohol", "risk": "dangerous", "citations": [1]}]})
    practices = ("practices", {"steps": [{"title": "Start low"}, {"title": "Take breaks"}]})
    body = [
        section(
            "Amounts",
            dosage(dosage_row("1.5", "3"), dosage_row("50", "100", unit="mg", form="extract"), citations=[1]),
        ),
        section("Safer use", practices, interactions, legal),
    ]
    page = make_test_page(home, SafeUseGuidePage, title="Guide", slug="guide", body=body)
    for url in (f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
        data = client.get(url).json()
        assert "dosage" in data, data.get("errors")
        first, second = data["dosage"]
        assert (first["min"], first["max"], first["unit_label"]) == (1.5, 3, "grams (g)")
        assert isinstance(first["min"], float) and first["citations"] == [1]
        assert (second["form_label"], second["unit"], second["section"]) == ("Extract", "mg", "amounts")
        assert [step["title"] for step in data["practices"]] == ["Start low", "Take breaks"]
        assert data["interactions"][0]["risk_label"] == "Dangerous"
        assert data["legal_status"][0]["as_of"] == "2024-08-24"
        assert data["legal_status"][0]["status_label"] == "Legal but regulated"
        assert data["monitoring"] == [] and data["care_cards"] == []


def test_hubs_serve_their_facts_at_a_glance(client, home):
    facts = {"scientific_name": "Mitragyna speciosa", "other_names": ["ketum"], "main_alkaloids": ["mitragynine"]}
    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub", at_a_glance=[("at_a_glance", facts)])
    bare = make_test_page(home, TopicOverviewPage, title="Bare", slug="bare")
    assert client.get(f"/api/v3/pages/{hub.pk}/").json()["at_a_glance"] == {**facts, "legal_status_summary": ""}
    assert client.get(f"/api/v2/pages/{bare.pk}/").json()["at_a_glance"] is None


# JSON Schemas --------------------------------------------------------------------------


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-password-123")
    call_command("load_initial_data", stdout=StringIO())


@pytest.mark.parametrize("model", [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage])
def test_demo_pages_validate_against_the_shipped_schema(client, demo, model):
    schema = json.loads((SCHEMA_DIR / schema_file_name(model)).read_text())
    Draft202012Validator.check_schema(schema)
    pages = model.objects.live()
    assert pages
    for page in pages:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        errors = [
            f"{list(error.absolute_path)}: {error.message}" for error in validator(schema).iter_errors(response.json())
        ]
        assert errors == []
        assert "linktype=" not in response.content.decode() and "embedtype=" not in response.content.decode()


def validator(schema) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_rejects_a_payload_that_breaks_the_contract(client, demo):
    schema = json.loads((SCHEMA_DIR / schema_file_name(SafeUseGuidePage)).read_text())
    page = next(page for page in SafeUseGuidePage.objects.live() if page.structured_blocks("dosage"))
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    data["dosage"][0]["min"] = "1"
    data["disclaimers"][0].pop("body")
    data["related_articles"][0]["source"] = "other"
    paths = sorted(str(list(error.absolute_path)) for error in validator(schema).iter_errors(data))
    assert paths == ["['disclaimers', 0]", "['dosage', 0, 'min']", "['related_articles', 0, 'source']"]


def test_shipped_and_published_schemas_match_the_code():
    call_command("kratom_api_schema", "--check")
    call_command("kratom_api_schema", "--check", "--output", str(REPO / "docs" / "api-schemas"))


def test_schema_check_names_a_stale_file(tmp_path):
    call_command("kratom_api_schema", "--output", str(tmp_path), stdout=StringIO())
    stale = tmp_path / schema_file_name(RiskSectionPage)
    stale.write_text("{}")
    with pytest.raises(CommandError, match=stale.name):
        call_command("kratom_api_schema", "--check", "--output", str(tmp_path))


# v3 writes go through the admin's validation ----------------------------------------------


@pytest.fixture
def bearer(admin_user) -> dict:
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}


def create_payload(parent, model=SafeUseGuidePage, **fields) -> dict:
    payload = {
        "meta": {"type": model._meta.label, "parent_id": parent.pk},
        "title": "Written by a client",
        "summary": "A summary.",
        "intro": "<p>An intro.</p>",
        "body": [section("Amounts", dosage(dosage_row("1", "3")))],
    }
    return {**payload, **fields}


def test_v3_creates_a_draft_with_structured_facts(client, home, bearer):
    payload = create_payload(home, topics=["liver", "dosage"])
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 201, response.content
    page = SafeUseGuidePage.objects.get(pk=response.json()["id"])
    assert not page.live
    assert page.structured_blocks("dosage")[0]["rows"][0]["max"] == 3
    assert sorted(tag.name for tag in page.topics.all()) == ["dosage", "liver"]


def test_v3_refuses_a_bad_dosage_naming_the_field_and_writes_nothing(client, home, bearer):
    payload = create_payload(home, body=[section("Amounts", dosage(dosage_row("5", "2")))])
    before = BasePage.objects.count()
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["loc"] == ["body"]
    assert error["msg"] == (
        "section 1 “Amounts” › content › dosage 1 › rows › row 1 › max: "
        "The highest amount (2) is lower than the lowest amount (5). Swap them or correct one."
    )
    assert BasePage.objects.count() == before


def test_v3_refuses_an_unknown_block_and_an_unknown_unit_without_a_server_error(client, home, bearer):
    unknown_block = create_payload(home, body=[section("Amounts", ("video", {"url": "x"}))])
    assert client.post("/api/v3/pages/", unknown_block, **bearer).status_code == 422
    bad_unit = create_payload(home, body=[section("Amounts", dosage(dosage_row(unit="handfuls")))])
    response = client.post("/api/v3/pages/", bad_unit, **bearer)
    assert response.status_code == 422
    assert "“handfuls” is not a unit this table knows" in response.json()["errors"][0]["msg"]


def test_v3_publish_needs_disclaimers_which_a_client_can_choose(client, site_root, bearer, settings):
    medical = make_disclaimer("medical")
    dosage_wording = make_disclaimer("dosage", title="Amounts are not advice")
    legal = make_disclaimer("legal", title="Laws change")
    payload = create_payload(site_root)
    payload["meta"]["action"] = "publish"
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 422
    errors = {tuple(error["loc"]): error["msg"] for error in response.json()["errors"]}
    assert "It needs its medical, dosage and legal disclaimers" in errors[("kratom_disclaimers",)]
    # Review metadata is read-only in the API: a new page is reviewed in the admin's medical review.
    assert "No medical reviewer is named" in errors[("medical_reviewer",)]
    assert not SafeUseGuidePage.objects.exists()

    payload["kratom_disclaimers"] = [{"disclaimer_id": d.pk} for d in (medical, dosage_wording, legal)]
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert [error["loc"] for error in response.json()["errors"]] == [["medical_reviewer"], ["last_reviewed"]]

    # A site without medical reviewers switches the review check off for the type.
    settings.WAGTAIL_KRATOM = {"GO_LIVE_CHECKS": {"wagtail_kratom.SafeUseGuidePage": ["disclaimers", "findings"]}}
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 201, response.content
    page = SafeUseGuidePage.objects.get()
    assert page.live
    assert [d["title"] for d in response.json()["disclaimers"]] == [
        "This is not medical advice",
        "Amounts are not advice",
        "Laws change",
    ]


def test_v3_writes_need_a_token(client, home):
    assert client.post("/api/v3/pages/", create_payload(home), content_type="application/json").status_code == 401


def test_v3_schema_marks_what_a_client_may_write(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    writable = set(schemas["SafeUseGuidePageCreateSchema"]["properties"])
    assert writable >= {"summary", "intro", "body", "conclusion", "citations", "topics", "kratom_disclaimers"}
    assert not writable & {"disclaimers", "related_articles", "review", "json_ld", "dosage"}
    dosage_schema = schemas["DosageData"]["properties"]
    assert {"type": "number"} in dosage_schema["min"]["anyOf"]
    assert dosage_schema["unit"]["enum"] == ["g", "mg", "ml", ""]


def test_v3_saves_and_reads_back_a_draft_with_required_facts_still_empty(client, home, bearer):
    unfinished = dosage_row("1", None, unit="")
    legal = ("legal_status", {"rows": [{"jurisdiction": "Thailand", "status": "", "as_of": None}]})
    payload = create_payload(home, body=[section("Amounts", dosage(unfinished), legal)])
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 201, response.content
    draft = client.get(f"/api/v3/pages/{response.json()['id']}/", **bearer).json()
    assert (draft["dosage"][0]["max"], draft["dosage"][0]["unit"]) == (None, "")
    assert draft["legal_status"][0]["as_of"] is None


@pytest.mark.parametrize("intro", ["", "<p></p>", "<p> </p><p><br/></p>"])
def test_v3_refuses_to_publish_without_an_introduction(client, home, bearer, intro):
    payload = create_payload(home, intro=intro)
    payload["meta"]["action"] = "publish"
    response = client.post("/api/v3/pages/", payload, **bearer)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["intro"]
    del payload["meta"]["action"]
    assert client.post("/api/v3/pages/", payload, **bearer).status_code == 201


def test_listings_filter_by_topic(client, home):
    liver = make_test_page(home, RiskSectionPage, title="Liver", slug="liver")
    liver.topics.add("liver")
    liver.save_revision().publish()
    make_test_page(home, RiskSectionPage, title="Withdrawal", slug="withdrawal")
    listing = client.get(f"/api/v2/pages/?type={RiskSectionPage._meta.label}&topics=liver&fields=topics").json()
    assert [(item["title"], item["topics"]) for item in listing["items"]] == [("Liver", ["liver"])]
    v3 = client.get(f"/api/v3/pages/?type={RiskSectionPage._meta.label}&topics=liver").json()
    assert [item["title"] for item in v3["items"]] == ["Liver"]
