"""The three article page types and the anatomy they share.

Behaviour lives in abstract mixins so that a site with a custom base page model
(Wagtail 8) can build the same page types on its own base; the concrete models
below use Wagtail's default ``Page``.
"""

import calendar
import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import swapper
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Site
from wagtail.search import index
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.search.tasks import insert_or_update_object_task

from .api.fields import (
    ARTICLE_API_FIELDS,
    RISK_SECTION_API_FIELDS,
    SAFE_USE_GUIDE_API_FIELDS,
    TOPIC_OVERVIEW_API_FIELDS,
)
from .api.preview import HEADLESS_PREVIEW_MODE, serve_headless_preview
from .article_types import ArticlePageBase, get_article_page_models
from .base_page import BasePage, parent_link
from .blocks import (
    INLINE_RICH_TEXT_FEATURES,
    OVERVIEW_CONTENT_BLOCKS,
    RISK_CONTENT_BLOCKS,
    SAFE_USE_CONTENT_BLOCKS,
    ArticleBodyBlock,
    AtAGlanceBlock,
    CitationBlock,
    describe_block_errors,
)
from .conf import get_setting
from .disclaimers import (
    DISCLAIMERS_CONTEXT_KEY,
    SHOWN_CONTEXT_KEY,
    ArticlePageDisclaimer,
    DisclaimerResolution,
    check_one_per_kind,
    get_site_default_disclaimers,
    get_site_for_page,
    resolve_disclaimers,
)
from .forms import ArticlePageAPIForm, ArticlePageForm
from .gate import DISCLAIMERS, GoLiveRefused, go_live_reasons, require_go_live
from .health_aspects import HealthAspectsField
from .panels import AuditFindingsPanel, ImportSourcePanel, RequiredDisclaimersPanel
from .related import check_related_picks, resolve_related_articles
from .review import content_fingerprint, review_is_recorded
from .seo import SitemapLastReviewedMixin
from .site_settings import KratomSiteSettings
from .snippets import Contributor

swapper.set_app_prefix("wagtailcore", "wagtail")

logger = logging.getLogger(__name__)

#: Block names whose values cite the page's numbered citations.
CITING_BLOCKS = ("risk", "dosage", "interactions")

#: The log action Wagtail's ``publish_scheduled`` command publishes with.
SCHEDULED_PUBLISH_LOG_ACTION = "wagtail.publish.scheduled"

#: The log action recorded on a page when scheduled publishing was refused.
PUBLISH_REFUSED_LOG_ACTION = "wagtail_kratom.publish_refused"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the same day ``months`` later, clamped to the end of shorter months."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


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


#: The revision ``ArticlePageMixin.publish()`` has just passed through the go-live gate, so that the
#: save Wagtail's publish action ends with need not run the gate a second time.
_revision_passed_gate: ContextVar[tuple[int, int] | None] = ContextVar(
    "wagtail_kratom_revision_passed_gate", default=None
)

#: The article pages saved inside ``index_article_pages_on_commit()``, as the index task's arguments.
_pages_to_index_on_commit: ContextVar[set[tuple[str, str, str]] | None] = ContextVar(
    "wagtail_kratom_pages_to_index_on_commit", default=None
)


