"""Search and sharing: descriptions, canonical URLs on each page's own Site, link preview tags and the sitemap."""

import datetime
import json
from io import BytesIO
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction, Site

from tests.testapp.models import OrdinaryPage
from tests.utils import make_test_page, set_site_defaults
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.seo import shorten

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9"}

LONG_SUMMARY = (
    "Kratom can, rarely, injure the liver. Most people recover once they stop taking it, but some need "
    "hospital care. Yellow skin or eyes, dark urine and itching are signs to see a doctor about the same day."
)
#: LONG_SUMMARY cut before the word that, with the ellipsis, would take it past 160 characters.
LONG_SUMMARY_SHORTENED = (
    "Kratom can, rarely, injure the liver. Most people recover once they stop taking it, but some need "
    "hospital care. Yellow skin or eyes, dark urine and itching…"
)


class Head:
    """The tags of a rendered page's ``<head>`` that search engines and link previews read."""

    def __init__(self, html: str):
        soup = BeautifulSoup(html, "html.parser")
        self.meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in soup.head.find_all("meta")
            if tag.get("property") or tag.get("name")
        }
        self.descriptions = [tag["content"] for tag in soup.head.find_all("meta", attrs={"name": "description"})]
        self.canonicals = [tag["href"] for tag in soup.head.find_all("link", rel="canonical")]
        json_ld = soup.head.find("script", type="application/ld+json")
        self.json_ld = json.loads(json_ld.string) if json_ld else None


def get_head(client, url: str, **kwargs) -> Head:
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    return Head(response.content.decode())


def sitemap_entries(client, **kwargs) -> dict[str, str | None]:
    """The sitemap's URLs, each with its ``lastmod``."""
    response = client.get("/sitemap.xml", **kwargs)
    assert response.status_code == 200
    urls = ElementTree.fromstring(response.content).findall("sitemap:url", SITEMAP_NS)
    return {
        url.findtext("sitemap:loc", namespaces=SITEMAP_NS): url.findtext("sitemap:lastmod", namespaces=SITEMAP_NS)
        for url in urls
    }


def make_share_image() -> Image:
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), "#005eb8").save(buffer, "PNG")
    return Image.objects.create(title="Kratom leaves", file=ImageFile(buffer, name="kratom-leaves.png"))


@pytest.fixture
def site(home) -> Site:
    """The default site, with a name of its own for ``og:site_name``."""
    site = home.get_site()
    site.site_name = "Test site"
    site.save()
    return site


@pytest.fixture
def other_site(home, site_defaults) -> Site:
    """A second Site on its own hostname and port, with the same default disclaimers."""
    other_home = OrdinaryPage(title="Elsewhere", slug="elsewhere")
    Page.get_first_root_node().add_child(instance=other_home)
    other_site = Site.objects.create(hostname="kratom.example", port=8080, root_page=other_home, site_name="Elsewhere")
    set_site_defaults(other_site, *site_defaults.values())
    return other_site


class TestShorten:
    def test_text_within_the_limit_is_kept_whole(self):
        text = "x" * 160
        assert shorten(text) == text

    def test_long_text_is_cut_on_a_word_boundary_with_an_ellipsis(self):
        assert shorten(LONG_SUMMARY) == LONG_SUMMARY_SHORTENED
        assert len(LONG_SUMMARY_SHORTENED) <= 160

    def test_punctuation_before_the_cut_is_dropped(self):
        assert shorten("Stop taking it, then see a doctor.", length=17) == "Stop taking it…"

    def test_line_breaks_and_runs_of_spaces_become_single_spaces(self):
        assert shorten("Key facts:\n\n  rare,   serious.") == "Key facts: rare, serious."

    def test_one_word_longer_than_the_limit_is_cut_inside_it(self):
        assert shorten("Mitragynine", length=6) == "Mitra…"


class TestDescription:
    def test_an_article_falls_back_to_its_summary_shortened(self, client, home):
        page = make_test_page(home, RiskSectionPage, summary=LONG_SUMMARY)
        head = get_head(client, page.url)
        assert head.descriptions == [LONG_SUMMARY_SHORTENED]
        assert head.meta["og:description"] == LONG_SUMMARY_SHORTENED
        assert head.meta["twitter:description"] == LONG_SUMMARY_SHORTENED

    def test_a_short_summary_is_the_description_as_written(self, client, home):
        page = make_test_page(home, SafeUseGuidePage, summary="Start low, and take breaks.")
        assert get_head(client, page.url).descriptions == ["Start low, and take breaks."]

    def test_the_search_description_wins_when_set(self, client, home):
        page = make_test_page(home, TopicOverviewPage, summary=LONG_SUMMARY, search_description="What kratom is.")
        head = get_head(client, page.url)
        assert head.descriptions == ["What kratom is."]
        assert head.meta["og:description"] == head.meta["twitter:description"] == "What kratom is."

    def test_another_page_type_is_described_by_its_search_description_only(self, client, home):
        assert get_head(client, home.url).descriptions == []
        home.search_description = "Facts about kratom."
        home.save_revision().publish()
        assert get_head(client, home.url).descriptions == ["Facts about kratom."]


