"""The network: events and their participants from the store, as networkx graphs, and partner metrics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import rustworkx as rx
from rdflib.namespace import FOAF, ORG, SDO

from graph.network.parts import Part, stored_parts
from graph.query import internal_query
from graph.stores import Readable
from graph.stores.results import is_true

TYPES = {str(FOAF.Person): "PER", str(ORG.Organization): "ORG", str(SDO.Place): "LOC"}


@dataclass(slots=True)
class EventInfo:
    iri: str
    title: str
    period: str
    sphere: str
    event_type: str
    direction: str


def side(smolensk: bool, country: str | None, interstate: bool = False) -> str:
    """Which side a participant is on, as every page, brief and map groups them: "smolensk"; "russian" (other
    Russian); "foreign"; "interstate" (a body of several states, or a person of no state who holds a post in
    one); "unsaid" (no state given: not taken for Russian).

    >>> side(True, "RU"), side(False, "RU"), side(False, "BY", True), side(False, None, True), side(False, None)
    ('smolensk', 'russian', 'foreign', 'interstate', 'unsaid')
    """
    if smolensk:
        return "smolensk"
    if country == "RU":
        return "russian"
    return "foreign" if country else "interstate" if interstate else "unsaid"


@dataclass(slots=True)
class EntityInfo:
    iri: str
    label: str
    type: str
    country: str | None
    smolensk: bool
    organisations: set[str] = field(default_factory=set)  # what a person represented
    location: str | None = None  # the settlement an organisation's name points at
    interstate: bool = False  # a body of several states, or a person of no state who holds a post in one

    @property
    def partner(self) -> bool:
        """A foreign partner: not the Smolensk side, not a Russian body or place."""
        return not self.smolensk and self.country != "RU" and not (self.type == "LOC" and self.country is None)


@dataclass(slots=True)
class Network:
    """Events, entities and who took part in what: the material of every projection."""

    events: dict[str, EventInfo]
    entities: dict[str, EntityInfo]
    links: set[tuple[str, str]]  # (event, entity)
    names: dict[str, str] = field(default_factory=dict)  # an event type's or direction's code -> Russian label
    states: dict[str, str] = field(default_factory=dict)  # a state's code -> its name, linked or not
    points: dict[str, tuple[float, float]] = field(default_factory=dict)  # a place -> (latitude, longitude)
    state_places: frozenset[str] = frozenset()  # the states themselves, as entities
    place_kinds: dict[str, str] = field(default_factory=dict)  # a place with a point -> city, district, region…

    def unplaced(self, iri: str) -> bool:
        """A place that no map can draw: no state (those are shaded), and no point from the gazetteer or an
        analyst (`ties review point`)."""
        return self.entities[iri].type == "LOC" and iri not in self.points and iri not in self.state_places


def plain_rows(store: Readable, name: str) -> list[dict[str, str]]:
    """The rows of an internal query without parameters, each a dict of plain values (absent where unbound)."""
    return store.results(internal_query(name).bind()).plain()


def load_network(store: Readable, cache: Path | None = None) -> Network:
    """Read events and participants from a store (embedded or remote), a report graph at a time: from the
    cache of its parts (`graph.network.parts`; by default beside an embedded store) where it has one."""
    concept_labels = {row["concept"]: row["label"] for row in plain_rows(store, "concept-labels")}
    notations = {row["concept"]: row["notation"] for row in plain_rows(store, "concept-notations")}
    return assemble(stored_parts(store, cache), concept_labels, notations)


def assemble(parts: Iterable[Part], concept_labels: dict[str, str], notations: dict[str, str]) -> Network:
    """The network of graphs' parts (each graph's rows of the network queries), however ordered.

    An entity's name is the least of its labels (as the summaries' preferred name), its type a person's
    or an organisation's before a place's, and it is of the Smolensk side if any report says so; where
    reports differ on its state, its settlement or a place's point, the least is taken."""
    parts = list(parts)

    def rows(name: str) -> Iterator[dict[str, str]]:
        return (row for part in parts for row in part[name])
    events: dict[str, EventInfo] = {}
    for row in rows("network-events"):
        events[row["event"]] = EventInfo(row["event"], row["title"], row["period"],
                                         concept_labels.get(row["sphere"], row["sphere"]),
                                         notations.get(row["type"], row["type"]),
                                         notations.get(row["direction"], row["direction"]))
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    ours: dict[str, bool] = {}
    for row in rows("network-entities"):
        agent, kind = row["agent"], TYPES[row["class"]]
        names[agent] = min(names.get(agent, row["label"]), row["label"])
        if kinds.get(agent, "LOC") == "LOC":
            kinds[agent] = kind
        ours[agent] = ours.get(agent, False) or is_true(row["smolensk"])
    of_country: dict[str, str] = {}
    own_code: dict[str, str] = {}
    for row in rows("network-countries"):
        codes = own_code if row.get("own") else of_country
        codes[row["agent"]] = min(codes.get(row["agent"], row["code"]), row["code"])
    entities = {agent: EntityInfo(agent, names[agent], kinds[agent], of_country.get(agent, own_code.get(agent)),
                                  ours[agent]) for agent in names}
    for row in rows("network-interstate"):
        if row["agent"] in entities and row["agent"] not in of_country:
            entities[row["agent"]].interstate = True
    for row in rows("network-locations"):
        if row["agent"] in entities:
            entity = entities[row["agent"]]
            entity.location = min(entity.location or row["location"], row["location"])
    links = {(row["event"], row["agent"]) for row in rows("network-links")
             if row["event"] in events and row["agent"] in entities}
    for row in rows("network-behalf"):
        if (row["event"], row["agent"]) in links:
            entities[row["agent"]].organisations.add(row["org"])
    linked = {agent for _, agent in links}
    concepts = {code: concept_labels[concept] for concept, code in notations.items() if concept in concept_labels}
    states = {code: names[agent] for agent, code in own_code.items() if agent in names}
    located: dict[str, dict[str, str]] = {}
    for row in rows("place-points"):
        located[row["place"]] = min(located.get(row["place"], row), row, key=lambda r: (r["lat"], r["lon"], r["kind"]))
    points = {place: (float(row["lat"]), float(row["lon"])) for place, row in located.items()}
    place_kinds = {place: row["kind"].rpartition("place-")[2] for place, row in located.items()}
    return Network(events, {agent: entity for agent, entity in entities.items() if agent in linked}, links, concepts,
                   states, points, frozenset(agent for agent in own_code if agent not in of_country), place_kinds)


