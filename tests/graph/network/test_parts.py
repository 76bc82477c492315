"""The network read a report graph at a time, and its cache beside the store, keyed by the graphs' digests."""

from __future__ import annotations

import json

import pytest

from graph.network.analytics import load_network
from graph.network.parts import (
    ATTENDANCE,
    KNOWN,
    PART_QUERIES,
    cache_folder,
    kept_attendance,
    rows_by_graph,
    stored_parts,
)
from graph.pipeline import build, known_entities
from graph.query import internal_query
from graph.stores import EmbeddedStore
from graph.stores.results import ResultSet
from graph.stores.snapshots import current_snapshot
from graph.stores.summaries import attendance
from nlp.reading.report import read_report


class Uncached:
    """A store seen only through its queries, as a remote one is: the network is read from it whole."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store

    def results(self, sparql: str, max_rows: int | None = None) -> ResultSet:
        return self.store.results(sparql, max_rows)


def digests(store: EmbeddedStore) -> dict[str, str]:
    rows = store.results(internal_query("graph-digests").bind()).rows
    return {row["g"]["value"]: row["digest"]["value"] for row in rows if "digest" in row}


def kept_files(digests: dict[str, str]) -> list[str]:
    """The files a build keeps for these graphs: each one's part of the network, its known entities and who
    attended what."""
    return sorted(f"{digest}{suffix}" for digest in digests.values()
                  for suffix in (".json", ".known.json", ".attendance.json"))


def in_order(part: dict[str, list[dict[str, str]]]) -> dict[str, list[list[tuple[str, str]]]]:
    return {name: sorted(sorted(row.items()) for row in rows) for name, rows in part.items()}


@pytest.fixture
def built(tmp_path, sample_paths, models):
    folder = tmp_path / "store"
    build([read_report(p) for p in sample_paths.values()], folder, lambda: models)
    return folder


def test_the_parts_a_build_keeps_are_what_the_store_gives_for_each_graph(built):
    store = EmbeddedStore(built, read_only=True)
    stored = digests(store)
    assert len(stored) == 2  # the two reports' graphs; the ontology's has no digest
    cache = cache_folder(built)
    assert sorted(p.name for p in cache.iterdir()) == kept_files(stored)
    read = rows_by_graph(lambda q: [{k: t["value"] for k, t in row.items()} for row in store.results(q).rows],
                         list(stored))
    for graph, digest in stored.items():
        kept = json.loads((cache / f"{digest}.json").read_text(encoding="utf-8"))
        assert set(kept) == set(PART_QUERIES) and kept["network-events"]
        assert in_order(kept) == in_order(read[graph])
    snapshot = current_snapshot(built)
    assert snapshot is not None and cache_folder(snapshot) == cache  # a served state reads the same parts
    cached = load_network(store)
    assert cached == load_network(Uncached(store)) and len(cached.events) == 109


def test_a_part_missing_or_broken_is_read_from_the_store_and_kept_again(built):
    store = EmbeddedStore(built, read_only=True)
    whole = load_network(Uncached(store))
    first, second = sorted(digests(store).values())
    cache = cache_folder(built)
    (cache / f"{first}.json").unlink()
    (cache / f"{second}.json").write_text('{"network-events": [', encoding="utf-8")
    assert load_network(store) == whole
    for digest in (first, second):
        assert set(json.loads((cache / f"{digest}.json").read_text(encoding="utf-8"))) == set(PART_QUERIES)
    assert load_network(store) == whole


def test_a_report_replaced_leaves_its_old_part_behind(built, tmp_path, sample_paths, models):
    before = digests(EmbeddedStore(built, read_only=True))
    changed = tmp_path / "2024-Q1.txt"
    changed.write_text(sample_paths["2024-Q1"].read_text(encoding="utf-8").replace(
        "Торжественный митинг", "Торжественный митинг памяти"), encoding="utf-8")
    build([read_report(changed), read_report(sample_paths["2025-Q2"])], built, lambda: models)
    store = EmbeddedStore(built, read_only=True)
    after = digests(store)
    replaced = [graph for graph in after if after[graph] != before[graph]]
    assert [graph.rsplit("/", 1)[1] for graph in replaced] == ["2024-Q1"]
    assert sorted(p.name for p in cache_folder(built).iterdir()) == kept_files(after)
    assert known_entities(store) == known_entities(Uncached(store))
    network = load_network(store)
    assert network == load_network(Uncached(store))
    assert any(event.title.startswith("Торжественный митинг памяти") for event in network.events.values())


def test_the_known_entities_read_from_the_kept_parts_are_those_the_store_gives(built):
    store = EmbeddedStore(built, read_only=True)
    kept = known_entities(store)
    assert kept == known_entities(Uncached(store))  # the query over every graph, as for a remote store
    assert {entity.type.name for entity in kept} == {"PER", "ORG"} and len({e.id for e in kept}) > 100
    cache = cache_folder(built)
    read = rows_by_graph(lambda q: [{k: t["value"] for k, t in row.items()} for row in store.results(q).rows],
                         list(digests(store)), KNOWN)
    for graph, digest in digests(store).items():
        part = json.loads((cache / f"{digest}.known.json").read_text(encoding="utf-8"))
        assert in_order(part) == in_order(read[graph]) and part["graph-known-entities"]
    first, second = sorted(digests(store).values())
    (cache / f"{first}.known.json").unlink()
    (cache / f"{second}.known.json").write_text("[", encoding="utf-8")
    assert known_entities(store) == kept  # read from the store, and kept again
    uncached = stored_parts(Uncached(store), kind=KNOWN)  # a remote store's, read from it whole
    assert [in_order(part) for part in uncached] == [in_order(read[graph]) for graph in sorted(read)]
    assert all((cache / f"{digest}.known.json").exists() for digest in (first, second))
    assert known_entities(store) == kept


def test_who_attended_what_read_from_the_kept_parts_is_what_the_store_gives(built):
    store = EmbeddedStore(built, read_only=True)
    kept = kept_attendance(store)
    everyone = attendance(store)  # the query over every graph, as the summaries of a remote store read it
    assert kept(None) == everyone and sum(map(len, everyone.values())) > 300
    sides = {ours for attendees in everyone.values() for ours in attendees.values()}
    assert sides == {True, False}
    some = frozenset(sorted({agent for attendees in everyone.values() for agent in attendees})[::7])
    assert kept(some) == attendance(store, agents=some) and 0 < len(kept(some)) < len(everyone)
    cache = cache_folder(built)
    first, second = sorted(digests(store).values())
    (cache / f"{first}.attendance.json").unlink()
    (cache / f"{second}.attendance.json").write_text('{"attendance-by-graph": 3}', encoding="utf-8")
    assert kept(None) == everyone  # read from the store, and kept again
    assert all(set(json.loads((cache / f"{digest}.attendance.json").read_text(encoding="utf-8")))
               == set(ATTENDANCE.queries) for digest in (first, second))
