"""What the map shows: a filtered, pruned part of the co-attendance network with its positions,
metrics, communities and colours, worked out on the server so that the browser only draws.

A view is asked for by a `ViewRequest` (filters, an entity to centre on, nodes to expand or add) and
answered as plain data (`View.to_dict()`, JSON for the page, `to_networkx()` for GEXF and GraphML).
The same request always gives the same view: layouts and communities are seeded, and everything is
ordered before it is laid out.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from graph.network.analytics import EntityInfo, Network, betweenness, communities, side
from graph.network.palette import INTERSTATE, NO_STATE, RUSSIA, SMOLENSK, assign_colours
from graph.network.spacing import node_sizes, separated
from graph.russian import alphabetical

KINDS = ("PER", "ORG", "LOC")
# persons and organisations by default: states and regions, linked to nearly everything, knot the map
DEFAULT_KINDS = frozenset({"PER", "ORG"})
MAX_NODES = 150  # what reads well on one screen; the rest is counted and said
LIMIT_NODES = 600  # the most a request may ask for
EXPAND_NEIGHBOURS = 40  # an expanded node brings at most its this many strongest neighbours
SCALE = 1000.0  # positions are sent in [-SCALE, SCALE]
SEED = 42


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events and entities count. Smolensk-side entities are their own toggle: the type and
    state filters apply to them too, so "organisations" shows no persons of either side."""

    kinds: frozenset[str] = DEFAULT_KINDS
    smolensk: bool = True
    country: str = ""
    sphere: str = ""
    event_type: str = ""
    direction: str = ""
    since: str = ""
    until: str = ""

    def keeps_event(self, event) -> bool:
        return ((not self.since or event.period >= self.since) and (not self.until or event.period <= self.until)
                and (not self.sphere or event.sphere == self.sphere)
                and (not self.event_type or event.event_type == self.event_type)
                and (not self.direction or event.direction == self.direction))

    def keeps_entity(self, entity: EntityInfo) -> bool:
        if entity.type not in self.kinds:
            return False
        if entity.smolensk:
            return self.smolensk
        return not self.country or entity.country == self.country


@dataclass(frozen=True, slots=True)
class ViewRequest:
    filters: Filters = Filters()
    focus: str = ""  # an entity's IRI: its ego network instead of the whole
    depth: int = 1  # 1 or 2 steps from the focus
    expand: tuple[str, ...] = ()  # nodes whose neighbours are added
    add: tuple[str, ...] = ()  # nodes added as they are (a path found between two partners)
    max_nodes: int = MAX_NODES

    def base(self) -> ViewRequest:
        """The request without its additions: what the positions of everything else are laid out from."""
        return ViewRequest(self.filters, self.focus, self.depth, max_nodes=self.max_nodes)


@dataclass(slots=True)
class View:
    nodes: list[dict]
    edges: list[dict]
    communities: list[dict]
    states: list[dict]
    total: int  # entities the filters keep, before pruning
    events: int  # events the filters keep
    focus: str = ""
    missing: list[str] = field(default_factory=list)  # asked for (focus, expand, add) but not in the network
    state_names: dict[str, str] = field(default_factory=dict)  # the names of the states of the nodes

    def to_dict(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "communities": self.communities, "states": self.states,
                "total": self.total, "events": self.events, "shown": len(self.nodes),
                "left_out": self.total - len(self.nodes), "focus": self.focus, "missing": self.missing,
                "state_names": self.state_names}

    def to_networkx(self, viz: bool = False) -> nx.Graph:
        """The view as a graph for GEXF and GraphML: every attribute a scalar, positions as `x`/`y`; with
        `viz` (GEXF), position, colour and size also as GEXF's viz attributes, which Gephi draws."""
        graph = nx.Graph()
        for node in self.nodes:
            attributes = {k: v for k, v in node.items() if k not in ("id", "x", "y", "sizes") and v is not None}
            attributes.update({f"size_{measure}": size for measure, size in node["sizes"].items()})
            colour = node["colour"].lstrip("#")
            graph.add_node(node["id"], **attributes, x=node["x"], y=node["y"])
            if viz:
                graph.nodes[node["id"]]["viz"] = {
                    "position": {"x": node["x"], "y": -node["y"], "z": 0.0}, "size": float(node["events"]),
                    "color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16),
                              "a": 1.0}}
        for edge in self.edges:
            graph.add_edge(edge["source"], edge["target"], weight=edge["weight"])
        return graph


