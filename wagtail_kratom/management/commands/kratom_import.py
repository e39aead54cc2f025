"""Import articles written as plain text, Markdown, HTML or Word as draft pages, through the admin's import service."""

import sys
from pathlib import Path

import swapper
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from wagtail.models import AbstractPage, Site

from wagtail_kratom.conf import get_setting
from wagtail_kratom.import_service import SourceError, import_source, read_source
from wagtail_kratom.import_sources import SOURCE_FORMATS
from wagtail_kratom.importer import ImportRefused
from wagtail_kratom.page_audit import audit_parsed_article
from wagtail_kratom.publishing import ArticleParseError


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Command(BaseCommand):
    help = (
        "Import articles (plain text in the seeds' shape, Markdown, HTML or Word .docx) as a topic hub with risk and "
        "safe-use pages below it, as drafts. One transaction per article; re-importing a changed file updates the "
        "same pages with new draft revisions, and each page records the file it came from (its Source panel)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Article files to import.")
        parser.add_argument(
            "--parent", required=True, help="URL path of the page to import under, for example /kratom-facts/."
        )
        parser.add_argument("--title", help="Title of the topic hub; only with a single file.")
        parser.add_argument(
            "--format",
            choices=[value for value, _label in SOURCE_FORMATS],
            help="Input format; by each file's extension (.txt, .md, .html, .docx) when left out.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen, and write nothing.")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the pages that pass validation; others stay drafts."
        )

    def handle(self, paths, parent, title, format, dry_run, publish, **options):
        if title and len(paths) > 1:
            raise CommandError("--title names one article's hub; give a single file with it.")
        parent_page = self.find_parent(parent)
        failed = []
        totals = {"created": 0, "updated": 0, "unchanged": 0, "published": 0, "not published": 0}
        for number, path in enumerate(paths, start=1):
            self.progress(number, len(paths), path)
            try:
                source = read_source(path.name, self.read(path), source_format=format)
                result = import_source(source, parent_page, title=title, publish=publish, dry_run=dry_run)
            except (OSError, SourceError, ArticleParseError, ImportRefused, ValidationError, DatabaseError) as error:
                # Each article is written in its own transaction, rolled back on any of these: report it and go on.
                failed.append(path)
                if isinstance(error, SourceError):
                    message = f"line {error.line}: {error.message}" if error.line else error.message
                elif isinstance(error, ValidationError):
                    message = " ".join(error.messages)
                elif isinstance(error, DatabaseError):
                    message = f"the database refused it ({type(error).__name__}: {error})"
                else:
                    message = str(error)
                self.stderr.write(self.style.ERROR(f"{path}: not imported, nothing written: {message}"))
                continue
            self.report(path, result, audit_parsed_article(source.parse(title=title)), dry_run, totals)
        self.summarise(totals, failed, dry_run)
        if failed:
            raise CommandError(f"{len(failed)} of {len(paths)} files could not be imported.", returncode=1)

    def find_parent(self, url_path: str) -> AbstractPage:
        """The page at ``url_path`` on a site, or at that path in Wagtail's page tree."""
        # The site's base page model: with WAGTAIL_PAGE_MODEL set, wagtail.models.Page is swapped out.
        page_model = swapper.load_model("wagtailcore", "Page")
        path = "/" + url_path.strip("/") + "/" if url_path.strip("/") else "/"
        matches = {page.pk: page for page in page_model.objects.filter(url_path=path, depth__gt=1)}
        for site in Site.objects.select_related("root_page"):
            matches.update(
                (page.pk, page)
                for page in page_model.objects.filter(url_path=site.root_page.url_path + path.lstrip("/"))
            )
        if len(matches) == 1:
            return next(iter(matches.values())).specific
        if not matches:
            raise CommandError(f"No page is served at {url_path}; give the URL path of the page to import under.")
        paths = ", ".join(sorted(page.url_path for page in matches.values()))
        raise CommandError(f"{url_path} names a page on more than one site ({paths}); give one of those paths.")

    def read(self, path: Path) -> bytes:
        """The file's bytes, read no further than ``IMPORT_MAX_FILE_SIZE``.

        Checked while reading, not after: a huge file, or a device such as /dev/zero, is refused
        without being held in memory.
        """
        limit = get_setting("IMPORT_MAX_FILE_SIZE")
        with path.open("rb") as source:
            data = source.read(limit + 1)
        if len(data) > limit:
            raise ImportRefused(
                f"the file is larger than {limit:,} bytes, the limit (WAGTAIL_KRATOM['IMPORT_MAX_FILE_SIZE'])"
            )
        return data

    def progress(self, number: int, total: int, path: Path) -> None:
        if total < 2:
            return
        width = 30
        done = round(width * number / total)
        bar = "#" * done + "-" * (width - done)
        end = "\n" if number == total or not sys.stderr.isatty() else ""
        self.stderr.write(f"\r[{bar}] {number}/{total} {path.name}", ending=end)

    def report(self, path, result, findings, dry_run, totals) -> None:
        would = "would be " if dry_run else ""
        actions = {"created": f"{would}created", "updated": f"{would}updated", "unchanged": "unchanged"}
        self.stdout.write(self.style.SUCCESS(f"{path}:"))
        for outcome in result.pages:
            page = outcome.page
            totals[outcome.action] += 1
            line = f"  {actions[outcome.action]}: {page._meta.verbose_name} “{page.title}”"
            if outcome.published:
                totals["published"] += 1
                line += f", {would}published"
            elif outcome.not_published:
                totals["not published"] += 1
                line += f", not published: {outcome.not_published}"
            self.stdout.write(line)
            for reason in outcome.reasons:
                self.stdout.write(f"      {reason}")
        for fact in result.plan.unplaced_facts:
            self.stdout.write(f"  not placed in a structured block: {fact}")
        errors = sum(finding.severity == "error" for finding in findings)
        if findings:
            self.stdout.write(f"  audit: {plural(errors, 'error')}, {plural(len(findings) - errors, 'warning')}")
            for finding in findings:
                where = f"line {finding.line}, {finding.location}" if finding.line else finding.location
                self.stdout.write(f"    {finding.severity} {finding.rule} ({where}): {finding.message}")

    def summarise(self, totals, failed, dry_run) -> None:
        counts = ", ".join(f"{count} {name}" for name, count in totals.items())
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{counts}; {plural(len(failed), 'file')} failed.")
