from wagtail.fields import RichTextField

from wagtail_kratom.base_page import BasePage, parent_link


class OrdinaryPage(BasePage):
    """A site's own page type, standing in for the pages article pages live under."""

    page_ptr = parent_link()
    body = RichTextField(blank=True)
