"""Where imported pages came from, and the admin's import batches.

``ImportedSource`` records, for each page an import wrote, the file it came from, so the
page editor can show the original text with the audit's findings on it. ``ImportBatch``
holds the files an editor uploaded until they are imported, so a batch survives a closed
browser and a background worker can read it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .model_links import acting_user_link, page_link

#: The permission that lets a user open the admin's "Import articles" view.
IMPORT_PERMISSION = "wagtail_kratom.import_articles"

SOURCE_FORMATS = [
    ("text", _("Plain text")),
    ("markdown", _("Markdown")),
    ("html", _("HTML")),
    ("docx", _("Word (.docx)")),
]


class SourceFile(models.Model):
    """An article's source as it was uploaded or pasted: what the importer reads."""

    file_name = models.CharField(
        _("file name"), max_length=255, help_text=_("The name of the uploaded file, or “pasted text”.")
    )
    checksum = models.CharField(
        _("checksum"), max_length=64, help_text=_("The SHA-256 of the source as uploaded, to tell a changed version.")
    )
    source_format = models.CharField(
        _("format"), max_length=16, choices=SOURCE_FORMATS, help_text=_("The format the source is read as.")
    )
    source_text = models.TextField(
        _("source text"),
        help_text=_("The text the importer reads; for a Word file, the HTML converted from it, one block a line."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.file_name


class ImportedSource(SourceFile):
    """The source one imported page was written from: the file, its checksum and who imported it."""

    page = page_link("kratom_import_source", _("The page written from this source."), field_class=models.OneToOneField)
    imported_at = models.DateTimeField(_("imported at"), help_text=_("When this version of the source was imported."))
    imported_by = acting_user_link(
        _("imported by"), _("The user who imported this version, if it was imported in the admin.")
    )

    class Meta:
        verbose_name = _("imported source")
        verbose_name_plural = _("imported sources")
        permissions = [("import_articles", _("Can import articles in the admin"))]


class ImportBatch(models.Model):
    """Files an editor uploaded for import under one parent page, from preview to result."""

    parent = page_link("+", _("The page the articles are imported under."), verbose_name=_("parent page"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
        help_text=_("The editor who uploaded the files; only they see the batch."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, help_text=_("When the files were uploaded."))
    queued_at = models.DateTimeField(
        _("queued at"), null=True, blank=True, help_text=_("When the editor asked for the drafts to be created.")
    )

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.parent} ({self.created_at:%Y-%m-%d %H:%M})"


class ImportBatchFile(SourceFile):
    """One uploaded file of a batch: its text, the editor's choices for it, and what its import did."""

    WAITING, DONE, FAILED = "waiting", "done", "failed"

    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("batch"),
        help_text=_("The batch the file was uploaded in."),
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("The file's place in the upload."))
    choices = models.JSONField(
        _("choices"),
        default=dict,
        blank=True,
        help_text=_("The editor's changes in the preview: section roles, sections left out and page titles."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        default=WAITING,
        choices=[(WAITING, _("waiting")), (DONE, _("imported")), (FAILED, _("failed"))],
        help_text=_("Whether the file has been imported yet, and how it went."),
    )
    message = models.TextField(_("message"), blank=True, help_text=_("Why the file could not be imported."))
    report = models.JSONField(
        _("report"),
        default=dict,
        blank=True,
        help_text=_("What the import did: the pages created, updated or unchanged, and the audit's findings."),
    )

    class Meta:
        verbose_name = _("import batch file")
        verbose_name_plural = _("import batch files")
        ordering = ["batch", "position"]
