"""Hostile query parameters: the APIs and the demo's search answer 400 or a valid, possibly empty, answer, never 500.

The inputs are those of issue 20's review (items 10, 11 and 14); CI fuzzes further (.ci/api_smoke).
Run with ``DATABASE_URL`` set to PostgreSQL as well as on SQLite: each database fails on its own inputs.
"""

import pytest
from wagtail.models import APIToken, Revision, Site

from tests.test_api import create_payload
from tests.testapp.models import OrdinaryPage
from tests.utils import make_test_page
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.middleware import LARGEST_PAGINATION_NUMBER
from wagtail_kratom.models import ArticlePageDisclaimer, Disclaimer, RiskSectionPage, TopicOverviewPage
from wagtail_kratom.search import MAX_SEARCH_WORDS, SearchQueryRefused, clean_search_query

pytestmark = pytest.mark.django_db

FULL_WIDTH_NINES = "９" * 20
MANY_WORDS = " ".join(["liver"] * 250)

#: (query string, status) for both API versions' page listings.
LISTING_QUERIES = [
    ({"offset": "+99999999999999999999"}, 400),
    ({"offset": " +99999999999999999999"}, 400),
    ({"offset": "9_999_999_999_999_999_999_999"}, 400),
    ({"offset": "9_999"}, 400),
    ({"offset": FULL_WIDTH_NINES}, 400),
    ({"limit": FULL_WIDTH_NINES}, 400),
    ({"offset": str(2**63 - 1)}, 400),
    ({"offset": str(LARGEST_PAGINATION_NUMBER)}, 200),
    ({"offset": "1", "limit": "5"}, 200),
    ({"search": "\x00"}, 400),
    ({"search": "liver\x00"}, 400),
    ({"search": '"'}, 200),
    ({"search": '"liver'}, 200),
    ({"search": " "}, 200),
    ({"search": "\u3000"}, 200),
    ({"search": MANY_WORDS}, 400),
    ({"search": "liver", "search_operator": "xor"}, 400),
    ({"search": '"liver injury"', "search_operator": "and"}, 200),
    ({"search": "liver", "search_operator": "or"}, 200),
]


@pytest.fixture
def pages(home):
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    make_test_page(hub, RiskSectionPage, title="Liver risks", slug="risks")
    return hub


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize(("query", "status"), LISTING_QUERIES)
def test_listing_parameters_answer_400_or_a_valid_listing(client, pages, version, query, status):
    response = client.get(f"/api/{version}/pages/", query)
    assert response.status_code == status, response.content[:300]
    if status == 400:
        assert response.json()["message"]


@pytest.mark.parametrize("query", [{"search": "\x00"}, {"search": '"'}, {"offset": "9_999"}])
@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_wagtails_other_v2_endpoints_are_guarded_too(client, pages, endpoint, query):
    assert client.get(f"/api/v2/{endpoint}/", query).status_code in (200, 400)


@pytest.mark.parametrize(
    ("query", "status"), [({"id": "abc"}, 400), ({"id": "٣"}, 400), ({"html_path": "/liver/\x00"}, 400)]
)
def test_find_answers_400_to_what_is_not_an_id_or_a_path(client, pages, query, status):
    assert client.get("/api/v2/pages/find/", query).status_code == status


def test_a_search_with_unpaired_quotes_or_only_spaces_finds_what_it_can(client, pages):
    found = client.get("/api/v2/pages/", {"search": '"liver', "type": "wagtail_kratom.RiskSectionPage"}).json()
    assert [item["title"] for item in found["items"]] == ["Liver risks"]
    assert client.get("/api/v2/pages/", {"search": " "}).json()["meta"]["total_count"] >= 0


