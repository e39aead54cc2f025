"""The benchmark's sections: render and API at each site size, import speed, audit speed, and serving under load."""

import argparse
import datetime
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from bench import audit_speed, report, serve
from bench.dataset import ROLES, MeasuredPages, add_page_with_siblings, article_page_count, build_site, grow_to
from bench.measure import Action, Case, InProcessClient, measure, measure_actions

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
    ours: Case | Action
    baseline: Case | Action

    @property
    def ratio(self) -> float:
        return self.ours.median_ms / self.baseline.median_ms


def run(options: argparse.Namespace, env: dict[str, str]) -> dict:
    results = {
        "environment": environment_summary(),
        "levels": [],
        "admin": [],
        "publish": [],
        "import": [],
        "serve": [],
    }
    rows: list[report.Row] = []
    summary: list[str] = []
    host = f"127.0.0.1:{env['BENCH_PORT']}"
    measured = None
    if {"render", "api", "admin", "publish", "serve", "audit"} & set(options.sections):
        print("Building the site: migrations, demo content, measured pages and their plain twins…", flush=True)
        measured = build_site()
    if "audit" in options.sections:
        rows += measure_audit(results, summary)
    if {"render", "api"} & set(options.sections):
        rows += measure_levels(measured, options, host, results, summary)
    if "admin" in options.sections:
        rows += measure_admin(measured, options, host, results, summary)
    if "publish" in options.sections:
        rows += measure_publishing(measured, options, results, summary)
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
                "comparisons": [comparison_figures(item) for item in found],
            }
        )
        if options.profile:
            profile(found, client, Path(options.output), pages)
    first_queries = {item.name: item.ours.queries for item in by_level[0][1]}
    rows = []
    ratios_met = queries_flat = 0
    for pages, found in by_level:
        for item in found:
            target = report.max_ratio(item.name)
            met = item.ratio <= target
            ratios_met += met
            flat = item.ours.queries == first_queries[item.name]
            queries_flat += flat
            targets = [report.verdict(met, f"ratio ≤ {target:g}")]
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
    summary.append(
        f"render and API: ratio ≤ {report.MAX_PAGE_RATIO:g} (a listing ≤ {report.MAX_LISTING_RATIO:g}) "
        f"in {ratios_met} of {total} cases."
    )
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


# The admin's page editor -----------------------------------------------------------------


def logged_in_cookie() -> str:
    """The ``Cookie`` header of a new superuser's session, as the admin's login would set it."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser("bench-editor", "bench@example.com", uuid.uuid4().hex)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def measure_admin(measured, options, host: str, results: dict, summary: list[str]) -> list[report.Row]:
    """A GET of the page editor of each measured page, as a logged-in superuser, against its plain twin's."""
    print("Measuring the admin's page editor…", flush=True)
    found = [
        Comparison(
            "admin",
            f"page editor {role}",
            Case(role, reverse("wagtailadmin_pages:edit", args=[page.pk])),
            Case("plain", reverse("wagtailadmin_pages:edit", args=[measured.twins[role].pk])),
        )
        for role, page in measured.articles.items()
    ]
    client = InProcessClient(host, cookie=logged_in_cookie())
    cases = [case for item in found for case in (item.ours, item.baseline)]
    measure(cases, client, rounds=options.rounds, requests=options.requests, warmup=options.warmup)
    pages = article_page_count()
    rows = []
    for item in found:
        met = item.ratio <= report.MAX_EDITOR_RATIO
        results["admin"].append({"article_pages": pages, **comparison_figures(item)})
        summary.append(f"admin: {item.name} at {item.ratio:.2f}× the plain page's editor.")
        rows.append(comparison_row(item, pages, report.verdict(met, f"ratio ≤ {report.MAX_EDITOR_RATIO:g}")))
    return rows


def comparison_figures(item: Comparison) -> dict:
    return {
        "section": item.section,
        "case": item.name,
        "ours_ms": round(item.ours.median_ms, 3),
        "baseline_ms": round(item.baseline.median_ms, 3),
        "ratio": round(item.ratio, 3),
        "ours_spread": round(item.ours.spread, 3),
        "baseline_spread": round(item.baseline.spread, 3),
        "ours_queries": item.ours.queries,
        "baseline_queries": item.baseline.queries,
        "ours_bytes": getattr(item.ours, "response_bytes", 0),
        "baseline_bytes": getattr(item.baseline, "response_bytes", 0),
    }


