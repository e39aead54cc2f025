"""Related articles that editors pick for a page."""

import swapper
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

swapper.set_app_prefix("wagtailcore", "wagtail")

ARTICLE_PAGE_TYPES = [
    "wagtail_kratom.TopicOverviewPage",
    "wagtail_kratom.RiskSectionPage",
    "wagtail_kratom.SafeUseGuidePage",
]


class RelatedArticle(Orderable):
    """One editor-picked link from an article page to another article page."""

    page = ParentalKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="kratom_related_articles",
    )
    target = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
        help_text=_("A topic overview, risk section or safe-use guide readers should see next."),
    )
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Optional text to show instead of the article’s title."),
    )

    panels = [
        PageChooserPanel("target", page_type=ARTICLE_PAGE_TYPES),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
