"""Disclaimers: approved wording, kept as revisioned snippets, that pages must carry.

Each page type requires some kinds (``REQUIRED_DISCLAIMER_KINDS``). A page resolves
a kind to the disclaimer it chose itself or, failing that, to its site's default.
``resolve_disclaimers`` is the one place that rule lives: rendering, the APIs and
the go-live gate (``gate``) ask it.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

import swapper
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    Site,
)
from wagtail.search import index

from .article_types import get_article_page_models
from .conf import SETTINGS, get_setting
from .model_links import page_link

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

#: How many pages a refusal names before summing up the rest.
PAGES_NAMED_IN_REFUSALS = 10

#: The log action Wagtail's ``publish_scheduled`` command publishes with.
SCHEDULED_PUBLISH_LOG_ACTION = "wagtail.publish.scheduled"

logger = logging.getLogger(__name__)


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


def kind_label(kind: str) -> str:
    return str(dict(get_kind_choices()).get(kind, kind)).lower()


def get_required_kinds_setting() -> dict[str, list[str]]:
    """``REQUIRED_DISCLAIMER_KINDS`` with the project's entries over the defaults, keyed by lower-case label."""
    configured = get_setting("REQUIRED_DISCLAIMER_KINDS")
    merged = {**SETTINGS["REQUIRED_DISCLAIMER_KINDS"].default, **(configured if isinstance(configured, dict) else {})}
    return {label.lower(): list(kinds) for label, kinds in merged.items()}


def get_required_kinds(model: type[models.Model]) -> list[str]:
    """The disclaimer kinds a page of ``model`` needs to go live; subclasses inherit their parent's."""
    required = get_required_kinds_setting()
    for klass in model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in required:
            return required[meta.label_lower]
    return []


def sort_by_kind(disclaimers: Iterable) -> list:
    rank = {kind: position for position, kind in enumerate(KIND_ORDER)}
    return sorted(disclaimers, key=lambda disclaimer: rank.get(disclaimer.kind, len(rank)))