class TestLinkPreviews:
    def test_an_article_is_shared_as_an_article_dated_by_its_last_review(self, client, home, site):
        page = make_test_page(home, RiskSectionPage, title="Liver injury", seo_title="Kratom and liver injury")
        meta = get_head(client, page.url).meta
        assert meta["og:type"] == "article"
        assert meta["og:title"] == meta["twitter:title"] == "Kratom and liver injury"
        assert meta["og:url"] == page.get_full_url()
        assert meta["og:site_name"] == "Test site"
        assert meta["article:modified_time"] == page.last_reviewed.isoformat()
        assert meta["article:published_time"] == page.first_published_at.isoformat()
        assert meta["twitter:card"] == "summary"
        assert "og:image" not in meta

    def test_another_page_is_shared_as_a_website(self, client, home):
        meta = get_head(client, home.url).meta
        assert meta["og:type"] == "website"
        assert meta["og:title"] == "Home"
        assert "article:modified_time" not in meta

    def test_a_page_type_with_a_share_image_shows_it_large(self, client, home, monkeypatch):
        image = make_share_image()
        monkeypatch.setattr(RiskSectionPage, "get_share_image", lambda page: image, raising=False)
        page = make_test_page(home, RiskSectionPage)
        meta = get_head(client, page.url).meta
        rendition = image.get_rendition("fill-1200x630")
        assert meta["og:image"] == meta["twitter:image"] == f"http://localhost{rendition.url}"
        assert meta["og:image:alt"] == "Kratom leaves"
        assert meta["twitter:card"] == "summary_large_image"


class TestCanonicalUrl:
    def test_every_page_links_its_canonical_url(self, client, home):
        page = make_test_page(home, TopicOverviewPage, slug="hub")
        assert get_head(client, home.url).canonicals == ["http://localhost/"]
        assert get_head(client, page.url).canonicals == ["http://localhost/hub/"]

    def test_a_page_on_a_second_site_names_that_site_whatever_the_request_host_or_query(self, client, other_site):
        page = make_test_page(other_site.root_page, RiskSectionPage, slug="liver-injury")
        # Wagtail serves this host to the second site, the only one with that hostname, though the port differs.
        head = get_head(client, "/liver-injury/?utm_source=newsletter&page=2", HTTP_HOST="kratom.example:9000")
        assert head.canonicals == ["http://kratom.example:8080/liver-injury/"]
        assert head.meta["og:url"] == "http://kratom.example:8080/liver-injury/"
        assert head.meta["og:site_name"] == "Elsewhere"
        assert head.json_ld["url"] == head.canonicals[0]
        assert page.get_full_url() == head.canonicals[0]


class TestSitemap:
    def test_live_public_pages_of_the_site_are_listed(self, client, home, other_site):
        hub = make_test_page(home, TopicOverviewPage, slug="hub")
        risk = make_test_page(hub, RiskSectionPage, slug="risk")
        make_test_page(other_site.root_page, RiskSectionPage, slug="elsewhere-risk")
        assert set(sitemap_entries(client)) == {
            "http://localhost/",
            "http://localhost/hub/",
            "http://localhost/hub/risk/",
        }
        assert risk.get_full_url() == "http://localhost/hub/risk/"

    def test_each_site_lists_only_its_own_pages(self, client, home, other_site):
        make_test_page(home, RiskSectionPage, slug="risk")
        make_test_page(other_site.root_page, RiskSectionPage, slug="elsewhere-risk")
        assert set(sitemap_entries(client, HTTP_HOST="kratom.example:8080")) == {
            "http://kratom.example:8080/",
            "http://kratom.example:8080/elsewhere-risk/",
        }

    def test_drafts_are_left_out(self, client, home):
        make_test_page(home, RiskSectionPage, slug="draft", publish=False)
        assert "http://localhost/draft/" not in sitemap_entries(client)

    def test_private_pages_and_their_children_are_left_out(self, client, home):
        hub = make_test_page(home, TopicOverviewPage, slug="hub")
        make_test_page(hub, SafeUseGuidePage, slug="guide")
        PageViewRestriction.objects.create(page=hub, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
        assert set(sitemap_entries(client)) == {"http://localhost/"}

    @pytest.mark.parametrize(
        ("last_published_at", "lastmod"),
        [
            pytest.param(datetime.datetime(2025, 1, 5, 9, 30, tzinfo=datetime.UTC), "2025-03-10", id="last-review"),
            pytest.param(datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC), "2025-06-01", id="later-publish"),
        ],
    )
    def test_lastmod_is_the_later_of_the_last_review_and_publish(self, client, home, last_published_at, lastmod):
        page = make_test_page(home, RiskSectionPage, slug="risk")
        RiskSectionPage.objects.filter(pk=page.pk).update(
            last_reviewed=datetime.date(2025, 3, 10), last_published_at=last_published_at
        )
        assert sitemap_entries(client)["http://localhost/risk/"] == lastmod

    def test_other_pages_keep_wagtails_lastmod(self, client, home):
        OrdinaryPage.objects.filter(pk=home.pk).update(
            last_published_at=timezone.make_aware(datetime.datetime(2025, 2, 1))
        )
        assert sitemap_entries(client)["http://localhost/"] == "2025-02-01"
