"""The package's own admin URLs, namespaced ``wagtail_kratom`` and mounted under ``/admin/kratom/``."""

from django.urls import path

from .views import AcceptFindingView

app_name = "wagtail_kratom"
urlpatterns = [
    path(
        "pages/<int:page_id>/findings/<str:fingerprint>/accept/",
        AcceptFindingView.as_view(),
        name="accept_finding",
    ),
]
