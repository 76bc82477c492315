"""The graph: SHACL, agreements, event types and directions, provenance, and the store's builds."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.pipeline import _read_changed, build
from graph.rdf.ids import event_iri, graph_iri
from graph.rdf.validate import violations
from graph.rdf.version import MadeWith
from graph.rdf.vocab import OA, SDO, SEM, TIES
from graph.rdf.writer import report_graph
from graph.stores import EmbeddedStore, StoreError, build_lock, stored_checksums
from nlp.pipeline import extract_events
from nlp.reading.report import read_report, report_file
from nlp.records import Report, ReportFile
from tests.graph.conftest import masked_quads

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def reports(sample_paths):
    return {name: read_report(path) for name, path in sample_paths.items()}


@pytest.fixture(scope="module")
def events(reports, models):
    return extract_events(list(reports.values()), models)


@pytest.fixture(scope="module")
def graphs(reports, events):
    return {name: report_graph(report, events) for name, report in reports.items()}


def test_samples_pass_shacl(graphs):
    for graph in graphs.values():
        before = set(graph)
        assert violations(graph) == []
        assert set(graph) == before  # the ontology lent for the check is taken back


def test_a_concept_missing_from_the_ontology_fails_shacl(graphs):
    broken = Graph()
    broken += graphs["2025-Q2"]
    event = event_iri("2025-Q2", 1)
    sphere = broken.value(event, TIES.sphere)
    broken.set((event, TIES.sphere, URIRef(f"{sphere}-unknown")))
    found = violations(broken)
    assert [(v.focus, v.path) for v in found] == [(str(event), str(TIES.sphere))]


def test_a_broken_graph_fails_shacl(graphs):
    broken = graphs["2024-Q1"].__class__()
    broken += graphs["2024-Q1"]
    event = event_iri("2024-Q1", 3)
    broken.remove((event, TIES.inReport, None))
    broken.add((event, TIES.rowNumber, Literal("three")))
    found = violations(broken)
    assert {v.focus for v in found} == {str(event)}
    assert any("inReport" in v.path for v in found) and any("rowNumber" in v.path for v in found)


def test_a_region_named_first_as_where_a_town_lies_is_described_as_in_every_other_graph(graphs):
    """2025-Q2 names Духовщина, in the Смоленская область, before it names the region itself; 2024-Q1 names the
    region first. Each report's graph describes a region its events name alike: its state, coordinates and
    identifiers do not hang on which came first."""
    facts = (TIES.country, SDO.geo, OWL.sameAs, SKOS.notation)

    def regions(graph: Graph) -> dict:
        named = {place for predicate in (SEM.hasPlace, SEM.hasActor) for place in graph.objects(None, predicate)}
        return {region: {(fact, value) for fact in facts for value in graph.objects(region, fact)}
                for region in named & set(graph.subjects(TIES.placeKind, TIES["place-region"]))}
    first, second = regions(graphs["2024-Q1"]), regions(graphs["2025-Q2"])
    shared = first.keys() & second.keys()
    assert shared
    assert {region: second[region] for region in shared} == {region: first[region] for region in shared}


def test_event_type_and_direction_of_every_row(graphs):
    expected = list(csv.DictReader((line for line in (DATA / "event_types.tsv").open(encoding="utf-8")
                                    if not line.startswith("#")), delimiter="\t"))
    assert len(expected) == 81 + 28
    for row in expected:
        graph, event = graphs[row["report"]], event_iri(row["report"], int(row["number"]))
        assert graph.value(event, SEM.eventType) == TIES[f"type-{row['event_type']}"], row
        assert graph.value(event, TIES.direction) == TIES[f"direction-{row['direction']}"], row


AGREEMENTS = [
    ("2024-Q1", 12, "protocol", {"Министерство культуры и туризма Смоленской области",
                                 "Управление спорта и туризма Гродненского областного исполнительного комитета"}),
    ("2025-Q2", 4, "cooperation", {"ООО «Корпорация инвестиционного развития Смоленской области»",
                                   "холдинг «Белорусская кожевенно-обувная компания «Марко»"}),
    ("2025-Q2", 4, "cooperation", {"АНО «ЦПП Смоленской области»", "АНО «Центр поддержки экспорта Смоленской области»",
                                   "ОАО «Могилевское агентство регионального развития»"}),
    ("2025-Q2", 18, "cooperation", {"Министерство культуры и туризма Смоленской области",
                                    "Управление спорта и туризма Витебского областного исполнительного комитета"}),
    ("2025-Q2", 58, "contract", {"Постоянный Комитет Союзного государства", "Правительство Смоленской области"}),
]


@pytest.mark.parametrize(("report", "number", "kind", "parties"), AGREEMENTS)
def test_agreements_and_their_parties(graphs, report, number, kind, parties):
    graph = graphs[report]
    event = event_iri(report, number)
    found = []
    for agreement in set(graph.subjects(TIES.signedAt, event)) | set(graph.subjects(TIES.discussedAt, event)):
        names = {str(graph.value(p, RDFS.label)) for p in graph.objects(agreement, TIES.party)}
        found.append((graph.value(agreement, TIES.agreementKind), names))
    assert (TIES[f"kind-{kind}"], parties) in found


def test_three_way_agreements_are_three(graphs):
    event = event_iri("2025-Q2", 4)
    assert len(set(graphs["2025-Q2"].subjects(TIES.signedAt, event))) == 4


def test_provenance_leads_to_the_mention(graphs, events):
    graph = graphs["2025-Q2"]
    written = {m.text for e in events if e.event.report == "2025-Q2" for entity in e.entities for m in entity.mentions}
    checked = 0
    for participation in list(graph.subjects(TIES.agent, None))[::7]:
        agent = graph.value(participation, TIES.agent)
        span = graph.value(participation, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
        cell_text = str(graph.value(graph.value(span, OA.hasSource), TIES.cellText))
        (selector,) = graph.objects(span, OA.hasSelector)
        assert (selector, RDF.type, OA.TextPositionSelector) in graph
        start, end = int(graph.value(selector, OA.start)), int(graph.value(selector, OA.end))
        assert cell_text[start:end] in written
        assert graph.value(agent, RDFS.label) is not None
        checked += 1
    assert checked > 20


def _load(models):
    return lambda: models


@pytest.mark.slow
def test_rebuild_is_idempotent_and_replaces_only_changed(tmp_path, sample_paths, models):
    store_dir = tmp_path / "store"
    reports = [read_report(p) for p in sample_paths.values()]
    first = build(reports, store_dir, _load(models))
    assert sorted(first.added) == ["2024-Q1", "2025-Q2"]
    before = {r: EmbeddedStore(store_dir).to_rdflib(r) for r in ("2024-Q1", "2025-Q2")}
    again = build(reports, store_dir, _load(models))
    assert sorted(again.skipped) == ["2024-Q1", "2025-Q2"] and not again.added and not again.replaced
    changed_file = tmp_path / "2024-Q1.txt"
    changed_file.write_text(sample_paths["2024-Q1"].read_text(encoding="utf-8").replace(
        "Торжественный митинг", "Торжественный митинг памяти"), encoding="utf-8")
    third = build([read_report(changed_file), read_report(sample_paths["2025-Q2"])], store_dir, _load(models))
    assert third.replaced == ["2024-Q1"] and third.skipped == ["2025-Q2"]
    store = EmbeddedStore(store_dir)
    assert len(store.to_rdflib("2025-Q2") ^ before["2025-Q2"]) == 0
    titles = {str(o) for o in store.to_rdflib("2024-Q1").objects(None, RDFS.label)}
    assert "Торжественный митинг памяти" in titles and "Торжественный митинг" not in titles


@pytest.mark.slow
def test_an_upgrade_makes_every_report_again_once(tmp_path, sample_paths, models, monkeypatch):
    store_dir = tmp_path / "store"
    reports = [read_report(p) for p in sample_paths.values()]
    monkeypatch.setattr("graph.pipeline.code_checksum", lambda: "older code")
    build(reports, store_dir, _load(models))
    monkeypatch.setattr("graph.pipeline.code_checksum", lambda: "newer code")
    upgraded = build(reports, store_dir, _load(models))
    assert sorted(upgraded.replaced) == ["2024-Q1", "2025-Q2"] and not upgraded.skipped
    store = EmbeddedStore(store_dir, read_only=True)
    written = {str(o) for r in ("2024-Q1", "2025-Q2") for o in store.to_rdflib(r).objects(None, TIES.codeChecksum)}
    assert written == {"newer code"}
    del store
    again = build(reports, store_dir, _load(models))
    assert sorted(again.skipped) == ["2024-Q1", "2025-Q2"] and not again.replaced


@pytest.mark.slow
def test_a_build_given_files_reads_only_those_the_store_does_not_hold(tmp_path, sample_paths, models):
    asked: list[str] = []

    def read(files: list[ReportFile]) -> list[Report | None]:
        asked.extend(file.source for file in files)
        return [read_report(file.path) for file in files]
    store_dir = tmp_path / "store"
    build([report_file(p) for p in sample_paths.values()], store_dir, _load(models), read=read)
    assert sorted(asked) == sorted(str(p) for p in sample_paths.values())
    changed = tmp_path / "2024-Q1.txt"
    changed.write_text(sample_paths["2024-Q1"].read_text(encoding="utf-8").replace(
        "Торжественный митинг", "Торжественный митинг памяти"), encoding="utf-8")
    asked.clear()
    again = build([report_file(changed), report_file(sample_paths["2025-Q2"])], store_dir, _load(models), read=read)
    assert asked == [str(changed)]
    assert again.replaced == ["2024-Q1"] and again.skipped == ["2025-Q2"] and not again.added
    other = tmp_path / "copy.txt"  # another file for a period the store holds, unread, refuses that period
    other.write_text(sample_paths["2025-Q2"].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    asked.clear()
    third = build([report_file(sample_paths["2025-Q2"]), report_file(other), report_file(changed)], store_dir,
                  _load(models), read=read)
    assert asked == [str(other)]
    [line] = third.refused
    assert "2025-Q2" in line and str(sample_paths["2025-Q2"]) in line and str(other) in line
    assert third.skipped == ["2024-Q1"] and not third.added and not third.replaced


def test_a_file_is_read_again_when_its_report_was_made_with_other_decisions_or_code(tmp_path, sample_paths):
    file = report_file(sample_paths["2025-Q2"])
    unreadable = report_file(tmp_path / "missing.txt")
    stored = {"2025-Q2": file.checksum}
    now = MadeWith("decisions now", "code now")
    reports, unread = _read_changed([file, unreadable], stored, {"2025-Q2": now}, now, read_report_file)
    assert [r.id for r in reports] == [] and unread == {"2025-Q2": file} and unreadable.checksum == ""
    for before in (MadeWith("decisions before", "code now"), MadeWith("decisions now", "code before"),
                   MadeWith("decisions now", "")):
        reports, unread = _read_changed([file], stored, {"2025-Q2": before}, now, read_report_file)
        assert [r.id for r in reports] == ["2025-Q2"] and unread == {}


def read_report_file(files: list[ReportFile]) -> list[Report | None]:
    return [read_report(file.path) if file.checksum else None for file in files]


def test_second_build_at_once_is_refused(tmp_path):
    with build_lock(tmp_path / "store"):
        assert (tmp_path / "store.lock").exists()
        with pytest.raises(StoreError, match="уже идёт сборка"):
            with build_lock(tmp_path / "store"):
                pass
        assert (tmp_path / "store.lock").exists()  # the refused build leaves the holder's lock alone
    assert not (tmp_path / "store.lock").exists()  # no file left once the build is over
    with build_lock(tmp_path / "store"):
        pass


def test_a_build_locking_a_file_the_build_before_removed_takes_the_file_now_there(tmp_path, monkeypatch):
    """Between opening the lock's file and locking it, the build before may have ended and removed it: a lock on that
    file would let a third build in beside this one, so the build locks the file at the path instead."""
    import fcntl

    from graph.stores import base

    lock, real = tmp_path / "store.lock", fcntl.flock
    removed = []

    def removing_first(handle, operation):
        if not removed and operation & fcntl.LOCK_EX:
            removed.append(os.fstat(handle.fileno()).st_ino)
            lock.unlink()  # as the build before does once it ends
        return real(handle, operation)

    monkeypatch.setattr(base.fcntl, "flock", removing_first)
    with build_lock(tmp_path / "store"):
        assert removed and lock.exists()
        monkeypatch.setattr(base.fcntl, "flock", real)
        with pytest.raises(StoreError, match="уже идёт сборка"):  # the file at the path is the one held
            with build_lock(tmp_path / "store"):
                pass
    assert not lock.exists()


@pytest.mark.slow
def test_two_builds_at_once_the_second_refused_the_first_completes(tmp_path, sample_paths):
    env = {**os.environ, "TIES_STORE": str(tmp_path / "store")}
    ties = [sys.executable, "-m", "graph.cli", "build"]
    first = subprocess.Popen([*ties, str(sample_paths["2025-Q2"])], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    assert first.stderr is not None
    label = "сборка".encode()
    assert first.stderr.read(len(label)) == label  # the first holds the lock
    second = subprocess.run([*ties, str(sample_paths["2024-Q1"])], env=env, capture_output=True, text=True)
    assert second.returncode == 1
    assert second.stderr.strip().splitlines()[-1] == \
        f"ошибка: {tmp_path / 'store'}: в это хранилище уже идёт сборка; дождитесь её конца"
    first.stderr.read()
    assert first.wait(300) == 0
    assert set(stored_checksums(EmbeddedStore(tmp_path / "store", read_only=True))) == {"2025-Q2"}


@pytest.mark.slow
def test_two_files_for_one_period_refuse_that_period_and_build_the_rest(tmp_path, sample_paths, models):
    other = tmp_path / "copy.txt"
    other.write_text(sample_paths["2024-Q1"].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    reports = [read_report(sample_paths["2024-Q1"]), read_report(other), read_report(sample_paths["2025-Q2"]),
               read_report(sample_paths["2025-Q2"])]  # the same file twice is one report
    result = build(reports, tmp_path / "s", _load(models))
    assert result.added == ["2025-Q2"]
    [line] = result.refused
    assert "\n" not in line and "2024-Q1" in line
    assert str(sample_paths["2024-Q1"]) in line and str(other) in line
    assert set(stored_checksums(EmbeddedStore(tmp_path / "s", read_only=True))) == {"2025-Q2"}


@pytest.mark.slow
def test_killed_build_leaves_the_store_as_it_was(tmp_path, sample_paths):
    store_dir = tmp_path / "store"
    env = {**os.environ, "TIES_STORE": str(store_dir)}
    ties = [sys.executable, "-m", "graph.cli"]
    subprocess.run([*ties, "build", str(sample_paths["2024-Q1"])], env=env, check=True, capture_output=True)
    before = EmbeddedStore(store_dir, read_only=True).quad_count()
    process = subprocess.Popen([*ties, "build", str(sample_paths["2025-Q2"])], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    label = "сборка".encode()
    started = process.stderr.read(len(label))  # the progress label: the build is under way
    assert started == label
    time.sleep(1.5)  # mid-way through extraction; nothing committed yet
    process.send_signal(signal.SIGKILL)
    process.wait()
    store = EmbeddedStore(store_dir, read_only=True)
    assert store.quad_count() == before
    assert set(stored_checksums(store)) == {"2024-Q1"}


class _CrashOnTheGraphOf:
    """An Oxigraph store whose bulk loader is cut off (the power) on the file that holds a report's graph."""

    def __init__(self, inner, graph: str) -> None:
        self.inner, self.graph = inner, graph

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def bulk_load(self, *args, path, **kwargs):
        if f"<{self.graph}>".encode() in Path(path).read_bytes():
            raise RuntimeError("power cut")
        self.inner.bulk_load(*args, path=path, **kwargs)


