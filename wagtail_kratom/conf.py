"""Access to the package's settings, held in one ``WAGTAIL_KRATOM`` dict.

Values are read at the time of use, so ``override_settings`` works in tests and
a project only sets the keys it wants to change.
"""

from typing import Any

from django.conf import settings

from .publishing.article import MAX_SUMMARY_CHARS

DEFAULTS: dict[str, Any] = {
    # Longest summary ("key takeaways") an editor may write, in characters.
    "SUMMARY_MAX_LENGTH": MAX_SUMMARY_CHARS,
    # Project-defined disclaimer kinds, as ``[("kind", "Label"), ...]``.
    "EXTRA_DISCLAIMER_KINDS": [],
    # Disclaimer kinds a page must carry before it may go live, by page model label.
    # A project's entries replace these one model at a time.
    "REQUIRED_DISCLAIMER_KINDS": {
        "wagtail_kratom.TopicOverviewPage": ["medical"],
        "wagtail_kratom.RiskSectionPage": ["medical", "emergency"],
        "wagtail_kratom.SafeUseGuidePage": ["medical", "dosage", "legal"],
    },
    # What a page must pass to go live, by page model label: any of "disclaimers" (every required kind
    # resolves), "review" (a medical reviewer and current review dates) and "findings" (no error finding
    # of the editorial audit open). A type not listed gets all three; a site without medical reviewers
    # can say {"wagtail_kratom.SafeUseGuidePage": ["disclaimers", "findings"], ...} (docs/go-live.md).
    "GO_LIVE_CHECKS": {},
    # Most related articles an editor may pick for one page.
    "RELATED_ARTICLES_MAX_PICKS": 6,
    # How many suggested related articles follow the editor's picks.
    "RELATED_ARTICLES_SUGGESTIONS": 3,
    # The address of a decoupled front end's preview page; when set, the page editor's preview
    # offers a "Front end" mode that opens it with a token for the draft (see docs/api.md).
    "HEADLESS_PREVIEW_URL": None,
    # How long, in seconds, a front end can read a previewed draft with its token.
    "HEADLESS_PREVIEW_SECONDS": 3600,
    # How many days ahead a page counts as "due soon" for review (the Review due report and dashboard).
    "REVIEW_DUE_WINDOW_DAYS": 30,
    # Audit finding ids to leave out, for example ["claim.proven"] (see docs/importer-and-audit.md).
    "AUDIT_DISABLED_RULES": [],
    # More health claims for the audit to look for, as dicts of ``ClaimRule`` fields:
    # {"id": "claim.…", "pattern": r"…", "message": "says …", "severity": "error" or "warning"}.
    "AUDIT_EXTRA_CLAIM_RULES": [],
    # The largest file the admin's "Import articles" view accepts, in bytes.
    "IMPORT_MAX_FILE_SIZE": 5_000_000,
    # The most files one admin import may upload at once.
    "IMPORT_MAX_FILES": 100,
    # The alias in Django's ``TASKS`` setting that runs admin import batches of more than one file.
    # Read once, when the task is defined: the backend decides which task framework runs it.
    "IMPORT_TASK_BACKEND": "default",
    # The substance every article is about, for schema.org ``about``.
    "ABOUT": {
        "@type": "Substance",
        "name": "Kratom",
        "alternateName": "Mitragyna speciosa",
    },
}


def get_setting(name: str) -> Any:
    """Return one package setting, falling back to its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown WAGTAIL_KRATOM setting: {name}")
    config = getattr(settings, "WAGTAIL_KRATOM", {})
    # A malformed setting is reported by the system check wagtail_kratom.E002; until then, use defaults.
    return config.get(name, DEFAULTS[name]) if isinstance(config, dict) else DEFAULTS[name]
