"""Middleware: the page cache, made safe for Wagtail, and input Wagtail's APIs cannot take refused."""

import json
import logging
import re
import time

import swapper
from django.apps import apps
from django.http import HttpResponse, JsonResponse
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import get_max_age, has_vary_header, patch_cache_control, patch_response_headers
from django.utils.http import parse_http_date_safe
from wagtail.models import Site

from .api.write_validation import payload_errors
from .page_cache import get_cached_page, store_page
from .search import SearchQueryRefused, clean_search_query

#: The URL name of Wagtail's view that serves pages (``wagtail.urls``).
PAGE_SERVING_URL_NAME = "wagtail_serve"

#: The URL namespace of Wagtail's v3 API (``wagtail.api.v3.urls``).
API_V3_NAMESPACE = "wagtailapi_v3"

#: The largest offset or limit the API takes: more rows than any site has, and small enough that
#: the database's sum of the two stays within a signed 64-bit integer.
LARGEST_PAGINATION_NUMBER = 2**31 - 1

PAGINATION_PARAMETERS = ("offset", "limit")

#: The ways Wagtail's v2 API combines the words of a search.
SEARCH_OPERATORS = ("and", "or")

ASCII_DIGITS = re.compile(r"[0-9]+")

#: The methods of the v3 API's writes, whose JSON bodies carry page content.
WRITE_METHODS = ("POST", "PUT", "PATCH")

logger = logging.getLogger(__name__)


def is_api_request(request, view_func) -> bool:
    """Whether ``view_func``, which will answer ``request``, is an endpoint of Wagtail's v2 or v3 API."""
    view_class = getattr(view_func, "cls", None)
    if isinstance(view_class, type) and apps.is_installed("wagtail.api.v2"):
        # Lazy import: a site may serve only the v3 API, without the v2 API's rest_framework.
        from wagtail.api.v2.views import BaseAPIViewSet

        if issubclass(view_class, BaseAPIViewSet):
            return True
    return API_V3_NAMESPACE in getattr(request.resolver_match, "namespaces", ())


def names_own_site(request, site: str) -> bool:
    """Whether ``site``, as Wagtail's ``?site=`` takes it ("host" or "host:port"), names the request's own site.

    Wagtail lists any site's pages for ``?site=``: one site's API would serve another's.
    """
    own = Site.find_for_request(request)
    hostname, _colon, port = site.partition(":")
    return own is not None and hostname == own.hostname and port in ("", str(own.port))


def query_error(request) -> str | None:
    """Why Wagtail's APIs would answer ``request``'s query parameters with a server error, if they would.

    Numbers must be ASCII digits within range: Python's ``int()``, which Wagtail's v2 API calls,
    also takes a sign, underscores and other scripts' digits ("+9", "9_999", "９"), and out-of-range
    numbers reach the database.
    """
    for name, values in request.GET.lists():
        if any("\x00" in value for value in values) or "\x00" in name:
            return f"{name} must not contain NUL characters"
    for name in PAGINATION_PARAMETERS:
        if name in request.GET:
            value = request.GET[name]
            if not ASCII_DIGITS.fullmatch(value) or int(value) > LARGEST_PAGINATION_NUMBER:
                return f"{name} must be a whole number from 0 to {LARGEST_PAGINATION_NUMBER}"
    is_find = request.resolver_match.url_name == "find"
    if is_find and "id" in request.GET and not ASCII_DIGITS.fullmatch(request.GET["id"]):
        return "id must be a whole number"
    if request.GET.get("site") and not names_own_site(request, request.GET["site"]):
        return "site must name the site this API is served on"
    if "search_operator" in request.GET and request.GET["search_operator"] not in SEARCH_OPERATORS:
        return f"search_operator must be one of: {', '.join(SEARCH_OPERATORS)}"
    return None


def get_written_model(payload: dict, view_kwargs: dict):
    """The page model a v3 write is for: the type it names, or the type of the page it changes."""
    meta = payload.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("type"), str) and meta["type"].count(".") == 1:
        try:
            return apps.get_model(meta["type"])
        except LookupError:
            return None
    page_id = view_kwargs.get("page_id")
    if page_id is not None and ASCII_DIGITS.fullmatch(str(page_id)):
        page = swapper.load_model("wagtailcore", "Page").objects.filter(pk=int(page_id)).first()
        return page.specific_class if page is not None else None
    return None


