"""Wagtail's own v2 and v3 APIs serve the article fields resolved and typed."""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from tests.utils import make_test_page
from wagtail_kratom.checks import check_api_rich_text_format
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db

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
        "last_reviewed": "2026-06-01",
        "next_review_due": "2027-06-01",
        "is_overdue": False,
        "reviewed_by": {
            "name": "Dr A Reviewer",
            "credentials": "MBBS",
            "role": "Hepatologist",
            "is_organisation": False,
            "url": "",
        },
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


def test_database_rich_text_format_is_warned_about():
    with override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html"):
        assert [warning.id for warning in check_api_rich_text_format(None)] == ["wagtail_kratom.W001"]
    assert check_api_rich_text_format(None) == []
