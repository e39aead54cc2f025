"""Misconfiguration is caught at startup with a hint, and settings fall back to documented defaults."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from wagtail_kratom.checks import check_required_apps, check_settings
from wagtail_kratom.conf import SETTINGS, get_setting


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
    assert get_setting("SUMMARY_MAX_LENGTH") == SETTINGS["SUMMARY_MAX_LENGTH"].default == 600
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


def test_rich_text_format_warning_only_with_an_api(settings, monkeypatch):
    from wagtail_kratom.checks import check_api_rich_text_format

    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "db_html"
    assert [warning.id for warning in check_api_rich_text_format(None)] == ["wagtail_kratom.W001"]
    without_apis = SimpleNamespace(is_installed=lambda name: not name.startswith("wagtail.api."))
    monkeypatch.setattr("wagtail_kratom.checks.apps", without_apis)
    assert check_api_rich_text_format(None) == []


def site_templates(settings, tmp_path, templates: dict[str, str]) -> None:
    """Serve ``templates`` (path: source) from the project's template directory."""
    for name, source in templates.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]


WAGTAIL_START_BASE = """{% load static %}<html><head><title>{% block title %}{% endblock %}</title>
<link rel="stylesheet" href="{% static 'css/mysite.css' %}">{% block extra_css %}{% endblock %}</head>
<body>{% block content %}{% endblock %}{% block extra_js %}{% endblock %}</body></html>"""


@pytest.mark.parametrize(
    ("override", "lost"),
    [
        pytest.param('{% extends "base.html" %}', ["extra_head", "kratom.css"], id="extends-wagtail-start-base"),
        pytest.param(
            '{% extends "base.html" %}{% load static %}{% block extra_css %}'
            '<link rel="stylesheet" href="{% static \'wagtail_kratom/css/kratom.css\' %}">'
            "{% block extra_head %}{% endblock %}{% endblock %}",
            [],
            id="maps-the-block-as-documented",
        ),
        pytest.param(
            '{% extends "base.html" %}{% block extra_head %}{% endblock %}{% block extra_css %}'
            "wagtail_kratom/css/kratom.css{% endblock %}",
            ["extra_head"],
            id="block-the-parent-never-renders",
        ),
    ],
)
def test_site_base_template_that_drops_the_json_ld_block_is_reported(settings, tmp_path, override, lost):
    from wagtail_kratom.checks import check_base_template

    site_templates(settings, tmp_path, {"base.html": WAGTAIL_START_BASE, "wagtail_kratom/base.html": override})
    warnings = check_base_template(None)
    assert [warning.id for warning in warnings] == (["wagtail_kratom.W003"] if lost else [])
    for name in lost:
        assert name in warnings[0].msg


def test_package_base_template_passes_the_check():
    from wagtail_kratom.checks import check_base_template

    assert check_base_template(None) == []


def test_every_hint_names_a_page_online(settings, monkeypatch):
    from wagtail_kratom.checks import DOCS_URL, check_api_rich_text_format

    settings.WAGTAIL_KRATOM = {
        "SUMMARY_LENGTH": 1,
        "SUMMARY_MAX_LENGTH": 0,
        "EXTRA_DISCLAIMER_KINDS": ["pregnancy"],
        "REQUIRED_DISCLAIMER_KINDS": ["medical"],
        "GO_LIVE_CHECKS": ["review"],
        "AUDIT_EXTRA_CLAIM_RULES": [{"id": "claim.x"}],
        "AUDIT_DISABLED_RULES": ["claim.typo"],
        "ABOUT": 3,
    }
    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "db_html"
    problems = [*check_settings(None), *check_api_rich_text_format(None)]
    settings.WAGTAIL_KRATOM = []
    problems += check_settings(None)
    monkeypatch.setattr("wagtail_kratom.checks.apps", SimpleNamespace(is_installed=lambda name: False))
    problems += check_required_apps(None)
    assert len({problem.id for problem in problems}) == 11
    assert all(DOCS_URL in problem.hint for problem in problems), [p.hint for p in problems if DOCS_URL not in p.hint]


def documented_default(value) -> str:
    """A default as docs/configuration.md writes it: JSON, but ``None`` as Python spells it."""
    return "None" if value is None else json.dumps(value)


def test_configuration_docs_list_every_setting_with_its_default():
    text = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    overview = text.split("## The `WAGTAIL_KRATOM` setting", 1)[1].split("\n### ", 1)[0]
    table = dict(re.findall(r"^\| `([A-Z_]+)` \| [^|]+ \| (.+) \|$", overview, re.MULTILINE))
    assert set(table) == set(SETTINGS)
    for name, setting in SETTINGS.items():
        if table[name] == "see below":
            # A default too long for the table is written out in the key's own section.
            section = text.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
            assert all(f'"{key}": {json.dumps(value)}' in section for key, value in setting.default.items()), name
        else:
            assert table[name].startswith(f"`{documented_default(setting.default)}`"), name


def test_fragment_cache_seconds_must_be_a_whole_number_of_seconds(settings):
    settings.WAGTAIL_KRATOM = {"FRAGMENT_CACHE_SECONDS": -1}
    assert "wagtail_kratom.E011" in [message.id for message in check_settings(None)]
    settings.WAGTAIL_KRATOM = {"FRAGMENT_CACHE_SECONDS": 0}
    assert "wagtail_kratom.E011" not in [message.id for message in check_settings(None)]
