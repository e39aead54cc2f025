"""The parsed article: plain, immutable data that the later publishing steps share.

Parsing (the ``parse`` package) turns plain text, HTML or Markdown into one ``Article``; classifying,
fact extraction, the audit and the Wagtail page builder only ever read these types, so none of
them cares which format an article came in.

The shapes:

``Paragraph(text, html, line, kind="paragraph")``
    One paragraph or one list item. ``text`` is the plain text: for plain-text input exactly as in
    the source with only surrounding whitespace stripped; for HTML and Markdown the element's text
    with runs of whitespace collapsed to one space. ``html`` is that text HTML-escaped, with only
    ``<a href>`` (http, https, mailto and relative URLs), ``<b>``/``<strong>`` and ``<i>``/``<em>``
    kept where the source had them, so it can go into a rich-text paragraph as it is. ``line`` is
    the 1-based source line where the paragraph starts, for messages and audit locations. ``kind``
    is ``"paragraph"``, ``"bullet"`` (an item of an unordered list) or ``"numbered"`` (an item of an
    ordered list); a page builder turns each run of consecutive items of one kind back into a list.

``Section(heading, paragraphs, line, level=2)``
    A heading and the paragraphs under it, in order; ``line`` is the heading's line. Sections are
    a flat tuple in reading order. ``level`` is 2 for a section and 3 for a sub-section (an HTML h3
    or deeper, a Markdown ``###`` or deeper) that belongs to the level-2 section before it. A
    level-2 section may have no paragraphs of its own only when sub-sections follow it.

``Article(title, summary, intro, sections, conclusion, source_format, contents, title_source)``
    ``summary`` is one paragraph (the "key takeaways"); ``intro`` and ``conclusion`` are tuples of
    one or more paragraphs, since HTML and Markdown articles often have several (an explicit
    "Conclusion" section, more than one paragraph before the first heading). ``contents`` is the
    table of contents as given, empty when the input had none. ``source_format`` is ``"text"``,
    ``"html"`` or ``"markdown"``. ``title_source`` says where the title came from: ``"given"`` by
    the caller, the document's ``"heading"`` (h1 or ``#``), or ``"derived"`` (see
    ``derive_title``), so an importer can ask an editor to check a made-up title.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

#: Paragraph kinds.
PARAGRAPH = "paragraph"
BULLET = "bullet"
NUMBERED = "numbered"
PARAGRAPH_KINDS = (PARAGRAPH, BULLET, NUMBERED)
#: The HTML list element of each kind of list item.
LIST_TAGS = {BULLET: "ul", NUMBERED: "ol"}

#: The longest title an article may have, in characters.
MAX_TITLE_CHARS = 120

#: The longest summary the page types accept by default (``WAGTAIL_KRATOM["SUMMARY_MAX_LENGTH"]``).
MAX_SUMMARY_CHARS = 600

#: Section headings too generic to name a whole article; ``derive_title`` passes over them.
GENERIC_HEADINGS = frozenset(
    {
        "background",
        "conclusion",
        "conclusions",
        "contents",
        "in conclusion",
        "intro",
        "introduction",
        "key takeaways",
        "overview",
        "summary",
        "table of contents",
        "takeaways",
    }
)

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’ʼ]")
# A clause ends at sentence punctuation or ; : followed by a space, or at a spaced dash.
_CLAUSE_END = re.compile(r"[.!?;:](?:\s|$)|\s[—–-]\s")
_EDGE_QUOTES = "\"'“”‘’«»„"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph or list item, as plain text and as safe inline HTML, with its source line."""

    text: str
    html: str
    line: int
    kind: str = PARAGRAPH

    @property
    def is_list_item(self) -> bool:
        """Whether this is a list item, so a page builder knows to group it into a list."""
        return self.kind != PARAGRAPH


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its paragraphs; level 3 marks a sub-section of the level-2 section before it."""

    heading: str
    paragraphs: tuple[Paragraph, ...]
    line: int
    level: int = 2

    @property
    def is_subsection(self) -> bool:
        """Whether this section belongs to the level-2 section before it."""
        return self.level > 2


@dataclass(frozen=True, slots=True)
class Article:
    """One article in a shape every later step can read, whatever format it arrived in."""

    title: str
    summary: Paragraph
    intro: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    conclusion: tuple[Paragraph, ...]
    source_format: str
    contents: tuple[str, ...] = ()
    title_source: str = "given"

    @property
    def slug(self) -> str:
        """A URL slug from the title, made here so the library needs no Django."""
        return slugify(self.title)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph in reading order, so checks can run over the whole text in one loop."""
        return tuple(self.iter_paragraphs())

    def iter_paragraphs(self) -> Iterator[Paragraph]:
        """Yield the summary, the introduction, each section's paragraphs and the conclusion in order."""
        yield self.summary
        yield from self.intro
        for section in self.sections:
            yield from section.paragraphs
        yield from self.conclusion


def heading_key(heading: str) -> str:
    """A heading as headings are compared with a list of them: "Conclusion:" is "conclusion"."""
    return heading.strip().rstrip(":").casefold()


def slugify(value: str) -> str:
    """Lowercase ASCII words joined by hyphens, like Django's ``slugify``, without importing Django.

    Accents are dropped ("é" becomes "e") and apostrophes join words ("Kratom’s" becomes "kratoms").
    The slug is at most ``MAX_TITLE_CHARS`` long and never empty: a title with no Latin letters or
    digits gives ``"article"``.
    """
    value = _APOSTROPHES.sub("", unicodedata.normalize("NFKD", value))
    value = value.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", value).strip("-")
    if len(slug) > MAX_TITLE_CHARS:
        slug = slug[:MAX_TITLE_CHARS].rsplit("-", 1)[0] if "-" in slug[:MAX_TITLE_CHARS] else slug[:MAX_TITLE_CHARS]
    return slug or "article"


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """Collapse whitespace and cut at a word boundary with "…" so the result fits in ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def derive_title(sections: tuple[Section, ...], summary: Paragraph) -> str:
    """Make a title for an article that has none, from its first specific heading or its summary.

    The rule: the first level-2 section heading that is not generic ("Introduction", "Overview",
    "Conclusion", ...; see ``GENERIC_HEADINGS``); failing that, the summary's first clause (up to
    the first ". ", "; ", ": ", "? ", "! " or spaced dash, without surrounding quotes). Either is
    shortened at a word boundary to ``MAX_TITLE_CHARS``. The result is never empty.
    """
    for section in sections:
        if section.level == 2 and heading_key(section.heading) not in GENERIC_HEADINGS:
            return shorten(section.heading)
    text = summary.text.strip().strip(_EDGE_QUOTES).strip()
    clause = _CLAUSE_END.split(text, maxsplit=1)[0].strip().rstrip(".,;:!?").strip(_EDGE_QUOTES).strip()
    return shorten(clause or text or summary.text) or "Untitled article"
