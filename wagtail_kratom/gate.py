"""The go-live gate: the one rule that decides whether an article page may be live.

A page may go live only when
- every disclaimer kind its type requires resolves to a published, active disclaimer;
- a medical reviewer is named, the review dates are set, the review is not overdue and it covers
  the content going live (``review``);
- no error-level audit finding is open on the version going live, unless a medical
  reviewer has accepted it with a reason (``acceptances``).

Every publishing path asks ``go_live_reasons`` or ``require_go_live``: the page's
``publish()`` and ``save()`` (the admin, ``revision.publish()``, scheduled publishing,
workflows, Wagtail's v3 API), page moves, the admin's form and bulk actions, and the
importer. Each check can be switched off per page type with ``WAGTAIL_KRATOM["GO_LIVE_CHECKS"]``.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.utils.forms import FormValidationError

from .acceptances import FindingAcceptance, finding_fingerprint, get_acceptances
from .conf import get_setting
from .disclaimers import DisclaimerResolution, join_words, kind_label
from .page_audit import audit_page
from .publishing.audit import (
    DISCLAIMERS_MISSING,
    ERROR,
    REVIEW_NO_DATE,
    REVIEW_NO_REVIEWER,
    REVIEW_OVERDUE,
    AuditSubject,
    Finding,
    review_findings,
)
from .review import content_fingerprint
from .site_settings import get_site_default_disclaimers

DISCLAIMERS, REVIEW, FINDINGS = "disclaimers", "review", "findings"

#: Every check the gate can make, in the order its reasons are given.
CHECKS = (DISCLAIMERS, REVIEW, FINDINGS)

#: Audit rules the gate checks in its own right; they are not findings a reviewer can accept.
GATE_RULES = frozenset({DISCLAIMERS_MISSING, REVIEW_NO_REVIEWER, REVIEW_NO_DATE, REVIEW_OVERDUE})

#: The gate's own review reasons, besides the audit's: a medical review under way, or content changed since.
REVIEW_AWAITING = "review.awaiting"
REVIEW_STALE = "review.stale"

#: How many open findings a refusal quotes before summing up the rest.
FINDINGS_QUOTED = 3


@dataclass(frozen=True)
class GoLiveReason:
    """One reason a page may not go live: an id, the check it belongs to, and what the editor should do."""

    id: str
    check: str
    message: str
    #: The form field the reason is about, so that Wagtail's v3 API answers 422 located there.
    field: str = NON_FIELD_ERRORS


class GoLiveRefused(FormValidationError):
    """A page was about to go live without passing the gate; ``reasons`` says every way it fails."""

    def __init__(self, page, reasons: list[GoLiveReason], title: str | None = None):
        self.page = page
        self.reasons = reasons
        title = title or page.get_admin_display_title()
        self.message = _("“%(title)s” cannot go live yet. %(reasons)s") % {
            "title": title,
            "reasons": " ".join(str(reason.message) for reason in reasons),
        }
        errors: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for reason in reasons:
            errors.setdefault((reason.field,), []).append((str(reason.message), reason.id))
        super().__init__(errors)

    @property
    def reason_ids(self) -> list[str]:
        return [reason.id for reason in self.reasons]

    def as_form_error(self) -> ValidationError:
        """The refusal as one error for the top of a form, where the admin shows it."""
        return ValidationError(self.message, code="go_live_refused")


def get_enabled_checks(model) -> list[str]:
    """The checks the gate makes for pages of ``model``; subclasses follow their parent's entry."""
    configured = get_setting("GO_LIVE_CHECKS")
    by_label = {label.lower(): checks for label, checks in configured.items()} if isinstance(configured, dict) else {}
    for klass in model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in by_label:
            return [check for check in CHECKS if check in by_label[meta.label_lower]]
    return list(CHECKS)


def disclaimer_reason(resolution: DisclaimerResolution) -> GoLiveReason:
    message = ngettext(
        "It needs its %(kinds)s disclaimer.",
        "It needs its %(kinds)s disclaimers.",
        len(resolution.missing),
    ) % {"kinds": join_words([kind_label(kind) for kind in resolution.missing])}
    message += " " + _(
        "Choose them under “Disclaimers and related”, or ask an administrator to set site defaults "
        "under Settings › Kratom content settings."
    )
    if resolution.unusable:
        message += " " + _("The page’s own choice of %(disclaimers)s is not published or not active.") % {
            "disclaimers": join_words([f"“{disclaimer.title}”" for disclaimer in resolution.unusable])
        }
    return GoLiveReason(DISCLAIMERS_MISSING, DISCLAIMERS, message, "kratom_disclaimers")


