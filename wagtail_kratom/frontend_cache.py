"""The page cache's purges, through Wagtail's frontend cache app, and the cached parts of pages.

The page cache middleware (``wagtail_kratom.middleware``) stores Wagtail's pages in Django's
cache, keyed by URL. ``DjangoCacheBackend`` is a ``WAGTAILFRONTENDCACHE`` backend that
deletes those entries, so every purge Wagtail sends (a page's own URLs on publish and unpublish)
reaches them as it reaches a CDN. The ``purge_*`` receivers, connected in ``signal_handlers``,
add the pages Wagtail does not know show a change: the hub that lists a page, the pages that
pick or suggest it, the pages showing a disclaimer or crediting a contributor. Every backend in
``WAGTAILFRONTENDCACHE`` gets the same purges, and the same pages forget their cached parts
(``fragment_cache``), with or without the frontend cache app. See docs/deployment.md.
"""

from collections.abc import Iterable
from io import BytesIO
from urllib.parse import unquote_to_bytes, urlsplit

import swapper
from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import models, transaction
from django.utils import timezone, translation
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .article_types import get_article_page_models
from .fragment_cache import forget_fragments
from .page_cache import page_cache_key
from .pages import ArticlePageMixin
from .related import PAGE_STEPLEN, RelatedArticle, SuggestedArticle

#: Disclaimer fields pages show; saves that touch none of them (revision bookkeeping, locking) purge nothing.
SHOWN_DISCLAIMER_FIELDS = {"kind", "title", "body", "active", "live"}


# The frontend cache backend ---------------------------------------------------------------------


def build_reader_request(url: str) -> WSGIRequest:
    """A GET of ``url`` as an anonymous reader sends it, with no cookies, to find the cache keys of its response."""
    parts = urlsplit(url)
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            # WSGI servers hand Django the percent-decoded path as Latin-1 text.
            "PATH_INFO": unquote_to_bytes(parts.path or "/").decode("latin-1"),
            "QUERY_STRING": parts.query,
            "SERVER_NAME": parts.hostname or "",
            "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
            "HTTP_HOST": parts.netloc,
            "wsgi.url_scheme": parts.scheme or "http",
            "wsgi.input": BytesIO(),
        }
    )
    # Cache keys name the request's language: LocaleMiddleware's choice, or the default.
    if "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE:
        prefixed, _default_prefixed = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
        request.LANGUAGE_CODE = translation.get_language_from_request(request, check_path=prefixed)
    else:
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
    return request


class DjangoCacheBackend(BaseBackend):
    """Deletes every copy the page cache middleware stored for each URL (GET and HEAD, in one entry).

    It reads the middleware's own settings, ``CACHE_MIDDLEWARE_ALIAS`` and
    ``CACHE_MIDDLEWARE_KEY_PREFIX``, when it purges. Like every backend it takes ``HOSTNAMES``.
    """

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        keys = []
        # Keys name the time zone too; readers' requests run in the default one, the admin's may not.
        with timezone.override(None):
            for url in urls:
                request = build_reader_request(url)
                try:
                    request.get_host()
                except DisallowedHost:
                    # No reader can reach a host outside ALLOWED_HOSTS, so nothing is stored for it.
                    continue
                keys.append(page_cache_key(request, settings.CACHE_MIDDLEWARE_KEY_PREFIX))
        cache.delete_many(keys)


# What to purge when --------------------------------------------------------------------------


def purge_pages(pages: Iterable) -> None:
    """Drop the cached parts of ``pages`` and purge their URLs from every frontend cache, once the
    current transaction commits.

    Purged before the commit, a page could be cached again, as it was, by a reader in between. The
    parts are dropped now as well, for the rest of this transaction's own renders.
    """
    pages = list(pages)
    if not pages:
        return
    page_ids = [page.pk for page in pages]
    forget_fragments(page_ids)
    transaction.on_commit(lambda: forget_fragments(page_ids))
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        batch = PurgeBatch()
        batch.add_pages(pages)
        if batch.urls:
            transaction.on_commit(batch.purge)


