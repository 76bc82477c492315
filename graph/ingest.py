"""`ties build`: reports into the store, incrementally, idempotently, each report whole or not at all."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import FOAF, ORG, RDFS, SDO

from graph.build import report_graph
from graph.classify import ontology
from graph.ids import graph_iri
from graph.remote import lock_path, open_store
from graph.snapshots import current_snapshot, publish
from graph.store import EmbeddedStore, StoreError, build_lock
from graph.validate import Violation, violations
from graph.vocab import SEM, TIES
from nlp.errors import printable
from nlp.extract import Models
from nlp.pipeline import ExtractedEvent, extract_events
from nlp.records import Entity, EntityType, Report
from ontology import SUMMARIES

ONTOLOGY_GRAPH = "ontology"  # the named graph id/graph/ontology holds ontology/ties.ttl
SUMMARY_GRAPH = "summary"  # the named graph id/graph/summary holds what ontology/summaries.ru works out
# triples written in one transaction: a report is always whole (all its triples or none), and a large
# corpus is written in steps of bounded memory
BATCH_TRIPLES = 200_000


class BuildError(Exception):
    """A build that wrote nothing: the message says why."""


@dataclass(slots=True)
class BuildResult:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    triples: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # rows whose entities could not be read
    refused: list[str] = field(default_factory=list)  # periods not built, one line each saying why


def known_entities(store: EmbeddedStore) -> list[Entity]:
    """Persons and organisations already in the store, with their IRIs, so new mentions keep them."""
    query = f"""SELECT DISTINCT ?e ?type ?label WHERE {{ GRAPH ?g {{
        ?e a ?type ; <{RDFS.label}> ?label .
        VALUES ?type {{ <{FOAF.Person}> <{ORG.Organization}> }} }} }}"""
    found = []
    for row in store.query(query):
        kind = EntityType.PER if row["type"].value == str(FOAF.Person) else EntityType.ORG
        found.append(Entity(id=row["e"].value, type=kind, name=row["label"].value))
    return sorted(found, key=lambda e: e.id)


def build(reports: list[Report], store_spec: str | Path | None, models_loader: Callable[[], Models], *,
          validate: bool = True, progress: Callable[[int], None] | None = None) -> BuildResult:
    """Add new reports, replace changed ones, skip unchanged ones (by checksum); each report whole or not at all.

    Two different files for one period are both refused (`BuildResult.refused` names them); the other
    periods are built.

    Raises:
        BuildError: a graph that breaks the SHACL shapes (nothing is written).
        StoreError: the store is locked by another build, cannot be opened, or cannot be written
            (a full disk, a read-only folder): what it held before stays.
    """
    result = BuildResult()
    reports, result.refused = _one_report_per_period(reports)
    spec = None if store_spec is None else str(store_spec)
    try:
        _build(reports, spec, models_loader, validate, progress, result)
    except OSError as error:
        where = printable(spec or str(lock_path(spec)))
        reason = printable(" ".join((error.strerror or str(error)).split()))
        raise StoreError(f"{where}: cannot write the store ({reason}); it keeps what it held before "
                         "this build") from error
    return result


def _one_report_per_period(reports: list[Report]) -> tuple[list[Report], list[str]]:
    """The reports of periods that have one file (the same file twice counts once), and a line for each
    period that has two different ones."""
    files: dict[str, dict[str, str]] = {}
    for report in reports:
        files.setdefault(report.id, {}).setdefault(report.checksum, report.source)
    refused = {period: sorted(sources.values()) for period, sources in files.items() if len(sources) > 1}
    lines = [f"{' and '.join(sources)}: {len(sources)} different reports for {period}; that period is not "
             "built (keep one file for it)" for period, sources in sorted(refused.items())]
    return [report for report in reports if report.id not in refused], lines


def _build(reports: list[Report], spec: str | None, models_loader: Callable[[], Models], validate: bool,
           progress: Callable[[int], None] | None, result: BuildResult) -> None:
    with build_lock(lock_path(spec)):
        store = open_store(spec, read_only=False)
        stored = store.checksums()
        todo: list[Report] = []
        for report in {r.id: r for r in reports}.values():
            if stored.get(report.id) == report.checksum:
                result.skipped.append(report.id)
            else:
                todo.append(report)
                (result.replaced if report.id in stored else result.added).append(report.id)
        if not todo:
            # summaries missing (a store from before them) or stale (a build cut off after its last
            # report and before them): worked out again, so a build that adds nothing still mends them
            if summarised_checksum(store) != reports_checksum(stored):
                refresh_summaries(store)
                store.compact()
                _publish(store)
            elif isinstance(store, EmbeddedStore) and current_snapshot(store.path) is None:
                _publish(store)  # a store from before snapshots: servers get one to answer from
            return
        events = extract_events(todo, models_loader(), progress=progress, known=known_entities(store))
        result.problems = [problem for event in events for problem in event.problems]
        by_report: dict[str, list[ExtractedEvent]] = {}
        for event in events:
            by_report.setdefault(event.event.report, []).append(event)
        del events
        with tempfile.TemporaryDirectory(prefix="ties-build-") as folder:
            # every graph is made and checked before anything is written, one at a time, and waits on
            # disk as N-Triples: memory holds one report's graph, not the corpus's
            spool = Path(folder)
            written = {ONTOLOGY_GRAPH: _spool(ontology(), spool / "ontology.nt")}  # SKOS labels for the queries
            problems: list[Violation] = []
            for number, report in enumerate(todo):
                graph = report_graph(report, by_report.pop(report.id, []))
                if validate:
                    problems += violations(graph)
                written[report.id] = _spool(graph, spool / f"{number}.nt")
            if problems:
                listed = "\n  ".join(map(str, problems[:20]))
                raise BuildError(f"the graph breaks {len(problems)} SHACL constraint(s); nothing written:\n  {listed}")
            for batch in _batches(written):
                store.replace_graphs({report_id: written[report_id][0].read_text(encoding="utf-8")
                                      for report_id in batch})
        result.triples = {report_id: count for report_id, (_, count) in written.items()}
        refresh_summaries(store)
        store.compact()
        _publish(store)


def _publish(store) -> None:
    """Make the finished build what servers answer from (graph.snapshots); a remote store serves itself."""
    if isinstance(store, EmbeddedStore):
        publish(store)


def refresh_summaries(store) -> None:
    """Work out what the partner queries read (profiles, country quarters, pairs, names) from every
    report graph, number the names in order, and last mark it all with the checksum of the reports it
    sums up (a build cut off before the mark leaves summaries that the next build sees are stale)."""
    graph = graph_iri(SUMMARY_GRAPH)
    mark = Literal(reports_checksum(store.checksums())).n3()
    store.update(SUMMARIES.read_text(encoding="utf-8"))
    for lines in _name_order(store):
        store.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{lines}\n}} }}")
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{graph}> <{TIES.reportsChecksum}> {mark} }} }}")


def _name_order(store, batch: int = 5_000) -> Iterator[str]:
    """`ties:nameOrder` for each preferred and partner name of the summaries: its place in code-point
    order, as N-Triples, in batches. Queries sort on it: sorting on the names themselves makes
    Oxigraph read both names from disk at each comparison (0.5 s of 8,500 pairs at 100×)."""
    graph = graph_iri(SUMMARY_GRAPH)
    rows = store.results(f"""SELECT ?subject ?name WHERE {{ GRAPH <{graph}> {{
        {{ ?subject <{TIES.preferredName}> ?name }} UNION {{ ?subject <{TIES.partnerName}> ?name }} }} }}""").rows
    named = sorted((row["name"]["value"], row["subject"]["value"]) for row in rows)
    lines = [f"<{subject}> <{TIES.nameOrder}> {Literal(place).n3()} ." for place, (_, subject) in enumerate(named)]
    for start in range(0, len(lines), batch):
        yield "\n".join(lines[start:start + batch])


def reports_checksum(checksums: dict[str, str]) -> str:
    """One SHA-256 over the stored reports' checksums: what a summary was worked out from."""
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in sorted(checksums.items())).encode()).hexdigest()


