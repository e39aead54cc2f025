"""Per-site settings editors manage under Settings in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from .disclaimers import (
    DisclaimerInUse,
    SiteDefaultDisclaimer,
    check_one_per_kind,
    get_live_page_ids_needing_default,
    get_pages_in_tree_order,
)
from .formsets import kept_in_formset


class KratomSiteSettingsForm(WagtailAdminModelForm):
    """Site defaults: one usable disclaimer per kind, and none taken away from live pages that show it."""

    def clean(self):
        cleaned_data = super().clean()
        chosen = kept_in_formset(self.formsets["default_disclaimers"], "disclaimer")
        if message := check_one_per_kind(chosen):
            self.add_error(None, message)
        for disclaimer in chosen:
            if not disclaimer.is_usable:
                self.add_error(
                    None,
                    _("“%(title)s” is not published or not active, so it cannot be a default.")
                    % {"title": disclaimer.title},
                )
        if self.instance.pk is None:
            return cleaned_data
        kept_kinds = {disclaimer.kind for disclaimer in chosen}
        for link in SiteDefaultDisclaimer.objects.filter(settings=self.instance).select_related("disclaimer"):
            removed = link.disclaimer
            if removed.is_usable and removed.kind not in kept_kinds:
                page_ids = get_live_page_ids_needing_default(self.instance.site, removed.kind)
                if page_ids:
                    self.add_error(
                        None,
                        DisclaimerInUse(
                            removed, get_pages_in_tree_order(page_ids), _("removed from the site defaults")
                        ),
                    )
        return cleaned_data


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


def get_site_default_disclaimers(site: Site | None) -> dict:
    """The site's usable default disclaimer of each kind."""
    if site is None:
        return {}
    return KratomSiteSettings.for_site(site).get_default_disclaimers()
