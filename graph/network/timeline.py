"""When: events per quarter broken down by state, sphere, event type or direction, and each partner's
activity over the quarters (first and last seen, gaps, gone quiet), within the filters.

An event with partners of two states counts once for each state (the bars of a quarter then add up to
more than its events; the totals say how many events there were).

A quarter the graph holds no report of has no counts (None), not zero: nobody knows what happened in it,
and a partner is not said to have missed it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from graph.network.analytics import Network
from graph.network.palette import PALETTE
from graph.network.view import Filters
from graph.russian import alphabetical, quarters_between, unreported

BREAKDOWNS = {"country": "государствам", "sphere": "сферам", "type": "типам мероприятий",
              "direction": "направлениям"}
TOP_GROUPS = 8  # a chart shows this many groups; the rest are "прочие"
OTHER = "прочие"
NO_PARTNER_STATE = "без зарубежных участников"
GREYS = {OTHER: "#b8b8b8", NO_PARTNER_STATE: "#e0e0e0"}  # the groups that are not a state, sphere or kind


def _groups(network: Network, event: str, by: str, states: dict[str, set[str]]) -> set[str]:
    info = network.events[event]
    if by == "sphere":
        return {info.sphere}
    if by == "type":
        return {network.names.get(info.event_type, info.event_type)}
    if by == "direction":
        return {network.names.get(info.direction, info.direction)}
    codes = states.get(event) or set()
    return {network.states.get(code, code) for code in codes} or {NO_PARTNER_STATE}


def reported_quarters(network: Network) -> frozenset[str]:
    """The quarters the graph holds a report of: those of its events, whatever the filters keep."""
    return frozenset(event.period for event in network.events.values())


def timeline(network: Network, filters: Filters, by: str = "country") -> dict:
    """Events per quarter and group: `quarters` (every quarter of the window, empty ones too), `groups`
    (the biggest first, then "прочие"), `counts` [quarter][group] and `totals` [quarter] (None for a quarter
    with no report), `unreported` (those quarters, as runs of consecutive ones)."""
    events = [k for k, e in network.events.items() if filters.keeps_event(e)]
    states: dict[str, set[str]] = defaultdict(set)
    for event, agent in network.links:
        entity = network.entities[agent]
        if not entity.smolensk and entity.country and entity.country != "RU":
            states[event].add(entity.country)
    per_event = {event: _groups(network, event, by, states) for event in events}
    sizes = Counter(group for groups in per_event.values() for group in groups)
    shown = [group for group, _ in sorted(sizes.items(), key=lambda item: (-item[1], item[0]))][:TOP_GROUPS]
    periods = sorted({network.events[e].period for e in events})
    quarters = quarters_between(periods[0], periods[-1]) if periods else []
    counts: dict[str, Counter[str]] = {q: Counter() for q in quarters}
    totals: Counter[str] = Counter()
    for event, groups in per_event.items():
        period = network.events[event].period
        totals[period] += 1
        # an event with partners of five small states counts once among "прочие", as it does once in each state
        for group in {group if group in shown else OTHER for group in groups}:
            counts[period][group] += 1
    drawn = shown + ([OTHER] if any(counts[q][OTHER] for q in quarters) else [])
    colours = {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(g for g in drawn if g not in GREYS)}
    colours.update({group: colour for group, colour in GREYS.items() if group in drawn})
    reported = reported_quarters(network)
    return {"by": by, "quarters": quarters, "groups": drawn, "colours": colours,
            "counts": {q: {g: counts[q][g] for g in drawn} if q in reported else None for q in quarters},
            "totals": {q: totals[q] if q in reported else None for q in quarters}, "events": len(events),
            "unreported": unreported(reported, quarters[0], quarters[-1]) if quarters else []}


def activity(network: Network, filters: Filters, top: int = 30, last_quarters: int = 8) -> dict:
    """The `top` foreign partners by events within the filters, each with its events in each of the last
    `last_quarters` quarters of the window (None where the graph has no report), first and last seen, the
    reported quarters it was absent from between them, and whether it has gone quiet (not seen in the
    window's last quarter)."""
    events = {k for k, e in network.events.items() if filters.keeps_event(e)}
    per_partner: dict[str, Counter[str]] = defaultdict(Counter)
    for event, agent in network.links:
        entity = network.entities[agent]
        if event in events and entity.partner and agent not in network.state_places:
            per_partner[agent][network.events[event].period] += 1
    periods = sorted({network.events[e].period for e in events})
    if not periods:
        return {"quarters": [], "partners": []}
    window = quarters_between(periods[0], periods[-1])[-last_quarters:]
    reported = reported_quarters(network)
    ranked = sorted(per_partner,
                    key=lambda p: (-sum(per_partner[p].values()), alphabetical(network.entities[p].label)))[:top]
    rows = []
    for partner in ranked:
        seen = sorted(per_partner[partner])
        span = quarters_between(seen[0], seen[-1])
        rows.append({"iri": partner, "label": network.entities[partner].label,
                     "country": network.states.get(network.entities[partner].country or "", ""),
                     "events": sum(per_partner[partner].values()), "first": seen[0], "last": seen[-1],
                     "gaps": sum(1 for q in span if q in reported and q not in per_partner[partner]),
                     "quiet": seen[-1] != periods[-1],
                     "counts": [per_partner[partner][q] if q in reported else None for q in window]})
    return {"quarters": window, "partners": rows}
