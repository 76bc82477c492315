"""Remote stores: build the samples into real SPARQL servers and get the embedded store's rows."""

from __future__ import annotations

import re

import pytest

from graph.network.analytics import plain_rows
from graph.pipeline import build
from graph.query import library, load_query
from graph.stores import RemoteStore
from graph.stores.summaries import summary
from nlp.reading.report import read_report
from tests.conftest import outside_graph_bounds

pytestmark = pytest.mark.server  # oxigraph serve and Virtuoso on loopback


def normalised(rows) -> list[tuple]:
    """Rows compared as sets: the order inside a GROUP_CONCAT is not fixed by SPARQL, and an empty
    GROUP_CONCAT is "" in Virtuoso (as the standard says) but unbound in Oxigraph."""
    def cell(value) -> tuple[str, ...]:
        return () if value in (None, "") else tuple(sorted(re.split(r"; |, ", value)))
    return sorted(tuple(cell(v) for v in row) for row in rows)


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def remote(request, sample_paths, models):
    url = request.getfixturevalue(f"{request.param}_server")
    result = build([read_report(p) for p in sample_paths.values()], url, lambda: models)
    assert sorted(result.added) == ["2024-Q1", "2025-Q2"]
    return RemoteStore(url)


def test_build_is_incremental_on_a_server(remote, sample_paths, models):
    again = build([read_report(p) for p in sample_paths.values()], remote.url.replace(
        "http://", "http://dba:dba@") if "sparql-auth" in remote.url else remote.url, lambda: models)
    assert sorted(again.skipped) == ["2024-Q1", "2025-Q2"]


@pytest.mark.parametrize("name", sorted(library()))
def test_library_queries_give_the_embedded_rows(remote, embedded, name):
    text = load_query(name).bind()
    assert normalised(remote.select(text).rows) == normalised(embedded.select(text).rows)


def test_the_forms_the_rows_write_are_cut_from_the_cells_alike(remote, embedded):
    """The review's and the search's forms are cut from each cell's text by SUBSTR: in characters on a server
    too (Cyrillic is two bytes a letter in UTF-8)."""
    theirs, ours = (sorted((row["agent"], row["text"]) for row in plain_rows(store, "review-forms"))
                    for store in (remote, embedded))
    assert theirs == ours
    assert ("https://w3id.org/smolensk-ties/id/place/country-by", "Республики Беларусь") in ours


def test_summary_is_the_same(remote, embedded):
    theirs, ours = summary(remote), summary(embedded)
    # partners tied on their event count may come in another order
    assert sorted(n for _, n in theirs.pop("top_partners")) == sorted(n for _, n in ours.pop("top_partners"))
    assert theirs == ours


@pytest.mark.parametrize("path", ["/", "/org/mogilevliftmash", "/person/subbotin-a-m", "/event/2025-Q2/5",
                                  "/report/2025-Q2", "/country/BY", "/partners?country=BY", "/reports",
                                  "/search?q=%D0%9C%D0%90%D0%97", "/person/glazev-s-yu", "/event/2025-Q2/81",
                                  "/partners"])
def test_the_workspace_pages_read_a_remote_store_as_the_embedded_one(remote, embedded, path):
    """Every page and search, served from a SPARQL server, shows what the embedded store's shows."""
    from werkzeug.test import Client

    from graph.web.server import create_app

    pages = []
    for store in (remote, embedded):
        app = create_app(store)
        try:
            response = Client(app).get(path)
            assert response.status_code == 200, (path, response.text[:300])
            pages.append(response.text)
        finally:
            app.close()
    links = [sorted(set(re.findall(r'href="(/[^"]*)"', page))) for page in pages]
    assert links[0] == links[1]
    headings = [re.findall(r"<h[12][^>]*>(.*?)</h[12]>", page, re.S) for page in pages]
    assert headings[0] == headings[1]
    sides = [re.findall(r'<p class="kind">(.*?)</p>|(межгосударственный орган)', page) for page in pages]
    assert sides[0] == sides[1]


def test_the_endpoint_on_a_remote_store_reads_the_reports_outside_graph(remote, embedded):
    """`?s ?p ?o` without GRAPH counts the same data on a SPARQL server as on the embedded store."""
    from werkzeug.test import Client

    from graph.web.server import create_app

    counts = []
    for store in (remote, embedded):
        app = create_app(store)
        try:
            response = Client(app).get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                                                                "format": "records"})
            assert response.status_code == 200, response.text
            counts.append(response.json[0]["n"])
        finally:
            app.close()
    least, most = outside_graph_bounds(embedded)
    assert counts[0] == counts[1] and least < counts[0] <= most


def test_the_network_and_the_partner_report_read_a_remote_store_as_the_embedded_one(remote, embedded):
    """The map and `ties partners` read the same from a SPARQL server (Virtuoso writes booleans as 1/0)."""
    from graph.network.analytics import load_network
    from graph.network.partners import read_partners
    from graph.network.view import ViewRequest, network_view

    theirs, ours = load_network(remote), load_network(embedded)
    assert theirs.links == ours.links and theirs.events == ours.events and theirs.states == ours.states
    def described(network):
        return {k: (e.label, e.type, e.country, e.smolensk, e.organisations, e.location)
                for k, e in network.entities.items()}
    assert described(theirs) == described(ours)
    assert theirs.points == ours.points and theirs.state_places == ours.state_places
    assert network_view(theirs, ViewRequest()).to_dict() == network_view(ours, ViewRequest()).to_dict()
    assert [(r.iri, r.events, r.type, r.weighted_degree) for r in read_partners(remote)] \
        == [(r.iri, r.events, r.type, r.weighted_degree) for r in read_partners(embedded)]
