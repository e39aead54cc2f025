"""Cards a risk section shows: graded risks and care cards that say when to get help."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import INLINE_RICH_TEXT_FEATURES, LabelledChoicesBlock, LabelledStructValue
from .citations import citation_refs_block

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
