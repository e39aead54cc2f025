"""Write the JSON Schema of each article page type's v2 API detail payload."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail_kratom.api.json_schema import SCHEMA_DIR, page_schema, render, schema_file_name
from wagtail_kratom.article_types import get_article_page_models


class Command(BaseCommand):
    help = (
        "Write a JSON Schema for the v2 API detail payload of every article page type, "
        "or with --check, fail if the files in the directory differ from what the code serves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=SCHEMA_DIR,
            help="Directory to write to (default: the schemas shipped in the package).",
        )
        parser.add_argument("--check", action="store_true", help="Write nothing; fail if any file is missing or stale.")

    def handle(self, output: Path, check: bool, **options):
        stale = []
        for model in get_article_page_models():
            path = output / schema_file_name(model)
            text = render(page_schema(model))
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    stale.append(path)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {path}")
        if stale:
            raise CommandError(
                "These schemas differ from what the API serves; run manage.py kratom_api_schema "
                f"--output {output}: " + ", ".join(str(path) for path in stale)
            )
