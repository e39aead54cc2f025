"""The site's base page model, for page types that must build on it (Wagtail 8's ``WAGTAIL_PAGE_MODEL``).

A site with a custom base page model swaps Wagtail's ``Page`` out: it has no table and no manager, so a page type
that subclasses it breaks the whole project. Page types build on ``BasePage`` instead, with ``parent_link()`` so
that the link to the base row is called ``page_ptr`` (and their migrations stay the same) whatever the base is
called.
"""

import swapper
from django.apps import apps
from django.db import models
from wagtail.models import AbstractPage, Page


def base_page_model() -> type[AbstractPage]:
    """Wagtail's ``Page``, or the model ``WAGTAIL_PAGE_MODEL`` names.

    Called while models load: the base page's app must be listed above the app that calls it in
    ``INSTALLED_APPS``, so that its models are loaded first.
    """
    if swapper.is_swapped("wagtailcore", "Page"):
        return apps.get_model(swapper.get_model_name("wagtailcore", "Page"), require_ready=False)
    return Page


#: The base every page type of the package, the demo and the tests builds on.
BasePage = base_page_model()


def parent_link() -> models.OneToOneField:
    """The link from a page type to its base page row, named ``page_ptr`` as Django names the link to ``Page``."""
    return models.OneToOneField(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        serialize=False,
        auto_created=True,
    )
