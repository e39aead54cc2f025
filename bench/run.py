"""The benchmark's sections: render and API at each site size, import speed, audit speed, and serving under load."""

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from bench import audit_speed, report, serve
from bench.dataset import ROLES, MeasuredPages, build_site, grow_to
from bench.measure import Case, InProcessClient, measure

REPO = Path(__file__).resolve().parent.parent

MODEL_LABELS = {role: model._meta.label for model, role in ROLES.items()}
BASELINE_LABEL = "baseline.PlainPage"
LISTING_QUERY = "type={label}&fields=*&limit=20"

#: The page cache's lifetime in the cached serving cases; long enough that nothing expires during a run.
PAGE_CACHE_SECONDS = "600"


@dataclass
class Comparison:
    """One of our cases against its baseline case, as measured at one site size."""

    section: str
    name: str
    ours: Case
    baseline: Case

    @property
    def ratio(self) -> float:
        return self.ours.median_ms / self.baseline.median_ms


def run(options: argparse.Namespace, env: dict[str, str]) -> dict:
    results = {"environment": environment_summary(), "levels": [], "import": [], "serve": []}
    rows: list[report.Row] = []
    summary: list[str] = []
    host = f"127.0.0.1:{env['BENCH_PORT']}"
    measured = None
    if {"render", "api", "serve", "audit"} & set(options.sections):
        print("Building the site: migrations, demo content, measured pages and their plain twins…", flush=True)
        measured = build_site()
    if "audit" in options.sections:
        rows += measure_audit(results, summary)
    if {"render", "api"} & set(options.sections):
        rows += measure_levels(measured, options, host, results, summary)
    if "import" in options.sections:
        rows += measure_import(options, results, summary)
    if "serve" in options.sections:
        grow_to(measured, options.levels[-1])
        if serve.wrk_available():
            rows += measure_serving(measured, options, env, results, summary)
        else:
            summary.append("serve: skipped: wrk is not installed (apt-get install wrk; make bench installs it).")
    results["table"] = report.markdown_table(rows)
    results["summary"] = summary
    return results


# Render and API ----------------------------------------------------------------------


def comparisons(measured: MeasuredPages, sections: list[str]) -> list[Comparison]:
    plain_listing = Case("v2 listing plain", "/api/v2/pages/", LISTING_QUERY.format(label=BASELINE_LABEL))
    found = []
    for role, page in measured.articles.items():
        twin = measured.twins[role]
        if "render" in sections:
            found.append(
                Comparison("render", f"{role} page", Case(role, page_path(page)), Case("plain", page_path(twin)))
            )
        if "api" in sections:
            found += [
                Comparison(
                    "api",
                    f"v2 detail {role}",
                    Case(role, f"/api/v2/pages/{page.pk}/"),
                    Case("plain", f"/api/v2/pages/{twin.pk}/"),
                ),
                Comparison(
                    "api",
                    f"v2 listing {role} (20, fields=*)",
                    Case(role, "/api/v2/pages/", LISTING_QUERY.format(label=MODEL_LABELS[role])),
                    plain_listing,
                ),
                Comparison(
                    "api",
                    f"v3 detail {role}",
                    Case(role, f"/api/v3/pages/{page.pk}/"),
                    Case("plain", f"/api/v3/pages/{twin.pk}/"),
                ),
            ]
    return found


def page_path(page) -> str:
    return page.get_url_parts()[2]


def measure_levels(measured, options, host: str, results: dict, summary: list[str]) -> list[report.Row]:
    client = InProcessClient(host)
    by_level = []
    for level in options.levels:
        pages = grow_to(measured, level)
        print(f"Measuring render and API with {pages:,} article pages…", flush=True)
        found = comparisons(measured, options.sections)
        cases = list({id(case): case for item in found for case in (item.ours, item.baseline)}.values())
        measure(cases, client, rounds=options.rounds, requests=options.requests, warmup=options.warmup)
        by_level.append((pages, found))
        results["levels"].append(
            {
                "article_pages": pages,
                "comparisons": [
                    {
                        "section": item.section,
                        "case": item.name,
                        "ours_ms": round(item.ours.median_ms, 3),
                        "baseline_ms": round(item.baseline.median_ms, 3),
                        "ratio": round(item.ratio, 3),
                        "ours_spread": round(item.ours.spread, 3),
                        "baseline_spread": round(item.baseline.spread, 3),
                        "ours_queries": item.ours.queries,
                        "baseline_queries": item.baseline.queries,
                        "ours_bytes": item.ours.response_bytes,
                        "baseline_bytes": item.baseline.response_bytes,
                    }
                    for item in found
                ],
            }
        )
        if options.profile:
            profile(found, client, Path(options.output), pages)
    first_queries = {item.name: item.ours.queries for item in by_level[0][1]}
    rows = []
    ratios_met = queries_flat = 0
    for pages, found in by_level:
        for item in found:
            met = item.ratio <= report.MAX_RATIO
            ratios_met += met
            flat = item.ours.queries == first_queries[item.name]
            queries_flat += flat
            targets = [report.verdict(met, f"ratio ≤ {report.MAX_RATIO}")]
            if pages != by_level[0][0]:
                targets.append("queries flat" if flat else f"queries GREW from {first_queries[item.name]}")
            rows.append(
                report.Row(
                    section=item.section,
                    case=item.name,
                    pages=f"{pages:,}",
                    ours=f"{item.ours.median_ms:.1f} ms",
                    baseline=f"{item.baseline.median_ms:.1f} ms",
                    ratio=f"{item.ratio:.2f}",
                    spread=f"{report.percent(item.ours.spread)} / {report.percent(item.baseline.spread)}",
                    queries=f"{item.ours.queries} / {item.baseline.queries}",
                    size=report.kilobytes(item.ours.response_bytes, item.baseline.response_bytes),
                    target="; ".join(targets),
                )
            )
    total = sum(len(found) for _pages, found in by_level)
    summary.append(f"render and API: ratio ≤ {report.MAX_RATIO} in {ratios_met} of {total} cases.")
    summary.append(
        f"queries: the same at every size in {queries_flat} of {total} cases "
        f"({', '.join(f'{pages:,}' for pages, _found in by_level)} article pages)."
    )
    return rows


