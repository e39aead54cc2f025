"""Per-site settings editors manage under Settings in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting


class KratomSiteSettings(BaseSiteSetting):
    review_cycle_months = models.PositiveSmallIntegerField(
        _("review cycle in months"),
        default=12,
        help_text=_("How long after a page’s last review its next review falls due, when the editor gives no date."),
    )

    class Meta:
        verbose_name = _("kratom content settings")
