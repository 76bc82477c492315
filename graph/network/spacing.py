"""How big the map draws each node, and positions moved apart until no node covers another.

A force layout places nodes by their links alone, as points: in the samples' default view 31 of the 150 nodes'
circles overlapped another's, four nearly hidden under a neighbour (the Union State under a Belarusian social
centre). The map draws a node as big as its events, betweenness or links make it (the page's «Размер по»); the
server works the sizes out once, sends them, and spaces the nodes for the biggest of them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np

SMALLEST, GROWTH = 14, 46  # a node's diameter: the smallest's, and what the busiest of the view adds
GAP = 2.0  # between two circles, in the map's units (positions span ±1000)
ROUNDS = 300
REPAIR, MARGIN = 10, 40.0  # the near pairs are found again every ten rounds, among those within 40 units
GOLDEN_ANGLE = 2.399963  # radians: successive multiples never line up


def node_sizes(measures: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, int]]:
    """Each node's diameter by each measure (`measures`: measure -> node -> value): from 14 for none to 60 for the
    view's highest, by the square root, so that area follows the value.

    >>> node_sizes({"events": {"a": 4, "b": 1, "c": 0}})
    {'a': {'events': 60}, 'b': {'events': 37}, 'c': {'events': 14}}
    """
    sizes: dict[str, dict[str, int]] = {}
    for measure, values in measures.items():
        top = max(values.values(), default=0)
        for node, value in values.items():
            sizes.setdefault(node, {})[measure] = round(SMALLEST + GROWTH * (value / top) ** 0.5 if top else SMALLEST)
    return sizes


def separated(positions: Mapping[str, tuple[float, float]], diameters: Mapping[str, float], bound: float,
              fixed: Collection[str] = ()) -> dict[str, tuple[float, float]]:
    """`positions` moved apart until no two circles of these diameters overlap (with a small gap), each pair
    pushed apart along the line between them by what they overlap, kept within ±`bound`; `fixed` ones stay
    where they are, their neighbours moving the whole way. Nodes on one spot part in a direction of their own.

    >>> separated({"a": (0.0, 0.0), "b": (10.0, 0.0)}, {"a": 20, "b": 20}, 1000)
    {'a': (-6.0, 0.0), 'b': (16.0, 0.0)}
    """
    nodes = sorted(positions)
    if len(nodes) < 2:
        return {node: positions[node] for node in nodes}
    points = np.array([positions[node] for node in nodes], dtype=float)
    radius = np.array([diameters[node] / 2 + GAP / 2 for node in nodes])
    movable = np.array([node not in fixed for node in nodes], dtype=float)
    pairs = _near_pairs(points, radius)
    for round_ in range(1, ROUNDS + 1):
        first, second = pairs
        offset = points[first] - points[second]
        distance = np.hypot(offset[:, 0], offset[:, 1])
        overlap = radius[first] + radius[second] - distance
        hit = overlap > 1e-6
        if not hit.any():
            fresh = _near_pairs(points, radius)
            if round_ % REPAIR == 1 or all(np.array_equal(a, b) for a, b in zip(fresh, pairs, strict=True)):
                break  # the pairs were just found: none overlaps
            pairs = fresh
            continue
        first, second, offset, distance, overlap = first[hit], second[hit], offset[hit], distance[hit], overlap[hit]
        # the direction two nodes on one spot part in: each pair its own (the golden angle times the pair's
        # sum), the same every time
        angle = (first + second) * GOLDEN_ANGLE
        direction = np.where(distance[:, None] > 1e-9, offset / np.maximum(distance, 1e-9)[:, None],
                             np.stack([np.cos(angle), np.sin(angle)], axis=1))
        both = np.maximum(movable[first] + movable[second], 1)
        shift = np.zeros_like(points)
        np.add.at(shift, first, (overlap * movable[first] / both)[:, None] * direction)
        np.add.at(shift, second, -(overlap * movable[second] / both)[:, None] * direction)
        points = np.clip(points + shift, -bound, bound)
        if round_ % REPAIR == 0:
            pairs = _near_pairs(points, radius)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, points, strict=True)}


def _near_pairs(points: np.ndarray, radius: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < j) of circles that overlap or nearly do: those a few rounds of pushing could bring
    together; looked at again every REPAIR rounds, so that a round costs the pairs, not every pair."""
    offset = points[:, None, :] - points[None, :, :]
    distance = np.hypot(offset[..., 0], offset[..., 1])
    near = distance < radius[:, None] + radius[None, :] + MARGIN
    first, second = np.nonzero(np.triu(near, 1))
    return first, second
