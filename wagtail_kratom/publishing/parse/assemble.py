"""What the readers share once they have found an article's parts: the rules that make them an ``Article``.

Every reader ends in ``finish_article``, which checks the sections, splits off the conclusion
and settles the title. The HTML and Markdown readers first cut their input into ``Block``s
and hand them to ``assemble_article``, which finds the title, the front matter and the
table of contents.
"""

from dataclasses import dataclass, field

from ..article import MAX_TITLE_CHARS, PARAGRAPH, Article, Paragraph, Section, derive_title, heading_key
from ..errors import ArticleParseError
from .block_builder import HEADING, Block

#: Headings of an explicit conclusion section in HTML and Markdown (compared case-insensitively).
CONCLUSION_HEADINGS = frozenset({"conclusion", "conclusions", "in conclusion", "final thoughts"})


@dataclass(slots=True)
class SectionDraft:
    """A section while a reader collects its paragraphs."""

    heading: str
    line: int
    level: int = 2
    paragraphs: list[Paragraph] = field(default_factory=list)


def assemble_article(blocks: list[Block], *, title: str | None, source_format: str) -> Article:
    """Build the article from HTML or Markdown blocks: title, front matter, contents, sections, conclusion."""
    label = "HTML" if source_format == "html" else "Markdown"
    h1s = [block for block in blocks if block.kind == HEADING and block.level == 1]
    if len(h1s) > 1:
        raise ArticleParseError(
            f"a second top-level heading “{h1s[1].text}”; the first (line {h1s[0].line}) is the title, "
            "so use second-level headings for sections",
            h1s[1].line,
        )
    blocks = [block for block in blocks if not (block.kind == HEADING and block.level == 1)]
    headings = [block for block in blocks if block.kind == HEADING]
    if not headings:
        raise ArticleParseError(
            f"the {label} has no section headings ("
            + ("h2" if source_format == "html" else "##")
            + "), so it has no sections"
        )
    top = min(block.level for block in headings)
    first = blocks.index(headings[0])
    front, rest = blocks[:first], blocks[first:]

    contents: tuple[str, ...] = ()
    heading_texts = {block.text for block in headings}
    for list_id in dict.fromkeys(block.list_id for block in front if block.list_id):
        items = [block for block in front if block.list_id == list_id]
        matches = sum(block.text in heading_texts for block in items)
        if not matches or 2 * matches < len(items):
            continue
        listed: dict[str, int] = {}
        for item in items:
            if item.text not in heading_texts:
                raise ArticleParseError(
                    f"the table of contents lists “{item.text}”, but no heading matches it", item.line
                )
            if item.text in listed:
                raise ArticleParseError(
                    f"the table of contents lists “{item.text}” twice (also on line {listed[item.text]})", item.line
                )
            listed[item.text] = item.line
        contents = tuple(listed)
        front = [block for block in front if block.list_id != list_id]
        break

    if len(front) < 2:
        where = "nothing" if not front else "only one paragraph"
        raise ArticleParseError(
            f"there is {where} before the first heading “{headings[0].text}”; the article needs a summary "
            "(the first paragraph) and an introduction (the next) before its sections",
            front[0].line if front else headings[0].line,
        )

    drafts: list[SectionDraft] = []
    for block in rest:
        if block.kind == HEADING:
            level = 2 if block.level == top or not drafts else 3
            drafts.append(SectionDraft(block.text, block.line, level))
        else:
            drafts[-1].paragraphs.append(block.paragraph())

    conclusion = None
    explicit = [
        i for i, draft in enumerate(drafts) if draft.level == 2 and heading_key(draft.heading) in CONCLUSION_HEADINGS
    ]
    if explicit:
        if len(explicit) > 1:
            second = drafts[explicit[1]]
            raise ArticleParseError(
                f"a second conclusion section “{second.heading}” (the first is on line {drafts[explicit[0]].line})",
                second.line,
            )
        index = explicit[0]
        draft = drafts[index]
        if index + 1 < len(drafts) and drafts[index + 1].level > 2:
            raise ArticleParseError(
                f"the conclusion section “{draft.heading}” has sub-sections; a conclusion is paragraphs only",
                drafts[index + 1].line,
            )
        if not draft.paragraphs:
            raise ArticleParseError(f"the section “{draft.heading}” has no paragraphs", draft.line)
        conclusion = tuple(draft.paragraphs)
        del drafts[index]
        if not drafts:
            raise ArticleParseError("the article has no sections besides its conclusion", draft.line)

    heading = h1s[0] if h1s else None
    return finish_article(
        title=title,
        heading=heading,
        summary=front[0].paragraph(),
        intro=tuple(block.paragraph() for block in front[1:]),
        drafts=drafts,
        conclusion=conclusion,
        source_format=source_format,
        contents=contents,
    )


def finish_article(
    *,
    title: str | None,
    heading: Block | None,
    summary: Paragraph,
    intro: tuple[Paragraph, ...],
    drafts: list[SectionDraft],
    conclusion: tuple[Paragraph, ...] | None,
    source_format: str,
    contents: tuple[str, ...],
) -> Article:
    """Check the sections, split off the conclusion and settle the title: the rules every format shares."""
    seen: dict[str, int] = {}
    for draft in drafts:
        if draft.level != 2:
            continue
        if draft.heading in seen:
            raise ArticleParseError(
                f"the heading “{draft.heading}” appears twice (first on line {seen[draft.heading]})", draft.line
            )
        seen[draft.heading] = draft.line
    for index, draft in enumerate(drafts):
        has_subsections = index + 1 < len(drafts) and drafts[index + 1].level > draft.level
        if not draft.paragraphs and not has_subsections:
            raise ArticleParseError(f"the section “{draft.heading}” has no paragraphs", draft.line)

    if conclusion is None:
        last = drafts[-1]
        final = last.paragraphs[-1]
        if final.kind != PARAGRAPH:
            raise ArticleParseError(
                "the article ends with a list item, but its last paragraph must be the conclusion", final.line
            )
        if len(last.paragraphs) == 1:
            raise ArticleParseError(
                f"the last section “{last.heading}” has only one paragraph, and the article's last paragraph is "
                "its conclusion, so the section would be empty; add the conclusion as a paragraph of its own",
                last.line,
            )
        last.paragraphs.pop()
        conclusion = (final,)

    sections = tuple(Section(d.heading, tuple(d.paragraphs), d.line, d.level) for d in drafts)
    if title is not None:
        title, title_source = _check_title(title, None, "the title given"), "given"
    elif heading is not None:
        title, title_source = _check_title(heading.text, heading.line, "the title heading"), "heading"
    else:
        title, title_source = derive_title(sections, summary), "derived"
    return Article(
        title=title,
        summary=summary,
        intro=intro,
        sections=sections,
        conclusion=conclusion,
        source_format=source_format,
        contents=contents,
        title_source=title_source,
    )


def _check_title(title: str, line: int | None, what: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ArticleParseError(f"{what} is empty", line)
    if len(title) > MAX_TITLE_CHARS:
        raise ArticleParseError(
            f"{what} is {len(title)} characters long; keep it to {MAX_TITLE_CHARS} or give a shorter title", line
        )
    return title