@contextmanager
def index_article_pages_on_commit() -> Iterator[None]:
    """Index each article page saved in the block once, when the transaction commits, instead of on every save.

    A page the importer writes is saved two to four times (created, revision, published), and each
    save would index it twice: Wagtail's post_save handler, then ``ArticlePageMixin.save()`` for
    its topics. In the block the pages are only noted; the same index task is enqueued once per
    page when the surrounding transaction commits, and never for one that rolls back. A block
    inside another joins it.

    Wagtail's post_save index handler is disconnected from the article page models meanwhile. An
    article page saved in another thread is still indexed, by ``ArticlePageMixin.save()`` itself.
    """
    if _pages_to_index_on_commit.get() is not None:
        yield
        return
    pages_to_index: set[tuple[str, str, str]] = set()
    token = _pages_to_index_on_commit.set(pages_to_index)
    paused_models = [
        model for model in get_article_page_models() if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in paused_models:
            post_save.connect(post_save_signal_handler, sender=model)
        _pages_to_index_on_commit.reset(token)
        if pages_to_index:
            # Robust: the pages are committed by then; a failing task backend is logged, not raised as a failed write.
            transaction.on_commit(lambda: enqueue_index_updates(sorted(pages_to_index)), robust=True)


def enqueue_index_updates(pages_to_index: list[tuple[str, str, str]]) -> None:
    """Enqueue Wagtail's index task for each (app label, model name, pk).

    In one transaction: the immediate task backend runs the tasks here, and SQLite would commit each write alone.
    """
    with transaction.atomic():
        for index_key in pages_to_index:
            insert_or_update_object_task.enqueue(*index_key)


class ArticlePageMixin(SitemapLastReviewedMixin, ArticlePageBase):
    """The anatomy every article shares: summary, intro, sections, conclusion, sources, review.

    A concrete page type adds ``body`` (its sections, from ``ArticleBodyBlock``) and
    ``topics`` (from ``topics_field``).
    """

    summary = models.TextField(
        _("summary"),
        help_text=_("Key takeaways in plain text, read first by readers and search engines; a few sentences at most."),
    )
    intro = RichTextField(
        _("introduction"),
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("One or two paragraphs that say what the page covers and who it is for."),
    )
    conclusion = RichTextField(
        _("conclusion"),
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Optional closing paragraph that sums up what readers should remember."),
    )
    citations = StreamField(
        [("citation", CitationBlock())],
        blank=True,
        verbose_name=_("citations"),
        help_text=_("Numbered references, in the order the page cites them; structured items cite them by number."),
    )
    author = models.ForeignKey(
        "wagtail_kratom.Contributor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
        help_text=_("Who wrote the page."),
    )
    medical_reviewer = models.ForeignKey(
        "wagtail_kratom.Contributor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("medical reviewer"),
        help_text=_("The clinician or organisation who checked the page’s health content."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the medical reviewer last checked the page."),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("When the page must be checked again; left blank, it is set from the site’s review cycle."),
    )
    health_aspects = HealthAspectsField(
        _("health aspects"),
        help_text=_("Further aspects the page covers, beyond those its page type always has."),
    )
    reviewed_content = models.CharField(
        _("reviewed content"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A fingerprint of the health content the last review covered; changed content needs a new review."),
    )
    accepted_findings = models.PositiveIntegerField(
        _("accepted findings"),
        default=0,
        editable=False,
        help_text=_(
            "How many error findings a medical reviewer accepted on the live version, counted as it went live."
        ),
    )
    suggested_article_ids = models.JSONField(
        _("suggested articles"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Ranked ids of pages to suggest as related articles, worked out when the page is published."),
    )

    #: Health aspects every page of the type has, whatever the editor picks.
    intrinsic_health_aspects: list[str] = []

    #: What the page is to readers, for ranking related-article suggestions: overview, risk or safe_use.
    related_role = "overview"

    base_form_class = ArticlePageForm
    api_base_form_class = ArticlePageAPIForm

    api_fields = ARTICLE_API_FIELDS

    #: Set by ``ArticlePageForm`` once its fields have validated the StreamFields.
    streams_validated_by_form = False

    #: Set by ``prefetch_article_data`` once it has read the page's disclaimers, topics, contributors and links.
    article_data_read = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Whatever path makes a page live ends here; only metadata updates (update_fields) pass unchecked.
        if self.live and kwargs.get("update_fields") is None:
            self.check_can_be_live()
        result = super().save(*args, **kwargs)
        index_key = (self._meta.app_label, self._meta.model_name, str(self.pk))
        if (pages_to_index := _pages_to_index_on_commit.get()) is not None:
            pages_to_index.add(index_key)
        else:
            # Topics are committed after the page row, so the post_save index update missed any new ones.
            # Enqueue the same task Wagtail's post_save handler uses, so the project's task backend decides when.
            insert_or_update_object_task.enqueue(*index_key)
        return result

    # Computed views of the content -------------------------------------------------

    @property
    def sections(self) -> list:
        """The body's section values; derived each time so that a reassigned body is never stale."""
        return [child.value for child in self.body if child.block_type == "section"]

    @property
    def table_of_contents(self) -> list[dict[str, str]]:
        """Section headings and their anchors, in page order."""
        return [{"heading": section["heading"], "anchor": section.anchor} for section in self.sections]

    def structured_blocks(self, block_type: str) -> list:
        """Values of every ``block_type`` block, across all sections, in page order."""
        return [
            child.value for section in self.sections for child in section["content"] if child.block_type == block_type
        ]

    @property
    def all_health_aspects(self) -> list[str]:
        """The type's own aspects followed by the editor's picks, without repeats."""
        return list(dict.fromkeys([*self.intrinsic_health_aspects, *(self.health_aspects or [])]))

    @property
    def is_review_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def record_review(self, reviewer, day: datetime.date) -> None:
        """Credit ``reviewer`` with a review on ``day``; the next review falls one review cycle later."""
        self.medical_reviewer = reviewer
        self.last_reviewed = day
        self.next_review_due = add_months(day, self.get_review_cycle_months())
        self.reviewed_content = content_fingerprint(self)

    def save_revision(self, *args, **kwargs):
        """Fingerprint the content when this version records a review, so that later edits need a new one."""
        previous = self.get_latest_revision() if self.latest_revision_id else None
        if review_is_recorded(self, previous.content if previous else None):
            self.reviewed_content = content_fingerprint(self)
        elif not self.reviewed_content and self.live_revision_id:
            # Published before the package kept fingerprints: the live text is the one that was reviewed.
            self.reviewed_content = content_fingerprint(self.live_revision.as_object())
        return super().save_revision(*args, **kwargs)

    def get_review_cycle_months(self) -> int:
        site = self.get_site()
        if site is None:
            return KratomSiteSettings._meta.get_field("review_cycle_months").default
        return KratomSiteSettings.for_site(site).review_cycle_months

    # Disclaimers -------------------------------------------------------------------

    def resolve_disclaimers(self, *, chosen=None, site=None, request=None, site_defaults=None) -> DisclaimerResolution:
        """Resolve the page's disclaimers: its own choices (``chosen`` overrides them) and its site's defaults.

        The defaults are ``site_defaults`` when given (a move checks another site's, or none outside any
        site), else ``site``'s, else the page's own site's: the site the go-live gate checked, whichever
        host name the request came in on (an alias Site with fewer defaults must not strip them). The
        request only lends its cached settings when it is for that site.
        """
        if chosen is None:
            links = self.kratom_disclaimers.all()
            if "kratom_disclaimers" not in getattr(self, "_prefetched_objects_cache", {}):
                links = links.select_related("disclaimer")
            chosen = [link.disclaimer for link in links]
        if site_defaults is None and site is None and request is not None:
            # Wagtail's URL parts name the page's own site (not the request's, on an alias host) from the cached
            # site root paths, without a query.
            request_site = Site.find_for_request(request)
            url_parts = self.get_url_parts() if self.pk else None
            if request_site is not None and url_parts is not None and url_parts[0] == request_site.pk:
                site_defaults = KratomSiteSettings.for_request(request).get_default_disclaimers()
        if site_defaults is None:
            site_defaults = get_site_default_disclaimers(site or get_site_for_page(self))
        return resolve_disclaimers(type(self), chosen, site_defaults)

    def get_unresolved_disclaimer_kinds(self) -> list[str]:
        """The required disclaimer kinds nothing resolves for this page; it may go live only when empty."""
        return self.resolve_disclaimers().missing

    def get_disclaimers(self, request=None) -> list:
        """The disclaimers the page shows, in kind order."""
        return self.resolve_disclaimers(request=request).disclaimers

    def check_can_be_live(self) -> None:
        """The model's side of the go-live gate, for a save that leaves the page live.

        A page going live (not live before, or a new live revision) must pass the whole gate,
        unless ``publish()`` has just checked that revision; a live page saved as it is must still
        resolve its disclaimers. A live page whose review lapses stays live, with a notice to readers.
        """
        if self.pk is None:
            # Wagtail creates pages live by default (``add_child``, the admin's create-and-publish, copies kept
            # live); one that may not go live is created as a draft, and publishing it then meets the gate.
            if reasons := go_live_reasons(self):
                logger.info("Created %s as a draft: %s", self, " ".join(str(reason.message) for reason in reasons))
                self.live, self.has_unpublished_changes = False, True
            return
        stored = type(self).objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        going_live = stored is None or not stored["live"] or stored["live_revision_id"] != self.live_revision_id
        if not going_live:
            require_go_live(self, checks=[DISCLAIMERS])
            return
        passed = _revision_passed_gate.get()
        if passed is not None and self.live_revision_id == passed[0]:
            self.accepted_findings = passed[1]
        else:
            self.accepted_findings = len(require_go_live(self).accepted)

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None, **kwargs):
        """Publish ``revision`` only if its content passes the go-live gate.

        Checking before Wagtail's publish action starts keeps a refusal from writing
        anything. Scheduled publishing is not interrupted: the refusal is logged on
        the page and the revision stays scheduled, to go live once the page passes.
        """
        try:
            assessment = require_go_live(revision.as_object())
        except GoLiveRefused as error:
            if log_action != SCHEDULED_PUBLISH_LOG_ACTION:
                raise
            logger.warning("Scheduled publishing refused for page %s: %s", self.pk, error.message)
            if not PageLogEntry.objects.filter(
                page=self, revision=revision, action=PUBLISH_REFUSED_LOG_ACTION
            ).exists():
                log(
                    self,
                    PUBLISH_REFUSED_LOG_ACTION,
                    revision=revision,
                    data={"reasons": error.reason_ids, "message": str(error.message)},
                )
            return None
        token = _revision_passed_gate.set((revision.pk, len(assessment.accepted)))
        try:
            return super().publish(
                revision,
                user=user,
                changed=changed,
                log_action=log_action,
                previous_revision=previous_revision,
                **kwargs,
            )
        finally:
            _revision_passed_gate.reset(token)

    @property
    def preview_modes(self):
        """Wagtail's page preview, and a decoupled front end's when ``HEADLESS_PREVIEW_URL`` is set."""
        if get_setting("HEADLESS_PREVIEW_URL"):
            return [*super().preview_modes, (HEADLESS_PREVIEW_MODE, _("Front end"))]
        return super().preview_modes

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_PREVIEW_MODE and get_setting("HEADLESS_PREVIEW_URL"):
            return serve_headless_preview(self, request)
        return super().serve_preview(request, mode_name)

    def get_related_articles(self) -> list:
        """Related articles readers may see: the editor's picks, then suggestions; only live, public pages."""
        if not hasattr(self, "related_article_items"):
            resolve_related_articles([self])
        return self.related_article_items

    def get_context(self, request, *args, **kwargs):
        prefetch_article_data([self])
        context = super().get_context(request, *args, **kwargs)
        context[DISCLAIMERS_CONTEXT_KEY] = self.get_disclaimers(request)
        context[SHOWN_CONTEXT_KEY] = set()
        return context

    # Validation ---------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = add_months(self.last_reviewed, self.get_review_cycle_months())
        errors = {}
        max_length = get_setting("SUMMARY_MAX_LENGTH")
        if self.summary and len(self.summary) > max_length:
            errors["summary"] = _(
                "The summary is %(length)d characters long; keep it to %(max)d so readers can take it in at a glance."
            ) % {"length": len(self.summary), "max": max_length}
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            errors["next_review_due"] = _("The next review must fall after the last review (%(date)s).") % {
                "date": self.last_reviewed.isoformat()
            }
        if not self.streams_validated_by_form:
            errors.update(self._clean_streams())
            problems = check_related_picks(self, [link.target for link in self.kratom_related_articles.all()])
            if message := check_one_per_kind(link.disclaimer for link in self.kratom_disclaimers.all()):
                problems.append(message)
            if problems:
                errors[NON_FIELD_ERRORS] = problems
        if "body" not in errors and (message := self._check_citation_numbers()):
            errors["body"] = message
        if errors:
            raise ValidationError(errors)

    def _clean_streams(self) -> dict[str, ValidationError]:
        """Validate every StreamField with its blocks' rules, for paths that bypass the admin form."""
        errors = {}
        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(self, field.name)
                try:
                    field.stream_block.clean(value)
                except ValidationError as error:
                    errors[field.name] = ValidationError(describe_block_errors(error, value))
        return errors

    def _check_citation_numbers(self) -> str | None:
        """Explain the first structured item that cites a number the citation list lacks."""
        count = len(self.citations)
        for block_type in CITING_BLOCKS:
            for value in self.structured_blocks(block_type):
                items = value["rows"] if block_type == "interactions" else [value]
                for item in items:
                    missing = [number for number in item["citations"] if number > count]
                    if missing:
                        name = item.get("name") or item.get("substance") or _("The dosage table")
                        return _(
                            "“%(name)s” cites %(numbers)s, but the page lists %(count)d citations. "
                            "Add the source under Citations or correct the number."
                        ) % {"name": name, "numbers": ", ".join(map(str, missing)), "count": count}
        return None


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


def article_edit_handler(content_panels: list) -> TabbedInterface:
    """The article editing screen: tabs that follow the article anatomy."""
    return TabbedInterface(
        [
            ObjectList([AuditFindingsPanel(heading=_("Editorial checks")), *content_panels], heading=_("Content")),
            ObjectList(
                [
                    FieldPanel("citations"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("author"), FieldPanel("medical_reviewer")]),
                            FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
                        ],
                        heading=_("Review"),
                    ),
                ],
                heading=_("Sources and review"),
            ),
            ObjectList(
                [
                    RequiredDisclaimersPanel(heading=_("Required disclaimers")),
                    InlinePanel("kratom_disclaimers", heading=_("Disclaimers"), label=_("Disclaimer")),
                    InlinePanel("kratom_related_articles", heading=_("Related articles"), label=_("Related article")),
                ],
                heading=_("Disclaimers and related"),
            ),
            ObjectList(
                [*BasePage.promote_panels, FieldPanel("topics"), FieldPanel("health_aspects")],
                heading=_("Promote"),
            ),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
            # Shown only on imported pages: the text they were written from, with the audit's findings on it.
            ObjectList([ImportSourcePanel(heading=_("Imported source"))], heading=_("Source")),
        ]
    )


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
