"""Inline content as both readers write it: plain text and safe HTML, from the same buffer of tokens.

A buffer holds ``("text", str)``, ``("open", name, opening_html)`` and ``("close", name)``
tokens. ``BlockBuilder.open_inline`` opens only the elements a rich-text paragraph allows
(``FORMATTING_TAGS``, and ``a`` with a ``safe_href``) and all text is escaped: the HTML is written
from an allow-list rather than cleaned, so it needs no sanitiser after.
"""

import re
from html import escape

#: Inline elements kept in ``Paragraph.html``, besides links.
FORMATTING_TAGS = frozenset({"b", "strong", "i", "em"})

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_URL_NEWLINES = re.compile(r"[\t\n\r]")
_URL_EDGE = "".join(chr(code) for code in range(0x21))  # C0 controls and space


def render_inline(tokens: list[tuple[str, ...]]) -> tuple[str, str]:
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


def safe_href(value: object) -> str | None:
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
