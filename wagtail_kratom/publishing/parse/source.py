"""The checks every reader starts with: the source is UTF-8 text of a sensible size, not a binary file."""

import re

from ..errors import ArticleParseError

#: The longest source accepted, in characters; a bigger file is not an article.
MAX_SOURCE_CHARS = 2_000_000

# More control characters than this share of the text means the input is not text at all.
_CONTROL_SHARE = 0.3
_CONTROL_CHARS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")


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


def prepare_source(source: str | bytes) -> str:
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
