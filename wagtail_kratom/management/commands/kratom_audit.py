"""Audit article pages for unsupported health claims, missing disclaimers, overdue review and more."""

import json

from django.core.management.base import BaseCommand, CommandError

from wagtail_kratom.audit import audit_page
from wagtail_kratom.management.commands.kratom_import import plural
from wagtail_kratom.pages import get_article_page_models
from wagtail_kratom.publishing.audit import ERROR, WARNING

#: The least severity that makes the command fail, by --fail-on value.
FAIL_ON = {"error": (ERROR,), "warning": (ERROR, WARNING), "never": ()}


class Command(BaseCommand):
    help = (
        "Audit live article pages (or, with --drafts, the latest draft of every article page) and print the "
        "findings. Exits with status 1 when a finding is as severe as --fail-on, so CI can run it."
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

    def handle(self, format, fail_on, drafts, **options):
        results = []
        for model in get_article_page_models():
            pages = model.objects.all() if drafts else model.objects.live()
            for page in pages.order_by("path").select_related("medical_reviewer"):
                audited = page.get_latest_revision_as_object() if drafts else page
                results.append((page, audit_page(audited)))
        results.sort(key=lambda result: result[0].path)
        if format == "json":
            self.stdout.write(json.dumps([self.as_dict(page, findings) for page, findings in results], indent=2))
        else:
            self.write_text(results)
        failing = [
            finding for _page, findings in results for finding in findings if finding.severity in FAIL_ON[fail_on]
        ]
        if failing:
            raise CommandError(f"{plural(len(failing), 'finding')} at or above “{fail_on}”.", returncode=1)

    def as_dict(self, page, findings) -> dict:
        return {
            "id": page.pk,
            "title": page.title,
            "type": page._meta.label,
            "url": page.get_url(),
            "live": page.live,
            "findings": [finding.as_dict() for finding in findings],
        }

    def write_text(self, results) -> None:
        counts = {ERROR: 0, WARNING: 0}
        for page, findings in results:
            if not findings:
                continue
            where = page.get_url() if page.live else "draft"
            self.stdout.write(self.style.MIGRATE_HEADING(f"{page.title} ({where or 'no site'})"))
            for finding in findings:
                counts[finding.severity] += 1
                style = self.style.ERROR if finding.severity == ERROR else self.style.WARNING
                where = f"{finding.rule} at {finding.location}"
                self.stdout.write(f"  {style(finding.severity)} {where}: {finding.message}")
        self.stdout.write(f"{len(results)} pages audited: {counts[ERROR]} errors, {counts[WARNING]} warnings.")
