"""The medical review step of Wagtail's workflows.

A group approval task, for the "Medical reviewers" group or whichever groups the
task names, that records the review on the page when it is approved: the reviewer,
``last_reviewed`` (today) and ``next_review_due`` (today plus the site's review cycle).
A page whose disclaimers do not resolve cannot be approved, so the final approval
never ends in a refused publish.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .snippets import Contributor


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A clinician checks the page's health content; approving records who reviewed it and when."""

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check the page’s health content. Approving records them as the "
            "medical reviewer, today as the last review and the next review date from the site’s review cycle."
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        latest = obj.specific.get_latest_revision_as_object() if hasattr(obj, "specific") else obj
        if hasattr(latest, "get_unresolved_disclaimer_kinds") and latest.get_unresolved_disclaimer_kinds():
            # Approving could not publish the page; the editor's disclaimer panel says what is missing.
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
        if reviewed.get_unresolved_disclaimer_kinds():
            raise PermissionDenied(_("This page cannot be approved until its required disclaimers are chosen."))
        reviewed.record_review(Contributor.for_user(user), timezone.localdate())
        revision.content = reviewed.serializable_data()
        revision.save(update_fields=["content"])

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")
