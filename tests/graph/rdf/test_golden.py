"""Golden outputs of the samples: the graph of one report, the store's quads and every library query's rows.

Any change to what the build writes shows here as a diff against `tests/data/golden/`. When a change is
meant, regenerate with `TIES_UPDATE_GOLDEN=1 pytest tests/graph/rdf/test_golden.py tests/nlp/test_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.query import library
from graph.rdf.writer import report_graph
from nlp.pipeline import extract_events
from nlp.reading.report import read_report

GOLDEN = Path(__file__).resolve().parents[2] / "data" / "golden"
UPDATE = os.environ.get("TIES_UPDATE_GOLDEN") == "1"
GENERATED_AT = datetime(2025, 7, 1, tzinfo=UTC)
# the values of a store that depend on when and by what it was built: the time, the checksum of the code (any
# change to it changes that), and each report graph's digest (of the graph with those in it)
_BUILT_AT = re.compile(r'(prov#generatedAtTime> |ontology#codeChecksum> |ontology#contentDigest> )"[^"]*"')


def _compare_text(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        changed = [(n, a, e) for n, (a, e) in enumerate(zip(actual.splitlines(), expected.splitlines(),
                                                             strict=False), 1) if a != e]
        first = changed[0] if changed else (None, "(lengths differ)", "")
        pytest.fail(f"{name} differs from the golden file ({len(actual.splitlines())} lines now, "
                    f"{len(expected.splitlines())} before); first at line {first[0]}:\n  now:    {first[1][:300]}\n"
                    f"  golden: {first[2][:300]}")


def test_one_report_graph_is_the_golden_graph(sample_paths, models):
    """2024-Q1's named graph, made again, is isomorphic to the golden Turtle; a difference is listed."""
    report = read_report(sample_paths["2024-Q1"])
    graph = report_graph(report, extract_events([report], models, workers=1), generated_at=GENERATED_AT)
    path = GOLDEN / "2024-Q1.ttl"
    if UPDATE:
        # rdflib writes subjects in sorted order: a regenerated file differs from the last where the graph does
        path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    golden = Graph().parse(path, format="turtle")
    if not isomorphic(graph, golden):
        _, only_now, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        now = sorted(only_now.serialize(format="nt").splitlines())[:10]
        before = sorted(only_golden.serialize(format="nt").splitlines())[:10]
        pytest.fail(f"{len(only_now)} triples only now, {len(only_golden)} only in the golden graph:\n"
                    + "\n".join(["now:"] + now + ["golden:"] + before))
    assert len(graph) > 1000


def test_the_store_holds_the_golden_quads(embedded, tmp_path):
    """Every quad of the sample store (ontology, reports, summaries), sorted, hashed against the golden
    digest; the time of the build (and the digests of the graphs that hold it) masked."""
    dump = tmp_path / "store.nq"
    embedded.dump(dump, ox.RdfFormat.N_QUADS)
    lines = sorted(_BUILT_AT.sub(r'\1"…"', line) for line in dump.read_text(encoding="utf-8").splitlines() if line)
    assert not any(line.startswith("_:") or " _:" in line for line in lines), "blank nodes make the digest unstable"
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    counts: dict[str, int] = {}
    for line in lines:
        graph = line.rsplit(" ", 2)[-2]
        counts[graph] = counts.get(graph, 0) + 1
    _compare_text("store.json", json.dumps({"quads": len(lines), "by_graph": dict(sorted(counts.items())),
                                            "sha256": digest}, ensure_ascii=False, indent=1) + "\n")


@pytest.mark.parametrize("name", sorted(library()))
def test_library_query_rows_are_the_golden_rows(embedded, name):
    """Each library query, with its defaults, gives the same rows as before, in the same order."""
    table = embedded.select(library()[name].bind())
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    assert table.columns
    _compare_text(f"queries/{name}.json", json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
