"""The admin's import: read uploaded files, preview their plan, and write them through ``import_article``.

``manage.py kratom_import`` and the admin both write pages with ``importer.import_article``;
this module adds what the admin needs around it: reading Word files and checking uploads
(``read_source``), the preview (``preview``), recording where each page came from
(``import_source``) and running a batch as a background task (``import_batch_task``).
"""

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

import mammoth
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .conf import get_setting
from .import_sources import ImportBatch, ImportBatchFile, ImportedSource
from .importer import UNCHANGED, ArticleImport, ImportRefused, import_article
from .page_audit import audit_parsed_article
from .publishing import Article, ArticleParseError, decode_source, parse, sniff_format
from .publishing.audit import Finding
from .publishing.classify import ROLES, classify
from .publishing.extract import extract_article
from .publishing.plan import PageDraft, PlanChoices, plan_import
from .source_text import SourceLine, annotated_lines

logger = logging.getLogger(__name__)

#: Upload formats by file name extension.
FORMAT_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

PASTED = "pasted text"

# Mammoth writes a whole document on one line; a line break after each block gives findings a line to point at.
_BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|ul|ol|table|tr|blockquote)>)")


class SourceError(Exception):
    """A file that cannot be imported, named, with the line to look at when there is one."""

    def __init__(self, file_name: str, message: str, line: int | None = None) -> None:
        super().__init__(file_name, message, line)
        self.file_name, self.message, self.line = file_name, message, line

    def __str__(self) -> str:
        where = f"{self.file_name}, line {self.line}" if self.line else self.file_name
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Source:
    """One file (or pasted text) read and checked, ready to preview and import."""

    file_name: str
    source_format: str
    text: str
    checksum: str

    @property
    def parse_format(self) -> str:
        """The format the publishing library reads: a Word file arrives as HTML."""
        return "html" if self.source_format == "docx" else self.source_format

    def parse(self, title: str | None = None) -> Article:
        """Parsed once for the import and its audit report (an ``Article`` is immutable); a title given
        by the caller (``kratom_import --title``) parses it afresh."""
        return self.article if title is None else parse(self.text, format=self.parse_format, title=title)

    @cached_property
    def article(self) -> Article:
        return parse(self.text, format=self.parse_format)


def docx_to_html(data: bytes) -> str:
    """A Word document as HTML (mammoth), one block a line."""
    result = mammoth.convert_to_html(io.BytesIO(data))
    return _BLOCK_END.sub(r"\1\n", result.value)


def too_large(size: int) -> str:
    """The error for a file of ``size`` bytes, over ``IMPORT_MAX_FILE_SIZE``."""
    return _("the file is %(size)s bytes; the limit is %(limit)s (IMPORT_MAX_FILE_SIZE).") % {
        "size": f"{size:,}",
        "limit": f"{get_setting('IMPORT_MAX_FILE_SIZE'):,}",
    }


def read_source(file_name: str, data: bytes, source_format: str | None = None) -> Source:
    """Check and decode one upload; raises ``SourceError`` naming the file for anything the importer cannot use.

    The format is ``source_format`` when given (the command's ``--format``), else the file's extension,
    else, for pasted text, what the text looks like.
    """
    if len(data) > get_setting("IMPORT_MAX_FILE_SIZE"):
        raise SourceError(file_name, too_large(len(data)))
    if not data.strip():
        raise SourceError(file_name, _("the file is empty."))
    if not source_format and file_name != PASTED:
        extension = PurePath(file_name).suffix.lower()
        if extension not in FORMAT_BY_EXTENSION:
            raise SourceError(
                file_name,
                _("“%(extension)s” files cannot be imported; use one of %(allowed)s.")
                % {"extension": extension or _("no extension"), "allowed": ", ".join(sorted(FORMAT_BY_EXTENSION))},
            )
        source_format = FORMAT_BY_EXTENSION[extension]
    try:
        if source_format == "docx":
            try:
                text = docx_to_html(data)
            except (zipfile.BadZipFile, KeyError, ValueError) as error:
                raise SourceError(file_name, _("this is not a Word .docx document that can be read.")) from error
        else:
            text = decode_source(data)
        source = Source(file_name, source_format or sniff_format(text), text, hashlib.sha256(data).hexdigest())
        source.parse()
    except ArticleParseError as error:
        raise SourceError(file_name, error.message, error.line) from error
    return source


def choices_from(data: dict) -> PlanChoices:
    """``PlanChoices`` from the JSON an import batch file stores."""
    return PlanChoices(
        roles={int(index): role for index, role in data.get("roles", {}).items() if role in ROLES},
        left_out=frozenset(int(index) for index in data.get("left_out", [])),
        titles={role: title for role, title in data.get("titles", {}).items() if role in ROLES and title.strip()},
    )


@dataclass
class SectionRow:
    """One level-2 section in the preview: its role, why, and whether the editor left it out."""

    index: int
    heading: str
    line: int | None
    role: str
    reason: str
    left_out: bool


@dataclass
class Preview:
    """What an import would write for one source, and what the audit found in it."""

    plan: PageDraft
    sections: list[SectionRow]
    facts: list[str]
    findings: list[Finding]
    lines: list[SourceLine]


