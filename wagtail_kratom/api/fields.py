"""Fields the page types serve through Wagtail's v2 API and, by the same declarations, its v3 API.

Wagtail's v3 API types a serializer field by the return annotation of its
``to_representation``, so each field declares the shape it returns.
"""

import datetime
from typing import Any, Literal

from rest_framework import serializers
from typing_extensions import TypedDict
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

from ..blocks import INTERACTION_RISK_CHOICES, SEVERITY_CHOICES, UNIT_CHOICES, URGENCY_CHOICES
from ..breadcrumbs import read_ancestors
from ..health_aspects import HEALTH_ASPECT_LABELS, schema_org_url
from ..json_ld import article_json_ld
from ..related import RELATED_SOURCES


def choice_literal(choices: list[tuple[str, Any]]) -> Any:
    """The values of a block's ``choices``, or "" in a draft, as a ``Literal``: the choices stay their one home."""
    return Literal[(*(value for value, _label in choices), "")]


class PageField(serializers.Field):
    """A read-only field worked out from the whole page rather than read from one attribute."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def get_attribute(self, instance):
        # The v3 API and a v2 detail read a page field by field: the first field reads what they all need.
        instance.read_article_data()
        return super().get_attribute(instance)


class DisclaimerData(TypedDict):
    #: The stable kind name, for example "medical".
    kind: str
    title: str
    #: The approved wording as HTML, links resolved to real URLs.
    body: str


class DisclaimersField(PageField):
    """The page's resolved disclaimers, complete for its type, in kind order."""

    def to_representation(self, page) -> list[DisclaimerData]:
        return [
            DisclaimerData(kind=disclaimer.kind, title=disclaimer.title, body=expand_db_html(disclaimer.body))
            for disclaimer in page.get_disclaimers(self.context.get("request"))
        ]


def get_shown_disclaimer_choices(page) -> list:
    """The page's own disclaimer choices readers may be shown: a draft or inactive disclaimer's id stays private."""
    return [link for link in page.kratom_disclaimers.all() if link.disclaimer.is_usable]


class ArticleSummaryData(TypedDict):
    id: int
    title: str
    url: str | None
    #: The page type, for example "wagtail_kratom.SafeUseGuidePage".
    type: str
    summary: str


class RelatedArticleData(ArticleSummaryData):
    #: "editor" for a pick, "suggested" for a suggestion.
    source: Literal[RELATED_SOURCES]


def article_summary(page, request, title: str = "") -> ArticleSummaryData:
    return ArticleSummaryData(
        id=page.pk,
        title=title or page.title,
        url=page.get_full_url(request),
        type=page._meta.label,
        summary=page.summary,
    )


class RelatedArticlesField(PageField):
    """The page's related articles: editor picks first, then suggestions; live, public pages only."""

    def to_representation(self, page) -> list[RelatedArticleData]:
        request = self.context.get("request")
        return [
            RelatedArticleData(**article_summary(item.page, request, item.label), source=item.source)
            for item in page.get_related_articles()
        ]


class HubSectionsField(PageField):
    """A topic hub's own live, public risk section and safe-use pages, in tree order."""

    def to_representation(self, hub) -> list[ArticleSummaryData]:
        request = self.context.get("request")
        return [article_summary(child, request) for child in hub.get_child_articles()]


class HeadingData(TypedDict):
    heading: str
    #: The id of the section's heading on the page, for links such as ``#what-is-known``.
    anchor: str


class TableOfContentsField(PageField):
    """The page's section headings and anchors, in page order."""

    def to_representation(self, page) -> list[HeadingData]:
        return [HeadingData(heading=entry["heading"], anchor=entry["anchor"]) for entry in page.table_of_contents]


class ContributorData(TypedDict):
    name: str
    credentials: str
    role: str
    is_organisation: bool
    url: str
    #: Shown next to the name, for example "fictional reviewer for this demo site".
    note: str


