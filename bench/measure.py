"""Timing requests in process: Django's own WSGI handler, without the test client's instrumentation.

Every case is warmed up, then timed in several rounds; the rounds of all cases are interleaved
so that a slow patch of the machine touches ours and the baseline alike. A case's figure is the
median of its round medians; its spread is the range of those round medians, relative to it.
"""

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test.utils import CaptureQueriesContext


class RoundFigures:
    """The figures of something timed in rounds (its ``rounds``, one median a round)."""

    rounds: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.rounds) * 1000

    @property
    def spread(self) -> float:
        """The range of the round medians as a fraction of the median."""
        return (max(self.rounds) - min(self.rounds)) / statistics.median(self.rounds)


@dataclass
class Case(RoundFigures):
    """One request to time: a page or an API call."""

    name: str
    path: str
    query: str = ""
    rounds: list[float] = field(default_factory=list)
    queries: int = 0
    response_bytes: int = 0


class RequestFailed(RuntimeError):
    pass


class InProcessClient:
    """Sends GET requests through Django's WSGI handler, as a WSGI server would."""

    def __init__(self, host: str, cookie: str = ""):
        self.handler = WSGIHandler()
        self.host = host
        #: The ``Cookie`` header to send: a logged-in user's session for the admin's cases.
        self.cookie = cookie

    def get(self, path: str, query: str = "") -> bytes:
        hostname, _, port = self.host.partition(":")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": hostname,
            "SERVER_PORT": port or "80",
            "HTTP_HOST": self.host,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        if self.cookie:
            environ["HTTP_COOKIE"] = self.cookie
        statuses = []
        response = self.handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
        try:
            body = b"".join(response)
        finally:
            response.close()
        if not statuses[0].startswith("200"):
            raise RequestFailed(f"GET {path}?{query} answered {statuses[0]}")
        return body


def measure(cases: list[Case], client: InProcessClient, *, rounds: int, requests: int, warmup: int) -> None:
    """Fill in each case's round medians, query count and response size."""
    for case in cases:
        # At least one read first: queries are counted as a reader meets the page once it has been read,
        # with its cached parts stored (wagtail_kratom.fragment_cache), the same at every size.
        for _ in range(max(warmup, 1)):
            client.get(case.path, case.query)
        with CaptureQueriesContext(connection) as queries:
            case.response_bytes = len(client.get(case.path, case.query))
        case.queries = len(queries)
    for _ in range(rounds):
        for case in cases:
            timings = []
            for _ in range(requests):
                started = time.perf_counter()
                client.get(case.path, case.query)
                timings.append(time.perf_counter() - started)
            case.rounds.append(statistics.median(timings))


@dataclass
class Action(RoundFigures):
    """Something to time that is not a request, such as publishing a page; measured as ``Case`` is."""

    name: str
    run: Callable[[], object]
    rounds: list[float] = field(default_factory=list)
    queries: int = 0


def measure_actions(actions: list[Action], *, rounds: int, repeats: int, warmup: int) -> None:
    """Fill in each action's round medians and query count, the rounds of all actions interleaved."""
    for action in actions:
        for _ in range(warmup):
            action.run()
        with CaptureQueriesContext(connection) as queries:
            action.run()
        action.queries = len(queries)
    for _ in range(rounds):
        for action in actions:
            timings = []
            for _ in range(repeats):
                started = time.perf_counter()
                action.run()
                timings.append(time.perf_counter() - started)
            action.rounds.append(statistics.median(timings))