#: What the editor should do about each review finding, and the field it is about.
REVIEW_FIXES = {
    REVIEW_NO_REVIEWER: (
        _(
            "No medical reviewer is named. Submit the page for medical review, or name the reviewer under "
            "“Sources and review”."
        ),
        "medical_reviewer",
    ),
    REVIEW_NO_DATE: (
        _("It has no review dates. Record when it was last reviewed under “Sources and review”."),
        "last_reviewed",
    ),
    REVIEW_AWAITING: (
        _(
            "It is awaiting medical review in the “%(workflow)s” workflow; a medical reviewer approves it there, "
            "which records the review and publishes it."
        ),
        "medical_reviewer",
    ),
    REVIEW_STALE: (
        _(
            "Its health content has changed since the review on %(date)s. Submit it for medical review, or "
            "record the new review date under “Sources and review”."
        ),
        "last_reviewed",
    ),
    REVIEW_OVERDUE: (
        _("Its review was due on %(date)s. Have it reviewed again and update the review dates."),
        "last_reviewed",
    ),
}


def awaiting_medical_review(page):
    """The workflow whose current task is a medical review the page awaits, if any.

    Publishing such a page other than by approving that task (the v3 API's publish action, the admin's
    Publish) would cancel the review and go live unreviewed.
    """
    state = page.current_workflow_state if page.pk else None
    task_state = state.current_task_state if state is not None else None
    if task_state is not None and getattr(task_state.task.specific, "records_medical_review", False):
        return state.workflow
    return None


def review_reasons(page, today: datetime.date) -> list[GoLiveReason]:
    """The review findings of the publishing library's audit, as the gate's reasons."""
    subject = AuditSubject(
        title=page.title,
        passages=(),
        reviewer=page.medical_reviewer.name if page.medical_reviewer_id else None,
        last_reviewed=page.last_reviewed,
        next_review_due=page.next_review_due,
        today=today,
    )
    reasons = []
    for finding in review_findings(subject):
        message, field = REVIEW_FIXES[finding.rule]
        if finding.rule == REVIEW_OVERDUE:
            message = message % {"date": page.next_review_due.isoformat()}
        reasons.append(GoLiveReason(finding.rule, REVIEW, message, field))
    if workflow := awaiting_medical_review(page):
        message, field = REVIEW_FIXES[REVIEW_AWAITING]
        return [GoLiveReason(REVIEW_AWAITING, REVIEW, message % {"workflow": workflow.name}, field)]
    if not reasons and page.reviewed_content and page.reviewed_content != content_fingerprint(page):
        message, field = REVIEW_FIXES[REVIEW_STALE]
        reasons.append(GoLiveReason(REVIEW_STALE, REVIEW, message % {"date": page.last_reviewed.isoformat()}, field))
    return reasons


def blocking_findings(findings: list[Finding]) -> list[Finding]:
    """Error findings a medical reviewer may accept: every error but those the gate checks itself."""
    return [finding for finding in findings if finding.severity == ERROR and finding.rule not in GATE_RULES]


def split_findings(page) -> tuple[list[Finding], list[FindingAcceptance]]:
    """Blocking findings on ``page`` (as it stands) that no medical reviewer has accepted, and the acceptances
    that cover the others."""
    checked = checked_findings(page)
    return [item.finding for item in checked if item.is_open], [item.acceptance for item in checked if item.acceptance]


def findings_reason(open_findings: list[Finding]) -> GoLiveReason:
    quoted = "; ".join(
        f"“{finding.quote or finding.location}” ({finding.rule})" for finding in open_findings[:FINDINGS_QUOTED]
    )
    if len(open_findings) > FINDINGS_QUOTED:
        quoted += " " + _("and %(count)d more") % {"count": len(open_findings) - FINDINGS_QUOTED}
    message = ngettext(
        "The editorial checks found %(count)d error that blocks publishing: %(findings)s.",
        "The editorial checks found %(count)d errors that block publishing: %(findings)s.",
        len(open_findings),
    ) % {"count": len(open_findings), "findings": quoted}
    message += " " + _(
        "Rewrite the text, or ask a medical reviewer to accept each finding with a reason in the "
        "“Editorial checks” panel."
    )
    return GoLiveReason("findings.open", FINDINGS, message)


