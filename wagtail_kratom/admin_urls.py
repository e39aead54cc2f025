"""The package's own admin URLs, namespaced ``wagtail_kratom`` and mounted at the admin's root.

Its views live under ``/admin/kratom/``; its reports sit beside Wagtail's own, under ``/admin/reports/``.
"""

from django.urls import path

from .admin_import import ImportArticlesView, ImportPreviewView, ImportProgressView, ImportResultView
from .views import AcceptFindingView, AuditReportView, ReviewDueReportView

app_name = "wagtail_kratom"
urlpatterns = [
    path(
        "kratom/pages/<int:page_id>/findings/<str:fingerprint>/accept/",
        AcceptFindingView.as_view(),
        name="accept_finding",
    ),
    path("kratom/import/", ImportArticlesView.as_view(), name="import_articles"),
    path("kratom/import/<int:batch_id>/", ImportPreviewView.as_view(), name="import_preview"),
    path("kratom/import/<int:batch_id>/result/", ImportResultView.as_view(), name="import_result"),
    path("kratom/import/<int:batch_id>/progress/", ImportProgressView.as_view(), name="import_progress"),
    path("reports/kratom-review-due/", ReviewDueReportView.as_view(), name="review_due_report"),
    path(
        "reports/kratom-review-due/results/",
        ReviewDueReportView.as_view(results_only=True),
        name="review_due_report_results",
    ),
    path("reports/kratom-audit/", AuditReportView.as_view(), name="audit_report"),
    path("reports/kratom-audit/results/", AuditReportView.as_view(results_only=True), name="audit_report_results"),
]
