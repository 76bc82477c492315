"""Where the partners are: the states shaded by their events, the places with coordinates as points,
each with the partners based there, within the map's filters (period, sphere, event type, direction).

An event counts for a state when one of its participants outside the Smolensk side belongs to that
state (Russia is home and is left out of the shading), and for a place when the place itself takes part
or an organisation based there does.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pycountry

from graph.network.analytics import Network
from graph.network.view import Filters
from graph.russian import alphabetical

TOP_PARTNERS = 10  # partners listed for a place; the rest are counted


def numeric_code(alpha2: str) -> str | None:
    """ISO 3166-1 numeric, as the world outlines (Natural Earth via world-atlas) identify states.

    >>> numeric_code("BY"), numeric_code("XX")
    ('112', None)
    """
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.numeric if country else None


def map_data(network: Network, filters: Filters) -> dict:
    """The states and places for the map: events, partners, points (plain data for JSON), and how many places of
    the events kept have no point to be drawn at."""
    events = {k for k, e in network.events.items() if filters.keeps_event(e)}
    state_events: dict[str, set[str]] = defaultdict(set)
    state_partners: dict[str, set[str]] = defaultdict(set)
    place_events: dict[str, set[str]] = defaultdict(set)
    based: dict[str, Counter[str]] = defaultdict(Counter)  # place -> partners based there, by events
    unplaced: set[str] = set()  # places no gazetteer and no analyst gave a point (`ties review point`)
    for event, agent in network.links:
        if event not in events:
            continue
        entity = network.entities[agent]
        if network.unplaced(agent):
            unplaced.add(agent)
        if not entity.smolensk and entity.country and entity.country != "RU":
            state_events[entity.country].add(event)
            state_partners[entity.country].add(agent)
        if agent in network.points:
            place_events[agent].add(event)
        if entity.location in network.points and entity.type != "LOC":
            place_events[entity.location].add(event)
            based[entity.location][agent] += 1
    states = [{"code": code, "numeric": numeric_code(code), "name": network.states.get(code, code),
               "events": len(found), "partners": len(state_partners[code])}
              for code, found in sorted(state_events.items(), key=lambda item: (-len(item[1]), item[0]))]
    places = []
    for place, found in sorted(place_events.items(), key=lambda item: (-len(item[1]), item[0])):
        known = network.entities.get(place)
        if known is None or place in network.state_places:
            continue  # a state is shaded, not pinned
        latitude, longitude = network.points[place]
        partners = sorted(based[place].items(),
                          key=lambda item: (-item[1], alphabetical(network.entities[item[0]].label)))
        places.append({"iri": place, "label": known.label, "lat": latitude, "lon": longitude,
                       "kind": network.place_kinds.get(place, ""),
                       "events": len(found), "country": known.country or "", "smolensk": known.smolensk,
                       "partner_count": len(partners),
                       "partners": [{"iri": p, "label": network.entities[p].label, "events": n}
                                    for p, n in partners[:TOP_PARTNERS]]})
    return {"states": states, "places": places, "events": len(events), "unplaced": len(unplaced)}
