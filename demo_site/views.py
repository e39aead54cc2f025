"""The demo site's own views: search over live, public pages of the current site, and the files
crawlers and browsers ask for at the root (robots.txt, favicon.ico)."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from wagtail.models import Page, Site

from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.search import SearchQueryRefused, clean_search_query

RESULTS_PER_PAGE = 10


def search(request):
    """Live, public article pages of the request's site matching ``q``, cleaned first (``wagtail_kratom.search``)."""
    error = ""
    try:
        query = clean_search_query(request.GET.get("q", ""))
    except SearchQueryRefused as refusal:
        query, error = "", str(refusal)
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().type(TopicOverviewPage, RiskSectionPage, SafeUseGuidePage)
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "search.html",
        {"query": query, "error": error, "results": paginator.get_page(request.GET.get("page"))},
    )


def robots_txt(request):
    """Keep crawlers out of the admin and search results, and point them at the sitemap on the Site's own address."""
    site = Site.find_for_request(request)
    sitemap_path = reverse("sitemap")
    sitemap_url = site.root_url + sitemap_path if site else request.build_absolute_uri(sitemap_path)
    return TemplateResponse(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever a page links; send them to the site's icon."""
    # Looked up on each request: with hashed static file names, the URL is known only once collectstatic has run.
    return redirect(static("demo/favicon.svg"))
