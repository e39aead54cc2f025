"""The page cache: pages served from Django's cache, purged when what they show changes, private pages never kept.

Set ``REDIS_URL`` to run these against Redis instead of the local-memory cache.
"""

import copy
import os
import runpy
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.contrib.frontend_cache.utils import purge_url_from_cache
from wagtail.models import PageViewRestriction, Site
from wagtail.test.utils.form_data import rich_text

from tests.test_headless_preview import front_end_preview, preview_form
from tests.utils import admin_form_data, make_disclaimer, make_test_page
from wagtail_kratom.frontend_cache import DjangoCacheBackend, get_pages_showing
from wagtail_kratom.models import (
    Contributor,
    KratomSiteSettings,
    RelatedArticle,
    RiskSectionPage,
    SafeUseGuidePage,
    SiteDefaultDisclaimer,
    SuggestedArticle,
    TopicOverviewPage,
)
from wagtail_kratom.page_cache import get_cached_page, page_cache_key, store_page

pytestmark = pytest.mark.django_db

PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_KEY_PREFIX = "kratom-tests"

if redis_url := os.environ.get("REDIS_URL"):
    PAGE_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
else:
    PAGE_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kratom-page-cache-tests"}

#: What the demo sets when PAGE_CACHE_SECONDS is positive, on a cache alias and key prefix of their own,
#: so that the tests show the backend reads them.
PAGE_CACHE_SETTINGS = {
    "CACHES": {**settings.CACHES, PAGE_CACHE_ALIAS: PAGE_CACHE},
    "CACHE_MIDDLEWARE_ALIAS": PAGE_CACHE_ALIAS,
    "CACHE_MIDDLEWARE_KEY_PREFIX": PAGE_CACHE_KEY_PREFIX,
    "CACHE_MIDDLEWARE_SECONDS": 300,
    # Placed as the demo places them: storing first, fetching straight after SecurityMiddleware.
    "MIDDLEWARE": [
        "wagtail_kratom.middleware.UpdatePageCacheMiddleware",
        settings.MIDDLEWARE[0],
        "wagtail_kratom.middleware.FetchFromPageCacheMiddleware",
        *settings.MIDDLEWARE[1:],
    ],
    "WAGTAILFRONTENDCACHE": {"django": {"BACKEND": "wagtail_kratom.frontend_cache.DjangoCacheBackend"}},
}


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(**PAGE_CACHE_SETTINGS):
        cache = caches[PAGE_CACHE_ALIAS]
        cache.clear()
        yield cache
        cache.clear()


@pytest.fixture
def site(home) -> Site:
    """The default site, named as the test client names its host, so that purges name the URLs readers ask for."""
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return site


@pytest.fixture
def hub(site) -> TopicOverviewPage:
    """A topic hub with a risk section and a safe-use guide."""
    hub = make_test_page(site.root_page, TopicOverviewPage, title="Liver", slug="liver")
    make_test_page(hub, RiskSectionPage, title="Liver risks", slug="risks")
    make_test_page(hub, SafeUseGuidePage, title="Looking after your liver", slug="safe")
    return TopicOverviewPage.objects.get(pk=hub.pk)


def child(hub, slug: str = "risks"):
    """The hub's risk section, or its page with ``slug``, as it is now."""
    return hub.get_children().get(slug=slug).specific


