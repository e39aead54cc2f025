"""Misconfiguration is caught at startup with a hint, and settings fall back to documented defaults."""

from types import SimpleNamespace

import pytest

from wagtail_kratom.checks import check_required_apps, check_settings
from wagtail_kratom.conf import DEFAULTS, get_setting


def error_ids(settings_value, settings):
    settings.WAGTAIL_KRATOM = settings_value
    return [error.id for error in check_settings(None)]


def test_valid_configuration_passes(settings):
    valid = {
        "SUMMARY_MAX_LENGTH": 400,
        "EXTRA_DISCLAIMER_KINDS": [("pregnancy", "Pregnancy")],
        "REQUIRED_DISCLAIMER_KINDS": {"wagtail_kratom.SafeUseGuidePage": ["medical", "pregnancy"]},
    }
    assert error_ids(valid, settings) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([], "wagtail_kratom.E002"),
        ({"SUMMARY_LENGTH": 400}, "wagtail_kratom.E003"),
        ({"SUMMARY_MAX_LENGTH": 0}, "wagtail_kratom.E004"),
        ({"SUMMARY_MAX_LENGTH": True}, "wagtail_kratom.E004"),
        ({"EXTRA_DISCLAIMER_KINDS": ["pregnancy"]}, "wagtail_kratom.E005"),
        ({"EXTRA_DISCLAIMER_KINDS": None}, "wagtail_kratom.E005"),
        ({"EXTRA_DISCLAIMER_KINDS": [("medical", "Medical again")]}, "wagtail_kratom.E005"),
        ({"EXTRA_DISCLAIMER_KINDS": [("x" * 51, "Too long")]}, "wagtail_kratom.E005"),
        ({"ABOUT": 3}, "wagtail_kratom.E006"),
        ({"REQUIRED_DISCLAIMER_KINDS": ["medical"]}, "wagtail_kratom.E007"),
        ({"REQUIRED_DISCLAIMER_KINDS": {"wagtail_kratom.NoSuchPage": ["medical"]}}, "wagtail_kratom.E007"),
        ({"REQUIRED_DISCLAIMER_KINDS": {"testapp.OrdinaryPage": ["medical"]}}, "wagtail_kratom.E007"),
        ({"REQUIRED_DISCLAIMER_KINDS": {"wagtail_kratom.RiskSectionPage": "medical"}}, "wagtail_kratom.E007"),
        ({"REQUIRED_DISCLAIMER_KINDS": {"wagtail_kratom.RiskSectionPage": ["pregnancy"]}}, "wagtail_kratom.E007"),
    ],
)
def test_misconfiguration_is_reported(settings, value, expected):
    assert error_ids(value, settings) == [expected]


def test_malformed_setting_falls_back_to_defaults_until_fixed(settings):
    from wagtail_kratom.disclaimers import BUILT_IN_KINDS, get_kind_choices

    settings.WAGTAIL_KRATOM = []
    assert get_setting("SUMMARY_MAX_LENGTH") == 600
    settings.WAGTAIL_KRATOM = {"EXTRA_DISCLAIMER_KINDS": None}
    assert get_kind_choices() == BUILT_IN_KINDS


def test_missing_required_app_is_reported(monkeypatch):
    assert check_required_apps(None) == []
    installed_without_settings = SimpleNamespace(is_installed=lambda name: name != "wagtail.contrib.settings")
    monkeypatch.setattr("wagtail_kratom.checks.apps", installed_without_settings)
    (error,) = check_required_apps(None)
    assert error.id == "wagtail_kratom.E001"
    assert "wagtail.contrib.settings" in error.msg


def test_settings_fall_back_to_defaults_and_read_overrides_at_use(settings):
    settings.WAGTAIL_KRATOM = {}
    assert get_setting("SUMMARY_MAX_LENGTH") == DEFAULTS["SUMMARY_MAX_LENGTH"] == 600
    settings.WAGTAIL_KRATOM = {"SUMMARY_MAX_LENGTH": 300}
    assert get_setting("SUMMARY_MAX_LENGTH") == 300
    with pytest.raises(KeyError):
        get_setting("NOT_A_SETTING")


def test_project_disclaimer_kinds_are_offered(settings):
    from wagtail_kratom.disclaimers import Disclaimer

    settings.WAGTAIL_KRATOM = {"EXTRA_DISCLAIMER_KINDS": [("pregnancy", "Pregnancy")]}
    assert ("pregnancy", "Pregnancy") in Disclaimer._meta.get_field("kind").choices


def test_audit_settings_are_checked(settings):
    from wagtail_kratom.checks import check_settings

    settings.WAGTAIL_KRATOM = {
        "AUDIT_EXTRA_CLAIM_RULES": [{"id": "claim.x", "pattern": "(", "message": "says x."}, {"id": "claim.y"}],
        "AUDIT_DISABLED_RULES": ["claim.cure", "claim.typo"],
    }
    found = [(problem.id, problem.msg) for problem in check_settings(None)]
    assert [problem_id for problem_id, _msg in found] == [
        "wagtail_kratom.E008",
        "wagtail_kratom.E008",
        "wagtail_kratom.W002",
    ]
    assert "claim.typo" in found[2][1]
