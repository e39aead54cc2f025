"""StreamField blocks for the article anatomy and each page type's structured facts.

Sections carry a heading (from which the table of contents and anchors are
derived) and a stream of content blocks; which structured blocks a section may
hold depends on the page type (see ``OVERVIEW_CONTENT_BLOCKS`` and friends).
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .health_aspects import HEALTH_ASPECT_CHOICES

#: Rich text features for section paragraphs: sub-headings below the section's own ``h2``.
SECTION_RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
#: Rich text features for short passages (intro, conclusion, block descriptions).
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

SEVERITY_CHOICES = [
    ("low", _("Low")),
    ("moderate", _("Moderate")),
    ("high", _("High")),
    ("severe", _("Severe")),
]

EVIDENCE_LEVEL_CHOICES = [
    ("systematic_review", _("Systematic reviews")),
    ("randomised_trials", _("Randomised trials")),
    ("observational", _("Observational studies")),
    ("case_reports", _("Case reports")),
    ("laboratory", _("Laboratory or animal studies")),
    ("expert_opinion", _("Expert opinion")),
]

URGENCY_CHOICES = [
    ("non_urgent", _("Non-urgent")),
    ("urgent", _("Urgent")),
    ("emergency", _("Emergency")),
]

#: The heading a care card shows when the editor leaves its own heading blank.
DEFAULT_CARE_CARD_HEADINGS = {
    "non_urgent": _("Speak to a doctor if"),
    "urgent": _("Get medical advice today if"),
    "emergency": _("Call your local emergency number now if"),
}

DOSAGE_FORM_CHOICES = [
    ("powder", _("Powdered leaf")),
    ("capsule", _("Capsules")),
    ("tea", _("Tea")),
    ("extract", _("Extract")),
    ("fresh_leaf", _("Fresh leaf")),
]

ROUTE_CHOICES = [
    ("oral", _("Oral (swallowed)")),
    ("other", _("Other")),
]

UNIT_CHOICES = [
    ("g", _("grams (g)")),
    ("mg", _("milligrams (mg)")),
    ("ml", _("millilitres (ml)")),
]

#: Graded like TripSit's combination chart, from most to least concerning.
INTERACTION_RISK_CHOICES = [
    ("dangerous", _("Dangerous")),
    ("unsafe", _("Unsafe")),
    ("caution", _("Caution")),
    ("low_risk", _("Low risk")),
    ("unknown", _("Unknown")),
]

LEGAL_STATUS_CHOICES = [
    ("legal", _("Legal")),
    ("regulated", _("Legal but regulated")),
    ("restricted", _("Restricted")),
    ("controlled", _("Controlled")),
    ("banned", _("Banned")),
    ("under_review", _("Under review")),
]

CITATION_REFS_PATTERN = re.compile(r"^\s*\d+(\s*,\s*\d+)*\s*$")


def describe_block_errors(error: ValidationError, value=None, location: tuple[str, ...] = ()) -> list[str]:
    """Flatten a nested block validation error into sentences that say where each problem is.

    Wagtail's block errors are shaped for the admin form; importers, code and
    API clients get "section 1 “Dose” › dosage › rows › row 1 › max: ..." instead.
    """
    prefix = " › ".join(location)

    def located(messages):
        return [f"{prefix}: {message}" if prefix else message for message in messages]

    nested = getattr(error, "block_errors", None)
    if nested is None:
        return located(error.messages)
    messages = located([message for item in error.non_block_errors.as_data() for message in item.messages])
    for key, child_error in nested.items():
        if isinstance(key, str):
            child_value = value.get(key) if value is not None else None
            place = key.replace("_", " ")
        elif isinstance(value, blocks.StreamValue):
            child = value[key]
            child_value = child.value
            place = f"{child.block_type.replace('_', ' ')} {key + 1}"
            if isinstance(child_value, blocks.StructValue) and child_value.get("heading"):
                place += f" “{child_value['heading']}”"
        else:
            child_value = value[key] if value is not None else None
            place = f"row {key + 1}"
        messages += describe_block_errors(child_error, child_value, (*location, place))
    return messages


def section_anchor(heading: str) -> str:
    """Return the stable anchor a section heading links to from the table of contents."""
    return slugify(heading, allow_unicode=True)


def choice_labels(struct_block: blocks.StructBlock, value) -> dict[str, str]:
    """The human label of each choice field's value in ``value``, by field name."""
    label_maps = struct_block.__dict__.get("_choice_label_maps")
    if label_maps is None:
        # Read once per block definition: a ChoiceBlock builds its choices anew on every access.
        label_maps = struct_block.__dict__["_choice_label_maps"] = {
            name: dict(block.field.choices)
            for name, block in struct_block.child_blocks.items()
            if isinstance(block, blocks.ChoiceBlock)
        }
    return {
        name: str(labels.get(value[name], value[name])) if value[name] else "" for name, labels in label_maps.items()
    }