def write_errors(request, view_kwargs: dict) -> list[dict]:
    """Errors in a v3 write's page content that Wagtail would answer with a server error (``write_validation``)."""
    if request.content_type != "application/json":
        return []  # Uploads (images, documents) are forms.
    try:
        payload = json.loads(request.body)
    except ValueError:
        return []  # Wagtail answers malformed JSON itself.
    if not isinstance(payload, dict):
        # Wagtail reads any other JSON value as a page's data, and fails.
        return [{"type": "type_error", "loc": [], "msg": "The request body must be a JSON object."}]
    model = get_written_model(payload, view_kwargs)
    return payload_errors(model, payload) if model is not None else []


def problem_response(errors: list[dict]) -> HttpResponse:
    """A 422 in the v3 API's own form (RFC 7807 problem details)."""
    body = {
        "type": "about:blank",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "Validation failed",
        "errors": errors,
    }
    return HttpResponse(json.dumps(body), status=422, content_type="application/problem+json")


class APIInputValidationMiddleware:
    """Answer 400 or 422 to an API request whose input Wagtail's APIs would answer with a server error.

    Wagtail 8.0's v2 and v3 APIs pass pagination numbers to the database unchecked, parse
    numbers with Python's lenient ``int()``, hand any ``search_operator`` and ``find/?id=`` to
    code that raises on what it does not expect, and hand searches to backends that fail on some
    text (``wagtail_kratom.search``); all found by schemathesis. A search is cleaned rather than
    refused, unless it has too many words. v3 writes whose StreamField or rich text content
    Wagtail could not convert answer 422 (``wagtail_kratom.api.write_validation``). Only Wagtail's
    API endpoints are checked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_api_request(request, view_func):
            return None
        if error := query_error(request):
            return JsonResponse({"message": error}, status=400)
        is_v3_write = request.method in WRITE_METHODS and API_V3_NAMESPACE in request.resolver_match.namespaces
        if is_v3_write and (errors := write_errors(request, view_kwargs)):
            return problem_response(errors)
        if "search" in request.GET:
            try:
                search = clean_search_query(request.GET["search"])
            except SearchQueryRefused as refusal:
                return JsonResponse({"message": str(refusal)}, status=400)
            query = request.GET.copy()
            query["search"] = search
            request.GET = query
        return None


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
    Django's rules decide what may be stored and for how long; the copy goes into the URL's one
    entry (``wagtail_kratom.page_cache``). A cache that cannot be reached leaves the page
    unstored, with a warning logged. Put it first in ``MIDDLEWARE``.
    """

    def process_response(self, request, response):
        if not serves_a_page(request):
            return response
        if is_for_one_reader(request, response):
            patch_cache_control(response, private=True)
        if not is_purged_url(request) or not self._should_update_cache(request, response):
            return response
        if not may_be_stored(response):
            return response
        timeout = get_max_age(response)
        if timeout is None:
            timeout = self.cache_timeout
        elif timeout == 0:
            return response
        patch_response_headers(response, timeout)
        if timeout and response.status_code == 200:
            if callable(getattr(response, "render", None)):
                response.add_post_render_callback(lambda rendered: self.store(request, rendered, timeout))
            else:
                self.store(request, response, timeout)
        return response

    def store(self, request, response, timeout: int) -> None:
        try:
            store_page(self.cache, request, response, timeout, self.key_prefix)
        except Exception as error:  # Any cache backend's error: the page is served, only not stored.
            warn_cache_unavailable("store a page", error)


def may_be_stored(response) -> bool:
    """Django's cache middleware's rules: a whole 200 or 304, no cookie set for one reader, nothing private."""
    if response.streaming or response.status_code not in (200, 304):
        return False
    if response.cookies and has_vary_header(response, "Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in ("private", "no-cache", "no-store")):
        return False
    return not has_vary_header(response, "*")


class FetchFromPageCacheMiddleware(FetchFromCacheMiddleware):
    """Django's ``FetchFromCacheMiddleware``, reading a page in one cache read and left out of Wagtail's previews.

    Django's reads two entries per page; this reads the URL's one entry (``wagtail_kratom.page_cache``).
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
        if request.method not in ("GET", "HEAD"):
            request._cache_update_cache = False
            return None
        try:
            response = get_cached_page(self.cache, request, self.key_prefix)
        except Exception as error:  # Any cache backend's error: render the page instead.
            warn_cache_unavailable("be read", error)
            request._cache_update_cache = False
            return None
        if response is None:
            request._cache_update_cache = True
            return None
        # The copy's age, from its max-age and Expires, as Django's middleware tells it.
        max_age = get_max_age(response)
        expires = parse_http_date_safe(response["Expires"]) if response.has_header("Expires") else None
        if max_age is not None and expires is not None:
            response["Age"] = max(0, max_age - (expires - int(time.time())))
        request._cache_update_cache = False
        return response
