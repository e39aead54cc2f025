"""How ``claims`` reads a sentence: normalised, split into clauses, with the polarity and status of what it says.

The polarity of a concept (asserted, denied, played down) is read within its clause, as NegEx and ConText
read clinical notes; the status of the sentence (a question, a report, a hedge, a hypothetical) decides
whether it asserts anything of its own. Citations are recognised here too (``is_cited``).
"""

import re
from dataclasses import dataclass

from . import claim_lexicon as lex


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
            if skip is not None and is_covered(skip, self.text, found):
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
            if skip is not None and is_covered(skip, self.text, found):
                continue
            if self.denied(found.start(), found.end(), blocker, verbs):
                return found
        return None


def is_covered(pattern: re.Pattern, text: str, found: re.Match) -> bool:
    """Whether a match of ``pattern`` in ``text`` spans all of ``found``."""
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
        if not is_covered(P["SAFETY_NOT_A_CLAIM"], reading.text, found)
    )
