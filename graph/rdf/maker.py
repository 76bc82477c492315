"""One report's graph made in a graph-making process (`graph.pipeline` runs one per core): its N-Triples
written, checked against the shapes, and its parts of the network kept.

Apart from `graph.pipeline` so that these processes import no extraction (spaCy and natasha, ~1.7 s
each at the start of a build's graphs step): they import this module and the records they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.network.parts import KINDS, keep_part, part_of
from graph.rdf.validate import Violation, validator
from graph.rdf.version import MadeWith
from graph.rdf.writer import ntriples, report_triples, with_digest
from nlp.records import ExtractedEvent, Report


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
        return self.validate or self.network is not None


@dataclass(frozen=True, slots=True)
class MadeGraph:
    """A report's graph made: its N-Triples in `path` (`count` triples) and the SHACL constraints it breaks."""

    report_id: str
    path: Path
    count: int
    violations: list[Violation]


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
