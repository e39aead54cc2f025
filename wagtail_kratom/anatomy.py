"""The anatomy every article shares: summary, introduction, sections and conclusion.

A concrete page type adds ``body``, its sections (from ``ArticleBodyBlock``); the mixin reads them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField

from .blocks import INLINE_RICH_TEXT_FEATURES, describe_block_errors
from .conf import get_setting


class ArticleAnatomyMixin(models.Model):
    """The summary, introduction and conclusion around a page's sections, and the views computed from them."""

    summary = models.TextField(
        _("summary"),
        help_text=_("Key takeaways in plain text, read first by readers and search engines; a few sentences at most."),
    )
    intro = RichTextField(
        _("introduction"),
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("One or two paragraphs that say what the page covers and who it is for."),
    )
    conclusion = RichTextField(
        _("conclusion"),
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Optional closing paragraph that sums up what readers should remember."),
    )

    #: Set by ``ArticlePageForm`` once its fields have validated the StreamFields.
    streams_validated_by_form = False

    class Meta:
        abstract = True

    @property
    def sections(self) -> list:
        """The body's section values; derived each time so that a reassigned body is never stale."""
        return [child.value for child in self.body if child.block_type == "section"]

    @property
    def table_of_contents(self) -> list[dict[str, str]]:
        """Section headings and their anchors, in page order."""
        return [{"heading": section["heading"], "anchor": section.anchor} for section in self.sections]

    def structured_blocks(self, block_type: str) -> list:
        """Values of every ``block_type`` block, across all sections, in page order."""
        return [
            child.value for section in self.sections for child in section["content"] if child.block_type == block_type
        ]

    def get_summary_errors(self) -> dict[str, str]:
        """A summary longer than ``SUMMARY_MAX_LENGTH``, explained at its field."""
        max_length = get_setting("SUMMARY_MAX_LENGTH")
        if self.summary and len(self.summary) > max_length:
            return {
                "summary": _(
                    "The summary is %(length)d characters long; keep it to %(max)d so readers can take it in at a "
                    "glance."
                )
                % {"length": len(self.summary), "max": max_length}
            }
        return {}

    def get_stream_errors(self) -> dict[str, ValidationError]:
        """Validate every StreamField with its blocks' rules, for paths that bypass the admin form."""
        errors = {}
        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(self, field.name)
                try:
                    field.stream_block.clean(value)
                except ValidationError as error:
                    errors[field.name] = ValidationError(describe_block_errors(error, value))
        return errors