@pytest.mark.slow
def test_a_crash_between_writes_leaves_every_report_whole(tmp_path, sample_paths, models, monkeypatch):
    import graph.pipeline

    reports = [read_report(p) for p in sample_paths.values()]
    clean = tmp_path / "clean"
    build(reports, clean, _load(models))
    whole = {r.id: len(EmbeddedStore(clean).to_rdflib(r.id)) for r in reports}
    events = {r.id: set(EmbeddedStore(clean).to_rdflib(r.id).subjects(RDF.type, SEM.Event)) for r in reports}
    monkeypatch.setattr(graph.pipeline, "BULK_TRIPLES", 1)  # a call of the bulk loader per graph, side by side
    real_init = EmbeddedStore.__init__

    def crash_on_the_second(self, path, read_only=False):
        real_init(self, path, read_only)
        if not read_only:
            self.store = _CrashOnTheGraphOf(self.store, graph_iri(reports[1].id))
    monkeypatch.setattr(EmbeddedStore, "__init__", crash_on_the_second)
    store_dir = tmp_path / "store"
    with pytest.raises(RuntimeError, match="power cut"):
        build(reports, store_dir, _load(models))
    monkeypatch.setattr(EmbeddedStore, "__init__", real_init)
    store = EmbeddedStore(store_dir, read_only=True)
    assert set(stored_checksums(store)) == {reports[0].id}  # the one written is whole, the other absent
    assert len(store.to_rdflib(reports[0].id)) == whole[reports[0].id]
    assert len(store.to_rdflib(reports[1].id)) == 0
    del store
    again = build(reports, store_dir, _load(models))  # the next build completes the store
    assert again.added == [reports[1].id] and again.skipped == [reports[0].id]
    repaired = EmbeddedStore(store_dir)
    assert len(repaired.to_rdflib(reports[0].id)) == whole[reports[0].id]
    # the second report is now built incrementally (its entities' labels may differ), with every event
    assert set(repaired.to_rdflib(reports[1].id).subjects(RDF.type, SEM.Event)) == events[reports[1].id]


