"""Re-rank the related-article suggestions of every live article page."""

from django.core.management.base import BaseCommand

from wagtail_kratom.article_types import get_article_page_models
from wagtail_kratom.fragment_cache import forget_fragments
from wagtail_kratom.related import refresh_suggestions


class Command(BaseCommand):
    help = (
        "Re-rank related-article suggestions for every live article page; run after importing pages, "
        "making pages live outside Wagtail's publish action, or changing RELATED_ARTICLES_SUGGESTIONS."
    )

    def handle(self, **options):
        refreshed = []
        for model in get_article_page_models():
            for page in model.objects.live().prefetch_related("topics").iterator(chunk_size=200):
                refresh_suggestions(page)
                refreshed.append(page.pk)
        # Their cached parts show the old suggestions; a page cache or CDN is left to expire (docs/deployment.md).
        forget_fragments(refreshed)
        self.stdout.write(self.style.SUCCESS(f"Re-ranked suggestions for {len(refreshed)} live article pages."))
