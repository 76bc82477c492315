"""The endpoint attacked from outside, on a real waitress server on loopback.

Each test stands for a hole found when the server was attacked: a SERVICE clause hidden from a text
reading, a `javascript:` IRI in a shared link, a deeply nested query, idle sockets, a memory-hungry
query, a crowd on the map, malformed paths and methods, and a build while serving.
"""

from __future__ import annotations

import http.client
import os
import socket
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from graph.pipeline import build
from graph.stores import EmbeddedStore
from graph.web.server import Limits, create_app, make_server
from graph.web.workers import isolate_network
from nlp.reading.report import read_report

pytestmark = [pytest.mark.server, pytest.mark.slow]  # real servers, some attacked for seconds

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@contextmanager
def serving(store, limits: Limits | None = None):
    """The app on waitress (as `ties serve` runs it) on a free loopback port: (host, port, app)."""
    app = create_app(store, limits)
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", server.effective_port, app
    finally:
        server.close()
        thread.join(10)
        app.close()


def ask(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
        timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def query_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def count(port: int) -> int:
    status, _, body = ask(port, "GET", query_path(COUNT) + "&format=csv")
    assert status == 200, body
    return int(body.decode().split()[1])


@pytest.fixture(scope="module")
def site(embedded):
    with serving(embedded) as (_, port, app):
        yield port, app


@pytest.fixture
def listener():
    """An HTTP server on loopback standing for an attacker's host: the requests it gets."""
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            received.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1"}}]}}')

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", received
    server.shutdown()


@pytest.mark.parametrize("hidden", [
    # a prefixed name ending in an escaped '#': a text reading takes the rest of the line for a comment
    "PREFIX ex: <http://example.org/>\nSELECT * WHERE {{ ?s ?p ex:a\\# . SERVICE <{url}> {{ ?x ?y ?z }} }}",
    # the keyword written with SPARQL's \\u escapes, which the engine expands before parsing
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?x ?y ?z }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?x ?y ?z }} }}",
])
def test_a_hidden_service_clause_never_reaches_another_host(site, listener, hidden):
    port, _ = site
    url, received = listener
    status, _, body = ask(port, "GET", query_path(hidden.format(url=url)))
    assert status in (400, 403), body
    assert received == []


def test_the_query_processes_reach_no_host_even_if_a_service_got_through(embedded, listener):
    """The second wall: the engine runs SERVICE, but its process has no network."""
    from graph.web.workers import QueryFailed, QueryProcesses

    url, received = listener
    processes = QueryProcesses(embedded.path, 1)
    try:
        try:
            processes.results(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?y ?z }} }}", 10, 30)
        except QueryFailed:
            pass
        if processes.isolation is not None:
            pytest.skip(f"this system refuses a network namespace: {processes.isolation}")
        assert received == []
    finally:
        processes.close()


