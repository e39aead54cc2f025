"""Serving under load: gunicorn with two workers on 127.0.0.1, driven by wrk.

Each case gets a short warm-up and several timed runs; requests per second and the p50 and p99
latencies are the medians of the runs, errors their sum (socket errors and non-2xx/3xx answers).
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

#: Open connections wrk keeps: two per worker, so each worker always has the next request waiting.
CONNECTIONS = 4


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
    cached: bool
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
        return statistics.median(run.p50_ms for run in self.runs)

    @property
    def p99_ms(self) -> float:
        return statistics.median(run.p99_ms for run in self.runs)

    @property
    def errors(self) -> int:
        return sum(run.errors for run in self.runs)


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
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer {url} within a minute")


def run_wrk(url: str, seconds: float) -> LoadRun:
    output = subprocess.run(
        ["wrk", "--threads=1", f"--connections={CONNECTIONS}", f"--duration={round(seconds)}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> LoadRun:
    """Read requests per second, the 50th and 99th percentile latencies and the errors from wrk's report."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return LoadRun(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(percentiles["50"]),
        p99_ms=_milliseconds(percentiles["99"]),
        errors=(sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    )


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def load(cases: list[LoadCase], port: int, *, runs: int, seconds: float, warmup_seconds: float) -> None:
    for case in cases:
        url = f"http://127.0.0.1:{port}{case.path}"
        run_wrk(url, warmup_seconds)
        case.runs = [run_wrk(url, seconds) for _ in range(runs)]
