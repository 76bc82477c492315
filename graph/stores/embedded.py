"""The embedded store: Oxigraph on disk, one named graph per report, replaced in transactions."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.query import Table, internal_query
from graph.rdf.ids import graph_iri
from graph.rdf.vocab import TIES
from graph.stores.base import StoreError, compact_json_ld, export_prefixes
from graph.stores.results import ResultSet, TooManyRows, from_oxigraph, table_of_solutions

# the predicate of a report's checksum, as N-Triples writes it
_CHECKSUM = f" <{TIES}checksum> ".encode()
# calls of the bulk loader run side by side: a call parses, sorts and writes on one thread per million quads, so
# one call of a few hundred thousand keeps one core busy; each holds its quads' buffers (~350 MB at 400,000)
LOADER_CALLS = 2


def _without_checksums(triples: bytes) -> tuple[bytes, bytes]:
    """N-Triples parted into the lines without the checksum predicate and those with it (a report's graph
    has one): by finding it, not by testing every line (which cost a 100× build ~4 s)."""
    rest: list[bytes] = []
    marks: list[bytes] = []
    start = 0
    while (found := triples.find(_CHECKSUM, start)) >= 0:
        line_start = triples.rfind(b"\n", 0, found) + 1
        line_end = triples.find(b"\n", found)
        line_end = len(triples) if line_end < 0 else line_end + 1
        rest.append(triples[start:line_start])
        marks.append(triples[line_start:line_end])
        start = line_end
    rest.append(triples[start:])
    return b"".join(rest), b"".join(marks)


def _as_quads(triples: bytes, graph: ox.NamedNode) -> bytes:
    """N-Triples as N-Quads in a named graph: each line's closing " ." given the graph before it (the
    writer, rdflib and Oxigraph end every line so; other text is read line by line). In UTF-8, not as text:
    a third of the time (the 100× build's 2.4M quads ~2 s, not ~6 s, in the process that loads them)."""
    text = triples if not triples or triples.endswith(b"\n") else triples + b"\n"
    ending = f" {graph} .\n".encode()
    quads = text.replace(b" .\n", ending)
    if quads.count(b"\n") == quads.count(ending):
        return quads
    lines = (line.strip() for line in text.splitlines())
    return b"".join(line[:-1].rstrip() + ending for line in lines if line and not line.startswith(b"#"))


@dataclass
class BulkFiles:
    """New reports' graphs gathered for the bulk loader (`EmbeddedStore.bulk_load`) as N-Quads files of about
    `per_call` quads, a call each, every file with its graphs' checksums apart (written after them)."""

    folder: Path
    per_call: int
    calls: list[tuple[Path, list[bytes]]] = field(default_factory=list, init=False)  # a file and its checksums
    graphs: list[ox.NamedNode] = field(default_factory=list, init=False)
    _filled: int = field(default=0, init=False, repr=False)  # triples in the last file

    def add(self, report_id: str, triples: bytes, count: int) -> None:
        """A report's graph (N-Triples in UTF-8, `count` triples) appended to the file being filled."""
        if not self.calls or self._filled >= self.per_call:
            self.calls.append((self.folder / f"bulk-{len(self.calls)}.nq", []))
            self._filled = 0
        path, checksums = self.calls[-1]
        rest, checksum = _without_checksums(triples)
        name = ox.NamedNode(str(graph_iri(report_id)))
        self.graphs.append(name)
        with path.open("ab") as quads:
            quads.write(_as_quads(rest, name))
        checksums.append(_as_quads(checksum, name))
        self._filled += count


class EmbeddedStore:
    """An Oxigraph store in a folder."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._flush_at_end = False
        self._default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"{path}: здесь нет хранилища; сначала выполните `ties build`")
                self.store = ox.Store.read_only(str(path))
            else:
                self.store = ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"{path}: хранилище не открывается ({error})") from error

    def replace_graphs(self, graphs: dict[str, bytes | None], *, checked: bool = False) -> None:
        """Replace (or, for None, drop) the named graph of each report, given as N-Triples in UTF-8.

        A graph the store holds is dropped and written again in one transaction, so that a reader never
        finds the report missing; one it lacks is loaded in a transaction (a store's first build writes its
        graphs with `bulk_load` instead).

        `checked`: Oxigraph's parser skips checking IRIs and language tags (lenient), which the validator's
        strict parse of the same text did already: 7–14% of the loader's CPU at 100× the samples.
        """
        replaced = []
        for report_id, triples in sorted(graphs.items()):
            name = ox.NamedNode(str(graph_iri(report_id)))
            if triples and triples.strip() and not self.store.contains_named_graph(name):
                # Oxigraph's parser in a transaction: half the time of the same INSERT DATA
                self.store.load(triples, ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=checked)
                continue
            replaced.append(f"DROP SILENT GRAPH {name}")
            if triples and triples.strip():
                replaced.append(f"INSERT DATA {{ GRAPH {name} {{\n{triples.decode('utf-8')}\n}} }}")
        if replaced:
            self.store.update(" ;\n".join(replaced))
        self.store.flush()

    def bulk_load(self, files: BulkFiles, *, checked: bool = False) -> None:
        """Write graphs the store lacks (a store's first build) by Oxigraph's bulk loader: a third of the time of
        a transaction, and the 100× build's largest step. Each file is one call, LOADER_CALLS of them side by
        side once every graph is made (called while the graph makers ran, at 100× the samples the loader spent
        ~65 s of CPU, much of it merging what each small call wrote into the store; after them, ~40 s).

        A call is not atomic; so each file's checksums, which are what marks a report stored
        (`stored_checksums`), are written after its graphs, in a transaction. A build cut off in between
        leaves graphs without them, which the next build writes again whole (dropping what is left of them
        first: the loader adds to a graph). `checked`: as `replace_graphs`.

        The checksums' transactions reach disk with the next flush (the build's summaries): a flush after each
        call is not needed, and one while the other call writes might wait on it.
        """
        def load(call: tuple[Path, list[bytes]]) -> None:
            path, checksums = call
            self.store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=checked)
            self.store.load(b"".join(checksums), ox.RdfFormat.N_QUADS)

        left = [f"DROP SILENT GRAPH {name}" for name in files.graphs if self.store.contains_named_graph(name)]
        if left:
            self.store.update(" ;\n".join(left))
        # Oxigraph's calls leave Python's lock; a call that fails stops those not begun (the ones under way end,
        # their reports whole), and map lets go of the failure it raises (a future kept holding it, and through
        # it this store, open: a retry in the same process found the store's folder locked)
        with ThreadPoolExecutor(max_workers=LOADER_CALLS) as pool:
            list(pool.map(load, files.calls))

    def insert(self, graph_id: str, triples: str) -> None:
        """Add N-Triples to the named graph `graph_id` (a report id, "summary"…), in one transaction."""
        graph = ox.NamedNode(str(graph_iri(graph_id)))
        self.store.load(triples.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=graph)
        self._flush()

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update in one transaction."""
        self.store.update(sparql)
        self._flush()

    @contextmanager
    def flushed_at_end(self) -> Iterator[None]:
        """Writes in the block (transactions in threads side by side) flushed once, when it ends: a flush
        while another thread wrote was seen to wait for ever in RocksDB (the summaries of a 1× build)."""
        self._flush_at_end = True
        try:
            yield
        finally:
            self._flush_at_end = False
            self.store.flush()

    def _flush(self) -> None:
        if not self._flush_at_end:
            self.store.flush()

    def compact(self) -> None:
        """Merge the store's files: a build replaces graphs and summaries, and until merged, the
        deleted triples still lie on disk to be skipped by every scan, and the summary queries slow
        down after each rebuild of the summaries (the benchmark measures both)."""
        self.store.optimize()

    def results(self, sparql: str, max_rows: int | None = None) -> ResultSet:
        """Results of a query (SELECT, ASK, CONSTRUCT, DESCRIBE), refusing more than `max_rows`."""
        results = self._run(sparql)
        # pyoxigraph's results may not leave the thread that made them: read them here, and let no
        # exception carry them (in its traceback) to another thread
        try:
            return from_oxigraph(results, max_rows)
        except TooManyRows as error:
            message = str(error)
        finally:
            del results
        raise TooManyRows(message)

    def select(self, sparql: str, limit: int | None = None) -> Table:
        """Results as a Table: SELECT rows, an ASK answer, or CONSTRUCT/DESCRIBE triples."""
        results = self._run(sparql)
        if isinstance(results, ox.QuerySolutions):
            return table_of_solutions(results, limit)
        return from_oxigraph(results).table().head(limit)

    def _run(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self.store.query(sparql, default_graph=self.default_graph())
        except SyntaxError as error:
            raise StoreError(f"запрос не читается: {error}") from error

    def default_graph(self) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
        """What a query reads outside GRAPH: the union of the report graphs and the ontology (not the
        summaries, which restate them), so that `SELECT (COUNT(*) AS ?n) { ?s ?p ?o }` counts the data.
        Every named graph stays there for GRAPH clauses. Read once for a read-only store."""
        if self._default_graph is None or not self.read_only:
            summary = str(graph_iri("summary"))
            graphs = sorted((g for g in self.store.named_graphs()
                             if isinstance(g, ox.NamedNode) and g.value != summary), key=lambda g: g.value)
            self._default_graph = [*graphs, ox.DefaultGraph()]
        return self._default_graph

    def dump(self, path: Path, format: ox.RdfFormat) -> None:
        """Write the store to a file; formats without graphs get the union of all named graphs."""
        prefixes = export_prefixes(format)
        if format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            self.store.dump(str(path), format, prefixes=prefixes)
            return
        union = ox.Store()
        union.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                     for q in self.store.quads_for_pattern(None, None, None))
        if format == ox.RdfFormat.JSON_LD and prefixes:  # Oxigraph writes JSON-LD expanded: compacted here
            path.write_bytes(compact_json_ld(union.dump(format=format, from_graph=ox.DefaultGraph()) or b"", prefixes))
            return
        union.dump(str(path), format, from_graph=ox.DefaultGraph(), prefixes=prefixes)

    def quad_count(self, report_id: str | None = None) -> int:
        """How many triples a report's graph holds (all named graphs together without a report)."""
        values = {"graph": str(graph_iri(report_id))} if report_id else {}
        rows = self.results(internal_query("quad-count").bind(values)).rows
        return int(rows[0]["n"]["value"])

    def to_rdflib(self, report_id: str | None = None) -> Graph:
        """A report's graph (or the union) as an rdflib Graph, for validation and tests."""
        graph = Graph()
        name = ox.NamedNode(str(graph_iri(report_id))) if report_id else None
        for quad in self.store.quads_for_pattern(None, None, None, name):
            graph.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
        return graph


def _term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))

