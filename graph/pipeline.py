"""`ties build`: read → extract → resolve → RDF → store, incrementally, each report whole or not at all.

Three steps, each finishing its own work: `plan` decides which reports are new, changed or unchanged
(by checksum); `extract` runs the extraction stage (`nlp.pipeline`) on what changed, resolving its
entities against those the store already holds; `write` turns the records into one graph per
report (`graph.rdf.writer`), checks them, writes them, and works out the summaries again. The stores
know nothing of extraction.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import FOAF

from graph.query import internal_query
from graph.rdf.validate import Violation, violations
from graph.rdf.writer import ontology, report_graph
from graph.stores import EmbeddedStore, Store, StoreError, build_lock, lock_path, open_store, stored_checksums
from graph.stores.snapshots import current_snapshot, publish
from graph.stores.summaries import refresh_summaries, reports_checksum, summarised_checksum
from nlp import ExtractedEvent, Models, decisions_digest, extract_events
from nlp.errors import printable
from nlp.records import Entity, EntityType, Report

ONTOLOGY_GRAPH = "ontology"  # the named graph id/graph/ontology holds ontology/ties.ttl
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


@dataclass(frozen=True, slots=True)
class Plan:
    """What a build does: the reports to extract and write, and what it found already stored."""

    todo: tuple[Report, ...]
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]


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
        with build_lock(lock_path(spec)):
            store = open_store(spec, read_only=False)
            decisions = decisions_digest()
            decided = plan(reports, stored_checksums(store), stored_decisions(store), decisions)
            result.added, result.replaced, result.skipped = (list(decided.added), list(decided.replaced),
                                                             list(decided.skipped))
            if not decided.todo:
                _mend(store)
                return result
            events = extract(decided, models_loader(), store, progress)
            result.problems = [problem for event in events for problem in event.problems]
            result.triples = write(store, decided, events, validate=validate, decisions=decisions)
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


def plan(reports: list[Report], stored: dict[str, str], stored_decisions: dict[str, str] | None = None,
         decisions: str = "") -> Plan:
    """Which reports are new, changed (another checksum than the stored one, or extracted with other analysts'
    decisions than now) or unchanged; one per period."""
    todo: list[Report] = []
    added: list[str] = []
    replaced: list[str] = []
    skipped: list[str] = []
    for report in {r.id: r for r in reports}.values():
        same_decisions = stored_decisions is None or stored_decisions.get(report.id) == decisions
        if stored.get(report.id) == report.checksum and same_decisions:
            skipped.append(report.id)
        else:
            todo.append(report)
            (replaced if report.id in stored else added).append(report.id)
    return Plan(tuple(todo), tuple(added), tuple(replaced), tuple(skipped))


def stored_decisions(store: Store) -> dict[str, str]:
    """Report id -> the checksum of the analysts' decisions it was extracted with."""
    return {row["period"]["value"]: row["decisions"]["value"]
            for row in store.results(internal_query("decisions").bind()).rows}


def known_entities(store: Store) -> list[Entity]:
    """Persons and organisations already in the store, with their IRIs, so new mentions keep them."""
    found = []
    for row in store.results(internal_query("known-entities").bind()).rows:
        kind = EntityType.PER if row["type"]["value"] == str(FOAF.Person) else EntityType.ORG
        found.append(Entity(id=row["e"]["value"], type=kind, name=row["label"]["value"]))
    return sorted(found, key=lambda e: e.id)


def extract(decided: Plan, models: Models, store: Store,
            progress: Callable[[int], None] | None = None) -> list[ExtractedEvent]:
    """The extraction stage over the reports to build, entities resolved with those the store holds."""
    return extract_events(list(decided.todo), models, progress=progress, known=known_entities(store))


def write(store: Store, decided: Plan, events: list[ExtractedEvent], *, validate: bool = True,
          decisions: str = "") -> dict[str, int]:
    """Each report's graph made, checked and written, then the summaries; triples written per graph.

    Every graph is made and checked before anything is written, one at a time, and waits on disk as
    N-Triples: memory holds one report's graph, not the corpus's.
    """
    by_report: dict[str, list[ExtractedEvent]] = {}
    for event in events:
        by_report.setdefault(event.event.report, []).append(event)
    with tempfile.TemporaryDirectory(prefix="ties-build-") as folder:
        spool = Path(folder)
        written = {ONTOLOGY_GRAPH: _spool(ontology(), spool / "ontology.nt")}  # SKOS labels for the queries
        problems: list[Violation] = []
        for number, report in enumerate(decided.todo):
            graph = report_graph(report, by_report.pop(report.id, []), decisions=decisions)
            if validate:
                problems += violations(graph)
            written[report.id] = _spool(graph, spool / f"{number}.nt")
        if problems:
            listed = "\n  ".join(map(str, problems[:20]))
            raise BuildError(f"the graph breaks {len(problems)} SHACL constraint(s); nothing written:\n  {listed}")
        for batch in _batches(written):
            store.replace_graphs({report_id: written[report_id][0].read_text(encoding="utf-8")
                                  for report_id in batch})
    refresh_summaries(store)
    store.compact()
    _publish(store)
    return {report_id: count for report_id, (_, count) in written.items()}


def _mend(store: Store) -> None:
    """A build with nothing to add still mends what an earlier one left: summaries missing (a store from
    before them) or stale (a build cut off after its last report and before them) are worked out again,
    and a store from before snapshots gets one for servers to answer from."""
    if summarised_checksum(store) != reports_checksum(stored_checksums(store)):
        refresh_summaries(store)
        store.compact()
        _publish(store)
    elif isinstance(store, EmbeddedStore) and current_snapshot(store.path) is None:
        _publish(store)


def _publish(store: Store) -> None:
    """Make the finished build what servers answer from (graph.stores.snapshots); a remote store serves itself."""
    if isinstance(store, EmbeddedStore):
        publish(store)


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
