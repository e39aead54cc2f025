"""Cached parts of article pages: served from the cache, and never stale.

Each test renders a page once, so its parts are cached, changes one thing the page shows in the
way an editor or the code would, and renders it again.
"""

import datetime
from io import StringIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.utils import make_disclaimer, make_legacy_live_page, make_test_page
from wagtail_kratom.fragment_cache import forget_fragments
from wagtail_kratom.models import RelatedArticle, RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.site_settings import KratomSiteSettings, SiteDefaultDisclaimer
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(home) -> dict:
    """A hub with a risk page that picks the hub's guide and a second hub's guide."""
    hub = make_test_page(home, TopicOverviewPage, title="Liver", slug="liver")
    risk = make_test_page(hub, RiskSectionPage, title="Liver risks", slug="risks")
    guide = make_test_page(hub, SafeUseGuidePage, title="Looking after your liver", slug="guide")
    other_hub = make_test_page(home, TopicOverviewPage, title="Dependence", slug="dependence")
    other_guide = make_test_page(other_hub, SafeUseGuidePage, title="Reducing harm", slug="harm")
    risk.kratom_related_articles = [RelatedArticle(target=guide), RelatedArticle(target=other_guide)]
    risk.save_revision().publish()
    return {"hub": hub, "risk": risk, "guide": guide, "other_hub": other_hub, "other_guide": other_guide}


def read(client, page) -> BeautifulSoup:
    response = client.get(Page.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def related_titles(html: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in html.select(".kratom-related a")]


def test_a_page_read_again_comes_from_the_cache(client, topic):
    first = client.get(topic["risk"].url).content
    with CaptureQueriesContext(connection) as fresh:
        cache_miss = client.get(topic["guide"].url).content
    with CaptureQueriesContext(connection) as cached:
        assert client.get(topic["risk"].url).content == first
    assert cache_miss and len(cached) < len(fresh) - 5


def test_publishing_the_page_shows_its_new_revision(client, topic):
    read(client, topic["risk"])
    page = RiskSectionPage.objects.get(pk=topic["risk"].pk)
    page.summary = "A new summary of the risks."
    page.record_review(page.medical_reviewer, timezone.localdate())
    page.save_revision().publish()
    assert "A new summary of the risks." in read(client, page).select_one(".kratom-summary").get_text()


def test_a_draft_never_replaces_the_live_version(client, topic):
    read(client, topic["risk"])
    page = RiskSectionPage.objects.get(pk=topic["risk"].pk)
    page.summary = "An unreviewed draft summary."
    page.save_revision()
    assert "An unreviewed draft summary." not in str(read(client, page))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda target: target.unpublish(), id="unpublished"),
        pytest.param(lambda target: Page.objects.get(pk=target.pk).delete(), id="deleted"),
        pytest.param(
            lambda target: PageViewRestriction.objects.create(page=target, restriction_type="password", password="x"),
            id="made-private",
        ),
    ],
)
def test_a_related_article_that_readers_may_no_longer_see_disappears(client, topic, change):
    assert "Reducing harm" in related_titles(read(client, topic["risk"]))
    change(topic["other_guide"])
    titles = related_titles(read(client, topic["risk"]))
    assert "Looking after your liver" in titles and "Reducing harm" not in titles


def test_a_related_article_renamed_or_moved_is_shown_as_it_is_now(client, topic):
    read(client, topic["risk"])
    guide = SafeUseGuidePage.objects.get(pk=topic["other_guide"].pk)
    guide.title = "Reducing harm from kratom"
    guide.save_revision().publish()
    guide.move(topic["hub"], pos="last-child")
    links = {a.get_text(strip=True): a["href"] for a in read(client, topic["risk"]).select(".kratom-related a")}
    assert links["Reducing harm from kratom"] == Page.objects.get(pk=guide.pk).url


def test_a_hub_lists_a_page_published_under_it_and_drops_one_unpublished(client, topic):
    def listed() -> list[str]:
        return [a.get_text(strip=True) for a in read(client, topic["hub"]).select(".kratom-topic-children a")]

    assert listed() == ["Liver risks", "Looking after your liver"]
    make_test_page(topic["hub"], SafeUseGuidePage, title="Testing products", slug="testing")
    topic["guide"].unpublish()
    assert listed() == ["Liver risks", "Testing products"]


def test_an_edited_disclaimer_is_shown_as_published(client, topic, site_defaults):
    read(client, topic["risk"])
    medical = site_defaults["medical"]
    medical.body = "<p>Ask your pharmacist before you change anything.</p>"
    medical.save_revision().publish()
    assert "Ask your pharmacist" in read(client, topic["risk"]).select_one(".kratom-disclaimer").get_text()


