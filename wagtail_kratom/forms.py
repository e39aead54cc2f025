"""The admin form for article pages."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """Tells the page that its StreamFields were validated by this form's own fields.

    The form's fields honour Wagtail's deferred validation, so a draft can be
    saved with required block fields still empty; the model must not undo that
    by validating the streams a second time, strictly.
    """

    def _post_clean(self):
        self.instance.streams_validated_by_form = True
        super()._post_clean()
