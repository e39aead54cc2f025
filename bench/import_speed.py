"""Import speed: articles per second for generated, seed-shaped articles, on a throwaway SQLite database.

    .venv/bin/python bench/import_speed.py [--count 1000] [--plain]

``--plain`` times the baseline instead: for each article, the same number of plain Wagtail pages
(``bench.baseline.PlainPage``) with the same text, written through the same Wagtail calls as the
importer (``add_child`` and ``save_revision``, one transaction per article), so that the ratio
of the two is what the package adds. The articles are generated here in the plain-text shape of
the sample articles, with a dose range, a monitoring test and an interaction in the safe-use
section so that every step of the importer runs. Parsing is timed apart: it is the publishing
library's.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def generated_article(number: int) -> str:
    """One article in the seeds' shape: summary, intro, contents, three sections, conclusion."""
    return "\n".join(
        [
            f"Article {number} sums up what is known about kratom products sold in market {number}.",
            f"This article, number {number}, describes products, risks and safer use in plain words.",
            f"- Background to market {number}",
            "- Risks and warning signs",
            "- Safer use and dosing",
            f"Background to market {number}",
            "Kratom is sold as powder, capsules and drinks. Labels differ from one seller to the next.",
            "Few labels state how much mitragynine a product contains.",
            "Risks and warning signs",
            "Liver injury is a rare but serious risk. Warning signs include yellow skin and dark urine.",
            "Dependence can develop with daily use, and stopping can bring withdrawal.",
            "Safer use and dosing",
            "Survey respondents reported taking 1-3 grams of powder at a time.",
            "Ask a doctor about ALT and AST tests, and do not mix kratom with alcohol.",
            f"Article {number} ends with a reminder to speak to a pharmacist before using any product.",
        ]
    )


def text_leaves(value) -> list[str]:
    """Every string in a planned block's value, in order: a structured block's text, for a plain page."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in ("type", "id") for text in text_leaves(item)]
    if isinstance(value, list):
        return [text for item in value for text in text_leaves(item)]
    return []


def plain_html(draft) -> str:
    """A planned page's text as one rich-text field: what the plain page holds instead of the structure."""
    from django.utils.html import escape

    parts = [f"<p>{escape(draft.summary)}</p>", draft.intro]
    for section in draft.body:
        parts.append(f"<h2>{escape(section['value']['heading'])}</h2>")
        for block in section["value"]["content"]:
            if block["type"] == "paragraph":
                parts.append(block["value"])
            else:
                parts.extend(f"<p>{escape(text)}</p>" for text in text_leaves(block["value"]))
    parts.append(draft.conclusion)
    return "".join(parts)


def write_plain_pages(drafts: list, parent) -> None:
    """Write each planned article as plain pages, a hub with its children, as the importer writes drafts."""
    from django.db import transaction

    from bench.baseline.models import PlainPage

    for hub_draft in drafts:
        with transaction.atomic():
            hub = PlainPage(title=hub_draft.title, slug=hub_draft.slug, body=plain_html(hub_draft), live=False)
            parent.add_child(instance=hub)
            hub.save_revision(log_action=True)
            for draft in hub_draft.children:
                page = PlainPage(title=draft.title, slug=draft.slug, body=plain_html(draft), live=False)
                hub.add_child(instance=page)
                page.save_revision(log_action=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="How many articles to import (default 1000).")
    parser.add_argument("--plain", action="store_true", help="Write the plain-Wagtail baseline instead.")
    parser.add_argument(
        "--migrated-template",
        type=Path,
        help="A migrated, empty database to start from; written here first when it does not exist yet.",
    )
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="kratom-import-speed-")
    database = Path(workdir) / "db.sqlite3"
    template = options.migrated_template
    if template and template.exists():
        shutil.copyfile(template, database)
    # The benchmark's settings (DEBUG off, the baseline app), whichever database the harness was given.
    os.environ["BENCH_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path[:0] = [str(REPO), str(REPO / "demo_site")]

    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    from wagtail_kratom.conf import get_setting
    from wagtail_kratom.importer import import_article
    from wagtail_kratom.publishing import parse
    from wagtail_kratom.publishing.plan import plan_import

    call_command("migrate", verbosity=0)
    if template and not template.exists():
        shutil.copyfile(database, template)
    parent = Page.objects.get(depth=2)
    sources = [generated_article(number) for number in range(options.count)]

    started = time.perf_counter()
    articles = [parse(source, format="text") for source in sources]
    parsed = time.perf_counter() - started

    if options.plain:
        limit = get_setting("SUMMARY_MAX_LENGTH")
        drafts = [plan_import(article, summary_limit=limit) for article in articles]
        started = time.perf_counter()
        write_plain_pages(drafts, parent)
    else:
        started = time.perf_counter()
        for article in articles:
            import_article(article, parent)
    imported = time.perf_counter() - started

    pages = Page.objects.filter(depth__gt=2).count()
    kind = "plain pages" if options.plain else "pages"
    print(f"{options.count} articles, {pages} {kind} written to SQLite ({workdir})")
    print(f"parse:  {options.count / parsed:8.1f} articles/s ({parsed:.2f} s)")
    print(f"import: {options.count / imported:8.1f} articles/s ({imported:.2f} s, parsing excluded)")


if __name__ == "__main__":
    main()