@dataclass(frozen=True)
class CheckedFinding:
    """A finding as the gate sees it: whether it blocks going live, and the acceptance that lifts the block."""

    finding: Finding
    blocking: bool
    acceptance: FindingAcceptance | None = None

    @property
    def fingerprint(self) -> str:
        return finding_fingerprint(self.finding)

    @property
    def is_open(self) -> bool:
        """True while the finding keeps the page from going live."""
        return self.blocking and self.acceptance is None


def checked_findings(page) -> list[CheckedFinding]:
    """Every audit finding on ``page`` as it stands, each marked blocking or not and with its acceptance."""
    findings = audit_page(page)
    blocking = blocking_findings(findings)
    acceptances = get_acceptances(page, blocking)
    return [
        CheckedFinding(
            finding,
            blocking=finding in blocking,
            acceptance=acceptances.get(finding_fingerprint(finding)) if finding in blocking else None,
        )
        for finding in findings
    ]


@dataclass(frozen=True)
class GoLiveAssessment:
    """What the gate found: every reason the page may not go live, and the acceptances it relied on."""

    reasons: list[GoLiveReason]
    accepted: list[FindingAcceptance]


def assess(
    page, *, site_defaults=None, chosen=None, checks=None, today: datetime.date | None = None
) -> GoLiveAssessment:
    """Check ``page``, as it stands, against the gate.

    ``site_defaults`` checks the disclaimers against another site's defaults (a move), ``chosen``
    against disclaimers not yet saved on the page (a form), and ``checks`` narrows the
    page type's enabled checks further.
    """
    enabled = get_enabled_checks(type(page))
    if checks is not None:
        enabled = [check for check in enabled if check in checks]
    reasons, accepted = [], []
    if DISCLAIMERS in enabled:
        resolution = page.resolve_disclaimers(chosen=chosen, site_defaults=site_defaults)
        if resolution.missing:
            reasons.append(disclaimer_reason(resolution))
    if REVIEW in enabled:
        reasons += review_reasons(page, today or timezone.localdate())
    if FINDINGS in enabled:
        open_findings, accepted = split_findings(page)
        if open_findings:
            reasons.append(findings_reason(open_findings))
    return GoLiveAssessment(reasons, accepted)


def go_live_reasons(page, **kwargs) -> list[GoLiveReason]:
    """Every reason ``page`` may not go live (see ``assess`` for the arguments); empty when it may."""
    return assess(page, **kwargs).reasons


def require_go_live(page, *, title: str | None = None, **kwargs) -> GoLiveAssessment:
    """Raise ``GoLiveRefused`` with every reason ``page`` may not go live; return the assessment when it may."""
    assessment = assess(page, **kwargs)
    if assessment.reasons:
        raise GoLiveRefused(page, assessment.reasons, title=title)
    return assessment


def go_live_refusals(pages, **kwargs) -> list[GoLiveRefused]:
    """The refusal of each article page among ``pages`` that may not go live (see ``assess`` for the arguments)."""
    refusals = []
    for page in pages:
        if hasattr(page, "resolve_disclaimers"):
            try:
                require_go_live(page, **kwargs)
            except GoLiveRefused as refusal:
                refusals.append(refusal)
    return refusals


def refusals_on_site(page, site) -> list[GoLiveRefused]:
    """Why live article pages in ``page``'s subtree could not stay live if moved to ``site``.

    Disclaimer defaults belong to a site, so a page moving to another site, or out of every site
    (``site`` is None), must resolve its kinds there; its review and findings do not depend on where it lives.
    """
    if site == page.get_site():
        return []
    return go_live_refusals(
        page.get_descendants(inclusive=True).live().specific(),
        site_defaults=get_site_default_disclaimers(site),
        checks=[DISCLAIMERS],
    )


def require_pages_stay_live_on_site(page, site) -> None:
    """Raise a ``ValidationError`` naming every live page that ``site`` would leave without its disclaimers."""
    if refusals := refusals_on_site(page, site):
        raise ValidationError({NON_FIELD_ERRORS: [str(refusal.message) for refusal in refusals]})
