"""Network analytics, the repeat-partner report, and the partner map in headless Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.network.analytics import (
    bipartite_graph,
    co_attendance,
    communities,
    ego_network,
    load_network,
    partners,
    shortest_path,
)
from graph.network.render import network_page

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
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
    early = network.filtered(until="2024-Q1")
    assert {e.period for e in early.events.values()} == {"2024-Q1"}
    assert network.filtered(sphere="Спорт").events and len(network.filtered(sphere="Спорт").events) < 20
    persons = network.filtered(entity_type="PER")
    assert all(e.type == "PER" or e.smolensk for e in persons.entities.values())


def test_repeat_partners_of_both_quarters(network):
    rows = {r.label: r for r in partners(network)}
    for name in ("А.М. Субботин", "Д.Н. Крутой", "Витебская область", "Могилевская область"):
        assert rows[name].quarters == ("2024-Q1", "2025-Q2"), name
        assert rows[name].country == "BY"
    subbotin = rows["А.М. Субботин"]
    assert subbotin.events >= 3 and subbotin.counterparts and subbotin.recency == 0
    assert sum(subbotin.directions.values()) == subbotin.events
    assert all(r.events >= 2 for r in rows.values())


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
    graph = co_attendance(network)
    ego = ego_network(graph, SUBBOTIN)
    assert SUBBOTIN in ego and len(ego) > 3
    path = shortest_path(graph, SUBBOTIN, "https://w3id.org/smolensk-ties/id/person/anokhin-v-n")
    assert path[0] == SUBBOTIN and len(path) >= 2
    assert shortest_path(graph, SUBBOTIN, "https://w3id.org/none") == []


def test_partners_command(sample_store):
    result = CliRunner().invoke(main, ["partners", "--store", str(sample_store), "--country", "BY",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["country"] == "BY" and r["events"] >= 2 for r in rows)
    both = [r["label"] for r in rows if r["quarters"] == ["2024-Q1", "2025-Q2"]]
    assert "А.М. Субботин" in both


def test_page_prunes_to_stay_responsive(network, tmp_path):
    drawn = network_page(network, tmp_path / "map.html", max_nodes=50)
    assert drawn["nodes"] == 50 and drawn["pruned"] > 0
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    import re

    assert not re.search(r'(?:src|href)="(?:https?:|\.\./)', text)  # nothing loaded from outside the page


def test_map_in_chromium(network, tmp_path, browser):
    page_file = tmp_path / "network.html"
    drawn = network_page(network, page_file)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'")
    assert page.evaluate("nodes.length") == drawn["nodes"]
    everyone = int(page.evaluate("document.body.dataset.visibleNodes"))
    assert everyone == drawn["nodes"]
    page.select_option("#ties-to", "2024-Q1")
    early = int(page.evaluate("document.body.dataset.visibleNodes"))
    assert 0 < early < everyone
    page.select_option("#ties-to", "2025-Q2")
    page.select_option("#ties-type", "PER")
    assert int(page.evaluate("document.body.dataset.visibleNodes")) < everyone
    page.select_option("#ties-type", "")
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    page.close()
    assert errors == []


def test_hostile_names_are_escaped_in_tooltips(network, tmp_path):
    from dataclasses import replace

    from graph.network.render import _tooltip

    iri = next(iter(network.entities))
    original = network.entities[iri]
    network.entities[iri] = replace(original, label='<img src=x onerror="alert(1)"> href')
    try:
        text = _tooltip(network, iri, [e for e, a in network.links if a == iri])
        assert "<img" not in text and "&lt;img" in text
    finally:
        network.entities[iri] = original
