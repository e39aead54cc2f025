"""The publishing library: turn articles in plain text, HTML or Markdown into structured data.

Plain Python with no Django or Wagtail import, so it runs without the app registry (in scripts,
in CI and in tests without a database); the Wagtail adapters build on what it returns.
"""

from .article import (
    BULLET,
    MAX_TITLE_CHARS,
    NUMBERED,
    PARAGRAPH,
    Article,
    Paragraph,
    Section,
    derive_title,
    slugify,
)
from .claims import Claim, detect, find_claims
from .errors import ArticleParseError
from .parse import (
    FORMATS,
    MAX_SOURCE_CHARS,
    decode_source,
    parse,
    parse_html,
    parse_markdown,
    parse_text,
    sniff_format,
)

__all__ = [
    "BULLET",
    "FORMATS",
    "MAX_SOURCE_CHARS",
    "MAX_TITLE_CHARS",
    "NUMBERED",
    "PARAGRAPH",
    "Article",
    "ArticleParseError",
    "Claim",
    "Paragraph",
    "Section",
    "decode_source",
    "derive_title",
    "detect",
    "find_claims",
    "parse",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "slugify",
    "sniff_format",
]
