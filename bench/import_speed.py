"""Import speed: articles per second for generated, seed-shaped articles, on a throwaway SQLite database.

    .venv/bin/python bench/import_speed.py [--count 1000]

Reported, not asserted: the benchmark harness (``make bench``) will fold this in.
The articles are generated here in the plain-text shape of the sample articles,
with a dose range, a monitoring test and an interaction in the safe-use section so
that every step of the importer runs.
"""

import argparse
import os
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="How many articles to import (default 1000).")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="kratom-import-speed-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/db.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo_site.settings.dev"
    sys.path[:0] = [str(REPO), str(REPO / "demo_site")]

    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page

    from wagtail_kratom.importer import import_article
    from wagtail_kratom.publishing import parse

    call_command("migrate", verbosity=0)
    parent = Page.objects.get(depth=2)
    sources = [generated_article(number) for number in range(options.count)]

    started = time.perf_counter()
    articles = [parse(source, format="text") for source in sources]
    parsed = time.perf_counter() - started

    started = time.perf_counter()
    for article in articles:
        import_article(article, parent)
    imported = time.perf_counter() - started

    pages = Page.objects.filter(depth__gt=2).count()
    print(f"{options.count} articles, {pages} pages written to SQLite ({workdir})")
    print(f"parse:  {options.count / parsed:8.1f} articles/s ({parsed:.2f} s)")
    print(f"import: {options.count / imported:8.1f} articles/s ({imported:.2f} s, parsing excluded)")
    print(f"total:  {options.count / (parsed + imported):8.1f} articles/s")


if __name__ == "__main__":
    main()
