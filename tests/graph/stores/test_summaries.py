"""The summaries every build works out (ontology/summaries*.ru) agree with the report graphs they sum up."""

from __future__ import annotations

import shutil
from collections import defaultdict
from dataclasses import replace
from itertools import combinations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SDO, SKOS

from graph.pipeline import build
from graph.query import library
from graph.rdf.ids import graph_iri
from graph.rdf.vocab import TIES
from graph.russian import alphabetical
from graph.stores import EmbeddedStore, stored_checksums
from graph.stores.summaries import SUMMARY_GRAPH, number_names, refresh_summaries, statements, summarised_checksum
from graph.stores.summaries import summary as store_summary  # the name `_summary` reads the graph here
from nlp.reading.report import read_report
from ontology import SUMMARIES
from tests.graph.conftest import masked_quads


def _participants(graph) -> dict:
    """Event -> its agents, read from the report triples themselves."""
    agents = defaultdict(set)
    for event, participation in graph.subject_objects(TIES.participation):
        agents[event] |= set(graph.objects(participation, TIES.agent))
    return agents


def _summary(store: EmbeddedStore):
    return store.to_rdflib(SUMMARY_GRAPH)


def _summary_rows(store: EmbeddedStore) -> set:
    """The summary graph's triples, each ties:nameOrder number as its place among them: only their order
    means anything, and a build that adds names keeps the numbers of those it had."""
    triples = set(_summary(store))
    place = {number: index for index, number in
             enumerate(sorted({o.toPython() for _, p, o in triples if p == TIES.nameOrder}))}
    return {(s, p, Literal(place[o.toPython()]) if p == TIES.nameOrder else o) for s, p, o in triples}


def _name_orders(store: EmbeddedStore) -> dict[str, tuple[str, int]]:
    """Each named subject of the summaries: its name and the number of its place in their order."""
    summary = _summary(store)
    return {str(subject): (str(name), summary.value(subject, TIES.nameOrder).toPython())
            for predicate in (TIES.preferredName, TIES.partnerName)
            for subject, name in summary.subject_objects(predicate)}


def _rows(store: EmbeddedStore, name: str) -> list[tuple]:
    """A library query's rows, with its defaults."""
    return list(store.select(library()[name].bind()).rows)


def test_every_pair_that_met_twice_is_counted_as_the_reports_say(embedded):
    reports = embedded.to_rdflib()
    kinds = {FOAF.Person, ORG.Organization}
    ours = {s for s in reports.subjects(TIES.smolensk, Literal(True))}
    expected: dict[tuple, int] = defaultdict(int)
    for agents in _participants(reports).values():
        named = sorted((a for a in agents if set(reports.objects(a, RDF.type)) & kinds
                        and (a, RDFS.label, None) in reports), key=str)
        for a, b in combinations(named, 2):
            if not (a in ours and b in ours):
                expected[(a, b)] += 1
    summary = _summary(embedded)
    found = {(summary.value(pair, TIES.attendeeA), summary.value(pair, TIES.attendeeB)):
             summary.value(pair, TIES.sharedEvents).toPython() for pair in summary.subjects(TIES.attendeeA, None)}
    repeated = {pair: count for pair, count in expected.items() if count > 1}
    assert len(expected) > 500 and len(repeated) > 50 and found == repeated


def test_every_profile_counts_its_partners_events(embedded):
    reports = embedded.to_rdflib()
    events = defaultdict(set)
    for event, agents in _participants(reports).items():
        for agent in agents:
            events[agent].add(event)
    summary = _summary(embedded)
    profiles = list(summary.subjects(RDF.type, TIES.PartnerProfile))
    assert len(profiles) > 100
    for profile in profiles:
        partner = summary.value(profile, TIES.profileOf)
        assert summary.value(profile, TIES.eventCount).toPython() == len(events[partner]), partner
        assert (partner, TIES.smolensk, Literal(False)) in reports
        assert str(summary.value(profile, TIES.countryCode)) != "RU"


