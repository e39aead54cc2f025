"""Find unsafe health claims by what a sentence means, not by the words it happens to use.

Each sentence is read the way NegEx and ConText read clinical notes (Chapman et al., 2001
and 2009): first the *concepts* it speaks of (dependence, liver injury, combining with
alcohol...), with their synonyms and word forms from ``claim_lexicon``; then, for each
concept, its *polarity* (asserted, denied, played down) within the clause it sits in; then
the sentence's *status* (a question, a doubt, a report of what others say or do, a
hypothetical). A harm that is asserted ("kratom can cause dependence") is careful writing;
a harm that is denied or played down ("there is no risk of dependence") is a claim, and so
is a benefit asserted ("kratom protects the liver"). Why the rules are hand-written rather
than medspacy's: docs/importer-and-audit.md, "How claims are detected".
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .claim_reading import CITATION_MARK as CITATION_MARK
from .claim_reading import (
    HELPING,
    P,
    Reading,
    is_cited,
    is_hedged,
    is_hypothetical,
    is_question,
    is_reported,
    read,
    warns,
)
from .claim_reading import normalise as normalise
from .sentences import split_sentences

LIVER_BENEFIT = "liver-benefit"
NO_DEPENDENCE = "no-dependence"
ABSOLUTE_SAFETY = "absolute-safety"
SAFE_COMBINATION = "safe-combination"
REPLACES_TREATMENT = "replaces-treatment"
CURE = "cure"
NATURAL_MEANS_SAFE = "natural-means-safe"
DOSING_AS_SAFE = "dosing-as-safe"
UNSOURCED_RESEARCH = "unsourced-research"

#: Every category, in the order a sentence that fits several is given one: the most specific first.
CATEGORIES = (
    SAFE_COMBINATION,
    NATURAL_MEANS_SAFE,
    DOSING_AS_SAFE,
    LIVER_BENEFIT,
    NO_DEPENDENCE,
    REPLACES_TREATMENT,
    CURE,
    ABSOLUTE_SAFETY,
    UNSOURCED_RESEARCH,
)


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that makes a claim: its category, the sentence as written and the words that decided it."""

    category: str
    sentence: str
    cue: str
    #: Whether a hedge ("may", "a potential aid") comes shortly before the cue.
    hedged: bool = False


# Categories ----------------------------------------------------------------------------------


#: How far, in characters, a word about the liver may be from what is said of it.
LIVER_REACH = 50


def liver_benefit(reading: Reading) -> re.Match | None:
    """A benefit to the liver asserted, or harm to it denied, near a word for the liver."""
    livers = [found.span() for found in P["LIVER"].finditer(reading.text)]
    if not livers:
        return None

    def near(found: re.Match) -> bool:
        clause = reading.clause(found.start(), found.end())
        return any(
            found.start() - LIVER_REACH <= end
            and start <= found.end() + LIVER_REACH
            and reading.clause(start, end) == clause
            for start, end in livers
        )

    for found in P["LIVER_BENEFIT"].finditer(reading.text):
        if near(found) and not reading.negated(found.start(), found.end()):
            return found
    for found in P["LIVER_HARM"].finditer(reading.text):
        if near(found) and reading.denied(found.start(), found.end(), P["LIVER_BENEFIT"]):
            return found
    return None


def no_dependence(reading: Reading) -> re.Match | None:
    return reading.asserted("DEPENDENCE_BENEFIT") or reading.denied_match(
        # "Kratom reduces cravings" is a treatment claim (cure), not a claim about kratom dependence.
        "DEPENDENCE_HARM",
        skip=P["OTHER_DEPENDENCE"],
        blocker=HELPING,
        verbs=False,
    )


def safety(reading: Reading) -> re.Match | None:
    """Safety asserted, or harm denied, of kratom; "safe place", "more safely" and quoted "safe" are not."""
    if warns(reading):
        return None
    return reading.asserted("SAFETY_BENEFIT", skip=P["SAFETY_NOT_A_CLAIM"]) or reading.denied_match(
        "SAFETY_HARM", blocker=P["BENEFIT_VERB"]
    )


def absolute_safety(reading: Reading) -> re.Match | None:
    found = safety(reading)
    if found is None or _about_other_agent(reading, found.start()):
        return None
    return found


#: Where an imperative can open a clause: the sentence start, punctuation, "and" or "then".
CLAUSE_OPENING = re.compile(r"^|[,;:(]|\b(?:and|then)\b")


def _clause_opening(reading: Reading, pattern: str) -> re.Match | None:
    """The first match of ``pattern`` where a clause opens, as an imperative does."""
    for opening in CLAUSE_OPENING.finditer(reading.text):
        if found := P[pattern].match(reading.text, opening.end()):
            return found
    return None


