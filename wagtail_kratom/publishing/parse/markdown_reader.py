"""Read Markdown (CommonMark, with markdown-it-py) with the same rules as an HTML export."""

from functools import lru_cache

from markdown_it import MarkdownIt

from ..article import Article
from .assemble import assemble_article
from .html_reader import LINE_ATTR, LINE_MARKER, read_html
from .source import prepare_source


def parse_markdown(source: str | bytes, *, title: str | None = None) -> Article:
    """Parse Markdown: ``#`` title, ``##`` sections, ``###`` sub-sections, lists, links, emphasis.

    The Markdown is rendered with markdown-it-py's CommonMark preset (raw HTML in it is read like
    any HTML, so scripts are dropped the same way) and then read like an HTML export, with the
    same rules as ``parse_html``. Line numbers refer to the Markdown source.
    """
    text = prepare_source(source)
    md = _markdown()
    tokens = md.parse(text)
    for token in tokens:
        if token.map is None:
            continue
        line = str(token.map[0] + 1)
        if token.nesting == 1:
            token.attrSet(LINE_ATTR, line)
        elif token.type == "html_block":
            # Raw HTML is copied line for line; the marker lets the reader map its lines back.
            token.content = f'<{LINE_MARKER} {LINE_ATTR}="{line}"></{LINE_MARKER}>{token.content}'
    html = md.renderer.render(tokens, md.options, {})
    blocks = read_html(html, markdown=True)
    return assemble_article(blocks, title=title, source_format="markdown")


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # CommonMark caps nesting at 20 levels, so hostile input cannot exhaust the stack.
    return MarkdownIt("commonmark")
