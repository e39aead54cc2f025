"""Audit article pages, or article files before import, for unsafe health claims, missing disclaimers and more."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail_kratom.article_types import get_article_page_models
from wagtail_kratom.gate import CheckedFinding, checked_findings
from wagtail_kratom.management.commands.kratom_import import plural
from wagtail_kratom.page_audit import audit_parsed_article
from wagtail_kratom.publishing import FORMATS, ArticleParseError, parse
from wagtail_kratom.publishing.audit import ERROR, WARNING

#: The exit status for a file that cannot be read or parsed; 1 means findings at or above --fail-on.
BAD_INPUT = 2

#: The least severity that makes the command fail, by --fail-on value.
FAIL_ON = {"error": (ERROR,), "warning": (ERROR, WARNING), "never": ()}


class Command(BaseCommand):
    help = (
        "Audit live article pages (or, with --drafts, the latest draft of every article page; with --files, article "
        "files before import) and print the findings. Exits with status 1 when a finding is as severe as "
        "--fail-on, so CI can run it, and 2 when a file cannot be read or parsed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("text", "json"), default="text", help="Output format.")
        parser.add_argument(
            "--fail-on",
            choices=tuple(FAIL_ON),
            default="error",
            help="Exit with status 1 when a finding has this severity or worse (default: error).",
        )
        parser.add_argument(
            "--drafts", action="store_true", help="Audit the latest draft of every article page, live or not."
        )
        parser.add_argument(
            "--files",
            nargs="+",
            type=Path,
            metavar="PATH",
            help="Audit these article files (plain text, Markdown or HTML) as the importer would read them, "
            "instead of pages. No page is written.",
        )
        parser.add_argument(
            "--input-format", choices=FORMATS, help="Format of --files; guessed from each file when left out."
        )

    def handle(self, format, fail_on, drafts, files=None, input_format=None, **options):
        if files:
            results = self.audit_files(files, input_format)
            if format == "json":
                self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
            else:
                self.write_file_text(results)
            self.fail_if_severe([finding for result in results for finding in result["findings"]], fail_on)
            return
        results = []
        for model in get_article_page_models():
            pages = model.objects.all() if drafts else model.objects.live()
            for page in pages.order_by("path").select_related("medical_reviewer"):
                audited = page.get_latest_revision_as_object() if drafts else page
                results.append((page, checked_findings(audited)))
        results.sort(key=lambda result: result[0].path)
        if format == "json":
            self.stdout.write(json.dumps([self.as_dict(page, findings) for page, findings in results], indent=2))
        else:
            self.write_text(results)
        # A finding a medical reviewer accepted with a reason no longer blocks, here as on every publishing path.
        open_findings = [item.finding.as_dict() for _page, items in results for item in items if not item.acceptance]
        self.fail_if_severe(open_findings, fail_on)

    def fail_if_severe(self, findings: list[dict], fail_on: str) -> None:
        failing = [finding for finding in findings if finding["severity"] in FAIL_ON[fail_on]]
        if failing:
            raise CommandError(f"{plural(len(failing), 'finding')} at or above “{fail_on}”.", returncode=1)

    def audit_files(self, paths: list[Path], input_format: str | None) -> list[dict]:
        """Each file's findings, as the importer would report them; every file is read before any is audited."""
        articles = []
        for path in paths:
            try:
                articles.append((path, parse(path.read_bytes(), format=input_format)))
            except OSError as error:
                raise CommandError(
                    f"{path}: cannot be read: {error.strerror or error}.", returncode=BAD_INPUT
                ) from error
            except ArticleParseError as error:
                raise CommandError(
                    f"{path}: not an article the importer can read: {error}", returncode=BAD_INPUT
                ) from error
        return [
            {
                "file": str(path),
                "title": article.title,
                "findings": [finding.as_dict() for finding in audit_parsed_article(article)],
            }
            for path, article in articles
        ]

    def write_file_text(self, results: list[dict]) -> None:
        counts = {ERROR: 0, WARNING: 0}
        for result in results:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{result['file']} (“{result['title']}”)"))
            for finding in result["findings"]:
                counts[finding["severity"]] += 1
                style = self.style.ERROR if finding["severity"] == ERROR else self.style.WARNING
                where = f"line {finding['line']}" if finding["line"] else finding["location"]
                self.stdout.write(f"  {style(finding['severity'])} {finding['rule']} at {where}: {finding['message']}")
                if finding["quote"]:
                    self.stdout.write(f"      “{finding['quote']}”")
        self.stdout.write(
            f"{plural(len(results), 'file')} audited: {counts[ERROR]} errors, {counts[WARNING]} warnings."
        )

    def as_dict(self, page, items: list[CheckedFinding]) -> dict:
        return {
            "id": page.pk,
            "title": page.title,
            "type": page._meta.label,
            "url": page.get_url(),
            "live": page.live,
            "findings": [
                {**item.finding.as_dict(), "blocking": item.blocking, "accepted": self.acceptance_dict(item)}
                for item in items
            ],
        }

    def acceptance_dict(self, item: CheckedFinding) -> dict | None:
        acceptance = item.acceptance
        if acceptance is None:
            return None
        return {
            "by": acceptance.accepted_by_name,
            "at": acceptance.accepted_at.isoformat(),
            "reason": acceptance.reason,
        }

    def write_text(self, results) -> None:
        counts = {ERROR: 0, WARNING: 0}
        accepted = 0
        for page, items in results:
            if not items:
                continue
            where = page.get_url() if page.live else "draft"
            self.stdout.write(self.style.MIGRATE_HEADING(f"{page.title} ({where or 'no site'})"))
            for item in items:
                finding = item.finding
                if item.acceptance:
                    accepted += 1
                else:
                    counts[finding.severity] += 1
                style = self.style.ERROR if finding.severity == ERROR else self.style.WARNING
                where = f"{finding.rule} at {finding.location}"
                self.stdout.write(f"  {style(finding.severity)} {where}: {finding.message}")
                if finding.quote:
                    self.stdout.write(f"      “{finding.quote}”")
                if details := self.acceptance_dict(item):
                    self.stdout.write(f"      accepted by {details['by']}: {details['reason']}")
        summary = f"{len(results)} pages audited: {counts[ERROR]} errors, {counts[WARNING]} warnings"
        self.stdout.write(summary + (f", {accepted} accepted by a medical reviewer." if accepted else "."))
