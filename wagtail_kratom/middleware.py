"""Middleware: the page cache, made safe for Wagtail, and bounds for Wagtail's API pagination."""

from django.http import JsonResponse
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import has_vary_header, patch_cache_control

#: The URL name of Wagtail's view that serves pages (``wagtail.urls``).
PAGE_SERVING_URL_NAME = "wagtail_serve"

#: The largest offset or limit SQL databases accept (a signed 64-bit integer).
LARGEST_PAGINATION_NUMBER = 2**63 - 1

PAGINATION_PARAMETERS = ("offset", "limit")


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


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """Django's ``UpdateCacheMiddleware``, for Wagtail's pages only, marking those made for one reader private.

    Only pages are stored: the package purges them when what they show changes
    (``wagtail_kratom.frontend_cache``), where an API answer or a search result could
    go on showing a page that has been unpublished or made private. A response made for
    one reader is marked ``Cache-Control: private``, and so stored neither in Django's
    cache nor in a CDN in front: a page with an editor's userbar never reaches anyone
    else, and purges find every stored copy. Put it first in ``MIDDLEWARE``.
    """

    def process_response(self, request, response):
        if not serves_a_page(request):
            return response
        if is_for_one_reader(request, response):
            patch_cache_control(response, private=True)
        return super().process_response(request, response)


class FetchFromPageCacheMiddleware(FetchFromCacheMiddleware):
    """Django's ``FetchFromCacheMiddleware``, left out of Wagtail's previews.

    A preview renders the draft through the middleware with a request for the live page's URL
    (flagged ``is_dummy``); answered from the cache, it would show the live page instead
    (wagtail/wagtail#12981). Put it straight after ``SecurityMiddleware`` (and any ``LocaleMiddleware``),
    so that a cached page skips the rest, or last, as Django advises.
    """

    def process_request(self, request):
        if getattr(request, "is_dummy", False):
            return None
        return super().process_request(request)
