"""Every field editors fill in, and every block field, tells them what to write."""

import pytest
from django.apps import apps
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.fields import StreamField

from wagtail_kratom.article_types import get_article_page_models

PACKAGE = apps.get_app_config("wagtail_kratom")

#: Scheduling fields Wagtail's draft-state mixin adds to disclaimers, which Wagtail labels itself.
WAGTAIL_SCHEDULING_FIELDS = {"first_published_at", "go_live_at", "expire_at"}


def editable_fields():
    for model in PACKAGE.get_models():
        if issubclass(model, TaggedItemBase):
            continue  # taggit's link between a page and a topic; editors only see the topics field.
        for field in model._meta.get_fields():
            if getattr(field, "model", None) is not model or not getattr(field, "editable", False):
                continue
            if field.auto_created or field.name in {"sort_order", "page", "settings", *WAGTAIL_SCHEDULING_FIELDS}:
                continue
            yield f"{model.__name__}.{field.name}", str(field.help_text)


def child_blocks(block, path):
    if isinstance(block, blocks.BaseStructBlock | blocks.BaseStreamBlock):
        for name, child in block.child_blocks.items():
            yield f"{path}.{name}", child, block
            yield from child_blocks(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from child_blocks(block.child_block, f"{path}[]")


def block_help(block) -> str:
    return str(getattr(block.meta, "help_text", "") or getattr(getattr(block, "field", None), "help_text", "") or "")


def struct_fields():
    for model in get_article_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for path, block, parent in child_blocks(field.stream_block, f"{model.__name__}.{field.name}"):
                    # Fields of a structured block; a block offered in a stream explains itself by its description.
                    if isinstance(parent, blocks.BaseStructBlock) and not isinstance(parent, blocks.ListBlock):
                        yield path, block_help(block)


@pytest.mark.parametrize("fields", [editable_fields, struct_fields], ids=["model fields", "block fields"])
def test_every_field_has_help_text(fields):
    """Names every field without help text at once, rather than one test per field."""
    help_texts = list(fields())
    assert help_texts, "No fields found to check."
    missing = [name for name, help_text in help_texts if not help_text.strip()]
    assert not missing, f"No help text on: {', '.join(missing)}"
