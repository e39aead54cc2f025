"""Run the benchmark: ``python -m bench`` (``make bench``); ``--help`` lists the options.

Every figure is measured in this run against a plain Wagtail baseline in the same database, so
ratios hold from one machine to another where absolute times do not. Writes the table and the
JSON to ``bench-results/``.
"""

import argparse
import datetime
import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SECTIONS = ("render", "api", "admin", "publish", "import", "audit", "serve")


def parse_options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"Comma-separated sections to run, of {', '.join(SECTIONS)} (default: all).",
    )
    parser.add_argument(
        "--levels",
        default="100,1000,10000",
        help="Article page counts to measure at, growing the site between them (default 100,1000,10000).",
    )
    parser.add_argument("--rounds", type=int, default=5, help="Timed rounds per render and API case (default 5).")
    parser.add_argument("--requests", type=int, default=10, help="Requests per case in each round (default 10).")
    parser.add_argument("--warmup", type=int, default=5, help="Untimed requests per case first (default 5).")
    parser.add_argument(
        "--import-counts", default="100,1000", help="Generated articles per import run (default 100,1000)."
    )
    parser.add_argument("--import-runs", type=int, default=3, help="Runs per import count (default 3).")
    parser.add_argument(
        "--siblings",
        default="10,100,1000",
        help="Siblings of the page published in the publish section (default 10,100,1000).",
    )
    parser.add_argument("--serve-seconds", type=int, default=5, help="Seconds of one wrk run (default 5).")
    parser.add_argument("--serve-runs", type=int, default=3, help="wrk runs per serving case (default 3).")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="Also profile each page type's render and API detail with pyinstrument, into bench-results/.",
    )
    parser.add_argument("--output", default="bench-results", help="Folder for the results (default bench-results).")
    options = parser.parse_args(argv)
    options.sections = [section.strip() for section in options.sections.split(",") if section.strip()]
    unknown = set(options.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    options.levels = sorted(int(level) for level in options.levels.split(","))
    options.import_counts = sorted(int(count) for count in options.import_counts.split(","))
    options.siblings = sorted(int(count) for count in options.siblings.split(","))
    return options


def prepare_environment(options: argparse.Namespace) -> dict[str, str]:
    """Settings for this process and the servers it starts: a fresh database, a cache prefix of its own."""
    output = Path(options.output).resolve()
    (output / "static").mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if database_url:
        recreate_postgresql_database(database_url)
    else:
        database = output / "bench.sqlite3"
        database.unlink(missing_ok=True)
        database_url = f"sqlite:///{database}"
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": database_url,
        "BENCH_PORT": os.environ.get("BENCH_PORT", "8765"),
        "BENCH_STATIC_ROOT": str(output / "static"),
        "BENCH_CACHE_PREFIX": f"kratom-bench-{os.getpid()}-{int(time.time())}",
    }
    os.environ.update(env)
    return env


def recreate_postgresql_database(url: str) -> None:
    """Drop and create the benchmark's PostgreSQL database, so every run starts from nothing."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = config["NAME"]
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or "bench" not in name:
        sys.exit(f"BENCH_DATABASE_URL must name a database for the benchmark only (with “bench” in it), not {name!r}.")
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main(argv: list[str] | None = None) -> None:
    options = parse_options(argv)
    env = prepare_environment(options)
    sys.path.insert(0, str(REPO))

    import django

    django.setup()

    from bench import run

    started = time.monotonic()
    results = run.run(options, env)
    results["seconds"] = round(time.monotonic() - started, 1)
    output = Path(options.output)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (output / name).write_text(json.dumps(results, indent=2) + "\n")
    (output / "latest.md").write_text(results["table"] + "\n")
    print()
    print(results["table"])
    print()
    for line in results["summary"]:
        print(line)
    print(f"\nEnvironment: {results['environment']['summary']}")
    print(f"Finished in {results['seconds']:.0f} s; written to {output}/latest.json and {output}/bench-{stamp}.json")


if __name__ == "__main__":
    main()
