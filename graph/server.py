"""`ties serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page and entity pages."""

from __future__ import annotations

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from graph.entity_page import entity_html
from graph.query import QueryError, library
from graph.results import GRAPH_TYPES, SELECT_TYPES, ResultSet, TooManyRows, write_graph, write_select
from graph.store import EmbeddedStore
from graph.workers import QueryLost, QueryProcesses, QueryTimeout

STATIC = Path(str(resources.files("graph") / "static"))
# strings, IRIs and comments: a keyword inside them is no keyword
_STRINGS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                      r"|<[^<>\s]*>|#[^\n]*")
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_CONSTRUCT = re.compile(r"\b(CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one query may take: time, rows, request size, and how many run at once."""

    timeout: float = 20.0
    max_rows: int = 10_000
    max_body: int = 1_000_000
    max_concurrent: int = 4
    queue_wait: float = 10.0  # how long a query waits for a free slot before it is refused


class Refused(HTTPException):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(description=message)
        self.code = code

    def get_response(self, environ=None, scope=None) -> Response:
        return Response(self.description + "\n", status=self.code, mimetype="text/plain")


def check_read_only(query: str) -> None:
    """Refuse updates and federated queries: this endpoint only reads its own store."""
    code = _STRINGS.sub(" ", query)
    if _UPDATE.search(code):
        raise Refused(403, "updates are not allowed on this endpoint (it is read-only)")
    if _SERVICE.search(code):
        raise Refused(403, "SERVICE (federated queries) is not allowed on this endpoint")


def _negotiate(request: Request, construct: bool) -> str:
    """The result format: ?format=, else the Accept header, else JSON (Turtle for graphs)."""
    table = GRAPH_TYPES if construct else SELECT_TYPES
    wanted = request.args.get("format")
    if wanted in table:
        return wanted
    best = request.accept_mimetypes.best_match(list(table.values()) + ["application/json", "text/xml",
                                                                        "application/xml", "text/plain"])
    aliases = {"application/json": "json", "text/xml": "xml", "application/xml": "xml", "text/plain": "nt"}
    for name, mime in table.items():
        if best == mime:
            return name
    if best in aliases and aliases[best] in table:
        return aliases[best]
    return "ttl" if construct else "json"


class App:
    """The WSGI application; `store` answers `results(query, max_rows)` (embedded or remote)."""

    def __init__(self, store, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()
        self.slots = threading.BoundedSemaphore(self.limits.max_concurrent)
        # the embedded store's queries run in processes that a timeout kills; a remote store has its own
        self.processes = (QueryProcesses(store.path, self.limits.max_concurrent)
                          if isinstance(store, EmbeddedStore) else None)
        self.pool = (ThreadPoolExecutor(max_workers=self.limits.max_concurrent, thread_name_prefix="sparql")
                     if self.processes is None else None)
        self.urls = Map([
            Rule("/", endpoint="page"),
            Rule("/sparql", endpoint="sparql", methods=["GET", "POST"]),
            Rule("/entity", endpoint="entity"),
            Rule("/network", endpoint="network"),
            Rule("/api/queries", endpoint="queries"),
            Rule("/api/bind", endpoint="bind"),
            Rule("/static/<path:name>", endpoint="static"),
        ])

    def __call__(self, environ, start_response):
        request = Request(environ)
        request.max_content_length = self.limits.max_body
        try:
            endpoint, values = self.urls.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request, **values)
        except HTTPException as error:
            response = error.get_response(environ)
        return response(environ, start_response)

    # ------------------------------------------------------------ SPARQL protocol

    def query_text(self, request: Request) -> str:
        if request.content_length and request.content_length > self.limits.max_body:
            raise Refused(413, f"the request body is over {self.limits.max_body} bytes")
        if request.method == "GET":
            if "update" in request.args:
                raise Refused(403, "updates are not allowed on this endpoint (it is read-only)")
            query = request.args.get("query")
        else:
            mime = request.mimetype
            if mime == "application/sparql-update":
                raise Refused(403, "updates are not allowed on this endpoint (it is read-only)")
            if mime == "application/sparql-query":
                query = request.get_data(as_text=True)
            elif mime == "application/x-www-form-urlencoded":
                if "update" in request.form:
                    raise Refused(403, "updates are not allowed on this endpoint (it is read-only)")
                query = request.form.get("query")
            else:
                raise Refused(415, "send the query as application/sparql-query or a form field 'query'")
        if not query or not query.strip():
            raise Refused(400, "no query: pass it as 'query'")
        return query

    def on_sparql(self, request: Request) -> Response:
        query = self.query_text(request)
        check_read_only(query)
        construct = bool(_CONSTRUCT.search(_STRINGS.sub(" ", query)))
        fmt = _negotiate(request, construct)
        if not self.slots.acquire(timeout=self.limits.queue_wait):
            raise Refused(429, f"too many queries at once (at most {self.limits.max_concurrent}, none free for "
                               f"{self.limits.queue_wait:g} s); try again")
        try:
            results = self.run(query)
        except (FutureTimeout, QueryTimeout) as error:
            raise Refused(503, f"the query ran over {self.limits.timeout:g} s and was stopped; "
                               "narrow it or add LIMIT") from error
        except TooManyRows as error:
            raise Refused(413, str(error)) from error
        except QueryLost as error:
            raise Refused(503, f"{error}; try again") from error
        except Exception as error:  # the store's own message for a bad query (syntax, unknown function)
            raise Refused(400, f"the query failed: {error}") from error
        finally:
            self.slots.release()
        if results.kind == "triples":
            return Response(write_graph(results, fmt if fmt in GRAPH_TYPES else "ttl"),
                            mimetype=GRAPH_TYPES.get(fmt, "text/turtle"))
        body = write_select(results, fmt if fmt in SELECT_TYPES else "json")
        response = Response(body, mimetype=SELECT_TYPES.get(fmt, SELECT_TYPES["json"]))
        if request.args.get("download"):
            response.headers["Content-Disposition"] = f'attachment; filename="results.{fmt}"'
        return response

    def run(self, query: str) -> ResultSet:
        if self.processes is not None:
            return self.processes.results(query, self.limits.max_rows, self.limits.timeout)
        assert self.pool is not None
        future = self.pool.submit(self.store.results, query, self.limits.max_rows)
        return future.result(timeout=self.limits.timeout)

    def close(self) -> None:
        """Stop the query processes (they also end with this process)."""
        if self.processes is not None:
            self.processes.close()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------ pages

    def on_page(self, request: Request) -> Response:
        return Response((STATIC / "index.html").read_bytes(), mimetype="text/html")

    def on_static(self, request: Request, name: str) -> Response:
        path = (STATIC / name).resolve()
        if STATIC.resolve() not in path.parents or not path.is_file():
            raise NotFound()
        mime = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}.get(path.suffix,
                                                                                        "application/octet-stream")
        return Response(path.read_bytes(), mimetype=mime)

    def on_queries(self, request: Request) -> Response:
        body = [{"name": q.name, "title": q.title, "question": q.question, "example": q.example,
                 "params": [{"name": p.name, "type": p.type, "default": p.default} for p in q.params]}
                for q in library().values()]
        return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")

    def on_bind(self, request: Request) -> Response:
        """A library query with its parameters bound as RDF terms (the page runs what this returns)."""
        queries = library()
        name = request.args.get("name", "")
        if name not in queries:
            raise Refused(404, f"no library query {name!r}")
        values = {k[2:]: v for k, v in request.args.items() if k.startswith("p.") and v != ""}
        try:
            text = queries[name].bind(values)
        except QueryError as error:
            raise Refused(400, str(error)) from error
        return Response(text, mimetype="application/sparql-query")

    def on_network(self, request: Request) -> Response:
        """The partner map, drawn from the store on request."""
        import tempfile

        from graph.analytics import load_network
        from graph.render import network_page

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "network.html"
            network_page(load_network(self.store), path)
            return Response(path.read_bytes(), mimetype="text/html")

    def on_entity(self, request: Request) -> Response:
        iri = request.args.get("iri", "")
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", iri):
            raise Refused(400, "pass the entity's IRI as ?iri=")
        page = entity_html(self.store, iri)
        if page is None:
            raise Refused(404, f"nothing is known about {iri}")
        return Response(page, mimetype="text/html")


def create_app(store, limits: Limits | None = None) -> App:
    """The application for a store: tested in-process, served by `serve`."""
    return App(store, limits)


def serve(app: App, host: str = "127.0.0.1", port: int = 8080, threads: int = 8) -> None:
    """Serve the app with waitress (a production WSGI server) until interrupted."""
    from waitress import serve as waitress_serve

    waitress_serve(app, host=host, port=port, threads=threads, ident="smolensk-ties")