@pytest.mark.slow
def test_graphs_bulk_loaded_in_one_call_equal_graphs_loaded_apart(tmp_path, sample_paths, models, monkeypatch):
    import graph.pipeline

    reports = [read_report(p) for p in sample_paths.values()]
    calls: list[tuple[int, bool]] = []
    real = EmbeddedStore.bulk_load

    def counted(self, files, checked=False):
        calls.append((len(files.calls), checked))
        real(self, files, checked=checked)
    monkeypatch.setattr(EmbeddedStore, "bulk_load", counted)
    build(reports, tmp_path / "together", _load(models))
    # both new graphs in one call, parsed strictly by the validator before
    assert calls == [(1, True)]
    monkeypatch.setattr(graph.pipeline, "BULK_TRIPLES", 1)
    build(reports, tmp_path / "apart", _load(models))
    assert calls[1:] == [(2, True)]  # a call each, side by side
    together, apart = masked_quads(tmp_path / "together"), masked_quads(tmp_path / "apart")
    assert len(together) > 20_000 and together == apart
    assert set(stored_checksums(EmbeddedStore(tmp_path / "together"))) == {r.id for r in reports}


@pytest.mark.slow
def test_a_build_in_a_process_per_core_writes_what_one_process_writes(tmp_path, sample_paths, models, monkeypatch):
    """Extraction in two processes, and each report's graph given to the graph makers as resolution has it."""
    import nlp.pipeline
    from graph.rdf.maker import GraphMakers

    reports = [read_report(p) for p in sample_paths.values()]
    build(reports, tmp_path / "one", _load(models))
    given: list[set[str]] = []
    real = GraphMakers.give

    def give(self, events):
        given.append({extracted.event.report for extracted in events})
        real(self, events)
    monkeypatch.setattr(GraphMakers, "give", give)
    monkeypatch.setattr(nlp.pipeline, "PARALLEL_FROM", 0)
    monkeypatch.setattr(nlp.pipeline.os, "cpu_count", lambda: 2)
    build(reports, tmp_path / "two", _load(models))
    assert given == [{report.id} for report in reports]
    one, two = masked_quads(tmp_path / "one"), masked_quads(tmp_path / "two")
    assert len(one) > 20_000 and one == two