class ReviewData(TypedDict):
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    is_overdue: bool
    reviewed_by: ContributorData | None
    #: How many error findings a medical reviewer accepted, with a reason, when this version went live.
    accepted_findings: int


class ReviewField(PageField):
    """When the page's health content was checked, by whom, and whether it is due again."""

    def to_representation(self, page) -> ReviewData:
        reviewer = page.medical_reviewer
        return ReviewData(
            last_reviewed=page.last_reviewed,
            next_review_due=page.next_review_due,
            is_overdue=page.is_review_overdue,
            reviewed_by=None
            if reviewer is None
            else ContributorData(
                name=reviewer.name,
                credentials=reviewer.credentials,
                role=reviewer.role,
                is_organisation=reviewer.is_organisation,
                url=reviewer.url,
                note=reviewer.note,
            ),
            accepted_findings=page.accepted_findings,
        )


class HealthAspectData(TypedDict):
    #: The schema.org enumeration member, for example "RisksOrComplicationsHealthAspect".
    value: str
    label: str
    url: str


class AllHealthAspectsField(PageField):
    """Every health aspect the page covers: its type's own, then the editor's picks."""

    def to_representation(self, page) -> list[HealthAspectData]:
        return [
            HealthAspectData(
                value=aspect, label=str(HEALTH_ASPECT_LABELS.get(aspect, aspect)), url=schema_org_url(aspect)
            )
            for aspect in page.all_health_aspects
        ]


class JSONLDField(PageField):
    """The schema.org JSON-LD object the page's HTML carries in its head."""

    def to_representation(self, page) -> dict[str, Any]:
        request = self.context.get("request")
        # In a v2 listing the page serializer's parent lists every page: read their breadcrumbs together.
        listing = getattr(getattr(self.parent, "parent", None), "instance", None)
        if isinstance(listing, list | tuple):
            read_ancestors(listing, request)
        return article_json_ld(page, request)


def structured_items(page, block_type: str, context: dict, rows: str | None = None) -> list[dict[str, Any]]:
    """The API representation of every ``block_type`` block in the page's sections, in page order.

    Each item names its section's ``anchor``. For table blocks, ``rows`` names the
    list to flatten: each row becomes an item, with the table's other values (such
    as a dosage table's citations) beside its own.
    """
    items = []
    for section in page.sections:
        for child in section["content"]:
            if child.block_type != block_type:
                continue
            value = child.block.get_api_representation(child.value, context)
            if rows is None:
                items.append({"section": section.anchor, **value})
                continue
            shared = {key: item for key, item in value.items() if key != rows}
            items += [{"section": section.anchor, **shared, **row} for row in value[rows]]
    return items


class RiskData(TypedDict):
    #: The anchor of the section the risk is described in.
    section: str
    name: str
    #: Empty only in a draft, as are the other choices below.
    severity: choice_literal(SEVERITY_CHOICES)
    severity_label: str
    evidence_level: str
    evidence_level_label: str
    #: HTML.
    description: str
    warning_signs: list[str]
    higher_risk_groups: list[str]
    #: HTML.
    what_to_do: str
    #: Numbers in the page's ``citations`` list, counted from 1.
    citations: list[int]


class RisksField(PageField):
    """The page's graded risks, from all its sections."""

    def to_representation(self, page) -> list[RiskData]:
        return structured_items(page, "risk", self.context)


class CareCardData(TypedDict):
    section: str
    urgency: choice_literal(URGENCY_CHOICES)
    urgency_label: str
    #: The editor's heading; empty when the standard heading of the urgency applies.
    heading: str
    #: The heading readers see.
    display_heading: str
    symptoms: list[str]
    #: HTML.
    action: str


class CareCardsField(PageField):
    """The page's "when to get help" cards, from all its sections."""

    def to_representation(self, page) -> list[CareCardData]:
        return structured_items(page, "care_card", self.context)


