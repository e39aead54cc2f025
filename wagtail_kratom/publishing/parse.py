"""Parse an article from plain text, HTML or Markdown into one ``Article``.

Every format ends in the same anatomy: a summary, an introduction, sections with headings and a
conclusion (see ``article.py``). Every input the parser cannot use raises ``ArticleParseError``
with a message an editor can act on and, where there is one, the line to look at; nothing else
escapes, whatever the input.

Plain text follows ``shared/seeds/README.md``: a summary paragraph, an introduction, a table of
contents of "- " lines, then sections whose headings repeat their table-of-contents entries, one
paragraph a line; the last paragraph is the conclusion. HTML is read with BeautifulSoup's
``html.parser``; Markdown is rendered to HTML with markdown-it-py (CommonMark) and read by the same
code, with each element tagged with its Markdown line so messages point at the Markdown source.
"""

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import ParserRejectedMarkup
from bs4.element import NavigableString, PreformattedString, Tag
from markdown_it import MarkdownIt

from .article import (
    BULLET,
    MAX_TITLE_CHARS,
    NUMBERED,
    PARAGRAPH,
    Article,
    Paragraph,
    Section,
    derive_title,
)
from .errors import ArticleParseError

#: The longest source accepted, in characters; a bigger file is not an article.
MAX_SOURCE_CHARS = 2_000_000

#: The formats ``parse`` reads.
FORMATS = ("text", "html", "markdown")

#: Headings of an explicit conclusion section in HTML and Markdown (compared case-insensitively).
CONCLUSION_HEADINGS = frozenset({"conclusion", "conclusions", "in conclusion", "final thoughts"})

# More control characters than this share of the text means the input is not text at all.
_CONTROL_SHARE = 0.3
_CONTROL_CHARS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")

_TOC_LINE = re.compile(r"-(?:\s+|$)")

# Format sniffing: see ``sniff_format``.
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html\b|/?(?:html|head|body|article|main|section|div|h[1-6]|p|ul|ol|li|table"
    r"|blockquote|br|a|b|strong|em|i|span|pre)\b[^<>]*>)",
    re.IGNORECASE,
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)