def comparison_row(item: Comparison, pages: int | str, target: str) -> report.Row:
    sizes = (getattr(item.ours, "response_bytes", 0), getattr(item.baseline, "response_bytes", 0))
    return report.Row(
        section=item.section,
        case=item.name,
        pages=f"{pages:,}" if isinstance(pages, int) else pages,
        ours=f"{item.ours.median_ms:.1f} ms",
        baseline=f"{item.baseline.median_ms:.1f} ms",
        ratio=f"{item.ratio:.2f}",
        spread=f"{report.percent(item.ours.spread)} / {report.percent(item.baseline.spread)}",
        queries=f"{item.ours.queries} / {item.baseline.queries}",
        size=report.kilobytes(*sizes) if all(sizes) else "",
        target=target,
    )


# Publishing among siblings -------------------------------------------------------------

#: Publishes of each case per round; each one is a new revision, published, as the admin's "Publish" makes.
PUBLISHES_PER_ROUND = 3

#: A first publish slower than this is timed once more only; one slower than the budget is stopped.
PUBLISH_SLOW_SECONDS = 2
PUBLISH_BUDGET_SECONDS = 60


class OverBudget(Exception):
    """Raised into a measurement that ran out of time."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise ``OverBudget`` in the block after ``seconds`` (the main thread only, with SIGALRM)."""

    def stop(_signal, _frame):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def republish(page) -> Callable[[], None]:
    """A new revision of ``page``, published, as the editor's "Publish" button does."""

    def run() -> None:
        page.save_revision().publish()

    return run


def measure_publishing(measured, options, results: dict, summary: list[str]) -> list[report.Row]:
    """Publishing a risk page under hubs with more and more siblings, against a plain page among as many.

    The hubs are added one at a time, smallest first. A first publish slower than ``PUBLISH_SLOW_SECONDS``
    is timed once more only; one still running after ``PUBLISH_BUDGET_SECONDS`` is stopped (and rolled
    back), reported as that lower bound, and the larger hubs are skipped.
    """
    print(f"Publishing a page among {', '.join(f'{count:,}' for count in options.siblings)} siblings…", flush=True)
    found = []
    skipped = []
    for siblings in options.siblings:
        if skipped:
            skipped.append(siblings)
            continue
        placed = add_page_with_siblings(measured, siblings)
        item = Comparison(
            "publish",
            f"publish a risk page among {siblings:,} siblings",
            Action("risk", republish(placed.page)),
            Action("plain", republish(placed.twin)),
        )
        started = time.perf_counter()
        try:
            with time_limit(PUBLISH_BUDGET_SECONDS):
                item.ours.run()
        except OverBudget:
            # The publish rolled back; its time is a lower bound.
            item.ours.rounds = [time.perf_counter() - started]
            measure_actions([item.baseline], rounds=options.rounds, repeats=PUBLISHES_PER_ROUND, warmup=1)
            skipped.append(siblings)
            found.append((siblings, item))
            continue
        first = time.perf_counter() - started
        if first > PUBLISH_SLOW_SECONDS:
            measure_actions([item.ours, item.baseline], rounds=1, repeats=1, warmup=0)
        else:
            measure_actions([item.ours, item.baseline], rounds=options.rounds, repeats=PUBLISHES_PER_ROUND, warmup=0)
        found.append((siblings, item))
    fewest = found[0][1]
    rows = []
    for siblings, item in found:
        growth = item.ours.median_ms / fewest.ours.median_ms
        targets = []
        if item is not fewest:
            flat = growth <= report.MAX_PUBLISH_GROWTH
            targets.append(
                report.verdict(
                    flat, f"flat: {growth:.2f}× the time among {options.siblings[0]} ≤ {report.MAX_PUBLISH_GROWTH:g}"
                )
            )
            summary.append(
                f"publish: among {siblings:,} siblings {item.ours.median_ms:,.0f} ms, {growth:.2f}× the time among "
                f"{options.siblings[0]} ({item.ours.queries or 'not counted:'} queries against {fewest.ours.queries})."
            )
        if item.ours.queries == 0:
            targets.append(f"stopped after {PUBLISH_BUDGET_SECONDS} s: over budget")
        results["publish"].append({"siblings": siblings, "growth": round(growth, 3), **comparison_figures(item)})
        rows.append(comparison_row(item, f"{siblings:,} siblings", "; ".join(targets)))
    if skipped:
        summary.append(
            f"publish: one publish among {skipped[0]:,} siblings was stopped after {PUBLISH_BUDGET_SECONDS} s"
            + (f"; not measured among {', '.join(f'{count:,}' for count in skipped[1:])}." if skipped[1:] else ".")
        )
    return rows


