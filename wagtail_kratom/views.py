"""Admin views: the site-wide editorial audit report."""

from dataclasses import dataclass

import swapper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .audit import audit_page
from .pages import get_article_page_models
from .publishing.audit import Finding

page_permission_policy = PagePermissionPolicy()


@dataclass(frozen=True)
class FindingRow:
    """One finding on one page, as the report lists and exports it."""

    page: object
    finding: Finding

    @property
    def page_title(self) -> str:
        return self.page.get_admin_display_title()

    @property
    def page_status(self) -> str:
        return self.page.status_string

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def __getattr__(self, name):
        return getattr(self.finding, name)


class AuditReportView(ReportView):
    """Every audit finding on the latest version of each article page the user may edit, errors first.

    Exports as CSV and XLSX.
    """

    page_title = _("Editorial audit")
    header_icon = "warning"
    index_url_name = "wagtail_kratom_audit_report"
    index_results_url_name = "wagtail_kratom_audit_report_results"
    any_permission_required = ["add", "change", "publish"]
    model = swapper.load_model("wagtailcore", "Page")
    columns = [
        TitleColumn("page_title", label=_("Page"), get_url=lambda row: row.edit_url),
        Column("page_status", label=_("Status")),
        Column("severity", label=_("Severity")),
        Column("rule", label=_("Rule")),
        Column("location", label=_("Where")),
        Column("message", label=_("Finding")),
    ]
    list_export = ["page_title", "page_status", "severity", "rule", "location", "message"]
    export_headings = {
        "page_title": _("Page"),
        "page_status": _("Status"),
        "severity": _("Severity"),
        "rule": _("Rule"),
        "location": _("Where"),
        "message": _("Finding"),
    }

    def get_filename(self) -> str:
        return "editorial-audit"

    def get_queryset(self) -> list[FindingRow]:
        editable = page_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        rows = []
        for model in get_article_page_models():
            pages = model.objects.filter(pk__in=editable.values("pk")).order_by("path")
            for page in pages.select_related("medical_reviewer"):
                latest = page.get_latest_revision_as_object()
                rows += [FindingRow(page, finding) for finding in audit_page(latest)]
        return sorted(rows, key=lambda row: (row.severity != "error", row.page.path))
