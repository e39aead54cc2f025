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

from ..health_aspects import HEALTH_ASPECT_LABELS, schema_org_url
from ..json_ld import article_json_ld


class PageField(serializers.Field):
    """A read-only field worked out from the whole page rather than read from one attribute."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


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


class ArticleSummaryData(TypedDict):
    id: int
    title: str
    url: str | None
    #: The page type, for example "wagtail_kratom.SafeUseGuidePage".
    type: str
    summary: str


class RelatedArticleData(ArticleSummaryData):
    #: "editor" for a pick, "suggested" for a suggestion.
    source: Literal["editor", "suggested"]


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


class ReviewData(TypedDict):
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    is_overdue: bool
    reviewed_by: ContributorData | None


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
            ),
        )


class HealthAspectData(TypedDict):
    #: The schema.org enumeration member, for example "RisksOrComplicationsHealthAspect".
    value: str
    label: str
    url: str


class HealthAspectsField(PageField):
    """Every health aspect the page covers: its type's own, then the editor's picks."""

    def to_representation(self, page) -> list[HealthAspectData]:
        return [
            HealthAspectData(
                value=aspect, label=str(HEALTH_ASPECT_LABELS.get(aspect, aspect)), url=schema_org_url(aspect)
            )
            for aspect in page.all_health_aspects
        ]


class TopicsField(serializers.Field):
    """The page's topic names."""

    def to_representation(self, topics) -> list[str]:
        return [tag.name for tag in topics.all()]


class JSONLDField(PageField):
    """The schema.org JSON-LD object the page's HTML carries in its head."""

    def to_representation(self, page) -> dict[str, Any]:
        return article_json_ld(page, self.context.get("request"))


ARTICLE_API_FIELDS = [
    APIField("summary"),
    APIField("intro"),
    APIField("body"),
    APIField("conclusion"),
    APIField("table_of_contents", serializer=TableOfContentsField()),
    APIField("citations"),
    APIField("review", serializer=ReviewField()),
    APIField("health_aspects", serializer=HealthAspectsField()),
    APIField("topics", serializer=TopicsField(read_only=True)),
    APIField("json_ld", serializer=JSONLDField()),
    APIField("disclaimers", serializer=DisclaimersField()),
    APIField("related_articles", serializer=RelatedArticlesField()),
]

TOPIC_OVERVIEW_API_FIELDS = [*ARTICLE_API_FIELDS, APIField("sections", serializer=HubSectionsField())]
