"""`ties build`: read → extract → resolve → RDF → store, incrementally, each report whole or not at all.

Three steps, each finishing its own work: `plan` decides which reports are new, changed or unchanged
(by checksum); `extract` runs the extraction stage (`nlp.pipeline`) on what changed, resolving its
entities against those the store already holds; `write` turns the records into one graph per
report (`graph.rdf.writer`), checks them (`graph.rdf.validate`), writes them, and brings the summaries
up to date (all of them, or the rows a build of few reports touches). The stores know nothing of
extraction.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib.namespace import FOAF

from graph.network.parts import KNOWN, cache_folder, kept_attendance, kept_rows, prune_store_cache
from graph.query import internal_query
from graph.rdf.ids import ONTOLOGY_GRAPH
from graph.rdf.maker import GraphMakers
from graph.rdf.validate import Violation
from graph.rdf.version import MadeWith, code_checksum
from graph.rdf.writer import ontology
from graph.russian import counted, quarter
from graph.stores import (
    BulkFiles,
    EmbeddedStore,
    Store,
    StoreError,
    build_lock,
    lock_path,
    open_store,
    stored_checksums,
)
from graph.stores.snapshots import current_snapshot, publish
from graph.stores.summaries import (
    ReadAttendance,
    Scope,
    refresh_summaries,
    summarised_checksum,
    summary_mark,
    touched_by,
)
from nlp import ExtractedEvent, decisions_digest, read_corrections, read_reports
from nlp.errors import DecisionsError, ReportError, printable
from nlp.records import Entity, EntityType, Report, ReportFile

if TYPE_CHECKING:
    from nlp import Models

# triples written in one transaction: a report is always whole (all its triples or none), and a large
# corpus is written in steps of bounded memory
BATCH_TRIPLES = 200_000
# a fresh store's new graphs are bulk-loaded in calls of about this many triples (about 33 reports), two side by
# side (graph.stores.embedded.LOADER_CALLS): each call writes files of its own for the store to merge, and
# holds the loader's buffers (~350 MB; one call for the 100× graphs' 2.4M quads held 1.5 GB)
BULK_TRIPLES = 400_000
# a build writing at most this share of the stored reports updates the summaries for what it touches
INCREMENTAL_SHARE = 0.25
# the store's files are merged when the reports written since the last merge reach this share of the stored
COMPACT_SHARE = 0.1


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
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each step, for the benchmark


class Steps:
    """The wall time of a build's steps, in the order they ran (`with steps("extraction"): …`)."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into = into

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.into[name] = self.into.get(name, 0.0) + time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class Plan:
    """What a build does: the reports to extract and write, and what it found already stored."""

    todo: tuple[Report, ...]
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]


def build(reports: Sequence[Report | ReportFile], store_spec: str | Path | None, models_loader: Callable[[], Models],
          *, read: Callable[[list[ReportFile]], list[Report | None]] | None = None, validate: bool = True,
          progress: Callable[[int], None] | None = None) -> BuildResult:
    """Add new reports, replace changed ones, skip unchanged ones (by checksum); each report whole or not at all.

    Reports may be given read, or as files (`nlp.report_file`) that are read only if the store does not
    hold them yet (`_read_changed`), by `read`: it gives their reports in order, and for a file that
    cannot be read says why and gives None (by default, `nlp.read_reports`, raising the first ReportError).
    Two different files for one period are both refused (`BuildResult.refused` names them); the other
    periods are built.

    Raises:
        BuildError: a graph that breaks the SHACL shapes, or a decision in the decisions files that cannot be
            applied (nothing is written).
        StoreError: the store is locked by another build, cannot be opened, or cannot be written
            (a full disk, a read-only folder): what it held before stays.
    """
    result = BuildResult()
    spec = None if store_spec is None else str(store_spec)
    try:
        with build_lock(lock_path(spec)):
            store = open_store(spec, read_only=False)
            made_with = MadeWith(decisions_digest(), code_checksum())
            try:
                read_corrections()  # a decision that cannot be applied stops the build before anything is read
            except DecisionsError as error:
                raise BuildError(str(error)) from None
            stored, held = stored_checksums(store), stored_made_with(store)
            read_ones, unread = _read_changed(reports, stored, held, made_with, read or _read_files)
            read_ones, unread, result.refused = _one_report_per_period(read_ones, unread)
            decided = plan(read_ones, stored, held, made_with)
            result.added, result.replaced = list(decided.added), list(decided.replaced)
            result.skipped = list(dict.fromkeys([*decided.skipped, *unread]))
            if not decided.todo:
                _mend(store)
                return result
            if progress:
                progress(0)  # the extraction's start, shown before the models load
            steps = Steps(result.seconds)
            with steps("models"):
                workers = _extraction_workers(decided)
                # worker processes load models of their own: this one then needs none (nlp.extract_events)
                models = models_loader() if workers == 1 else None
            network = cache_folder(store.path) if isinstance(store, EmbeddedStore) else None
            with tempfile.TemporaryDirectory(prefix="ties-build-") as spool, \
                    GraphMakers(decided.todo, Path(spool), made_with, validate=validate, network=network,
                                workers=workers) as makers:
                with steps("extraction"):
                    events = extract(decided, models, store, progress, workers, resolved=makers.give)
                result.problems = [problem for event in events for problem in event.problems]
                result.triples = write(store, decided, events, makers, steps=steps)
    except OSError as error:
        where = printable(spec or str(lock_path(spec)))
        reason = printable(" ".join((error.strerror or str(error)).split()))
        raise StoreError(f"{where}: хранилище не записывается ({reason}); в нём осталось то, что было до "
                         "этой сборки") from error
    return result


