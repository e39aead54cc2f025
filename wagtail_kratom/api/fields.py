"""Fields the page types serve through Wagtail's v2 API and, by the same declarations, its v3 API.

Wagtail's v3 API types a serializer field by the return annotation of its
``to_representation``, so each field declares the shape it returns.
"""

from typing import Literal

from rest_framework import serializers
from typing_extensions import TypedDict
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html


class DisclaimerData(TypedDict):
    #: The stable kind name, for example "medical".
    kind: str
    title: str
    #: The approved wording as HTML, links resolved to real URLs.
    body: str


class DisclaimersField(serializers.Field):
    """The page's resolved disclaimers, complete for its type, in kind order."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

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


class RelatedArticlesField(serializers.Field):
    """The page's related articles: editor picks first, then suggestions; live, public pages only."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[RelatedArticleData]:
        request = self.context.get("request")
        return [
            RelatedArticleData(**article_summary(item.page, request, item.label), source=item.source)
            for item in page.get_related_articles()
        ]


class HubSectionsField(serializers.Field):
    """A topic hub's own live, public risk section and safe-use pages, in tree order."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, hub) -> list[ArticleSummaryData]:
        request = self.context.get("request")
        return [article_summary(child, request) for child in hub.get_child_articles()]


ARTICLE_API_FIELDS = [
    APIField("disclaimers", serializer=DisclaimersField()),
    APIField("related_articles", serializer=RelatedArticlesField()),
]

TOPIC_OVERVIEW_API_FIELDS = [*ARTICLE_API_FIELDS, APIField("sections", serializer=HubSectionsField())]
