"""`ties serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page and entity pages.

Every route that reads the store (the endpoint, entity pages, the map) shares one set of limits:
a slot among `max_concurrent`, a time bound per query that really stops it (graph.web.workers), a cap on
rows and on the request body. Queries are judged on their parse tree (graph.guard), never by their
text. Only expected refusals are 4xx; anything else is a 500 with one line for the client and the
traceback in the server's log.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from graph.briefs import BriefError, Material, make_brief, read_material, render
from graph.briefs.render import html_context
from graph.guard import READ_ONLY, QueryRefused, check_read_only
from graph.network.analytics import Network, load_network
from graph.network.geography import map_data
from graph.network.timeline import BREAKDOWNS, activity, timeline
from graph.network.view import View, network_view, path_between
from graph.network.view import choices as network_choices
from graph.query import QueryError, Table, library
from graph.rdf.vocab import PREFIXES, sparql_prefixes
from graph.review import KINDS as REVIEW_KINDS
from graph.review import Doubt
from graph.review import decide as review_decide
from graph.review import doubts as review_doubts
from graph.russian import alphabetical, quarter, unreported
from graph.stores import EmbeddedStore, RemoteStore, Store, StoreError
from graph.stores.results import GRAPH_TYPES, SELECT_TYPES, ResultSet, TooManyRows, write_graph, write_select
from graph.web import pages
from graph.web.network import NetworkCache, export, view_request
from graph.web.paths import entity_iri, iri_of, page_of
from graph.web.search import KIND_ORDER, Hit, SearchIndex
from graph.web.templating import STATIC, VENDOR, templates
from graph.web.workers import MEMORY_MIB, QueryFailed, QueryLost, QueryOverMemory, QueryProcesses, QueryTimeout
from nlp.errors import printable

REVIEW_ROWS = 200  # doubts of one kind the review page lists; the rest in `ties review --format csv`
PAGE_ROWS = 500  # rows of a long table a page renders (the browser pages them by 25); the rest download
MIME_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".json": "application/json",
              ".png": "image/png", ".svg": "image/svg+xml", ".geojson": "application/geo+json"}
PROLOGUE = sparql_prefixes()
DEFAULT_QUERY = """SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type }
GROUP BY ?type ORDER BY DESC(?n) LIMIT 20"""
LOG = logging.getLogger("ties.serve")
WARM_SECONDS = 20.0  # how often the server looks for a newly published state to prepare
# a tile server for the map's background where one may be reached (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png);
# without it the map draws the bundled outlines alone and asks nothing of the network
MAP_TILES = os.environ.get("TIES_MAP_TILES", "")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may take: time per query, rows, request size, memory per query process, how
    many run at once, and how the HTTP server treats connections."""

    timeout: float = 20.0
    max_rows: int = 10_000
    max_body: int = 1_000_000
    max_concurrent: int = 4
    queue_wait: float = 10.0  # how long a request waits for a free slot before it is refused
    memory_mib: int = MEMORY_MIB
    connections: int = 1000  # open connections the HTTP server holds; an idle one costs only its socket
    idle_seconds: float = 30.0  # a connection that sends nothing for this long is closed


# werkzeug's refusals, by status, as the workspace says them
HTTP_REFUSALS = {400: "неверный запрос", 405: "этот метод здесь не принимается (какие можно — в заголовке Allow)",
                 413: "запрос слишком велик", 414: "адрес слишком длинный",
                 415: "такой тип данных здесь не принимается"}


class Refused(HTTPException):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(description=message)
        self.code = code

    def get_response(self, environ=None, scope=None) -> Response:
        return Response(f"{self.description}\n", status=self.code, mimetype="text/plain")


