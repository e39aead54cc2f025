"""The three article page types, and ``ArticlePageMixin`` composed from the mixin of each concern.

Behaviour lives in abstract mixins so that a site with a custom base page model
(Wagtail 8) can build the same page types on its own base; the concrete models
below use Wagtail's default ``Page``. Nothing below this module imports it
(``docs/architecture.md``).
"""

import swapper
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from .anatomy import ArticleAnatomyMixin
from .api.fields import RISK_SECTION_API_FIELDS, SAFE_USE_GUIDE_API_FIELDS, TOPIC_OVERVIEW_API_FIELDS
from .api.mixins import ArticleAPIMixin
from .article_types import ArticlePageBase
from .base_page import BasePage, parent_link
from .blocks import (
    OVERVIEW_CONTENT_BLOCKS,
    RISK_CONTENT_BLOCKS,
    SAFE_USE_CONTENT_BLOCKS,
    ArticleBodyBlock,
    AtAGlanceBlock,
)
from .citations import ArticleCitationsMixin
from .disclaimers import DISCLAIMERS_CONTEXT_KEY, SHOWN_CONTEXT_KEY, ArticlePageDisclaimer, check_one_per_kind
from .forms import ArticlePageForm
from .go_live import GoLiveMixin
from .health_aspects import HealthAspectsMixin
from .indexing import ArticleIndexingMixin
from .page_disclaimers import ArticleDisclaimersMixin
from .panels import article_edit_handler
from .related import RelatedArticlesMixin, check_related_picks, resolve_related_articles
from .review import ArticleReviewMixin
from .seo import SitemapLastReviewedMixin
from .snippets import Contributor

swapper.set_app_prefix("wagtailcore", "wagtail")


def topics_field(through: str) -> ClusterTaggableManager:
    """The ``topics`` tag field; each page type has its own ``through`` table, as taggit needs."""
    return ClusterTaggableManager(
        through=through,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Topics that link this page with related pages, for example “liver”."),
    )


class TopicOverviewPageTopic(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_kratom.TopicOverviewPage", on_delete=models.CASCADE, related_name="topic_items"
    )


class RiskSectionPageTopic(TaggedItemBase):
    content_object = ParentalKey("wagtail_kratom.RiskSectionPage", on_delete=models.CASCADE, related_name="topic_items")


class SafeUseGuidePageTopic(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_kratom.SafeUseGuidePage", on_delete=models.CASCADE, related_name="topic_items"
    )


class ArticlePageMixin(
    ArticleAnatomyMixin,
    ArticleCitationsMixin,
    ArticleReviewMixin,
    HealthAspectsMixin,
    GoLiveMixin,
    ArticleIndexingMixin,
    RelatedArticlesMixin,
    ArticleDisclaimersMixin,
    ArticleAPIMixin,
    SitemapLastReviewedMixin,
    ArticlePageBase,
):
    """The anatomy every article shares: summary, intro, sections, conclusion, sources, review.

    Each concern is a mixin in its own module, as Wagtail composes ``Page``. A concrete page type
    adds ``body`` (its sections, from ``ArticleBodyBlock``) and ``topics`` (from ``topics_field``).
    """

    base_form_class = ArticlePageForm

    #: Set by ``prefetch_article_data`` once it has read the page's disclaimers, topics, contributors and links.
    article_data_read = False

    class Meta:
        abstract = True

    def read_article_data(self) -> None:
        """Read what showing the page needs, unless done already (``prefetch_article_data``)."""
        prefetch_article_data([self])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when a part of the template that shows them is rendered, not served from the cache.
        context[DISCLAIMERS_CONTEXT_KEY] = SimpleLazyObject(lambda: self.get_disclaimers(request))
        context[SHOWN_CONTEXT_KEY] = set()
        return context

    def clean(self):
        super().clean()
        self.fill_next_review_due()
        errors = {**self.get_summary_errors(), **self.get_review_date_errors()}
        if not self.streams_validated_by_form:
            errors.update(self.get_stream_errors())
            problems = check_related_picks(self, [link.target for link in self.kratom_related_articles.all()])
            if message := check_one_per_kind(link.disclaimer for link in self.kratom_disclaimers.all()):
                problems.append(message)
            if problems:
                errors[NON_FIELD_ERRORS] = problems
        if "body" not in errors and (message := self.check_citation_numbers()):
            errors["body"] = message
        if errors:
            raise ValidationError(errors)


def resolve_hub_sections(hubs: list) -> None:
    """Give each topic hub its live, public risk and safe-use pages (``section_items``), all read in one go."""
    base_page_model = swapper.load_model("wagtailcore", "Page")
    children_q = models.Q(pk__in=[])
    for hub in hubs:
        children_q |= models.Q(path__startswith=hub.path, depth=hub.depth + 1)
    children = (
        base_page_model.objects.filter(children_q).live().public().defer_streamfields().specific().order_by("path")
    )
    sections = [child for child in children if isinstance(child, (RiskSectionPageMixin, SafeUseGuidePageMixin))]
    for hub in hubs:
        hub.section_items = [child for child in sections if child.path.startswith(hub.path)]


def prefetch_contributors(pages: list) -> None:
    """Read the authors and medical reviewers of ``pages`` in one query."""
    ids = {pk for page in pages for pk in (page.author_id, page.medical_reviewer_id) if pk}
    contributors = Contributor.objects.in_bulk(ids) if ids else {}
    for page in pages:
        page.author = contributors.get(page.author_id)
        page.medical_reviewer = contributors.get(page.medical_reviewer_id)


