"""The audit's health-claim rule: a finding per sentence ``claims`` reads as a claim, and a project's phrases.

Each claim category has its rule id, severity and message here (``CLAIM_CATEGORIES``); a project can add
phrase rules of its own (``ClaimRule``).
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import claims
from .claims import is_cited
from .findings import ERROR, WARNING, Finding
from .sentences import split_sentences
from .subject import AuditSubject, Passage


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