def test_changed_site_defaults_are_shown(client, topic, home):
    read(client, topic["risk"])
    replacement = make_disclaimer("medical", title="Read this first")
    settings = KratomSiteSettings.for_site(home.get_site())
    SiteDefaultDisclaimer.objects.filter(settings=settings, disclaimer__kind="medical").delete()
    SiteDefaultDisclaimer.objects.create(settings=settings, disclaimer=replacement)
    settings.save()
    assert "Read this first" in read(client, topic["risk"]).get_text()


def test_a_renamed_reviewer_is_credited_by_their_new_name(client, topic):
    read(client, topic["risk"])
    reviewer = Contributor.objects.get(pk=topic["risk"].medical_reviewer_id)
    reviewer.name = "Dr Jordan Lee"
    reviewer.save()
    assert "Dr Jordan Lee" in read(client, topic["risk"]).select_one(".kratom-review").get_text()


def test_a_review_falls_due_the_day_it_is_due(client, topic, settings):
    settings.WAGTAIL_KRATOM = {**settings.WAGTAIL_KRATOM, "FRAGMENT_CACHE_SECONDS": 10 * 365 * 24 * 3600}
    page = RiskSectionPage.objects.get(pk=topic["risk"].pk)
    assert not read(client, page).select(".kratom-notice")
    due = datetime.datetime.combine(page.next_review_due, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(due + datetime.timedelta(days=1), tick=False):
        assert timezone.localdate() > page.next_review_due
        assert read(client, page).select(".kratom-notice")


def test_a_new_site_address_is_in_the_json_ld(client, topic, home):
    read(client, topic["risk"])
    site = home.get_site()
    site.hostname, site.port = "kratom.example", 443
    site.save()
    response = client.get(topic["risk"].url, HTTP_HOST="kratom.example")
    json_ld = BeautifulSoup(response.content, "html.parser").select_one('script[type="application/ld+json"]')
    assert "https://kratom.example/liver/risks/" in json_ld.get_text()


def test_a_preview_is_never_cached_nor_served_to_readers(client, topic):
    read(client, topic["risk"])
    page = RiskSectionPage.objects.get(pk=topic["risk"].pk)
    page.summary = "A summary only the preview shows."
    draft = page.save_revision().as_object()
    preview = BeautifulSoup(draft.make_preview_request().content, "html.parser")
    assert "A summary only the preview shows." in preview.select_one(".kratom-summary").get_text()
    assert "A summary only the preview shows." not in str(read(client, page))


def test_code_that_changes_pages_another_way_forgets_their_parts(client, topic):
    read(client, topic["risk"])
    RiskSectionPage.objects.filter(pk=topic["risk"].pk).update(title="Renamed in bulk")
    assert read(client, topic["risk"]).h1.get_text() == "Liver risks"
    forget_fragments([topic["risk"].pk])
    assert read(client, topic["risk"]).h1.get_text() == "Renamed in bulk"


def test_ranking_suggestions_again_shows_them(client, topic):
    """``kratom_refresh_related`` changes suggestions outside publishing: the pages it ranks render afresh."""
    assert "Checking a product" not in related_titles(read(client, topic["guide"]))
    make_legacy_live_page(topic["hub"], RiskSectionPage, title="Checking a product", slug="checking")
    call_command("kratom_refresh_related", stdout=StringIO())
    assert "Checking a product" in related_titles(read(client, topic["guide"]))


def test_a_v2_answer_read_again_comes_from_the_cache_and_forgets_with_the_page(client, topic):
    detail = f"/api/v2/pages/{topic['risk'].pk}/"
    listing = "/api/v2/pages/?type=wagtail_kratom.RiskSectionPage&fields=related_articles"
    with CaptureQueriesContext(connection) as fresh:
        first = client.get(detail).json()
    with CaptureQueriesContext(connection) as cached:
        assert client.get(detail).json() == first
    assert len(cached) < len(fresh) - 5
    assert "Reducing harm" in [item["title"] for item in client.get(listing).json()["items"][0]["related_articles"]]
    topic["other_guide"].unpublish()
    for answer in (client.get(detail).json(), client.get(listing).json()["items"][0]):
        assert "Reducing harm" not in [item["title"] for item in answer["related_articles"]]


def test_a_v2_answer_is_kept_for_the_fields_it_was_asked_with(client, topic):
    url = f"/api/v2/pages/{topic['risk'].pk}/"
    assert "summary" in client.get(url).json()
    assert set(client.get(url, {"fields": "-summary"}).json()) == set(client.get(url).json()) - {"summary"}
    assert "summary" in client.get(url).json()
