"""Middleware: the page cache, made safe for Wagtail, and bounds for Wagtail's API pagination."""

import logging

from django.http import JsonResponse
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import has_vary_header, patch_cache_control

#: The URL name of Wagtail's view that serves pages (``wagtail.urls``).
PAGE_SERVING_URL_NAME = "wagtail_serve"

#: The largest offset or limit SQL databases accept (a signed 64-bit integer).
LARGEST_PAGINATION_NUMBER = 2**63 - 1

PAGINATION_PARAMETERS = ("offset", "limit")

logger = logging.getLogger(__name__)


class APIPaginationBoundsMiddleware:
    """Answer 400 to a request whose ``offset`` or ``limit`` is beyond what SQL can take.

    Wagtail 8.0's v2 and v3 API paginators pass these numbers to the database
    unchecked, and a number over 2⁶³ − 1 ends in a server error (found by
    schemathesis). Numbers within range are left for the API to judge.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in PAGINATION_PARAMETERS:
            value = request.GET.get(name, "").strip()
            if value.isascii() and value.isdigit() and int(value) > LARGEST_PAGINATION_NUMBER:
                return JsonResponse({"message": f"{name} must be at most {LARGEST_PAGINATION_NUMBER}"}, status=400)
        return self.get_response(request)


def is_for_one_reader(request, response) -> bool:
    """Whether ``response`` was made for the credentials ``request`` carried, and so must not be shared.

    Django's sessions make a response vary on Cookie once they are read (Wagtail's userbar,
    a CSRF token, a passed page password); Django's cache would store it under a key made of the
    reader's cookies, where a purge, which sends none, cannot find it.
    """
    if "public" in response.get("Cache-Control", ""):
        return False
    return bool(request.headers.get("Authorization")) or (bool(request.COOKIES) and has_vary_header(response, "Cookie"))


def serves_a_page(request) -> bool:
    """Whether Wagtail's page-serving view answered ``request``: only its answers have purges that keep them fresh."""
    return getattr(request.resolver_match, "url_name", None) == PAGE_SERVING_URL_NAME


def get_purged_urls(page) -> set[str]:
    """The URLs a purge of ``page`` names: its full URL on its own site, with each of its cached paths.

    The same as Wagtail's frontend cache app sends (``PurgeBatch.add_page``), so that a copy stored
    under one of them is one a purge deletes.
    """
    page_url = page.get_full_url()
    if page_url is None:
        return set()
    return {page_url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}


def is_purged_url(request) -> bool:
    """Whether a purge of the page ``request`` was served names its URL exactly.

    Any query string (``?ref=…``, ``?utm_source=…``), another host name for the site (an alias
    ``Site``, a default site answering any host) or another scheme or port makes a variant no purge
    reaches: stored, it would go on serving the page after it was unpublished or made private, and
    each new query string would store another copy. Variants are served, just not kept.
    """
    if request.META.get("QUERY_STRING"):
        return False
    # Wagtail's serve view keeps the page it routed to on the request (``Page.route_for_request``).
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route:
        return False
    return request.build_absolute_uri() in get_purged_urls(route[0])


def warn_cache_unavailable(action: str, error: Exception) -> None:
    logger.warning("The page cache could not %s; serving without it: %r", action, error)


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """Django's ``UpdateCacheMiddleware``, for Wagtail's pages only, marking those made for one reader private.

    Only pages are stored, and only under the URL a purge names (``is_purged_url``): the package
    purges them when what they show changes (``wagtail_kratom.frontend_cache``), where an API
    answer, a search result or a page's variant under another URL could go on showing a page that
    has been unpublished or made private. A response made for one reader is marked
    ``Cache-Control: private``, and so stored neither in Django's cache nor in a CDN in front: a
    page with an editor's userbar never reaches anyone else, and purges find every stored copy.
    A cache that cannot be reached leaves the page unstored, with a warning logged. Put it first
    in ``MIDDLEWARE``.
    """

    def process_response(self, request, response):
        if not serves_a_page(request):
            return response
        if is_for_one_reader(request, response):
            patch_cache_control(response, private=True)
        if not is_purged_url(request):
            return response
        try:
            return super().process_response(request, response)
        except Exception as error:  # Any cache backend's error: the page is served, only not stored.
            warn_cache_unavailable("store a page", error)
            return response


class FetchFromPageCacheMiddleware(FetchFromCacheMiddleware):
    """Django's ``FetchFromCacheMiddleware``, left out of Wagtail's previews.

    A preview renders the draft through the middleware with a request for the live page's URL
    (flagged ``is_dummy``); answered from the cache, it would show the live page instead
    (wagtail/wagtail#12981). Put it straight after ``SecurityMiddleware`` (and any ``LocaleMiddleware``),
    so that a cached page skips the rest, or last, as Django advises.

    A request with a query string is never answered from the cache: no such copy is stored
    (``UpdatePageCacheMiddleware``). A cache that cannot be reached lets the request through to
    be rendered, with a warning logged.
    """

    def process_request(self, request):
        if getattr(request, "is_dummy", False) or request.META.get("QUERY_STRING"):
            return None
        try:
            return super().process_request(request)
        except Exception as error:  # Any cache backend's error: render the page instead.
            warn_cache_unavailable("be read", error)
            request._cache_update_cache = False
            return None
