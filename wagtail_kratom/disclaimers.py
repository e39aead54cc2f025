"""Disclaimers: approved wording, kept as revisioned snippets, that pages must carry.

Each page picks its disclaimers (``ArticlePageDisclaimer``); templates show them
by kind in fixed places.
"""

import swapper
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from .conf import get_setting

swapper.set_app_prefix("wagtailcore", "wagtail")

BUILT_IN_KINDS = [
    ("medical", _("Medical")),
    ("dosage", _("Dosage")),
    ("legal", _("Legal")),
    ("emergency", _("Emergency")),
    ("evidence", _("Evidence")),
]

#: Context variables an article page sets so that each disclaimer renders once per page.
DISCLAIMERS_CONTEXT_KEY = "kratom_disclaimers"
SHOWN_CONTEXT_KEY = "kratom_disclaimers_shown"

#: The order kinds are shown in when no fixed place has shown them already.
KIND_ORDER = [kind for kind, _label in BUILT_IN_KINDS]


def is_kind_pair(choice) -> bool:
    """Whether an ``EXTRA_DISCLAIMER_KINDS`` entry has the ``("kind", "Label")`` shape."""
    return isinstance(choice, (list, tuple)) and len(choice) == 2 and isinstance(choice[0], str)


def get_kind_choices() -> list[tuple[str, str]]:
    """Built-in kinds plus those a project adds in ``WAGTAIL_KRATOM["EXTRA_DISCLAIMER_KINDS"]``.

    Malformed entries are left out here and reported by the system check wagtail_kratom.E005.
    """
    extra = get_setting("EXTRA_DISCLAIMER_KINDS")
    if not isinstance(extra, (list, tuple)):
        return list(BUILT_IN_KINDS)
    return BUILT_IN_KINDS + [tuple(choice) for choice in extra if is_kind_pair(choice)]


class Disclaimer(DraftStateMixin, RevisionMixin, LockableMixin, PreviewableMixin, index.Indexed, models.Model):
    """A disclaimer of one kind, in wording approved through drafts and revisions."""

    kind = models.CharField(
        _("kind"),
        max_length=50,
        choices=get_kind_choices,
        help_text=_("What the disclaimer covers; page templates show each kind in its own place."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short heading shown above the disclaimer, for example “This is not medical advice”."),
    )
    body = RichTextField(
        _("body"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("The approved wording readers see."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to stop offering this disclaimer to pages."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("disclaimer")
        verbose_name_plural = _("disclaimers")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_preview_template(self, request, mode_name):
        return "wagtail_kratom/includes/disclaimer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "disclaimers": [self]}


class ArticlePageDisclaimer(Orderable):
    """A disclaimer an editor chose for one page."""

    page = ParentalKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="kratom_disclaimers",
    )
    disclaimer = models.ForeignKey(
        Disclaimer,
        on_delete=models.PROTECT,
        related_name="page_links",
        verbose_name=_("disclaimer"),
        help_text=_("Approved wording to show on this page."),
    )

    panels = [FieldPanel("disclaimer")]

    class Meta(Orderable.Meta):
        verbose_name = _("page disclaimer")
        verbose_name_plural = _("page disclaimers")
