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


def _live_ancestors(page, request) -> list:
    """The page's live ancestors, read once per request: an API listing of many pages costs one query per parent."""
    paths = [page.path[: page.steplen * depth] for depth in range(1, page.depth)]
    by_path = getattr(request, "_kratom_ancestors_by_path", None)
    if by_path is None:
        by_path = {}
        if request is not None:
            request._kratom_ancestors_by_path = by_path
    if missing := [path for path in paths if path not in by_path]:
        by_path.update({ancestor.path: ancestor for ancestor in page.get_ancestors().filter(path__in=missing)})
    return [by_path[path] for path in paths if path in by_path and by_path[path].live]


def breadcrumb_list_json_ld(crumbs: list[Crumb]) -> dict[str, Any]:
    """The trail as a schema.org ``BreadcrumbList``."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.title, "item": crumb.full_url}
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
