"""The admin's "Import articles" views: upload or paste, preview the plan, create drafts, follow a batch.

Pages are written only by ``import_service.import_source``, which calls the same
``importer.import_article`` as ``manage.py kratom_import``.
"""

import swapper
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser
from wagtail.permission_policies.pages import PagePermissionPolicy

from .conf import get_setting
from .import_service import (
    PASTED,
    SourceError,
    choices_from,
    preview,
    queue_batch,
    read_source,
    run_batch_file,
    source_of,
    too_large,
)
from .import_sources import IMPORT_PERMISSION, ImportBatch, ImportBatchFile
from .models import TopicOverviewPage
from .publishing.classify import OVERVIEW, RISK, SAFE_USE

ROLE_LABELS = {OVERVIEW: _("Overview (on the hub)"), RISK: _("Risk page"), SAFE_USE: _("Safe-use guide")}
ACTION_LABELS = {"created": _("created"), "updated": _("updated: a new draft revision"), "unchanged": _("unchanged")}


def user_may_import(user) -> bool:
    """Whether ``user`` may open the import view: the permission, and the right to add a page somewhere."""
    return user.has_perm(IMPORT_PERMISSION) and PagePermissionPolicy().user_has_permission(user, "add")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class ImportForm(forms.Form):
    """Files or pasted text, and the page to import them under; every source is read and checked here."""

    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_("Plain text (.txt), Markdown (.md), HTML (.html) or Word (.docx); several at once run as a batch."),
    )
    pasted = forms.CharField(
        label=_("Or paste an article"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text, Markdown or HTML; the format is recognised from the text."),
    )
    parent = forms.ModelChoiceField(
        label=_("Import under"),
        queryset=swapper.load_model("wagtailcore", "Page").objects.all(),
        widget=AdminPageChooser(can_choose_root=False, user_perms="add_subpage"),
        help_text=_("Each article becomes a topic hub under this page, with its risk and safe-use pages below it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_parent(self):
        parent = self.cleaned_data["parent"].specific
        if not parent.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(_("You may not add pages under “%(title)s”.") % {"title": parent.title})
        if not TopicOverviewPage.can_create_at(parent):
            raise forms.ValidationError(
                _("A topic overview cannot be added under “%(title)s”; choose another page.") % {"title": parent.title}
            )
        return parent

    def clean(self):
        cleaned = super().clean()
        limit = get_setting("IMPORT_MAX_FILE_SIZE")
        # A file over the limit is refused by its size, before it is read.
        uploads = [
            (upload.name, upload.read() if upload.size <= limit else upload.size)
            for upload in cleaned.get("files") or []
        ]
        if cleaned.get("pasted", "").strip():
            uploads.append((PASTED, cleaned["pasted"].encode()))
        if not uploads:
            raise forms.ValidationError(_("Choose a file to upload or paste an article."))
        if len(uploads) > get_setting("IMPORT_MAX_FILES"):
            self.add_error(
                "files",
                _("You chose %(count)s files; the most one import takes is %(limit)s (IMPORT_MAX_FILES).")
                % {"count": len(uploads), "limit": get_setting("IMPORT_MAX_FILES")},
            )
            return cleaned
        sources = []
        for name, data in uploads:
            try:
                if isinstance(data, int):
                    raise SourceError(name, too_large(data))
                sources.append(read_source(name, data))
            except SourceError as error:
                self.add_error("pasted" if name == PASTED else "files", str(error))
        cleaned["sources"] = sources
        return cleaned


class ImportAccessMixin:
    """Only users who may import; a batch only to the editor who uploaded it. Breadcrumbs start at the upload."""

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.page_title != ImportArticlesView.page_title:
            items.append({"url": reverse("wagtail_kratom:import_articles"), "label": ImportArticlesView.page_title})
        return [*items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not user_may_import(request.user):
            raise PermissionDenied
        if "batch_id" in kwargs:
            self.batch = get_object_or_404(ImportBatch, pk=kwargs["batch_id"], user=request.user)
        return super().dispatch(request, *args, **kwargs)


class ImportArticlesView(ImportAccessMixin, WagtailAdminTemplateMixin, FormView):
    """Upload files or paste text and choose the parent; nothing is written to the page tree yet."""

    template_name = "wagtail_kratom/admin_import/upload.html"
    page_title = _("Import articles")
    header_icon = "upload"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            submit_button_label=_("Preview"),
            media=context["form"].media,
            max_files=get_setting("IMPORT_MAX_FILES"),
            max_size=get_setting("IMPORT_MAX_FILE_SIZE"),
        )
        return context

    def form_valid(self, form):
        with transaction.atomic():
            batch = ImportBatch.objects.create(parent=form.cleaned_data["parent"], user=self.request.user)
            ImportBatchFile.objects.bulk_create(
                ImportBatchFile(
                    batch=batch,
                    position=position,
                    file_name=source.file_name,
                    checksum=source.checksum,
                    source_format=source.source_format,
                    source_text=source.text,
                )
                for position, source in enumerate(form.cleaned_data["sources"])
            )
        return redirect("wagtail_kratom:import_preview", batch.pk)


class ImportPreviewView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The plan for each file, changed by the editor and shown again, until they create the drafts."""

    template_name = "wagtail_kratom/admin_import/preview.html"
    page_title = _("Preview the import")
    header_icon = "upload"

    def get(self, request, *args, **kwargs):
        if self.batch.queued_at:
            return redirect("wagtail_kratom:import_result", self.batch.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.batch.queued_at:
            return redirect("wagtail_kratom:import_result", self.batch.pk)
        files = list(self.batch.files.all())
        for batch_file in files:
            batch_file.choices = self.choices_posted(batch_file)
            batch_file.save(update_fields=["choices"])
        if request.POST.get("action") != "create":
            return redirect("wagtail_kratom:import_preview", self.batch.pk)
        if len(files) == 1:
            # One article is written in this request; a batch goes to the task backend.
            self.batch.queued_at = timezone.now()
            self.batch.save(update_fields=["queued_at"])
            run_batch_file(files[0])
        else:
            queue_batch(self.batch)
        return redirect("wagtail_kratom:import_result", self.batch.pk)

    def choices_posted(self, batch_file: ImportBatchFile) -> dict:
        """The editor's choices for one file from the preview form, as ``ImportBatchFile.choices`` stores them."""
        data, prefix = self.request.POST, f"file-{batch_file.pk}-"
        article = source_of(batch_file).parse()
        indexes = [index for index, section in enumerate(article.sections) if not section.is_subsection]
        return {
            "roles": {
                str(index): data[f"{prefix}role-{index}"]
                for index in indexes
                if data.get(f"{prefix}role-{index}") in ROLE_LABELS
            },
            "left_out": [index for index in indexes if data.get(f"{prefix}leave-{index}")],
            "titles": {
                role: data[f"{prefix}title-{role}"].strip()
                for role in ROLE_LABELS
                if data.get(f"{prefix}title-{role}", "").strip()
            },
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["parent"] = self.batch.parent
        context["role_labels"] = ROLE_LABELS
        context["files"] = [
            {"file": batch_file, "preview": preview(source_of(batch_file), choices_from(batch_file.choices))}
            for batch_file in self.batch.files.all()
        ]
        return context


def batch_progress(batch: ImportBatch) -> dict:
    files = list(batch.files.all())
    done = sum(batch_file.status != ImportBatchFile.WAITING for batch_file in files)
    return {"files": files, "done": done, "total": len(files), "finished": done == len(files)}


class ImportResultView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """A batch's progress while it runs, then what happened to each file."""

    template_name = "wagtail_kratom/admin_import/result.html"
    page_title = _("Import results")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(batch_progress(self.batch))
        context.update(
            batch=self.batch,
            action_labels=ACTION_LABELS,
            progress_url=reverse("wagtail_kratom:import_progress", args=[self.batch.pk]),
        )
        return context


class ImportProgressView(ImportAccessMixin, View):
    """JSON for the result page's progress bar: files done, and the result list as it stands."""

    def get(self, request, batch_id: int):
        progress = batch_progress(self.batch)
        html = render_to_string(
            "wagtail_kratom/admin_import/includes/file_results.html",
            {**progress, "action_labels": ACTION_LABELS},
            request=request,
        )
        return JsonResponse(
            {"done": progress["done"], "total": progress["total"], "finished": progress["finished"], "html": html}
        )
