"""The trail from the site's home page to an article, for the page's breadcrumbs and its JSON-LD."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Crumb:
    """One page on the trail: its title, its URL as linked from the page, and its full URL."""

    title: str
    url: str
    full_url: str


def breadcrumbs(page, request=None) -> list[Crumb]:
    """The page's live ancestors that have a URL on a site (from the site's home page), then the page itself."""
    crumbs = []
    for ancestor in [*_live_ancestors(page, request), page]:
        full_url = ancestor.get_full_url(request)
        if full_url is None:  # The tree's root, or a page outside any site.
            continue
        crumbs.append(Crumb(ancestor.title, ancestor.get_url(request), full_url))
    return crumbs


def read_ancestors(pages, request) -> None:
    """Read the ancestors of all ``pages`` in one query, for the breadcrumbs of each later in ``request``.

    An API listing calls this with the pages it lists, so its queries do not grow with them.
    """
    _read_into(_ancestors_by_path(request), pages)


def _live_ancestors(page, request) -> list:
    """The page's live ancestors, read once per request."""
    by_path = _ancestors_by_path(request)
    _read_into(by_path, [page])
    return [by_path[path] for path in _ancestor_paths(page) if path in by_path and by_path[path].live]


def _read_into(by_path: dict, pages) -> None:
    from .base_page import BasePage  # Lazy import: the page models need the app registry.

    missing = {path for page in pages for path in _ancestor_paths(page) if path not in by_path}
    if missing:
        by_path.update({ancestor.path: ancestor for ancestor in BasePage.objects.filter(path__in=missing)})


def _ancestor_paths(page) -> list[str]:
    return [page.path[: page.steplen * depth] for depth in range(1, page.depth)]


def _ancestors_by_path(request) -> dict:
    """The ancestors read so far in ``request``, by tree path (a new dict each time without a request)."""
    if request is None:
        return {}
    if not hasattr(request, "_kratom_ancestors_by_path"):
        request._kratom_ancestors_by_path = {}
    return request._kratom_ancestors_by_path


def breadcrumb_list_json_ld(crumbs: list[Crumb]) -> dict[str, Any]:
    """The trail as a schema.org ``BreadcrumbList``."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.title, "item": crumb.full_url}
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
