"""The test settings with a custom base page model: ``WAGTAIL_PAGE_MODEL`` swaps Wagtail's ``Page`` out."""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

# Listed first: the base page's model loads before the page types built on it (wagtail_kratom.base_page).
INSTALLED_APPS = ["tests.basepage", *INSTALLED_APPS]
WAGTAIL_PAGE_MODEL = "basepage.BasePage"
