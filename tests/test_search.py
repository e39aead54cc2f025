"""Article pages are found by title, summary, section text and topic; drafts are not."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.utils import make_test_page, section
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    liver = make_test_page(
        home,
        RiskSectionPage,
        title="Liver injury",
        slug="liver",
        summary="Cholestatic hepatitis has been reported.",
        body=[section("Signs", ("paragraph", "<p>Jaundice and itching are warning signs.</p>"))],
    )
    liver.topics.add("hepatotoxicity")
    liver.save_revision().publish()
    withdrawal = make_test_page(home, SafeUseGuidePage, title="Cutting down", slug="cutting-down")
    draft = make_test_page(home, TopicOverviewPage, title="Unreleased jaundice page", slug="draft", publish=False)
    return liver, withdrawal, draft


def search(query) -> list[int]:
    return [page.pk for page in Page.objects.live().search(query)]


@pytest.mark.parametrize("query", ["cholestatic", "jaundice", "hepatotoxicity", "liver injury"])
def test_pages_are_found_by_summary_section_text_topic_and_title(pages, query):
    assert pages[0].pk in search(query)


def test_drafts_are_not_found(pages):
    assert pages[0].pk in search("jaundice")
    assert pages[2].pk not in search("jaundice")


def test_demo_search_page_lists_matching_live_articles(pages):
    response = Client().get("/search/", {"q": "jaundice"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Liver injury" in html
    assert "Unreleased jaundice page" not in html
    assert "1 result" in html


def test_demo_search_page_without_query_explains_itself(pages):
    response = Client().get("/search/")
    assert "Type a word" in response.content.decode()
