"""schema.org ``HealthAspectEnumeration`` values, and a model field holding a set of them.

Values are the enumeration members' names (``"OverviewHealthAspect"``), which is
what the API serves and what JSON-LD expands to ``https://schema.org/<name>``.
``HealthAspectsMixin`` gives a page type its own aspects and the editor's picks.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

HEALTH_ASPECT_CHOICES = [
    ("OverviewHealthAspect", _("Overview")),
    ("RisksOrComplicationsHealthAspect", _("Risks or complications")),
    ("SideEffectsHealthAspect", _("Side effects")),
    ("UsageOrScheduleHealthAspect", _("Usage or schedule")),
    ("SafetyHealthAspect", _("Safety")),
    ("SymptomsHealthAspect", _("Symptoms")),
    ("TreatmentsHealthAspect", _("Treatments")),
    ("PreventionHealthAspect", _("Prevention")),
    ("SeeDoctorHealthAspect", _("When to see a doctor")),
    ("SelfCareHealthAspect", _("Self care")),
    ("HowItWorksHealthAspect", _("How it works")),
    ("MisconceptionsHealthAspect", _("Misconceptions")),
    ("LivingWithHealthAspect", _("Living with")),
    ("PregnancyHealthAspect", _("Pregnancy")),
    ("BenefitsHealthAspect", _("Benefits")),
    ("EffectivenessHealthAspect", _("Effectiveness")),
    ("IngredientsHealthAspect", _("Ingredients")),
]

HEALTH_ASPECT_LABELS = dict(HEALTH_ASPECT_CHOICES)


def schema_org_url(aspect: str) -> str:
    """Return the schema.org URL of one health aspect value."""
    return f"https://schema.org/{aspect}"


class HealthAspectsField(models.JSONField):
    """A list of health aspect values, edited as checkboxes.

    A JSON list rather than a many-to-many table: the values are a fixed
    vocabulary, and a list works the same on SQLite and PostgreSQL.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [item for item in value or [] if item not in HEALTH_ASPECT_LABELS]
        if unknown:
            raise ValidationError(
                _("Unknown health aspect: %(aspects)s."),
                params={"aspects": ", ".join(map(str, unknown))},
                code="unknown_health_aspect",
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=HEALTH_ASPECT_CHOICES,
            required=not self.blank,
            label=self.verbose_name.capitalize(),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class HealthAspectsMixin(models.Model):
    """The health aspects a page covers: those its type always has, and those the editor picks."""

    health_aspects = HealthAspectsField(
        _("health aspects"),
        help_text=_("Further aspects the page covers, beyond those its page type always has."),
    )

    #: Health aspects every page of the type has, whatever the editor picks.
    intrinsic_health_aspects: list[str] = []

    class Meta:
        abstract = True

    @property
    def all_health_aspects(self) -> list[str]:
        """The type's own aspects followed by the editor's picks, without repeats."""
        return list(dict.fromkeys([*self.intrinsic_health_aspects, *(self.health_aspects or [])]))