def prefetch_article_data(pages: list) -> None:
    """Read what showing article pages needs (disclaimers, topics, contributors, related articles,
    hub sections) for all of ``pages`` at once: a fixed number of queries, however many pages.

    Pages read once are left alone, so every place that shows a page may ask for it.
    """
    articles = [page for page in pages if isinstance(page, ArticlePageMixin) and not page.article_data_read]
    if not articles:
        return
    for page in articles:
        page.article_data_read = True
    chosen_disclaimers = ArticlePageDisclaimer.objects.select_related("disclaimer")
    prefetch_related_objects(articles, Prefetch("kratom_disclaimers", queryset=chosen_disclaimers), "topics")
    prefetch_contributors(articles)
    resolve_related_articles(articles)
    resolve_hub_sections([page for page in articles if isinstance(page, TopicOverviewPageMixin)])


#: Fields indexed for every article type, on top of the page title.
ARTICLE_SEARCH_FIELDS = [
    index.SearchField("summary", boost=2),
    index.SearchField("intro"),
    index.SearchField("body"),
    index.SearchField("conclusion"),
    index.RelatedFields("topics", [index.SearchField("name", boost=2)]),
    index.FilterField("next_review_due"),
]


ARTICLE_TOP_PANELS = [FieldPanel("summary"), FieldPanel("intro")]
ARTICLE_BOTTOM_PANELS = [FieldPanel("body"), FieldPanel("conclusion")]


class TopicOverviewPageMixin(ArticlePageMixin):
    """A hub for one topic: at-a-glance facts, overview sections and its risk and safe-use pages."""

    at_a_glance = StreamField(
        [("at_a_glance", AtAGlanceBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("at a glance"),
        help_text=_("Key facts shown in a box under the summary."),
    )
    body = StreamField(
        ArticleBodyBlock(OVERVIEW_CONTENT_BLOCKS),
        verbose_name=_("sections"),
        help_text=_("The page’s sections; the table of contents is made from their headings."),
    )

    intrinsic_health_aspects = ["OverviewHealthAspect"]
    api_fields = TOPIC_OVERVIEW_API_FIELDS

    class Meta:
        abstract = True

    @property
    def at_a_glance_facts(self):
        return self.at_a_glance[0].value if self.at_a_glance else None

    def get_child_articles(self) -> list:
        """The hub's live, public risk and safe-use pages, in tree order."""
        if not hasattr(self, "section_items"):
            resolve_hub_sections([self])
        return self.section_items


class RiskSectionPageMixin(ArticlePageMixin):
    """One family of risks, with graded risks and care cards."""

    body = StreamField(
        ArticleBodyBlock(RISK_CONTENT_BLOCKS),
        verbose_name=_("sections"),
        help_text=_(
            "The page’s sections with their risks and care cards; the table of contents is made from their headings."
        ),
    )

    intrinsic_health_aspects = ["RisksOrComplicationsHealthAspect", "SideEffectsHealthAspect"]
    related_role = "risk"
    api_fields = RISK_SECTION_API_FIELDS

    class Meta:
        abstract = True


class SafeUseGuidePageMixin(ArticlePageMixin):
    """Practical safer-use guidance: dosage, practices, monitoring, interactions, legal status."""

    body = StreamField(
        ArticleBodyBlock(SAFE_USE_CONTENT_BLOCKS),
        verbose_name=_("sections"),
        help_text=_(
            "The page’s sections with their structured guidance; the table of contents is made from their headings."
        ),
    )

    intrinsic_health_aspects = ["UsageOrScheduleHealthAspect", "SafetyHealthAspect"]
    related_role = "safe_use"
    api_fields = SAFE_USE_GUIDE_API_FIELDS

    class Meta:
        abstract = True


class TopicOverviewPage(TopicOverviewPageMixin, BasePage):
    page_ptr = parent_link()
    topics = topics_field(TopicOverviewPageTopic)

    content_panels = [*BasePage.content_panels, *ARTICLE_TOP_PANELS, FieldPanel("at_a_glance"), *ARTICLE_BOTTOM_PANELS]
    edit_handler = article_edit_handler(content_panels)
    search_fields = BasePage.search_fields + ARTICLE_SEARCH_FIELDS

    subpage_types = ["wagtail_kratom.RiskSectionPage", "wagtail_kratom.SafeUseGuidePage"]

    class Meta:
        verbose_name = _("topic overview page")
        verbose_name_plural = _("topic overview pages")


class RiskSectionPage(RiskSectionPageMixin, BasePage):
    page_ptr = parent_link()
    topics = topics_field(RiskSectionPageTopic)

    content_panels = [*BasePage.content_panels, *ARTICLE_TOP_PANELS, *ARTICLE_BOTTOM_PANELS]
    edit_handler = article_edit_handler(content_panels)
    search_fields = BasePage.search_fields + ARTICLE_SEARCH_FIELDS

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("risk section page")
        verbose_name_plural = _("risk section pages")


class SafeUseGuidePage(SafeUseGuidePageMixin, BasePage):
    page_ptr = parent_link()
    topics = topics_field(SafeUseGuidePageTopic)

    content_panels = [*BasePage.content_panels, *ARTICLE_TOP_PANELS, *ARTICLE_BOTTOM_PANELS]
    edit_handler = article_edit_handler(content_panels)
    search_fields = BasePage.search_fields + ARTICLE_SEARCH_FIELDS

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("safe-use guide page")
        verbose_name_plural = _("safe-use guide pages")