def _negotiate(request: Request, construct: bool) -> str:
    """The result format: ?format=, else the Accept header, else JSON (Turtle for graphs)."""
    table = GRAPH_TYPES if construct else SELECT_TYPES
    wanted = request.args.get("format")
    if wanted in table:
        return wanted
    # typed records are asked for by name only: an Accept of application/json means SPARQL JSON
    table = {name: mime for name, mime in table.items() if name != "records"}
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

    def __init__(self, store: Store, limits: Limits | None = None, review: bool = False) -> None:
        self.store = store
        self.review = review  # decisions from the review page: `ties serve --review`, a local user's
        if isinstance(store, RemoteStore):  # outside GRAPH, the endpoint reads the reports, as on the embedded store
            store.reports_as_default_graph = True
        self.limits = limits or Limits()
        self.slots = threading.BoundedSemaphore(self.limits.max_concurrent)
        # the embedded store's queries run in processes that a timeout kills, each on the store's
        # published snapshot; a remote store has its own limits, and threads wait for it
        self.processes = (QueryProcesses(store.path, self.limits.max_concurrent, self.limits.memory_mib)
                          if isinstance(store, EmbeddedStore) else None)
        self.pool = (ThreadPoolExecutor(max_workers=self.limits.max_concurrent, thread_name_prefix="sparql")
                     if self.processes is None else None)
        # a page's queries that need not wait for each other run side by side, each in a query process
        self.page_queries = ThreadPoolExecutor(max_workers=self.limits.max_concurrent, thread_name_prefix="page")
        self.pages = _LimitedStore(self)
        self.networks = NetworkCache()
        read = ["GET"]  # HEAD is answered like GET, without the body
        self.urls = Map([
            Rule("/", endpoint="home", methods=read),
            Rule("/query", endpoint="query_page", methods=read),
            Rule("/search", endpoint="search", methods=read),
            Rule("/partners", endpoint="partners", methods=read),
            Rule("/reports", endpoint="reports", methods=read),
            Rule("/report/<period>", endpoint="report", methods=read),
            Rule("/event/<period>/<int:number>", endpoint="event", methods=read),
            Rule("/country/<code>", endpoint="country", methods=read),
            Rule("/<any(org, person, place):kind>/<path:rest>", endpoint="entity_page", methods=read),
            Rule("/sparql", endpoint="sparql", methods=["GET", "POST"]),
            Rule("/entity", endpoint="entity", methods=read),
            Rule("/network", endpoint="network_page", methods=read),
            Rule("/network/map", endpoint="network_moved", methods=read),
            Rule("/network.<any(gexf, graphml):fmt>", endpoint="network_file", methods=read),
            Rule("/api/network", endpoint="network_view", methods=read),
            Rule("/map", endpoint="map_page", methods=read),
            Rule("/api/map", endpoint="map_data", methods=read),
            Rule("/timeline", endpoint="timeline", methods=read),
            Rule("/api/timeline", endpoint="timeline_data", methods=read),
            Rule("/brief", endpoint="brief", methods=read),
            Rule("/review", endpoint="review", methods=read),
            Rule("/review/decide", endpoint="review_decide", methods=["POST"]),
            Rule("/api/network/path", endpoint="network_path", methods=read),
            Rule("/api/queries", endpoint="queries", methods=read),
            Rule("/api/bind", endpoint="bind", methods=read),
            Rule("/api/suggest", endpoint="suggest", methods=read),
            Rule("/api/labels", endpoint="labels", methods=["POST"]),
            Rule("/static/<path:name>", endpoint="static", methods=read),
            Rule("/vendor/<path:name>", endpoint="vendor", methods=read),
        ])
        self.templates = templates()
        self.search_lock = threading.Lock()
        self.search_cache: tuple[object, SearchIndex] | None = None
        self.brief_lock = threading.Lock()
        self.brief_cache: tuple[object, Material] | None = None
        self.review_lock = threading.Lock()
        self.review_cache: tuple[object, list[Doubt]] | None = None
        self.reported_cache: tuple[object, frozenset[str]] | None = None

    def __call__(self, environ, start_response):
        request = Request(environ)
        request.max_content_length = self.limits.max_body
        try:
            endpoint, values = self.urls.bind_to_environ(environ).match()
            response = getattr(self, f"on_{endpoint}")(request, **values)
        except Refused as error:
            response = error.get_response(environ)
        except NotFound:  # an address no page has: the workspace's own page, in Russian
            response = self.not_found(f"По адресу {printable(request.path)} в рабочем месте ничего нет.")
        except HTTPException as error:  # werkzeug's own refusals: said in Russian, their headers (Allow) kept
            response = error.get_response(environ)
            if (error.code or 0) >= 400:  # not its redirects (a path's missing slash)
                response.set_data(f"{HTTP_REFUSALS.get(error.code or 0, 'запрос не выполнен')}\n")
                response.mimetype = "text/plain"
        except Exception:  # a bug: logged whole for the operator, one line for the client
            LOG.exception("%s %s failed", request.method, printable(request.full_path))
            response = Response("внутренняя ошибка: сервер не справился с этим запросом (подробности в его журнале)\n",
                                status=500, mimetype="text/plain")
        return response(environ, start_response)

    # ------------------------------------------------------------ limits

    @contextmanager
    def slot(self) -> Iterator[None]:
        """One of the `max_concurrent` places for work on the store, or 429 after `queue_wait`."""
        if not self.slots.acquire(timeout=self.limits.queue_wait):
            raise Refused(429, f"слишком много запросов сразу (не более {self.limits.max_concurrent}, ни один не "
                               f"освободился за {self.limits.queue_wait:g} с); повторите")
        try:
            yield
        finally:
            self.slots.release()

    def run(self, query: str, max_rows: int | None) -> ResultSet:
        """A query on the store within the time limit; the refusals a client can act on as HTTP errors."""
        try:
            if self.processes is not None:
                return self.processes.results(query, max_rows, self.limits.timeout)
            assert self.pool is not None
            return self.pool.submit(self.store.results, query, max_rows).result(timeout=self.limits.timeout)
        except (FutureTimeout, QueryTimeout) as error:
            raise Refused(503, f"запрос шёл дольше {self.limits.timeout:g} с и остановлен; "
                               "сузьте его или добавьте LIMIT") from error
        except TooManyRows as error:
            raise Refused(413, str(error)) from error
        except QueryLost as error:
            raise Refused(503, f"{error}; повторите") from error
        except QueryOverMemory as error:
            raise Refused(503, str(error)) from error
        except StoreError as error:  # a remote store that cannot be reached or refuses
            raise Refused(502, printable(str(error))) from error

    def close(self) -> None:
        """Stop the query processes (they also end with this process)."""
        if self.processes is not None:
            self.processes.close()
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.page_queries.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------ SPARQL protocol

    def query_text(self, request: Request) -> str:
        if request.content_length and request.content_length > self.limits.max_body:
            raise Refused(413, f"тело запроса больше {self.limits.max_body} байт")
        if request.method in ("GET", "HEAD"):
            if "update" in request.args:
                raise Refused(403, READ_ONLY)
            query = request.args.get("query")
        else:
            mime = request.mimetype
            if mime == "application/sparql-update":
                raise Refused(403, READ_ONLY)
            if mime == "application/sparql-query":
                query = request.get_data(as_text=True)
            elif mime == "application/x-www-form-urlencoded":
                if "update" in request.form:
                    raise Refused(403, READ_ONLY)
                query = request.form.get("query")
            else:
                raise Refused(415, "передайте запрос как application/sparql-query или в поле формы 'query'")
        if not query or not query.strip():
            raise Refused(400, "нет запроса: передайте его в параметре 'query'")
        return query

    def on_sparql(self, request: Request) -> Response:
        # the project's prefixes are known without being written: put before the query (a PREFIX the
        # query declares itself comes later and wins)
        written = self.query_text(request)
        try:
            shape = check_read_only(written, PROLOGUE)
        except QueryRefused as error:
            raise Refused(error.status, str(error)) from error
        query = PROLOGUE + written
        fmt = _negotiate(request, shape.graph_result)
        with self.slot():
            try:
                results = self.run(query, self.limits.max_rows)
            except QueryFailed as error:  # the store's own message for a query it cannot run
                raise Refused(400, f"хранилище не выполнило запрос: {printable(str(error))}") from error
        if results.kind == "triples":
            return Response(write_graph(results, fmt if fmt in GRAPH_TYPES else "ttl"),
                            mimetype=GRAPH_TYPES.get(fmt, "text/turtle"))
        body = write_select(results, fmt if fmt in SELECT_TYPES else "json")
        if fmt == "csv" and request.args.get("bom"):  # Excel reads UTF-8 only after a byte-order mark
            body = "\ufeff".encode() + body
        response = Response(body, mimetype=SELECT_TYPES.get(fmt, SELECT_TYPES["json"]))
        if request.args.get("download"):
            extension = "json" if fmt == "records" else fmt
            response.headers["Content-Disposition"] = f'attachment; filename="results.{extension}"'
        return response

    # ------------------------------------------------------------ pages

    def render(self, name: str, status: int = 200, **context: object) -> Response:
        """A page from its template; every page has the header's search box and section links."""
        page = self.templates.get_template(name).render(**{"q": "", "section": "", **context})
        return Response(page, status=status, mimetype="text/html")

    def on_home(self, request: Request) -> Response:
        if "query" in request.args:  # a permalink from before the query page moved to /query
            return redirect("/query?" + urlencode({"query": request.args["query"]}), 301)
        with self.slot():
            reports = pages.reports_page(self.pages)
        # the rest from the search index, which the header's search box needs anyway: no query here
        # grows with the store
        entries = self.search_index().entries
        counts = {"reports": len(reports), "events": sum(int(r["events"]) for r in reports),
                  **{kind: sum(1 for e in entries if e.kind == kind) for kind in ("org", "person", "place", "country")}}
        # the partners' table's partners: foreign ones, and the bodies of several states
        foreign = [e for e in entries if not e.smolensk and (e.country not in (None, "RU") or e.interstate)]
        top = sorted(foreign, key=lambda e: (-e.events, alphabetical(e.label)))[:10]
        missing = unreported({r["period"] for r in reports})
        return self.render("home.html", counts=counts, reports=reports, top=top, missing=missing)

    def on_query_page(self, request: Request) -> Response:
        return self.render("query.html", section="query", editor=(VENDOR / "codemirror" / "lib").is_dir(),
                           prefixes=sorted(PREFIXES.items()), prefix_map={k: str(v) for k, v in PREFIXES.items()},
                           default_query=DEFAULT_QUERY)

    def on_search(self, request: Request) -> Response:
        query = request.args.get("q", "").strip()[:200]
        hits = self.search_index().search(query, 500) if query else []
        groups: dict[str, list[Hit]] = {}
        for hit in hits:
            groups.setdefault(pages.KIND_LABELS_PLURAL[hit.entry.kind], []).append(hit)
        order = [pages.KIND_LABELS_PLURAL[kind] for kind in KIND_ORDER]
        return self.render("search.html", section="search", q=query, hits=hits,
                           groups=sorted(groups.items(), key=lambda item: order.index(item[0])))

    def on_suggest(self, request: Request) -> Response:
        """Suggestions as one types: the best few of each kind, with state and number of events."""
        query = request.args.get("q", "").strip()[:200]
        grouped = self.search_index().suggest(query) if query else {}
        body = [{"kind": kind, "label": pages.KIND_LABELS_PLURAL[kind],
                 "hits": [{"label": hit.entry.label, "page": hit.entry.page, "name": hit.name,
                           "country": hit.entry.country_label, "events": hit.entry.events,
                           "smolensk": hit.entry.smolensk, "interstate": hit.entry.interstate} for hit in hits]}
                for kind, hits in grouped.items()]
        return _json(body)

    def reported(self) -> frozenset[str]:
        """The quarters the graph holds a report of, read once per state the pages show (two threads that
        find none read it alike)."""
        key = self._state()
        cached = self.reported_cache
        if cached is None or cached[0] != key:
            with self.slot():
                cached = (key, frozenset(r["period"] for r in pages.reports_page(self.pages)))
            self.reported_cache = cached
        return cached[1]

    def search_index(self) -> SearchIndex:
        """The search index of the state the pages show, built once per state."""
        key = self._state()
        cached = self.search_cache
        if cached is None or cached[0] != key:
            if not self.search_lock.acquire(timeout=self.limits.queue_wait):
                raise Refused(429, "поиск готовится; повторите через несколько секунд")
            try:
                cached = self.search_cache
                if cached is None or cached[0] != key:
                    with self.slot():
                        cached = (key, SearchIndex.load(self.pages))
                    self.search_cache = cached
            finally:
                self.search_lock.release()
        return cached[1]

    def on_labels(self, request: Request) -> Response:
        """The labels and pages of up to 500 IRIs, for the query page's results: an entity's, a report's,
        a country's with its page; a concept's of the ontology (a sphere, an event type) with its Russian
        label alone (it has no page), so that a column of event types reads «Визит делегации», not an IRI."""
        try:
            iris = json.loads(request.get_data(as_text=True) or "[]")
        except ValueError as error:
            raise Refused(400, "ожидается список IRI в JSON") from error
        if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris):
            raise Refused(400, "ожидается список IRI в JSON")
        index = self.search_index().by_iri
        found: dict[str, dict[str, str | None]] = {}
        concepts: dict[str, str] | None = None
        for iri in iris[:500]:
            page = page_of(iri)
            entry = index.get(iri)
            if page is not None:
                found[iri] = {"label": entry.label if entry else page.rsplit("/", 1)[-1], "page": page}
                continue
            if concepts is None:
                with self.slot():
                    concepts = pages.concept_labels(self.pages)
            if iri in concepts:
                found[iri] = {"label": concepts[iri], "page": None}
        return _json(found)

    def on_entity_page(self, request: Request, kind: str, rest: str) -> Response:
        iri = iri_of(kind, rest)
        if iri is None:
            raise NotFound()
        index = self.search_index().by_iri  # before the slot: building the index takes one of its own
        reported = self.reported()
        with self.slot():
            found = pages.entity_page(self.pages, iri, index, reported)
        if found is None:
            return self.not_found(f"В графе нет сведений о {iri}")
        return self.render("entity.html", e=found)

    def on_country(self, request: Request, code: str) -> Response:
        iri = iri_of("country", code)
        if iri is None:
            raise NotFound()
        if code != code.upper():
            return redirect(f"/country/{code.upper()}", 301)
        index = self.search_index().by_iri  # before the slot: building the index takes one of its own
        reported = self.reported()
        with self.slot():
            found = pages.country_page(self.pages, iri, code, index, reported)
        if found is None:
            return self.not_found(f"В графе нет государства с кодом {code}")
        return self.render("entity.html" if found.get("home") else "country.html", e=found)

    def on_event(self, request: Request, period: str, number: int) -> Response:
        iri = iri_of("event", f"{period}/{number}")
        if iri is None:
            raise NotFound()
        with self.slot():
            found = pages.event_page(self.pages, iri)
        if found is None:
            return self.not_found(f"В отчёте за {quarter(period)} нет строки {number}")
        return self.render("event.html", ev=found)

    def on_report(self, request: Request, period: str) -> Response:
        iri = iri_of("report", period)
        if iri is None:
            raise NotFound()
        with self.slot():
            found = pages.report_page(self.pages, iri)
        if found is None:
            return self.not_found(f"Отчёта за {quarter(period)} нет в графе")
        return self.render("report.html", section="reports", r=found)

    def on_reports(self, request: Request) -> Response:
        with self.slot():
            found = pages.reports_page(self.pages)
        missing = unreported({r["period"] for r in found})
        return self.render("reports.html", section="reports", reports=found, missing=missing)

    def on_partners(self, request: Request) -> Response:
        country = request.args.get("country", "").strip().upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise Refused(400, "государство задаётся двухбуквенным кодом: BY, CN…")
        try:
            min_events = max(1, min(1000, int(request.args.get("min_events", "2"))))
        except ValueError as error:
            raise Refused(400, "min_events: нужно целое число") from error
        entries = self.search_index().entries
        countries = sorted({(e.country, e.label) for e in entries if e.kind == "country" and e.country},
                           key=lambda state: alphabetical(state[1]))
        interstate = frozenset(e.iri for e in entries if e.interstate)
        with self.slot():
            found = pages.partners_page(self.pages, country, min_events, dict(countries), interstate)
        if request.args.get("format") == "csv":  # the whole table, however long, for a spreadsheet
            return _csv_download(pages.partner_rows(found), "партнёры.csv", bool(request.args.get("bom")))
        # a page shows the first PAGE_ROWS (most events first); the whole table downloads as CSV
        download = "/partners?" + urlencode({"country": country, "min_events": min_events, "format": "csv"})
        return self.render("partners.html", section="partners", partners=found[:PAGE_ROWS], total=len(found),
                           country=country, min_events=min_events, countries=countries, csv=download)

    def not_found(self, message: str) -> Response:
        return self.render("not_found.html", status=404, message=message)

    def on_entity(self, request: Request) -> Response:
        """The entity page's old address (`/entity?iri=`): moved to the IRI's own path."""
        page = page_of(request.args.get("iri", ""))
        if page is None:
            raise Refused(404, "у этого IRI нет страницы в графе")
        return redirect(page, 301)

    def on_static(self, request: Request, name: str) -> Response:
        return _file(STATIC, name)

    def on_vendor(self, request: Request, name: str) -> Response:
        """The front-end libraries the set-up installed from npm (graph/web/package.json), served here."""
        return _file(VENDOR, name)

    def on_queries(self, request: Request) -> Response:
        body = [{"name": q.name, "title": q.title_ru, "question": q.question_ru or q.question, "example": q.example,
                 "params": [{"name": p.name, "type": p.type, "default": p.default} for p in q.params]}
                for q in library().values()]
        return _json(body)

    def on_bind(self, request: Request) -> Response:
        """A library query with its parameters bound as RDF terms (the page runs what this returns)."""
        queries = library()
        name = request.args.get("name", "")
        if name not in queries:
            raise Refused(404, f"в библиотеке нет запроса {printable(repr(name))}")
        values = {k[2:]: v for k, v in request.args.items() if k.startswith("p.") and v != ""}
        try:
            text = queries[name].bind(values)
        except QueryError as error:
            raise Refused(400, printable(str(error))) from error
        return Response(text, mimetype="application/sparql-query")

    def on_network_page(self, request: Request) -> Response:
        """The map: filters, legend and card around a Cytoscape canvas; the view comes from /api/network."""
        network = self.network()
        return self.render("network.html", section="network", choices=network_choices(network), standalone=False,
                           ready=(VENDOR / "cytoscape" / "dist" / "cytoscape.min.js").is_file())

    def on_network_moved(self, request: Request) -> Response:
        return redirect("/network", 301)

    def on_network_view(self, request: Request) -> Response:
        """The view a URL asks for as JSON: nodes with positions, metrics and colours, edges, legend."""
        body = self._network_view(request).to_dict()
        for node in body["nodes"]:
            node["page"] = page_of(node["id"])
        return _json(body)

    def on_network_file(self, request: Request, fmt: str) -> Response:
        """The view as GEXF (with Gephi's positions and colours) or GraphML, to download."""
        view = self._network_view(request)
        response = Response(export(view.to_networkx(viz=fmt == "gexf"), fmt), mimetype="application/xml")
        response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'сеть-партнёров.{fmt}')}"
        return response

    def on_network_path(self, request: Request) -> Response:
        """The shortest chain of entities between two, within the filters: [] if none links them."""
        wanted = view_request(request.args)
        a, b = entity_iri(request.args.get("from", "")), entity_iri(request.args.get("to", ""))
        network = self.network()
        chain = path_between(network, wanted.filters, a, b)
        body = {"path": chain, "labels": [network.entities[n].label for n in chain]}
        return _json(body)

    def on_map_page(self, request: Request) -> Response:
        """Where the partners are: states shaded, places as points (Leaflet; the outlines bundled)."""
        return self.render("map.html", section="map", choices=network_choices(self.network()), tiles=MAP_TILES,
                           args=request.args,
                           ready=(VENDOR / "leaflet" / "dist" / "leaflet.js").is_file())

    def on_map_data(self, request: Request) -> Response:
        body = map_data(self.network(), view_request(request.args).filters)
        for place in body["places"]:
            place["page"] = page_of(place["iri"])
            for partner in place["partners"]:
                partner["page"] = page_of(partner["iri"])
        return _json(body)

    def on_timeline(self, request: Request) -> Response:
        """Events per quarter by state, sphere, type or direction; the partners' activity over the quarters."""
        network = self.network()
        filters = view_request(request.args).filters
        chart = timeline(network, filters, _breakdown(request))
        top = max((sum(counts.values()) for counts in chart["counts"].values() if counts), default=1) or 1
        return self.render("timeline.html", section="timeline", choices=network_choices(network), chart=chart, top=top,
                           breakdowns=BREAKDOWNS, args=request.args,
                           activity=activity(network, filters), page_of=page_of)

    def on_timeline_data(self, request: Request) -> Response:
        network = self.network()
        filters = view_request(request.args).filters
        body = {"timeline": timeline(network, filters, _breakdown(request)),
                "activity": activity(network, filters)}
        return _json(body)

    def on_brief(self, request: Request) -> Response:
        """A brief (справка) on a state (`country`), a partner (`partner`: IRI or page path) or the whole region,
        over `from`–`to` (or `period`; the newest quarter by default): a page, or `format=docx|md` to download."""
        material = self.material()
        periods = material.periods()
        args = request.args
        period = args.get("period", "")
        first = period or args.get("from", "") or (periods[-1] if periods else "")
        last = period or args.get("to", "") or first
        fmt = args.get("format", "html")
        if fmt not in ("html", "docx", "md"):
            raise Refused(400, "формат справки: html, docx или md")
        try:
            brief = make_brief(material, first, last, country=args.get("country", ""),
                               partner=entity_iri(args.get("partner", "")) if args.get("partner") else "")
        except BriefError as error:
            raise Refused(400, str(error)) from error
        subject = {key: args[key] for key in ("country", "partner") if args.get(key)}
        if fmt != "html":
            about = subject.get("country") or ("partner" if subject else "region")
            name = f"spravka-{about}-{brief.first}-{brief.last}.{fmt}"
            mimetype = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document" if fmt == "docx"
                        else "text/markdown; charset=utf-8")
            return Response(render(brief, fmt), mimetype=mimetype,
                            headers={"Content-Disposition": f'attachment; filename="{name.lower()}"'})
        download = "/brief?" + urlencode({**subject, "from": brief.first, "to": brief.last})
        return self.render("brief.html", periods=periods, args=args, download=download,
                           **html_context(brief, href=page_of))

    def on_review(self, request: Request) -> Response:
        """What to check in the graph (`ties review`): each doubt with its decision, as buttons where this
        server takes decisions (`--review`, a local user), else as the command to run."""
        found = self.doubts()
        return self.render("review.html", section="review", doubts=found, kinds=REVIEW_KINDS, decide=self.review,
                           said=request.args.get("said", ""), page_of=page_of, shown=REVIEW_ROWS)

    def on_review_decide(self, request: Request) -> Response:
        """Record a decision from the review page: only on a server started with --review, from this same
        page (its own origin: no other site can post here) and from this machine."""
        if not self.review:
            raise Refused(403, "этот сервер не принимает решений: запустите `ties serve --review`")
        if request.remote_addr not in ("127.0.0.1", "::1"):
            raise Refused(403, "решения принимаются только с этого компьютера")
        origin = request.headers.get("Origin") or request.headers.get("Referer") or ""
        if urlsplit(origin).netloc != request.host:
            raise Refused(403, "решение можно принять только со страницы проверки этого сервера")
        form = request.form
        try:
            said = review_decide(self.pages, form.get("decision", ""), form.get("entity", ""), form.get("value", ""),
                                 form.get("other", ""), network=self.network())
        except ValueError as error:
            raise Refused(400, printable(str(error))) from error
        return redirect("/review?" + urlencode({"said": said.russian()}), 303)

    def doubts(self) -> list[Doubt]:
        """The review's doubts, worked out once per published state (~3 s at 100× the samples): a decision
        takes effect at the next build, which publishes a new state."""
        state = self._state()
        with self.review_lock:
            if self.review_cache is None or self.review_cache[0] != state:
                network = self.network()
                with self.slot():
                    self.review_cache = (state, review_doubts(self.pages, network))
            return self.review_cache[1]

    def material(self) -> Material:
        """What briefs are made of, read once per published state."""
        state = self._state()
        with self.brief_lock:
            if self.brief_cache is None or self.brief_cache[0] != state:
                network = self.network()  # who took part in what: the network the map keeps
                with self.slot():
                    if self.processes is not None:  # read in-process from the snapshot, as the network is
                        found = read_material(EmbeddedStore(self.processes.current_source(), read_only=True), network)
                    else:
                        found = read_material(self.pages, network)
                self.brief_cache = (state, found)
            return self.brief_cache[1]

    def keep_warm(self, stop: threading.Event, every: float = WARM_SECONDS) -> None:
        """Build the search index, read the network and the briefs' material, and start the query processes, now
        and after each newly published state, until `stop`; a failure is logged and tried again at the next round.
        (The first brief after a report was added waited for its material: ~3 s at 100× the samples.)"""
        while not stop.is_set():
            try:
                self.search_index()
                self.network()
                self.material()
                if self.processes is not None:  # a page's queries run side by side, each in a worker
                    self.processes.fill()
            except Exception:  # a warm-up that fails leaves the work to the next request
                LOG.exception("warming the search index, the network, the briefs' material or the query processes "
                              "failed")
            stop.wait(every)

    def network(self) -> Network:
        """The network of the state the pages show, read once per state (seconds at 100× the samples)."""
        def load() -> Network:
            with self.slot():
                if self.processes is not None:
                    # read here from the snapshot the workers answer from: these queries are the project's
                    # own, and 250,000 rows through a worker's pipe cost more than reading them (12.7 s
                    # against 4.9 s at 100× the samples)
                    return load_network(EmbeddedStore(self.processes.current_source(), read_only=True))
                return load_network(self.pages)
        try:
            return self.networks.get(self._state(), load, self.limits.queue_wait)
        except TimeoutError as error:
            raise Refused(429, "сеть собирается; повторите через несколько секунд") from error

    def _network_view(self, request: Request) -> View:
        network = self.network()
        return network_view(network, view_request(request.args), self.networks.layouts)

    def _state(self) -> object:
        """What identifies the data pages show: the snapshot the workers open, or a minute for a remote store."""
        if self.processes is not None:
            return self.processes.current_source()
        return int(time.time() // 60)


def _json(body: object) -> Response:
    """A JSON answer, Russian as it is (not \\u-escaped)."""
    return Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")


def _breakdown(request: Request) -> str:
    """What a timeline is broken down by (state, sphere, type, direction); by state unless understood."""
    by = request.args.get("by", "country")
    return by if by in BREAKDOWNS else "country"


def _csv_download(table: Table, name: str, bom: bool) -> Response:
    """A table as a CSV file to download; with `bom`, as Excel reads it (a byte-order mark, `;`)."""
    body = ("\ufeff" if bom else "") + table.to_delimited(";" if bom else ",")
    response = Response(body.encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def _file(folder: Path, name: str) -> Response:
    """A file under `folder`, never outside it."""
    try:
        path = (folder / name).resolve()
        found = folder.resolve() in path.parents and path.is_file()
    except (ValueError, OSError):  # a NUL byte, a name too long: no such file
        found = False
    if not found:
        raise NotFound()
    return Response(path.read_bytes(), mimetype=MIME_TYPES.get(path.suffix, "application/octet-stream"))


class _LimitedStore:
    """The store as the pages read it: each query within the endpoint's time limit, in its workers."""

    def __init__(self, app: App) -> None:
        self.app = app

    def results(self, sparql: str, max_rows: int | None = None) -> ResultSet:
        return self.app.run(sparql, max_rows)

    def submit(self, sparql: str, max_rows: int | None = None) -> Future[ResultSet]:
        """The query started in a query process, beside the page's others (`max_concurrent` at once)."""
        return self.app.page_queries.submit(self.app.run, sparql, max_rows)


def create_app(store: Store, limits: Limits | None = None, review: bool = False) -> App:
    """The application for a store: tested in-process, served by `serve`; with `review`, the review page
    records decisions (for a local user)."""
    return App(store, limits, review)


def make_server(app: App, host: str = "127.0.0.1", port: int = 8080, threads: int = 8):
    """A waitress server (production WSGI) for the app, not yet serving: `.run()` serves until
    `.close()`. Connections are many and cheap (poll(), not select(), so past 1,024 sockets too); one
    that stays silent is closed after `idle_seconds`, so idle sockets never lock others out.

    A body over the app's `max_body` is read to its end, up to four times that, and refused by the app
    with its reason (413): waitress refuses one over its own cap at the headers and closes while the body
    still arrives, which resets the connection, so the client may lose the answer (one in thousands under
    load)."""
    from waitress import create_server

    return create_server(app, host=host, port=port, threads=threads, ident="smolensk-ties",
                         connection_limit=app.limits.connections, channel_timeout=app.limits.idle_seconds,
                         asyncore_use_poll=True, cleanup_interval=max(1, int(app.limits.idle_seconds // 3)),
                         max_request_body_size=4 * app.limits.max_body + 4096)


def serve(app: App, host: str = "127.0.0.1", port: int = 8080, threads: int = 8) -> None:
    """Serve the app until interrupted, keeping the search index and the network of the current state
    ready in the background (seconds to read at 100× the samples: no visitor should wait for them)."""
    server = make_server(app, host, port, threads)
    stop = threading.Event()
    threading.Thread(target=app.keep_warm, args=(stop,), name="warm", daemon=True).start()
    try:
        server.run()
    finally:
        stop.set()
        server.close()
