"""The article body: sections with a heading, each a stream of paragraphs and the structured blocks its page type
allows (``OVERVIEW_CONTENT_BLOCKS`` and friends).
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from ..health_aspects import HEALTH_ASPECT_CHOICES
from .base import SECTION_RICH_TEXT_FEATURES, LabelledChoicesBlock, LabelledStructValue
from .cards import CareCardBlock, RiskBlock
from .facts import DosageBlock, InteractionsBlock, LegalStatusBlock, MonitoringBlock, PracticesBlock


def section_anchor(heading: str) -> str:
    """Return the stable anchor a section heading links to from the table of contents."""
    return slugify(heading, allow_unicode=True)


def paragraph_block() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        features=SECTION_RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="wagtail_kratom/blocks/paragraph.html",
        help_text=_("Body text; name the source of each health claim and list it under citations."),
    )


#: Structured blocks each page type's sections may hold, beside paragraphs.
OVERVIEW_CONTENT_BLOCKS = [
    ("paragraph", paragraph_block()),
]

RISK_CONTENT_BLOCKS = [
    ("paragraph", paragraph_block()),
    ("risk", RiskBlock()),
    ("care_card", CareCardBlock()),
]

SAFE_USE_CONTENT_BLOCKS = [
    ("paragraph", paragraph_block()),
    ("dosage", DosageBlock()),
    ("practices", PracticesBlock()),
    ("monitoring", MonitoringBlock()),
    ("interactions", InteractionsBlock()),
    ("care_card", CareCardBlock()),
    ("legal_status", LegalStatusBlock()),
]


class SectionStructValue(LabelledStructValue):
    @cached_property
    def anchor(self) -> str:
        return section_anchor(self["heading"])


class SectionBlock(LabelledChoicesBlock):
    """A section: a heading, an optional health aspect and a stream of content.

    The content stream's blocks are passed in by each page type. API output adds
    the section's ``anchor``, as in the table of contents.
    """

    heading = blocks.CharBlock(
        max_length=120,
        help_text=_("The section’s heading; the table of contents and the section’s link anchor are made from it."),
    )
    health_aspect = blocks.ChoiceBlock(
        choices=HEALTH_ASPECT_CHOICES,
        required=False,
        search_index=False,
        help_text=_("What this section is about, for search engines; leave blank to use the page’s own aspects."),
    )

    def __init__(self, content_blocks, **kwargs):
        super().__init__(
            [("content", blocks.StreamBlock(content_blocks, help_text=_("The section’s text and structured facts.")))],
            **kwargs,
        )

    api_schema_extra = {"anchor": {"type": "string", "description": "The section heading's id on the page."}}

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "anchor": value.anchor}

    class Meta:
        icon = "doc-full"
        template = "wagtail_kratom/blocks/section.html"
        value_class = SectionStructValue
        label_format = "{heading}"


class ArticleBodyBlock(blocks.StreamBlock):
    """The sections of an article; each heading must give a distinct anchor."""

    def __init__(self, content_blocks, **kwargs):
        super().__init__([("section", SectionBlock(content_blocks))], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            if not child.value["heading"]:
                continue  # A missing heading is the required check's to report, or to defer for a draft.
            anchor = child.value.anchor
            if not anchor:
                message = _("This heading has no letters or numbers to make a link anchor from.")
            elif anchor in seen:
                message = _("Another section is already headed “%(heading)s”. Give each section its own heading.") % {
                    "heading": seen[anchor]
                }
            else:
                seen[anchor] = child.value["heading"]
                continue
            errors[index] = StructBlockValidationError(block_errors={"heading": ValidationError(message)})
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value

    # No ``min_num``: Wagtail's editor would show its error on a blank new page before any input. The
    # field is required, so publishing with no section is still refused ("This field is required.").
