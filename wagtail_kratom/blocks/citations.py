"""Citations: the numbered sources a page lists, and the references its structured items make to them."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import TypedStructBlock

CITATION_REFS_PATTERN = re.compile(r"^\s*\d+(\s*,\s*\d+)*\s*$")


class CitationRefsBlock(blocks.FieldBlock):
    """Numbers of entries in the page's citation list, typed as "1, 3".

    Stored and served as a list of integers; the page checks that each number
    exists in its own citations. Text that is not such a list is kept as typed
    until ``clean`` so that the editor sees an error rather than losing it.
    """

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def get_default(self):
        return []

    def to_python(self, value):
        return [int(number) for number in value or []]

    def get_prep_value(self, value):
        return [int(number) for number in value or []]

    def normalize(self, value):
        if isinstance(value, str):
            return self.value_from_form(value)
        return self.to_python(value)

    def value_for_form(self, value):
        if isinstance(value, str):
            return value
        return ", ".join(str(number) for number in value or [])

    def value_from_form(self, value):
        if not value or not value.strip():
            return []
        if not CITATION_REFS_PATTERN.match(value):
            return value
        return [int(number) for number in value.split(",")]

    def clean(self, value):
        if isinstance(value, str):
            raise ValidationError(
                _("Enter citation numbers separated by commas, for example “1, 3”."),
                code="invalid",
            )
        if self.field.required and not value:
            raise ValidationError(self.field.error_messages["required"], code="required")
        if any(number < 1 for number in value):
            raise ValidationError(_("Citation numbers start at 1."), code="invalid")
        return value

    def get_api_representation(self, value, context=None):
        return list(value)

    class Meta:
        icon = "link"
        default = []


def citation_refs_block(**kwargs) -> CitationRefsBlock:
    return CitationRefsBlock(
        label=_("Citations"),
        help_text=_("Numbers from this page’s citation list that back this item, for example “1, 3”."),
        **kwargs,
    )


class CitationStructValue(blocks.StructValue):
    def identifiers(self) -> dict[str, str]:
        """DOI and PMID, where given, for links and schema.org ``identifier``."""
        return {key: self[key] for key in ("doi", "pmid") if self.get(key)}


class CitationBlock(TypedStructBlock):
    title = blocks.CharBlock(max_length=400, help_text=_("The title of the article, report or page cited."))
    authors = blocks.CharBlock(
        required=False,
        max_length=400,
        help_text=_("Authors as the source lists them, for example “Schimmel J, Dart RC”."),
    )
    publisher = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_("The journal, or the organisation that published it."),
    )
    year = blocks.IntegerBlock(
        required=False,
        min_value=1800,
        max_value=2100,
        help_text=_("The year it was published or last updated."),
    )
    url = blocks.URLBlock(required=False, help_text=_("A link readers can follow to the source."))
    doi = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("DOI"),
        help_text=_(
            "Digital Object Identifier without the https://doi.org/ prefix, for example “10.1007/s40265-020-01264-3”."
        ),
    )
    pmid = blocks.RegexBlock(
        regex=r"^\d{1,9}$",
        required=False,
        label=_("PMID"),
        help_text=_("PubMed identifier: digits only."),
        error_messages={"invalid": _("A PubMed identifier is made of digits only.")},
    )
    accessed = blocks.DateBlock(
        required=False,
        help_text=_("When the team last checked the source, for online pages that can change."),
    )

    class Meta:
        icon = "openquote"
        template = "wagtail_kratom/blocks/citation.html"
        value_class = CitationStructValue
        label_format = "{title}"
        description = _("A source the page relies on, shown in its numbered reference list.")
        preview_value = {
            "title": "Kratom",
            "publisher": "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury",
            "year": 2024,
            "url": "https://www.ncbi.nlm.nih.gov/books/NBK548231/",
            "pmid": "31643556",
        }


#: Migrations name the block by the package's public path, which stays the same wherever the class lives.
DECONSTRUCT_ALIASES = {CitationRefsBlock: "wagtail_kratom.blocks.CitationRefsBlock"}
