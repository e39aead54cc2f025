"""The benchmark harness runs end to end on a tiny site, and what it measures holds: the pages it compares
carry the promised content, and their query counts do not grow with the size of the site.

Nothing here is timed; ``make bench`` reports the times (docs/performance.md).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (REPO / "bench").is_dir(), reason="the benchmark harness is not part of this checkout"
)


def run_bench(output: Path, *options: str) -> tuple[str, dict]:
    """Run the harness in a process of its own, as ``make bench`` does; its printed table and its JSON."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BENCH_", "DJANGO_", "REDIS_"))}
    completed = subprocess.run(
        [sys.executable, "-m", "bench", *options, "--rounds=1", "--requests=1", "--warmup=0", f"--output={output}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout, json.loads((output / "latest.json").read_text())


@pytest.fixture(scope="module")
def bench_results(tmp_path_factory):
    """Every section but serving, on a tiny site, in one run: building the site costs more than measuring it."""
    return run_bench(
        tmp_path_factory.mktemp("bench"),
        "--sections=render,api,admin,publish,audit,import",
        "--levels=30,120",
        "--siblings=2,6",
        "--import-counts=3,6",
        "--import-runs=1",
    )


def test_prints_one_table_of_every_case_at_every_size(bench_results):
    stdout, results = bench_results
    table = [line for line in stdout.splitlines() if line.startswith("| render") or line.startswith("| api")]
    assert len(table) == 2 * 3 * 4
    assert [level["article_pages"] for level in results["levels"]] == [30, 120]
    cases = {item["case"] for item in results["levels"][0]["comparisons"]}
    for role in ("overview", "risk", "safe_use"):
        assert {f"{role} page", f"v2 detail {role}", f"v2 listing {role} (20, fields=*)", f"v3 detail {role}"} <= cases


def test_query_counts_do_not_grow_with_the_site(bench_results):
    _stdout, results = bench_results
    small, large = (
        {item["case"]: item["ours_queries"] for item in level["comparisons"]} for level in results["levels"]
    )
    assert results["levels"][1]["article_pages"] >= 4 * results["levels"][0]["article_pages"]
    assert small == large


def test_listings_compare_twenty_pages_of_each_type(bench_results):
    _stdout, results = bench_results
    for item in results["levels"][-1]["comparisons"]:
        if "listing" in item["case"]:
            # Twenty full article pages against twenty plain pages: both answers carry a page's body twenty times.
            assert item["ours_bytes"] > 20 * 1000
            assert item["baseline_bytes"] > 20 * 1000


def test_the_page_editor_of_each_type_is_compared_with_a_plain_pages(bench_results):
    _stdout, results = bench_results
    assert {item["case"] for item in results["admin"]} == {
        f"page editor {role}" for role in ("overview", "risk", "safe_use")
    }
    for item in results["admin"]:
        # A real editor was served: a form with the page's content, not a login page or an error.
        assert item["ours_bytes"] > 10 * 1000
        assert item["baseline_bytes"] > 10 * 1000


def test_publishing_among_siblings_is_measured_at_each_count(bench_results):
    _stdout, results = bench_results
    assert [item["siblings"] for item in results["publish"]] == [2, 6]
    for item in results["publish"]:
        assert item["ours_queries"] > 0 and item["baseline_queries"] > 0


def test_the_import_is_compared_with_plain_pages_written_through_the_same_calls(bench_results):
    stdout, results = bench_results
    assert [item["articles"] for item in results["import"]] == [3, 6]
    for item in results["import"]:
        assert len(item["articles_per_second"]) == len(item["plain_articles_per_second"]) == 1
    assert "| import" in stdout and "| audit" in stdout


def test_wrk_latencies_in_seconds_are_read():
    # wrk pads latencies given in seconds with a trailing space.
    from bench.serve import parse_wrk

    report = (
        "  Latency Distribution\n     50%  984.70ms\n     75%    1.20s \n     99%    2.43s \n"
        "  8 requests in 5.06s, 0.88KB read\n  Non-2xx or 3xx responses: 1\nRequests/sec:      1.58\n"
    )
    run = parse_wrk(report)
    assert (run.p50_ms, run.p99_ms, run.errors, run.requests_per_second) == (984.7, 2430.0, 1, 1.58)