@dataclass(slots=True)
class _Index:
    """The filtered network as lookups: events of each entity and entities of each event."""

    network: Network
    events_of: dict[str, set[str]]
    agents_of: dict[str, set[str]]

    def neighbours(self, node: str) -> Counter[str]:
        """Entities met at the same events, with how many."""
        met: Counter[str] = Counter()
        for event in self.events_of.get(node, ()):
            met.update(self.agents_of[event])
        met.pop(node, None)
        return met

    def rank(self, node: str) -> tuple[int, tuple[str, str, str], str]:
        return (-len(self.events_of[node]), alphabetical(self.network.entities[node].label), node)


def _index(network: Network, filters: Filters) -> _Index:
    events = {k for k, e in network.events.items() if filters.keeps_event(e)}
    kept = {k for k, e in network.entities.items() if filters.keeps_entity(e)}
    events_of: dict[str, set[str]] = defaultdict(set)
    agents_of: dict[str, set[str]] = defaultdict(set)
    for event, agent in network.links:
        if event in events and agent in kept:
            events_of[agent].add(event)
            agents_of[event].add(agent)
    return _Index(network, dict(events_of), dict(agents_of))


def _chosen(index: _Index, request: ViewRequest) -> list[str]:
    """The nodes of the base view: the most active entities, or the focus and its neighbourhood."""
    limit = max(1, min(request.max_nodes, LIMIT_NODES))
    if not request.focus:
        return sorted(index.events_of, key=index.rank)[:limit]
    if request.focus not in index.events_of:
        return []
    chosen = [request.focus]
    frontier = [request.focus]
    seen = {request.focus}
    for _ in range(max(1, min(request.depth, 2))):
        weights: Counter[str] = Counter()
        for node in frontier:
            weights.update({n: w for n, w in index.neighbours(node).items() if n not in seen})
        layer = sorted(weights, key=lambda n: (-weights[n], *index.rank(n)))[:limit - len(chosen)]
        chosen += layer
        seen.update(layer)
        frontier = layer
    return chosen


def _graph(index: _Index, nodes: Iterable[str]) -> nx.Graph:
    """Co-attendance among the nodes, in a sorted order (so Louvain and the layout repeat themselves)."""
    members = set(nodes)
    pairs: Counter[tuple[str, str]] = Counter()
    for node in members:
        for event in index.events_of.get(node, ()):
            for other in index.agents_of[event]:
                if node < other and other in members:
                    pairs[(node, other)] += 1
    graph = nx.Graph()
    graph.add_nodes_from(sorted(members))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()))
    return graph


