"""A bounded load test of `ties serve` on loopback: many requests, some concurrent, some hostile.

Prints the answers by status, latency and the server's memory (with its query processes) before
and after. Run on a built store:

    .venv/bin/python -m benchmarks.load [--store data/store] [--requests 2000] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from graph.query import library

# what a shared endpoint meets: library queries, pages, bad and forbidden requests, a too-large
# result; each with the status it must get
Request = tuple[str, str, tuple[str, bytes] | None, int]
HOSTILE: list[Request] = [
    ("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELEC nonsense"}), None, 400),
    ("GET", "/sparql?" + urllib.parse.urlencode({"update": "DROP ALL"}), None, 403),
    ("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }"}),
     None, 403),
    ("POST", "/sparql", ("application/sparql-update", b"LOAD <http://example.org/x>"), 403),
    ("POST", "/sparql", ("application/sparql-query", b"INSERT DATA { <x:a> <x:b> <x:c> }"), 403),
    ("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"}), None, 413),
    ("GET", "/entity?" + urllib.parse.urlencode({"iri": "<script>alert(1)</script>"}), None, 404),
    ("GET", "/org/" + urllib.parse.quote("<script>alert(1)</script>"), None, 404),
    ("GET", "/search?" + urllib.parse.urlencode({"q": "<script>alert(1)</script>" * 50}), None, 200),
    ("POST", "/sparql", ("application/sparql-query", b"#" * 2_000_000), 413),
    ("POST", "/sparql", ("application/sparql-query", b"SELECT * WHERE " + b"{" * 5000 + b"}" * 5000), 400),
    ("GET", "/sparql?" + urllib.parse.urlencode(
        {"query": "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}), None, 403),
]


@dataclass
class LoadResult:
    requests: int
    concurrency: int
    seconds: float
    statuses: Counter = field(default_factory=Counter)
    unexpected: Counter = field(default_factory=Counter)  # (expected, got) -> count
    latencies: list[float] = field(default_factory=list)
    rss_start: int = 0  # bytes, server with its query processes, after a warm-up
    rss_middle: int = 0  # after half the requests: from here on, memory should stay flat
    rss_end: int = 0

    @property
    def errors(self) -> int:
        """Answers other than the one expected: a failure, a refusal beyond the caps, or no answer."""
        return sum(self.unexpected.values())

    def to_dict(self) -> dict:
        ordered = sorted(self.latencies)
        return {"requests": self.requests, "concurrency": self.concurrency, "seconds": round(self.seconds, 2),
                "per_s": round(self.requests / self.seconds, 1), "statuses": dict(sorted(self.statuses.items())),
                "errors": self.errors,
                "unexpected": {f"{want}->{got}": n for (want, got), n in sorted(self.unexpected.items())},
                "median_ms": round(statistics.median(ordered) * 1000, 1),
                "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1),
                "rss_start_mib": round(self.rss_start / 2**20, 1), "rss_middle_mib": round(self.rss_middle / 2**20, 1),
                "rss_end_mib": round(self.rss_end / 2**20, 1)}


def requests_mix(count: int) -> list[Request]:
    """COUNT requests: every library query, the pages, and the hostile ones, in turn."""
    queries: list[Request] = [("GET", "/sparql?" + urllib.parse.urlencode({"query": q.bind({})}), None, 200)
                              for q in library().values() if all(p.default is not None for p in q.params)]
    pages: list[Request] = [("GET", path, None, 200) for path in (
        "/", "/query", "/api/queries", "/static/query.js", "/search?q=%D0%9C%D0%BE%D0%B3%D0%B8%D0%BB",
        "/api/suggest?q=%D0%9C%D0%90%D0%97", "/org/olsa", "/event/2025-Q2/5", "/report/2025-Q2", "/country/BY",
        "/partners", "/reports")]
    cycle = queries + pages + HOSTILE
    return [cycle[i % len(cycle)] for i in range(count)]


def _send(port: int, request: Request) -> tuple[int, float]:
    method, path, body, _ = request
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        headers = {"Content-Type": body[0]} if body else {}
        connection.request(method, path, body=body[1] if body else None, headers=headers)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0  # no answer at all: counted as an error
    finally:
        connection.close()
    return status, time.perf_counter() - started


def tree_rss(pid: int) -> int:
    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


def load(port: int, pid: int, requests: int = 2000, concurrency: int = 20) -> LoadResult:
    """Send the requests, `concurrency` at a time, after a warm-up that starts every query process."""
    mix = requests_mix(requests)
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(lambda r: _send(port, r), mix[:100]))
        rss_start = tree_rss(pid)
        started = time.perf_counter()
        answers = list(pool.map(lambda r: _send(port, r), mix[:requests // 2]))
        rss_middle = tree_rss(pid)
        answers += pool.map(lambda r: _send(port, r), mix[requests // 2:])
        seconds = time.perf_counter() - started
    unexpected = Counter((r[3], status) for r, (status, _) in zip(mix, answers, strict=True) if status != r[3])
    return LoadResult(requests, concurrency, seconds, Counter(s for s, _ in answers), unexpected,
                      [t for _, t in answers], rss_start, rss_middle, tree_rss(pid))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(store: Path, timeout: float = 20.0):
    """`ties serve` on the store, on a free loopback port, stopped afterwards; yields (port, pid)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store),
                                "--port", str(port), "--timeout", str(timeout)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while _send(port, ("GET", "/api/queries", None, 200))[0] != 200:
            if time.time() > deadline or process.poll() is not None:
                raise RuntimeError(f"`ties serve` did not start on port {port}")
            time.sleep(0.3)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("data") / "store")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    with serving(args.store) as (port, pid):
        result = load(port, pid, args.requests, args.concurrency).to_dict()
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:<14} {value}")


if __name__ == "__main__":
    main()