def join_words(words: list[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c"."""
    if len(words) < 2:
        return "".join(words)
    return format_lazy("{} {} {}", ", ".join(words[:-1]), _("and"), words[-1])


def name_pages(pages: list) -> str:
    """Titles and URLs of the first pages, enough for an editor to find them."""
    named = ", ".join(
        f"“{page.get_admin_display_title()}” ({page.get_url() or page.url_path})"
        for page in pages[:PAGES_NAMED_IN_REFUSALS]
    )
    if len(pages) > PAGES_NAMED_IN_REFUSALS:
        return _("%(pages)s and %(count)d more") % {"pages": named, "count": len(pages) - PAGES_NAMED_IN_REFUSALS}
    return named


@dataclass
class DisclaimerResolution:
    """What a page shows, and which required kinds nothing covers."""

    #: Disclaimers the page shows, in kind order.
    disclaimers: list = field(default_factory=list)
    #: Required kinds with no usable disclaimer, in the order the setting lists them.
    missing: list[str] = field(default_factory=list)
    #: Disclaimers the page chose that cannot be shown (not published or not active).
    unusable: list = field(default_factory=list)


def resolve_disclaimers(model: type[models.Model], chosen: Iterable, site_defaults: dict) -> DisclaimerResolution:
    """Resolve each required kind to the page's own choice or else the site default.

    A kind the page chose for itself is never filled from the site default, even
    when the choice cannot be shown: the editor picked that wording on purpose.
    """
    chosen = list(chosen)
    chosen_kinds = {disclaimer.kind for disclaimer in chosen}
    shown = [disclaimer for disclaimer in chosen if disclaimer.is_usable]
    required = get_required_kinds(model)
    shown += [site_defaults[kind] for kind in required if kind not in chosen_kinds and kind in site_defaults]
    shown_kinds = {disclaimer.kind for disclaimer in shown}
    return DisclaimerResolution(
        disclaimers=sort_by_kind(shown),
        missing=[kind for kind in required if kind not in shown_kinds],
        unusable=[disclaimer for disclaimer in chosen if not disclaimer.is_usable],
    )


def get_live_page_ids_needing_default(site: Site, kind: str) -> set[int]:
    """Live article pages of ``site`` whose type requires ``kind`` and that leave it to the site default."""
    page_ids = set()
    for model in get_article_page_models():
        if kind in get_required_kinds(model):
            page_ids.update(
                model.objects.live()
                .descendant_of(site.root_page, inclusive=True)
                .exclude(kratom_disclaimers__disclaimer__kind=kind)
                .values_list("pk", flat=True)
            )
    return page_ids


def get_pages_in_tree_order(page_ids: Iterable[int]) -> list:
    return list(swapper.load_model("wagtailcore", "Page").objects.filter(pk__in=page_ids).order_by("path"))


def get_site_for_page(page) -> Site | None:
    """The site a page belongs to, also for a new page that has a tree position but no URL path yet."""
    if page.pk is None and page.depth and page.depth > 1:
        return page.get_parent().get_site()
    return page.get_site()


class DisclaimerInUse(ValidationError):
    """A disclaimer that live pages rely on was about to be deleted, deactivated or withdrawn."""

    def __init__(self, disclaimer, pages: list, action: str):
        self.disclaimer = disclaimer
        self.pages = pages
        message = _(
            "“%(title)s” cannot be %(action)s: %(count)d live page(s) show it: %(pages)s. "
            "Choose another %(kind)s disclaimer for them, or unpublish them, first."
        ) % {
            "title": disclaimer.title,
            "action": action,
            "count": len(pages),
            "pages": name_pages(pages),
            "kind": kind_label(disclaimer.kind),
        }
        super().__init__(message, code="disclaimer_in_use")


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

    # Live pages rely on usable disclaimers; every way of withdrawing one from them is refused.

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and (withdrawal := self.get_withdrawal()):
            stored, action, _field_name = withdrawal
            stored.check_can_withdraw(action)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if withdrawal := self.get_withdrawal():
            stored, action, field_name = withdrawal
            try:
                stored.check_can_withdraw(action)
            except DisclaimerInUse as error:
                raise ValidationError({field_name: error} if field_name else error) from error

    def delete(self, *args, **kwargs):
        self.check_can_withdraw(_("deleted"))
        return super().delete(*args, **kwargs)

    # Wagtail's publish_scheduled stops at the first error, and would publish and expire nothing
    # after it, then or on any later run: its refusals here are logged instead of raised.

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None, **kwargs):
        """Publish ``revision``; a scheduled one that would withdraw the disclaimer stays scheduled, with a warning."""
        try:
            # Wagtail clears the revisions' schedule before it saves: a refusal must undo that too.
            with transaction.atomic():
                return super().publish(revision, user, changed, log_action, previous_revision, **kwargs)
        except DisclaimerInUse as refusal:
            if log_action != SCHEDULED_PUBLISH_LOG_ACTION:
                raise
            logger.warning("Scheduled publishing of disclaimer %s refused: %s", self.pk, refusal.message)
            return None

    def unpublish(self, set_expired=False, commit=True, user=None, log_action=True):
        """Unpublish the disclaimer; one reaching its expiry date while live pages show it stays live (logged)."""
        try:
            with transaction.atomic():
                return super().unpublish(set_expired=set_expired, commit=commit, user=user, log_action=log_action)
        except DisclaimerInUse as refusal:
            if not set_expired:
                raise
            logger.warning("Disclaimer %s reached its expiry date and stays live: %s", self.pk, refusal.message)
            return None

    @property
    def is_usable(self) -> bool:
        """Whether pages may show this disclaimer: its wording is published and it is active."""
        return self.live and self.active

    def get_live_pages_showing(self) -> list:
        """Live article pages that show this disclaimer, chosen on the page or as their site's default."""
        page_ids = set(
            ArticlePageDisclaimer.objects.filter(disclaimer=self, page__live=True).values_list("page_id", flat=True)
        )
        for default in self.site_default_links.select_related("settings__site__root_page"):
            page_ids.update(get_live_page_ids_needing_default(default.settings.site, self.kind))
        return get_pages_in_tree_order(page_ids)

    def check_can_withdraw(self, action: str) -> None:
        """Raise ``DisclaimerInUse`` naming the live pages that would lose this disclaimer."""
        if pages := self.get_live_pages_showing():
            raise DisclaimerInUse(self, pages, action)

    def get_withdrawal(self) -> tuple["Disclaimer", str, str | None] | None:
        """If saving this instance takes the stored, usable disclaimer from pages: (stored, action, field)."""
        stored = Disclaimer.objects.filter(pk=self.pk).first() if self.pk else None
        if stored is None or not stored.is_usable:
            return None
        if not self.live:
            return stored, _("unpublished"), None
        if not self.active:
            return stored, _("deactivated"), "active"
        if self.kind != stored.kind:
            return stored, _("given another kind"), "kind"
        return None

    def get_preview_template(self, request, mode_name):
        return "wagtail_kratom/includes/disclaimer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "disclaimers": [self]}


def disclaimer_choice(related_name: str, help_text: str) -> models.ForeignKey:
    """A choice of approved wording; a disclaimer in use cannot be deleted, so no page loses one unseen."""
    return models.ForeignKey(
        Disclaimer,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=_("disclaimer"),
        help_text=help_text,
    )


class ArticlePageDisclaimer(Orderable):
    """A disclaimer an editor chose for one page, instead of the site default of its kind."""

    page = page_link("kratom_disclaimers", _("The page that shows the disclaimer."), field_class=ParentalKey)
    disclaimer = disclaimer_choice(
        "page_links", _("Approved wording to show on this page instead of the site default of its kind.")
    )

    panels = [FieldPanel("disclaimer")]
    api_fields = [APIField("disclaimer", writable=True)]

    class Meta(Orderable.Meta):
        verbose_name = _("page disclaimer")
        verbose_name_plural = _("page disclaimers")


class SiteDefaultDisclaimer(Orderable):
    """The disclaimer a site's pages show for one kind unless they choose their own."""

    settings = ParentalKey(
        "wagtail_kratom.KratomSiteSettings",
        on_delete=models.CASCADE,
        related_name="default_disclaimers",
    )
    disclaimer = disclaimer_choice(
        "site_default_links",
        _("Approved wording every page of the site shows for this kind, unless a page chooses another."),
    )

    panels = [FieldPanel("disclaimer")]

    class Meta(Orderable.Meta):
        verbose_name = _("default disclaimer")
        verbose_name_plural = _("default disclaimers")


def check_one_per_kind(disclaimers: Iterable) -> str | None:
    """Explain the first kind chosen twice, if any."""
    seen = {}
    for disclaimer in disclaimers:
        if disclaimer.kind in seen:
            return _("“%(first)s” and “%(second)s” are both %(kind)s disclaimers; choose one per kind.") % {
                "first": seen[disclaimer.kind].title,
                "second": disclaimer.title,
                "kind": kind_label(disclaimer.kind),
            }
        seen[disclaimer.kind] = disclaimer
    return None
