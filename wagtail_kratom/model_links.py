"""How the package's records link to pages and to users, declared once.

A record about a page (an acceptance, an imported source, a related article) goes with the page; a record
of who did something outlives the user, who may be deleted, so it keeps the record and forgets the name.
Pages are named through ``swapper`` so that a site's own base page model (``WAGTAIL_PAGE_MODEL``) is linked.
"""

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

swapper.set_app_prefix("wagtailcore", "wagtail")


def page_link(
    related_name: str,
    help_text: str,
    *,
    verbose_name: str = _("page"),
    field_class: type[models.ForeignKey] = models.ForeignKey,
) -> models.ForeignKey:
    """A link to a page of the site's page model; the record is deleted with the page."""
    return field_class(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=verbose_name,
        help_text=help_text,
    )


def acting_user_link(verbose_name: str, help_text: str) -> models.ForeignKey:
    """The user who did what a record records; the record stays when the user is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )
