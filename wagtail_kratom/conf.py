"""Access to the package's settings, held in one ``WAGTAIL_KRATOM`` dict.

Values are read at the time of use, so ``override_settings`` works in tests and
a project only sets the keys it wants to change. Each key is defined once, in ``SETTINGS``:
its default, what it is for, and how the system check ``check_settings`` validates it;
docs/configuration.md lists them all (a test keeps its table in step).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from .publishing.article import MAX_SUMMARY_CHARS


@dataclass(frozen=True)
class Rule:
    """A type or range a value must have: the test, and what the system check says when it fails."""

    accepts: Callable[[Any], bool]
    #: The end of the check's message, after "WAGTAIL_KRATOM['KEY']".
    must: str
    check_id: str
    #: The example the check's hint gives; the default when empty.
    example: str = ""


@dataclass(frozen=True)
class Setting:
    """One key of ``WAGTAIL_KRATOM``: its default, a line on what it is for, and how it is validated.

    ``check`` is a ``Rule``, or the dotted path of a function in ``checks`` that returns the check's
    messages for the value: those need the app registry and layers above this module.
    """

    default: Any
    description: str
    check: Rule | str | None = None


def is_positive_int(value: Any) -> bool:
    """Whether ``value`` is a whole number of at least 1 (``True`` is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def positive_int(check_id: str) -> Rule:
    return Rule(is_positive_int, "must be a positive whole number", check_id)


SETTINGS: dict[str, Setting] = {
    "SUMMARY_MAX_LENGTH": Setting(
        MAX_SUMMARY_CHARS,
        'Longest summary ("key takeaways") an editor may write, in characters.',
        positive_int("wagtail_kratom.E004"),
    ),
    "EXTRA_DISCLAIMER_KINDS": Setting(
        [],
        'Project-defined disclaimer kinds, as ``[("kind", "Label"), ...]``.',
        "wagtail_kratom.checks.check_extra_disclaimer_kinds",
    ),
    "REQUIRED_DISCLAIMER_KINDS": Setting(
        {
            "wagtail_kratom.TopicOverviewPage": ["medical"],
            "wagtail_kratom.RiskSectionPage": ["medical", "emergency"],
            "wagtail_kratom.SafeUseGuidePage": ["medical", "dosage", "legal"],
        },
        "Disclaimer kinds a page must carry before it may go live, by page model label; a project's entries "
        "replace these one model at a time.",
        "wagtail_kratom.checks.check_required_disclaimer_kinds",
    ),
    "GO_LIVE_CHECKS": Setting(
        {},
        'What a page must pass to go live, by page model label: any of "disclaimers", "review" and "findings"; '
        "a type not listed gets all three (docs/go-live.md).",
        "wagtail_kratom.checks.check_go_live_checks",
    ),
    "RELATED_ARTICLES_MAX_PICKS": Setting(6, "Most related articles an editor may pick for one page."),
    "RELATED_ARTICLES_SUGGESTIONS": Setting(3, "How many suggested related articles follow the editor's picks."),
    "HEADLESS_PREVIEW_URL": Setting(
        None,
        "The address of a decoupled front end's preview page; when set, the page editor's preview offers a "
        '"Front end" mode that opens it with a token for the draft (docs/api.md).',
    ),
    "HEADLESS_PREVIEW_SECONDS": Setting(3600, "How long, in seconds, a front end can read a previewed draft."),
    "REVIEW_DUE_WINDOW_DAYS": Setting(
        30, 'How many days ahead a page counts as "due soon" for review (the Review due report and dashboard).'
    ),
    "AUDIT_EXTRA_CLAIM_RULES": Setting(
        [],
        'More health claims for the audit to look for, as dicts of ``ClaimRule`` fields: {"id": "claim.…", '
        '"pattern": r"…", "message": "says …", "severity": "error" or "warning"}.',
        "wagtail_kratom.checks.check_extra_claim_rules",
    ),
    "AUDIT_DISABLED_RULES": Setting(
        [],
        'Audit finding ids to leave out, for example ["claim.proven"] (docs/importer-and-audit.md).',
        "wagtail_kratom.checks.check_disabled_rules",
    ),
    "IMPORT_MAX_FILE_SIZE": Setting(
        5_000_000,
        'The largest file the admin\'s "Import articles" view accepts, in bytes.',
        positive_int("wagtail_kratom.E010"),
    ),
    "IMPORT_MAX_FILES": Setting(
        100, "The most files one admin import may upload at once.", positive_int("wagtail_kratom.E010")
    ),
    "FRAGMENT_CACHE_SECONDS": Setting(
        3600,
        "How long, in seconds, the rendered parts of a live article page stay in Django's default cache "
        "(``{% kratom_cache %}``); they are dropped sooner whenever what they show changes. 0 turns it off.",
        Rule(
            lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= 0,
            "must be a whole number of seconds, 0 or more",
            "wagtail_kratom.E011",
        ),
    ),
    "IMPORT_TASK_BACKEND": Setting(
        "default",
        "The alias in Django's ``TASKS`` setting that runs admin import batches of more than one file; read once, "
        "when the task is defined.",
    ),
    "ABOUT": Setting(
        {"@type": "Substance", "name": "Kratom", "alternateName": "Mitragyna speciosa"},
        "The substance every article is about, for schema.org ``about``.",
        Rule(
            lambda value: isinstance(value, dict),
            "must be a dict describing a schema.org Thing",
            "wagtail_kratom.E006",
            example='{"@type": "Substance", "name": "Kratom"}',
        ),
    ),
}


def get_setting(name: str) -> Any:
    """Return one package setting, falling back to its documented default."""
    if name not in SETTINGS:
        raise KeyError(f"Unknown WAGTAIL_KRATOM setting: {name}")
    config = getattr(settings, "WAGTAIL_KRATOM", {})
    # A malformed setting is reported by the system check wagtail_kratom.E002; until then, use defaults.
    default = SETTINGS[name].default
    return config.get(name, default) if isinstance(config, dict) else default
