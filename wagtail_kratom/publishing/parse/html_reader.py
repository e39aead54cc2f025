"""Read an HTML export (or Markdown rendered to HTML) into headings, paragraphs and list items.

HTML is read with BeautifulSoup's ``html.parser``, which never gives up on sloppy markup. The
reader keeps the text of the article and the inline elements a rich-text paragraph allows, and
skips page furniture (navigation, headers, footers, forms) and anything that runs (scripts,
templates, frames) whole.
"""

import re
import warnings
from html import escape

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import ParserRejectedMarkup
from bs4.element import NavigableString, PreformattedString, Tag

from ..article import BULLET, NUMBERED, PARAGRAPH, Article
from ..errors import ArticleParseError
from .assemble import HEADING, Block, assemble_article
from .inline import FORMATTING_TAGS, render_inline, safe_href
from .source import prepare_source

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
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# The Markdown renderer tags each block with its source line in this attribute; html_block
# content gets an empty marker element carrying it.
LINE_ATTR = "data-wk-source-line"
LINE_MARKER = "wk-source-line"
_LINE_NUMBER = re.compile(r"[0-9]{1,9}")


def parse_html(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse an HTML export: h1 title, summary and introduction paragraphs, h2 sections.

    The first h1 is the title. Paragraphs (and lists) before the first heading are the summary
    (the first) and the introduction (the rest), except a list of contents: a ul/ol there whose
    items mostly match headings is the table of contents, and then every item must match one.
    Each h2 starts a section; an h3 to h6 starts a sub-section (``Section.level == 3``). If the
    document uses no h2, its highest heading level plays that part. The conclusion is the
    paragraphs of a section headed "Conclusion" (see ``CONCLUSIONHEADINGS``) or else the last
    paragraph. Script, style, nav, header, footer, aside, form, iframe, template and similar
    elements are skipped whole; no attribute but a safe ``href`` reaches ``Paragraph.html``.
    """
    blocks = read_html(prepare_source(source), markdown=False)
    return assemble_article(blocks, title=title, source_format="html")


def read_html(source: str, *, markdown: bool) -> list[Block]:
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
        self.blocks: list[Block] = []
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
            marker = tag.get(LINE_ATTR)
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
        if name in _BLOCK_TAGS or name in HEADING_LEVELS:
            kind = self.current_kind()
            around = self.context[-1][2] if self.context else None
            if kind[0] != PARAGRAPH and name not in HEADING_LEVELS and name not in ("ul", "ol", "li"):
                self.context.append((True, kind, around))
                self.tokens.append(("text", " "))
                return
            self.flush()
            if name in HEADING_LEVELS:
                kind = (HEADING, HEADING_LEVELS[name], 0)
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
            elif kind[0] != HEADING:
                kind = (PARAGRAPH, 0, 0)
            self.context.append((False, kind, around))
            self.block_line = self.map_line(self.base_line)
        elif name == "br":
            self.tokens.append(("text", " "))
        elif name == "a":
            href = safe_href(tag.get("href"))
            if href is not None:
                self.open_inline(tag, "a", f'<a href="{escape(href)}">')
        elif name in FORMATTING_TAGS:
            self.open_inline(tag, name, f"<{name}>")

    def leave(self, tag: Tag) -> None:
        name = tag.name
        if name in _BLOCK_TAGS or name in HEADING_LEVELS:
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
        text, html = render_inline(self.tokens + closing)
        if text:
            kind, level, list_id = self.current_kind()
            line = self.buffer_line or self.block_line or self.map_line(self.base_line)
            self.blocks.append(Block(kind, text, html, line, level, list_id))
        self.tokens = [("open", name, html) for _tag, name, html in self.inline]
        self.buffer_line = None
