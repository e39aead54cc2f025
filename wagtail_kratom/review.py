"""What a medical review covers: the health content of the page as the reviewer read it.

A review credits a text. When a review is recorded (a medical review task approved, or the review
date changed on the page), the page keeps a fingerprint of its health content; the go-live gate
refuses a version whose content no longer matches, so a published "reviewed by" is always about the
text readers see. Block ids, Draftail's block keys and empty paragraphs are left out: saving
unchanged text again keeps the fingerprint. ``ArticleReviewMixin`` holds a page's review fields.
"""

import calendar
import datetime
import hashlib
import json
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .site_settings import KratomSiteSettings

#: The fields whose words and figures a medical reviewer checks.
REVIEWED_FIELDS = ("summary", "intro", "at_a_glance", "body", "conclusion", "citations")

BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
#: Paragraphs with nothing in them: Draftail sends an empty field as "" or as "<p></p>", depending on the browser.
EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br\s*/?>)*</p>")


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, str):
        return EMPTY_PARAGRAPH.sub("", BLOCK_KEY.sub("", value)).strip()
    return value


def content_fingerprint(page) -> str:
    """A hash of ``page``'s health content that changes when its words or figures change, and only then."""
    content = {}
    for name in REVIEWED_FIELDS:
        try:
            field = page._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        value = getattr(page, name)
        if stream_block := getattr(field, "stream_block", None):
            # Every block read into its Python value first, so raw data given in code and data read from a
            # revision (with each block's defaults filled in) agree.
            value = stream_block.to_python(stream_block.get_prep_value(value))
            list(value)
            value = stream_block.get_prep_value(value)
        content[name] = _without_ids(value or "")
    encoded = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def review_is_recorded(page, previous_content: dict | None) -> bool:
    """Whether ``page`` records a review its last saved version (``previous_content``, a revision's data) did not.

    Read from the revision's stored data rather than a page rebuilt from it: this runs on every save, autosaves too.
    """
    if not page.last_reviewed:
        return False
    if previous_content is None:
        return True
    previous_day = previous_content.get("last_reviewed")
    return (str(page.last_reviewed), page.medical_reviewer_id) != (
        str(previous_day) if previous_day else None,
        previous_content.get("medical_reviewer"),
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the same day ``months`` later, clamped to the end of shorter months."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def contributor_link(verbose_name: str, help_text: str) -> models.ForeignKey:
    """A credit on the page; deleting the contributor leaves the page uncredited rather than deleting it."""
    return models.ForeignKey(
        "wagtail_kratom.Contributor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


class ArticleReviewMixin(models.Model):
    """Who wrote and medically reviewed the page, when, and the fingerprint of the content the review covered."""

    author = contributor_link(_("author"), _("Who wrote the page."))
    medical_reviewer = contributor_link(
        _("medical reviewer"), _("The clinician or organisation who checked the page’s health content.")
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the medical reviewer last checked the page."),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("When the page must be checked again; left blank, it is set from the site’s review cycle."),
    )
    reviewed_content = models.CharField(
        _("reviewed content"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A fingerprint of the health content the last review covered; changed content needs a new review."),
    )

    class Meta:
        abstract = True

    @property
    def is_review_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def record_review(self, reviewer, day: datetime.date) -> None:
        """Credit ``reviewer`` with a review on ``day``; the next review falls one review cycle later."""
        self.medical_reviewer = reviewer
        self.last_reviewed = day
        self.next_review_due = add_months(day, self.get_review_cycle_months())
        self.reviewed_content = content_fingerprint(self)

    def save_revision(self, *args, **kwargs):
        """Fingerprint the content when this version records a review, so that later edits need a new one."""
        previous = self.get_latest_revision() if self.latest_revision_id else None
        if review_is_recorded(self, previous.content if previous else None):
            self.reviewed_content = content_fingerprint(self)
        elif not self.reviewed_content and self.live_revision_id:
            # Published before the package kept fingerprints: the live text is the one that was reviewed.
            self.reviewed_content = content_fingerprint(self.live_revision.as_object())
        return super().save_revision(*args, **kwargs)

    def get_review_cycle_months(self) -> int:
        site = self.get_site()
        if site is None:
            return KratomSiteSettings._meta.get_field("review_cycle_months").default
        return KratomSiteSettings.for_site(site).review_cycle_months

    def fill_next_review_due(self) -> None:
        """Set a missing next review date one review cycle after the last review."""
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = add_months(self.last_reviewed, self.get_review_cycle_months())

    def get_review_date_errors(self) -> dict[str, str]:
        """A next review that does not fall after the last one, explained at its field."""
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            return {
                "next_review_due": _("The next review must fall after the last review (%(date)s).")
                % {"date": self.last_reviewed.isoformat()}
            }
        return {}
