"""The map's data and the timelines: states and places with their events, quarters with their counts."""

from __future__ import annotations

import pytest

from graph.network.analytics import EntityInfo, EventInfo, Network, load_network
from graph.network.geography import map_data
from graph.network.timeline import NO_PARTNER_STATE, activity, timeline
from graph.network.view import Filters
from graph.review import doubts

EVENTS_PER_REPORT = """SELECT ?period (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event <https://w3id.org/smolensk-ties/ontology#inReport> ?report .
  ?report <https://w3id.org/smolensk-ties/ontology#period> ?period } } GROUP BY ?period"""


@pytest.fixture(scope="module")
def network(embedded):
    return load_network(embedded)


def test_states_are_shaded_and_places_pinned_with_their_partners(network, embedded):
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
    # the places left off for want of a point: as many as the review asks a point for, fewer in a narrower filter
    no_point = [d for d in doubts(embedded, network) if d.kind == "no-point"]
    assert found["unplaced"] == len(no_point) > early["unplaced"] > 0


def test_the_timeline_counts_each_report_s_events(network, embedded):
    expected = {row[0]: int(row[1]) for row in embedded.select(EVENTS_PER_REPORT).rows}
    for by in ("country", "sphere", "type", "direction"):
        chart = timeline(network, Filters(), by)
        assert {q: n for q, n in chart["totals"].items() if n} == expected, by
        assert chart["quarters"][0] == "2024-Q1" and chart["quarters"][-1] == "2025-Q2"
        assert len(chart["quarters"]) == 6  # the quarters between are drawn too, as quarters with no report
        assert chart["unreported"] == [("2024-Q2", "2025-Q1")]
        assert all(chart["counts"][q] is None and chart["totals"][q] is None for q in chart["quarters"][1:-1])
        if by != "country":  # one group per event: the groups add up to the events
            assert all(sum(chart["counts"][q].values()) == chart["totals"][q] for q in expected)
        # an event counts once in a group, «прочие» too (an event of many small states is one event there)
        assert all(n <= chart["totals"][q] for q in expected for n in chart["counts"][q].values()), by
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
    assert seen == ("2024-Q1", "2025-Q2", 0, False)  # the four quarters between have no report: no gaps
    assert subbotin["counts"][1:-1] == [None] * 4
    assert sum(n for n in subbotin["counts"] if n) == subbotin["events"]
    quiet = [r for r in found["partners"] if r["quiet"]]
    assert quiet and all(r["last"] == "2024-Q1" for r in quiet)
    assert "Беларусь" not in rows  # states are the breakdown, not partners


def _network(seen: dict[str, list[str]], sport: str = "") -> Network:
    """A network of one event a quarter, each with the partners `seen` names in that quarter; the event of
    the quarter `sport` is of sport, the others of culture."""
    events = {f"e{q}": EventInfo(f"e{q}", "встреча", q, "Спорт" if q == sport else "Культура", "meeting", "inbound")
              for q in seen}
    partners = {p for names in seen.values() for p in names}
    entities = {p: EntityInfo(p, p, "ORG", "BY", smolensk=False) for p in partners}
    return Network(events, entities, {(f"e{q}", p) for q, names in seen.items() for p in names})


def test_a_partner_misses_only_quarters_the_graph_has_a_report_of():
    network = _network({"2024-Q1": ["Витебский облисполком", "Минский завод"], "2024-Q2": ["Минский завод"],
                        "2025-Q1": ["Витебский облисполком"]}, sport="2024-Q2")
    found = {r["label"]: r for r in activity(network, Filters())["partners"]}
    # 2024-Q2 was reported without the executive committee; 2024-Q3 and Q4 were not reported at all
    assert found["Витебский облисполком"]["gaps"] == 1
    assert found["Витебский облисполком"]["counts"] == [1, 0, None, None, 1]
    assert found["Минский завод"]["quiet"] and found["Минский завод"]["gaps"] == 0
    chart = timeline(network, Filters(), "country")
    assert chart["unreported"] == [("2024-Q3", "2024-Q4")]
    assert chart["totals"] == {"2024-Q1": 1, "2024-Q2": 1, "2024-Q3": None, "2024-Q4": None, "2025-Q1": 1}
    # a quarter with a report but nothing in the filter is zero, not unknown
    culture = timeline(network, Filters(sphere="Культура"), "country")
    assert culture["totals"]["2024-Q2"] == 0 and culture["counts"]["2024-Q2"] == {"BY": 0}
    assert culture["totals"]["2024-Q3"] is None


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
