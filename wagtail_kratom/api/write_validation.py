"""The shape of v3 write payloads, checked before Wagtail turns them into StreamField and rich text values.

Wagtail 8.0's v3 API hands a write's JSON to the page's admin form, whose StreamField and rich
text fields convert it with the blocks' ``to_python`` before validating anything. Raw data of the
wrong shape (a string where a block's object belongs, a list item that is not an object), a date
that does not exist ("2024-02-30"), a number that is not one, or HTML nested thousands of levels
deep (Python's recursion limit, in Wagtail's rich text converter) raises there, and the API
answers 500. Each is reported here as a 422 located at the field, as Wagtail's own validation errors are.
"""

import datetime
import decimal
from html.parser import HTMLParser
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dateparse import parse_date
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from ..blocks import CitationRefsBlock

#: The deepest nesting of HTML elements a rich text value may have; real text needs a handful.
MAX_HTML_DEPTH = 100

#: HTML elements that never contain others, so never deepen the nesting.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class NestingDepth(HTMLParser):
    """Measures how deeply HTML elements nest, without building a tree (which is what recurses)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS:
            self.depth = max(self.depth - 1, 0)


def html_error(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return "must be HTML text"
    parser = NestingDepth()
    parser.feed(value)
    parser.close()
    if parser.deepest > MAX_HTML_DEPTH:
        return f"nests HTML elements {parser.deepest} deep; at most {MAX_HTML_DEPTH} are allowed"
    return None


def date_error(value: Any) -> str | None:
    if value in (None, "") or isinstance(value, datetime.date):
        return None
    if not isinstance(value, str):
        return "must be a date written as YYYY-MM-DD"
    try:
        parse_date(value)
    except ValueError:
        return f"“{value}” is not a date that exists"
    return None


def decimal_error(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return "must be a number"
    if isinstance(value, int | float | decimal.Decimal):
        return None
    if isinstance(value, str):
        try:
            decimal.Decimal(value)
        except decimal.InvalidOperation:
            return f"“{value}” is not a number"
        return None
    return "must be a number"


def citation_refs_error(value: Any) -> str | None:
    if value in (None, "") or isinstance(value, str):
        # Text such as "1, 3" is what the editor types; the block's own validation reads it.
        return None
    if not isinstance(value, list) or not all(
        isinstance(number, int) and not isinstance(number, bool) for number in value
    ):
        return "must be a list of citation numbers"
    return None


def block_error(block: blocks.Block, value: Any, path: str) -> str | None:
    """The first place in ``value``, raw data for ``block``, that ``block.to_python`` could not take."""
    if isinstance(block, blocks.BaseStreamBlock):
        if not isinstance(value, list):
            return f"{path}: must be a list of blocks"
        for position, item in enumerate(value, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("type"), str):
                return f"{path} › item {position}: must be an object with a “type” and a “value”"
            child = block.child_blocks.get(item["type"])
            where = f"{path} › {item['type']} {position}"
            if child is not None and (error := block_error(child, item.get("value"), where)):
                return error
        return None
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            return f"{path}: must be a list"
        for position, item in enumerate(value, start=1):
            if isinstance(item, dict) and item.get("type") == "item" and set(item) <= {"type", "value", "id"}:
                item = item.get("value")
            if error := block_error(block.child_block, item, f"{path} › item {position}"):
                return error
        return None
    if isinstance(block, blocks.BaseStructBlock):
        if not isinstance(value, dict):
            return f"{path}: must be an object"
        for name, child in block.child_blocks.items():
            if name in value and (error := block_error(child, value[name], f"{path} › {name}")):
                return error
        return None
    checks = (
        (blocks.RichTextBlock, html_error),
        (blocks.DateBlock, date_error),
        (blocks.DecimalBlock, decimal_error),
        (CitationRefsBlock, citation_refs_error),
    )
    for block_class, check in checks:
        if isinstance(block, block_class) and (error := check(value)):
            return f"{path}: {error}"
    return None


def payload_errors(model: type[models.Model], payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Errors, in the v3 API's ``errors`` form, for each StreamField or rich text value of ``payload``
    that Wagtail could not convert."""
    errors = []
    for name, value in payload.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            # Not a model field (``meta``, an unknown name): Wagtail judges it.
            continue
        if isinstance(field, StreamField):
            error = block_error(field.stream_block, value, field.verbose_name.capitalize())
        elif isinstance(field, RichTextField):
            error = html_error(value)
            error = error and f"{field.verbose_name.capitalize()}: {error}"
        else:
            continue
        if error:
            errors.append({"type": "value_error", "loc": [name], "msg": error})
    return errors