def get_pages_showing(pages: list) -> models.QuerySet:
    """Live pages that show any of ``pages``, in one query.

    Their parents list them (a topic hub its risk and safe-use pages, a home page its hubs),
    and article pages show them as related articles, picked by editors or suggested.
    """
    page_ids = [page.pk for page in pages]
    if not page_ids:
        return swapper.load_model("wagtailcore", "Page").objects.none()
    parent_paths = {page.path[:-PAGE_STEPLEN] for page in pages if page.depth > 1}
    showing = (
        models.Q(path__in=parent_paths)
        | models.Q(pk__in=RelatedArticle.objects.filter(target_id__in=page_ids).values("page_id"))
        | models.Q(pk__in=SuggestedArticle.objects.filter(target_id__in=page_ids).values("page_id"))
    )
    return swapper.load_model("wagtailcore", "Page").objects.live().filter(showing)


def get_neighbours(page) -> models.QuerySet:
    """Live pages around ``page`` whose suggestions are ranked again when it is published: siblings and children."""
    return (
        swapper.load_model("wagtailcore", "Page")
        .objects.live()
        .filter(
            models.Q(path__startswith=page.path[:-PAGE_STEPLEN], depth=page.depth)
            | models.Q(path__startswith=page.path, depth=page.depth + 1)
        )
    )


def purge_pages_around_published_article(sender, instance, **kwargs) -> None:
    """On ``page_published``: purge the pages that show the article page, and those around it.

    Wagtail purges the page itself. Publishing ranks the suggestions of the pages around it
    again (``refresh_suggestions_near``), which may now show it or no longer do.
    """
    if isinstance(instance, ArticlePageMixin):
        purge_pages(get_pages_showing([instance]) | get_neighbours(instance))


def purge_pages_showing_unpublished_article(sender, instance, **kwargs) -> None:
    """On ``page_unpublished`` (also sent when a live page is deleted): purge the pages that show it."""
    if isinstance(instance, ArticlePageMixin):
        purge_pages(get_pages_showing([instance]))


def purge_pages_around_moved_page(sender, instance, parent_page_before, **kwargs) -> None:
    """On ``post_page_move``: purge both parents' listings and the pages that link to the moved pages.

    Wagtail's redirects app purges the old URLs when it creates redirects for them.
    """
    moved = list(instance.get_descendants(inclusive=True).live())
    # The query finds the new parent by the moved page's path; the old one is named here.
    purge_pages([*get_pages_showing(moved), parent_page_before])


def purge_restricted_pages(sender, instance, **kwargs) -> None:
    """On saving or deleting a page view restriction: purge the pages it covers and those that show them.

    Wagtail never stores a restricted page (it sends ``Cache-Control: private, no-store``), but
    the public copy cached before the restriction would still be served, and hubs and related
    articles list only public pages.
    """
    page = swapper.load_model("wagtailcore", "Page").objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    covered = list(page.get_descendants(inclusive=True).live())
    purge_pages([*covered, *get_pages_showing(covered)])


def purge_pages_showing_disclaimer(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    """On saving a disclaimer (publishing one saves it): purge the live pages that show it, chosen or as a default."""
    if raw or (update_fields is not None and not SHOWN_DISCLAIMER_FIELDS.intersection(update_fields)):
        return
    purge_pages(instance.get_live_pages_showing())


def purge_article_pages_of_site(sender, instance, raw=False, **kwargs) -> None:
    """On saving a site's kratom settings: purge all its live article pages, which show its default disclaimers."""
    if raw:
        return
    purge_pages(
        swapper.load_model("wagtailcore", "Page")
        .objects.live()
        .type(*get_article_page_models())
        .descendant_of(instance.site.root_page, inclusive=True)
    )


def purge_pages_of_changed_site(sender, instance, raw=False, **kwargs) -> None:
    """On saving a Wagtail site (its hostname, port or root page): purge its live pages, whose absolute
    URLs (JSON-LD, canonical links, the APIs) name it."""
    if raw:
        return
    purge_pages(
        swapper.load_model("wagtailcore", "Page").objects.live().descendant_of(instance.root_page, inclusive=True)
    )


def purge_pages_crediting_contributor(sender, instance, raw=False, **kwargs) -> None:
    """On saving a contributor: purge the live article pages that credit them as author or medical reviewer."""
    if raw:
        return
    crediting = models.Q(pk__in=[])
    for model in get_article_page_models():
        credits = model.objects.filter(models.Q(author=instance) | models.Q(medical_reviewer=instance))
        crediting |= models.Q(pk__in=credits.values("pk"))
    purge_pages(swapper.load_model("wagtailcore", "Page").objects.live().filter(crediting))
