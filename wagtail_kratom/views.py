"""Admin views: the site-wide editorial audit and review-due reports, and accepting a finding."""

import datetime
from dataclasses import dataclass

import django_filters
import swapper
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import DateField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .acceptances import accept_finding, user_may_accept_findings
from .article_types import get_article_page_models
from .conf import get_setting
from .gate import CheckedFinding, checked_findings
from .publishing.audit import Finding

page_permission_policy = PagePermissionPolicy()


@dataclass(frozen=True)
class FindingRow:
    """One finding on one page, as the report lists and exports it, with the acceptance that lifts its block."""

    page: object
    checked: CheckedFinding

    @property
    def finding(self) -> Finding:
        return self.checked.finding

    @property
    def page_title(self) -> str:
        return self.page.get_admin_display_title()

    @property
    def page_status(self) -> str:
        return self.page.status_string

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def gate_status(self) -> str:
        if not self.checked.blocking:
            return ""
        return _("Accepted") if self.checked.acceptance else _("Blocks publishing")

    @property
    def accepted_by(self) -> str:
        return self.checked.acceptance.accepted_by_name if self.checked.acceptance else ""

    @property
    def acceptance_reason(self) -> str:
        return self.checked.acceptance.reason if self.checked.acceptance else ""

    def __getattr__(self, name):
        return getattr(self.checked.finding, name)


class AuditReportView(ReportView):
    """Every audit finding on the latest version of each article page the user may edit, errors first.

    Exports as CSV and XLSX.
    """

    page_title = _("Editorial audit")
    header_icon = "warning"
    index_url_name = "wagtail_kratom:audit_report"
    index_results_url_name = "wagtail_kratom:audit_report_results"
    any_permission_required = ["add", "change", "publish"]
    model = swapper.load_model("wagtailcore", "Page")
    columns = [
        TitleColumn("page_title", label=_("Page"), get_url=lambda row: row.edit_url),
        Column("page_status", label=_("Status")),
        Column("severity", label=_("Severity")),
        Column("rule", label=_("Rule")),
        Column("location", label=_("Where")),
        Column("message", label=_("Finding")),
        Column("gate_status", label=_("Publishing")),
        Column("accepted_by", label=_("Accepted by")),
        Column("acceptance_reason", label=_("Reason")),
    ]
    list_export = [
        "page_title",
        "page_status",
        "severity",
        "rule",
        "location",
        "message",
        "gate_status",
        "accepted_by",
        "acceptance_reason",
    ]
    export_headings = {
        "page_title": _("Page"),
        "page_status": _("Status"),
        "severity": _("Severity"),
        "rule": _("Rule"),
        "location": _("Where"),
        "message": _("Finding"),
        "gate_status": _("Publishing"),
        "accepted_by": _("Accepted by"),
        "acceptance_reason": _("Reason"),
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
                rows += [FindingRow(page, checked) for checked in checked_findings(latest)]
        return sorted(rows, key=lambda row: (row.severity != "error", row.page.path))


OVERDUE, DUE_SOON = "overdue", "due_soon"
REVIEW_STATUS_CHOICES = [(OVERDUE, _("Overdue")), (DUE_SOON, _("Due soon"))]


def review_due_window() -> datetime.date:
    """The last day counted as "due soon": today plus ``REVIEW_DUE_WINDOW_DAYS``."""
    return timezone.localdate() + datetime.timedelta(days=get_setting("REVIEW_DUE_WINDOW_DAYS"))


def pages_due_for_review(user):
    """Article pages ``user`` may edit, live or not, whose next review is past or due within the window."""
    page_model = swapper.load_model("wagtailcore", "Page")
    models = get_article_page_models()
    due = Coalesce(
        *[Subquery(model.objects.filter(pk=OuterRef("pk")).values("next_review_due")[:1]) for model in models],
        output_field=DateField(),
    )
    editable = page_permission_policy.instances_user_has_any_permission_for(user, ["change", "publish"])
    return (
        page_model.objects.type(*models)
        .filter(pk__in=editable.values("pk"))
        .annotate(review_due=due)
        .filter(review_due__lte=review_due_window())
        .order_by("review_due", "path")
    )


def review_counts(user) -> dict[str, int]:
    """How many article pages ``user`` may edit are overdue for review, and how many fall due within the window."""
    today = timezone.localdate()
    pages = pages_due_for_review(user)
    return {
        OVERDUE: pages.filter(review_due__lt=today).count(),
        DUE_SOON: pages.filter(review_due__gte=today).count(),
    }


class ReviewDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Review"), choices=REVIEW_STATUS_CHOICES, method="filter_status")
    content_type = ContentTypeFilter(
        label=_("Type"),
        queryset=lambda request: ContentType.objects.filter(
            pk__in=[
                content_type.pk
                for content_type in ContentType.objects.get_for_models(*get_article_page_models()).values()
            ]
        ),
    )
    live = django_filters.BooleanFilter(label=_("Live"))

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(Q(review_due__lt=today) if value == OVERDUE else Q(review_due__gte=today))

    class Meta:
        model = swapper.load_model("wagtailcore", "Page")
        fields = ["status", "content_type", "live"]


class ReviewStatusColumn(Column):
    def get_value(self, instance):
        return _("Overdue") if instance.review_due < timezone.localdate() else _("Due soon")


class ReviewDueReportView(ReportView):
    """Article pages past or near their next review, as NHS.UK's content standard asks editors to track."""

    page_title = _("Review due")
    header_icon = "time"
    index_url_name = "wagtail_kratom:review_due_report"
    index_results_url_name = "wagtail_kratom:review_due_report_results"
    filterset_class = ReviewDueFilterSet
    any_permission_required = ["add", "change", "publish"]
    model = swapper.load_model("wagtailcore", "Page")
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        ReviewStatusColumn("review_status", label=_("Review")),
        Column("review_due", label=_("Next review due")),
        Column("status_string", label=_("Status")),
    ]
    list_export = ["title", "review_due", "status_string", "content_type"]
    export_headings = {
        "title": _("Page"),
        "review_due": _("Next review due"),
        "status_string": _("Status"),
        "content_type": _("Type"),
    }

    def get_filename(self) -> str:
        return "review-due"

    def get_queryset(self):
        return pages_due_for_review(self.request.user)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["content_type"] = item.content_type.model_class()._meta.verbose_name
        return row


