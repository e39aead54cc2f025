"""Audit speed: a 2,000-word article through the publishing library's audit, warm, and the demo's pages.

    .venv/bin/python bench/audit_speed.py [--runs 20]

The article is generated here from sentences the project wrote, a mix of careful writing and the
claims the audit looks for, so that every step of the claim detector runs on every sentence.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: Targets from the claim-audit issue: one article warm, and every page of the demo site.
ARTICLE_TARGET_MS = 100
DEMO_TARGET_S = 2.0
ARTICLE_WORDS = 2000

PARAGRAPHS = (
    "Kratom is sold as powder, capsules and drinks (FDA, 2024). Labels differ from one seller to the next, "
    "and few state how much mitragynine a product contains. Some sellers claim their kratom is harmless, but "
    "poison centres report otherwise.",
    "Liver injury is a rare but serious risk. Warning signs include yellow skin and dark urine. Kratom protects "
    "the liver, one shop says on its label, and we quote it here to show what to distrust.",
    "Dependence can develop with daily use, and stopping can bring withdrawal. There is no risk of dependence, "
    "according to a leaflet we were handed; that is wrong. Can you stop at any time? Not always.",
    "Survey respondents reported taking 1-3 grams of powder at a time (not a recommendation). Take 3 grams "
    "twice a day and increase as needed. Never mix kratom with alcohol or sleeping pills.",
    "Kratom is a natural plant, so it is safe, the advert goes on. Herbal does not mean harmless. Studies show "
    "kratom sharpens focus, it adds, without naming one.",
)


def generated_article(words: int = ARTICLE_WORDS) -> str:
    """An article in the seeds' shape of about ``words`` words: summary, intro, contents, sections, conclusion."""
    sections = []
    count = 0
    number = 0
    while count < words:
        number += 1
        body = [PARAGRAPHS[(number + offset) % len(PARAGRAPHS)] for offset in range(3)]
        sections.append((f"Section {number} on products, risks and safer use", body))
        count += sum(len(paragraph.split()) for paragraph in body)
    return "\n".join(
        [
            "Kratom products vary, and some carry real risks (FDA, 2024).",
            "This article describes products, risks and safer use in plain words.",
            *(f"- {heading}" for heading, _body in sections),
            *(line for heading, body in sections for line in (heading, *body)),
            "Speak to a pharmacist before using any product.",
        ]
    )


def article_audit_ms(runs: int = 20) -> tuple[float, int, int]:
    """The median warm time to parse and audit the generated article, its word count and its findings.

    Warm means the patterns are compiled and the modules imported; the detector's cache of sentences
    it has read is bypassed, so every sentence is read afresh as in a new article.
    """
    from wagtail_kratom.publishing import claims, parse
    from wagtail_kratom.publishing.audit import audit_article

    text = generated_article()
    findings = audit_article(parse(text))
    cached = claims.detect
    claims.detect = cached.__wrapped__
    try:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            audit_article(parse(text))
            times.append((time.perf_counter() - started) * 1000)
    finally:
        claims.detect = cached
    return statistics.median(times), len(text.split()), len(findings)


def demo_audit_seconds() -> tuple[float, int]:
    """Seconds to audit every article page of the site as it stands (after ``load_initial_data``), and how many."""
    from wagtail_kratom.article_types import get_article_page_models
    from wagtail_kratom.page_audit import audit_page

    started = time.perf_counter()
    count = 0
    for model in get_article_page_models():
        for page in model.objects.all().select_related("medical_reviewer"):
            audit_page(page)
            count += 1
    return time.perf_counter() - started, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="Timed runs of the article audit (default 20).")
    options = parser.parse_args()
    sys.path.insert(0, str(REPO))
    median, words, findings = article_audit_ms(options.runs)
    verdict = "met" if median <= ARTICLE_TARGET_MS else "MISSED"
    print(f"{words:,}-word article, {findings} findings: {median:.1f} ms warm (≤ {ARTICLE_TARGET_MS} ms: {verdict})")


if __name__ == "__main__":
    main()
