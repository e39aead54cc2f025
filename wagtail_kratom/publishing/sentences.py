"""Split prose into sentences: one rule for the claim audit, the fact extractor and the page planner.

A finding quotes the sentence it is about and a fact keeps the sentence it came from, so all of
them cut text at the same places, and "Dr. Lee" or "e.g. tea" never ends a sentence.
"""

import re

#: Where one sentence ends and the next begins: after . ! or ? (with any closing quote, bracket or reference
#: mark) and before the next word; not after "e.g.", "Dr.", "et al.", "approx." or an initial. The lookahead
#: for the punctuation comes first so that the lookbehinds run only where a sentence can end (ten times faster).
SENTENCE_END = re.compile(
    r"(?=[.!?])(?<!\be\.g)(?<!\bi\.e)(?<!\bet al)(?<!\betc)(?<!\bvs)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bNo)"
    r"(?<!\bapprox)(?<!\bincl)(?<!\bcf)(?<!\bfig)(?<!\b[A-Za-z])"
    r"[.!?]+[\"'”’)\]]*(?:\s*\[\d+(?:[,–-]\s*\d+)*\])?(?=\s+[\"'“‘(\[]?[A-Za-z0-9])"
)


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text``, each with its offset, as written (only surrounding space stripped)."""
    found = []
    start = 0
    for end in SENTENCE_END.finditer(text):
        found.append((start, text[start : end.end()]))
        start = end.end()
    found.append((start, text[start:]))
    result = []
    for offset, sentence in found:
        stripped = sentence.strip()
        if stripped:
            result.append((offset + sentence.index(stripped[0]), stripped))
    return result
