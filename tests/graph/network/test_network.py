"""Network analytics, the repeat-partner report, and the partner map in headless Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.network.analytics import (
    betweenness,
    bipartite_graph,
    co_attendance,
    communities,
    load_network,
)
from graph.network.partners import read_partners
from graph.network.view import Filters, ViewRequest, network_view, path_between

SUBBOTIN = "https://w3id.org/smolensk-ties/id/person/subbotin-a-m"


@pytest.fixture(scope="module")
def network(embedded):
    return load_network(embedded)


def test_projections(network):
    both = bipartite_graph(network)
    assert {d["kind"] for _, d in both.nodes(data=True)} == {"event", "PER", "ORG", "LOC"}
    assert both.number_of_edges() == len(network.links)
    shared = co_attendance(network)
    assert all(d["weight"] >= 1 for _, _, d in shared.edges(data=True))
    states = co_attendance(network, rollup="country")
    assert "country:BY" in states and states.number_of_nodes() < shared.number_of_nodes()
    bodies = co_attendance(network, rollup="organisation")
    assert SUBBOTIN not in bodies  # he stands for the Vitebsk regional executive committee
    assert "https://w3id.org/smolensk-ties/id/org/vitebskiy-oblastnoy-ispolnitelnyy-komitet" in bodies
    towns = co_attendance(network, rollup="place")  # … and the committee into Витебск
    assert "https://w3id.org/smolensk-ties/id/place/vitebsk" in towns
    assert "https://w3id.org/smolensk-ties/id/org/vitebskiy-oblastnoy-ispolnitelnyy-komitet" not in towns
    assert states.number_of_nodes() < towns.number_of_nodes() < bodies.number_of_nodes()


def test_filters_narrow_the_network(network):
    early = [e for e in network.events.values() if Filters(until="2024-Q1").keeps_event(e)]
    assert {e.period for e in early} == {"2024-Q1"}
    sport = [e for e in network.events.values() if Filters(sphere="Спорт").keeps_event(e)]
    assert sport and len(sport) < 20
    persons = [e for e in network.entities.values() if Filters(kinds=frozenset({"PER"})).keeps_entity(e)]
    assert persons and all(e.type == "PER" for e in persons)


def test_repeat_partners_of_both_quarters(embedded, network):
    rows = {r.label: r for r in read_partners(embedded)}
    for name in ("А.М. Субботин", "Д.Н. Крутой", "Витебская область", "Могилевская область"):
        assert rows[name].quarters == ("2024-Q1", "2025-Q2"), name
        assert rows[name].country == "BY"
    subbotin = rows["А.М. Субботин"]
    assert subbotin.events >= 3 and subbotin.counterparts and subbotin.recency == 0 and subbotin.type == "PER"
    assert subbotin.weighted_degree > 0 and subbotin.community >= 0
    assert all(r.events >= 2 for r in rows.values())
    # the profiles count what the network counts: the events each partner took part in
    events_of = {}
    for event, agent in network.links:
        events_of.setdefault(agent, set()).add(event)
    assert all(r.events == len(events_of[r.iri]) for r in rows.values())
    assert rows["Витебская область"].type == "LOC"


def test_repeat_partners_filter_by_type_state_and_quarter(embedded):
    everyone = read_partners(embedded, min_events=1)
    persons = read_partners(embedded, min_events=1, kind="PER")
    assert persons and {r.type for r in persons} == {"PER"} and len(persons) < len(everyone)
    belarus = read_partners(embedded, min_events=1, country="BY")
    assert belarus and {r.country for r in belarus} == {"BY"}
    recent = read_partners(embedded, min_events=1, since="2025-Q1")
    assert recent and all(r.quarters[-1] >= "2025-Q1" for r in recent) and len(recent) < len(everyone)


COMMUNITIES = """import json, sys
from graph.network.analytics import co_attendance, communities, load_network
from graph.stores import open_store
print(json.dumps(communities(co_attendance(load_network(open_store(sys.argv[1]))))))"""


def test_communities_are_the_same_in_processes_that_hash_strings_differently(sample_store, network):
    """Sets of strings iterate in another order in each process (PYTHONHASHSEED): communities may not."""
    found = []
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", COMMUNITIES, str(sample_store)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=120)
        found.append(json.loads(run.stdout))
    assert found[0] == found[1] == json.loads(json.dumps(communities(co_attendance(network))))
    assert len(found[0]) > 1


def test_ego_networks_and_paths(network):
    ego = network_view(network, ViewRequest(focus=SUBBOTIN))
    assert ego.focus == SUBBOTIN and len(ego.nodes) > 3
    path = path_between(network, Filters(), SUBBOTIN, "https://w3id.org/smolensk-ties/id/person/anokhin-v-n")
    assert path[0] == SUBBOTIN and len(path) >= 2
    assert path_between(network, Filters(), SUBBOTIN, "https://w3id.org/none") == []


def test_partners_command(sample_store):
    result = CliRunner().invoke(main, ["partners", "--store", str(sample_store), "--country", "BY",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["country"] == "BY" and r["events"] >= 2 for r in rows)
    assert all(isinstance(r["events"], int) and isinstance(r["betweenness"], float) for r in rows)
    both = [r["label"] for r in rows if r["quarters"] == ["2024-Q1", "2025-Q2"]]
    assert "А.М. Субботин" in both
    refused = CliRunner().invoke(main, ["partners", "--store", str(sample_store), "--since", "2025"])
    assert refused.exit_code == 2 and "2025-Q2" in refused.output




def test_betweenness_is_networkx_s_exact_one():
    graph = nx.gnm_random_graph(120, 300, seed=7)
    graph = nx.relabel_nodes(graph, {n: f"https://example.org/{n}" for n in graph})
    graph.add_edges_from([("a", "b"), ("b", "c"), ("c", "c")])  # another component, a self-loop
    expected = nx.betweenness_centrality(graph)
    found = betweenness(graph)
    assert found.keys() == expected.keys() and found["b"] > 0
    assert all(abs(found[node] - expected[node]) < 1e-12 for node in graph)
