from wagtail.fields import RichTextField
from wagtail.models import Page


class OrdinaryPage(Page):
    """A site's own page type, standing in for the pages article pages live under."""

    body = RichTextField(blank=True)
