"""Lay a parsed article out as pages: a topic hub with a risk page and a safe-use guide below it.

The result is plain data in the shape Wagtail's StreamFields store (``PageDraft``), so
the Wagtail importer only writes it. Sections go where ``classify`` puts them; facts
found by ``extract`` in a safe-use section become structured blocks in that section,
each marked for the editor to confirm (``EXTRACTED_NOTE_PREFIX``); strain names go to
the hub's "at a glance" facts.
"""

import html
from dataclasses import dataclass, field, replace

from .article import LIST_TAGS, MAX_SUMMARY_CHARS, Article, Paragraph, Section, shorten, slugify
from .claims import detect
from .classify import OVERVIEW, RISK, SAFE_USE, SectionClassification, classify
from .extract import ExtractedFacts, extract
from .sentences import split_sentences

#: Starts the note of every structured item the importer extracted, until an editor rewrites it.
EXTRACTED_NOTE_PREFIX = "Extracted from the source, to confirm:"

#: The slugs of the child pages under their hub.
CHILD_SLUGS = {RISK: "risks", SAFE_USE: "safer-use"}
CHILD_TITLE_SUFFIXES = {RISK: "risks", SAFE_USE: "safer use"}


@dataclass(frozen=True)
class PlanChoices:
    """An editor's changes to a plan, keyed by a section's index in ``Article.sections``.

    Only level-2 sections are keyed; their sub-sections follow them. ``titles`` maps a
    role (``overview`` for the hub) to the title of its page.
    """

    roles: dict[int, str] = field(default_factory=dict)
    left_out: frozenset[int] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PageDraft:
    """Field values for one page, with the reasons for what went into it."""

    role: str
    title: str
    slug: str
    summary: str
    intro: str
    body: list[dict]
    conclusion: str = ""
    at_a_glance: list[dict] = field(default_factory=list)
    reasons: tuple[str, ...] = ()
    children: tuple["PageDraft", ...] = ()
    #: Facts found in sections that have no structured block to hold them, for the import report.
    unplaced_facts: tuple[str, ...] = ()


def paragraphs_html(paragraphs: tuple[Paragraph, ...]) -> str:
    """Rich-text HTML for a run of paragraphs, with consecutive list items grouped into lists."""
    parts: list[str] = []
    open_list = None
    for paragraph in paragraphs:
        tag = LIST_TAGS.get(paragraph.kind)
        if tag != open_list:
            if open_list:
                parts.append(f"</{open_list}>")
            if tag:
                parts.append(f"<{tag}>")
            open_list = tag
        parts.append(f"<li>{paragraph.html}</li>" if tag else f"<p>{paragraph.html}</p>")
    if open_list:
        parts.append(f"</{open_list}>")
    return "".join(parts)


def _note(quote: str) -> str:
    return shorten(f"{EXTRACTED_NOTE_PREFIX} “{quote}”", 300)


def fact_blocks(facts: ExtractedFacts) -> list[dict]:
    """Structured safe-use blocks for the doses, tests and interactions in ``facts``."""
    blocks = []
    if facts.doses:
        rows = [
            {
                "form": dose.form,
                "route": "oral",
                "min": str(dose.min),
                "max": str(dose.max),
                "unit": dose.unit,
                "note": _note(dose.quote),
            }
            for dose in facts.doses
        ]
        blocks.append({"type": "dosage", "value": {"rows": rows, "citations": []}})
    if facts.monitoring:
        rows = [{"test": fact.test, "frequency": "", "reason": _note(fact.quote)} for fact in facts.monitoring]
        blocks.append({"type": "monitoring", "value": {"rows": rows}})
    if facts.interactions:
        rows = [
            {"substance": fact.substance, "risk": "unknown", "note": _note(fact.quote), "citations": []}
            for fact in facts.interactions
        ]
        blocks.append({"type": "interactions", "value": {"rows": rows}})
    return blocks


def _section_block(section: Section, subsections: list[Section], extra_blocks: list[dict]) -> dict:
    content = [{"type": "paragraph", "value": paragraphs_html(section.paragraphs)}] if section.paragraphs else []
    for sub in subsections:
        content.append(
            {"type": "paragraph", "value": f"<h3>{html.escape(sub.heading)}</h3>" + paragraphs_html(sub.paragraphs)}
        )
    return {
        "type": "section",
        "value": {"heading": section.heading, "health_aspect": "", "content": content + extra_blocks},
    }


def leads_with_claim(paragraph: Paragraph) -> bool:
    """Whether the paragraph's first sentence is one the claim audit flags."""
    first = split_sentences(paragraph.text)[:1]
    return bool(first) and detect(first[0][1]) is not None


def _summary_from(paragraphs: list[Paragraph], limit: int, fallback: str) -> str:
    """A child page's summary: whole sentences the claim audit does not flag, in order, within the limit.

    A sentence is never cut: one longer than the limit is kept whole, and the audit's
    ``summary.too-long`` asks an editor to shorten it. With no unflagged sentence, ``fallback``.
    """
    summary = ""
    for paragraph in paragraphs:
        for _offset, sentence in split_sentences(paragraph.text):
            if detect(sentence) is not None:
                continue
            if summary and len(summary) + 1 + len(sentence) > limit:
                return summary
            summary = f"{summary} {sentence}".strip()
    return summary or fallback


def _groups(classified: list[SectionClassification]) -> list[tuple[SectionClassification, list[Section]]]:
    """Each level-2 section's classification with the sub-sections that belong to it."""
    groups: list[tuple[SectionClassification, list[Section]]] = []
    for decided in classified:
        if decided.section.is_subsection and groups:
            groups[-1][1].append(decided.section)
        else:
            groups.append((decided, []))
    return groups


