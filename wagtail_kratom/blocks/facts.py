"""Structured facts: a topic's at-a-glance box, and a safe-use guide's dosage, practices, monitoring,
interactions and legal status.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..publishing.extract import DEFAULT_FORM, DOSE_UNITS, FORMS
from .base import LabelledChoicesBlock, TypedStructBlock
from .citations import citation_refs_block

#: The label of each product form; the forms and their order are the publishing library's (``FORMS``).
DOSAGE_FORM_LABELS = {
    "powder": _("Powdered leaf"),
    "capsule": _("Capsules"),
    "tea": _("Tea"),
    "extract": _("Extract"),
    "fresh_leaf": _("Fresh leaf"),
}
DOSAGE_FORM_CHOICES = [(form, DOSAGE_FORM_LABELS[form]) for form in FORMS]

ROUTE_CHOICES = [
    ("oral", _("Oral (swallowed)")),
    ("other", _("Other")),
]

#: The label of each unit; the units and their order are the publishing library's (``DOSE_UNITS``).
UNIT_LABELS = {
    "g": _("grams (g)"),
    "mg": _("milligrams (mg)"),
    "ml": _("millilitres (ml)"),
}
UNIT_CHOICES = [(unit, UNIT_LABELS[unit]) for unit in DOSE_UNITS]

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
            "main_alkaloids": ["mitragynine", "paynantheine", "speciogynine"],
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
                    "form": DEFAULT_FORM,
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
