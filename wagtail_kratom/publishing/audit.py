"""Editorial checks that run the same way on a parsed article and on a page.

Both are first described as an ``AuditSubject``: the text in passages with a location,
the headings, and what is known of disclaimers, review, dosage and related links
(``subject_from_article`` here; the Wagtail adapter builds one from a page). Each rule
reads the subject and returns ``Finding``s with a rule id, a severity, a location and a
plain-words message. Health claims are found by meaning (``claims``), one finding per
sentence that quotes it; a project can add phrase rules of its own (``ClaimRule``).
"""

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from . import claims
from .article import MAX_SUMMARY_CHARS, Article
from .claims import CITATION_MARK as CITATION_MARK
from .claims import is_cited
from .extract import DOSE_UNITS
from .plan import EXTRACTED_NOTE_PREFIX
from .sentences import split_sentences

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

#: The ids of the findings besides claims (``CLAIM_CATEGORIES`` has those), listed in ``RULE_IDS``.
SUMMARY_TOO_LONG = "summary.too-long"
DISCLAIMERS_MISSING = "disclaimers.missing"
REVIEW_NO_REVIEWER = "review.no-reviewer"
REVIEW_NO_DATE = "review.no-date"
REVIEW_OVERDUE = "review.overdue"
DOSAGE_INVALID = "dosage.invalid"
RELATED_NOT_LIVE = "related.not-live"
HEADINGS_SKIPPED_LEVEL = "headings.skipped-level"
INTRO_MID_SENTENCE = "intro.mid-sentence"
FACTS_UNCONFIRMED = "facts.unconfirmed"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should fix or check.

    ``quote`` is the exact sentence a claim finding is about, without its location, so that a
    medical reviewer's acceptance (keyed on rule and quote) survives edits elsewhere on the page.
    """

    rule: str
    severity: str
    location: str
    message: str
    line: int | None = None
    quote: str = ""
    category: str = ""

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "location": self.location,
            "line": self.line,
            "quote": self.quote,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of text readers see, where it is, and whether a source is cited in or beside it."""

    text: str
    location: str
    line: int | None = None
    cited: bool = False


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int
    location: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class DoseRow:
    min: Decimal | None
    max: Decimal | None
    unit: str
    location: str


@dataclass(frozen=True, slots=True)
class RelatedLink:
    title: str
    is_live: bool
    location: str


@dataclass(frozen=True)
class AuditSubject:
    """What the rules read; ``None`` for a piece of information the source cannot have."""

    title: str
    passages: tuple[Passage, ...]
    headings: tuple[Heading, ...] = ()
    intro: Passage | None = None
    #: Required disclaimer kinds nothing resolves, or None when the source has no page type yet.
    missing_disclaimers: tuple[str, ...] | None = None
    reviewer: str | None = None
    last_reviewed: datetime.date | None = None
    next_review_due: datetime.date | None = None
    doses: tuple[DoseRow, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    today: datetime.date = field(default_factory=datetime.date.today)
    #: The summary (also among ``passages``) and the longest it may be, for the summary rule.
    summary: Passage | None = None
    summary_limit: int | None = None


# Health claims ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimCategory:
    """A kind of claim the detector finds: its rule id, severity, and what to tell the editor."""

    rule: str
    severity: str
    #: What the sentence says, after "This sentence …".
    says: str
    #: What health authorities say instead, with the source.
    authorities: str


#: Each category of ``claims`` with its rule, severity and message; documented in docs/importer-and-audit.md.
#: The rule ids ``claim.safe``, ``claim.cure`` and ``claim.proven`` predate the categories and are kept.
CLAIM_CATEGORIES: dict[str, ClaimCategory] = {
    claims.LIVER_BENEFIT: ClaimCategory(
        "claim.liver-benefit",
        ERROR,
        "says kratom is good for the liver",
        "kratom is a known, if rare, cause of liver injury, some of it severe (NIH LiverTox).",
    ),
    claims.NO_DEPENDENCE: ClaimCategory(
        "claim.no-dependence",
        ERROR,
        "says kratom carries no or little risk of dependence, addiction or withdrawal",
        "regular use can cause dependence, and stopping can cause withdrawal (NIDA; FDA).",
    ),
    claims.ABSOLUTE_SAFETY: ClaimCategory(
        "claim.safe",
        ERROR,
        "calls kratom safe or harmless",
        "kratom has known harms, including liver injury, seizures and dependence, and has been involved in "
        "overdose deaths (FDA; CDC MMWR 2019;68:326).",
    ),
    claims.SAFE_COMBINATION: ClaimCategory(
        "claim.safe-combination",
        ERROR,
        "says kratom is safe to combine with alcohol, other drugs or medicines",
        "most kratom-involved overdose deaths also involved other substances, often opioids, benzodiazepines "
        "or alcohol (CDC MMWR 2019;68:326), and kratom can change how the body handles other medicines (FDA).",
    ),
    claims.REPLACES_TREATMENT: ClaimCategory(
        "claim.replaces-treatment",
        ERROR,
        "presents kratom as a replacement for, or better than, medical treatment",
        "the FDA has approved kratom for no medical use; methadone, buprenorphine and naltrexone are the "
        "proven treatments for opioid use disorder (FDA; NIDA).",
    ),
    claims.CURE: ClaimCategory(
        "claim.cure",
        ERROR,
        "says kratom cures or treats a disease or condition",
        "the FDA has approved kratom to treat no condition and has warned sellers who claim it does (FDA).",
    ),
    claims.NATURAL_MEANS_SAFE: ClaimCategory(
        "claim.natural-means-safe",
        ERROR,
        "offers being natural as a reason kratom is safe",
        "being natural says nothing about safety: kratom can injure the liver and cause dependence "
        "(NIH LiverTox; NIDA).",
    ),
    claims.DOSING_AS_SAFE: ClaimCategory(
        "claim.dosing-as-safe",
        ERROR,
        "presents an amount or a dosing schedule as safe advice",
        "no dose of kratom is known to be safe, and products vary widely in strength (FDA); report amounts as "
        "what people describe, not as advice.",
    ),
    claims.UNSOURCED_RESEARCH: ClaimCategory(
        "claim.proven",
        WARNING,
        "invokes research without naming it",
        "most evidence on kratom comes from surveys, case reports and animal studies (NIDA); name the study.",
    ),
}


@dataclass(frozen=True, slots=True)
class ClaimRule:
    """A project's own phrase to flag: its id, a regular expression, and what to tell the editor.

    The package's claims are found by meaning (``CLAIM_CATEGORIES``); these rules add phrases a
    project wants a source for, such as "miracle". A sentence that cites a source passes them.
    """

    id: str
    pattern: str
    message: str
    severity: str = ERROR
    #: Whether "not", "never" and the like just before the phrase make it a denial, as in "not a miracle".
    skip_when_negated: bool = True

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, re.IGNORECASE)


