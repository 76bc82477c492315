"""The summaries every build works out (ontology/summaries.ru) and what the store holds, for `ties summary`.

The partner queries read the summaries rather than the report graphs: profiles, country quarters,
pairs and names, marked with the checksum of the reports they sum up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from rdflib import Literal

from graph.query import internal_query
from graph.rdf.ids import graph_iri
from graph.rdf.vocab import TIES
from graph.stores.base import Readable, Store, stored_checksums
from ontology import SUMMARIES

SUMMARY_GRAPH = "summary"  # the named graph id/graph/summary holds what ontology/summaries.ru works out


def refresh_summaries(store: Store) -> None:
    """Work out what the partner queries read (profiles, country quarters, pairs, names) from every
    report graph, number the names in order, and last mark it all with the checksum of the reports it
    sums up (a build cut off before the mark leaves summaries that the next build sees are stale)."""
    graph = graph_iri(SUMMARY_GRAPH)
    mark = Literal(reports_checksum(stored_checksums(store)))
    store.update(SUMMARIES.read_text(encoding="utf-8"))
    for lines in _name_order(store):
        store.insert(SUMMARY_GRAPH, lines)
    store.insert(SUMMARY_GRAPH, f"{graph.n3()} {TIES.reportsChecksum.n3()} {mark.n3()} .")


def _name_order(store: Store, batch: int = 5_000) -> Iterator[str]:
    """`ties:nameOrder` for each preferred and partner name of the summaries: its place in code-point
    order, as N-Triples, in batches. Queries sort on it: sorting on the names themselves makes
    Oxigraph read both names from disk at each comparison."""
    query = internal_query("summary-names").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    named = sorted((row["name"]["value"], row["subject"]["value"]) for row in store.results(query).rows)
    order = TIES.nameOrder.n3()
    lines = [f"<{subject}> {order} {Literal(place).n3()} ." for place, (_, subject) in enumerate(named)]
    for start in range(0, len(lines), batch):
        yield "\n".join(lines[start:start + batch])


def reports_checksum(checksums: dict[str, str]) -> str:
    """One SHA-256 over the stored reports' checksums: what a summary was worked out from."""
    return hashlib.sha256("\n".join(f"{k} {v}" for k, v in sorted(checksums.items())).encode()).hexdigest()


def summarised_checksum(store: Store) -> str | None:
    """The reports checksum the store's summaries were worked out from; None without summaries."""
    query = internal_query("summarised-checksum").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    rows = store.results(query).rows
    return rows[0]["sum"]["value"] if rows else None


def summary(store: Readable, top: int = 10) -> dict[str, object]:
    """What the store holds: events, entities by type, countries, agreements and the top foreign partners
    (from the partner profiles the build worked out, states themselves left out)."""
    counts = store.results(internal_query("store-counts").bind()).rows[0]
    query = internal_query("top-partners").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    partners = [(row["name"]["value"], int(row["events"]["value"])) for row in store.results(query).rows[:top]]
    names = ("reports", "events", "persons", "organisations", "places", "countries", "agreements")
    return {**{name: int(counts[name]["value"]) for name in names}, "top_partners": partners}
