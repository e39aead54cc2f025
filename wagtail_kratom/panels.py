"""The article editing screen: its tabs, and the panels that explain the package's rules on it."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)

from .acceptances import user_may_accept_findings
from .base_page import BasePage
from .disclaimers import get_kind_choices, get_required_kinds
from .gate import checked_findings
from .import_sources import ImportedSource
from .site_settings import get_site_default_disclaimers
from .source_text import annotated_lines, source_findings


class RequiredDisclaimersPanel(Panel):
    """Lists the disclaimer kinds the page type requires and what the site default is for each."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_kratom/panels/required_disclaimers.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            parent = getattr(self.form, "parent_page", None)
            site_defaults = get_site_default_disclaimers(parent.get_site() if parent else None)
            labels = dict(get_kind_choices())
            context["required"] = [
                {"kind": kind, "label": labels.get(kind, kind), "default": site_defaults.get(kind)}
                for kind in get_required_kinds(type(self.instance))
            ]
            return context


class AuditFindingsPanel(Panel):
    """The editorial audit's findings for the page as last saved, so editors see them while writing.

    Errors that block publishing say so; a medical reviewer sees a link to accept each one with a reason,
    and everyone sees who accepted it and why.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_kratom/panels/audit_findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance.pk is not None
            may_accept = saved and user_may_accept_findings(self.request.user)
            context["saved"] = saved
            context["findings"] = [
                {
                    "finding": item.finding,
                    "blocking": item.blocking,
                    "acceptance": item.acceptance,
                    "accept_url": reverse("wagtail_kratom:accept_finding", args=[self.instance.pk, item.fingerprint])
                    if may_accept and item.is_open
                    else None,
                }
                for item in (checked_findings(self.instance) if saved else [])
            ]
            return context


class ImportSourcePanel(Panel):
    """The text an imported page was written from, with the editorial audit's findings marked on it.

    Shown only for pages written by an import that recorded its source (``ImportedSource``).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_kratom/panels/import_source.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.source = ImportedSource.objects.filter(page_id=self.instance.pk).first() if self.instance.pk else None

        def is_shown(self):
            return self.source is not None

        @property
        def media(self):
            return forms.Media(css={"all": ["wagtail_kratom/css/admin-import.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            findings = source_findings(self.source)
            context.update(
                source=self.source, findings=findings, lines=annotated_lines(self.source.source_text, findings)
            )
            return context


def article_edit_handler(content_panels: list) -> TabbedInterface:
    """The article editing screen: tabs that follow the article anatomy."""
    return TabbedInterface(
        [
            ObjectList([AuditFindingsPanel(heading=_("Editorial checks")), *content_panels], heading=_("Content")),
            ObjectList(
                [
                    FieldPanel("citations"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("author"), FieldPanel("medical_reviewer")]),
                            FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
                        ],
                        heading=_("Review"),
                    ),
                ],
                heading=_("Sources and review"),
            ),
            ObjectList(
                [
                    RequiredDisclaimersPanel(heading=_("Required disclaimers")),
                    InlinePanel("kratom_disclaimers", heading=_("Disclaimers"), label=_("Disclaimer")),
                    InlinePanel("kratom_related_articles", heading=_("Related articles"), label=_("Related article")),
                ],
                heading=_("Disclaimers and related"),
            ),
            ObjectList(
                [*BasePage.promote_panels, FieldPanel("topics"), FieldPanel("health_aspects")],
                heading=_("Promote"),
            ),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
            # Shown only on imported pages: the text they were written from, with the audit's findings on it.
            ObjectList([ImportSourcePanel(heading=_("Imported source"))], heading=_("Source")),
        ]
    )
