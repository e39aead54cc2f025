"""Fields the page types serve through Wagtail's v2 API and, by the same declarations, its v3 API.

Wagtail's v3 API types a serializer field by the return annotation of its
``to_representation``, so each field declares the shape it returns.
"""

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


ARTICLE_API_FIELDS = [
    APIField("disclaimers", serializer=DisclaimersField()),
]
