"""An imported source's text as the admin shows it: line by line, with the audit's findings marked.

Used by the import preview and by the page editor's Source panel; it imports no models, so
the panels module (loaded with the page models) can use it.
"""

import re
from dataclasses import dataclass

from .page_audit import audit_parsed_article
from .publishing import ArticleParseError, parse
from .publishing.audit import Finding


@dataclass
class SourceLine:
    """One line of the source as the preview and the Source panel show it, split around the quotes found on it."""

    number: int
    parts: list[tuple[str, bool]]
    findings: list[Finding]


def annotated_lines(text: str, findings: list[Finding]) -> list[SourceLine]:
    """The lines of ``text``, each finding's quote marked on its line and its message beside it."""
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.line:
            by_line.setdefault(finding.line, []).append(finding)
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = by_line.get(number, [])
        quotes = [finding.quote for finding in found if finding.quote and finding.quote in line]
        if quotes:
            pattern = re.compile("|".join(re.escape(quote) for quote in sorted(quotes, key=len, reverse=True)))
            parts, start = [], 0
            for match in pattern.finditer(line):
                parts += [(line[start : match.start()], False), (match.group(), True)]
                start = match.end()
            parts.append((line[start:], False))
        else:
            parts = [(line, bool(found))]
        lines.append(SourceLine(number, [part for part in parts if part[0]], found))
    return lines


def source_findings(record) -> list[Finding]:
    """The audit's findings on a recorded source (``ImportedSource``) as it reads today; none if it no longer parses."""
    parse_format = "html" if record.source_format == "docx" else record.source_format
    try:
        return audit_parsed_article(parse(record.source_text, format=parse_format))
    except ArticleParseError:
        return []
