"""Sort an article's sections into overview, risk and safe-use material, and say why.

An article becomes a topic hub (overview sections) with up to two children: a risk
section page for its risk material and a safe-use guide for its practical guidance.
Cues in a heading weigh more than cues in the text under it; a section with no clear
lead stays on the hub. Every decision carries a reason an editor can check.
"""

import re
from collections import Counter
from dataclasses import dataclass

from .article import Article, Section

OVERVIEW = "overview"
RISK = "risk"
SAFE_USE = "safe_use"
ROLES = (OVERVIEW, RISK, SAFE_USE)

#: Words and phrases that point to each kind of material, matched case-insensitively at word starts.
CUES: dict[str, tuple[str, ...]] = {
    RISK: (
        "risk",
        "danger",
        "harmful",
        "harms",
        "adverse",
        "side effect",
        "toxic",
        "liver injur",
        "liver damage",
        "liver health",
        "hepat",
        "overdose",
        "dependence",
        "addictive",
        "seizure",
        "death",
        "poison",
        "contaminat",
        "warning sign",
        "concern",
    ),
    SAFE_USE: (
        "safe use",
        "safer use",
        "safety",
        "safely",
        "dose",
        "dosage",
        "dosing",
        "start low",
        "how to use",
        "strateg",
        "tips",
        "practical",
        "harm reduction",
        "responsib",
        "consult",
        "monitor",
        "routine",
        "avoid mixing",
        "when to get help",
    ),
    OVERVIEW: (
        "understanding",
        "what is",
        "overview",
        "introduction",
        "background",
        "history",
        "mechanism",
        "how it works",
        "how kratom works",
        "exploring",
        "benefit",
        "research",
    ),
}

#: How much a cue in the heading counts against one in the text.
HEADING_WEIGHT = 3
#: The least score a risk or safe-use lead needs before the section leaves the hub (one heading cue will do).
MIN_LEAD = HEADING_WEIGHT


@dataclass(frozen=True, slots=True)
class SectionClassification:
    """Where one section belongs, and the cues that decided it."""

    section: Section
    role: str
    reason: str


def _cue_pattern(cue: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(cue).replace(r"\ ", r"\s+"), re.IGNORECASE)


CUE_PATTERNS = {role: [(cue, _cue_pattern(cue)) for cue in cues] for role, cues in CUES.items()}


def find_cues(text: str) -> dict[str, Counter]:
    """Count the cues of each role in ``text``."""
    return {
        role: Counter({cue: len(pattern.findall(text)) for cue, pattern in patterns if pattern.search(text)})
        for role, patterns in CUE_PATTERNS.items()
    }


def classify_section(section: Section, subsections: tuple[Section, ...] = ()) -> SectionClassification:
    """Decide whether ``section`` (with its sub-sections) is overview, risk or safe-use material."""
    heading_cues = find_cues(section.heading)
    text = " ".join(paragraph.text for part in (section, *subsections) for paragraph in part.paragraphs)
    text_cues = find_cues(text)
    scores = {
        role: HEADING_WEIGHT * sum(heading_cues[role].values()) + min(sum(text_cues[role].values()), 6)
        for role in ROLES
    }
    lead = max((RISK, SAFE_USE), key=lambda role: (scores[role], role == RISK))
    # On a tie the practical reading wins: a reader looking for risks or guidance should find the section.
    role = lead if scores[lead] >= MIN_LEAD and scores[lead] >= scores[OVERVIEW] else OVERVIEW
    return SectionClassification(section, role, _reason(role, heading_cues, text_cues, scores))


def _reason(role: str, heading_cues: dict[str, Counter], text_cues: dict[str, Counter], scores: dict) -> str:
    def quoted(cues: Counter) -> str:
        return ", ".join(f"“{cue}”" + (f" ×{count}" if count > 1 else "") for cue, count in cues.most_common(4))

    parts = []
    if heading_cues[role]:
        parts.append(f"heading mentions {quoted(heading_cues[role])}")
    if text_cues[role]:
        parts.append(f"text mentions {quoted(text_cues[role])}")
    scored = ", ".join(f"{name} {scores[name]}" for name in ROLES)
    if role == OVERVIEW and not parts:
        return f"no risk or safe-use cue leads (scores: {scored}); kept on the hub"
    if role == OVERVIEW:
        return f"{'; '.join(parts)}; no risk or safe-use lead (scores: {scored}); kept on the hub"
    return f"{'; '.join(parts)} (scores: {scored})"


def classify(article: Article) -> list[SectionClassification]:
    """Classify each level-2 section of ``article``; sub-sections go where their section goes."""
    results = []
    sections = article.sections
    for index, section in enumerate(sections):
        if section.is_subsection:
            continue
        subsections = []
        for following in sections[index + 1 :]:
            if not following.is_subsection:
                break
            subsections.append(following)
        decided = classify_section(section, tuple(subsections))
        results.append(decided)
        results += [SectionClassification(sub, decided.role, f"part of “{section.heading}”") for sub in subsections]
    return results
