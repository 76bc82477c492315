"""The network's material one named graph at a time, and a cache of it beside an embedded store.

Reading the network is eight queries over every report graph (3.6 s at 100× the samples for seven), which
`ties network`, the map and the review waited for on every new state of the store. What they read of a
report graph depends on that graph alone, so a build works it out while it checks the graph (in the
graph-making processes, from the same N-Triples) and keeps it in `<store>.network/<digest>.json`, named
by the graph's digest (ties:contentDigest, written with the graph): a file there is never stale, only
unused. Graphs without a digest or a file (the ontology's, the summaries', those of an older build) are
read from the store, and kept for next time where they have a digest.

The known entities that a build resolves new mentions against (graph.pipeline.known_entities) are kept
the same way, in `<digest>.known.json` (KNOWN): reading them from every graph took ~0.4 s of adding a
report at 100× the samples, and each graph's rows depend on that graph alone. So is who attended what
(ATTENDANCE, `<digest>.attendance.json`), from which the summaries count the pairs that met more than once
(`kept_attendance`): the query over every graph took ~2 s of a 100× build and ~0.7 s of adding a report.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.query import PARAMS_MARK, internal_query
from graph.stores import EmbeddedStore, Readable
from graph.stores.results import table_of_solutions
from graph.stores.snapshots import store_of_snapshot
from graph.stores.summaries import Attendance, ReadAttendance, attendance_of

# the queries whose rows make the network, each selecting the named graph ?g a row comes from
PART_QUERIES = ("network-events", "network-entities", "network-countries", "network-interstate",
                "network-locations", "network-links", "network-behalf", "place-points")

Rows = list[dict[str, str]]  # plain values by variable, an unbound one absent
Part = dict[str, Rows]  # one graph's rows, by query


@dataclass(frozen=True, slots=True)
class PartKind:
    """What a graph's part holds: the rows of these internal queries (each selects the graph ?g, and names
    some graphs where it says #PARAMS), kept as `<digest><suffix>`."""

    queries: tuple[str, ...]
    suffix: str


NETWORK = PartKind(PART_QUERIES, ".json")
KNOWN = PartKind(("graph-known-entities",), ".known.json")
ATTENDANCE = PartKind(("attendance-by-graph",), ".attendance.json")
KINDS = (NETWORK, KNOWN, ATTENDANCE)


def rows_by_graph(run: Callable[[str], Rows], graphs: Iterable[str] | None = None,
                  kind: PartKind = NETWORK) -> dict[str, Part]:
    """The rows of the kind's queries for each of `graphs` (every named graph when None), by graph IRI; `run`
    answers a query with plain rows. A graph given that has no rows gets an empty part."""
    listed = None if graphs is None else sorted(set(graphs))
    block = "" if listed is None else "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in listed) + " }"
    parts = {graph: _empty(kind) for graph in listed or ()}
    if listed == []:
        return parts
    for name in kind.queries:
        for row in run(internal_query(name).bind().replace(PARAMS_MARK, block)):
            graph = row.pop("g")
            parts.setdefault(graph, _empty(kind))[name].append(row)
    return parts


def stored_parts(store: Readable, cache: Path | None = None, kind: PartKind = NETWORK) -> list[Part]:
    """Every named graph's part, in the order of the graphs' IRIs: kept ones from `cache` (by default, beside
    an embedded store), the rest read from the store (and kept, where the graph has a digest)."""
    def run(query: str) -> Rows:
        return store.results(query).plain()
    if cache is None and isinstance(store, EmbeddedStore):
        cache = cache_folder(store.path)
    if cache is None:
        parts = rows_by_graph(run, kind=kind)
    else:
        digests = {row["g"]: row.get("digest") for row in run(internal_query("graph-digests").bind())}
        parts = {}
        for graph, digest in digests.items():
            kept = read_part(cache, digest, kind) if digest else None
            if kept is not None:
                parts[graph] = kept
        missing = [graph for graph in digests if graph not in parts]
        # graphs named in VALUES are looked up one by one: for most of them, one scan of all costs less
        read = rows_by_graph(run, missing if len(missing) * 2 < len(digests) else None, kind)
        for graph in missing:
            part = parts[graph] = read.get(graph, _empty(kind))
            if digests.get(graph):
                keep_part(cache, str(digests[graph]), part, kind)
    return [parts[graph] for graph in sorted(parts)]


def kept_rows(store: EmbeddedStore, kind: PartKind) -> Iterator[dict[str, str]]:
    """The rows of a kind of one query (KNOWN, ATTENDANCE) over every graph of an embedded store, from the
    parts its builds kept."""
    (query,) = kind.queries
    return (row for part in stored_parts(store, kind=kind) for row in part[query])


def kept_attendance(store: EmbeddedStore) -> ReadAttendance:
    """Who attended what over every graph of an embedded store (as `graph.stores.summaries.attendance`), from
    the parts its builds kept."""
    def read(agents: frozenset[str] | None) -> Attendance:
        return attendance_of(row for row in kept_rows(store, ATTENDANCE) if agents is None or row["agent"] in agents)
    return read


def _empty(kind: PartKind) -> Part:
    return {name: [] for name in kind.queries}


def part_of(store: ox.Store, graph: ox.NamedNode, kind: PartKind = NETWORK) -> Part:
    """The rows of one graph of an Oxigraph store (in memory: the graph being checked in a build)."""
    return rows_by_graph(lambda query: oxigraph_rows(store, query), [graph.value], kind)[graph.value]


def oxigraph_rows(store: ox.Store, query: str) -> Rows:
    """A SELECT's rows from a pyoxigraph store, as plain values, an unbound one absent: read from Oxigraph's
    TSV (a fifth less of a graph's parts than its SPARQL JSON read by the json module)."""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)  # the parts' queries are SELECTs
    table = table_of_solutions(solutions)
    return [{column: value for column, value in zip(table.columns, row, strict=True) if value is not None}
            for row in table.rows]


def cache_folder(store: Path) -> Path:
    """Where an embedded store's network parts are kept; a published snapshot shares its store's."""
    owner = store_of_snapshot(store) or store
    return owner.with_name(owner.name + ".network")


def read_part(folder: Path, digest: str, kind: PartKind = NETWORK) -> Part | None:
    """The part kept under a digest; None where there is none or it cannot be read."""
    try:
        part = json.loads((folder / f"{digest}{kind.suffix}").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(part, dict) and set(part) == set(kind.queries)):
        return None
    return part if all(isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
                       for rows in part.values()) else None


def keep_part(folder: Path, digest: str, part: Part, kind: PartKind = NETWORK) -> None:
    """Keep a graph's part under its digest (written whole, then renamed); a folder that cannot be written
    (a read-only copy of a store) is skipped: the part is then read from the store next time too."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{digest}-{uuid.uuid4().hex}"
        partial.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, folder / f"{digest}{kind.suffix}")
    except OSError:
        pass


def prune_store_cache(store: EmbeddedStore) -> None:
    """Remove the parts kept for graphs the store no longer holds (after a build)."""
    rows = store.results(internal_query("graph-digests").bind()).rows
    keep = {f"{row['digest']['value']}{kind.suffix}" for row in rows if "digest" in row for kind in KINDS}
    try:
        for path in list(cache_folder(store.path).iterdir()):
            if path.name not in keep:  # a partial file too: from a write cut off (or one under way: not kept)
                path.unlink(missing_ok=True)
    except OSError:  # no folder, or one this user cannot change: unused parts cost only disk
        return
