"""System checks that catch a misconfigured ``WAGTAIL_KRATOM`` or missing apps at startup."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register

from .conf import DEFAULTS

REQUIRED_APPS = ["wagtail.contrib.settings", "taggit", "modelcluster"]


@register(Tags.compatibility)
def check_required_apps(app_configs, **kwargs):
    return [
        Error(
            f"wagtail_kratom needs '{app}' in INSTALLED_APPS.",
            hint=f"Add '{app}' to INSTALLED_APPS; see docs/installation.md.",
            id="wagtail_kratom.E001",
        )
        for app in REQUIRED_APPS
        if not apps.is_installed(app)
    ]


@register()
def check_settings(app_configs, **kwargs):
    config = getattr(settings, "WAGTAIL_KRATOM", {})
    if not isinstance(config, dict):
        return [
            Error(
                "WAGTAIL_KRATOM must be a dict.",
                hint="Set WAGTAIL_KRATOM = {...} with the keys listed in docs/configuration.md.",
                id="wagtail_kratom.E002",
            )
        ]
    errors = [
        Error(
            f"WAGTAIL_KRATOM has an unknown key '{key}'.",
            hint=f"Known keys: {', '.join(sorted(DEFAULTS))}.",
            id="wagtail_kratom.E003",
        )
        for key in config
        if key not in DEFAULTS
    ]
    max_length = config.get("SUMMARY_MAX_LENGTH", DEFAULTS["SUMMARY_MAX_LENGTH"])
    if not isinstance(max_length, int) or max_length < 1:
        errors.append(
            Error(
                "WAGTAIL_KRATOM['SUMMARY_MAX_LENGTH'] must be a positive whole number.",
                id="wagtail_kratom.E004",
            )
        )
    for choice in config.get("EXTRA_DISCLAIMER_KINDS", []):
        if not (isinstance(choice, (list, tuple)) and len(choice) == 2):
            errors.append(
                Error(
                    f"WAGTAIL_KRATOM['EXTRA_DISCLAIMER_KINDS'] entry {choice!r} is not a (kind, label) pair.",
                    hint='Write each kind as ("kind", "Label").',
                    id="wagtail_kratom.E005",
                )
            )
    return errors
