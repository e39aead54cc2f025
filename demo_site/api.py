"""Wagtail's v2 API for the demo site; the package's page types declare what they serve."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from wagtail_kratom.api.views import ArticlePagePreviewAPIViewSet, ArticlePagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ArticlePagesAPIViewSet)
api_router.register_endpoint("page_preview", ArticlePagePreviewAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
