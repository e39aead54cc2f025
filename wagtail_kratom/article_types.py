"""Which models are article pages, answered without importing ``pages``.

Every article page type derives from ``ArticlePageBase``; ``pages.ArticlePageMixin`` composes the
behaviour on top of it. Modules below the page types (disclaimers, related articles, SEO, the system
checks) ask here, so that imports only ever point down the layers.
"""

from django.apps import apps
from django.db import models


class ArticlePageBase(models.Model):
    """The root every article page type derives from: abstract and without fields, so no migration sees it."""

    class Meta:
        abstract = True


def get_article_page_models() -> list[type[ArticlePageBase]]:
    """Every concrete article page model, the package's own and any a project builds on the mixins."""
    return [model for model in apps.get_models() if issubclass(model, ArticlePageBase)]
