"""What Wagtail's APIs read from an article page: its fields, the form v3 writes go through, the headless preview."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..forms import ArticlePageAPIForm
from .fields import ARTICLE_API_FIELDS
from .preview import HEADLESS_PREVIEW_MODE, serve_headless_preview


class ArticleAPIMixin(models.Model):
    """The v2 and v3 API fields, the v3 write form, and a decoupled front end's preview mode."""

    api_base_form_class = ArticlePageAPIForm

    api_fields = ARTICLE_API_FIELDS

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        """Wagtail's page preview, and a decoupled front end's when ``HEADLESS_PREVIEW_URL`` is set."""
        if get_setting("HEADLESS_PREVIEW_URL"):
            return [*super().preview_modes, (HEADLESS_PREVIEW_MODE, _("Front end"))]
        return super().preview_modes

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_PREVIEW_MODE and get_setting("HEADLESS_PREVIEW_URL"):
            return serve_headless_preview(self, request)
        return super().serve_preview(request, mode_name)