def _read_changed(given: Sequence[Report | ReportFile], stored: dict[str, str], held: dict[str, MadeWith],
                  made_with: MadeWith, read: Callable[[list[ReportFile]], list[Report | None]]
                  ) -> tuple[list[Report], dict[str, ReportFile]]:
    """The reports given read, and the files read that the store does not hold as they are; the others not
    read, by period: those whose bytes the store holds, made with the analysts' decisions and the code of now
    (so `plan` skips them). Reading a report costs ~25 ms, and an analyst builds the folder of every quarter
    again for each new one: at 100× the samples, reading the 200 stored reports took 5.5 s."""
    unchanged = {checksum: period for period, checksum in stored.items() if held.get(period) == made_with}
    changed = [item for item in given if isinstance(item, ReportFile) and item.checksum not in unchanged]
    read_ones = iter(read(changed) if changed else [])
    reports: list[Report] = []
    unread: dict[str, ReportFile] = {}
    for item in given:
        if isinstance(item, Report):
            reports.append(item)
        elif item.checksum in unchanged:
            unread.setdefault(unchanged[item.checksum], item)
        elif (report := next(read_ones)) is not None:
            reports.append(report)
    return reports, unread


def _read_files(files: list[ReportFile]) -> list[Report | None]:
    read: list[Report | None] = []
    for outcome in read_reports([file.path for file in files]):
        if isinstance(outcome, ReportError):
            raise outcome
        read.append(outcome)
    return read


def _one_report_per_period(reports: list[Report], unread: dict[str, ReportFile]
                           ) -> tuple[list[Report], dict[str, ReportFile], list[str]]:
    """The reports of periods that have one file (the same file twice counts once), read or not (`unread`,
    by period), and a line for each period that has two different ones."""
    files: dict[str, dict[str, str]] = {period: {file.checksum: file.source} for period, file in unread.items()}
    for report in reports:
        files.setdefault(report.id, {}).setdefault(report.checksum, report.source)
    refused = {period: sorted(sources.values()) for period, sources in files.items() if len(sources) > 1}
    lines = [f"{' и '.join(sources)}: {counted(len(sources), 'отчёт', 'разных отчёта', 'разных отчётов')} за "
             f"{quarter(period)}; этот квартал не собран (оставьте один файл)"
             for period, sources in sorted(refused.items())]
    return ([report for report in reports if report.id not in refused],
            {period: file for period, file in unread.items() if period not in refused}, lines)


def plan(reports: list[Report], stored: dict[str, str], held: dict[str, MadeWith], made_with: MadeWith) -> Plan:
    """Which reports are new, changed (another checksum than the stored one, or made with other analysts'
    decisions or other code than now: `held`) or unchanged; one per period."""
    todo: list[Report] = []
    added: list[str] = []
    replaced: list[str] = []
    skipped: list[str] = []
    for report in {r.id: r for r in reports}.values():
        if stored.get(report.id) == report.checksum and held.get(report.id) == made_with:
            skipped.append(report.id)
        else:
            todo.append(report)
            (replaced if report.id in stored else added).append(report.id)
    return Plan(tuple(todo), tuple(added), tuple(replaced), tuple(skipped))


def stored_made_with(store: Store) -> dict[str, MadeWith]:
    """Report id -> what its stored graph was made with (a report stored before a checksum was written has
    none, or an empty one: it is made again)."""
    return {row["period"]["value"]: MadeWith(row["decisions"]["value"], row.get("code", {}).get("value", ""))
            for row in store.results(internal_query("made-with").bind()).rows}


