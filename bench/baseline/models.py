from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page


class PlainPage(Page):
    """What a site would build without the package: the same text, in one rich-text field."""

    body = RichTextField(blank=True, help_text="The article's whole text.")

    api_fields = [APIField("body")]
    template = "baseline/plain_page.html"