def bipartite_graph(network: Network) -> nx.Graph:
    """Events and entities as the two sides of one graph; an edge is a participation."""
    graph = nx.Graph()
    for iri, event in network.events.items():
        graph.add_node(iri, bipartite=0, kind="event", label=event.title, period=event.period)
    for iri, entity in network.entities.items():
        graph.add_node(iri, bipartite=1, kind=entity.type, label=entity.label, country=entity.country,
                       smolensk=entity.smolensk)
    graph.add_edges_from(network.links)
    graph.remove_nodes_from([n for n, d in list(graph.degree()) if d == 0])
    return graph


def co_attendance(network: Network, rollup: str | None = None) -> nx.Graph:
    """Entities linked by the events they shared (weight = number of shared events).

    Roll-ups climb person -> organisation -> town -> country: `rollup="organisation"` merges a
    person into the organisation they represented (where the row says so); `rollup="place"`
    goes on to the town the organisation's name points at; `rollup="country"` merges every
    entity into its state (Belarusian persons, bodies and towns become Belarus).
    """
    levels = ("organisation", "place", "country")
    depth = levels.index(rollup) + 1 if rollup in levels else 0

    def key(entity: EntityInfo) -> str:
        if depth == 3 and entity.country:
            return f"country:{entity.country}"
        node = entity
        if depth >= 1 and node.type == "PER":
            known = sorted(o for o in node.organisations if o in network.entities)
            node = network.entities[known[0]] if known else node
        if depth >= 2 and node.type == "ORG" and node.location in network.entities:
            node = network.entities[node.location]
        return node.iri
    graph = nx.Graph()
    by_event: dict[str, set[str]] = defaultdict(set)
    for event, agent in network.links:
        node = key(network.entities[agent])
        by_event[event].add(node)
        if node not in graph:
            entity = network.entities.get(node, network.entities[agent])
            graph.add_node(node, label=entity.country if node.startswith("country:") else entity.label,
                           kind="LOC" if node.startswith("country:") else entity.type,
                           country=entity.country, smolensk=entity.smolensk and not node.startswith("country:"))
    for nodes in by_event.values():
        ordered = sorted(nodes)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                weight = graph[a][b]["weight"] + 1 if graph.has_edge(a, b) else 1
                graph.add_edge(a, b, weight=weight)
    return graph


def communities(graph: nx.Graph, seed: int = 42) -> dict[str, int]:
    """Louvain communities (seeded, so every run gives the same ones), numbered by size.

    Louvain visits the nodes in the graph's order, shuffled by the seed; a graph built from sets has its
    nodes in an order that changes with each process's string hashing, so the communities are found
    in a copy whose nodes and edges are sorted.
    """
    ordered_graph = nx.Graph()
    ordered_graph.add_nodes_from(sorted(graph.nodes))
    ordered_graph.add_edges_from(sorted((min(a, b), max(a, b), data) for a, b, data in graph.edges(data=True)))
    found = nx.community.louvain_communities(ordered_graph, weight="weight", seed=seed) if len(graph) else []
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: index for index, members in enumerate(ordered) for node in members}


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Each node's betweenness centrality, exact: the share of shortest paths between other nodes that pass
    through it (unweighted, normalised, as networkx's `betweenness_centrality`), worked out by rustworkx in
    Rust. networkx's own took 16 s on the 2,270 partners that met more than once at 100× the samples, and
    a 200-source estimate of it 1.7 s; this takes 0.3 s."""
    if len(graph) <= 2:
        return {node: 0.0 for node in graph}
    nodes = list(graph)
    place = {node: index for index, node in enumerate(nodes)}
    indexed = rx.PyGraph(multigraph=False)
    indexed.add_nodes_from(nodes)
    indexed.add_edges_from_no_data([(place[a], place[b]) for a, b in graph.edges() if a != b])
    found = rx.graph_betweenness_centrality(indexed, normalized=True, endpoints=False)
    return {nodes[index]: value for index, value in found.items()}


__all__ = ["Network", "betweenness", "bipartite_graph", "co_attendance", "communities", "load_network"]
