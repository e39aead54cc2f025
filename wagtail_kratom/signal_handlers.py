"""Keep derived data current when pages change."""

from wagtail.signals import page_published

from .pages import ArticlePageMixin
from .related import refresh_suggestions


def refresh_suggestions_near(sender, instance, **kwargs):
    """Rank suggestions for a published article and for the pages around it (parent, siblings, children),
    which may now suggest it."""
    if not isinstance(instance, ArticlePageMixin):
        return
    refresh_suggestions(instance)
    neighbours = (
        instance.get_siblings(inclusive=False)
        | instance.get_ancestors().filter(depth=instance.depth - 1)
        | instance.get_children()
    )
    for page in neighbours.live().specific():
        if isinstance(page, ArticlePageMixin):
            refresh_suggestions(page)


def register_signal_handlers() -> None:
    page_published.connect(refresh_suggestions_near, dispatch_uid="wagtail_kratom_refresh_suggestions")