def layout(graph: nx.Graph, fixed: dict[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Positions in [-SCALE, SCALE]. Each connected part gets a seeded spring layout (Fruchterman–Reingold,
    heavier links pulling harder) sized by its number of nodes, and the parts are packed in rows, the
    biggest first: laid out together, the small parts fly to the edges and squeeze the main one into a
    dot. With `fixed`, those nodes stay where they are and the others are placed around them."""
    if not len(graph):
        return {}
    if fixed:
        if all(n in fixed for n in graph):
            return {n: fixed[n] for n in graph}
        unit = {n: (x / SCALE, y / SCALE) for n, (x, y) in fixed.items() if n in graph}
        found = nx.spring_layout(graph, pos=_near(graph, unit), fixed=sorted(unit), seed=SEED, weight="weight",
                                 k=1.5 / max(len(graph), 1) ** 0.5, iterations=60)
        return {n: (round(float(x) * SCALE, 1), round(float(y) * SCALE, 1)) for n, (x, y) in found.items()}
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    width = 1.2 * math.sqrt(sum(4 * _radius(len(part)) ** 2 for part in parts))
    width = max(width, 2 * _radius(len(parts[0])))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for part in parts:
        radius = _radius(len(part))
        if x + 2 * radius > width and x > 0:
            x, y, row = 0.0, y + row, 0.0
        centre = (x + radius, y + radius)
        if len(part) == 1:
            placed[part[0]] = centre
        else:
            inner = nx.rescale_layout_dict(_forceatlas2(induced(graph, part)), scale=radius * 0.9)
            for node in part:
                placed[node] = (centre[0] + float(inner[node][0]), centre[1] + float(inner[node][1]))
        x += 2 * radius
        row = max(row, 2 * radius)
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    middle = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    return {n: (round((px - middle[0]) / half * SCALE, 1), round((py - middle[1]) / half * SCALE, 1))
            for n, (px, py) in placed.items()}


def induced(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph on `nodes`, its nodes and links in sorted order. networkx's subgraph view lists the nodes
    of a small subset in the order of a set, which differs from one process to the next, and the layouts
    hand out their starting positions in node order: the same store drew a different map at each call."""
    kept = set(nodes)
    subgraph = nx.Graph()
    subgraph.add_nodes_from(sorted(kept))
    links = ((min(a, b), max(a, b), data) for a, b, data in graph.subgraph(kept).edges(data=True))
    subgraph.add_edges_from(sorted(links, key=lambda link: link[:2]))
    return subgraph


def _forceatlas2(graph: nx.Graph) -> dict:
    """ForceAtlas2 in its LinLog mode with hubs dissuaded (Jacomy et al., 2014): clusters read as clusters
    and the Smolensk hubs do not pull everything into one knot. LinLog divides each node's distance to
    itself (0 by 0, on the diagonal it then zeroes): numpy's warning about it is silenced, and a layout
    that still came out with a non-finite position falls back to a spring layout."""
    with np.errstate(divide="ignore", invalid="ignore"):
        found = nx.forceatlas2_layout(graph, seed=SEED, weight="weight", max_iter=150, distributed_action=True,
                                      linlog=True, scaling_ratio=4.0)
    if all(np.isfinite(p).all() for p in found.values()):
        return found
    return nx.spring_layout(graph, seed=SEED, weight="weight")


def _radius(size: int) -> float:
    """The room a connected part of `size` nodes gets: its area grows with its nodes."""
    return 0.5 + math.sqrt(size)


def _near(graph: nx.Graph, placed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Starting points: a new node next to the placed neighbour it shares most with, fanned out."""
    start = dict(placed)
    fan: Counter[str] = Counter()
    for node in sorted(graph):
        if node in start:
            continue
        anchors = sorted(((d.get("weight", 1), n) for n, d in graph[node].items() if n in placed), reverse=True)
        x, y = placed[anchors[0][1]] if anchors else (0.0, 0.0)
        turn = fan[anchors[0][1] if anchors else ""]
        fan[anchors[0][1] if anchors else ""] += 1
        angle = turn * 2.399963  # the golden angle: successive neighbours spread evenly around their anchor
        radius = 0.08 + 0.01 * turn
        start[node] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return start


def _brokerage(graph: nx.Graph, ours: set[str]) -> dict[str, int]:
    """For each node, the pairs of its neighbours, one of the Smolensk side and one foreign, that are not
    linked themselves: the contacts that go through it (Gould and Fernandez's liaison role, in short)."""
    found = {}
    for node in graph:
        near = list(graph[node])
        inside = [n for n in near if n in ours]
        outside = [n for n in near if n not in ours]
        found[node] = sum(1 for a in inside for b in outside if not graph.has_edge(a, b))
    return found


def _quarters(index: _Index, node: str) -> tuple[str, str]:
    periods = sorted(index.network.events[e].period for e in index.events_of[node])
    return periods[0], periods[-1]


def network_view(network: Network, request: ViewRequest,
                 layouts: MutableMapping[ViewRequest, dict[str, tuple[float, float]]] | None = None) -> View:
    """The view a request asks for. `layouts` keeps base layouts between calls (the server's cache), so
    that expanding a node places only the new ones."""
    index = _index(network, request.filters)
    base = _chosen(index, request)
    missing = [n for n in (request.focus, *request.expand, *request.add) if n and n not in index.events_of]
    nodes = list(base)
    for node in request.expand:
        if node in index.events_of:
            met = index.neighbours(node)
            nodes += sorted(met, key=lambda n: (-met[n], *index.rank(n)))[:EXPAND_NEIGHBOURS]
            nodes.append(node)
    nodes += [n for n in request.add if n in index.events_of]
    nodes = list(dict.fromkeys(nodes))
    graph = _graph(index, nodes)
    strength = dict(graph.degree(weight="weight"))
    between = betweenness(graph)
    sizes = node_sizes({"events": {n: len(index.events_of[n]) for n in nodes}, "betweenness": between,
                        "strength": strength})
    biggest = {node: max(by.values()) for node, by in sizes.items()}  # whichever size the page draws, none covers
    key = request.base()
    positions = layouts.get(key) if layouts is not None else None
    if positions is None:
        positions = separated(layout(induced(graph, base)), biggest, SCALE)
        if layouts is not None:
            layouts[key] = positions
    if len(nodes) > len(base):
        positions = separated(layout(graph, fixed=positions), biggest, SCALE, fixed=set(base))
    ours = {n for n in nodes if network.entities[n].smolensk}
    brokerage = _brokerage(graph, ours)
    community = communities(graph, seed=SEED)
    groups = _communities(index, community)
    state_colour = _state_colours(network, graph)
    community_colour = assign_colours([str(g["id"]) for g in groups],
                                      ((str(community[a]), str(community[b])) for a, b in graph.edges),
                                      {str(g["id"]): g["size"] for g in groups})
    for group in groups:
        group["colour"] = community_colour[str(group["id"])]
    drawn = []
    for node in nodes:
        entity = network.entities[node]
        first, last = _quarters(index, node)
        x, y = positions[node]
        drawn.append({
            "id": node, "label": entity.label, "kind": entity.type, "country": entity.country or "",
            "smolensk": entity.smolensk, "interstate": entity.interstate,
            "side": side(entity.smolensk, entity.country, entity.interstate), "events": len(index.events_of[node]),
            "first": first, "last": last,
            "strength": strength.get(node, 0), "betweenness": round(between.get(node, 0.0), 4),
            "brokerage": brokerage.get(node, 0), "community": community.get(node, -1),
            "colour": _colour_of(entity, state_colour), "community_colour": community_colour[str(community[node])],
            "sizes": sizes[node], "x": x, "y": y, "added": node not in base})
    edges = [{"id": f"{a}|{b}", "source": a, "target": b, "weight": d["weight"]}
             for a, b, d in sorted(graph.edges(data=True))]
    states = _legend(network, nodes, state_colour)
    codes = {network.entities[n].country for n in nodes if network.entities[n].country}
    return View(drawn, edges, groups, states, len(index.events_of), len(index.agents_of),
                request.focus if request.focus in index.events_of else "", missing,
                {code: network.states.get(code, code) for code in sorted(c for c in codes if c)})


def _communities(index: _Index, community: dict[str, int]) -> list[dict]:
    """Each community with its size and a name from its two most active members."""
    members: dict[int, list[str]] = defaultdict(list)
    for node, group in community.items():
        members[group].append(node)
    found = []
    for group, nodes in sorted(members.items()):
        top = sorted(nodes, key=index.rank)[:2]
        found.append({"id": group, "size": len(nodes),
                      "name": ", ".join(index.network.entities[n].label for n in top)})
    return found


def _state_colours(network: Network, graph: nx.Graph) -> dict[str, str]:
    """A colour per foreign state in the view; two states whose entities are linked differ."""
    def state(node: str) -> str:
        entity = network.entities[node]
        return entity.country or "" if not entity.smolensk and entity.country != "RU" else ""
    sizes = Counter(state(n) for n in graph)
    sizes.pop("", None)
    links = ((state(a), state(b)) for a, b in graph.edges)
    return assign_colours(sizes, ((a, b) for a, b in links if a and b), sizes)


def _colour_of(entity: EntityInfo, state_colour: dict[str, str]) -> str:
    if entity.smolensk:
        return SMOLENSK
    if entity.country == "RU":
        return RUSSIA
    if entity.interstate:
        return INTERSTATE
    return state_colour.get(entity.country or "", NO_STATE)


def _legend(network: Network, nodes: list[str], state_colour: dict[str, str]) -> list[dict]:
    """The states in the view with their names (from the states' own entities where the network has
    them) and colours, most nodes first; then the Smolensk side, other Russian entries, the bodies of several
    states and the entries of no state."""
    names = network.states
    counts = Counter(network.entities[n].country or "" for n in nodes
                     if not network.entities[n].smolensk and not network.entities[n].interstate)
    ours = sum(1 for n in nodes if network.entities[n].smolensk)
    interstate = sum(1 for n in nodes if network.entities[n].interstate and not network.entities[n].smolensk)
    legend = [{"code": code, "name": names.get(code, code), "colour": colour, "nodes": counts[code]}
              for code, colour in sorted(state_colour.items(), key=lambda item: (-counts[item[0]], item[0]))]
    if ours:
        legend.append({"code": "smolensk", "name": "Смоленская сторона", "colour": SMOLENSK, "nodes": ours})
    if counts.get("RU"):
        legend.append({"code": "RU", "name": f"{names.get('RU', 'Россия')}, кроме Смоленской стороны",
                       "colour": RUSSIA, "nodes": counts["RU"]})
    if interstate:
        legend.append({"code": "interstate", "name": "органы нескольких государств", "colour": INTERSTATE,
                       "nodes": interstate})
    if counts.get(""):
        legend.append({"code": "", "name": "без государства", "colour": NO_STATE, "nodes": counts[""]})
    return legend


def path_between(network: Network, filters: Filters, a: str, b: str) -> list[str]:
    """The shortest chain of entities linking two (through shared events, within the filters), or []."""
    index = _index(network, filters)
    if a not in index.events_of or b not in index.events_of:
        return []
    previous = {a: a}
    frontier = [a]
    while frontier and b not in previous:
        following = []
        for node in frontier:
            for other in sorted(index.neighbours(node)):
                if other not in previous:
                    previous[other] = node
                    following.append(other)
        frontier = following
    if b not in previous:
        return []
    chain = [b]
    while chain[-1] != a:
        chain.append(previous[chain[-1]])
    return chain[::-1]


def choices(network: Network) -> dict[str, list]:
    """What the filters offer: quarters, spheres, event types, directions and states, as in the data."""
    events = network.events.values()
    names = network.states
    states = sorted({e.country for e in network.entities.values() if e.country and not e.smolensk},
                    key=lambda c: names.get(c, c))

    def named(codes: set[str]) -> list[dict[str, str]]:
        return sorted(({"code": c, "name": network.names.get(c, c)} for c in codes),
                      key=lambda c: alphabetical(c["name"]))
    return {"periods": sorted({e.period for e in events}), "spheres": sorted({e.sphere for e in events}),
            "event_types": named({e.event_type for e in events}), "directions": named({e.direction for e in events}),
            "states": [{"code": c, "name": names.get(c, c)} for c in states]}


__all__ = ["Filters", "View", "ViewRequest", "choices", "layout", "network_view", "path_between"]