def apply_choices(
    classified: list[SectionClassification], article: Article, choices: PlanChoices
) -> list[SectionClassification]:
    """``classified`` with the editor's roles in place of the classifier's, less the sections left out."""
    index_of = {id(section): index for index, section in enumerate(article.sections)}
    result, leaving = [], False
    for decided in classified:
        index = index_of[id(decided.section)]
        if not decided.section.is_subsection:
            leaving = index in choices.left_out
            role = choices.roles.get(index, decided.role)
            if role != decided.role:
                decided = SectionClassification(decided.section, role, "chosen by an editor")
        elif result and result[-1].role != decided.role:
            decided = SectionClassification(decided.section, result[-1].role, decided.reason)
        if not leaving:
            result.append(decided)
    return result


def plan_import(
    article: Article, *, summary_limit: int = MAX_SUMMARY_CHARS, choices: PlanChoices | None = None
) -> PageDraft:
    """The hub for ``article`` with its risk and safe-use children, ready to be written as drafts.

    ``choices`` carries an editor's changes from the import preview: roles, sections left out, titles.
    """
    classified = classify(article)
    if choices is not None:
        classified = apply_choices(classified, article, choices)
    titles = choices.titles if choices is not None else {}
    groups = _groups(classified)
    if groups and not any(decided.role == OVERVIEW for decided, _subs in groups):
        first, subs = groups[0]
        groups[0] = (SectionClassification(first.section, OVERVIEW, "a hub needs a section; the first one stays"), subs)
    by_role: dict[str, list[tuple[SectionClassification, list[Section]]]] = {OVERVIEW: [], RISK: [], SAFE_USE: []}
    for decided, subs in groups:
        by_role[decided.role].append((decided, subs))

    def reasons(role: str) -> tuple[str, ...]:
        return tuple(f"“{decided.section.heading}”: {decided.reason}" for decided, _subs in by_role[role])

    children = []
    unplaced = []
    for role in (RISK, SAFE_USE):
        if not by_role[role]:
            continue
        # The first paragraph opens the page as its introduction; it moves out of its section when the
        # section has more to say, and is repeated only when it is the section's one paragraph. A paragraph
        # that opens with a sentence the claim audit flags never opens the page: it stays in its section.
        first = by_role[role][0][0].section
        opening = next((p for p in first.paragraphs if not leads_with_claim(p)), None)
        placed = [(decided.section, decided.section, subs) for decided, subs in by_role[role]]
        if opening is not None and len(first.paragraphs) > 1:
            rest = tuple(p for p in first.paragraphs if p is not opening)
            placed[0] = (first, replace(first, paragraphs=rest), placed[0][2])
        sections = [_section(original, shown, subs, role, unplaced) for original, shown, subs in placed]
        title = titles.get(role) or (
            first.heading if len(by_role[role]) == 1 else shorten(f"{article.title}: {CHILD_TITLE_SUFFIXES[role]}")
        )
        role_paragraphs = [
            p for decided, subs in by_role[role] for part in (decided.section, *subs) for p in part.paragraphs
        ]
        summary = _summary_from(role_paragraphs, summary_limit, f"{title}.")
        children.append(
            PageDraft(
                role=role,
                title=title,
                slug=CHILD_SLUGS[role],
                summary=summary,
                intro=paragraphs_html((opening,)) if opening is not None else f"<p>{html.escape(summary)}</p>",
                body=sections,
                reasons=reasons(role),
            )
        )
    for decided, subs in by_role[OVERVIEW]:
        found = extract(p for part in (decided.section, *subs) for p in part.paragraphs)
        unplaced += _describe_unplaced(decided.section, found)
    strains = extract(article.iter_paragraphs()).strains
    at_a_glance = (
        [
            {
                "type": "at_a_glance",
                "value": {
                    "scientific_name": "Mitragyna speciosa",
                    "other_names": [strain.name for strain in strains],
                    "main_alkaloids": [],
                    "legal_status_summary": "",
                },
            }
        ]
        if strains
        else []
    )
    return PageDraft(
        role=OVERVIEW,
        title=titles.get(OVERVIEW) or article.title,
        # The slug stays the article's, so a re-import with a retitled hub still finds its pages.
        slug=slugify(article.title),
        # Kept whole even over the limit: the audit's summary.too-long blocks going live until an editor
        # shortens it, where a cut would silently drop whatever came last (often the caution).
        summary=" ".join(article.summary.text.split()),
        intro=paragraphs_html(article.intro),
        body=[_section_block(decided.section, subs, []) for decided, subs in by_role[OVERVIEW]],
        conclusion=paragraphs_html(article.conclusion),
        at_a_glance=at_a_glance,
        reasons=reasons(OVERVIEW),
        children=tuple(children),
        unplaced_facts=tuple(unplaced),
    )


def _section(original: Section, shown: Section, subsections: list[Section], role: str, unplaced: list[str]) -> dict:
    """The section block for ``shown`` (``original`` less any paragraph moved to the intro), with its facts."""
    found = extract(p for part in (original, *subsections) for p in part.paragraphs)
    if role == SAFE_USE:
        return _section_block(shown, subsections, fact_blocks(found))
    unplaced += _describe_unplaced(original, found)
    return _section_block(shown, subsections, [])


def _describe_unplaced(section: Section, facts: ExtractedFacts) -> list[str]:
    described = [f"dose {fact.min}–{fact.max} {fact.unit}" for fact in facts.doses]
    described += [f"monitoring: {fact.test}" for fact in facts.monitoring]
    described += [f"interaction: {fact.substance}" for fact in facts.interactions]
    return [f"{item} (in “{section.heading}”, line {section.line})" for item in described]
