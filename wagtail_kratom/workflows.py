"""The medical review step of Wagtail's workflows.

A group approval task, for the "Medical reviewers" group or whichever groups the
task names, that records the review on the page when it is approved: the reviewer,
``last_reviewed`` (today) and ``next_review_due`` (today plus the site's review cycle).
Approval is withheld while the page fails the rest of the go-live gate (its disclaimers,
or error findings no medical reviewer has accepted), so approving never ends in a
refused publish.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .gate import DISCLAIMERS, FINDINGS, go_live_reasons
from .snippets import Contributor

#: What approving cannot fix: approval itself records the review.
CHECKS_BEFORE_APPROVAL = [DISCLAIMERS, FINDINGS]


#: Why a reviewer without a public name may not approve.
NO_PUBLIC_NAME = _(
    "Approving credits you to readers by name, and your account has none: add your first and last name "
    "under Account, or ask an administrator to link your account to a contributor."
)


def has_public_name(user) -> bool:
    """Whether approving can credit ``user`` by a name readers may see: a linked contributor or a full name."""
    return bool(user.get_full_name().strip()) or Contributor.objects.filter(user=user).exists()


def approval_blockers(page) -> list:
    """The go-live gate's reasons, other than the review, why ``page`` may not be approved yet."""
    if not hasattr(page, "record_review"):
        return []
    return go_live_reasons(page, checks=CHECKS_BEFORE_APPROVAL)


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A clinician checks the page's health content; approving records who reviewed it and when."""

    #: The go-live gate refuses to publish a page awaiting this task other than by approving it.
    records_medical_review = True

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check the page’s health content. Approving records them as the "
            "medical reviewer, today as the last review and the next review date from the site’s review cycle."
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        latest = obj.specific.get_latest_revision_as_object() if hasattr(obj, "specific") else obj
        if approval_blockers(latest) or (actions and not has_public_name(user)):
            # Approving could not publish the page, or could not credit the reviewer by name; the editor's
            # checks panel says what is missing, and the documentation says how to name a reviewer.
            return [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self.record_review(task_state, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    def record_review(self, task_state, user) -> None:
        """Write the reviewer and review dates into the revision that approval will publish."""
        # The same revision object Wagtail's finishing step publishes, so the review goes live with it.
        revision = task_state.workflow_state.content_object.get_latest_revision()
        reviewed = revision.as_object()
        if not hasattr(reviewed, "record_review"):
            return
        if blockers := approval_blockers(reviewed):
            raise PermissionDenied(" ".join(str(reason.message) for reason in blockers))
        if (reviewer := Contributor.for_user(user)) is None:
            raise PermissionDenied(NO_PUBLIC_NAME)
        reviewed.record_review(reviewer, timezone.localdate())
        revision.content = reviewed.serializable_data()
        revision.save(update_fields=["content"])

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")