class LabelledStructValue(blocks.StructValue):
    """A struct value that also gives the human label of each choice field."""

    @cached_property
    def labels(self) -> dict[str, str]:
        """Labels by field name, for templates: ``{{ value.labels.severity }}``."""
        return choice_labels(self.block, self)


#: Blocks whose API value is text: served as "" rather than null when left empty.
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.RegexBlock, blocks.RichTextBlock)


class TypedStructBlock(blocks.StructBlock):
    """A struct block whose API output always has a string for a text field, even one saved from code as null.

    Values written in code or imported may leave optional text out; the admin
    saves them as "". API clients and the package's JSON Schemas see one shape.
    """

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        for name, block in self.child_blocks.items():
            if isinstance(block, TEXT_BLOCKS) and representation.get(name) is None:
                representation[name] = ""
        return representation


class LabelledChoicesBlock(TypedStructBlock):
    """A struct block whose API output gives each choice's label beside its stable value.

    ``"severity": "high"`` is joined by ``"severity_label": "High"``; the extra
    keys are ignored when the same JSON is written back through Wagtail's v3 API.
    Subclasses that add other keys describe them in ``api_schema_extra``, for the
    package's JSON Schemas.
    """

    api_schema_extra: dict = {}

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        for name, label in choice_labels(self, value).items():
            representation[f"{name}_label"] = label
        return representation

    class Meta:
        value_class = LabelledStructValue


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


class AtAGlanceBlock(TypedStructBlock):
    scientific_name = blocks.CharBlock(
        max_length=120,
        default="Mitragyna speciosa",
        help_text=_("The plant’s botanical name."),
    )
    other_names = blocks.ListBlock(
        blocks.CharBlock(max_length=80),
        required=False,
        help_text=_("Common and street names readers may know it by."),
    )
    main_alkaloids = blocks.ListBlock(
        blocks.CharBlock(max_length=80),
        required=False,
        help_text=_("The active compounds, most important first."),
    )
    legal_status_summary = blocks.TextBlock(
        required=False,
        help_text=_("One or two sentences on legal status; details belong in a safe-use guide’s legal status table."),
    )

    class Meta:
        icon = "list-ul"
        template = "wagtail_kratom/blocks/at_a_glance.html"
        label = _("At a glance")
        description = _("Key facts shown in a box at the top of a topic overview.")
        preview_value = {
            "scientific_name": "Mitragyna speciosa",
            "other_names": ["ketum", "biak"],
            "main_alkaloids": ["mitragynine", "7-hydroxymitragynine"],
        }


class RiskBlock(LabelledChoicesBlock):
    name = blocks.CharBlock(max_length=160, help_text=_("A short name for the risk, for example “Liver injury”."))
    severity = blocks.ChoiceBlock(
        choices=SEVERITY_CHOICES,
        help_text=_("How serious the harm is when it happens."),
    )
    evidence_level = blocks.ChoiceBlock(
        choices=EVIDENCE_LEVEL_CHOICES,
        help_text=_("The strongest kind of evidence behind this risk."),
    )
    description = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("What the risk is and how likely it is, in plain words."),
    )
    warning_signs = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        help_text=_("Signs a reader can notice, one per line."),
    )
    higher_risk_groups = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        help_text=_("Who is more likely to be harmed, one group per line."),
    )
    what_to_do = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT_FEATURES,
        required=False,
        help_text=_("What a reader should do if they notice the warning signs."),
    )
    citations = citation_refs_block()

    class Meta:
        icon = "warning"
        template = "wagtail_kratom/blocks/risk.html"
        label_format = "{name} ({severity})"
        description = _("One risk with its severity, evidence and warning signs.")
        preview_value = {
            "name": "Liver injury",
            "severity": "high",
            "evidence_level": "case_reports",
            "description": "<p>A rare but serious reaction reported in case series.</p>",
            "warning_signs": ["Yellowing of the skin or eyes", "Dark urine"],
        }


