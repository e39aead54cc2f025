"""The page cache's storage: every copy of one URL's page in one cache entry, so that a hit is one cache read.

Django's cache middleware keeps two entries per page, the list of request headers the page
varies on and the page under a key made of their values, and reads both on every hit. With
Redis those two round trips were nine tenths of a cached page's time (docs/performance.md).
Here one entry per URL (in the reader's language and time zone, as Django keys it) holds the
header names and the responses for each method and set of their values. The middleware
(``wagtail_kratom.middleware``) reads and writes it; the purge backend
(``wagtail_kratom.frontend_cache.DjangoCacheBackend``) deletes it.
"""

import re
from dataclasses import dataclass, field
from hashlib import md5

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

#: Copies kept for one URL, one per method and set of varying header values; a new one beyond this drops the oldest.
MAX_VARIANTS_PER_URL = 8

#: Between the header names of a ``Vary`` header (Django 6.1 no longer offers its own ``cc_delim_re``).
VARY_SEPARATOR = re.compile(r"\s*,\s*")


@dataclass
class PageCacheEntry:
    """What the page cache keeps for one URL: the request headers its page varies on and its copies."""

    header_names: tuple[str, ...]
    #: Responses by (method, the request's values of ``header_names``), oldest first.
    responses: dict[tuple[str, tuple[str | None, ...]], HttpResponse] = field(default_factory=dict)

    def variant(self, request: HttpRequest, method: str) -> tuple[str, tuple[str | None, ...]]:
        return method, tuple(request.META.get(name) for name in self.header_names)


def page_cache_key(request: HttpRequest, key_prefix: str) -> str:
    """The cache key of ``request``'s URL, with its language and time zone, as Django's cache keys are named."""
    url = md5(request.build_absolute_uri().encode("ascii"), usedforsecurity=False).hexdigest()
    key = f"wagtail_kratom.page_cache.{key_prefix}.{url}"
    if settings.USE_I18N:
        key += f".{getattr(request, 'LANGUAGE_CODE', get_language())}"
    if settings.USE_TZ:
        key += f".{get_current_timezone_name()}"
    return key


def vary_header_names(response: HttpResponse) -> tuple[str, ...]:
    """The ``request.META`` names of the headers ``response`` varies on, as Django's ``learn_cache_key`` reads them.

    Accept-Language is left out when translation is on: the key names the language already.
    """
    if not response.has_header("Vary"):
        return ()
    names = []
    for header in VARY_SEPARATOR.split(response.headers["Vary"].strip()):
        header = header.upper().replace("-", "_")
        if header != "ACCEPT_LANGUAGE" or not settings.USE_I18N:
            names.append(f"HTTP_{header}")
    return tuple(sorted(set(names)))


def get_cached_page(cache, request: HttpRequest, key_prefix: str) -> HttpResponse | None:
    """The copy kept for ``request``, in one cache read; a HEAD request takes a GET's copy first, as Django's does."""
    entry = cache.get(page_cache_key(request, key_prefix))
    if not isinstance(entry, PageCacheEntry):
        return None
    methods = ("GET", "HEAD") if request.method == "HEAD" else ("GET",)
    for method in methods:
        if (response := entry.responses.get(entry.variant(request, method))) is not None:
            return response
    return None


def store_page(cache, request: HttpRequest, response: HttpResponse, timeout: int, key_prefix: str) -> None:
    """Keep ``response`` as the copy for ``request`` beside the URL's other copies.

    Copies that vary on other headers than ``response`` does are dropped, as Django's header list
    would be replaced. Two readers storing at once may lose one copy: the next reader stores it again.
    """
    key = page_cache_key(request, key_prefix)
    header_names = vary_header_names(response)
    entry = cache.get(key)
    if not isinstance(entry, PageCacheEntry) or entry.header_names != header_names:
        entry = PageCacheEntry(header_names)
    variant = entry.variant(request, request.method)
    entry.responses.pop(variant, None)
    entry.responses[variant] = response
    while len(entry.responses) > MAX_VARIANTS_PER_URL:
        del entry.responses[next(iter(entry.responses))]
    cache.set(key, entry, timeout)
