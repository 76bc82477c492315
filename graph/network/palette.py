"""Colours for the map: a colour-blind-safe palette, given to states (or communities) so that two that
are linked on the map never share a colour while another is free.

The first seven are Okabe and Ito's (distinguishable with every common colour-vision deficiency), the
next eight Paul Tol's "muted" set; together fifteen, more than the states a view shows in practice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442",
           "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255")
SMOLENSK = "#3a3a3a"  # the Smolensk side: dark, drawn as a diamond, whatever the colouring
RUSSIA = "#9a9a9a"  # other Russian participants
INTERSTATE = "#b9aee0"  # bodies of several states and their officials: pale violet, no state's colour
NO_STATE = "#d2d2d2"  # entities of no known state


def assign_colours(groups: Iterable[str], links: Iterable[tuple[str, str]],
                   weight: Mapping[str, int] | None = None) -> dict[str, str]:
    """A colour for each group, the biggest first: the least used colour that none of its linked groups
    has (any least used one if all are taken), so that up to fifteen groups all differ and linked ones
    differ as long as the palette allows (greedy colouring, biggest first).

    >>> assign_colours(["BY", "DE", "CN"], [("BY", "DE")], {"BY": 9, "DE": 3, "CN": 5})
    {'BY': '#E69F00', 'CN': '#56B4E9', 'DE': '#009E73'}
    """
    weight = weight or {}
    neighbours: dict[str, set[str]] = {}
    for a, b in links:
        if a != b:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
    colours: dict[str, str] = {}
    used: Counter[str] = Counter()
    for group in sorted(set(groups), key=lambda g: (-weight.get(g, 0), g)):
        taken = {colours[n] for n in neighbours.get(group, ()) if n in colours}
        free = [c for c in PALETTE if c not in taken] or list(PALETTE)
        colour = min(free, key=lambda c: (used[c], PALETTE.index(c)))
        colours[group] = colour
        used[colour] += 1
    return colours
