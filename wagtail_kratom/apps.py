from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailKratomAppConfig(AppConfig):
    name = "wagtail_kratom"
    label = "wagtail_kratom"
    verbose_name = _("Wagtail kratom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        from . import checks  # noqa: F401  (registers the system checks)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        if apps.is_installed("wagtail.api.v3"):
            from .api.openapi import install_strict_read_schemas

            install_strict_read_schemas()
