"""Article page forms: they ask the go-live gate's disclaimer check before saving, so editors see a form error."""

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.base import BlockField
from wagtail.fields import RichTextField

from .blocks import describe_block_errors
from .disclaimers import check_one_per_kind
from .formsets import kept_in_formset
from .gate import DISCLAIMERS, GoLiveRefused, go_live_reasons
from .related import check_related_picks
from .site_settings import get_site_default_disclaimers


class ArticlePageForm(WagtailAdminPageForm):
    """Checks the page's disclaimers, and tells the page its StreamFields are validated.

    A draft save defers validation (Wagtail's ``defer_required_fields``); every other action
    (publish, submit for moderation, a workflow decision, and a v3 write that publishes)
    validates fully, and then the disclaimers must resolve: a page goes to review as readers
    would see it. The gate's review and findings checks are left to the publish action, since
    the medical review step is what records the review and accepts findings.

    The form's fields honour deferred validation, so a draft can be saved with required block
    fields still empty; the model must not undo that by validating the streams a second time.
    """

    #: Whether a full validation asks the gate's disclaimer check here; the v3 API leaves it to the publish
    #: action, whose refusal names every reason at its own field.
    checks_disclaimers = True

    def _post_clean(self):
        self.instance.streams_validated_by_form = True
        super()._post_clean()

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("kratom_disclaimers")
        chosen = None if formset is None else kept_in_formset(formset, "disclaimer")
        if chosen is not None and (message := check_one_per_kind(chosen)):
            self.add_error(None, message)
        elif self.checks_disclaimers and not self.is_deferred_validation:
            site_defaults = get_site_default_disclaimers(self.parent_page.get_site()) if self.parent_page else None
            reasons = go_live_reasons(self.instance, chosen=chosen, site_defaults=site_defaults, checks=[DISCLAIMERS])
            if reasons:
                refusal = GoLiveRefused(self.instance, reasons, title=cleaned_data.get("title"))
                self.add_error(None, refusal.as_form_error())
        if (related := self.formsets.get("kratom_related_articles")) is not None:
            for problem in check_related_picks(self.instance, kept_in_formset(related, "target")):
                self.add_error(None, problem)
        return cleaned_data


def is_blank_html(html: str | None) -> bool:
    """Whether rich text holds nothing a reader would see: no words, images or embeds."""
    if not html:
        return False
    soup = BeautifulSoup(html, "html.parser")
    return not soup.get_text(strip=True) and soup.find(["img", "embed", "iframe"]) is None


class ArticlePageAPIForm(ArticlePageForm):
    """The page form Wagtail's v3 API writes through: the admin's rules, with block errors in words.

    The admin shows a StreamField's errors beside each block; an API client gets
    one message per problem that says where it is, such as
    "section 1 “Dose” › dosage 1 › rows › row 1 › max: …".
    """

    checks_disclaimers = False

    def clean(self):
        cleaned_data = super().clean()
        # The API's rich-text conversion turns "" into an empty paragraph, which would pass as written.
        rich_text_names = [
            model_field.name
            for model_field in self._meta.model._meta.get_fields()
            if isinstance(model_field, RichTextField) and model_field.name in self.fields
        ]
        for name in rich_text_names:
            if is_blank_html(cleaned_data.get(name)):
                cleaned_data[name] = ""
                field = self.fields[name]
                if field.required:
                    self.add_error(name, ValidationError(field.error_messages["required"], code="required"))
        return cleaned_data

    def add_error(self, field, error):
        if field in self.fields and isinstance(self.fields[field], BlockField) and hasattr(error, "block_errors"):
            error = ValidationError(
                [ValidationError(message, code="invalid") for message in describe_block_errors(error, self[field].data)]
            )
        super().add_error(field, error)
