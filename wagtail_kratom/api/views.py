"""Wagtail v2 API endpoint for sites serving article pages; register it in place of ``PagesAPIViewSet``."""

import hashlib

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.urls import path
from django.utils.cache import add_never_cache_headers
from rest_framework.response import Response
from wagtail.api.v2.serializers import ChildRelationField, PageSerializer, TagsField
from wagtail.api.v2.views import PagesAPIViewSet

from ..fragment_cache import cached_parts
from ..pages import prefetch_article_data
from .fields import get_shown_disclaimer_choices
from .preview import get_preview_page


class PrefetchedTagsField(TagsField):
    """Tag names in Wagtail's order, read from the listing's prefetched tags rather than one query per page."""

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())


class ShownDisclaimerChoicesField(ChildRelationField):
    """``kratom_disclaimers``: only the choices readers may be shown (``get_shown_disclaimer_choices``)."""

    def to_representation(self, value) -> list[dict]:
        serializer = self.serializer_class(context=self.context)
        return [serializer.to_representation(link) for link in get_shown_disclaimer_choices(value.instance)]


class ArticlePageSerializer(PageSerializer):
    def build_property_field(self, field_name, model_class):
        field_class, field_kwargs = super().build_property_field(field_name, model_class)
        if field_class is TagsField:
            field_class = PrefetchedTagsField
        return field_class, field_kwargs

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        if field_name == "kratom_disclaimers" and field_class is ChildRelationField:
            field_class = ShownDisclaimerChoicesField
        return field_class, field_kwargs


class ArticlePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's v2 pages endpoint: each live page's answer is kept in the cache like a rendered page
    (``fragment_cache``), and the pages not found there are read in a fixed number of queries."""

    base_serializer_class = ArticlePageSerializer

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        pages = self.paginate_queryset(self.filter_queryset(queryset))
        return self.get_paginated_response(self.represent_pages(pages))

    def detail_view(self, request, pk):
        return Response(self.represent_pages([self.get_object()])[0])

    def represent_pages(self, pages: list) -> list:
        """Each page as this request's serializer writes it: from the cache, or serialized and stored."""
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        # Everything besides the page that the answer depends on: the fields asked for, rich text's format,
        # and the address detail URLs are built on.
        variant = repr(
            [
                serializer_class.__name__,
                sorted(serializer_class.Meta.fields),
                self.request.GET.get("fields", ""),
                context["_wagtail_rich_text_format"],
                self.request.build_absolute_uri("/"),
            ]
        )
        name = "api-v2-" + hashlib.sha256(variant.encode()).hexdigest()[:16]

        def serialize(missing: list) -> list:
            # Every listed page's meta names its locale; read them together too.
            prefetch_related_objects(missing, "locale")
            prefetch_article_data(missing)
            serializer = serializer_class(context=context)
            return [serializer.to_representation(page) for page in missing]

        return cached_parts(name, pages, self.request, serialize)

    def get_renderer_context(self):
        # Wagtail indents every answer, which makes Python's JSON encoder fall back to its slow, pure-Python
        # path; article pages are large. A client can still ask for it: "Accept: application/json; indent=4".
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def paginate_queryset(self, queryset):
        return list(super().paginate_queryset(queryset))


class ArticlePagePreviewAPIViewSet(ArticlePagesAPIViewSet):
    """A draft shown in a headless preview, read with its token: ``?token=…``, answered like a page's detail.

    Register it beside the pages endpoint, for example as ``page_preview``.
    """

    known_query_parameters = ArticlePagesAPIViewSet.known_query_parameters.union(["token", "content_type"])

    def get_object(self):
        page = get_preview_page(self.request.GET.get("token", ""))
        if page is None:
            raise Http404("This preview has expired or never existed; preview the page again.")
        return page

    def preview_view(self, request):
        self.action = "detail_view"
        page = self.get_object()
        prefetch_article_data([page])
        response = Response(self.get_serializer(page).data)
        # A draft, readable by anyone with the token: no cache may keep it.
        add_never_cache_headers(response)
        return response

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="preview")]