def preview(source: Source, choices: PlanChoices) -> Preview:
    """The plan for ``source`` with the editor's ``choices``, the facts to confirm and the findings on its text."""
    article = source.parse()
    classified = {id(decided.section): decided for decided in classify(article)}
    sections = [
        SectionRow(
            index,
            section.heading,
            section.line,
            choices.roles.get(index, classified[id(section)].role),
            _("chosen by you")
            if index in choices.roles and choices.roles[index] != classified[id(section)].role
            else classified[id(section)].reason,
            index in choices.left_out,
        )
        for index, section in enumerate(article.sections)
        if not section.is_subsection
    ]
    facts = extract_article(article)
    described = [f"dose {fact.min}–{fact.max} {fact.unit} (line {fact.line})" for fact in facts.doses]
    described += [f"monitoring: {fact.test} (line {fact.line})" for fact in facts.monitoring]
    described += [f"strain: {fact.name} (line {fact.line})" for fact in facts.strains]
    described += [f"interaction: {fact.substance} (line {fact.line})" for fact in facts.interactions]
    findings = audit_parsed_article(article)
    plan = plan_import(article, summary_limit=get_setting("SUMMARY_MAX_LENGTH"), choices=choices)
    return Preview(plan, sections, described, findings, annotated_lines(source.text, findings))


def import_source(
    source: Source,
    parent,
    *,
    user=None,
    choices: PlanChoices | None = None,
    title: str | None = None,
    publish: bool = False,
    dry_run: bool = False,
) -> ArticleImport:
    """Write ``source`` under ``parent`` with ``import_article`` and record where each page came from.

    The one import path of the admin and ``kratom_import``. One transaction: a source that fails leaves
    nothing written. A changed source updates its pages as new draft revisions (never their live version,
    unless ``publish``); an unchanged one changes nothing; a dry run writes nothing, its source included.
    """
    with transaction.atomic():
        article = source.parse(title=title)
        result = import_article(article, parent, user=user, choices=choices, publish=publish, dry_run=dry_run)
        if not dry_run and any(outcome.action != UNCHANGED for outcome in result.pages):
            now = timezone.now()
            for outcome in result.pages:
                ImportedSource.objects.update_or_create(
                    page_id=outcome.page.pk,
                    defaults={
                        "file_name": source.file_name,
                        "checksum": source.checksum,
                        "source_format": source.source_format,
                        "source_text": source.text,
                        "imported_at": now,
                        "imported_by": user,
                    },
                )
    return result


def outcome_report(result: ArticleImport, findings: list[Finding]) -> dict:
    """What an import did, as JSON for a batch's result page."""
    return {
        "pages": [
            {
                "id": outcome.page.pk,
                "title": outcome.page.title,
                "type": str(outcome.page._meta.verbose_name),
                "action": outcome.action,
                "live": bool(outcome.page.live),
            }
            for outcome in result.pages
        ],
        "findings": [finding.as_dict() for finding in findings],
        "errors": sum(finding.severity == "error" for finding in findings),
    }


def source_of(batch_file: ImportBatchFile) -> Source:
    return Source(batch_file.file_name, batch_file.source_format, batch_file.source_text, batch_file.checksum)


def run_batch_file(batch_file: ImportBatchFile) -> None:
    """Import one file of a batch and record the outcome; a failure is recorded, not raised."""
    batch = batch_file.batch
    source = source_of(batch_file)
    try:
        result = import_source(source, batch.parent.specific, user=batch.user, choices=choices_from(batch_file.choices))
    except (ArticleParseError, ImportRefused, ValidationError) as error:
        message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        batch_file.status, batch_file.message = ImportBatchFile.FAILED, message
    except Exception:
        # One broken file must not stop the batch; its transaction rolled back, so nothing of it was written.
        logger.exception("Importing %s in batch %s failed", batch_file.file_name, batch.pk)
        batch_file.status = ImportBatchFile.FAILED
        batch_file.message = _("An unexpected error stopped this file; nothing of it was written.")
    else:
        batch_file.status = ImportBatchFile.DONE
        batch_file.report = outcome_report(result, audit_parsed_article(source.parse()))
    batch_file.save(update_fields=["status", "message", "report"])


# Bound to its backend when defined: the backend's task class decides whether Django's own task framework
# (6.0+) or the django-tasks backport that Wagtail uses runs it, and a worker accepts only its own kind.
@task(backend=get_setting("IMPORT_TASK_BACKEND"))
def import_batch_task(batch_id: int) -> None:
    """Import each waiting file of a batch, one transaction a file, in upload order."""
    for batch_file in ImportBatchFile.objects.filter(batch_id=batch_id, status=ImportBatchFile.WAITING):
        run_batch_file(batch_file)


def queue_batch(batch: ImportBatch) -> None:
    """Mark ``batch`` queued and hand it to the task backend once the request's transaction commits."""
    batch.queued_at = timezone.now()
    batch.save(update_fields=["queued_at"])
    transaction.on_commit(lambda: import_batch_task.enqueue(batch.pk))