def test_the_top_partners_are_the_profiles_with_most_events_states_left_out(embedded):
    summary = _summary(embedded)
    states = set(embedded.to_rdflib().subjects(RDF.type, SDO.Country))
    profiles = [(summary.value(profile, TIES.profileOf), str(summary.value(profile, TIES.partnerName)),
                 summary.value(profile, TIES.eventCount).toPython(), summary.value(profile, TIES.nameOrder).toPython())
                for profile in summary.subjects(RDF.type, TIES.PartnerProfile)]
    ranked = sorted((p for p in profiles if p[0] not in states), key=lambda p: (-p[2], p[3]))
    assert len(ranked) > 10 and len(ranked) < len(profiles)  # states among the profiles, left out
    assert store_summary(embedded, top=10)["top_partners"] == [(name, events) for _, name, events, _ in ranked[:10]]


@pytest.mark.slow
def test_summaries_brought_up_to_date_for_what_a_build_touches_equal_summaries_worked_out_afresh(
        tmp_path, sample_paths, models, monkeypatch):
    """A build of a few reports works out again only the summary rows about what they name (added, or
    replaced with rows gone); what it leaves equals the summaries worked out afresh from every graph."""
    import graph.pipeline

    monkeypatch.setattr(graph.pipeline, "INCREMENTAL_SHARE", 1.0)  # one report among one counts as few
    scopes = []
    real = graph.pipeline.refresh_summaries

    def spy(store, scope=None, added=(), read_attendance=None):
        scopes.append(scope)
        additions.append(tuple(added))
        real(store, scope, added, read_attendance)
    additions: list[tuple[str, ...]] = []
    monkeypatch.setattr(graph.pipeline, "refresh_summaries", spy)
    recounted = _spy_on_added_profiles(monkeypatch)
    first, second = read_report(sample_paths["2024-Q1"]), read_report(sample_paths["2025-Q2"])
    folder = tmp_path / "store"
    build([first], folder, lambda: models)
    store = EmbeddedStore(folder)
    before, orders_before = set(_summary(store)), _name_orders(store)
    period = library()["new-partners"].bind({"period": "2025-Q2"})
    assert before and not store.select(period).rows
    del store
    build([first, second], folder, lambda: models)
    # added only: the counterparts of partners profiled before are those stored joined with the new graph's,
    # and so are their profiles and the preferred names (a later quarter: none worked out over every graph)
    assert additions[1] == ("2025-Q2",)
    assert recounted == [frozenset()]
    store = EmbeddedStore(folder)
    added = set(_summary(store))
    grown = {s for s, p, o in added - before if p == TIES.counterpartsText} & \
        {s for s, p, o in before if p == TIES.counterpartsText}
    assert len(grown) > 5  # partners met again, by more officials
    # the names numbered before keep their numbers where they are the same names; only the others are written
    orders = _name_orders(store)
    kept = {subject for subject, numbered in orders_before.items() if orders.get(subject) == numbered}
    assert len(orders) > len(orders_before) and len(kept) > 100
    assert kept == {subject for subject, (name, _) in orders_before.items() if orders.get(subject, ("",))[0] == name}
    added = _summary_rows(store)
    refresh_summaries(store)
    assert _summary_rows(store) == added
    del store
    # a shorter 2024-Q1: its last rows' partners lose events, some of them every one
    shorter = replace(first, events=first.events[:-12], checksum="shorter")
    build([shorter, second], folder, lambda: models)
    assert scopes[0] is None and scopes[1].periods == {"2025-Q2"} and scopes[2].periods == {"2024-Q1"}
    assert len(scopes[2].entities) > 50
    store = EmbeddedStore(folder)
    after = _summary_rows(store)
    assert store.select(period).rows and set(_summary(store)) != before
    refresh_summaries(store)  # afresh from the two report graphs: nothing stale, nothing twice, nothing missing
    assert _summary_rows(store) == after


def _spy_on_added_profiles(monkeypatch) -> list[frozenset[str]]:
    """The partners whose profiles each build that adds reports works out over every graph (not joined)."""
    import graph.stores.summaries

    recounted: list[frozenset[str]] = []
    real = graph.stores.summaries._added_profiles

    def spy(*args):
        lines, recount = real(*args)
        recounted.append(recount)
        return lines, recount
    monkeypatch.setattr(graph.stores.summaries, "_added_profiles", spy)
    return recounted


