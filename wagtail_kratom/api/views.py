"""Wagtail v2 API endpoint for sites serving article pages; register it in place of ``PagesAPIViewSet``."""

from django.db.models import prefetch_related_objects
from wagtail.api.v2.views import PagesAPIViewSet

from ..pages import ArticlePageMixin, TopicOverviewPageMixin, resolve_hub_sections
from ..related import resolve_related_articles


def prefetch_article_data(pages: list) -> None:
    """Read what the article fields need (disclaimers, topics, contributors, related articles, hub sections)
    for all listed article pages at once."""
    articles = [page for page in pages if isinstance(page, ArticlePageMixin)]
    prefetch_related_objects(articles, "kratom_disclaimers__disclaimer", "topics", "author", "medical_reviewer")
    resolve_related_articles(articles)
    resolve_hub_sections([page for page in articles if isinstance(page, TopicOverviewPageMixin)])


class ArticlePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's v2 pages endpoint, reading the article fields of a listing in a fixed number of queries."""

    def paginate_queryset(self, queryset):
        pages = list(super().paginate_queryset(queryset))
        # Every listed page's meta names its locale; read them together too.
        prefetch_related_objects(pages, "locale")
        prefetch_article_data(pages)
        return pages
