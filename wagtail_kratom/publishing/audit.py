"""Editorial checks that run the same way on a parsed article and on a page.

Both are first described as an ``AuditSubject`` (``subject``): the text in passages with a
location, the headings, and what is known of disclaimers, review, dosage and related links.
Each rule reads the subject and returns ``Finding``s (``findings``) with a rule id, a severity,
a location and a plain-words message. Health claims are found by meaning (``claims``), one
finding per sentence that quotes it (``claim_findings``); the other rules are here, and
``audit`` runs them all. The names of those modules are importable from here too.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from .article import MAX_SUMMARY_CHARS, Article
from .claim_findings import CLAIM_CATEGORIES as CLAIM_CATEGORIES
from .claim_findings import ClaimCategory as ClaimCategory
from .claim_findings import ClaimRule, claim_findings
from .claims import CITATION_MARK as CITATION_MARK
from .claims import is_cited as is_cited
from .extract import DOSE_UNITS
from .findings import (
    DISCLAIMERS_MISSING,
    DOSAGE_INVALID,
    ERROR,
    FACTS_UNCONFIRMED,
    HEADINGS_SKIPPED_LEVEL,
    INTRO_MID_SENTENCE,
    RELATED_NOT_LIVE,
    REVIEW_NO_DATE,
    REVIEW_NO_REVIEWER,
    REVIEW_OVERDUE,
    SEVERITIES,
    SUMMARY_TOO_LONG,
    WARNING,
    Finding,
)
from .plan import EXTRACTED_NOTE_PREFIX
from .subject import AuditSubject, subject_from_article
from .subject import DoseRow as DoseRow
from .subject import Heading as Heading
from .subject import Passage as Passage
from .subject import RelatedLink as RelatedLink


def summary_findings(subject: AuditSubject) -> Iterator[Finding]:
    """A summary over the limit is kept whole, and blocks going live until an editor shortens it."""
    summary = subject.summary
    if summary is not None and subject.summary_limit and len(summary.text) > subject.summary_limit:
        yield Finding(
            SUMMARY_TOO_LONG,
            ERROR,
            summary.location,
            f"The summary is {len(summary.text)} characters long; shorten it to {subject.summary_limit} so readers "
            "can take it in at a glance. The importer kept it whole rather than cut what it says.",
            summary.line,
        )


def disclaimer_findings(subject: AuditSubject) -> Iterator[Finding]:
    if subject.missing_disclaimers:
        kinds = ", ".join(subject.missing_disclaimers)
        yield Finding(
            DISCLAIMERS_MISSING,
            ERROR,
            "disclaimers",
            f"No disclaimer resolves these required kinds: {kinds}. The page cannot go live until one does.",
        )


def review_findings(subject: AuditSubject) -> Iterator[Finding]:
    if not subject.reviewer:
        yield Finding(
            REVIEW_NO_REVIEWER,
            ERROR,
            "review",
            "No medical reviewer is named. A clinician or organisation must check health content before it is "
            "published.",
        )
    if subject.last_reviewed is None or subject.next_review_due is None:
        yield Finding(
            REVIEW_NO_DATE,
            ERROR,
            "review",
            "The page has no review dates. Record when it was last reviewed; the next review date follows.",
        )
    elif subject.next_review_due < subject.today:
        yield Finding(
            REVIEW_OVERDUE,
            ERROR,
            "review",
            f"The review was due on {subject.next_review_due.isoformat()}. Have the page reviewed again and "
            "update the dates.",
        )


def dosage_findings(subject: AuditSubject) -> Iterator[Finding]:
    for row in subject.doses:
        problems = []
        if row.unit not in DOSE_UNITS:
            problems.append(f"“{row.unit}” is not a known unit (use {', '.join(DOSE_UNITS[:-1])} or {DOSE_UNITS[-1]})")
        amounts = [amount for amount in (row.min, row.max) if amount is not None]
        if len(amounts) < 2:
            problems.append("both the lowest and the highest amount are needed")
        if any(amount <= 0 for amount in amounts):
            problems.append("amounts must be greater than zero")
        elif len(amounts) == 2 and row.min > row.max:
            problems.append(f"the lowest amount ({row.min}) is above the highest ({row.max})")
        if problems:
            yield Finding(DOSAGE_INVALID, ERROR, row.location, f"This dosage row is not valid: {'; '.join(problems)}.")


def related_findings(subject: AuditSubject) -> Iterator[Finding]:
    for link in subject.related:
        if not link.is_live:
            yield Finding(
                RELATED_NOT_LIVE,
                WARNING,
                link.location,
                f"The related article “{link.title}” is not live and public, so readers do not see it. Publish it "
                "or pick another.",
            )


def heading_findings(subject: AuditSubject) -> Iterator[Finding]:
    previous = 1  # the page title is the one h1
    for heading in subject.headings:
        if heading.level > previous + 1:
            yield Finding(
                HEADINGS_SKIPPED_LEVEL,
                WARNING,
                heading.location,
                f"The heading “{heading.text}” is a level-{heading.level} heading after a level-{previous} one. "
                "Screen reader users navigate by heading levels; do not skip one.",
                heading.line,
            )
        previous = heading.level


#: Words an introduction rarely starts with unless its beginning was lost.
CONTINUATION_WORDS = frozenset({"and", "but", "or", "so", "which", "that", "because", "however", "also", "then"})


def intro_findings(subject: AuditSubject) -> Iterator[Finding]:
    intro = subject.intro
    if intro is None:
        return
    text = intro.text.lstrip(" \t“”\"'‘’«»(")
    first_word = re.match(r"[\w’'-]+", text)
    starts_lower = bool(text) and text[0].islower()
    starts_with_joiner = bool(first_word) and first_word.group(0).casefold() in CONTINUATION_WORDS
    if starts_lower or starts_with_joiner or (text and text[0] in ",;:.…-–—"):
        yield Finding(
            INTRO_MID_SENTENCE,
            WARNING,
            intro.location,
            f"The introduction seems to start in the middle of a sentence (“{text[:60]}…”). Check that its "
            "beginning was not lost.",
            intro.line,
        )


def unconfirmed_fact_findings(subject: AuditSubject) -> Iterator[Finding]:
    for passage in subject.passages:
        if passage.text.startswith(EXTRACTED_NOTE_PREFIX):
            yield Finding(
                FACTS_UNCONFIRMED,
                ERROR,
                passage.location,
                "The importer found this fact in the source text. Check it against a cited source, complete it and "
                "rewrite the note; the page should not go live before.",
                passage.line,
            )


Rule = Callable[[AuditSubject], Iterable[Finding]]

#: Every rule, by the ids it reports; ``audit`` runs them in this order.
RULES: dict[str, Rule] = {
    "claims": claim_findings,
    "summary": summary_findings,
    "disclaimers": disclaimer_findings,
    "review": review_findings,
    "dosage": dosage_findings,
    "related": related_findings,
    "headings": heading_findings,
    "intro": intro_findings,
    "facts": unconfirmed_fact_findings,
}

#: The id of every finding the audit can report.
RULE_IDS: tuple[str, ...] = (
    *(category.rule for category in CLAIM_CATEGORIES.values()),
    SUMMARY_TOO_LONG,
    DISCLAIMERS_MISSING,
    REVIEW_NO_REVIEWER,
    REVIEW_NO_DATE,
    REVIEW_OVERDUE,
    DOSAGE_INVALID,
    RELATED_NOT_LIVE,
    HEADINGS_SKIPPED_LEVEL,
    INTRO_MID_SENTENCE,
    FACTS_UNCONFIRMED,
)


def audit(
    subject: AuditSubject,
    *,
    claim_rules: Sequence[ClaimRule] = (),
    disabled: Iterable[str] = (),
) -> list[Finding]:
    """Every finding for ``subject``, errors first, leaving out the rule ids in ``disabled``.

    ``claim_rules`` are a project's own phrase rules, run besides the package's claim detector.
    """
    disabled = set(disabled)
    findings = []
    for name, rule in RULES.items():
        results = claim_findings(subject, claim_rules) if name == "claims" else rule(subject)
        findings += [finding for finding in results if finding.rule not in disabled]
    return sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity))


#: Rules about what only a page has; an article fresh from parsing has no reviewer or review dates yet.
PAGE_ONLY_RULES = frozenset({REVIEW_NO_REVIEWER, REVIEW_NO_DATE})


def audit_article(
    article: Article,
    *,
    claim_rules: Sequence[ClaimRule] = (),
    disabled: Iterable[str] = (),
    summary_limit: int | None = MAX_SUMMARY_CHARS,
) -> list[Finding]:
    """Audit a parsed article: its claims, summary, headings and introduction (review and disclaimers come with
    a page)."""
    return audit(
        subject_from_article(article, summary_limit=summary_limit),
        claim_rules=claim_rules,
        disabled={*disabled, *PAGE_ONLY_RULES},
    )