class DosageData(TypedDict):
    section: str
    form: str
    form_label: str
    route: str
    route_label: str
    #: Null only in a draft.
    min: float | None
    max: float | None
    unit: choice_literal(UNIT_CHOICES)
    unit_label: str
    note: str
    #: The citations of the table the row belongs to.
    citations: list[int]


class DosageField(PageField):
    """Every row of the page's dosage tables: reported amounts, not recommendations."""

    def to_representation(self, page) -> list[DosageData]:
        return structured_items(page, "dosage", self.context, rows="rows")


class PracticeData(TypedDict):
    section: str
    title: str
    detail: str


class PracticesField(PageField):
    """The steps of the page's safer-use practices, in the order readers should follow them."""

    def to_representation(self, page) -> list[PracticeData]:
        return structured_items(page, "practices", self.context, rows="steps")


class MonitoringData(TypedDict):
    section: str
    test: str
    frequency: str
    reason: str


class MonitoringField(PageField):
    """The health checks the page advises, how often and why."""

    def to_representation(self, page) -> list[MonitoringData]:
        return structured_items(page, "monitoring", self.context, rows="rows")


class InteractionData(TypedDict):
    section: str
    substance: str
    #: Graded like TripSit's combination chart.
    risk: choice_literal(INTERACTION_RISK_CHOICES)
    risk_label: str
    note: str
    citations: list[int]


class InteractionsField(PageField):
    """Substances with a graded risk when combined with kratom."""

    def to_representation(self, page) -> list[InteractionData]:
        return structured_items(page, "interactions", self.context, rows="rows")


class LegalStatusData(TypedDict):
    section: str
    jurisdiction: str
    status: str
    status_label: str
    #: Null only in a draft.
    as_of: datetime.date | None
    source_url: str
    note: str


class LegalStatusField(PageField):
    """Legal status by jurisdiction, each with the date it holds from."""

    def to_representation(self, page) -> list[LegalStatusData]:
        return structured_items(page, "legal_status", self.context, rows="rows")


class AtAGlanceData(TypedDict):
    scientific_name: str
    other_names: list[str]
    main_alkaloids: list[str]
    legal_status_summary: str


class AtAGlanceField(PageField):
    """A topic hub's key facts, or null when it has none."""

    def to_representation(self, hub) -> AtAGlanceData | None:
        for child in hub.at_a_glance:
            return child.block.get_api_representation(child.value, self.context)
        return None


#: Writable fields go through the page's admin form in Wagtail's v3 API, with its validation.
ARTICLE_API_FIELDS = [
    APIField("summary", writable=True),
    APIField("intro", writable=True),
    APIField("body", writable=True),
    APIField("conclusion", writable=True),
    APIField("table_of_contents", serializer=TableOfContentsField()),
    APIField("citations", writable=True),
    APIField("review", serializer=ReviewField()),
    APIField("health_aspects", serializer=AllHealthAspectsField()),
    APIField("topics", writable=True),
    APIField("json_ld", serializer=JSONLDField()),
    APIField("disclaimers", serializer=DisclaimersField()),
    APIField("kratom_disclaimers", writable=True),
    APIField("related_articles", serializer=RelatedArticlesField()),
]

TOPIC_OVERVIEW_API_FIELDS = [
    *ARTICLE_API_FIELDS,
    APIField("at_a_glance", serializer=AtAGlanceField()),
    APIField("sections", serializer=HubSectionsField()),
]

RISK_SECTION_API_FIELDS = [
    *ARTICLE_API_FIELDS,
    APIField("risks", serializer=RisksField()),
    APIField("care_cards", serializer=CareCardsField()),
]

SAFE_USE_GUIDE_API_FIELDS = [
    *ARTICLE_API_FIELDS,
    APIField("dosage", serializer=DosageField()),
    APIField("practices", serializer=PracticesField()),
    APIField("monitoring", serializer=MonitoringField()),
    APIField("interactions", serializer=InteractionsField()),
    APIField("care_cards", serializer=CareCardsField()),
    APIField("legal_status", serializer=LegalStatusField()),
]