def test_isolation_is_possible_where_tests_run():
    """CI runs as root: the query processes there must be cut off the network (else the skip above hides it)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        refused = pool.apply(isolate_network)
    if refused is not None and os.environ.get("CI"):
        pytest.fail(f"no network namespace for the query processes: {refused}")


def test_a_javascript_iri_in_a_shared_link_stays_text(site, browser):
    port, _ = site
    query = 'SELECT ?x ?y WHERE { BIND(IRI("javascript:alert(document.domain)") AS ?x) ' \
            'BIND(IRI("https://example.org/safe") AS ?y) }'
    page = browser.new_page()
    fired: list[str] = []
    page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
    page.goto(f"http://127.0.0.1:{port}/?" + urllib.parse.urlencode({"query": query}))
    page.wait_for_selector("#results tbody tr")
    cells = page.locator("#results tbody td")
    assert cells.nth(0).inner_text() == "javascript:alert(document.domain)"
    assert cells.nth(0).locator("a").count() == 0
    assert cells.nth(1).locator("a").get_attribute("href") == "https://example.org/safe"
    cells.nth(0).click()
    page.wait_for_timeout(300)
    assert fired == []
    page.close()


def test_a_deeply_nested_query_is_a_400_and_the_workers_live_on(site):
    port, app = site
    for nested in ("SELECT * WHERE " + "{" * 5000 + "}" * 5000,
                   "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"):
        status, _, body = ask(port, "POST", "/sparql", nested.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 400 and "уровней вложенности".encode() in body and body.count(b"\n") == 1
    alive = [worker.process.is_alive() for worker in app.processes.workers]
    assert all(alive)
    assert count(port) > 0


def test_a_body_over_the_cap_is_refused_with_its_reason_and_the_answer_arrives(site):
    port, _ = site
    # sent whole, as a plain client sends it: the server reads it to its end before it answers, so the answer is
    # never lost to a connection reset mid-body
    for _ in range(20):
        status, _, body = ask(port, "POST", "/sparql", b"#" * 2_000_000, {"Content-Type": "application/sparql-query"})
        assert status == 413 and "тело запроса больше".encode() in body


def test_idle_connections_do_not_lock_others_out(site):
    port, _ = site
    idle = []
    try:
        for _ in range(300):
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        status, _, _ = ask(port, "GET", query_path("ASK {}"), timeout=10)
        assert status == 200
    finally:
        for connection in idle:
            connection.close()


def test_a_query_over_its_memory_is_a_503_for_it_alone(embedded):
    with serving(embedded, Limits(memory_mib=700, timeout=60)) as (_, port, app):
        assert count(port) > 0
        greedy = "SELECT * WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } } ORDER BY ?c ?f LIMIT 5"
        status, _, body = ask(port, "GET", query_path(greedy))
        assert status == 503 and "больше 700 МиБ".encode() in body
        assert count(port) > 0  # a fresh process answers the next query


def test_a_crowd_on_the_map_reads_the_network_once_and_queries_still_answer(embedded, monkeypatch):
    import graph.web.server as server

    reads: list[float] = []
    real = server.load_network

    def counted(store):
        reads.append(time.time())
        return real(store)
    monkeypatch.setattr(server, "load_network", counted)
    with serving(embedded) as (_, port, app):
        with ThreadPoolExecutor(16) as pool:
            maps = [pool.submit(ask, port, "GET", "/api/network") for _ in range(16)]
            asked = ask(port, "GET", query_path("ASK {}"), timeout=30)
            statuses = [future.result()[0] for future in maps]
        assert asked[0] == 200
        assert statuses == [200] * 16
        assert len(reads) == 1


@pytest.mark.parametrize("path", ["/static/app.js%00.html", "/static/%00", "/static/" + "a" * 5000,
                                  "/static/../../etc/passwd", "/static/%2e%2e/server.py"])
def test_a_malformed_static_path_is_a_404(site, path, caplog):
    port, _ = site
    status, _, body = ask(port, "GET", path)
    assert status == 404
    assert "Traceback" not in caplog.text
    page = body.decode()  # the workspace's own page, the address shown inert
    assert "<h1>Не найдено</h1>" in page and "\x00" not in page and "Not Found" not in page


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("POST", "/", "GET, HEAD"), ("DELETE", "/static/query.js", "GET, HEAD"), ("PUT", "/sparql", "GET, HEAD, POST"),
    ("POST", "/entity", "GET, HEAD"), ("PATCH", "/network", "GET, HEAD"),
])
def test_a_wrong_method_is_a_405_with_allow(site, method, path, allowed):
    port, _ = site
    status, headers, body = ask(port, method, path, b"")
    assert status == 405
    assert sorted(headers["Allow"].split(", ")) == sorted(allowed.split(", "))
    assert body.decode() == "этот метод здесь не принимается (какие можно — в заголовке Allow)\n"


@pytest.mark.parametrize("path", ["/", "/static/query.js", query_path("ASK {}")])
def test_head_answers_like_get_without_a_body(site, path):
    port, _ = site
    got = ask(port, "GET", path)
    head = ask(port, "HEAD", path)
    assert head[0] == got[0] == 200
    assert head[2] == b""
    assert head[1]["Content-Type"] == got[1]["Content-Type"]


def test_a_build_while_serving_shows_whole_and_to_every_worker(tmp_path, sample_paths, models, monkeypatch):
    import graph.pipeline

    store = tmp_path / "store"
    build([read_report(sample_paths["2024-Q1"])], store, lambda: models)
    with serving(EmbeddedStore(store, read_only=True), Limits(max_concurrent=4)) as (_, port, app):
        with ThreadPoolExecutor(4) as pool:  # four workers, all opened on the first build
            before = set(pool.map(lambda _: count(port), range(12)))
        assert len(before) == 1 and len(app.processes.workers) >= 2
        seen_mid_build: list[int] = []
        real = graph.pipeline.refresh_summaries

        def look_then_refresh(target, scope=None, added=(), read_attendance=None):  # graphs written, not summaries
            seen_mid_build.append(count(port))
            real(target, scope, added, read_attendance)
        monkeypatch.setattr(graph.pipeline, "refresh_summaries", look_then_refresh)
        build([read_report(p) for p in sample_paths.values()], store, lambda: models)
        assert seen_mid_build == list(before)  # nothing of an unfinished build is shown
        with ThreadPoolExecutor(4) as pool:
            after = set(pool.map(lambda _: count(port), range(12)))
        assert len(after) == 1 and after != before  # every worker answers from the finished build
        expected = EmbeddedStore(store, read_only=True).select(COUNT).rows[0][0]
        assert after == {int(expected)}
