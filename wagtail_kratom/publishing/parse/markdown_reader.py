"""Read Markdown (CommonMark, parsed by markdown-it-py) with the same rules as an HTML export.

The reader walks markdown-it-py's tokens: each block token names its HTML element (``tag``) and
carries its source lines (``map``), so headings, paragraphs and list items reach the
``BlockBuilder`` with their Markdown lines. Raw HTML in the Markdown, a block of it or tags
inside a paragraph, is read by the HTML reader, so scripts and page furniture are dropped the
same way.
"""

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..article import Article
from .assemble import assemble_article
from .block_builder import BlockBuilder
from .html_reader import read_html
from .source import prepare_source

# Code is kept as text, like any other paragraph.
_CODE = frozenset({"fence", "code_block"})
_INLINE_TEXT = frozenset({"text", "code_inline"})
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})


def parse_markdown(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse Markdown: ``#`` title, ``##`` sections, ``###`` sub-sections, lists, links, emphasis.

    The rules are those of ``parse_html``, with a Markdown heading for each HTML one; line
    numbers refer to the Markdown source.
    """
    builder = BlockBuilder()
    for token in _markdown().parse(prepare_source(source)):
        # The paragraphs of a tight list item are hidden: the item's text stands in it directly.
        if token.hidden:
            continue
        if token.type == "inline":
            _read_inline(token, builder)
        elif token.type == "html_block":
            read_html(token.content, builder, first_line=token.map[0] + 1)
        elif token.type in _CODE:
            builder.start_block("pre", token.map[0] + 1)
            builder.add_text(token.content, token.map[0] + 1)
            builder.end_block()
        elif token.nesting == 1 or token.type == "hr":
            builder.start_block(token.tag, token.map[0] + 1)
        if token.nesting == -1 or token.type == "hr":
            builder.end_block()
    builder.flush()
    return assemble_article(builder.blocks, title=title, source_format="markdown")


def _read_inline(token: Token, builder: BlockBuilder) -> None:
    """Report the text, emphasis and links of one paragraph, heading or list item."""
    line = token.map[0] + 1
    children = token.children or []
    if any(child.type == "html_inline" for child in children):
        md = _markdown()
        read_html(md.renderer.renderInline(children, md.options, {}), builder, first_line=line)
        return
    opened: list[Token] = []
    for child in children:
        if child.type in _INLINE_TEXT:
            builder.add_text(child.content, line)
        elif child.type in _LINE_BREAKS:
            builder.add_space()
            line += 1
        elif child.nesting == 1:
            opened.append(child)
            builder.open_inline(child, child.tag, child.attrGet("href"))
        elif child.nesting == -1:
            builder.close_inline(opened.pop())
        # Images are dropped, as the HTML reader drops <img>.


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark caps nesting at 20 levels, so hostile input cannot exhaust the stack.
    return MarkdownIt("commonmark")
