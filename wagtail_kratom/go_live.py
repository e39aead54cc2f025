"""The page's side of the go-live gate: whatever path saves or publishes a page, the gate is asked.

``gate`` holds the rule; this mixin makes ``save()`` and ``publish()`` ask it, so that the admin,
``revision.publish()``, scheduled publishing, workflows and Wagtail's v3 API all meet it.
"""

import logging
from contextvars import ContextVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from .disclaimers import SCHEDULED_PUBLISH_LOG_ACTION
from .gate import DISCLAIMERS, GoLiveRefused, go_live_reasons, require_go_live

#: Refusals are logged under the page types' module, where they were logged before this mixin was split out.
logger = logging.getLogger("wagtail_kratom.pages")

#: The log action recorded on a page when scheduled publishing was refused.
PUBLISH_REFUSED_LOG_ACTION = "wagtail_kratom.publish_refused"

#: The revision ``GoLiveMixin.publish()`` has just passed through the go-live gate, so that the
#: save Wagtail's publish action ends with need not run the gate a second time.
_revision_passed_gate: ContextVar[tuple[int, int] | None] = ContextVar(
    "wagtail_kratom_revision_passed_gate", default=None
)


class GoLiveMixin(models.Model):
    """Refuses to save a page live, or publish it, unless it passes the go-live gate."""

    accepted_findings = models.PositiveIntegerField(
        _("accepted findings"),
        default=0,
        editable=False,
        help_text=_(
            "How many error findings a medical reviewer accepted on the live version, counted as it went live."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Whatever path makes a page live ends here; only metadata updates (update_fields) pass unchecked.
        if self.live and kwargs.get("update_fields") is None:
            self.check_can_be_live()
        return super().save(*args, **kwargs)

    def check_can_be_live(self) -> None:
        """The model's side of the go-live gate, for a save that leaves the page live.

        A page going live (not live before, or a new live revision) must pass the whole gate,
        unless ``publish()`` has just checked that revision; a live page saved as it is must still
        resolve its disclaimers. A live page whose review lapses stays live, with a notice to readers.
        """
        if self.pk is None:
            # Wagtail creates pages live by default (``add_child``, the admin's create-and-publish, copies kept
            # live); one that may not go live is created as a draft, and publishing it then meets the gate.
            if reasons := go_live_reasons(self):
                logger.info("Created %s as a draft: %s", self, " ".join(str(reason.message) for reason in reasons))
                self.live, self.has_unpublished_changes = False, True
            return
        stored = type(self).objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        going_live = stored is None or not stored["live"] or stored["live_revision_id"] != self.live_revision_id
        if not going_live:
            require_go_live(self, checks=[DISCLAIMERS])
            return
        passed = _revision_passed_gate.get()
        if passed is not None and self.live_revision_id == passed[0]:
            self.accepted_findings = passed[1]
        else:
            self.accepted_findings = len(require_go_live(self).accepted)

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None, **kwargs):
        """Publish ``revision`` only if its content passes the go-live gate.

        Checking before Wagtail's publish action starts keeps a refusal from writing
        anything. Scheduled publishing is not interrupted: the refusal is logged on
        the page and the revision stays scheduled, to go live once the page passes.
        """
        try:
            assessment = require_go_live(revision.as_object())
        except GoLiveRefused as error:
            if log_action != SCHEDULED_PUBLISH_LOG_ACTION:
                raise
            logger.warning("Scheduled publishing refused for page %s: %s", self.pk, error.message)
            if not PageLogEntry.objects.filter(
                page=self, revision=revision, action=PUBLISH_REFUSED_LOG_ACTION
            ).exists():
                log(
                    self,
                    PUBLISH_REFUSED_LOG_ACTION,
                    revision=revision,
                    data={"reasons": error.reason_ids, "message": str(error.message)},
                )
            return None
        token = _revision_passed_gate.set((revision.pk, len(assessment.accepted)))
        try:
            return super().publish(revision, user, changed, log_action, previous_revision, **kwargs)
        finally:
            _revision_passed_gate.reset(token)
