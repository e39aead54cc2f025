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

from . import claim_lexicon as lex
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


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


P = {name: _compile(value) for name, value in vars(lex).items() if name.isupper() and isinstance(value, str)}

#: Where a clause ends: what is negated before it does not reach past it.
CLAUSE_BREAK = _compile(
    r"[,;:()\[\]]|\s[-–—]\s|—|–|" + lex.CONTRAST + r"|\b(?:so|because|since|therefore|which|until)\b"
)
#: Negations that are words of their own ("never", "not"), which an intervening verb phrase ends, as in
#: "people who never used opioids can become dependent"; "no", "nobody" and "nothing" reach further.
VERBAL_NEGATION = _compile(r"\b(?:not|never|n'?t|cannot|can'?t|won'?t|wont|dont|doesnt|isnt|arent)\b|n't\b")
#: A verb phrase that starts a new assertion, ending the reach of a verbal negation before it.
SCOPE_END = _compile(
    r"\b(?:can|could|may|might|will|would|does|do|did|is|are)\s+(?:still\s+)?"
    r"(?:become|develop|cause|lead|trigger|result|be (?:serious|severe|fatal|dangerous))\b"
)
#: Words of help or treatment: a negation before one denies it, not the harm after it.
HELPING = _compile(lex.BENEFIT_VERB + "|" + lex.TREATING)
#: How many words before a concept a negation reaches.
NEGATION_REACH = 10
MINIMISER_REACH = 3
HEDGE_REACH = 8

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": " - ", "‑": "-"})
WORD = re.compile(r"\S+")


def normalise(text: str) -> str:
    """Lower-case text with straight quotes and hyphens, and single spaces, as the lexicon is written."""
    return " ".join(text.translate(QUOTES).lower().split())


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that makes a claim: its category, the sentence as written and the words that decided it."""

    category: str
    sentence: str
    cue: str
    #: Whether a hedge ("may", "a potential aid") comes shortly before the cue.
    hedged: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """One sentence, normalised, with the places where its clauses break."""

    text: str
    breaks: tuple[int, ...]
    original: str = ""

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``text[start:end]``, as offsets."""
        before = [b for b in self.breaks if b <= start]
        after = [b for b in self.breaks if b >= end]
        return (before[-1] if before else 0, after[0] if after else len(self.text))

    def negated(self, start: int, end: int, blocker: re.Pattern | None = None) -> bool:
        """Whether a negation in the same clause denies ``text[start:end]``: shortly before it, or after it.

        A ``blocker`` between the negation and the concept takes the negation for itself: in "won't
        repair a damaged liver" it is the repair that is denied, not the damage.
        """
        clause_start, clause_end = self.clause(start, end)
        before = self.text[clause_start:start]
        # A predicate after "and" with a negation of its own is read alone: "is not advice and cannot treat".
        head, _and, tail = before.rpartition(" and ")
        if head and P["NEGATION_BEFORE"].search(tail):
            before = tail
        words = WORD.findall(before)[-NEGATION_REACH:]
        window = " ".join(words)
        denials = 0
        for found in P["NEGATION_BEFORE"].finditer(window):
            between = window[found.end() :]
            if VERBAL_NEGATION.match(found.group(0)) and SCOPE_END.search(between):
                continue
            if P["PSEUDO_NEGATION"].match(window, found.start()):
                continue
            if blocker is not None and blocker.search(between):
                continue
            denials += 1
        # Two denials affirm: "not free of side effects", "no one is immune to dependence".
        if denials % 2:
            return True
        return bool(P["NEGATION_AFTER"].search(self.text[end:clause_end]))

    def minimised(self, start: int, end: int, verbs: bool = True) -> bool:
        """Whether the clause plays ``text[start:end]`` down: "low risk of", "is extremely rare", "as … as coffee".

        A minimiser answered by a later clause ("rare, but can be serious") does not count.
        """
        clause_start, clause_end = self.clause(start, end)
        words = WORD.findall(self.text[clause_start:start])[-MINIMISER_REACH:]
        by_kratom = bool(P["KRATOM"].search(self.text, clause_start, start))
        played_down = bool(P["MINIMISER_BEFORE"].search(" ".join(words))) or any(
            found.end() > start
            for found in P["MINIMISER_AFTER"].finditer(self.text, max(clause_start, start - 12), clause_end)
        )
        played_down = played_down or (verbs and by_kratom and bool(P["MINIMISER_VERB"].search(" ".join(words))))
        return played_down and not P["CONTRAST"].match(self.text[clause_end:].lstrip(" ,;"))

    def denied(self, start: int, end: int, blocker: re.Pattern | None = None, verbs: bool = True) -> bool:
        return self.negated(start, end, blocker) or self.minimised(start, end, verbs)

    def asserted(self, pattern: str, *, skip: re.Pattern | None = None) -> re.Match | None:
        """The first match of ``pattern`` that no negation denies (and that ``skip`` does not cover)."""
        for found in P[pattern].finditer(self.text):
            if skip is not None and _covered(skip, self.text, found):
                continue
            if not self.negated(found.start(), found.end()):
                return found
        return None

    def denied_match(
        self,
        pattern: str,
        *,
        skip: re.Pattern | None = None,
        blocker: re.Pattern | None = None,
        verbs: bool = True,
    ) -> re.Match | None:
        """The first match of ``pattern`` that a negation or a minimiser denies (``verbs``: "lowers" too)."""
        for found in P[pattern].finditer(self.text):
            if skip is not None and _covered(skip, self.text, found):
                continue
            if self.denied(found.start(), found.end(), blocker, verbs):
                return found
        return None


