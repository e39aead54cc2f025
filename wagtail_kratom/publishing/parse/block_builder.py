"""Cut a document into the headings, paragraphs and list items an article is assembled from.

The HTML and Markdown readers walk their input in document order and report each element here
by its HTML name (a Markdown token has one: ``paragraph_open`` is a ``p``), with the source line
it starts on. Inline text gathers in a buffer; block elements (p, li, headings, div, ...) flush it
as a ``Block`` whose kind comes from the innermost heading or list item around it. Inside a
heading or list item, other block elements only separate words, so ``<li><p>a</p><p>b</p></li>``
is one item. Formatting elements still open at a flush are closed and reopened, so every block's
HTML is balanced.
"""

from dataclasses import dataclass
from html import escape

from ..article import BULLET, LIST_TAGS, PARAGRAPH, Paragraph
from .inline import FORMATTING_TAGS, render_inline, safe_href

#: The kind of a ``Block`` that is a heading rather than a paragraph or a list item.
HEADING = "heading"

_LIST_KINDS = {tag: kind for kind, tag in LIST_TAGS.items()}

HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

#: Elements that end a paragraph, besides headings.
BLOCK_TAGS = frozenset(
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


@dataclass(slots=True)
class Block:
    """A heading, paragraph or list item as a reader finds it, before the article is assembled."""

    kind: str
    text: str
    html: str
    line: int
    level: int = 0
    # Items of one list, nested lists included, share the id; 0 for anything else.
    list_id: int = 0

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, self.html, self.line, self.kind)


def is_block(name: str) -> bool:
    """Whether the element ``name`` starts and ends blocks (``start_block``) rather than sits in one."""
    return name in BLOCK_TAGS or name in HEADING_LEVELS


class BlockBuilder:
    """Collect the blocks of one document from the elements and text a reader reports, in order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        # Buffer tokens: ("text", str), ("open", name, html) or ("close", name).
        self.tokens: list[tuple[str, ...]] = []
        self.buffer_line: int | None = None
        self.block_line: int | None = None
        # One entry per open block element: whether it only separates words ("soft"), the kind,
        # heading level and list id a block flushed inside it gets, and the innermost list around
        # it. Each entry is worked out from the one below, so no step looks down the whole stack.
        self.context: list[tuple[bool, tuple[str, int, int], tuple[str, int] | None]] = []
        # Open formatting elements that were written out: (key, name, opening HTML). A name is
        # never open twice (``<b>`` in ``<b>`` adds nothing), so this stays short however deep
        # sloppy markup nests.
        self.inline: list[tuple[object, str, str]] = []
        self.list_count = 0

    def current_kind(self) -> tuple[str, int, int]:
        """The kind, heading level and list id a block flushed now would have."""
        return self.context[-1][1] if self.context else (PARAGRAPH, 0, 0)

    def start_block(self, name: str, line: int) -> None:
        """A block element (``is_block``) starts on ``line``."""
        kind = self.current_kind()
        around = self.context[-1][2] if self.context else None
        if kind[0] != PARAGRAPH and name not in HEADING_LEVELS and name not in _LIST_KINDS and name != "li":
            self.context.append((True, kind, around))
            self.tokens.append(("text", " "))
            return
        self.flush()
        if name in HEADING_LEVELS:
            kind = (HEADING, HEADING_LEVELS[name], 0)
        elif name in _LIST_KINDS:
            # A nested list shares its outermost list's id, so a nested table of contents is one list.
            if around is None:
                self.list_count += 1
            around = (_LIST_KINDS[name], around[1] if around else self.list_count)
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
        self.block_line = line

    def end_block(self) -> None:
        """The innermost open block element ends."""
        if self.context and self.context[-1][0]:
            self.context.pop()
            self.tokens.append(("text", " "))
            return
        self.flush()
        if self.context:
            self.context.pop()
        self.block_line = None

    def open_inline(self, key: object, name: str, href: object = None) -> None:
        """An inline element opens; ``close_inline(key)`` closes it.

        Only formatting elements (``FORMATTING_TAGS``) and links are written out, so this is where the
        allow-list of ``Paragraph.html`` is kept. A link whose target is not safe (see ``safe_href``)
        opens nothing: its text stays, the link goes.
        """
        if name not in FORMATTING_TAGS and name != "a":
            return
        if name == "a":
            href = safe_href(href)
            if href is None:
                return
            html = f'<a href="{escape(href)}">'
        else:
            html = f"<{name}>"
        if any(open_name == name for _key, open_name, _html in self.inline):
            return
        self.inline.append((key, name, html))
        self.tokens.append(("open", name, html))

    def close_inline(self, key: object) -> None:
        if self.inline and self.inline[-1][0] is key:
            _key, name, _html = self.inline.pop()
            self.tokens.append(("close", name))

    def add_space(self) -> None:
        """A line break: words on either side of it stay apart."""
        self.tokens.append(("text", " "))

    def add_text(self, text: str, line: int) -> None:
        """Text that starts on ``line``; a block started on a line of its own keeps that line instead."""
        if self.buffer_line is None and text and not text.isspace():
            self.buffer_line = self.block_line if self.block_line is not None else line
        self.tokens.append(("text", text))

    def flush(self) -> None:
        """End the block being gathered, if it has any text."""
        closing = [("close", name) for _key, name, _html in reversed(self.inline)]
        text, html = render_inline(self.tokens + closing)
        if text:
            kind, level, list_id = self.current_kind()
            self.blocks.append(Block(kind, text, html, self.buffer_line, level, list_id))
        self.tokens = [("open", name, html) for _key, name, html in self.inline]
        self.buffer_line = None
