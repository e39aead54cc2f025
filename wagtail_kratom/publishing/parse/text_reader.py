"""Read the plain-text shape the sample articles share (``shared/seeds/README.md``)."""

import re
from html import escape

from ..article import BULLET, Article, Paragraph
from ..errors import ArticleParseError
from .assemble import SectionDraft, finish_article
from .source import prepare_source

_TOC_LINE = re.compile(r"-(?:\s+|$)")


def parse_text(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse the plain-text shape: summary, introduction, "- " contents lines, sections, conclusion.

    Headings carry no markup, so a line is a heading only when it equals a table-of-contents
    entry (both stripped of surrounding whitespace). Blank lines are ignored, so text pasted with
    blank lines between paragraphs reads the same as one paragraph a line. Paragraphs before the
    table of contents are the summary (the first) and the introduction (the rest). Inside a
    section, a "- " line is a bullet item. The last paragraph of the last section is the
    conclusion.
    """
    text = prepare_source(source)
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)]
    lines = [(number, line) for number, line in lines if line]

    toc_start = next((i for i, (_number, line) in enumerate(lines) if _TOC_LINE.match(line)), None)
    if toc_start is None:
        raise ArticleParseError(
            "the text has no table of contents: after the summary and the introduction, list each section "
            "heading on a line that starts with “- ”, then repeat each heading above its section"
        )
    if toc_start < 2:
        number = lines[toc_start][0]
        if toc_start == 0:
            raise ArticleParseError(
                "the text starts with its table of contents; put a summary and an introduction before it", number
            )
        raise ArticleParseError(
            "the table of contents follows the first paragraph; the first paragraph is the summary, "
            "and an introduction must come between it and the table of contents",
            number,
        )
    toc_end = toc_start
    while toc_end < len(lines) and _TOC_LINE.match(lines[toc_end][1]):
        toc_end += 1

    entries: dict[str, int] = {}
    for number, line in lines[toc_start:toc_end]:
        entry = line[_TOC_LINE.match(line).end() :].strip()
        if not entry:
            raise ArticleParseError("this table-of-contents line names no heading after “- ”", number)
        if entry in entries:
            raise ArticleParseError(
                f"the table of contents lists “{entry}” twice (also on line {entries[entry]})", number
            )
        entries[entry] = number

    body = lines[toc_end:]
    seen: dict[str, list[int]] = {entry: [] for entry in entries}
    for number, line in body:
        if line in seen:
            seen[line].append(number)
    for entry, toc_line in entries.items():
        if not seen[entry]:
            raise ArticleParseError(f"the table of contents lists “{entry}”, but no heading matches it", toc_line)
    duplicates = [(found[1], entry, found[0]) for entry, found in seen.items() if len(found) > 1]
    if duplicates:
        number, entry, first = min(duplicates)
        raise ArticleParseError(f"the heading “{entry}” appears twice (first on line {first})", number)

    order = list(entries)
    drafts: list[SectionDraft] = []
    for number, line in body:
        if line in entries:
            expected = order[len(drafts)]
            if line != expected:
                raise ArticleParseError(
                    f"the heading “{line}” is out of order: the table of contents lists “{expected}” "
                    f"(line {entries[expected]}) before it",
                    number,
                )
            drafts.append(SectionDraft(line, number))
            continue
        if not drafts:
            raise ArticleParseError(
                f"this text comes between the table of contents and the first heading “{order[0]}”, "
                "so it belongs to no section",
                number,
            )
        bullet = _TOC_LINE.match(line)
        if bullet:
            item = line[bullet.end() :].strip()
            if item:
                drafts[-1].paragraphs.append(Paragraph(item, escape(item, quote=False), number, BULLET))
        else:
            drafts[-1].paragraphs.append(Paragraph(line, escape(line, quote=False), number))

    summary, *intro = (Paragraph(line, escape(line, quote=False), number) for number, line in lines[:toc_start])
    return finish_article(
        title=title,
        heading=None,
        summary=summary,
        intro=tuple(intro),
        drafts=drafts,
        conclusion=None,
        source_format="text",
        contents=tuple(entries),
    )