class CareCardStructValue(LabelledStructValue):
    def display_heading(self) -> str:
        return self.get("heading") or str(DEFAULT_CARE_CARD_HEADINGS[self["urgency"]])


class CareCardBlock(LabelledChoicesBlock):
    """A "when to get help" card; its API output adds the heading readers see (``display_heading``)."""

    urgency = blocks.ChoiceBlock(
        choices=URGENCY_CHOICES,
        default="urgent",
        help_text=_("How quickly the reader needs help; it sets the card’s wording and colour."),
    )
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Leave blank for the standard heading of the chosen urgency."),
    )
    symptoms = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        help_text=_("The signs that mean the reader should act, one per line."),
    )
    action = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT_FEATURES,
        required=False,
        help_text=_("What to do and whom to contact."),
    )

    api_schema_extra = {"display_heading": {"type": "string", "description": "The heading readers see."}}

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "display_heading": value.display_heading()}

    class Meta:
        icon = "help"
        template = "wagtail_kratom/blocks/care_card.html"
        value_class = CareCardStructValue
        label = _("Care card")
        label_format = "{urgency}: {heading}"
        description = _("An urgency-graded “when to get help” card, as on NHS.UK.")
        preview_value = {
            "urgency": "emergency",
            "symptoms": ["Slow or shallow breathing", "You cannot wake someone up"],
            "action": "<p>Stay with them and put them in the recovery position.</p>",
        }


