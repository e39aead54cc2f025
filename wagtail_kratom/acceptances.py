"""Medical reviewers' acceptances of audit findings that would otherwise keep a page from going live.

An error finding (an unsupported claim, an unconfirmed fact) blocks publishing until the text is
fixed or a medical reviewer accepts it with a reason, for example "quoted in order to refute it".
An acceptance is stored against the finding's rule and the exact sentence it quotes, so editing
that sentence reopens the finding, while edits elsewhere on the page leave it accepted.
"""

import hashlib
import re

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .model_links import acting_user_link, page_link
from .publishing.audit import Finding

#: The log action recorded in a page's history when a medical reviewer accepts a finding.
FINDING_ACCEPTED_LOG_ACTION = "wagtail_kratom.finding_accepted"

#: The permission that lets a user accept findings; the demo gives it to the Medical reviewers group.
ACCEPT_PERMISSION = "wagtail_kratom.add_findingacceptance"


def finding_fingerprint(finding: Finding) -> str:
    """A stable key for ``finding``: its rule and the text it is about, whitespace-normalised.

    The location is left out on purpose: moving an accepted sentence to another section keeps it accepted.
    """
    text = finding.quote or finding.message
    normalised = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(f"{finding.rule}\x1f{normalised}".encode()).hexdigest()


class FindingAcceptance(models.Model):
    """A medical reviewer's recorded decision that one finding on one page may go live as written."""

    page = page_link("kratom_finding_acceptances", _("The page whose finding was accepted."))
    rule = models.CharField(
        _("rule"), max_length=100, help_text=_("The id of the audit rule that reported the finding.")
    )
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=64,
        help_text=_("A hash of the rule and the quoted text; a change to the text no longer matches it."),
    )
    quote = models.TextField(_("quoted text"), blank=True, help_text=_("The sentence the finding is about."))
    location = models.CharField(
        _("location"), max_length=255, blank=True, help_text=_("Where on the page the finding was when accepted.")
    )
    reason = models.TextField(
        _("reason"), help_text=_("Why the finding may go live as written, for example “quoted in order to refute it”.")
    )
    accepted_by = acting_user_link(_("accepted by"), _("The medical reviewer who accepted the finding."))
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True, help_text=_("When it was accepted."))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revision"),
        help_text=_("The revision the reviewer read when accepting the finding."),
    )

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("accepted finding")
        verbose_name_plural = _("accepted findings")
        constraints = [
            models.UniqueConstraint(fields=["page", "fingerprint"], name="kratom_one_acceptance_per_finding")
        ]

    def __str__(self):
        return f"{self.rule}: {self.quote or self.location}"

    @property
    def accepted_by_name(self) -> str:
        """Who accepted it, as editors know them in the admin: the full name, else the login; "" once deleted."""
        user = self.accepted_by
        return (user.get_full_name() or user.get_username()) if user else ""


def get_acceptances(page, findings: list[Finding]) -> dict[str, FindingAcceptance]:
    """The acceptances recorded on ``page`` for any of ``findings``, by fingerprint."""
    if page.pk is None or not findings:
        return {}
    fingerprints = {finding_fingerprint(finding) for finding in findings}
    acceptances = FindingAcceptance.objects.filter(page_id=page.pk, fingerprint__in=fingerprints)
    return {acceptance.fingerprint: acceptance for acceptance in acceptances.select_related("accepted_by")}


def user_may_accept_findings(user) -> bool:
    """Whether ``user`` holds the permission to accept findings (page edit rights are checked per page)."""
    return bool(user and user.is_active and user.has_perm(ACCEPT_PERMISSION))


@transaction.atomic
def accept_finding(page, finding: Finding, *, user, reason: str) -> FindingAcceptance:
    """Record that ``user`` accepts ``finding`` on the page's latest revision, and log it in the page's history."""
    revision = page.get_latest_revision()
    acceptance = FindingAcceptance.objects.create(
        page=page,
        rule=finding.rule,
        fingerprint=finding_fingerprint(finding),
        quote=finding.quote,
        location=finding.location[:255],
        reason=reason,
        accepted_by=user,
        revision=revision,
    )
    log(
        page,
        FINDING_ACCEPTED_LOG_ACTION,
        user=user,
        revision=revision,
        data={
            "rule": finding.rule,
            "quote": finding.quote or finding.message,
            "location": finding.location,
            "reason": reason,
        },
    )
    return acceptance
