"""The graph makers: a report's graph made in a process of their own as soon as it is given, the same bytes as
the build's own process makes, handed back in the build's order."""

from __future__ import annotations

import time

from graph.rdf.maker import GraphMakers
from graph.rdf.version import MadeWith

MADE_WITH = MadeWith("decisions", "code")


def made(makers: GraphMakers, events) -> list[tuple[str, list[bytes], int, list]]:
    """Each graph made: its report, its lines but the time it was made at and the digest of them, its count of
    triples and what it breaks."""
    return [(graph.report_id, [line for line in graph.path.read_bytes().splitlines()
                               if b"generatedAtTime" not in line and b"contentDigest" not in line],
             graph.count, graph.violations) for graph in makers.made(events)]


def test_a_graph_given_is_made_at_once_and_as_this_process_makes_it(tmp_path, sample_reports, sample_events):
    reports, events = sample_reports, sample_events
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    with GraphMakers(reports, tmp_path / "here", MADE_WITH, validate=True, network=None, workers=1) as here:
        expected = made(here, events)
    with GraphMakers(reports, tmp_path / "there", MADE_WITH, validate=True, network=tmp_path / "network",
                     workers=2) as makers:
        makers.give([event for event in events if event.event.report == reports[1].id])
        deadline = time.monotonic() + 120
        while not (tmp_path / "there" / "1.nt").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / "there" / "1.nt").exists()  # the report given: made while nothing asked for it
        assert not (tmp_path / "there" / "0.nt").exists()  # the one not given waits until its graph is asked for
        found = made(makers, events)
    assert [report_id for report_id, *_ in found] == [report.id for report in reports]  # the build's order
    assert found == expected
    assert all(count > 1000 and not violations for _, _, count, violations in found)
    assert any((tmp_path / "network").iterdir())  # the makers kept each graph's parts beside the store
