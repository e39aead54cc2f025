"""Read an HTML export into headings, paragraphs and list items.

HTML is read with BeautifulSoup's ``html.parser``, which never gives up on sloppy markup. The
reader keeps the text of the article and the inline elements a rich-text paragraph allows, and
skips page furniture (navigation, headers, footers, forms) and anything that runs (scripts,
templates, frames) whole. The Markdown reader hands it the raw HTML a Markdown file contains.
"""

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import ParserRejectedMarkup
from bs4.element import NavigableString, PreformattedString, Tag

from ..article import Article
from ..errors import ArticleParseError
from .assemble import assemble_article
from .block_builder import BlockBuilder, is_block
from .source import prepare_source

#: Elements skipped whole, with everything inside them: page furniture, media and what runs.
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
    builder = BlockBuilder()
    read_html(prepare_source(source), builder)
    builder.flush()
    return assemble_article(builder.blocks, title=title, source_format="html")


def read_html(source: str, builder: BlockBuilder, *, first_line: int = 1) -> None:
    """Report the elements and text of ``source``, whose first line is ``first_line``, to ``builder``."""
    try:
        with warnings.catch_warnings():
            # Beautiful Soup warns about beginner mistakes (passing a URL or XML); here it is always markup.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(source, "html.parser")
    except ParserRejectedMarkup as error:
        raise ArticleParseError(f"the HTML could not be read: {error}") from None
    _HtmlWalker(builder, first_line).walk(soup)


class _HtmlWalker:
    """Walk a parsed HTML tree in document order, reporting each element and its line to a ``BlockBuilder``.

    The walk uses an explicit stack rather than recursion, because html.parser nests every
    unclosed ``<p>`` inside the one before it and a sloppy export can nest thousands deep.
    """

    def __init__(self, builder: BlockBuilder, first_line: int) -> None:
        self.builder = builder
        self.offset = first_line - 1
        # Where text is: the line of the last element start, plus the newlines of text since then.
        self.base_line = first_line
        self.newlines = 0

    def walk(self, root: BeautifulSoup) -> None:
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

    def note_start(self, tag: Tag) -> None:
        if tag.sourceline:
            self.base_line = tag.sourceline + self.offset
        self.newlines = 0

    def skip(self, tag: Tag) -> None:
        self.note_start(tag)
        self.newlines += sum(text.count("\n") for text in tag.descendants if isinstance(text, NavigableString))

    def enter(self, tag: Tag) -> None:
        self.note_start(tag)
        name = tag.name
        if is_block(name):
            self.builder.start_block(name, self.base_line)
        elif name == "br":
            self.builder.add_space()
        else:
            self.builder.open_inline(tag, name, tag.get("href"))

    def leave(self, tag: Tag) -> None:
        if is_block(tag.name):
            self.builder.end_block()
        else:
            self.builder.close_inline(tag)

    def add_text(self, text: str) -> None:
        leading = len(text) - len(text.lstrip())
        self.builder.add_text(text, self.base_line + self.newlines + text.count("\n", 0, leading))
        self.newlines += text.count("\n")
