"""A SPARQL 1.1 server as the store: queries over the Protocol, each report's graph replaced by SPARQL Update.

Works with Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB or Amazon Neptune. `--store URL`
names the query endpoint; the update endpoint is $TIES_STORE_UPDATE, else the query URL with its
last segment "query" changed to "update", else the query URL itself. Credentials go in the URL
(http://user:password@host/…): HTTP Digest or Basic, whichever the server asks for. Unlike the
embedded store, a remote build is not one transaction: each report's graph is dropped and
written in turn (in chunks, which servers such as Virtuoso need).
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from graph.guard import QueryRefused, inspect_query
from graph.query import Table, internal_query
from graph.rdf.ids import ONTOLOGY_GRAPH, graph_iri
from graph.stores.base import StoreError, compact_json_ld, export_prefixes
from graph.stores.results import ResultSet, TooManyRows, from_json, oxigraph_term, term_of

UPDATE_ENV = "TIES_STORE_UPDATE"
CHUNK = 300  # triples per INSERT DATA: Virtuoso refuses much larger ones (SP031)
DATASET_SECONDS = 60.0


def _credentials(url: str) -> tuple[str, str | None, str | None]:
    parts = urlsplit(url)
    if parts.username is None:
        return url, None, None
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), parts.username, parts.password


class RemoteStore:
    """A store behind the SPARQL 1.1 Protocol."""

    def __init__(self, url: str, update_url: str | None = None, timeout: float = 120.0) -> None:
        self.url, user, password = _credentials(url)
        update = update_url or os.environ.get(UPDATE_ENV)
        if not update:
            update = url[: -len("query")] + "update" if url.rstrip("/").endswith("/query") else url
        self.update_url, update_user, update_password = _credentials(update)
        self.timeout = timeout
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for endpoint, name, secret in ((self.url, user, password), (self.update_url, update_user, update_password)):
            if name is not None:
                manager.add_password(None, endpoint, name, secret or "")
        self.opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager),
                                                  urllib.request.HTTPBasicAuthHandler(manager))
        # with `reports_as_default_graph`, queries read the union of the report graphs and the ontology
        # outside GRAPH (as the embedded store's do), every graph still named: the dataset is sent with each
        # query (default-graph-uri, named-graph-uri), the graphs listed again at most once a minute
        self.reports_as_default_graph = False
        self._dataset: tuple[float, list[tuple[str, str]]] | None = None

    # ------------------------------------------------------------ protocol

    def _post(self, url: str, fields: dict[str, str] | list[tuple[str, str]], accept: str) -> bytes:
        request = urllib.request.Request(url, data=urlencode(fields).encode("utf-8"), method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")[:300].strip()
            raise StoreError(f"{url}: HTTP {error.code}: {detail}") from error
        except OSError as error:
            raise StoreError(f"{url}: сервер SPARQL недоступен ({error})") from error

    def results(self, sparql: str, max_rows: int | None = None) -> ResultSet:
        try:
            construct = inspect_query(sparql).graph_result
        except QueryRefused as error:
            raise StoreError(f"запрос отклонён до отправки: {error}") from error
        fields = [("query", sparql), *self.dataset()]
        if construct:
            body = self._post(self.url, fields, "application/n-triples")
            triples = [(term_of(t.subject), term_of(t.predicate), term_of(t.object))
                       for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
            if max_rows is not None and len(triples) > max_rows:
                raise TooManyRows(f"в результате больше {max_rows} триплетов; добавьте LIMIT или сузьте запрос")
            return ResultSet("triples", triples=triples)
        body = self._post(self.url, fields, "application/sparql-results+json")
        return from_json(json.loads(body), max_rows)

    def dataset(self) -> list[tuple[str, str]]:
        """The protocol's dataset fields for a query: none, or the reports and ontology as default graph."""
        if not self.reports_as_default_graph:
            return []
        if self._dataset is None or time.monotonic() - self._dataset[0] > DATASET_SECONDS:
            query = internal_query("checksums").bind()
            body = self._post(self.url, {"query": query}, "application/sparql-results+json")
            reports = sorted(str(graph_iri(row["period"]["value"])) for row in from_json(json.loads(body)).rows)
            default = [*reports, str(graph_iri(ONTOLOGY_GRAPH))]
            fields = [("default-graph-uri", g) for g in default]
            fields += [("named-graph-uri", g) for g in [*default, str(graph_iri("summary"))]]
            self._dataset = (time.monotonic(), fields)
        return self._dataset[1]

    def select(self, sparql: str, limit: int | None = None) -> Table:
        table = self.results(sparql).table()
        return table.head(limit)

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": sparql}, "*/*")

    # ------------------------------------------------------------ the store's interface

    def compact(self) -> None:
        """Nothing to do: the server keeps its own files."""

    def replace_graphs(self, graphs: dict[str, bytes | None], *, checked: bool = False) -> None:
        """Replace (or drop) each report's graph, given as N-Triples in UTF-8: not atomic (chunks Virtuoso
        accepts)."""
        for report_id, triples in sorted(graphs.items()):
            self.update(f"DROP SILENT GRAPH {graph_iri(report_id).n3()}")
            if triples is not None:
                self.insert(report_id, triples.decode("utf-8"))

    def flushed_at_end(self) -> AbstractContextManager[None]:
        """Nothing to do: the server makes each request's writes durable itself."""
        return nullcontext()

    def insert(self, graph_id: str, triples: str) -> None:
        """Add N-Triples to a named graph, in INSERT DATA requests of CHUNK triples."""
        name = graph_iri(graph_id).n3()
        lines = [line for line in triples.splitlines() if line.strip()]
        for start in range(0, len(lines), CHUNK):
            chunk = "\n".join(lines[start:start + CHUNK])
            self.update(f"INSERT DATA {{ GRAPH {name} {{\n{chunk}\n}} }}")

    def dump(self, path: Path, format: ox.RdfFormat) -> None:
        rows = self.results(internal_query("all-quads").bind()).rows
        quads = [ox.Quad(oxigraph_term(r["s"]), oxigraph_term(r["p"]), oxigraph_term(r["o"]),
                         ox.NamedNode(r["g"]["value"]) if format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
                         else ox.DefaultGraph()) for r in rows]
        prefixes = export_prefixes(format)
        written = ox.serialize(quads, format=format, prefixes=prefixes) or b""
        path.write_bytes(compact_json_ld(written, prefixes) if format == ox.RdfFormat.JSON_LD and prefixes else written)