# Import ------------------------------------------------------------------------------


def import_rate(count: int, migrated_template: Path, *, plain: bool = False) -> float:
    """Articles per second for one import of ``count`` generated articles, in a process and database of its own.

    ``plain`` writes the baseline instead: as many plain pages with the same text, through the same Wagtail calls.
    Every run starts from a copy of ``migrated_template``, which the first run writes: migrating takes longer
    than a small import.
    """
    output = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "import_speed.py"),
            "--count",
            str(count),
            f"--migrated-template={migrated_template}",
            *(["--plain"] * plain),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    return float(re.search(r"^import:\s+([\d.]+) articles/s", output, re.MULTILINE).group(1))


def measure_import(options, results: dict, summary: list[str]) -> list[report.Row]:
    """Our import against the plain baseline at each count, their runs alternating so that load touches both alike."""
    rates, plain_rates = {}, {}
    with tempfile.TemporaryDirectory(prefix="kratom-import-template-") as directory:
        migrated_template = Path(directory) / "migrated.sqlite3"
        for count in options.import_counts:
            print(
                f"Importing {count:,} generated articles and as many plain ones, {options.import_runs} times…",
                flush=True,
            )
            rates[count], plain_rates[count] = [], []
            for _ in range(options.import_runs):
                rates[count].append(import_rate(count, migrated_template))
                plain_rates[count].append(import_rate(count, migrated_template, plain=True))
            results["import"].append(
                {
                    "articles": count,
                    "articles_per_second": rates[count],
                    "plain_articles_per_second": plain_rates[count],
                }
            )
    smallest = options.import_counts[0]
    rows = []
    for count, runs in rates.items():
        rate, plain_rate = statistics.median(runs), statistics.median(plain_rates[count])
        # A ratio of times, as elsewhere in the table: how much longer ours takes than the plain pages.
        ratio = plain_rate / rate
        targets = [
            report.verdict(rate >= report.MIN_IMPORT_RATE, f"≥ {report.MIN_IMPORT_RATE} articles/s"),
            report.verdict(ratio <= report.MAX_IMPORT_RATIO, f"ratio ≤ {report.MAX_IMPORT_RATIO}"),
        ]
        summary.append(
            f"import: {count:,} articles at {rate:.1f} articles/s, the plain pages at {plain_rate:.1f} ({ratio:.2f}×)."
        )
        if count != smallest:
            linear = rate / statistics.median(rates[smallest])
            met = linear >= report.MIN_IMPORT_RATIO
            targets.append(
                report.verdict(met, f"rate {linear:.2f}× the {smallest:,}-article rate ≥ {report.MIN_IMPORT_RATIO}")
            )
            summary.append(
                f"import: {count:,} articles at {linear:.2f}× the {smallest:,}-article rate "
                f"({'linear' if met else 'slower than linear'})."
            )
        rows.append(
            report.Row(
                section="import",
                case=f"{count:,} articles ({count * 3:,} pages)",
                ours=f"{rate:.1f} articles/s",
                baseline=f"{plain_rate:.1f} articles/s",
                ratio=f"{ratio:.2f}",
                spread=f"{report.percent(spread(runs))} / {report.percent(spread(plain_rates[count]))}",
                target="; ".join(targets),
            )
        )
    return rows


