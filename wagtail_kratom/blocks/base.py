"""The building blocks the block families share: typed API values, choice labels, errors in words."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks

#: Rich text features for section paragraphs: sub-headings below the section's own ``h2``.
SECTION_RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
#: Rich text features for short passages (intro, conclusion, block descriptions).
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


def describe_block_errors(error: ValidationError, value=None, location: tuple[str, ...] = ()) -> list[str]:
    """Flatten a nested block validation error into sentences that say where each problem is.

    Wagtail's block errors are shaped for the admin form; importers, code and
    API clients get "section 1 “Dose” › dosage › rows › row 1 › max: ..." instead.
    """
    prefix = " › ".join(location)

    def located(messages):
        return [f"{prefix}: {message}" if prefix else message for message in messages]

    nested = getattr(error, "block_errors", None)
    if nested is None:
        return located(error.messages)
    messages = located([message for item in error.non_block_errors.as_data() for message in item.messages])
    for key, child_error in nested.items():
        if isinstance(key, str):
            child_value = value.get(key) if value is not None else None
            place = key.replace("_", " ")
        elif isinstance(value, blocks.StreamValue):
            child = value[key]
            child_value = child.value
            place = f"{child.block_type.replace('_', ' ')} {key + 1}"
            if isinstance(child_value, blocks.StructValue) and child_value.get("heading"):
                place += f" “{child_value['heading']}”"
        else:
            child_value = value[key] if value is not None else None
            place = f"row {key + 1}"
        messages += describe_block_errors(child_error, child_value, (*location, place))
    return messages


def choice_labels(struct_block: blocks.StructBlock, value) -> dict[str, str]:
    """The human label of each choice field's value in ``value``, by field name."""
    label_maps = struct_block.__dict__.get("_choice_label_maps")
    if label_maps is None:
        # Read once per block definition: a ChoiceBlock builds its choices anew on every access.
        label_maps = struct_block.__dict__["_choice_label_maps"] = {
            name: dict(block.field.choices)
            for name, block in struct_block.child_blocks.items()
            if isinstance(block, blocks.ChoiceBlock)
        }
    return {
        name: str(labels.get(value[name], value[name])) if value[name] else "" for name, labels in label_maps.items()
    }


class LabelledStructValue(blocks.StructValue):
    """A struct value that also gives the human label of each choice field."""

    @cached_property
    def labels(self) -> dict[str, str]:
        """Labels by field name, for templates: ``{{ value.labels.severity }}``."""
        return choice_labels(self.block, self)


#: Blocks whose API value is text: served as "" rather than null when left empty.
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.RegexBlock, blocks.RichTextBlock)


class TypedStructBlock(blocks.StructBlock):
    """A struct block whose API output always has a string for a text field, even one saved from code as null.

    Values written in code or imported may leave optional text out; the admin
    saves them as "". API clients and the package's JSON Schemas see one shape.
    """

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        for name, block in self.child_blocks.items():
            if isinstance(block, TEXT_BLOCKS) and representation.get(name) is None:
                representation[name] = ""
        return representation


class LabelledChoicesBlock(TypedStructBlock):
    """A struct block whose API output gives each choice's label beside its stable value.

    ``"severity": "high"`` is joined by ``"severity_label": "High"``; the extra
    keys are ignored when the same JSON is written back through Wagtail's v3 API.
    Subclasses that add other keys describe them in ``api_schema_extra``, for the
    package's JSON Schemas.
    """

    api_schema_extra: dict = {}

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        for name, label in choice_labels(self, value).items():
            representation[f"{name}_label"] = label
        return representation

    class Meta:
        value_class = LabelledStructValue
