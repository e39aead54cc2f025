"""Per-site settings editors manage under Settings in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting

from .forms import KratomSiteSettingsForm


class KratomSiteSettings(ClusterableModel, BaseSiteSetting):
    review_cycle_months = models.PositiveSmallIntegerField(
        _("review cycle in months"),
        default=12,
        help_text=_("How long after a page’s last review its next review falls due, when the editor gives no date."),
    )

    panels = [
        FieldPanel("review_cycle_months"),
        HelpPanel(
            content=_(
                "Every page shows the default disclaimer of each kind its type requires, unless the page "
                "chooses its own. A page cannot be published while a required kind has neither."
            ),
        ),
        InlinePanel("default_disclaimers", heading=_("Default disclaimers"), label=_("Default disclaimer")),
    ]

    base_form_class = KratomSiteSettingsForm

    class Meta:
        verbose_name = _("kratom content settings")

    def get_default_disclaimers(self) -> dict:
        """The usable default disclaimer of each kind, read once per settings instance."""
        if not hasattr(self, "_default_disclaimers"):
            defaults = {}
            for link in self.default_disclaimers.select_related("disclaimer"):
                if link.disclaimer.is_usable:
                    defaults.setdefault(link.disclaimer.kind, link.disclaimer)
            self._default_disclaimers = defaults
        return self._default_disclaimers