def summarised_checksum(store) -> str | None:
    """The reports checksum the store's summaries were worked out from; None without summaries."""
    graph = graph_iri(SUMMARY_GRAPH)
    rows = store.results(f"SELECT ?sum WHERE {{ GRAPH <{graph}> {{ <{graph}> <{TIES.reportsChecksum}> ?sum }} }}")
    return rows.rows[0]["sum"]["value"] if rows.rows else None


def _spool(graph: Graph, path: Path) -> tuple[Path, int]:
    graph.serialize(path, format="nt", encoding="utf-8")
    return path, len(graph)


def _batches(written: dict[str, tuple[Path, int]]) -> Iterator[list[str]]:
    """Report ids in groups of about BATCH_TRIPLES triples, each group written in one transaction."""
    batch: list[str] = []
    size = 0
    for report_id, (_, count) in written.items():
        if batch and size + count > BATCH_TRIPLES:
            yield batch
            batch, size = [], 0
        batch.append(report_id)
        size += count
    if batch:
        yield batch


def summary(store: EmbeddedStore, top: int = 10) -> dict[str, object]:
    """What the store holds: events, entities by type, countries, agreements and the top foreign partners
    (from the partner profiles the build worked out, states themselves left out)."""
    def count(pattern: str) -> int:
        rows = list(store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ {pattern} }} }}"))
        return int(rows[0]["n"].value) if rows else 0

    partners_query = f"""SELECT ?name ?events WHERE {{
        GRAPH <{graph_iri(SUMMARY_GRAPH)}> {{
            ?profile <{TIES.profileOf}> ?x ; <{TIES.partnerName}> ?name ; <{TIES.eventCount}> ?events }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?x a <{SDO.Country}> }} }}
    }} ORDER BY DESC(?events) ?name LIMIT {top}"""
    partners = [(row["name"].value, int(row["events"].value)) for row in store.query(partners_query)]
    return {
        "reports": count(f"?x a <{TIES.Report}>"),
        "events": count(f"?x a <{SEM.Event}>"),
        "persons": count(f"?x a <{FOAF.Person}>"),
        "organisations": count(f"?x a <{ORG.Organization}>"),
        "places": count(f"?x a <{SDO.Place}>"),
        "countries": count(f"?e <{TIES.country}> ?x"),
        "agreements": count(f"?x a <{TIES.Agreement}>"),
        "top_partners": partners,
    }
