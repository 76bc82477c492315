"""Remote stores: build the samples into real SPARQL servers and get the embedded store's rows."""

from __future__ import annotations

import re

import pytest

from graph.pipeline import build
from graph.query import library, load_query
from graph.stores import RemoteStore
from graph.stores.summaries import summary
from nlp.report import read_report

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


def test_summary_is_the_same(remote, embedded):
    theirs, ours = summary(remote), summary(embedded)
    # partners tied on their event count may come in another order
    assert sorted(n for _, n in theirs.pop("top_partners")) == sorted(n for _, n in ours.pop("top_partners"))
    assert theirs == ours
