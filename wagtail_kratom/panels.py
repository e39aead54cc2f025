"""Admin panels that explain the package's rules on the editing screen."""

from wagtail.admin.panels import Panel

from .audit import audit_page
from .disclaimers import get_kind_choices, get_required_kinds, get_site_default_disclaimers


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
    """The editorial audit's findings for the page as last saved, so editors see them while writing."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_kratom/panels/audit_findings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["saved"] = self.instance.pk is not None
            context["findings"] = audit_page(self.instance) if self.instance.pk else []
            return context
