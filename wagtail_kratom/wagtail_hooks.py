"""Admin wiring: snippet viewsets and the settings menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .disclaimers import Disclaimer
from .site_settings import KratomSiteSettings
from .snippets import Contributor


class ContributorViewSet(SnippetViewSet):
    model = Contributor
    icon = "user"
    menu_label = _("Contributors")
    list_display = ["name", "credentials", "role"]
    search_fields = ["name", "role"]


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = _("Disclaimers")
    list_display = ["title", "kind", "active"]
    list_filter = ["kind", "active"]


register_snippet(ContributorViewSet)
register_snippet(DisclaimerViewSet)
register_setting(KratomSiteSettings, icon="time")
