"""The map's data and the timelines: states and places with their events, quarters with their counts."""

from __future__ import annotations

import pytest

from graph.network.analytics import load_network
from graph.network.geography import map_data
from graph.network.timeline import NO_PARTNER_STATE, activity, timeline
from graph.network.view import Filters

EVENTS_PER_REPORT = """SELECT ?period (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event <https://w3id.org/smolensk-ties/ontology#inReport> ?report .
  ?report <https://w3id.org/smolensk-ties/ontology#period> ?period } } GROUP BY ?period"""


@pytest.fixture(scope="module")
def network(embedded):
    return load_network(embedded)


def test_states_are_shaded_and_places_pinned_with_their_partners(network):
    found = map_data(network, Filters())
    states = {s["code"]: s for s in found["states"]}
    assert "RU" not in states and states["BY"]["name"] == "Беларусь" and states["BY"]["numeric"] == "112"
    assert states["BY"]["events"] == max(s["events"] for s in found["states"])
    places = {p["label"]: p for p in found["places"]}
    assert "Беларусь" not in places  # a state is shaded, not pinned
    smolensk, vitebsk = places["Смоленск"], places["Витебск"]
    assert smolensk["smolensk"] and not vitebsk["smolensk"] and vitebsk["country"] == "BY"
    assert 54 < smolensk["lat"] < 55 and 31 < smolensk["lon"] < 33
    assert any(p["label"] == "Правительство Смоленской области" for p in smolensk["partners"])
    early = map_data(network, Filters(until="2024-Q1"))
    assert early["events"] < found["events"]
    assert {s["code"]: s["events"] for s in early["states"]}["BY"] < states["BY"]["events"]


def test_the_timeline_counts_each_report_s_events(network, embedded):
    expected = {row[0]: int(row[1]) for row in embedded.select(EVENTS_PER_REPORT).rows}
    for by in ("country", "sphere", "type", "direction"):
        chart = timeline(network, Filters(), by)
        assert {q: n for q, n in chart["totals"].items() if n} == expected, by
        assert chart["quarters"][0] == "2024-Q1" and chart["quarters"][-1] == "2025-Q2"
        assert len(chart["quarters"]) == 6  # the quarters between, empty, are drawn too
        if by != "country":  # one group per event: the groups add up to the events
            assert all(sum(chart["counts"][q].values()) == chart["totals"][q] for q in chart["quarters"])
    by_state = timeline(network, Filters(), "country")
    assert by_state["groups"][0] == "Беларусь" and NO_PARTNER_STATE in by_state["groups"]
    only_2025 = timeline(network, Filters(since="2025-Q2"), "sphere")
    assert only_2025["quarters"] == ["2025-Q2"] and only_2025["events"] == expected["2025-Q2"]


def test_activity_shows_first_last_gaps_and_who_went_quiet(network):
    found = activity(network, Filters())
    assert found["quarters"][-1] == "2025-Q2"
    rows = {r["label"]: r for r in found["partners"]}
    subbotin = rows["А.М. Субботин"]
    seen = (subbotin["first"], subbotin["last"], subbotin["gaps"], subbotin["quiet"])
    assert seen == ("2024-Q1", "2025-Q2", 4, False)
    assert sum(subbotin["counts"]) == subbotin["events"]
    quiet = [r for r in found["partners"] if r["quiet"]]
    assert quiet and all(r["last"] == "2024-Q1" for r in quiet)
    assert "Беларусь" not in rows  # states are the breakdown, not partners


DISTRICTS = """PREFIX schema: <https://schema.org/>
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label ?regionLabel ?lat (GROUP_CONCAT(DISTINCT STR(?same); separator=" ") AS ?ids) (SAMPLE(?code) AS ?oktmo)
WHERE { GRAPH ?g { ?d ties:placeKind ties:place-district ; rdfs:label ?label ;
                      schema:containedInPlace ?region ; schema:geo/schema:latitude ?lat .
                   ?region rdfs:label ?regionLabel .
                   OPTIONAL { ?d owl:sameAs ?same } OPTIONAL { ?d ties:oktmo ?code } } }
GROUP BY ?label ?regionLabel ?lat"""


def test_the_districts_the_samples_name_lie_in_their_region_with_a_point_and_an_identifier(embedded, network):
    found = {row[0]: row for row in embedded.select(DISTRICTS).rows}
    assert {"Демидовский район", "Дорогобужский район", "Лиозненский район", "Ушачский район"} <= set(found)
    assert found["Ушачский район"][1] == "Витебская область"
    assert "https://www.openstreetmap.org/relation/" in found["Ушачский район"][3]
    assert found["Лиозненский район"][3].count("wikidata.org/entity/Q") == 1
    assert found["Демидовский район"][1] == "Смоленская область" and found["Демидовский район"][4] == "66611000"
    pinned = {p["label"] for p in map_data(network, Filters())["places"]}
    assert {"Демидовский район", "Ушачский район"} <= pinned