@pytest.mark.slow
def test_a_report_of_an_earlier_quarter_added_leaves_the_summaries_worked_out_afresh(
        tmp_path, sample_paths, models, monkeypatch):
    """Added after a later one, a report's partners profiled already are profiled again over every graph:
    their spheres are listed as they first appear, which the stored profile does not tell. The others are
    joined; what the build leaves equals the summaries worked out afresh."""
    import graph.pipeline

    monkeypatch.setattr(graph.pipeline, "INCREMENTAL_SHARE", 1.0)
    recounted = _spy_on_added_profiles(monkeypatch)
    first, second = read_report(sample_paths["2024-Q1"]), read_report(sample_paths["2025-Q2"])
    folder = tmp_path / "store"
    build([second], folder, lambda: models)
    build([second, first], folder, lambda: models)
    store = EmbeddedStore(folder)
    profiled = {str(p) for p in _summary(store).objects(None, TIES.profileOf)}
    assert len(recounted) == 1 and 5 < len(recounted[0]) < len(profiled) / 2
    added = _summary_rows(store)
    refresh_summaries(store)
    assert _summary_rows(store) == added


@pytest.mark.slow
def test_missing_or_stale_summaries_are_mended_by_a_build_that_adds_nothing(tmp_path, sample_paths, models):
    folder = tmp_path / "store"
    reports = [read_report(p) for p in sample_paths.values()]
    build(reports, folder, lambda: models)
    store = EmbeddedStore(folder)
    expected = set(_summary(store))
    store.update(f"DROP GRAPH <{graph_iri(SUMMARY_GRAPH)}>")  # a store from before the summaries
    del store
    assert sorted(build(reports, folder, lambda: models).skipped) == ["2024-Q1", "2025-Q2"]
    store = EmbeddedStore(folder)
    assert set(_summary(store)) == expected
    # a build cut off after writing a report and before the summaries: they still count the old one
    store.replace_graphs({"2024-Q1": None})
    del store
    later = [r for r in reports if r.id == "2025-Q2"]
    assert build(later, folder, lambda: models).skipped == ["2025-Q2"]
    store = EmbeddedStore(folder)
    now = set(_summary(store))
    assert not set(_summary(store).subjects(TIES.inPeriod, Literal("2024-Q1")))
    refresh_summaries(store)
    assert now == set(_summary(store)) and len(now) < len(expected)


@pytest.mark.slow
def test_summaries_another_version_worked_out_are_worked_out_again(tmp_path, sample_paths, models, monkeypatch):
    """A store whose summaries an earlier version worked out (here: without the concepts' label order) gets
    them worked out again by its next build, which adds nothing."""
    import graph.stores.summaries as summaries

    folder = tmp_path / "store"
    reports = [read_report(p) for p in sample_paths.values()]
    monkeypatch.setattr(summaries, "SUMMARIES_FORMAT", summaries.SUMMARIES_FORMAT - 1)
    build(reports, folder, lambda: models)
    store = EmbeddedStore(folder)
    store.update(f"DELETE WHERE {{ GRAPH <{graph_iri(SUMMARY_GRAPH)}> {{ ?concept <{TIES.labelOrder}> ?place }} }}")
    assert not _rows(store, "activity")  # the earlier summaries lack what the query reads
    del store
    monkeypatch.undo()
    assert sorted(build(reports, folder, lambda: models).skipped) == ["2024-Q1", "2025-Q2"]
    store = EmbeddedStore(folder)
    assert summarised_checksum(store) == summaries.summary_mark(stored_checksums(store))
    assert _rows(store, "activity")


def test_names_are_numbered_in_russian_alphabetical_order(embedded):
    orders = _name_orders(embedded)
    numbers = [number for _, number in orders.values()]
    assert len(orders) > 100 and len(set(numbers)) == len(numbers)
    by_number = [(alphabetical(name), subject) for subject, (name, _) in sorted(orders.items(),
                                                                                key=lambda item: item[1][1])]
    assert by_number == sorted(by_number) != sorted((name, subject) for subject, (name, _) in orders.items())
    assert set(_summary(embedded).subjects(TIES.nameOrder)) == set(map(URIRef, orders))  # none left unnamed


