"""The demo site's search page, over live, public pages of the current site."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
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
        {"query": query, "results": paginator.get_page(request.GET.get("page"))},
    )