def known_entities(store: Store) -> list[Entity]:
    """Persons and organisations already in the store, with their IRIs, so new mentions keep them: an
    embedded store's from what the builds kept of each graph (graph.network.parts), others' by a query."""
    if isinstance(store, EmbeddedStore):
        rows = {(row["e"], row["type"], row["label"]) for row in kept_rows(store, KNOWN)}
    else:
        rows = {(row["e"]["value"], row["type"]["value"], row["label"]["value"])
                for row in store.results(internal_query("known-entities").bind()).rows}
    # in one order whichever way they were read: resolution meets them in this order
    return [Entity(id=entity, type=EntityType.PER if kind == str(FOAF.Person) else EntityType.ORG, name=label)
            for entity, kind, label in sorted(rows)]


def _extraction_workers(decided: Plan) -> int:
    """How many processes extract the reports to build: where more than one, each loads the models and the
    build's own process none (a 100× build's spent ~1.2 s loading natasha's models it never used)."""
    from nlp import default_workers  # here: spaCy and natasha load with it, which a build of nothing new skips

    return default_workers(list(decided.todo))


def extract(decided: Plan, models: Models | None, store: Store,
            progress: Callable[[int], None] | None = None, workers: int | None = None,
            resolved: Callable[[list[ExtractedEvent]], None] | None = None) -> list[ExtractedEvent]:
    """The extraction stage over the reports to build in `workers` processes, entities resolved with those
    the store holds (`models` None: loaded by the processes that extract); `resolved` is given each report's
    events as they are resolved (`nlp.extract_events`)."""
    from nlp import extract_events

    return extract_events(list(decided.todo), models, progress=progress, known=known_entities(store),
                          workers=workers, resolved=resolved)


def write(store: Store, decided: Plan, events: list[ExtractedEvent], makers: GraphMakers, *,
          steps: Steps | None = None) -> dict[str, int]:
    """Each report's graph made, checked and written, then the summaries; triples written per graph.

    The graphs are made and checked by `makers`, in a process per core for a large build (begun while the
    reports were resolved), and wait on disk as N-Triples: memory holds a report's graph at a time, not the
    corpus's. A new report's graph is written as soon as it passes, while the next ones are made (a fresh
    store's, by the bulk loader, once all have passed); the reports the store holds are replaced once all
    have passed. If any graph fails the check, or the store cannot be written (a full disk), the new graphs
    written are dropped again and nothing else is written.
    """
    steps = steps or Steps({})
    stored = stored_checksums(store)  # before this build writes
    touched = _touched_before(store, decided, stored)
    # A store's first build merges the files its bulk loader wrote before the summaries, not after them: the
    # summaries read every graph faster from merged files, and replace nothing (no rows of theirs lie on disk
    # to be skipped). At 100× the samples, summaries and merging took 36–38 s of CPU against 44–47 s, and the
    # library queries were no slower after.
    fresh = not stored
    added: list[str] = []
    try:
        with steps("graphs and writing"):
            counts = _write_graphs(store, decided, events, makers, added, fresh=fresh)
        if fresh:
            with steps("compaction"):
                _compact(store, len(decided.todo), len(decided.added), full=True)
        with steps("summaries"):
            written = decided.added + decided.replaced
            scope = None if touched is None else touched | touched_by(store, written)
            refresh_summaries(store, scope, added=() if decided.replaced else decided.added,
                              read_attendance=_kept_attendance(store))
        if not fresh:
            with steps("compaction"):
                _compact(store, len(decided.todo), len(stored) + len(decided.added), full=touched is None)
    except (BuildError, OSError, StoreError):
        for report_id in added:
            _drop_quietly(store, report_id)
        raise
    with steps("publishing"):
        _publish(store)
    return counts


