"""One report's graph made in a graph-making process (`GraphMakers` runs one per core): its N-Triples
written, checked against the shapes, and its parts of the network kept.

Apart from `graph.pipeline` so that these processes import no extraction (spaCy and natasha, ~1.7 s
each at the start of a build's graphs step): they import this module and the records they are given.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from graph.network.parts import KINDS, keep_part, part_of
from graph.rdf.validate import Violation, validator
from graph.rdf.version import MadeWith
from graph.rdf.writer import ntriples, report_triples, with_digest
from nlp.records import ExtractedEvent, Report

# The graph makers' priority below the build's process (os.nice): given each report as it is resolved, they make
# graphs while the build's process resolves the next, on the core resolution leaves idle. At the same priority they
# took half of resolution's core: at 100× the samples, resolution 6.0 s against 2.8–3.0 s alone; at this one
# 3.6–4.4 s.
MAKER_NICENESS = 10


@dataclass(frozen=True, slots=True)
class GraphJob:
    """One report's graph to make, check (`validate`) and write as N-Triples to `path`."""

    report: Report
    events: tuple[ExtractedEvent, ...]
    made_with: MadeWith  # worked out by the build's process
    path: Path
    validate: bool
    network: Path | None  # where to keep its part of the network (the cache beside an embedded store)

    @property
    def parsed_strictly(self) -> bool:
        """Whether `make_graph` loads the graph into the validator's store (to check it or read its parts),
        which parses it strictly: the store's loader need not check it again."""
        return parses_strictly(self.validate, self.network)


@dataclass(frozen=True, slots=True)
class MadeGraph:
    """A report's graph made: its N-Triples in `path` (`count` triples) and the SHACL constraints it breaks."""

    report_id: str
    path: Path
    count: int
    violations: list[Violation]


def parses_strictly(validate: bool, network: Path | None) -> bool:
    """Whether a graph made to be checked (`validate`) or to have its parts kept (in `network`) is parsed strictly."""
    return validate or network is not None


def make_graph(job: GraphJob) -> MadeGraph:
    """The report's graph as N-Triples in `job.path`, checked, and its parts (of the network, its known
    entities, who attended what) read from it and kept (by its digest: unused, never wrong, if the graph is
    not written; kept here, not by the process that writes the graphs, whose work bounds the step)."""
    triples = report_triples(job.report, job.events, made_with=job.made_with)
    text, digest = with_digest(job.report.id, ntriples(triples))
    job.path.write_bytes(text)
    if not job.parsed_strictly:
        return MadeGraph(job.report.id, job.path, len(triples), [])
    checker = validator()
    with checker.holding(text) as graph:  # loaded once for both
        found = checker.check() if job.validate else []
        if job.network is not None:
            for kind in KINDS:
                keep_part(job.network, digest, part_of(checker.store, graph, kind), kind)
    return MadeGraph(job.report.id, job.path, len(triples), found)


class GraphMakers:
    """The processes a build makes its report graphs in (`make_graph`), one per core, started when the first
    report is resolved.

    `give` (the `resolved` hook of `nlp.extract_events`) hands each report's events to them as soon as resolution
    has them, so the graphs are made while the next reports are resolved, not once all are; `made` yields every
    report's graph in the build's order, giving the makers what they were not given. With one worker (a small
    build) no process is started: `made` makes each graph in this one.
    """

    def __init__(self, todo: Sequence[Report], spool: Path, made_with: MadeWith, *, validate: bool,
                 network: Path | None, workers: int) -> None:
        self.spool = spool
        self.made_with = made_with
        self.validate = validate
        self.network = network
        self._reports = {report.id: (number, report) for number, report in enumerate(todo)}
        self._given: dict[str, Future[MadeGraph]] = {}
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None  # started by the first report given, not to wait through
        # the extraction beside its workers

    @property
    def parsed_strictly(self) -> bool:
        """Whether every graph is parsed strictly by its maker (`GraphJob.parsed_strictly`)."""
        return parses_strictly(self.validate, self.network)

    def give(self, events: Sequence[ExtractedEvent]) -> None:
        """One report's events, resolved: its graph is made in a maker process from now (none with one worker)."""
        if events:
            self._give(events[0].event.report, events)

    def made(self, events: Sequence[ExtractedEvent]) -> Iterator[MadeGraph]:
        """Every report's graph, in the build's order (`events`: of every report, for those not given)."""
        by_report: dict[str, list[ExtractedEvent]] = {}
        for event in events:
            by_report.setdefault(event.event.report, []).append(event)
        if self._workers <= 1:
            for report_id in self._reports:
                yield make_graph(self._job(report_id, by_report.get(report_id, [])))
            return
        for report_id in self._reports:
            if report_id not in self._given:
                self._give(report_id, by_report.get(report_id, []))
        for report_id in self._reports:
            yield self._given.pop(report_id).result()
        self.close()  # what the makers hold is let go before the build's next steps (its peak)

    def close(self) -> None:
        """Stop the maker processes; graphs given and not made yet are not made (a build that failed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _give(self, report_id: str, events: Sequence[ExtractedEvent]) -> None:
        if self._workers <= 1:
            return
        if self._pool is None:
            spawn = multiprocessing.get_context("spawn")  # not forked: the store's threads stay in this process
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=spawn,
                                             initializer=_lower_priority)
            for _ in range(self._workers - 1):  # every process started now (the pool starts one a task): each
                self._pool.submit(_ready)  # imports the writer and the validator while the next are resolved
        self._given[report_id] = self._pool.submit(make_graph, self._job(report_id, events))

    def _job(self, report_id: str, events: Sequence[ExtractedEvent]) -> GraphJob:
        number, report = self._reports[report_id]
        return GraphJob(report, tuple(events), self.made_with, self.spool / f"{number}.nt", self.validate,
                        self.network)

    def __enter__(self) -> GraphMakers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _lower_priority() -> None:
    os.nice(MAKER_NICENESS)


def _ready() -> None:
    """Nothing: a task that starts a maker process."""
