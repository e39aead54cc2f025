"""JSON Schemas for the v2 detail payload of each article page type, worked out from the code that makes it.

The schema of a field served by a serializer comes from the return annotation
of its ``to_representation`` (the same one Wagtail's v3 API types its OpenAPI
schema by); a StreamField's comes from its block definitions. Generating rather
than writing them by hand keeps the shipped files from drifting: a test
compares them with what this module makes.
"""

import json
import typing
from pathlib import Path
from typing import Any

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from pydantic import TypeAdapter
from wagtail import blocks
from wagtail.api import APIField
from wagtail.api.conf import get_model_field
from wagtail.fields import RichTextField, StreamField

from ..blocks import CitationRefsBlock, LabelledChoicesBlock

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Where the package ships the generated schemas.
SCHEMA_DIR = Path(__file__).parent / "schemas"

STRING = {"type": "string"}
HTML = {"type": "string", "contentMediaType": "text/html"}

#: Keys Wagtail's v2 API puts in a page detail's ``meta``.
PAGE_META_SCHEMA = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "detail_url": {"type": "string", "format": "uri"},
        "html_url": {"type": ["string", "null"]},
        "slug": {"type": "string"},
        "show_in_menus": {"type": "boolean"},
        "seo_title": {"type": "string"},
        "search_description": {"type": "string"},
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "alias_of": {"type": ["object", "null"]},
        "parent": {"type": ["object", "null"]},
        "locale": {"type": "string"},
    },
    "required": ["type", "detail_url", "html_url", "slug", "first_published_at"],
}

#: How Wagtail's v2 API serves a foreign key: the object's id and type.
RELATED_OBJECT_SCHEMA = {
    "type": ["object", "null"],
    "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}},
    "required": ["id", "meta"],
}


def block_schema(block: blocks.Block) -> dict[str, Any]:
    """The JSON Schema of ``block.get_api_representation()`` for the block types the page types use."""
    description = getattr(block.meta, "help_text", None) or getattr(getattr(block, "field", None), "help_text", None)
    schema = _block_schema(block)
    if description and "description" not in schema:
        schema["description"] = str(description)
    return schema


def _block_schema(block: blocks.Block) -> dict[str, Any]:
    if isinstance(block, blocks.BaseStreamBlock):
        return {
            "type": "array",
            "items": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": name},
                            "value": block_schema(child),
                            "id": {"type": "string", "format": "uuid"},
                        },
                        "required": ["type", "value", "id"],
                        "additionalProperties": False,
                    }
                    for name, child in block.child_blocks.items()
                ]
            },
        }
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.BaseStructBlock):
        properties = {name: block_schema(child) for name, child in block.child_blocks.items()}
        if isinstance(block, LabelledChoicesBlock):
            for name, child in block.child_blocks.items():
                if isinstance(child, blocks.ChoiceBlock):
                    properties[f"{name}_label"] = {"type": "string", "description": f"The human label of “{name}”."}
        properties.update(getattr(block, "api_schema_extra", {}))
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }
    if isinstance(block, blocks.ChoiceBlock):
        values = [value for value, _label in block.field.choices if value != ""]
        return {"enum": values if block.required else [*values, ""]}
    if isinstance(block, CitationRefsBlock):
        return {"type": "array", "items": {"type": "integer", "minimum": 1}}
    if isinstance(block, blocks.RichTextBlock):
        return dict(HTML)
    if isinstance(block, blocks.IntegerBlock):
        return {"type": ["integer", "null"] if not block.required else "integer"}
    if isinstance(block, blocks.DecimalBlock):
        return {"type": ["number", "null"] if not block.required else "number"}
    if isinstance(block, blocks.DateBlock):
        return {"type": ["string", "null"] if not block.required else "string", "format": "date"}
    if isinstance(block, blocks.URLBlock) and block.required:
        return {"type": "string", "format": "uri"}
    if isinstance(block, blocks.FieldBlock):
        return dict(STRING)
    return {}


class SchemaBuilder:
    """Builds one page type's schema, collecting the shared definitions pydantic makes for typed fields."""

    def __init__(self):
        self.definitions: dict[str, Any] = {}

    def typed(self, annotation) -> dict[str, Any]:
        schema = TypeAdapter(annotation).json_schema(ref_template="#/$defs/{model}", mode="serialization")
        self.definitions.update(schema.pop("$defs", {}))
        return schema

    def field_schema(self, model, api_field: APIField) -> dict[str, Any]:
        if api_field.serializer is not None:
            return_type = typing.get_type_hints(type(api_field.serializer).to_representation)["return"]
            schema = self.typed(return_type)
            if doc := type(api_field.serializer).__doc__:
                schema["description"] = doc.strip().splitlines()[0]
            return schema
        field = get_model_field(model, api_field.name)
        if isinstance(field, StreamField):
            schema = block_schema(field.stream_block)
        elif isinstance(field, RichTextField):
            schema = dict(HTML)
        elif isinstance(field, ClusterTaggableManager):
            schema = {"type": "array", "items": STRING}
        elif isinstance(field, models.ForeignObjectRel):
            schema = {"type": "array", "items": self.child_schema(field.related_model)}
        else:
            schema = dict(STRING)
        if help_text := getattr(field, "help_text", None):
            schema["description"] = str(help_text)
        return schema

    def child_schema(self, model) -> dict[str, Any]:
        properties = {"id": {"type": "integer"}, "meta": {"type": "object"}}
        for api_field in APIField.get_fields_for_model(model):
            field = model._meta.get_field(api_field.name)
            properties[api_field.name] = RELATED_OBJECT_SCHEMA if field.is_relation else dict(STRING)
        return {"type": "object", "properties": properties, "required": list(properties)}


def model_description(model) -> str:
    """The first line of the nearest hand-written class docstring (Django writes one for every model)."""
    for cls in model.__mro__:
        doc = cls.__dict__.get("__doc__")
        if doc and not doc.startswith(f"{cls.__name__}("):
            return doc.strip().splitlines()[0]
    return ""


def page_schema(model) -> dict[str, Any]:
    """The JSON Schema of ``/api/v2/pages/<id>/`` for a page of ``model``."""
    builder = SchemaBuilder()
    properties: dict[str, Any] = {
        "id": {"type": "integer"},
        "meta": {
            **PAGE_META_SCHEMA,
            "properties": {**PAGE_META_SCHEMA["properties"], "type": {"const": model._meta.label}},
        },
        "title": STRING,
    }
    for api_field in APIField.get_fields_for_model(model):
        properties[api_field.name] = builder.field_schema(model, api_field)
    schema = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:wagtail-kratom:api:v2:{model._meta.label}",
        "title": f"{model._meta.verbose_name.capitalize()} (Wagtail v2 API detail)",
        "description": model_description(model),
        "type": "object",
        "properties": properties,
        "required": list(properties),
    }
    if builder.definitions:
        schema["$defs"] = dict(sorted(builder.definitions.items()))
    return schema


def schema_file_name(model) -> str:
    return f"{model._meta.label}.v2.json"


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
