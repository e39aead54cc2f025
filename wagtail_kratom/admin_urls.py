"""The package's own admin URLs, namespaced ``wagtail_kratom`` and mounted under ``/admin/kratom/``."""

from django.urls import path

from .admin_import import ImportArticlesView, ImportPreviewView, ImportProgressView, ImportResultView
from .views import AcceptFindingView

app_name = "wagtail_kratom"
urlpatterns = [
    path(
        "pages/<int:page_id>/findings/<str:fingerprint>/accept/",
        AcceptFindingView.as_view(),
        name="accept_finding",
    ),
    path("import/", ImportArticlesView.as_view(), name="import_articles"),
    path("import/<int:batch_id>/", ImportPreviewView.as_view(), name="import_preview"),
    path("import/<int:batch_id>/result/", ImportResultView.as_view(), name="import_result"),
    path("import/<int:batch_id>/progress/", ImportProgressView.as_view(), name="import_progress"),
]