def _covered(pattern: re.Pattern, text: str, found: re.Match) -> bool:
    return any(other.start() <= found.start() and found.end() <= other.end() for other in pattern.finditer(text))


def read(sentence: str) -> Reading:
    """``sentence`` normalised, with its clause breaks (both edges of each break)."""
    text = normalise(sentence)
    breaks = {edge for found in CLAUSE_BREAK.finditer(text) for edge in (found.start(), found.end())}
    return Reading(text, tuple(sorted(breaks)), sentence)


#: A source named in the text: a link, a numbered reference, an author–year or an agency in brackets.
CITATION_MARK = re.compile(
    r"<a\s[^>]*href="
    r"|\[\d+(?:\s*[,–-]\s*\d+)*\]"
    r"|\((?-i:[A-Z])[^()]*\b(?:1[89]|20)\d{2}[a-z]?\)"
    r"|\((?:[^()]*\s)?(?-i:LiverTox|NIH|NIDA|NCBI|CDC|MMWR|FDA|WHO|EMCDDA|NHS|PubMed)\b[^()]*\)"
    r"|\bdoi\.org/|\bPMID:?\s*\d",
    re.IGNORECASE,
)


def is_cited(text: str) -> bool:
    """Whether ``text`` names a source: a link, a numbered reference or a bracketed author, year or agency."""
    return CITATION_MARK.search(text) is not None


# Status: whether the sentence asserts anything of its own ----------------------------------


def is_question(text: str) -> bool:
    return text.rstrip(" \"')").endswith("?")


def is_reported(reading: Reading, position: int) -> bool:
    """Whether what is said at ``position`` is someone else's word or practice, or doubted in the sentence."""
    text = reading.text
    if any(found.start() < position for found in P["ATTRIBUTION"].finditer(text)):
        return True
    return bool(
        P["DOUBT_AFTER"].search(text)
        or P["UNCERTAIN"].search(text)
        or P["REPORTED_USE"].search(text)
        or P["PURPOSE_OF_USE"].search(text)
    )


def is_hedged(reading: Reading, position: int) -> bool:
    """Whether a hedge comes within a few words before ``position``, in its clause."""
    clause_start, _end = reading.clause(position, position)
    words = WORD.findall(reading.text[clause_start:position])[-HEDGE_REACH:]
    return bool(P["HEDGE"].search(" ".join(words)))


def is_hypothetical(reading: Reading, position: int) -> bool:
    """Whether ``position`` is inside an "if" or "unless" clause."""
    clause_start, _end = reading.clause(position, position)
    return bool(P["HYPOTHETICAL"].search(reading.text[clause_start:position]))


def warns(reading: Reading) -> bool:
    """Whether the sentence is a warning: it says something is unsafe, or that no amount is safe."""
    return bool(P["WARNING"].search(reading.text)) or any(
        reading.negated(found.start(), found.end())
        for found in P["SAFETY_BENEFIT"].finditer(reading.text)
        if not _covered(P["SAFETY_NOT_A_CLAIM"], reading.text, found)
    )


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
