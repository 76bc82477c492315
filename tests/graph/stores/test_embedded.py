"""The embedded store's writes: graphs bulk-loaded hold what a transaction writes, whatever the text's layout."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.rdf.vocab import TIES
from graph.stores import BulkFiles, EmbeddedStore, stored_checksums

REPORT = "https://w3id.org/smolensk-ties/id/report/"


def _graph(period: str, ending: str) -> bytes:
    """A small report graph as N-Triples, its lines ended by `ending`, with a literal that holds " .\\n"
    escaped (as N-Triples writes a line break) and its checksum among the lines."""
    lines = [f'<{REPORT}{period}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{TIES.Report}>',
             f'<{REPORT}{period}> <{TIES.period}> "{period}"',
             f'<{REPORT}{period}> <{TIES.checksum}> "sum-{period}"',
             f'<{REPORT}{period}> <http://www.w3.org/2000/01/rdf-schema#label> "отчет .\\\\n за {period} ."@ru']
    return "".join(line + ending for line in lines).encode("utf-8")


@pytest.mark.parametrize("per_call", [1, 100])  # a call each, side by side; one call for both
@pytest.mark.parametrize("checked", [False, True])
@pytest.mark.parametrize("ending", [" .\n", ".\n", " . \n", "  .\r\n"])
def test_graphs_bulk_loaded_hold_what_transactions_write(tmp_path, ending, checked, per_call):
    graphs = {"2024-Q1": _graph("2024-Q1", ending), "2024-Q2": _graph("2024-Q2", ending).rstrip(b"\n")}
    bulk, one_by_one = EmbeddedStore(tmp_path / "bulk"), EmbeddedStore(tmp_path / "transactions")
    files = BulkFiles(tmp_path, per_call)
    for report_id, triples in graphs.items():
        files.add(report_id, triples, 4)
    assert len(files.calls) == (2 if per_call == 1 else 1)
    bulk.bulk_load(files, checked=checked)
    for report_id, triples in graphs.items():
        one_by_one.replace_graphs({report_id: triples}, checked=checked)
    written = {str(quad) for quad in one_by_one.store.quads_for_pattern(None, None, None)}
    assert len(written) == 8 and {str(quad) for quad in bulk.store.quads_for_pattern(None, None, None)} == written
    assert stored_checksums(bulk) == {"2024-Q1": "sum-2024-Q1", "2024-Q2": "sum-2024-Q2"}


@pytest.mark.parametrize("bulk", [False, True])
def test_a_graph_not_checked_before_is_parsed_strictly(tmp_path, bulk):
    # only a build whose validator parsed the text strictly says `checked`; any other text is checked here
    store = EmbeddedStore(tmp_path / "store")
    broken = _graph("2024-Q1", " .\n") + f"<{REPORT}2024 Q1> <{TIES.period}> \"2024-Q1\" .\n".encode()
    files = BulkFiles(tmp_path, 100)
    files.add("2024-Q1", broken, 5)
    with pytest.raises(SyntaxError):
        if bulk:
            store.bulk_load(files)
        else:
            store.replace_graphs({"2024-Q1": broken})
    assert stored_checksums(store) == {}


def test_a_graph_bulk_loaded_over_what_a_cut_off_build_left_holds_only_what_is_loaded(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    left = f'<{REPORT}2024-Q1> <{TIES.period}> "2023-Q4" .\n'.encode()  # of the text before, no checksum
    store.replace_graphs({"2024-Q1": left})
    files = BulkFiles(tmp_path, 100)
    files.add("2024-Q1", _graph("2024-Q1", " .\n"), 4)
    store.bulk_load(files, checked=True)
    periods = {str(quad.object.value) for quad in store.store.quads_for_pattern(None, ox.NamedNode(str(TIES.period)),
                                                                                None)}
    assert periods == {"2024-Q1"} and len(store.store) == 4
    assert stored_checksums(store) == {"2024-Q1": "sum-2024-Q1"}
