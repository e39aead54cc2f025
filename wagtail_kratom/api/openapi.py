"""Strict v3 read schemas for the article page types: always-present fields are required, null only where typed so.

Wagtail's v3 schema generator cannot know, for any model, whether a field served by a
serializer may be missing or null, so it makes every such field optional and nullable, and
every field with a default optional. The article fields are always in a response, and null
only where their ``to_representation`` annotation says so (a hub's ``at_a_glance``). This
module narrows the generated read schemas of the article page types accordingly, so a client
generated from ``/api/v3/openapi.json`` (openapi-typescript, say) reads them in strict mode.
"""

from typing import Any, get_type_hints

from django.db.models import Model
from pydantic import ConfigDict
from wagtail.api import APIField

from ..article_types import ArticlePageBase
from .fields import PageField, get_shown_disclaimer_choices


def topic_names(page) -> list[str]:
    """A page's topics, in name order, from the tags read with its article data when they were."""
    return sorted(tag.name for tag in page.topics.all())


def strict_read_schema(schema: type, model: type[Model]) -> type:
    """A subclass of the generated read ``schema`` of ``model`` with its computed fields required and typed exactly."""
    annotations: dict[str, Any] = {
        api_field.name: get_type_hints(type(api_field.serializer).to_representation)["return"]
        for api_field in APIField.get_fields_for_model(model)
        if isinstance(api_field.serializer, PageField)
    }
    namespace = {
        "__module__": schema.__module__,
        "__annotations__": annotations,
        **dict.fromkeys(annotations, ...),
        # Every field of a response is present, defaults or not: say so in the (serialization) schema.
        "model_config": ConfigDict(json_schema_serialization_defaults_required=True),
    }
    if any(api_field.name == "kratom_disclaimers" for api_field in APIField.get_fields_for_model(model)):
        # Only the choices readers may be shown, as in v2: a draft disclaimer's id stays private.
        namespace["resolve_kratom_disclaimers"] = staticmethod(get_shown_disclaimer_choices)
    if any(api_field.name == "topics" for api_field in APIField.get_fields_for_model(model)):
        # The topics read with the page's other article data, as in v2, rather than queried again.
        namespace["resolve_topics"] = staticmethod(topic_names)
    # The resolvers (``resolve_<field>``) are inherited from the generated schema.
    return type(schema)(schema.__name__, (schema,), namespace)


def install_strict_read_schemas() -> None:
    """Narrow the read schema Wagtail's v3 API generates for each article page type, from then on."""
    # Lazy import: the v3 API is optional, and this runs only where it is installed.
    from wagtail.api.v3.schemas import read_generator

    generate_schema = read_generator.generate_schema

    def generate_strict_schema(model: type[Model], base_class: type) -> type:
        schema = generate_schema(model, base_class=base_class)
        return strict_read_schema(schema, model) if issubclass(model, ArticlePageBase) else schema

    read_generator.generate_schema = generate_strict_schema