class DosageRowBlock(LabelledChoicesBlock):
    form = blocks.ChoiceBlock(choices=DOSAGE_FORM_CHOICES, help_text=_("The product form this row describes."))
    route = blocks.ChoiceBlock(choices=ROUTE_CHOICES, default="oral", help_text=_("How it is taken."))
    min = blocks.DecimalBlock(
        label=_("Lowest amount"),
        decimal_places=2,
        help_text=_("The lowest amount in the reported range."),
    )
    max = blocks.DecimalBlock(
        label=_("Highest amount"),
        decimal_places=2,
        help_text=_("The highest amount in the reported range; at least the lowest amount."),
    )
    unit = blocks.ChoiceBlock(choices=UNIT_CHOICES, default="g", help_text=_("The unit of both amounts."))
    note = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_("Context for the range, for example “reported in a survey of US users”."),
    )

    def clean(self, value):
        unit = value.get("unit")
        if unit and unit not in dict(UNIT_CHOICES):
            raise StructBlockValidationError(
                block_errors={
                    "unit": ValidationError(
                        _(
                            "“%(unit)s” is not a unit this table knows. "
                            "Use grams (g), milligrams (mg) or millilitres (ml)."
                        ),
                        params={"unit": unit},
                    )
                }
            )
        value = super().clean(value)
        errors = {}
        for name in ("min", "max"):
            amount = value.get(name)
            if amount is not None and amount <= Decimal(0):
                errors[name] = ValidationError(_("Amounts must be greater than zero."))
        amounts_given = value.get("min") is not None and value.get("max") is not None
        if not errors and amounts_given and value["min"] > value["max"]:
            errors["max"] = ValidationError(
                _("The highest amount (%(max)s) is lower than the lowest amount (%(min)s). Swap them or correct one."),
                params={"min": value["min"], "max": value["max"]},
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        for name in ("min", "max"):
            if value[name] is not None:
                representation[name] = float(value[name])
        return representation

    class Meta:
        icon = "list-ol"
        label_format = "{form}: {min}–{max} {unit}"


class DosageBlock(TypedStructBlock):
    rows = blocks.ListBlock(DosageRowBlock(), min_num=1, help_text=_("One row per form and route."))
    citations = citation_refs_block()

    class Meta:
        icon = "table"
        template = "wagtail_kratom/blocks/dosage.html"
        label = _("Dosage table")
        description = _("Reported amounts by form and route, shown with the dosage disclaimer.")
        preview_value = {
            "rows": [
                {
                    "form": "powder",
                    "route": "oral",
                    "min": "1",
                    "max": "5",
                    "unit": "g",
                    "note": "Reported by survey respondents.",
                }
            ]
        }


class PracticeStepBlock(TypedStructBlock):
    title = blocks.CharBlock(max_length=160, help_text=_("The step in a few words, for example “Start low”."))
    detail = blocks.TextBlock(required=False, help_text=_("Why and how, in one or two sentences."))

    class Meta:
        icon = "tick"
        label_format = "{title}"


class PracticesBlock(TypedStructBlock):
    steps = blocks.ListBlock(
        PracticeStepBlock(), min_num=1, help_text=_("Steps in the order readers should follow them.")
    )

    class Meta:
        icon = "list-ol"
        template = "wagtail_kratom/blocks/practices.html"
        label = _("Safer-use practices")
        description = _("An ordered list of harm-reduction steps.")
        preview_value = {
            "steps": [{"title": "Avoid mixing", "detail": "Combining depressants raises the risk of overdose."}]
        }


class MonitoringRowBlock(TypedStructBlock):
    test = blocks.CharBlock(
        max_length=160, help_text=_("The check or test, for example “Liver function tests (ALT, AST)”.")
    )
    frequency = blocks.CharBlock(
        required=False, max_length=160, help_text=_("How often, for example “every 3 months”.")
    )
    reason = blocks.CharBlock(required=False, max_length=300, help_text=_("What the check can catch."))

    class Meta:
        icon = "view"
        label_format = "{test}"


class MonitoringBlock(TypedStructBlock):
    rows = blocks.ListBlock(MonitoringRowBlock(), min_num=1, help_text=_("One row per check or test."))

    class Meta:
        icon = "view"
        template = "wagtail_kratom/blocks/monitoring.html"
        label = _("Monitoring")
        description = _("Health checks worth having, how often and why.")
        preview_value = {"rows": [{"test": "Liver function tests (ALT, AST)", "frequency": "Every 3 months"}]}


class InteractionBlock(LabelledChoicesBlock):
    substance = blocks.CharBlock(max_length=160, help_text=_("The drug, medicine or substance, for example “Alcohol”."))
    risk = blocks.ChoiceBlock(
        choices=INTERACTION_RISK_CHOICES,
        help_text=_("How risky the combination is, from dangerous to low risk; “unknown” where evidence is lacking."),
    )
    note = blocks.CharBlock(required=False, max_length=400, help_text=_("Why the combination carries this risk."))
    citations = citation_refs_block()

    class Meta:
        icon = "warning"
        label_format = "{substance} ({risk})"


class InteractionsBlock(TypedStructBlock):
    rows = blocks.ListBlock(InteractionBlock(), min_num=1, help_text=_("One row per substance."))

    class Meta:
        icon = "warning"
        template = "wagtail_kratom/blocks/interactions.html"
        label = _("Interactions")
        description = _("Substances with a graded risk when combined with kratom.")
        preview_value = {"rows": [{"substance": "Alcohol", "risk": "dangerous", "note": "Both depress breathing."}]}


class LegalStatusRowBlock(LabelledChoicesBlock):
    jurisdiction = blocks.CharBlock(max_length=120, help_text=_("Country, state or region."))
    status = blocks.ChoiceBlock(choices=LEGAL_STATUS_CHOICES, help_text=_("Its legal status there."))
    as_of = blocks.DateBlock(
        label=_("As of"),
        help_text=_("The date the status is known to hold from: when it took effect or was last confirmed."),
    )
    source_url = blocks.URLBlock(
        required=False, label=_("Source"), help_text=_("The law or official page that states it.")
    )
    note = blocks.CharBlock(required=False, max_length=300, help_text=_("Detail readers need, for example age limits."))

    class Meta:
        icon = "doc-full"
        label_format = "{jurisdiction}: {status}"


class LegalStatusBlock(TypedStructBlock):
    rows = blocks.ListBlock(LegalStatusRowBlock(), min_num=1, help_text=_("One row per country, state or region."))

    class Meta:
        icon = "doc-full"
        template = "wagtail_kratom/blocks/legal_status.html"
        label = _("Legal status")
        description = _(
            "Legal status by jurisdiction, each with the date it holds from; shown with the legal disclaimer."
        )
        preview_value = {"rows": [{"jurisdiction": "Thailand", "status": "regulated", "as_of": "2024-01-01"}]}


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