def profile(found: list[Comparison], client: InProcessClient, output: Path, pages: int) -> None:
    """Write a pyinstrument profile of twenty requests of each of our detail cases."""
    from pyinstrument import Profiler

    for item in found:
        if "listing" in item.name:
            continue
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(20):
                client.get(item.ours.path, item.ours.query)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{item.section} {item.name}".lower()).strip("-")
        (output / f"profile-{slug}-{pages}.txt").write_text(profiler.output_text(unicode=True, show_all=False))


# Import ------------------------------------------------------------------------------


def import_rate(count: int) -> float:
    """Articles per second for one import of ``count`` generated articles, in a process and database of its own."""
    output = subprocess.run(
        [sys.executable, str(REPO / "bench" / "import_speed.py"), "--count", str(count)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    return float(re.search(r"^import:\s+([\d.]+) articles/s", output, re.MULTILINE).group(1))


def measure_import(options, results: dict, summary: list[str]) -> list[report.Row]:
    rates = {}
    for count in options.import_counts:
        print(f"Importing {count:,} generated articles, {options.import_runs} times…", flush=True)
        rates[count] = [import_rate(count) for _ in range(options.import_runs)]
        results["import"].append({"articles": count, "articles_per_second": rates[count]})
    smallest = options.import_counts[0]
    rows = []
    for count, runs in rates.items():
        ratio = statistics.median(runs) / statistics.median(rates[smallest])
        target = ""
        if count != smallest:
            met = ratio >= report.MIN_IMPORT_RATIO
            target = report.verdict(met, f"rate ≥ {report.MIN_IMPORT_RATIO}× the {smallest:,}-article rate")
            summary.append(
                f"import: {count:,} articles at {ratio:.2f}× the {smallest:,}-article rate "
                f"({'linear' if met else 'slower than linear'})."
            )
        rows.append(
            report.Row(
                section="import",
                case=f"{count:,} articles ({count * 3:,} pages)",
                ours=f"{statistics.median(runs):.1f} articles/s",
                ratio=f"{ratio:.2f}",
                spread=report.percent((max(runs) - min(runs)) / statistics.median(runs)),
                target=target,
            )
        )
    return rows


# Audit speed --------------------------------------------------------------------------


def measure_audit(results: dict, summary: list[str]) -> list[report.Row]:
    """A 2,000-word article through the audit, warm, and every page of the demo site, before the site grows."""
    print("Auditing a generated 2,000-word article and the demo's pages…", flush=True)
    article_ms, words, findings = audit_speed.article_audit_ms()
    demo_seconds, pages = audit_speed.demo_audit_seconds()
    results["audit"] = {
        "article_ms": article_ms,
        "article_words": words,
        "article_findings": findings,
        "demo_seconds": demo_seconds,
        "demo_pages": pages,
    }
    article_met = article_ms <= audit_speed.ARTICLE_TARGET_MS
    demo_met = demo_seconds <= audit_speed.DEMO_TARGET_S
    summary.append(
        f"audit: a {words:,}-word article in {article_ms:.1f} ms warm; the demo's {pages} pages in "
        f"{demo_seconds:.2f} s."
    )
    return [
        report.Row(
            section="audit",
            case=f"{words:,}-word article ({findings} findings)",
            ours=f"{article_ms:.1f} ms",
            target=report.verdict(article_met, f"≤ {audit_speed.ARTICLE_TARGET_MS} ms"),
        ),
        report.Row(
            section="audit",
            case="every page of the demo (audit_page)",
            pages=str(pages),
            ours=f"{demo_seconds:.2f} s",
            target=report.verdict(demo_met, f"≤ {audit_speed.DEMO_TARGET_S:g} s"),
        ),
    ]


# Serving under load -------------------------------------------------------------------


def measure_serving(measured, options, env: dict[str, str], results: dict, summary: list[str]) -> list[report.Row]:
    port = int(env["BENCH_PORT"])
    risk = measured.articles["risk"]
    call_command("collectstatic", interactive=False, verbosity=0)
    page_html = InProcessClient(f"127.0.0.1:{port}").get(page_path(risk))
    static_copy = Path(settings.STATIC_ROOT) / "bench" / "risk-page.html"
    static_copy.parent.mkdir(parents=True, exist_ok=True)
    static_copy.write_bytes(page_html)
    listing = f"/api/v2/pages/?{LISTING_QUERY.format(label=MODEL_LABELS['risk'])}"
    static = serve.LoadCase("static file (same size as the page)", f"{settings.STATIC_URL}bench/risk-page.html", False)
    uncached = [serve.LoadCase("risk page", page_path(risk), False), serve.LoadCase("v2 listing", listing, False)]
    cached = [serve.LoadCase("risk page", page_path(risk), True)]
    load_options = {"runs": options.serve_runs, "seconds": options.serve_seconds, "warmup_seconds": 2}
    print("Serving under gunicorn without a page cache…", flush=True)
    with serve.gunicorn(port, {**env, "PAGE_CACHE_SECONDS": "0"}):
        serve.load([static, *uncached], port, **load_options)
    print("Serving under gunicorn with the page cache…", flush=True)
    with serve.gunicorn(port, {**env, "PAGE_CACHE_SECONDS": PAGE_CACHE_SECONDS}):
        serve.load(cached, port, **load_options)
        purge = check_purge_on_publish(risk, port)
    rows = []
    pages = f"{sum(model.objects.count() for model in ROLES):,}"
    for case in [static, *uncached, *cached]:
        static_ratio = static.requests_per_second / case.requests_per_second
        target = "errors: 0 (met)" if case.errors == 0 else f"errors: {case.errors} (MISSED)"
        if case.cached and case.name == "risk page":
            met = static_ratio <= report.MAX_STATIC_TO_CACHED
            target += "; " + report.verdict(met, f"static ÷ cached ≤ {report.MAX_STATIC_TO_CACHED:g}")
            summary.append(
                f"serve: the cached page serves {case.requests_per_second:,.0f} req/s, "
                f"the static file {static.requests_per_second:,.0f} req/s ({static_ratio:.2f}×)."
            )
        results["serve"].append(
            {
                "case": case.name,
                "path": case.path,
                "cached": case.cached,
                "requests_per_second": round(case.requests_per_second, 1),
                "spread": round(case.spread, 3),
                "p50_ms": case.p50_ms,
                "p99_ms": case.p99_ms,
                "errors": case.errors,
                "static_ratio": round(static_ratio, 3),
            }
        )
        rows.append(
            report.Row(
                section="serve",
                case=f"{case.name}{', cached' if case.cached else ''}",
                pages=pages,
                ours=f"{case.requests_per_second:,.0f} req/s",
                baseline=f"static {static.requests_per_second:,.0f} req/s",
                ratio=f"{static_ratio:.2f}",
                spread=report.percent(case.spread),
                latency=f"p50 {case.p50_ms:.1f} ms, p99 {case.p99_ms:.1f} ms",
                target=target,
            )
        )
    errors = sum(case.errors for case in [static, *uncached, *cached])
    summary.append(f"serve: {errors} errors under load.")
    summary.append(f"serve: purge on publish: {purge}")
    results["serve_purge_on_publish"] = purge
    return rows


def check_purge_on_publish(page, port: int) -> str:
    """Publish a new title and read the page back from the cached server: a shared cache must be purged.

    A local-memory cache lives in each worker, out of this process's reach, so only Redis is checked.
    """
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        return "not checked: the local-memory cache is private to each worker (set REDIS_URL to check it)."
    url = f"http://127.0.0.1:{port}{page_path(page)}"
    original_title = page.title
    page.title = f"{original_title} (republished)"
    try:
        page.save_revision().publish()
        fresh = all(page.title in read(url) for _ in range(4))
    finally:
        page.title = original_title
        page.save_revision().publish()
    return "yes: the next request showed the new title." if fresh else "NO: the cache served the old title."


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def environment_summary() -> dict:
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    database = f"{connection.vendor} {connection.Database.sqlite_version}" if connection.vendor == "sqlite" else ""
    if connection.vendor == "postgresql":
        database = f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
    details = {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": database,
        "cache": cache,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "date": datetime.date.today().isoformat(),
    }
    details["summary"] = (
        f"Python {details['python']}, Django {details['django']}, Wagtail {details['wagtail']}, "
        f"{database}, {cache}, {details['cpus']} CPUs ({details['machine']}), {details['date']}"
    )
    return details