#: A denial shortly before a project's phrase, in the same clause.
NEGATION = re.compile(r"\b(?:not|never|no|nor|nothing|none|cannot|neither)\b|n[’']t\b", re.IGNORECASE)
NEGATION_REACH = 8
CLAUSE_MARKS = ".!?;:,—–"


def is_negated(text: str, start: int) -> bool:
    """Whether a word shortly before ``start``, in the same clause, denies what follows."""
    clause_start = max(text.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    words = text[clause_start:start].split()[-NEGATION_REACH:]
    return NEGATION.search(" ".join(words)) is not None


def claim_finding(claim: claims.Claim, passage: Passage, line: int | None) -> Finding:
    """The finding for one claim sentence: cited or not, it stays; a citation changes what to check."""
    category = CLAIM_CATEGORIES[claim.category]
    severity = category.severity
    if claim.category == claims.CURE and claim.hedged:
        severity = WARNING  # "may help with withdrawal" still needs a source, but is not a promise
    if is_cited(claim.sentence) or (passage.cited and claim.category != claims.UNSOURCED_RESEARCH):
        message = (
            f"This sentence {category.says}. A source is cited: check that it says this, as authorities say "
            f"otherwise: {category.authorities}"
        )
    else:
        message = (
            f"This sentence {category.says}, with no source beside it. Authorities say {category.authorities} "
            "Rewrite it, or have a medical reviewer accept it with a reason."
        )
    return Finding(category.rule, severity, passage.location, message, line, claim.sentence, claim.category)


def claim_findings(subject: AuditSubject, claim_rules: Sequence[ClaimRule] = ()) -> Iterator[Finding]:
    """One finding per sentence that makes a claim, quoting it; a project's phrase rules after."""
    compiled = [(rule, rule.compiled()) for rule in claim_rules]
    for passage in subject.passages:
        for offset, sentence in split_sentences(passage.text):
            line = passage.line + passage.text.count("\n", 0, offset) if passage.line is not None else None
            if claim := claims.detect(sentence):
                yield claim_finding(claim, passage, line)
                continue
            if is_cited(sentence):
                continue
            for rule, pattern in compiled:
                if any(
                    not (rule.skip_when_negated and is_negated(sentence, m.start())) for m in pattern.finditer(sentence)
                ):
                    message = f"This sentence {rule.message} No source is cited beside it."
                    yield Finding(rule.id, rule.severity, passage.location, message, line, sentence, rule.id)
                    break


# The other rules ------------------------------------------------------------------------


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


# Parsed articles ------------------------------------------------------------------------


def subject_from_article(article: Article, *, summary_limit: int | None = MAX_SUMMARY_CHARS) -> AuditSubject:
    """Describe a parsed article for the audit: its text, headings and intro; no page, so no review yet."""
    summary = Passage(article.summary.text, "summary", article.summary.line, is_cited(article.summary.html))
    passages = [summary]
    passages += [
        Passage(p.text, f"introduction › paragraph {index}", p.line, is_cited(p.html))
        for index, p in enumerate(article.intro, start=1)
    ]
    for section in article.sections:
        passages += [
            Passage(p.text, f"section “{section.heading}” › paragraph {index}", p.line, is_cited(p.html))
            for index, p in enumerate(section.paragraphs, start=1)
        ]
    passages += [
        Passage(p.text, f"conclusion › paragraph {index}", p.line, is_cited(p.html))
        for index, p in enumerate(article.conclusion, start=1)
    ]
    headings = tuple(
        Heading(section.heading, section.level, f"section “{section.heading}”", section.line)
        for section in article.sections
    )
    intro = article.intro[0] if article.intro else None
    return AuditSubject(
        title=article.title,
        passages=tuple(passages),
        headings=headings,
        intro=Passage(intro.text, "introduction", intro.line) if intro else None,
        summary=summary,
        summary_limit=summary_limit,
    )


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