def test_names_numbered_again_keep_the_numbers_that_still_fit():
    gap = 8
    assert number_names({"c": "В", "a": "А", "b": "Б"}, {}, gap) == {"a": 0, "b": 8, "c": 16}
    # names added: between their neighbours, before the first, after the last; equal names in IRI order
    held = {"a": 0, "b": 8, "c": 16}
    numbers = number_names({"a": "А", "b": "Б", "c": "В", "ab": "АБ", "aa": "АБ", "z": "Я", "0": "0"}, held, gap)
    assert {subject: numbers[subject] for subject in held} == held
    assert numbers["0"] < numbers["a"] < numbers["aa"] < numbers["ab"] < numbers["b"] < numbers["c"] < numbers["z"]
    # a renamed subject moves alone, whatever number it held; one gone leaves a gap
    numbers = number_names({"a": "Я", "b": "Б", "c": "В", "d": "Г"}, {"a": 0, "b": 8, "c": 16, "d": 24}, gap)
    assert numbers["b"] == 8 and numbers["c"] == 16 and numbers["d"] == 24 and numbers["a"] > 24
    numbers = number_names({"a": "А", "b": "Б", "c": "В", "d": "Аа"}, {"a": 0, "b": 8, "c": 16, "d": 24}, gap)
    assert (numbers["a"], numbers["b"], numbers["c"]) == (0, 8, 16) and 0 < numbers["d"] < 8
    # no whole number left between two neighbours: all numbered again, `gap` apart
    numbers = number_names({"a": "А", "b": "Б", "m": "Аб", "n": "Ав"}, {"a": 0, "b": 2}, gap)
    assert numbers == {"a": 0, "m": 8, "n": 16, "b": 24}


def test_concepts_are_numbered_by_their_russian_labels_equal_labels_sharing_a_place(embedded):
    labels = {concept: str(label) for concept, label in embedded.to_rdflib("ontology").subject_objects(SKOS.prefLabel)
              if label.language == "ru"}
    order = {concept: place.toPython() for concept, place in _summary(embedded).subject_objects(TIES.labelOrder)}
    assert set(order) == set(labels) and len(labels) > 50  # the spheres, event types, roles, kinds…
    distinct = sorted(set(labels.values()), key=alphabetical)
    assert all(order[concept] == distinct.index(label) for concept, label in labels.items())


def test_one_report_s_profiles_list_spheres_in_the_ontology_s_label_order(tmp_path, sample_store):
    """A build that adds a report joins the stored profiles with that report's (graph-profiles.rq): its spheres
    in the order the profiles worked out over every graph give them (ties:labelOrder, the Russian alphabetical
    order), not in their names' code points, which differ where a label is written from a lower-case letter."""
    from graph.query import internal_query

    folder = tmp_path / "store"
    shutil.copytree(sample_store, folder, ignore=shutil.ignore_patterns("LOCK"))
    store = EmbeddedStore(folder)
    ontology = graph_iri("ontology").n3()
    store.update(f'DELETE {{ GRAPH {ontology} {{ ?s <{SKOS.prefLabel}> "Культура и туризм"@ru }} }} '
                 f'INSERT {{ GRAPH {ontology} {{ ?s <{SKOS.prefLabel}> "культура и туризм"@ru }} }} '
                 f'WHERE {{ GRAPH {ontology} {{ ?s <{SKOS.prefLabel}> "Культура и туризм"@ru }} }}')
    refresh_summaries(store)
    query = internal_query("graph-profiles").bind({"graph": str(graph_iri("2025-Q2"))})
    listed = [row["spheres"]["value"].split("; ") for row in store.results(query).rows]
    assert any(sorted(spheres) != sorted(spheres, key=alphabetical) for spheres in listed)
    assert all(spheres == sorted(spheres, key=alphabetical) for spheres in listed)


def test_queries_sorted_by_name_order_list_names_in_order(embedded):
    pairs = embedded.select(library()["co-attendance"].bind({"min_events": "1"}))
    keys = [(-int(events), alphabetical(a), alphabetical(b)) for _, a, _, b, events in pairs.rows]
    dormant = embedded.select(library()["dormant-partners"].bind({"since": "2026-Q1"}))
    seen = [(tuple(-ord(c) for c in last), alphabetical(label)) for _, label, _, last, _ in dormant.rows]
    assert len(keys) > 50 and keys == sorted(keys)
    assert len(seen) > 50 and seen == sorted(seen)


