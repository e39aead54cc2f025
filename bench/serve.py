"""Serving under load: gunicorn with two workers on 127.0.0.1, driven by wrk.

Each case gets a short warm-up and several timed runs; requests per second and the p50 and p99
latencies are the medians of the runs, errors their sum (socket errors and non-2xx/3xx answers).
"""

import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

#: Open connections wrk keeps: two per worker, so each worker always has the next request waiting.
CONNECTIONS = 4

WRK_TIMEOUT_SECONDS = 30


@dataclass
class LoadRun:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class LoadCase:
    name: str
    path: str
    #: Where the page cache keeps pages ("local memory", "Redis"), or "" without one.
    cache: str = ""
    runs: list[LoadRun] = field(default_factory=list)

    @property
    def requests_per_second(self) -> float:
        return statistics.median(run.requests_per_second for run in self.runs)

    @property
    def spread(self) -> float:
        rates = [run.requests_per_second for run in self.runs]
        return (max(rates) - min(rates)) / statistics.median(rates)

    @property
    def p50_ms(self) -> float:
        return median_of_known([run.p50_ms for run in self.runs])

    @property
    def p99_ms(self) -> float:
        return median_of_known([run.p99_ms for run in self.runs])

    @property
    def errors(self) -> int:
        return sum(run.errors for run in self.runs)


def median_of_known(values: list[float]) -> float:
    """The median of the values that are not NaN (a run with no answers has no percentiles), or NaN."""
    known = [value for value in values if not math.isnan(value)]
    return statistics.median(known) if known else math.nan


def wrk_available() -> bool:
    """Whether wrk, and gunicorn beside this Python, are installed."""
    return bool(shutil.which("wrk") and shutil.which("gunicorn", path=str(Path(sys.executable).parent)))


@contextmanager
def gunicorn(port: int, env: dict[str, str]):
    """Serve the demo site's WSGI application with the benchmark settings until the block ends."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "demo_site.wsgi:application",
        "--workers=2",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, env={**os.environ, **env}, start_new_session=True)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/", server)
        yield
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with exit code {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=15).read()
            return
        except OSError:  # Refused while gunicorn starts, or a first answer slower than the timeout on a busy machine.
            time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer {url} within a minute")


def run_wrk(url: str, seconds: float) -> LoadRun:
    return parse_wrk(wrk_output(url, seconds))


def wrk_output(url: str, seconds: float) -> str:
    return subprocess.run(
        [
            "wrk",
            "--threads=1",
            f"--connections={CONNECTIONS}",
            f"--duration={round(seconds)}s",
            # wrk's default of two seconds counts a slow answer on a busy machine as an error, and leaves no latency.
            f"--timeout={WRK_TIMEOUT_SECONDS}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def parse_wrk(output: str) -> LoadRun:
    """Read requests per second, the 50th and 99th percentile latencies and the errors from wrk's report."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return LoadRun(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # A run in which no answer came back has no percentiles.
        p50_ms=_milliseconds(percentiles["50"]) if "50" in percentiles else math.nan,
        p99_ms=_milliseconds(percentiles["99"]) if "99" in percentiles else math.nan,
        errors=(sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    )


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def load(cases: list[LoadCase], port: int, *, runs: int, seconds: float, warmup_seconds: float) -> None:
    """Warm each case up, then run them in turn ``runs`` times, so that a busy moment touches them alike."""
    for case in cases:
        wrk_output(f"http://127.0.0.1:{port}{case.path}", warmup_seconds)
    for _ in range(runs):
        for case in cases:
            case.runs.append(run_wrk(f"http://127.0.0.1:{port}{case.path}", seconds))