def stored_response(url: str, method: str = "GET"):
    """The response the page cache keeps for an anonymous request of the full ``url``, or None."""
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    request = RequestFactory().get(path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
    entry = caches[PAGE_CACHE_ALIAS].get(page_cache_key(request, PAGE_CACHE_KEY_PREFIX))
    return entry.responses.get(entry.variant(request, method)) if entry else None


def store_response(url: str) -> None:
    """Keep a response in the page cache for an anonymous GET of the full ``url``, as the middleware does."""
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    request = RequestFactory().get(path, HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
    store_page(caches[PAGE_CACHE_ALIAS], request, HttpResponse("stored"), 300, PAGE_CACHE_KEY_PREFIX)


def publish_change(page, **changes):
    """Publish a new revision of ``page`` with ``changes``, as the admin does."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    # Changed health content goes live only with a new review (the go-live gate).
    page.record_review(page.medical_reviewer, timezone.localdate())
    page.save_revision().publish()
    return page


def text(response) -> str:
    return response.content.decode()


# Serving from the cache -----------------------------------------------------------------------


class TestServing:
    def test_the_second_anonymous_get_is_served_from_the_cache(self, client, hub, django_assert_num_queries):
        first = client.get(hub.url)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            second = client.get(hub.url)
        assert second.content == first.content
        assert "max-age=300" in second["Cache-Control"]

    def test_a_cached_page_is_one_cache_read(self, client, hub, page_cache, monkeypatch):
        client.get(hub.url)
        reads = []
        read = page_cache.get
        monkeypatch.setattr(page_cache, "get", lambda *args, **kwargs: reads.append(args[0]) or read(*args, **kwargs))
        assert "Liver risks" in text(client.get(hub.url))
        assert len(reads) == 1

    def test_copies_that_vary_on_a_header_are_kept_and_served_apart(self, page_cache):
        requests = [RequestFactory().get("/liver/", HTTP_ACCEPT_ENCODING=encoding) for encoding in ("gzip", "br")]
        for request in requests:
            response = HttpResponse(f"for {request.headers['Accept-Encoding']}")
            response["Vary"] = "Accept-Encoding"
            store_page(page_cache, request, response, 300, PAGE_CACHE_KEY_PREFIX)
        for request in requests:
            cached = get_cached_page(page_cache, request, PAGE_CACHE_KEY_PREFIX)
            assert text(cached) == f"for {request.headers['Accept-Encoding']}"
        assert get_cached_page(page_cache, RequestFactory().get("/liver/"), PAGE_CACHE_KEY_PREFIX) is None

    def test_readers_with_cookies_of_their_own_share_the_cached_page(self, client, hub, django_assert_num_queries):
        client.get(hub.url)
        client.cookies["_analytics"] = "reader-42"
        with django_assert_num_queries(0):
            assert "Liver risks" in text(client.get(hub.url))

    def test_a_new_revision_is_served_at_once(self, client, hub, django_capture_on_commit_callbacks):
        assert "Kratom can, rarely, injure the liver." in text(client.get(hub.url))
        with django_capture_on_commit_callbacks(execute=True):
            publish_change(hub, summary="A new summary, published just now.")
        assert "A new summary, published just now." in text(client.get(hub.url))

    def test_an_unpublished_page_is_gone_at_once(self, client, hub, django_capture_on_commit_callbacks):
        risk = child(hub)
        assert client.get(risk.url).status_code == 200
        assert "Liver risks" in text(client.get(hub.url))
        with django_capture_on_commit_callbacks(execute=True):
            risk.unpublish()
        assert client.get(risk.url).status_code == 404
        assert "Liver risks" not in text(client.get(hub.url))


# Variants of a page's URL -------------------------------------------------------------------


class TestVariants:
    def test_a_query_string_is_served_fresh_and_never_stored(self, client, hub, django_capture_on_commit_callbacks):
        risk = child(hub)
        for query in ("ref=abc", "ref=abd", "utm_source=mail"):
            assert "Liver risks" in text(client.get(f"{risk.url}?{query}"))
            assert stored_response(f"{risk.full_url}?{query}") is None
        # Nor under the plain URL (readable on Redis too, where the cache cannot be counted).
        assert stored_response(risk.full_url) is None
        with django_capture_on_commit_callbacks(execute=True):
            risk.unpublish()
        assert client.get(f"{risk.url}?ref=abc").status_code == 404

    def test_another_host_name_is_served_fresh_and_never_stored(
        self, client, hub, site, django_capture_on_commit_callbacks
    ):
        risk = child(hub)
        path = risk.relative_url(site)
        Site.objects.create(hostname="alias.example", port=80, root_page=site.root_page)
        # Purges name the page on one of the sites it belongs to; only that host's copy is kept.
        purged_host = urlsplit(child(hub).full_url).netloc
        for host in ("alias.example", "testserver", "other.example", "testserver:8080"):
            assert "Liver risks" in text(client.get(path, HTTP_HOST=host))
            assert (stored_response(f"http://{host}{path}") is not None) == (host == purged_host), host
        assert "Liver risks" in text(client.get(path, secure=True))
        assert stored_response(f"https://testserver{path}") is None
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(page=risk, restriction_type="password", password="x")
        for host in ("alias.example", "testserver", "other.example"):
            assert "Liver risks" not in text(client.get(path, HTTP_HOST=host))

    def test_the_url_a_purge_names_is_stored(self, client, hub):
        client.get(hub.url)
        assert stored_response(hub.full_url) is not None


# A cache outage ------------------------------------------------------------------------------


class TestCacheOutage:
    @pytest.fixture
    def unreachable_cache(self):
        # Nothing listens on port 1: every operation of Django's own Redis backend raises ConnectionError.
        dead = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
        with override_settings(CACHES={**settings.CACHES, PAGE_CACHE_ALIAS: dead}):
            yield

    def test_pages_are_served_uncached_and_the_outage_logged(self, client, hub, unreachable_cache, caplog):
        with caplog.at_level("WARNING", logger="wagtail_kratom.middleware"):
            for _attempt in range(2):
                response = client.get(hub.url)
                assert response.status_code == 200
                assert "Liver risks" in text(response)
        assert "The page cache could not be read" in caplog.text
        assert "max-age" not in response.get("Cache-Control", "")

    def test_the_demo_serves_pages_and_the_admin_login_with_redis_down(
        self, client, hub, admin_user, monkeypatch, caplog
    ):
        monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
        demo = runpy.run_path(str(Path(settings.DEMO_DIR) / "settings" / "base.py"))
        with override_settings(
            CACHES=demo["CACHES"],
            CACHE_MIDDLEWARE_ALIAS="default",
            DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=demo.get("DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS", False),
        ):
            for url in (hub.url, child(hub).url, "/favicon.ico", "/no-such-page/", "/admin/login/"):
                assert client.get(url).status_code in (200, 302, 404), url
            login = client.post("/admin/login/", {"username": admin_user.username, "password": "password"})
            assert login.status_code == 302
            assert client.get("/admin/").status_code == 200
        assert "Error 111 connecting to 127.0.0.1:1" in caplog.text


# Never stored, never served to anyone else --------------------------------------------------


class TestNeverShared:
    def test_drafts_are_never_stored_or_served(self, client, admin_client, hub):
        make_test_page(hub, RiskSectionPage, title="Unpublished risks", slug="draft", publish=False)
        assert client.get("/liver/draft/").status_code == 404
        assert stored_response("http://testserver/liver/draft/") is None

        risk = child(hub)
        client.get(risk.url)
        risk.title = "Draft title"
        risk.save_revision()
        view_draft = reverse("wagtailadmin_pages:view_draft", args=[risk.pk])
        assert "Draft title" in text(admin_client.get(view_draft))
        assert stored_response(f"http://testserver{view_draft}") is None
        assert "Draft title" not in text(client.get(risk.url))
        assert "Draft title" not in text(admin_client.get(risk.url))

    def test_a_password_protected_page_is_never_stored(self, client, hub):
        risk = child(hub)
        restriction = PageViewRestriction.objects.create(page=risk, restriction_type="password", password="x")
        form = client.get(risk.url)
        assert "password" in text(form)
        assert {"private", "no-store"} <= set(form["Cache-Control"].replace(" ", "").split(","))
        assert stored_response(risk.full_url) is None

        reader = Client()
        reader.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, risk.pk]),
            {"password": "x", "return_url": risk.url},
        )
        page = reader.get(risk.url)
        assert "Liver risks" in text(page)
        assert "private" in page["Cache-Control"]
        assert stored_response(risk.full_url) is None
        assert "Liver risks" not in text(client.get(risk.url))

    def test_a_group_restricted_page_is_never_stored(self, client, hub, django_user_model):
        risk = child(hub)
        members = Group.objects.create(name="Members")
        restriction = PageViewRestriction.objects.create(page=risk, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([members])
        member = django_user_model.objects.create_user("member", password="x")
        member.groups.add(members)
        reader = Client()
        reader.force_login(member)
        page = reader.get(risk.url)
        assert "Liver risks" in text(page)
        assert "private" in page["Cache-Control"]
        assert stored_response(risk.full_url) is None
        assert client.get(risk.url).status_code == 302

    def test_restricting_a_cached_page_stops_serving_it(self, client, hub, django_capture_on_commit_callbacks):
        risk = child(hub)
        client.get(risk.url)
        assert "Liver risks" in text(client.get(hub.url))
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(page=risk, restriction_type="password", password="x")
        assert "Liver risks" not in text(client.get(risk.url))
        assert "Liver risks" not in text(client.get(hub.url))

    def test_a_preview_shows_the_draft_while_the_live_page_is_cached(self, client, admin_client, hub):
        risk = child(hub)
        admin_client.get(risk.url)
        client.get(risk.url)
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[risk.pk])
        paragraph = ("paragraph", rich_text("<p>Words only the editor has seen.</p>"))
        data = admin_form_data([("What is known", [paragraph])], title="Previewed title", slug="risks")
        assert admin_client.post(preview_url, data).json()["is_valid"]
        preview = admin_client.get(preview_url)
        assert "Previewed title" in text(preview)
        assert "Previewed title" not in text(client.get(risk.url))
        assert "Previewed title" not in text(stored_response(risk.full_url))

    def test_a_headless_preview_is_never_stored(self, admin_client, client, hub):
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[child(hub).pk])
        token = front_end_preview(admin_client, preview_url, preview_form("Unsaved draft title"))
        draft = client.get("/api/v2/page_preview/", {"token": token})
        assert draft.json()["title"] == "Unsaved draft title"
        assert "no-store" in draft.get("Cache-Control", "")
        assert stored_response(f"http://testserver/api/v2/page_preview/?token={token}") is None

    def test_api_answers_and_search_results_are_never_stored(self, client, hub):
        # No purge reaches them: a page unpublished or made private would stay in them.
        for url in (f"/api/v2/pages/{hub.pk}/", "/api/v2/pages/?fields=*", f"/api/v3/pages/{hub.pk}/", "/search/?q=x"):
            assert client.get(url).status_code == 200
            assert stored_response(f"http://testserver{url}") is None, url

    def test_the_admin_is_never_stored(self, admin_client, hub):
        for url in ("/admin/", reverse("wagtailadmin_pages:edit", args=[hub.pk])):
            response = admin_client.get(url)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]
            assert stored_response(f"http://testserver{url}") is None


@pytest.fixture
def userbar_templates(tmp_path):
    """Templates whose base shows Wagtail's userbar, as many sites' do."""
    (tmp_path / "wagtail_kratom").mkdir()
    (tmp_path / "wagtail_kratom" / "base.html").write_text(
        "{% load wagtailuserbar %}<html><body>{% block content %}{% endblock %}{% wagtailuserbar %}</body></html>"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    with override_settings(TEMPLATES=templates):
        yield


@pytest.mark.usefixtures("userbar_templates")
class TestEditorsPages:
    def test_an_editors_page_is_private_and_never_reaches_readers(self, client, admin_client, hub):
        editors = admin_client.get(hub.url)
        assert "userbar" in text(editors)
        assert "private" in editors["Cache-Control"]
        reader = client.get(hub.url)
        assert "Liver risks" in text(reader)
        assert "userbar" not in text(reader)
        assert "userbar" not in text(stored_response(hub.full_url))

    def test_a_readers_cached_page_is_not_served_to_editors(self, client, admin_client, hub):
        client.get(hub.url)
        assert stored_response(hub.full_url) is not None
        assert "userbar" in text(admin_client.get(hub.url))

    def test_editors_see_what_they_published_at_once(self, admin_client, hub, django_capture_on_commit_callbacks):
        admin_client.get(hub.url)
        with django_capture_on_commit_callbacks(execute=True):
            publish_change(hub, summary="What the editor just published.")
        assert "What the editor just published." in text(admin_client.get(hub.url))


# What is purged when ------------------------------------------------------------------------


class TestPurges:
    def test_publishing_a_section_purges_its_hub(self, client, hub, django_capture_on_commit_callbacks):
        assert "Liver risks" in text(client.get(hub.url))
        with django_capture_on_commit_callbacks(execute=True):
            publish_change(child(hub), title="Liver injury")
        assert "Liver injury" in text(client.get(hub.url))

    def test_purges_wait_for_the_commit(self, client, hub, django_capture_on_commit_callbacks):
        client.get(hub.url)
        with django_capture_on_commit_callbacks() as callbacks:
            publish_change(child(hub), title="Liver injury")
        assert stored_response(hub.full_url) is not None
        for callback in callbacks:
            callback()
        assert stored_response(hub.full_url) is None

    def test_unpublishing_purges_the_pages_that_pick_it(self, client, hub, site, django_capture_on_commit_callbacks):
        other_hub = make_test_page(site.root_page, TopicOverviewPage, title="Dependence", slug="dependence")
        picking = make_test_page(other_hub, RiskSectionPage, title="Withdrawal", slug="withdrawal")
        picking.kratom_related_articles = [RelatedArticle(target=child(hub), label="Read about the liver")]
        picking.save_revision().publish()
        assert "Read about the liver" in text(client.get(picking.url))
        with django_capture_on_commit_callbacks(execute=True):
            child(hub).unpublish()
        assert "Read about the liver" not in text(client.get(picking.url))

    def test_publishing_purges_pages_elsewhere_that_suggest_it(
        self, client, hub, site, django_capture_on_commit_callbacks
    ):
        risk = child(hub)
        risk.topics.add("liver")
        risk.save_revision().publish()
        other_hub = make_test_page(site.root_page, TopicOverviewPage, title="Dependence", slug="dependence")
        suggesting = make_test_page(other_hub, SafeUseGuidePage, title="Reducing harm", slug="harm")
        suggesting.topics.add("liver")
        suggesting.save_revision().publish()
        assert SuggestedArticle.objects.filter(page_id=suggesting.pk, target_id=risk.pk).exists()
        assert "Liver risks" in text(client.get(suggesting.url))
        with django_capture_on_commit_callbacks(execute=True):
            publish_change(risk, title="Liver injury")
        assert "Liver injury" in text(client.get(suggesting.url))
        with django_capture_on_commit_callbacks(execute=True):
            child(hub).unpublish()
        assert "Liver injury" not in text(client.get(suggesting.url))

    def test_moving_a_page_purges_both_hubs(self, client, hub, site, django_capture_on_commit_callbacks):
        other_hub = make_test_page(site.root_page, TopicOverviewPage, title="Dependence", slug="dependence")
        client.get(hub.url)
        client.get(other_hub.url)
        with django_capture_on_commit_callbacks(execute=True):
            child(hub).move(other_hub, pos="last-child")
        assert "Liver risks" not in text(client.get(hub.url))
        assert "Liver risks" in text(client.get(other_hub.url))

    def test_publishing_a_disclaimer_purges_only_the_pages_showing_it(
        self, client, hub, site_defaults, django_capture_on_commit_callbacks, django_assert_num_queries
    ):
        own = make_disclaimer("medical", title="The guide's own medical note")
        guide = child(hub, "safe")
        guide.kratom_disclaimers.create(disclaimer=own)
        guide.save_revision().publish()
        risk = child(hub)
        for page in (guide, risk):
            client.get(page.url)
        with django_capture_on_commit_callbacks(execute=True):
            own.title = "The guide's reworded medical note"
            own.save_revision().publish()
        assert "The guide&#x27;s reworded medical note" in text(client.get(guide.url))
        with django_assert_num_queries(0):
            client.get(risk.url)

    def test_publishing_a_site_default_disclaimer_purges_every_page_using_it(
        self, client, hub, site_defaults, django_capture_on_commit_callbacks
    ):
        urls = [hub.url, child(hub).url, child(hub, "safe").url]
        for url in urls:
            client.get(url)
        default = site_defaults["medical"]
        with django_capture_on_commit_callbacks(execute=True):
            default.title = "Reworded default"
            default.save_revision().publish()
        for url in urls:
            assert "Reworded default" in text(client.get(url))

    def test_changing_the_site_defaults_purges_the_sites_article_pages(
        self, client, hub, site, site_defaults, django_capture_on_commit_callbacks
    ):
        client.get(hub.url)
        replacement = make_disclaimer("medical", title="A new default medical disclaimer")
        site_settings = KratomSiteSettings.for_site(site)
        with django_capture_on_commit_callbacks(execute=True):
            SiteDefaultDisclaimer.objects.filter(settings=site_settings, disclaimer=site_defaults["medical"]).update(
                disclaimer=replacement
            )
            site_settings.save()
        assert "A new default medical disclaimer" in text(client.get(hub.url))

    def test_editing_a_contributor_purges_the_pages_crediting_them(
        self, client, hub, django_capture_on_commit_callbacks
    ):
        reviewer = Contributor.objects.create(name="Dr Ada Jones", role="Hepatologist")
        publish_change(hub, medical_reviewer=reviewer)
        client.get(hub.url)
        with django_capture_on_commit_callbacks(execute=True):
            reviewer.role = "Consultant hepatologist"
            reviewer.save()
        assert "Consultant hepatologist" in text(client.get(hub.url))

    def test_the_pages_to_purge_are_found_in_one_query(self, hub, site, django_assert_num_queries):
        risk = child(hub)
        for number in range(5):
            picking = make_test_page(hub, SafeUseGuidePage, title=f"Guide {number}", slug=f"guide-{number}")
            RelatedArticle.objects.create(page=picking, target=risk)
        with django_assert_num_queries(1):
            showing = {page.title for page in get_pages_showing([risk])}
        assert {"Liver", "Guide 0", "Guide 4"} <= showing


# The backend ---------------------------------------------------------------------------------


class TestDjangoCacheBackend:
    def test_a_purge_deletes_the_get_and_head_responses(self, client, hub):
        client.head(hub.url)
        client.get(hub.url)
        assert stored_response(hub.full_url, "HEAD") is not None
        assert stored_response(hub.full_url) is not None
        DjangoCacheBackend({}).purge(hub.full_url)
        assert stored_response(hub.full_url, "HEAD") is None
        assert stored_response(hub.full_url) is None

    def test_a_purge_names_the_scheme_host_port_and_query(self, hub):
        # The middleware stores no such copies; the backend still purges exactly the URLs it is given.
        for query in ("a=1", "a=2"):
            store_response(f"https://example.com:8443{hub.url}?{query}")
        first, second = (f"https://example.com:8443{hub.url}?{query}" for query in ("a=1", "a=2"))
        DjangoCacheBackend({}).purge_batch([first, f"http://example.com:8443{hub.url}?a=2"])
        assert stored_response(first) is None
        assert stored_response(second) is not None

    def test_a_purge_from_the_editors_language_and_time_zone_finds_the_readers_copy(self, client, hub):
        client.get(hub.url)
        with translation.override("fr"), timezone.override("Europe/Paris"):
            DjangoCacheBackend({}).purge(hub.full_url)
        assert stored_response(hub.full_url) is None

    def test_hostnames_limit_what_the_backend_purges(self, client, hub):
        client.get(hub.url)
        backend = "wagtail_kratom.frontend_cache.DjangoCacheBackend"
        purge_url_from_cache(hub.full_url, backend_settings={"django": {"BACKEND": backend, "HOSTNAMES": ["other"]}})
        assert stored_response(hub.full_url) is not None
        purge_url_from_cache(
            hub.full_url, backend_settings={"django": {"BACKEND": backend, "HOSTNAMES": ["testserver"]}}
        )
        assert stored_response(hub.full_url) is None


# The demo's settings -------------------------------------------------------------------------


class TestDemoSettings:
    def load(self, monkeypatch, value: str | None) -> dict:
        if value is None:
            monkeypatch.delenv("PAGE_CACHE_SECONDS", raising=False)
        else:
            monkeypatch.setenv("PAGE_CACHE_SECONDS", value)
        return runpy.run_path(str(Path(settings.DEMO_DIR) / "settings" / "base.py"))

    def test_pages_are_cached_only_for_a_positive_number_of_seconds(self, monkeypatch):
        for value in (None, "", "0", "-5"):
            demo = self.load(monkeypatch, value)
            assert not any("CacheMiddleware" in middleware for middleware in demo["MIDDLEWARE"])
            assert "CACHE_MIDDLEWARE_SECONDS" not in demo
        demo = self.load(monkeypatch, "120")
        assert demo["MIDDLEWARE"][0] == "wagtail_kratom.middleware.UpdatePageCacheMiddleware"
        # Fetching comes straight after SecurityMiddleware, before sessions and authentication.
        assert demo["MIDDLEWARE"][1:3] == [
            "django.middleware.security.SecurityMiddleware",
            "wagtail_kratom.middleware.FetchFromPageCacheMiddleware",
        ]
        assert demo["MIDDLEWARE"].count("django.middleware.security.SecurityMiddleware") == 1
        assert demo["CACHE_MIDDLEWARE_SECONDS"] == 120
        assert "wagtail.contrib.frontend_cache" in demo["INSTALLED_APPS"]
        assert demo["WAGTAILFRONTENDCACHE"]["django"]["BACKEND"] == "wagtail_kratom.frontend_cache.DjangoCacheBackend"

    def test_a_value_that_is_not_a_number_is_refused(self, monkeypatch):
        with pytest.raises(ImproperlyConfigured, match="PAGE_CACHE_SECONDS"):
            self.load(monkeypatch, "60s")
