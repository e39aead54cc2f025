"""What a reader meets first (breadcrumbs, labels, titles, citations), and an editor's first screens."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from demo_site.home.management.commands.load_initial_data import DEMO_USERS
from demo_site.home.models import HomePage
from tests.utils import make_test_page
from wagtail_kratom.blocks import CitationBlock
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parent.parent / "docs"


def get_html(url: str) -> BeautifulSoup:
    response = Client().get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def risk_page(home):
    hub = make_test_page(home, TopicOverviewPage, title="Kratom and the liver", slug="liver")
    return make_test_page(hub, RiskSectionPage, title="Liver injury", slug="liver-injury")


class TestBreadcrumbs:
    def test_an_article_shows_the_trail_from_the_home_page(self, risk_page):
        nav = get_html(risk_page.url).select_one("nav.kratom-breadcrumbs")
        links = [(link.get_text(), link["href"], link.get("aria-current")) for link in nav.select("a")]
        assert links == [
            ("Home", "/", None),
            ("Kratom and the liver", "/liver/", None),
            ("Liver injury", "/liver/liver-injury/", "page"),
        ]

    def test_the_json_ld_carries_the_same_trail_as_a_breadcrumb_list(self, risk_page):
        html = get_html(risk_page.url)
        (script,) = html.find_all("script", type="application/ld+json")
        trail = json.loads(script.string)["breadcrumb"]
        assert trail["@type"] == "BreadcrumbList"
        assert [(item["@type"], item["position"], item["name"], item["item"]) for item in trail["itemListElement"]] == [
            ("ListItem", 1, "Home", "http://localhost/"),
            ("ListItem", 2, "Kratom and the liver", "http://localhost/liver/"),
            ("ListItem", 3, "Liver injury", "http://localhost/liver/liver-injury/"),
        ]

    def test_an_unpublished_ancestor_is_left_out(self, risk_page):
        risk_page.get_parent().unpublish()
        nav = get_html(risk_page.url).select_one("nav.kratom-breadcrumbs")
        assert [link.get_text() for link in nav.select("a")] == ["Home", "Liver injury"]


def test_readers_never_see_a_model_name(risk_page):
    text = get_html(risk_page.url).get_text(" ")
    assert not re.search(r"(?i)(topic overview|risk section|safe use guide) page", text)


def test_the_home_page_title_names_the_site_once_and_articles_add_it(home, risk_page):
    site_home = HomePage(title="Kratom facts", slug="kratom-facts")
    home.add_child(instance=site_home)
    assert get_html(site_home.url).title.string == "Kratom facts"
    assert get_html(risk_page.url).title.string == "Liver injury – Kratom facts"


class TestCitations:
    def render(self, **fields) -> str:
        block = CitationBlock()
        value = block.to_python({"title": "A title", **fields})
        return BeautifulSoup(block.render(value), "html.parser").get_text().strip()

    def test_authors_ending_in_et_al_get_no_second_full_stop(self):
        text = self.render(authors="Ahmad J, Odin JA, et al.", publisher="A journal", year=2021)
        assert text == "Ahmad J, Odin JA, et al. A title. A journal (2021)."

    def test_a_title_ending_in_a_question_mark_keeps_it_alone(self):
        assert self.render(title="Is kratom safe?", authors="Smith A") == "Smith A. Is kratom safe?"

    def test_no_publisher_or_year_leaves_one_full_stop(self):
        assert self.render() == "A title."


class TestANewPage:
    @pytest.mark.parametrize("model", [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage])
    def test_a_blank_body_shows_no_error_before_input_and_is_refused_when_published(self, model):
        # Wagtail's editor shows a StreamBlock's min_num error as soon as it renders an empty stream.
        stream = model._meta.get_field("body").stream_block
        assert stream.meta.min_num is None
        with pytest.raises(ValidationError) as refused:
            stream.clean(stream.to_python([]))
        assert "This field is required." in str(refused.value.as_json_data())
        stream.defer_required_validation()
        try:
            assert len(stream.clean(stream.to_python([]))) == 0  # A draft may have no section yet.
        finally:
            stream.restore_deferred_validation()

    def test_the_add_page_form_renders_with_no_error(self, admin_client, home):
        hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
        url = reverse("wagtailadmin_pages:add", args=("wagtail_kratom", "safeuseguidepage", hub.pk))
        html = BeautifulSoup(admin_client.get(url).content, "html.parser")
        assert not html.select(".error-message, .w-field--error")


def test_docs_count_the_editor_tabs_there_are(admin_client, risk_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(risk_page.pk,)))
    html = BeautifulSoup(response.content, "html.parser")
    # A tab's text ends with a count of the errors in it, "( )" when there are none.
    tabs = [re.sub(r"\s*\(.*\)$", "", tab.get_text(" ", strip=True)) for tab in html.select('form [role="tab"]')]
    words = {3: "three", 4: "four", 5: "five", 6: "six"}
    assert f"edited in the admin across {words[len(tabs)]} tabs" in (DOCS / "page-types.md").read_text()
    for heading in tabs:
        assert f"**{heading} tab**" in (DOCS / "page-types.md").read_text(), heading


def test_demo_docs_name_every_demo_user():
    text = (DOCS / "demo-site.md").read_text()
    for username, group, _name in DEMO_USERS:
        assert f"`{username}`" in text and group in text
