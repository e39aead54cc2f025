"""What search engines and shared links read about a page: description, canonical URL, social card, sitemap date.

Everything is built from the page and its own Site, never from the request's host or query string,
so that alias hosts and query-string variants of a page all name one URL: the one its JSON-LD gives.
"""

import datetime
import string
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from .article_types import ArticlePageBase

#: Longest description a search result or link preview shows whole, in characters.
DESCRIPTION_LENGTH = 160

#: The rendition shared as a link preview's image: the 1.91:1 shape Open Graph and X crop to.
SHARE_IMAGE_FILTER = "fill-1200x630"

# Left off the end of a shortened description, so that the ellipsis follows a word.
_TRAILING = string.whitespace + string.punctuation.replace(")", "") + "–—"


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Cut plain text to at most ``length`` characters on a word boundary, ending with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if not text[length - 1].isspace():
        # A single word longer than the limit is cut inside the word rather than dropped.
        cut = cut.rpartition(" ")[0] or cut
    return cut.rstrip(_TRAILING) + "…"


def meta_description(page) -> str:
    """The page's description: the editor's search description, or else its summary shortened.

    Article pages have a summary written for readers who have only a moment, which is what a
    search result or link preview is; any other page type describes itself with its search description.
    """
    if description := getattr(page, "search_description", "").strip():
        return description
    return shorten(getattr(page, "summary", ""))


def last_modified(page) -> datetime.datetime | None:
    """When an article last changed for readers: its last medical review, or its last publish when later."""
    published = page.last_published_at
    if not getattr(page, "last_reviewed", None):
        return published
    reviewed = datetime.datetime.combine(page.last_reviewed, datetime.time.min)
    if settings.USE_TZ:
        reviewed = timezone.make_aware(reviewed)
    return max(reviewed, published) if published else reviewed


def page_site(page, request=None) -> Site | None:
    """The Site a page belongs to; the request's own, which Wagtail has looked up already, when it is that one."""
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return None
    site = Site.find_for_request(request) if request else None
    return site if site and site.pk == url_parts[0] else Site.objects.get(pk=url_parts[0])


@dataclass(frozen=True)
class PageMeta:
    """The values of a page's description, canonical link and Open Graph and Twitter card tags."""

    title: str
    description: str
    #: The page's full URL on its own Site; None for a page no Site routes to (such as some previews).
    url: str | None
    #: The Open Graph type: "article" for article pages, "website" for others.
    type: str
    site_name: str
    #: The date of the last medical review (``article:modified_time``), for article pages.
    modified_time: str = ""
    published_time: str = ""
    image_url: str = ""
    image_alt: str = ""


def page_meta(page, request=None) -> PageMeta:
    """Collect what a page's ``<head>`` tells search engines and link previews about it.

    A page type with an image to show in link previews returns it from a ``get_share_image()`` method;
    article pages have none of their own.
    """
    url = page.get_full_url(request)
    site = page_site(page, request)
    is_article = isinstance(page, ArticlePageBase)
    meta: dict[str, Any] = {
        "title": getattr(page, "seo_title", "") or page.title,
        "description": meta_description(page),
        "url": url,
        "type": "article" if is_article else "website",
        "site_name": (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", ""),
    }
    if is_article:
        if page.last_reviewed:
            meta["modified_time"] = page.last_reviewed.isoformat()
        if page.first_published_at:
            meta["published_time"] = page.first_published_at.isoformat()
    get_share_image = getattr(page, "get_share_image", None)
    if get_share_image and (image := get_share_image()):
        rendition = image.get_rendition(SHARE_IMAGE_FILTER)
        # A relative rendition URL is served by the page's own host; storage on a CDN gives a full one.
        meta["image_url"] = urljoin(url or "", rendition.url)
        meta["image_alt"] = rendition.alt
    return PageMeta(**meta)


class SitemapLastReviewedMixin:
    """Dates a page's sitemap entry by its last medical review, or its last publish when later.

    Search engines recrawl a page when its ``lastmod`` moves; a health page whose review was renewed
    has changed for readers even if its text has not. Mix it in before Wagtail's ``Page``.
    """

    def get_sitemap_urls(self, request=None) -> list[dict[str, Any]]:
        lastmod = last_modified(self)
        return [{**entry, "lastmod": lastmod} for entry in super().get_sitemap_urls(request)]