def safe_combination(reading: Reading) -> re.Match | None:
    text = reading.text
    combining = P["COMBINING"].search(text) or P["TAKEN_WITH"].search(text) or P["COMBINING_FINE"].search(text)
    if not combining or not P["SUBSTANCE"].search(text):
        return None
    if warns(reading):
        return None
    return (
        # Advice to combine: "pair kratom with a glass of wine".
        _clause_opening(reading, "COMBINING_IMPERATIVE_AT")
        or reading.asserted("COMBINING_FINE")
        or reading.asserted("SAFETY_BENEFIT", skip=P["SAFETY_NOT_A_CLAIM"])
        or reading.denied_match("COMBINING_HARM", blocker=P["BENEFIT_VERB"])
    )


def replaces_treatment(reading: Reading) -> re.Match | None:
    if not P["TREATMENT"].search(reading.text) or P["WARNING"].search(reading.text):
        return None
    found = reading.asserted("REPLACING")
    if found is None or _about_other_agent(reading, found.start()):
        return None
    return found


def cure(reading: Reading) -> re.Match | None:
    for found in P["TREATING"].finditer(reading.text):
        clause_start, clause_end = reading.clause(found.start(), found.end())
        near = reading.text[max(clause_start, found.start() - 60) : min(clause_end + 40, found.end() + 80)]
        if not P["CONDITION"].search(near) or P["NOT_TREATING"].match(reading.text, found.start()):
            continue
        if reading.negated(found.start(), found.end()) or _about_other_agent(reading, found.start()):
            continue
        return found
    return None


def natural_means_safe(reading: Reading) -> re.Match | None:
    if not P["NATURAL"].search(reading.text):
        return None
    return reading.asserted("NATURAL_BENEFIT") or safety(reading)


def dosing_as_safe(reading: Reading) -> re.Match | None:
    text = reading.text
    if P["DOSING_NOT_ADVICE"].search(text) or warns(reading):
        return None
    if P["SUBSTANCE"].search(text) and not P["KRATOM"].search(text):
        return None  # the amount is of another medicine: "keep paracetamol within the dose on the pack"
    amount = reading.asserted("DOSE")
    # A dosing verb opening a clause ("take", "start", "double"), as advice does.
    imperative = _clause_opening(reading, "DOSING_IMPERATIVE_AT")
    schedule = imperative and P["FREQUENCY"].search(text) and P["KRATOM"].search(text)
    if amount is None and not schedule:
        return None
    if imperative:
        return imperative
    return reading.asserted("DOSING_ADVICE", skip=P["SAFETY_NOT_A_CLAIM"]) if amount else None


def unsourced_research(reading: Reading) -> re.Match | None:
    text = reading.text
    if is_cited(reading.original) or P["SOURCE_NAMED"].search(text):
        return None
    proven = reading.asserted("PROVEN")
    if proven:
        return proven
    for found in P["RESEARCH_SAYS"].finditer(text):
        if not reading.negated(found.start(), found.end()):
            return None if _says_harm(reading) else found
    return None


def _says_harm(reading: Reading) -> bool:
    """Whether the sentence reports a harm (research cited for a risk is careful, if unsourced)."""
    harms = (
        ("SAFETY_HARM", "DEPENDENCE_HARM", "LIVER_HARM")
        if P["LIVER"].search(reading.text)
        else ("SAFETY_HARM", "DEPENDENCE_HARM")
    )
    reports_harm = bool(P["HARM_VERB"].search(reading.text)) or any(reading.asserted(name) for name in harms)
    return reports_harm and not reading.asserted("SAFETY_BENEFIT", skip=P["SAFETY_NOT_A_CLAIM"])


def _about_other_agent(reading: Reading, position: int) -> bool:
    """Whether the sentence speaks of another agent (methadone, a doctor) rather than kratom at ``position``."""
    before = reading.text[:position]
    return bool(P["OTHER_AGENT"].search(before)) and not P["KRATOM"].search(before)


DETECTORS = {
    LIVER_BENEFIT: liver_benefit,
    NO_DEPENDENCE: no_dependence,
    ABSOLUTE_SAFETY: absolute_safety,
    SAFE_COMBINATION: safe_combination,
    REPLACES_TREATMENT: replaces_treatment,
    CURE: cure,
    NATURAL_MEANS_SAFE: natural_means_safe,
    DOSING_AS_SAFE: dosing_as_safe,
    UNSOURCED_RESEARCH: unsourced_research,
}


@lru_cache(maxsize=4096)
def detect(sentence: str) -> Claim | None:
    """The claim ``sentence`` makes, or None for careful writing, a question or someone else's words."""
    reading = read(sentence)
    if not reading.text or is_question(reading.text):
        return None
    for category in CATEGORIES:
        found = DETECTORS[category](reading)
        if found is None or is_reported(reading, found.start()) or is_hypothetical(reading, found.start()):
            continue
        return Claim(category, sentence, found.group(0), is_hedged(reading, found.start()))
    return None


def find_claims(text: str) -> list[Claim]:
    """Every claim in ``text``, one per sentence, in reading order."""
    return [claim for _offset, sentence in split_sentences(text) if (claim := detect(sentence))]