class _CutAfterTheBulkLoad:
    """An Oxigraph store whose transactional load is cut off (the power) after the bulk loader has written."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def load(self, *args, **kwargs):
        raise RuntimeError("power cut")


@pytest.mark.slow
def test_a_new_graph_cut_off_before_its_checksum_is_written_again_whole(tmp_path, sample_paths, models, monkeypatch):
    reports = [read_report(sample_paths["2024-Q1"])]
    clean = tmp_path / "clean"
    build(reports, clean, _load(models))
    whole = len(EmbeddedStore(clean).to_rdflib("2024-Q1"))
    real_init = EmbeddedStore.__init__

    def cut(self, path, read_only=False):
        real_init(self, path, read_only)
        if not read_only:
            self.store = _CutAfterTheBulkLoad(self.store)
    monkeypatch.setattr(EmbeddedStore, "__init__", cut)
    store_dir = tmp_path / "store"
    with pytest.raises(RuntimeError, match="power cut"):
        build(reports, store_dir, _load(models))
    monkeypatch.setattr(EmbeddedStore, "__init__", real_init)
    store = EmbeddedStore(store_dir)
    assert 0 < len(store.to_rdflib("2024-Q1")) < whole and stored_checksums(store) == {}  # not taken as stored
    del store
    again = build(reports, store_dir, _load(models))
    assert again.added == ["2024-Q1"]
    assert len(EmbeddedStore(store_dir).to_rdflib("2024-Q1")) == whole


def test_the_store_is_compacted_once_enough_reports_were_written_since(tmp_path, monkeypatch):
    import graph.pipeline

    store = EmbeddedStore(tmp_path / "store")  # holding four reports, say
    monkeypatch.setattr(graph.pipeline, "COMPACT_SHARE", 0.5)  # two reports of the four
    pays = graph.pipeline._compaction_pays
    assert [pays(store, 1, 4, full=False), pays(store, 1, 4, full=False), pays(store, 1, 4, full=False)] \
        == [False, True, False]
    assert pays(store, 0, 4, full=True)  # a build that worked out every summary
    assert not pays(store, 1, 4, full=False)  # counted afresh from there
    assert (tmp_path / "store.compaction").read_text().strip() == "1"


def test_a_first_build_merges_the_store_before_its_summaries_a_later_one_after(tmp_path, sample_paths, models,
                                                                              monkeypatch):
    # the first build's summaries read the bulk-loaded graphs from merged files and replace nothing; a later
    # build that works every summary out again replaces them, and merges after
    import graph.pipeline

    calls: list[str] = []
    real_compact, real_refresh = EmbeddedStore.compact, graph.pipeline.refresh_summaries

    def compact(self):
        calls.append("compact")
        real_compact(self)

    def refresh(*args, **kwargs):
        calls.append("summaries")
        real_refresh(*args, **kwargs)
    monkeypatch.setattr(EmbeddedStore, "compact", compact)
    monkeypatch.setattr(graph.pipeline, "refresh_summaries", refresh)
    first, second = (read_report(path) for path in sample_paths.values())
    result = build([first], tmp_path / "store", _load(models))
    assert calls == ["compact", "summaries"] and list(result.seconds)[:3] == ["models", "extraction",
                                                                               "graphs and writing"]
    assert list(result.seconds)[3:5] == ["compaction", "summaries"]
    calls.clear()
    result = build([second], tmp_path / "store", _load(models))  # one more report of one: every summary again
    assert calls == ["summaries", "compact"] and list(result.seconds)[3:5] == ["summaries", "compaction"]
    assert set(stored_checksums(EmbeddedStore(tmp_path / "store"))) == {first.id, second.id}