class ReviewDuePanel(Component):
    """A dashboard panel with the number of article pages overdue for review and due soon."""

    name = "kratom_review_due"
    order = 150
    template_name = "wagtail_kratom/dashboard/review_due.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        counts = review_counts(self.user)
        report = reverse("wagtail_kratom:review_due_report")
        return {
            "overdue": counts[OVERDUE],
            "due_soon": counts[DUE_SOON],
            "window": get_setting("REVIEW_DUE_WINDOW_DAYS"),
            "overdue_url": f"{report}?status={OVERDUE}",
            "due_soon_url": f"{report}?status={DUE_SOON}",
        }


class AcceptFindingForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Why readers may see this text as written, for example “quoted in order to refute it”. "
            "It is kept in the page’s history and listed in the editorial audit report."
        ),
    )


def get_acceptable_finding(page, fingerprint: str) -> CheckedFinding | None:
    """The blocking finding with ``fingerprint`` on the page's latest revision, if it is still there."""
    latest = page.get_latest_revision_as_object()
    return next(
        (item for item in checked_findings(latest) if item.blocking and item.fingerprint == fingerprint),
        None,
    )


class AcceptFindingView(WagtailAdminTemplateMixin, FormView):
    """A medical reviewer accepts one blocking finding with a reason, so the page may go live as written."""

    template_name = "wagtail_kratom/admin/accept_finding.html"
    page_title = _("Accept a finding")
    header_icon = "warning"
    form_class = AcceptFindingForm

    def dispatch(self, request, page_id: int, fingerprint: str):
        self.page = get_object_or_404(swapper.load_model("wagtailcore", "Page"), pk=page_id).specific
        if not (user_may_accept_findings(request.user) and self.page.permissions_for_user(request.user).can_edit()):
            raise PermissionDenied
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        self.checked = get_acceptable_finding(self.page, fingerprint)
        if self.checked is None:
            messages.warning(
                request,
                _("That finding is no longer on the page: its text has changed. Check the editorial checks again."),
            )
            return redirect(self.edit_url)
        if self.checked.acceptance is not None:
            messages.info(request, _("That finding has already been accepted."))
            return redirect(self.edit_url)
        return super().dispatch(request, page_id=page_id, fingerprint=fingerprint)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.edit_url, "label": self.page.get_admin_display_title()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            finding=self.checked.finding,
            action_url=self.request.path,
            submit_button_label=_("Accept finding"),
            submit_button_active_label=_("Accepting…"),
            edit_url=self.edit_url,
        )
        return context

    def form_valid(self, form):
        accept_finding(self.page, self.checked.finding, user=self.request.user, reason=form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("Finding %(rule)s accepted. The page may go live with this text as written.")
            % {"rule": self.checked.finding.rule},
        )
        return redirect(self.edit_url)