@pytest.mark.parametrize("query", ["\x00", '"', " ", '"liver', MANY_WORDS])
def test_the_demos_search_page_never_fails(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    if query == MANY_WORDS:
        assert f"Search for at most {MAX_SEARCH_WORDS} words." in response.content.decode()


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_site_names_only_the_site_the_api_is_served_on(client, pages, version):
    other_root = BasePage.get_first_root_node().add_child(instance=OrdinaryPage(title="Elsewhere", slug="else"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    listing = f"/api/{version}/pages/"
    assert client.get(listing, {"site": "other.example"}).status_code == 400
    assert client.get(listing, {"site": "other.example:80"}).status_code == 400
    own = client.get(listing, {"site": "localhost"})
    assert own.status_code == 200
    titles = [item["title"] for item in own.json()["items"]]
    assert "Liver" in titles
    assert "Elsewhere" not in titles
    assert client.get(listing, {"site": "localhost:80"}).status_code == 200


class TestCleanSearchQuery:
    def test_words_are_kept_and_spaces_made_single(self):
        assert clean_search_query("  liver\t injury\n") == "liver injury"

    def test_paired_quotes_are_a_phrase_an_unpaired_one_is_dropped(self):
        assert clean_search_query('"liver injury" risk') == '"liver injury" risk'
        assert clean_search_query('"liver injury') == "liver injury"

    def test_control_characters_are_dropped(self):
        assert clean_search_query("liv\x00er\x07") == "liver"

    def test_too_many_words_are_refused(self):
        assert clean_search_query(" ".join(["a"] * MAX_SEARCH_WORDS))
        with pytest.raises(SearchQueryRefused):
            clean_search_query(" ".join(["a"] * (MAX_SEARCH_WORDS + 1)))


# v3 writes ---------------------------------------------------------------------------------

NESTED_HTML = "<b>" * 2000 + "deep" + "</b>" * 2000


def in_section(*content) -> list:
    return [{"type": "section", "value": {"heading": "Amounts", "content": list(content)}}]


#: Payload fields Wagtail's v3 API answered with 500 (issue 20, item 12).
MALFORMED_WRITES = {
    "a body item that is not an object": {"body": ["x"]},
    "a body item without a type": {"body": [{"value": {}}]},
    "a section that is not an object": {"body": [{"type": "section", "value": "x"}]},
    "section content that is not a list": {"body": [{"type": "section", "value": {"heading": "H", "content": "x"}}]},
    "section content items that are not blocks": {
        "body": [{"type": "section", "value": {"heading": "H", "content": [1]}}]
    },
    "dosage rows that are not a list": {"body": in_section({"type": "dosage", "value": {"rows": "x"}})},
    "a dosage amount that is not a number": {
        "body": in_section({"type": "dosage", "value": {"rows": [{"min": "abc", "max": "2", "unit": "g"}]}})
    },
    "a legal status date that does not exist": {
        "body": in_section(
            {
                "type": "legal_status",
                "value": {"rows": [{"jurisdiction": "UK", "status": "legal", "as_of": "2024-02-30"}]},
            }
        )
    },
    "a citation that is not a block": {"citations": [1]},
    "a citation value that is not an object": {"citations": [{"type": "citation", "value": "x"}]},
    "an accessed date that does not exist": {
        "citations": [{"type": "citation", "value": {"title": "t", "accessed": "2024-13-45"}}]
    },
    "an accessed date that is a number": {"citations": [{"type": "citation", "value": {"title": "t", "accessed": 5}}]},
    "deeply nested HTML in the intro": {"intro": NESTED_HTML},
    "deeply nested HTML in a paragraph": {"body": in_section({"type": "paragraph", "value": NESTED_HTML})},
}


@pytest.fixture
def bearer(admin_user) -> dict:
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}


@pytest.mark.parametrize("fields", MALFORMED_WRITES.values(), ids=MALFORMED_WRITES.keys())
def test_a_malformed_v3_write_answers_422_at_its_field_and_writes_nothing(client, pages, bearer, fields):
    before = (BasePage.objects.count(), Revision.objects.count())
    created = client.post("/api/v3/pages/", create_payload(pages.get_parent(), **fields), **bearer)
    assert created.status_code == 422, created.content[:300]
    assert created["Content-Type"] == "application/problem+json"
    [error] = created.json()["errors"]
    assert error["loc"] == list(fields)
    changed = client.patch(f"/api/v3/pages/{pages.pk}/", fields, **bearer)
    assert changed.status_code == 422, changed.content[:300]
    assert (BasePage.objects.count(), Revision.objects.count()) == before


@pytest.mark.parametrize("body", ["[null, null]", '"text"', "5", "null"])
def test_a_v3_write_whose_body_is_not_an_object_answers_422(client, pages, bearer, body):
    assert client.post("/api/v3/pages/", body, **bearer).status_code == 422
    assert client.patch(f"/api/v3/pages/{pages.pk}/", body, **bearer).status_code == 422


def test_a_well_formed_v3_write_is_still_written(client, pages, bearer):
    fields = {
        "intro": "<p>" + "<b>" * 20 + "Nested, but not deeply." + "</b>" * 20 + "</p>",
        "citations": [{"type": "citation", "value": {"title": "t", "accessed": "2024-02-29"}}],
    }
    assert client.post("/api/v3/pages/", create_payload(pages.get_parent(), **fields), **bearer).status_code == 201


# What the APIs do not disclose ---------------------------------------------------------------


def test_a_draft_disclaimer_chosen_on_a_live_page_is_not_named_by_either_api(client, home):
    draft_wording = Disclaimer.objects.create(kind="evidence", title="Draft evidence", body="<p>x</p>", live=False)
    hub = make_test_page(
        home,
        TopicOverviewPage,
        title="Liver",
        slug="liver",
        kratom_disclaimers=[ArticlePageDisclaimer(disclaimer=draft_wording)],
    )
    detail = client.get(f"/api/v2/pages/{hub.pk}/", {"fields": "kratom_disclaimers"}).json()
    listing = client.get("/api/v2/pages/", {"type": "wagtail_kratom.TopicOverviewPage", "fields": "kratom_disclaimers"})
    v3 = client.get(f"/api/v3/pages/{hub.pk}/").json()
    for answer in (detail, listing.json()["items"][0], v3):
        assert answer["kratom_disclaimers"] == []
    assert f'"id":{draft_wording.pk},"meta":{{"type":"wagtail_kratom.Disclaimer"' not in listing.content.decode()
