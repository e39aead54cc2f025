from wagtail.models import AbstractPage


class BasePage(AbstractPage):
    """A site's own base page model, without Page's SEO and menu fields (tests.settings_custom_page)."""