def test_the_officials_are_listed_by_name_each_with_their_events_in_time(embedded):
    order = {str(person): int(value) for person, value in _summary(embedded).subject_objects(TIES.nameOrder)}
    rows = embedded.select(library()["officials"].bind()).rows
    keys = [(order[person], start or "") for person, *_, start, _ in rows]
    assert len(rows) > 20 and keys == sorted(keys)
    assert len({person for person, *_ in rows}) < len(rows)  # some official has several events to order


@pytest.mark.slow
def test_a_store_brought_up_to_date_build_by_build_equals_one_whose_builds_work_all_out(
        tmp_path, sample_paths, models, monkeypatch):
    """The same builds (a report; a second added; the first shortened) into two stores, one whose builds
    update the summaries for what they touch and compact when it pays, one whose builds work everything
    out: every quad the same, the summaries' included (the time of each build masked). (A store that
    got both reports in one build differs in the report graphs themselves: a report resolved with
    another beside it may resolve some names otherwise than one resolved against the stored entities.)"""
    import graph.pipeline

    first, second = read_report(sample_paths["2024-Q1"]), read_report(sample_paths["2025-Q2"])
    builds = [[first], [first, second], [replace(first, events=first.events[:-12], checksum="shorter"), second]]
    for name, share in (("stepwise", 1.0), ("whole", 0.0)):
        monkeypatch.setattr(graph.pipeline, "INCREMENTAL_SHARE", share)
        for reports in builds:
            build(reports, tmp_path / name, lambda: models)
    stepwise, whole = masked_quads(tmp_path / "stepwise"), masked_quads(tmp_path / "whole")
    assert len(stepwise) > 20_000 and any(str(TIES.OfficialAppearance) in line for line in stepwise)
    assert stepwise == whole


def test_the_summaries_run_statement_by_statement_write_what_each_file_as_one_update_writes(tmp_path, sample_store,
                                                                                             monkeypatch):
    """Each statement of the summaries' files runs as an update of its own (in one, each read the store through
    the others' pending writes): with the first statement's prologue, none left out, the same summaries."""
    import graph.stores.summaries

    assert len(statements(SUMMARIES.read_text(encoding="utf-8"))) > 2
    written = []
    for apart in (True, False):
        if not apart:
            monkeypatch.setattr(graph.stores.summaries, "statements", lambda update: [update])
        folder = tmp_path / ("apart" if apart else "whole")
        shutil.copytree(sample_store, folder, ignore=shutil.ignore_patterns("LOCK"))
        store = EmbeddedStore(folder)
        store.update(f"DROP SILENT GRAPH {graph_iri(SUMMARY_GRAPH).n3()}")
        refresh_summaries(store)
        written.append(set(_summary(store)))
    assert {p for _, p, _ in written[0]} >= {TIES.appearanceOf, TIES.partnerClass, TIES.preferredName}
    assert written[0] == written[1]


def test_summaries_cut_off_by_a_failed_update_are_left_unmarked(tmp_path, sample_store):
    # the profiles and the other summaries are worked out side by side: an error in one stops the whole
    # refresh before the mark, so that the next build sees the summaries are stale and mends them
    folder = tmp_path / "store"
    shutil.copytree(sample_store, folder, ignore=shutil.ignore_patterns("LOCK"))
    store = EmbeddedStore(folder)
    others = statements(SUMMARIES.read_text(encoding="utf-8"))
    update = store.update

    def full_disk(sparql: str) -> None:
        if sparql == others[-1]:
            raise OSError(28, "No space left on device")
        update(sparql)
    store.update = full_disk  # type: ignore[method-assign]
    with pytest.raises(OSError, match="No space"):
        refresh_summaries(store)
    assert summarised_checksum(store) is None
    # the profiles, worked out beside them, were written whole
    assert set(_summary(store).subjects(RDF.type, TIES.PartnerProfile))