# What the HTML reader keeps, drops and splits paragraphs at.
_IGNORED_TAGS = frozenset(
    {
        "aside",
        "audio",
        "button",
        "canvas",
        "embed",
        "footer",
        "form",
        "head",
        "header",
        "iframe",
        "img",
        "input",
        "link",
        "math",
        "meta",
        "nav",
        "noscript",
        "object",
        "picture",
        "script",
        "select",
        "source",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
        "video",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_FORMATTING_TAGS = frozenset({"b", "strong", "i", "em"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_URL_NEWLINES = re.compile(r"[\t\n\r]")
_URL_EDGE = "".join(chr(code) for code in range(0x21))  # C0 controls and space

# The Markdown renderer tags each block with its source line in this attribute; html_block
# content gets an empty marker element carrying it.
_LINE_ATTR = "data-wk-source-line"
_LINE_MARKER = "wk-source-line"
_LINE_NUMBER = re.compile(r"[0-9]{1,9}")

_HEADING = "heading"


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
    text = _prepare(source)
    if format is None:
        format = sniff_format(text)
    if format == "html":
        return parse_html(text, title=title)
    if format == "markdown":
        return parse_markdown(text, title=title)
    return parse_text(text, title=title)


def decode_source(source: str | bytes) -> str:
    """Return the source as text, refusing bytes that are not UTF-8 before any parsing starts."""
    if isinstance(source, str):
        return source
    if not isinstance(source, bytes | bytearray):
        raise TypeError(f"an article's source must be str or bytes, not {type(source).__name__}")
    data = bytes(source)
    # UTF-8 needs at most four bytes a character: anything longer is over the limit for sure.
    if len(data) > 4 * MAX_SOURCE_CHARS:
        raise ArticleParseError(
            f"the file is {len(data):,} bytes long; the limit is {MAX_SOURCE_CHARS:,} characters (MAX_SOURCE_CHARS)"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleParseError("the file is not UTF-8 text: it starts with a UTF-16 byte order mark; save it as UTF-8")
    if b"\x00" in data:
        raise ArticleParseError("this looks like a binary file, not an article: it contains NUL bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].replace(b"\r\n", b"\n")
        line = before.count(b"\n") + before.count(b"\r") + 1
        raise ArticleParseError(
            f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} cannot be decoded; save it as UTF-8", line
        ) from None


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


# Plain text ------------------------------------------------------------------------------------


def parse_text(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse the plain-text shape: summary, introduction, "- " contents lines, sections, conclusion.

    Headings carry no markup, so a line is a heading only when it equals a table-of-contents
    entry (both stripped of surrounding whitespace). Blank lines are ignored, so text pasted with
    blank lines between paragraphs reads the same as one paragraph a line. Paragraphs before the
    table of contents are the summary (the first) and the introduction (the rest). Inside a
    section, a "- " line is a bullet item. The last paragraph of the last section is the
    conclusion.
    """
    text = _prepare(source)
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
    drafts: list[_SectionDraft] = []
    for number, line in body:
        if line in entries:
            expected = order[len(drafts)]
            if line != expected:
                raise ArticleParseError(
                    f"the heading “{line}” is out of order: the table of contents lists “{expected}” "
                    f"(line {entries[expected]}) before it",
                    number,
                )
            drafts.append(_SectionDraft(line, number))
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
    return _finish(
        title=title,
        heading=None,
        summary=summary,
        intro=tuple(intro),
        drafts=drafts,
        conclusion=None,
        source_format="text",
        contents=tuple(entries),
    )


# HTML and Markdown -----------------------------------------------------------------------------


def parse_html(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse an HTML export: h1 title, summary and introduction paragraphs, h2 sections.

    The first h1 is the title. Paragraphs (and lists) before the first heading are the summary
    (the first) and the introduction (the rest), except a list of contents: a ul/ol there whose
    items mostly match headings is the table of contents, and then every item must match one.
    Each h2 starts a section; an h3 to h6 starts a sub-section (``Section.level == 3``). If the
    document uses no h2, its highest heading level plays that part. The conclusion is the
    paragraphs of a section headed "Conclusion" (see ``CONCLUSION_HEADINGS``) or else the last
    paragraph. Script, style, nav, header, footer, aside, form, iframe, template and similar
    elements are skipped whole; no attribute but a safe ``href`` reaches ``Paragraph.html``.
    """
    blocks = _read_html(_prepare(source), markdown=False)
    return _assemble(blocks, title=title, source_format="html")


def parse_markdown(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse Markdown: ``#`` title, ``##`` sections, ``###`` sub-sections, lists, links, emphasis.

    The Markdown is rendered with markdown-it-py's CommonMark preset (raw HTML in it is read like
    any HTML, so scripts are dropped the same way) and then read like an HTML export, with the
    same rules as ``parse_html``. Line numbers refer to the Markdown source.
    """
    text = _prepare(source)
    md = _markdown()
    tokens = md.parse(text)
    for token in tokens:
        if token.map is None:
            continue
        line = str(token.map[0] + 1)
        if token.nesting == 1:
            token.attrSet(_LINE_ATTR, line)
        elif token.type == "html_block":
            # Raw HTML is copied line for line; the marker lets the reader map its lines back.
            token.content = f'<{_LINE_MARKER} {_LINE_ATTR}="{line}"></{_LINE_MARKER}>{token.content}'
    html = md.renderer.render(tokens, md.options, {})
    blocks = _read_html(html, markdown=True)
    return _assemble(blocks, title=title, source_format="markdown")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark caps nesting at 20 levels, so hostile input cannot exhaust the stack.
    return MarkdownIt("commonmark")


@dataclass(slots=True)
class _Block:
    """A heading, paragraph or list item as the HTML reader finds it, before the article is assembled."""

    kind: str
    text: str
    html: str
    line: int
    level: int = 0
    # Items of one list, nested lists included, share the id; 0 for anything else.
    list_id: int = 0

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, self.html, self.line, self.kind)


@dataclass(slots=True)
class _SectionDraft:
    heading: str
    line: int
    level: int = 2
    paragraphs: list[Paragraph] = field(default_factory=list)


def _read_html(source: str, *, markdown: bool) -> list[_Block]:
    """Read an HTML document into a flat list of headings, paragraphs and list items."""
    try:
        with warnings.catch_warnings():
            # Beautiful Soup warns about beginner mistakes (passing a URL or XML); here it is always markup.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(source, "html.parser")
    except ParserRejectedMarkup as error:
        raise ArticleParseError(f"the HTML could not be read: {error}") from None
    reader = _HtmlReader(markdown=markdown)
    reader.read(soup)
    return reader.blocks


class _HtmlReader:
    """Walk a parsed HTML tree in document order and cut it into blocks.

    The walk uses an explicit stack rather than recursion, because html.parser nests every
    unclosed ``<p>`` inside the one before it and a sloppy export can nest thousands deep.
    Inline text gathers in a buffer; block elements (p, li, headings, div, ...) flush it as a
    block whose kind comes from the innermost heading or list item around it. Inside a heading
    or list item, other block elements only separate words, so ``<li><p>a</p><p>b</p></li>`` is
    one item. Formatting elements still open at a flush are closed and reopened, so every
    block's HTML is balanced.
    """

    def __init__(self, *, markdown: bool) -> None:
        self.markdown = markdown
        self.blocks: list[_Block] = []
        # Buffer tokens: ("text", str), ("open", name, html) or ("close", name).
        self.tokens: list[tuple[str, ...]] = []
        self.buffer_line: int | None = None
        self.block_line: int | None = None
        # Where text is: the line of the last element start, plus the newlines of text since then.
        self.base_line = 1
        self.newlines = 0
        # Markdown line minus HTML line, from the last element that carried its Markdown line.
        self.offset = 0
        # One entry per open block element: whether it only separates words ("soft"), the kind,
        # heading level and list id a block flushed inside it gets, and the innermost list around
        # it. Each entry is worked out from the one below, so no step looks down the whole stack.
        self.context: list[tuple[bool, tuple[str, int, int], tuple[str, int] | None]] = []
        # Open formatting elements that were written out: (tag, name, opening HTML). A name is
        # never open twice (``<b>`` in ``<b>`` adds nothing), so this stays short however deep
        # sloppy markup nests.
        self.inline: list[tuple[Tag, str, str]] = []
        self.list_count = 0

    def read(self, root: BeautifulSoup) -> None:
        stack: list[tuple[Tag | None, list, int]] = [(None, root.contents, 0)]
        while stack:
            parent, children, index = stack[-1]
            if index >= len(children):
                stack.pop()
                if parent is not None:
                    self.leave(parent)
                continue
            stack[-1] = (parent, children, index + 1)
            child = children[index]
            if isinstance(child, Tag):
                if child.name in _IGNORED_TAGS:
                    self.skip(child)
                    continue
                self.enter(child)
                stack.append((child, child.contents, 0))
            elif isinstance(child, PreformattedString):
                # Comments, CDATA, doctypes: no text, but they still take up lines.
                self.newlines += child.count("\n")
            elif isinstance(child, NavigableString):
                self.add_text(str(child))
        self.flush()

    def map_line(self, line: int) -> int:
        return max(1, line + self.offset) if self.markdown else line

    def note_start(self, tag: Tag) -> None:
        self.base_line = tag.sourceline or self.base_line
        self.newlines = 0
        if self.markdown:
            marker = tag.get(_LINE_ATTR)
            if isinstance(marker, str) and _LINE_NUMBER.fullmatch(marker):
                self.offset = int(marker) - self.base_line

    def skip(self, tag: Tag) -> None:
        self.note_start(tag)
        self.newlines += sum(text.count("\n") for text in tag.descendants if isinstance(text, NavigableString))

    def current_kind(self) -> tuple[str, int, int]:
        """The kind, heading level and list id a block flushed now would have."""
        return self.context[-1][1] if self.context else (PARAGRAPH, 0, 0)

    def enter(self, tag: Tag) -> None:
        self.note_start(tag)
        name = tag.name
        if name in _BLOCK_TAGS or name in _HEADING_LEVELS:
            kind = self.current_kind()
            around = self.context[-1][2] if self.context else None
            if kind[0] != PARAGRAPH and name not in _HEADING_LEVELS and name not in ("ul", "ol", "li"):
                self.context.append((True, kind, around))
                self.tokens.append(("text", " "))
                return
            self.flush()
            if name in _HEADING_LEVELS:
                kind = (_HEADING, _HEADING_LEVELS[name], 0)
            elif name in ("ul", "ol"):
                # A nested list shares its outermost list's id, so a nested table of contents is one list.
                if around is None:
                    self.list_count += 1
                around = (NUMBERED if name == "ol" else BULLET, around[1] if around else self.list_count)
                # Text straight inside a list, outside any item, still counts as an item.
                kind = (around[0], 0, around[1])
            elif name == "li":
                if around is None:
                    self.list_count += 1
                    around = (BULLET, self.list_count)
                kind = (around[0], 0, around[1])
            elif kind[0] != _HEADING:
                kind = (PARAGRAPH, 0, 0)
            self.context.append((False, kind, around))
            self.block_line = self.map_line(self.base_line)
        elif name == "br":
            self.tokens.append(("text", " "))
        elif name == "a":
            href = _safe_href(tag.get("href"))
            if href is not None:
                self.open_inline(tag, "a", f'<a href="{escape(href)}">')
        elif name in _FORMATTING_TAGS:
            self.open_inline(tag, name, f"<{name}>")

    def leave(self, tag: Tag) -> None:
        name = tag.name
        if name in _BLOCK_TAGS or name in _HEADING_LEVELS:
            if self.context and self.context[-1][0]:
                self.context.pop()
                self.tokens.append(("text", " "))
                return
            self.flush()
            if self.context:
                self.context.pop()
            self.block_line = None
        elif self.inline and self.inline[-1][0] is tag:
            _tag, open_name, _html = self.inline.pop()
            self.tokens.append(("close", open_name))

    def open_inline(self, tag: Tag, name: str, html: str) -> None:
        if any(open_name == name for _tag, open_name, _html in self.inline):
            return
        self.inline.append((tag, name, html))
        self.tokens.append(("open", name, html))

    def add_text(self, text: str) -> None:
        if self.buffer_line is None and text and not text.isspace():
            if self.block_line is not None:
                self.buffer_line = self.block_line
            else:
                leading = len(text) - len(text.lstrip())
                self.buffer_line = self.map_line(self.base_line + self.newlines + text.count("\n", 0, leading))
        self.tokens.append(("text", text))
        self.newlines += text.count("\n")

    def flush(self) -> None:
        closing = [("close", name) for _tag, name, _html in reversed(self.inline)]
        text, html = _render_inline(self.tokens + closing)
        if text:
            kind, level, list_id = self.current_kind()
            line = self.buffer_line or self.block_line or self.map_line(self.base_line)
            self.blocks.append(_Block(kind, text, html, line, level, list_id))
        self.tokens = [("open", name, html) for _tag, name, html in self.inline]
        self.buffer_line = None


def _render_inline(tokens: list[tuple[str, ...]]) -> tuple[str, str]:
    """Turn buffer tokens into plain text and safe HTML, collapsing whitespace as a browser would.

    Runs of whitespace become one space and the ends are trimmed. Opening tags wait for their
    first text, so elements without text disappear and spaces fall outside tags ("a <b>b</b>").
    """
    text: list[str] = []
    html: list[str] = []
    waiting: list[str] = []
    space = False
    for token in tokens:
        if token[0] == "open":
            waiting.append(token[2])
        elif token[0] == "close":
            # The tokens are balanced, so a close with openings waiting ends the last of them: empty.
            if waiting:
                waiting.pop()
            else:
                html.append(f"</{token[1]}>")
        else:
            value = token[1]
            words = value.split()
            if not words:
                space = space or bool(value)
                continue
            if text and (space or value[0].isspace()):
                text.append(" ")
                html.append(" ")
            html.extend(waiting)
            waiting.clear()
            joined = " ".join(words)
            text.append(joined)
            html.append(escape(joined, quote=False))
            space = value[-1].isspace()
    return "".join(text), "".join(html)


def _safe_href(value: object) -> str | None:
    """The link target if it is http, https, mailto or relative, else ``None`` (the text stays, the link goes).

    Browsers ignore tabs and newlines inside a URL and spaces and controls around it, so
    "java\\nscript:" is checked as "javascript:"; any other control character drops the link.
    """
    if isinstance(value, list):
        value = " ".join(value)
    if not isinstance(value, str):
        return None
    url = _URL_NEWLINES.sub("", value).strip(_URL_EDGE)
    if not url or _URL_CONTROLS.search(url):
        return None
    scheme = _URL_SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
        return None
    return url


def _assemble(blocks: list[_Block], *, title: str | None, source_format: str) -> Article:
    """Build the article from HTML blocks: title, front matter, contents, sections, conclusion."""
    label = "HTML" if source_format == "html" else "Markdown"
    h1s = [block for block in blocks if block.kind == _HEADING and block.level == 1]
    if len(h1s) > 1:
        raise ArticleParseError(
            f"a second top-level heading “{h1s[1].text}”; the first (line {h1s[0].line}) is the title, "
            "so use second-level headings for sections",
            h1s[1].line,
        )
    blocks = [block for block in blocks if not (block.kind == _HEADING and block.level == 1)]
    headings = [block for block in blocks if block.kind == _HEADING]
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

    drafts: list[_SectionDraft] = []
    for block in rest:
        if block.kind == _HEADING:
            level = 2 if block.level == top or not drafts else 3
            drafts.append(_SectionDraft(block.text, block.line, level))
        else:
            drafts[-1].paragraphs.append(block.paragraph())

    conclusion = None
    explicit = [i for i, draft in enumerate(drafts) if draft.level == 2 and _is_conclusion(draft.heading)]
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
    return _finish(
        title=title,
        heading=heading,
        summary=front[0].paragraph(),
        intro=tuple(block.paragraph() for block in front[1:]),
        drafts=drafts,
        conclusion=conclusion,
        source_format=source_format,
        contents=contents,
    )


def _is_conclusion(heading: str) -> bool:
    return heading.strip().rstrip(":").casefold() in CONCLUSION_HEADINGS


# Shared steps ----------------------------------------------------------------------------------


def _prepare(source: str | bytes) -> str:
    """Refuse what is not UTF-8, too big, binary or empty; drop a byte order mark and normalise line endings.

    Every ``parse_*`` function starts here, so each accepts bytes and applies the same limits.
    """
    source = decode_source(source)
    if len(source) > MAX_SOURCE_CHARS:
        raise ArticleParseError(
            f"the source is {len(source):,} characters long; the limit is {MAX_SOURCE_CHARS:,} (MAX_SOURCE_CHARS)"
        )
    source = source.removeprefix("\ufeff")
    if "\x00" in source:
        raise ArticleParseError("this looks like a binary file, not an article: it contains NUL characters")
    if len(source) - len(_CONTROL_CHARS.sub("", source)) > _CONTROL_SHARE * len(source):
        raise ArticleParseError("this looks like a binary file, not an article: it is mostly control characters")
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    if not source.strip():
        raise ArticleParseError("the source is empty")
    return source


def _finish(
    *,
    title: str | None,
    heading: _Block | None,
    summary: Paragraph,
    intro: tuple[Paragraph, ...],
    drafts: list[_SectionDraft],
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