def _write_graphs(store: Store, decided: Plan, events: list[ExtractedEvent], makers: GraphMakers, added: list[str],
                  *, fresh: bool) -> dict[str, int]:
    """Make, check and write every report's graph (`write`); the new reports written are listed in `added`.

    `fresh`: the store holds no report yet, and (an embedded store) the bulk loader writes the new graphs once
    all have passed. Only then: on a full disk, a store that held reports keeps exactly those (a transaction
    that fails writes nothing), where bulk-loaded graphs might stay."""
    ontology_file = makers.spool / "ontology.nt"
    ontology().serialize(ontology_file, format="nt", encoding="utf-8")  # SKOS labels for the queries
    later = {ONTOLOGY_GRAPH: (ontology_file, len(ontology()))}  # written with the replaced reports
    counts = {ONTOLOGY_GRAPH: later[ONTOLOGY_GRAPH][1]}
    checked = makers.parsed_strictly
    problems: list[Violation] = []
    # a fresh embedded store's new graphs wait for the bulk loader until all are made; others are written
    # as each passes
    bulk = BulkFiles(makers.spool, BULK_TRIPLES) if fresh and isinstance(store, EmbeddedStore) else None
    for made in makers.made(events):
        counts[made.report_id] = made.count
        problems += made.violations
        if problems:
            continue
        if made.report_id in decided.replaced:
            later[made.report_id] = (made.path, made.count)
            continue
        added.append(made.report_id)  # before it is written: a graph cut off half-way is dropped as well
        if bulk is None:
            store.replace_graphs(_read({made.report_id: (made.path, made.count)}), checked=checked)
            continue
        bulk.add(made.report_id, made.path.read_bytes(), made.count)
        made.path.unlink()  # the spool holds each graph once
    if problems:
        listed = "\n  ".join(map(str, problems[:20]))
        raise BuildError(f"граф нарушает ограничения SHACL ({len(problems)}); ничего не записано:\n  {listed}")
    if bulk is not None and isinstance(store, EmbeddedStore):
        store.bulk_load(bulk, checked=checked)
    for batch in _batches(later):
        store.replace_graphs(_read({report_id: later[report_id] for report_id in batch}))
    return counts


def _read(spooled: dict[str, tuple[Path, int]]) -> dict[str, bytes | None]:
    """The spooled graphs' N-Triples (in UTF-8, as the store reads them), by report id."""
    return {report_id: path.read_bytes() for report_id, (path, _) in spooled.items()}


def _compact(store: Store, written: int, stored: int, *, full: bool) -> None:
    if _compaction_pays(store, written, stored, full=full):
        store.compact()


def _compaction_pays(store: Store, written: int, stored: int, *, full: bool) -> bool:
    """Whether to merge the store's files now: after a build that worked out every summary, or once the
    reports written since the last merge reach COMPACT_SHARE of the `stored` ones. Until merged, what a build
    replaced still lies on disk to be skipped: at 100× the samples, one report added left the partner
    queries 5–30% slower, and merging costs ~3 s, more than the rest of adding that report's graph.
    The count is kept beside the store (`<store>.compaction`)."""
    if not isinstance(store, EmbeddedStore):
        return False
    tally = store.path.with_name(store.path.name + ".compaction")
    try:
        since = int(tally.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        since = 0
    since += written
    pays = full or since >= max(1, stored) * COMPACT_SHARE
    tally.write_text(f"{0 if pays else since}\n", encoding="utf-8")
    return pays


def _touched_before(store: Store, decided: Plan, stored: dict[str, str]) -> Scope | None:
    """What the replaced reports' stored graphs name, when the summaries can be brought up to date for
    what this build touches: they sum up what the store holds now, and the build writes at most one
    report in INCREMENTAL_SHARE of those stored (more, and working them all out costs less). None for a
    build that works them all out."""
    if len(decided.todo) > len(stored) * INCREMENTAL_SHARE or summarised_checksum(store) != summary_mark(stored):
        return None
    return touched_by(store, decided.replaced)


def _kept_attendance(store: Store) -> ReadAttendance | None:
    """Who attended what, for the pairs: an embedded store's from what its builds kept of each graph
    (graph.network.parts); None for a remote store, whose summaries query it."""
    return kept_attendance(store) if isinstance(store, EmbeddedStore) else None


def _drop_quietly(store: Store, report_id: str) -> None:
    """Drop what a failed write left of a new report's graph, if the store lets it (a full disk may not:
    the graph then lacks its checksum, and the next build writes it again whole)."""
    try:
        store.replace_graphs({report_id: None})
    except (OSError, StoreError):
        pass


def _mend(store: Store) -> None:
    """A build with nothing to add still mends what an earlier one left: summaries missing (a store from
    before them), stale (a build cut off after its last report and before them) or worked out by another
    version (`summary_mark`) are worked out again, and a store from before snapshots gets one for servers
    to answer from."""
    if summarised_checksum(store) != summary_mark(stored_checksums(store)):
        refresh_summaries(store, read_attendance=_kept_attendance(store))
        store.compact()
        _publish(store)
    elif isinstance(store, EmbeddedStore) and current_snapshot(store.path) is None:
        _publish(store)


def _publish(store: Store) -> None:
    """Make the finished build what servers answer from (graph.stores.snapshots), and let go of the network's
    parts of graphs it replaced (a server still on the previous state reads those graphs from its snapshot);
    a remote store serves itself."""
    if isinstance(store, EmbeddedStore):
        publish(store)
        prune_store_cache(store)


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
