"""Parse an article from plain text, HTML or Markdown into one ``Article``.

Every format ends in the same anatomy: a summary, an introduction, sections with headings and a
conclusion (see ``article.py``). Every input the parser cannot use raises ``ArticleParseError``
with a message an editor can act on and, where there is one, the line to look at; nothing else
escapes, whatever the input.

Each format has its reader: ``text_reader`` for the plain-text shape of ``shared/seeds/README.md``,
``html_reader`` for HTML exports and ``markdown_reader`` for CommonMark. They share the source
checks (``source``), safe inline HTML (``inline``) and the rules that make an article of what they
found (``assemble``).
"""

import re

from ..article import Article
from ..errors import ArticleParseError
from .assemble import CONCLUSION_HEADINGS
from .html_reader import parse_html
from .markdown_reader import parse_markdown
from .source import MAX_SOURCE_CHARS, decode_source, prepare_source
from .text_reader import parse_text

__all__ = [
    "CONCLUSION_HEADINGS",
    "FORMATS",
    "MAX_SOURCE_CHARS",
    "decode_source",
    "parse",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "sniff_format",
]

_READERS = {"text": parse_text, "html": parse_html, "markdown": parse_markdown}

#: The formats ``parse`` reads.
FORMATS = tuple(_READERS)

# Format sniffing: see ``sniff_format``.
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html\b|/?(?:html|head|body|article|main|section|div|h[1-6]|p|ul|ol|li|table"
    r"|blockquote|br|a|b|strong|em|i|span|pre)\b[^<>]*>)",
    re.IGNORECASE,
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)


def parse(source: str | bytes, *, format: str | None = None, title: str | None = None) -> Article:
    """Parse an article in any supported format; the entry point for importers.

    Args:
        source: The article; bytes must be UTF-8 (a byte order mark is allowed).
        format: ``"text"``, ``"html"`` or ``"markdown"``; ``None`` sniffs it (see ``sniff_format``).
        title: A title to use instead of the document's h1 or a derived one.

    Raises:
        ArticleParseError: For any input that cannot become an article.
    """
    if format is not None and format not in FORMATS:
        raise ArticleParseError(f"unknown format “{format}”; use one of {', '.join(FORMATS)}")
    text = prepare_source(source)
    return _READERS[format or sniff_format(text)](text, title=title)


def sniff_format(text: str) -> str:
    """Guess the format of an article whose format nobody named.

    The rule, in order: HTML when the first non-blank character is "<" and the text has an HTML
    element such as ``<p>``, ``<h2>``, ``<ul>``, ``<div>`` or ``<a>``; Markdown when any line is an
    ATX heading (up to three spaces, one to six "#", then a space or the line's end); HTML when
    such an element appears anywhere else; plain text otherwise.
    """
    has_tags = _HTML_TAG.search(text) is not None
    if has_tags and text.lstrip().startswith("<"):
        return "html"
    if _ATX_HEADING.search(text):
        return "markdown"
    return "html" if has_tags else "text"
