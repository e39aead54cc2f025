"""Rendered parts of live article pages, kept in Django's cache between readers.

A part (the article, its JSON-LD) is stored under the page, the revision it shows, the site, the
language and the day, since review notices depend on the date. It is stamped with the page's
*version*, a token that ``forget_fragments`` drops whenever something the page shows changes
elsewhere: a related article unpublished, a disclaimer edited, a contributor renamed. The purges
in ``frontend_cache`` know which pages those are and call it. A dropped or evicted version gets a
new token, so a stored part never comes back once its page was told to forget it. Previews,
drafts and renders without a request are never cached.
A live page's content changes through a revision (publishing one changes the key); code that
changes what pages show another way calls ``forget_fragments`` for them.
"""

import uuid
from collections.abc import Callable, Iterable

from django.core.cache import caches
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Site

from .conf import get_setting

#: The cache the parts are kept in: Django's default one, as Wagtail's own caches use.
CACHE_ALIAS = "default"
KEY_PREFIX = "wagtail_kratom:fragment"


def version_key(page_id: int) -> str:
    return f"{KEY_PREFIX}:version:{page_id}"


def fragment_key(name: str, page, request) -> str | None:
    """Where part ``name`` of ``page`` is kept for ``request``, or None when it must be rendered afresh."""
    if (
        not get_setting("FRAGMENT_CACHE_SECONDS")
        or request is None
        or getattr(request, "is_preview", False)
        or not getattr(page, "live", False)
    ):
        return None
    site = Site.find_for_request(request)
    return ":".join(
        [
            KEY_PREFIX,
            name,
            str(page.pk),
            str(page.live_revision_id),
            str(site.pk if site else ""),
            translation.get_language() or "",
            timezone.localdate().isoformat(),
        ]
    )


def cached_parts(name: str, pages: list, request, compute: Callable[[list], list]) -> list:
    """Part ``name`` of each of ``pages``, from the cache in one read where stored; the others are
    ``compute(missing_pages)`` (values in the same order), stored for the next reader.

    Each page's version is read before computing: a change that lands meanwhile drops the version
    the part is stamped with, so the part is never served.
    """
    cache = caches[CACHE_ALIAS]
    keys = [fragment_key(name, page, request) for page in pages]
    wanted = [key for key in keys if key] + [version_key(page.pk) for page, key in zip(pages, keys, strict=True) if key]
    found = cache.get_many(wanted) if wanted else {}
    values, missing, versions = [None] * len(pages), [], {}
    for index, (page, key) in enumerate(zip(pages, keys, strict=True)):
        version = found.get(version_key(page.pk)) if key else None
        if version is not None and key in found and found[key][0] == version:
            values[index] = found[key][1]
            continue
        if key and version is None:
            version = uuid.uuid4().hex
            if not cache.add(version_key(page.pk), version, timeout=None):
                version = cache.get(version_key(page.pk), version)
        versions[index] = version
        missing.append(index)
    if missing:
        fresh = {}
        for index, value in zip(missing, compute([pages[index] for index in missing]), strict=True):
            values[index] = value
            if keys[index]:
                fresh[keys[index]] = (versions[index], value)
        if fresh:
            cache.set_many(fresh, timeout=get_setting("FRAGMENT_CACHE_SECONDS"))
    return values


def cached_fragment(name: str, page, request, render: Callable[[], str]) -> SafeString:
    """Part ``name`` of ``page``'s template from the cache, or ``render()`` stored there for the next reader."""
    return mark_safe(cached_parts(name, [page], request, lambda pages: [str(render())])[0])


def forget_fragments(page_ids: Iterable[int]) -> None:
    """Drop the stored parts of these pages: the next reader of each renders it afresh."""
    caches[CACHE_ALIAS].delete_many([version_key(page_id) for page_id in page_ids])
