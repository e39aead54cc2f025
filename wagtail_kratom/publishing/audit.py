"""Editorial checks that run the same way on a parsed article and on a page.

Both are first described as an ``AuditSubject``: the text in passages with a location,
the headings, and what is known of disclaimers, review, dosage and related links
(``subject_from_article`` here; the Wagtail adapter builds one from a page). Each rule
reads the subject and returns ``Finding``s with a rule id, a severity, a location and a
plain-words message. Health-claim rules are data (``ClaimRule``), so a project can add
or switch off claims without new code.
"""

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .article import Article
from .plan import EXTRACTED_NOTE_PREFIX

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)

#: Units a dosage row may be given in.
KNOWN_UNITS = frozenset({"g", "mg", "ml"})

#: A source named in the text: a link, a numbered reference, an author–year or an agency in brackets.
CITATION_MARK = re.compile(
    r"<a\s[^>]*href="
    r"|\[\d+(?:\s*[,–-]\s*\d+)*\]"
    r"|\((?-i:[A-Z])[^()]*\b(?:1[89]|20)\d{2}[a-z]?\)"
    r"|\((?:[^()]*\s)?(?-i:LiverTox|NIH|NIDA|NCBI|CDC|MMWR|FDA|WHO|EMCDDA|NHS|PubMed)\b[^()]*\)"
    r"|\bdoi\.org/|\bPMID:?\s*\d",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should fix or check."""

    rule: str
    severity: str
    location: str
    message: str
    line: int | None = None

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "location": self.location,
            "line": self.line,
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


# Health claims ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimRule:
    """A kind of health claim that needs a source: its id, how to spot it, and what to tell the editor."""

    id: str
    pattern: str
    message: str
    severity: str = ERROR
    #: Whether "not", "never" and the like just before the claim make it a denial, as in "not risk-free".
    skip_when_negated: bool = True

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern, re.IGNORECASE)


#: The claims the audit looks for, each documented in docs/importer-and-audit.md.
CLAIM_RULES: tuple[ClaimRule, ...] = (
    ClaimRule(
        "claim.cure",
        r"\bcur(?:e|es|ed|ing)\b",
        "says kratom cures something. No treatment claim for kratom is approved; cite a source or remove it.",
    ),
    ClaimRule(
        "claim.treatment",
        r"\b(?:treats|heals|remedy for|(?:aids?|supports?|helps?)\s+(?:\w+\s+){0,2}"
        r"(?:addiction|withdrawal|recovery|treatment)"
        r"|(?:manag|reduc|alleviat|eas|mitigat|reliev)\w*\s+(?:\w+\s+){0,2}(?:withdrawal|cravings))\b",
        "presents kratom as a treatment. The FDA has approved it for no medical use; cite the evidence or "
        "say how limited it is.",
        WARNING,
    ),
    ClaimRule(
        "claim.safe",
        r"\b(?:(?:is|are|be|remains?)\s+(?:completely\s+|perfectly\s+|generally\s+|totally\s+|entirely\s+)?safe"
        r"|safe\s+to\s+(?:use|take)|harmless|risk[- ]free|no\s+side[- ]effects)\b(?!\s+to\s+say)",
        "calls kratom safe. Kratom carries known risks, including liver injury and dependence; cite a source "
        "or describe the risks instead.",
    ),
    ClaimRule(
        "claim.no-dependence",
        r"\b(?:(?:no|without|zero|little|low|minimal)\s+(?:\w+\s+)?risk\s+of\s+(?:dependence|addiction|withdrawal)"
        r"|(?:not|non-?)\s*(?:habit[- ]forming|addictive)"
        r"|(?:does|do)\s+not\s+(?:cause|lead\s+to)\s+(?:dependence|addiction))",
        "says kratom carries no risk of dependence or addiction. Regular use can cause dependence and "
        "withdrawal; cite a source or correct it.",
        skip_when_negated=False,
    ),
    ClaimRule(
        "claim.liver-benefit",
        r"\b(?:(?:protects?|protecting|benefits?|supports?|improves?|heals?|detox\w*|cleans?\w*)\s+"
        r"(?:for\s+)?(?:the\s+|your\s+)?liver|liver[- ]protective|hepatoprotective"
        r"|good\s+for\s+(?:the\s+|your\s+)?liver"
        r"|beneficial\s+(?:\w+\s+){0,2}(?:on|for|to)\s+(?:the\s+|your\s+)?liver)\b",
        "says kratom is good for the liver. Kratom is a known, if rare, cause of liver injury (LiverTox); "
        "cite a source or remove it.",
    ),
    ClaimRule(
        "claim.natural-means-safe",
        r"\bnatural\b[^.!?]*?\b(?:safe|safer|harmless|gentle|side[- ]effects?|alternative|solution|remedy)\b",
        "offers being natural as a reason to trust kratom. Natural products can be harmful; say what the "
        "evidence shows instead.",
        WARNING,
    ),
    ClaimRule(
        "claim.proven",
        r"\b(?:clinically|scientifically|medically)\s+proven\b"
        r"|\b(?:research|studies|evidence|trials)\s+(?:suggests?|shows?|proves?|confirms?|indicates?)\b",
        "says research proves something without naming it; cite the study.",
        WARNING,
    ),
)

SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
#: A denial before a claim in the same clause: "does not make kratom risk-free", "no dose is known to be safe".
NEGATION = re.compile(r"\b(?:not|never|no|nor|nothing|none|cannot|neither)\b|n[’']t\b", re.IGNORECASE)
NEGATION_REACH = 8
CLAUSE_MARKS = ".!?;:,—–"


def is_negated(text: str, start: int, end: int | None = None) -> bool:
    """Whether a word shortly before ``start`` in the same clause, or within the claim, denies it.

    "does not make kratom risk-free" and "natural does not mean harmless" deny; so
    does "no dose is known to be safe".
    """
    clause_start = max(text.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    words = text[clause_start:start].split()[-NEGATION_REACH:]
    within = text[start:end] if end is not None else ""
    return NEGATION.search(" ".join(words)) is not None or NEGATION.search(within) is not None


def claim_findings(subject: AuditSubject, claim_rules: Sequence[ClaimRule] = CLAIM_RULES) -> Iterator[Finding]:
    """Claims in passages that cite no source, one finding per rule and passage."""
    compiled = [(rule, rule.compiled()) for rule in claim_rules]
    for passage in subject.passages:
        if passage.cited:
            continue
        for rule, pattern in compiled:
            match = next(
                (
                    found
                    for found in pattern.finditer(passage.text)
                    if not (rule.skip_when_negated and is_negated(passage.text, found.start(), found.end()))
                ),
                None,
            )
            if match is None:
                continue
            quote = _sentence_around(passage.text, match.start())
            message = f"This passage {rule.message} No source is cited beside it: “{quote}”"
            yield Finding(rule.id, rule.severity, passage.location, message, passage.line)


def _sentence_around(text: str, position: int, limit: int = 160) -> str:
    for match in SENTENCE.finditer(text):
        if match.start() <= position < match.end():
            sentence = match.group(0).strip()
            return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
    return text[:limit]


# The other rules ------------------------------------------------------------------------


def disclaimer_findings(subject: AuditSubject) -> Iterator[Finding]:
    if subject.missing_disclaimers:
        kinds = ", ".join(subject.missing_disclaimers)
        yield Finding(
            "disclaimers.missing",
            ERROR,
            "disclaimers",
            f"No disclaimer resolves these required kinds: {kinds}. The page cannot go live until one does.",
        )


def review_findings(subject: AuditSubject) -> Iterator[Finding]:
    if not subject.reviewer:
        yield Finding(
            "review.no-reviewer",
            ERROR,
            "review",
            "No medical reviewer is named. A clinician or organisation must check health content before it is "
            "published.",
        )
    if subject.last_reviewed is None or subject.next_review_due is None:
        yield Finding(
            "review.no-date",
            ERROR,
            "review",
            "The page has no review dates. Record when it was last reviewed; the next review date follows.",
        )
    elif subject.next_review_due < subject.today:
        yield Finding(
            "review.overdue",
            ERROR,
            "review",
            f"The review was due on {subject.next_review_due.isoformat()}. Have the page reviewed again and "
            "update the dates.",
        )


def dosage_findings(subject: AuditSubject) -> Iterator[Finding]:
    for row in subject.doses:
        problems = []
        if row.unit not in KNOWN_UNITS:
            problems.append(f"“{row.unit}” is not a known unit (use g, mg or ml)")
        amounts = [amount for amount in (row.min, row.max) if amount is not None]
        if len(amounts) < 2:
            problems.append("both the lowest and the highest amount are needed")
        if any(amount <= 0 for amount in amounts):
            problems.append("amounts must be greater than zero")
        elif len(amounts) == 2 and row.min > row.max:
            problems.append(f"the lowest amount ({row.min}) is above the highest ({row.max})")
        if problems:
            yield Finding(
                "dosage.invalid", ERROR, row.location, f"This dosage row is not valid: {'; '.join(problems)}."
            )


def related_findings(subject: AuditSubject) -> Iterator[Finding]:
    for link in subject.related:
        if not link.is_live:
            yield Finding(
                "related.not-live",
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
                "headings.skipped-level",
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
            "intro.mid-sentence",
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
                "facts.unconfirmed",
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
    *(rule.id for rule in CLAIM_RULES),
    "disclaimers.missing",
    "review.no-reviewer",
    "review.no-date",
    "review.overdue",
    "dosage.invalid",
    "related.not-live",
    "headings.skipped-level",
    "intro.mid-sentence",
    "facts.unconfirmed",
)


def audit(
    subject: AuditSubject,
    *,
    claim_rules: Sequence[ClaimRule] = CLAIM_RULES,
    disabled: Iterable[str] = (),
) -> list[Finding]:
    """Every finding for ``subject``, errors first, leaving out the rule ids in ``disabled``."""
    disabled = set(disabled)
    findings = []
    for name, rule in RULES.items():
        results = claim_findings(subject, claim_rules) if name == "claims" else rule(subject)
        findings += [finding for finding in results if finding.rule not in disabled]
    return sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity))


# Parsed articles ------------------------------------------------------------------------


def is_cited(text: str) -> bool:
    """Whether a passage names a source: a link, a numbered reference or a bracketed author, year or agency."""
    return CITATION_MARK.search(text) is not None


def subject_from_article(article: Article) -> AuditSubject:
    """Describe a parsed article for the audit: its text, headings and intro; no page, so no review yet."""
    passages = [Passage(article.summary.text, "summary", article.summary.line, is_cited(article.summary.html))]
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
    )


#: Rules about what only a page has; an article fresh from parsing has no reviewer or review dates yet.
PAGE_ONLY_RULES = frozenset({"review.no-reviewer", "review.no-date"})


def audit_article(
    article: Article, *, claim_rules: Sequence[ClaimRule] = CLAIM_RULES, disabled: Iterable[str] = ()
) -> list[Finding]:
    """Audit a parsed article: its claims, headings and introduction (review and disclaimers come with a page)."""
    return audit(subject_from_article(article), claim_rules=claim_rules, disabled={*disabled, *PAGE_ONLY_RULES})