def spread(values: list[float]) -> float:
    """The range of ``values`` as a fraction of their median."""
    return (max(values) - min(values)) / statistics.median(values)


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
    """Each server loaded with its cases and a static file of the page's size, their runs alternating.

    Without a page cache: the risk page and a v2 listing. With it: the risk page in each worker's
    local memory, then in Redis when ``REDIS_URL`` is set. A case's ratio is against the static
    file served by the same server in the same runs.
    """
    port = int(env["BENCH_PORT"])
    risk = measured.articles["risk"]
    call_command("collectstatic", interactive=False, verbosity=0)
    page_html = InProcessClient(f"127.0.0.1:{port}").get(page_path(risk))
    static_copy = Path(settings.STATIC_ROOT) / "bench" / "risk-page.html"
    static_copy.parent.mkdir(parents=True, exist_ok=True)
    static_copy.write_bytes(page_html)
    static_path = f"{settings.STATIC_URL}bench/risk-page.html"
    listing = f"/api/v2/pages/?{LISTING_QUERY.format(label=MODEL_LABELS['risk'])}"
    risk_path = page_path(risk)
    servers = [
        (
            "",
            {"PAGE_CACHE_SECONDS": "0"},
            [serve.LoadCase("risk page", risk_path), serve.LoadCase("v2 listing", listing)],
        ),
        # An empty REDIS_URL gives each worker a local-memory cache (demo_site.settings.base).
        (
            "local memory",
            {"PAGE_CACHE_SECONDS": PAGE_CACHE_SECONDS, "REDIS_URL": ""},
            [serve.LoadCase("risk page", risk_path, "local memory")],
        ),
    ]
    if os.environ.get("REDIS_URL"):
        servers.append(
            ("Redis", {"PAGE_CACHE_SECONDS": PAGE_CACHE_SECONDS}, [serve.LoadCase("risk page", risk_path, "Redis")])
        )
    load_options = {"runs": options.serve_runs, "seconds": options.serve_seconds, "warmup_seconds": 2}
    measured_cases: list[tuple[serve.LoadCase, serve.LoadCase]] = []
    purge = "not checked: set REDIS_URL to check that a shared cache is purged on publish."
    for cache, server_env, cases in servers:
        static = serve.LoadCase("static file (same size as the page)", static_path)
        print(
            f"Serving under gunicorn {f'with the page cache in {cache}' if cache else 'without a page cache'}…",
            flush=True,
        )
        with serve.gunicorn(port, {**env, **server_env}):
            serve.load([static, *cases], port, **load_options)
            if cache == "Redis":
                purge = check_purge_on_publish(risk, port)
        if not cache:
            measured_cases.append((static, static))
        measured_cases += [(case, static) for case in cases]
    rows = []
    pages = f"{sum(model.objects.count() for model in ROLES):,}"
    for case, static in measured_cases:
        static_ratio = static.requests_per_second / case.requests_per_second
        target = "errors: 0 (met)" if case.errors == 0 else f"errors: {case.errors} (MISSED)"
        if case.cache:
            share = case.requests_per_second / static.requests_per_second
            met = share >= report.MIN_CACHED_TO_STATIC
            target += "; " + report.verdict(met, f"cached ≥ {report.MIN_CACHED_TO_STATIC:g}× the static file")
            summary.append(
                f"serve: the page cached in {case.cache} serves {case.requests_per_second:,.0f} req/s, "
                f"the static file {static.requests_per_second:,.0f} req/s ({share:.2f}×)."
            )
        results["serve"].append(
            {
                "case": case.name,
                "path": case.path,
                "cache": case.cache,
                "requests_per_second": round(case.requests_per_second, 1),
                "spread": round(case.spread, 3),
                "p50_ms": case.p50_ms,
                "p99_ms": case.p99_ms,
                "errors": case.errors,
                "static_requests_per_second": round(static.requests_per_second, 1),
                "static_ratio": round(static_ratio, 3),
            }
        )
        rows.append(
            report.Row(
                section="serve",
                case=f"{case.name}, cached in {case.cache}" if case.cache else case.name,
                pages=pages,
                ours=f"{case.requests_per_second:,.0f} req/s",
                baseline=f"static {static.requests_per_second:,.0f} req/s",
                ratio=f"{static_ratio:.2f}",
                spread=report.percent(case.spread),
                latency=f"p50 {case.p50_ms:.1f} ms, p99 {case.p99_ms:.1f} ms",
                target=target,
            )
        )
    errors = sum(case.errors for case, _static in measured_cases)
    summary.append(f"serve: {errors} errors under load.")
    summary.append(f"serve: purge on publish: {purge}")
    results["serve_purge_on_publish"] = purge
    return rows


def check_purge_on_publish(page, port: int) -> str:
    """Publish a new title and read the page back from the cached server: a shared cache must be purged.

    A local-memory cache lives in each worker, out of this process's reach, so only Redis is checked.
    """
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
    backend = settings.CACHES["default"]["BACKEND"]
    cache = "django-redis" if backend.startswith("django_redis.") else backend.rsplit(".", 1)[-1]
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
