"""What each page of the workspace shows, read from the store: plain dicts and lists for the templates.

Every read is an internal query (ontology/queries/internal) with its parameters bound as terms; the
page functions turn rows into what an analyst reads: labels, Russian dates and quarters, sides,
roles, counts. Links are page paths (`graph.web.paths`), never raw IRIs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup
from razdel import sentenize
from rdflib.namespace import FOAF, ORG, SDO

from graph.network.analytics import side
from graph.network.geography import numeric_code
from graph.network.parts import Rows
from graph.query import Table, internal_query, library, short_iri
from graph.russian import (
    alphabetical,
    day,
    days,
    one_post_each,
    quarter,
    quarter_index,
    quarter_span,
    quarters_between,
    unreported,
)
from graph.stores import Readable, results_later
from graph.stores.results import is_true
from graph.web.paths import page_of
from nlp import SMOLENSK_COUNTRY, EntityType, Field, Mention

KIND_OF_CLASS = {str(FOAF.Person): "person", str(ORG.Organization): "org", str(SDO.Place): "place",
                 str(SDO.Country): "country"}
KIND_LABELS = {"person": "Персона", "org": "Организация", "place": "Место", "country": "Государство"}
KIND_LABELS_PLURAL = {"org": "Организации", "person": "Персоны", "place": "Места", "country": "Государства"}
MENTION_TYPES = {"person": EntityType.PER, "org": EntityType.ORG, "place": EntityType.LOC, "country": EntityType.LOC}
INTERSTATE_BODY = "межгосударственный орган"  # what the partners table says where a state would stand
MAX_ROWS = 20_000
COUNTRY_EVENTS = 500  # a state's page lists the events of its newest quarters until it has this many
COUNTRY_PARTNERS = 500  # and its partners with the most events (all of them: the partners page and its CSV)
PLACE_LISTED = 500  # a place's page lists the organisations and places in it with the most events
ENTITY_EVENTS = 500  # an entity's page lists the events of its newest quarters until it has this many


@dataclass(frozen=True, slots=True)
class Link:
    """A name that links to its page (no link where the IRI has none)."""

    label: str
    href: str | None


def rows(store: Readable, name: str, **params: str) -> Rows:
    """The rows of an internal query, each a dict of plain values (absent where unbound)."""
    return store.results(internal_query(name).bind(params), MAX_ROWS).plain()


def rows_later(store: Readable, name: str, **params: str) -> Callable[[], Rows]:
    """The rows of an internal query when called: started now where the store runs a page's queries side by
    side (the server's query processes), so that a page waits for the slowest of them, not for their sum."""
    answer = results_later(store, internal_query(name).bind(params), MAX_ROWS)
    return lambda: answer().plain()


def _no_rows() -> Rows:
    """What a page reads where it has no query to make."""
    return []


def map_points(places: list[dict[str, Any]], located: Mapping[str, Mapping[str, str]]) -> list[dict[str, Any]]:
    """The places that have coordinates, for a page's small map: name, page, events, point."""
    return [{"label": p["link"].label, "page": p["link"].href, "events": p["events"],
             "lat": float(located[p["iri"]]["lat"]), "lon": float(located[p["iri"]]["lon"])}
            for p in places if p["iri"] in located]


def concept_labels(store: Readable) -> dict[str, str]:
    """The Russian label of every concept: read once per page, so that no page query joins on labels."""
    return _labels(rows(store, "concept-labels"))


def _labels(found: Rows) -> dict[str, str]:
    return {row["concept"]: row["label"] for row in found}


def link(iri: str | None, label: str | None) -> Link:
    return Link(label or iri or "", page_of(iri) if iri else None)


SIDE_LABELS = {"smolensk": "Смоленская сторона", "russian": "Российская сторона", "foreign": "Зарубежный партнёр",
               "interstate": "Орган нескольких государств", "unsaid": "Государство не указано"}


# an event's participants by side, in the order its page lists them
EVENT_SIDES = {"smolensk": "Смоленская сторона", "foreign": "Зарубежные партнёры", "russian": "Российские участники",
               "interstate": "Межгосударственные организации", "unsaid": "Государство не указано"}


def side_of(smolensk: bool, country: str | None, interstate: bool = False) -> str:
    """The side an entity is on (`graph.network.analytics.side`), as its page says it."""
    return SIDE_LABELS[side(smolensk, country, interstate)]


KIND_PRECEDENCE = ("country", "org", "person", "place")  # where an IRI has two classes, the first here wins


def _kind(classes: set[str]) -> str:
    """What an entity is, from its classes: a state is also a place, and counts as a state."""
    for kind in KIND_PRECEDENCE:
        if any(KIND_OF_CLASS.get(c) == kind for c in classes):
            return kind
    return "place"


def _sentence(text: str, start: int, stop: int) -> tuple[str, int]:
    """The sentence of `text` holding [start, stop), and its offset."""
    for sentence in sentenize(text):
        if sentence.start <= start < sentence.stop:
            return text[sentence.start:max(sentence.stop, stop)], sentence.start
    return text, 0


def highlighted(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """`text` with each (start, stop, kind, name) span marked, every character escaped (nlp's displaCy)."""
    from nlp import render_mentions  # displaCy brings spaCy: loaded by the first page that marks a text

    mentions = [Mention(start, stop, MENTION_TYPES.get(kind, EntityType.ORG), text[start:stop], name)
                for start, stop, kind, name in sorted(set(spans)) if 0 <= start < stop <= len(text)]
    return Markup(render_mentions(text, mentions))  # displaCy escapes the text, keeps the outermost of overlaps


# ---------------------------------------------------------------- entity


def quarter_bars(by_quarter: Mapping[str, int], reported: Collection[str]) -> list[dict[str, Any]]:
    """Every quarter from the first with events to the last, each with its events: 0 in a quarter the graph has
    a report of without them, None in one it has none of (unknown, not zero; a run of such quarters is one bar).

    >>> bars = quarter_bars({"2024-Q1": 2, "2025-Q1": 1}, {"2024-Q1", "2024-Q2", "2025-Q1"})
    >>> [(bar["quarter"], bar["events"]) for bar in bars]
    [('I кв. 2024', 2), ('II кв. 2024', 0), ('III–IV кв. 2024', None), ('I кв. 2025', 1)]
    """
    if not by_quarter:
        return []
    periods = sorted(by_quarter)
    every = quarters_between(periods[0], periods[-1])
    known = [period for period in every if period in by_quarter or period in reported]
    bars = [{"period": p, "quarter": quarter(p), "events": by_quarter.get(p, 0)} for p in known]
    bars += [{"period": first, "quarter": quarter_span(first, last), "events": None}
             for first, last in unreported(set(known), periods[0], periods[-1])]
    return sorted(bars, key=lambda bar: bar["period"])


def entity_page(store: Readable, iri: str, known: Mapping[str, Any] | None = None,
                reported: Collection[str] = (), read_labels: Callable[[], Rows] | None = None) -> dict[str, Any] | None:
    """An entity's card, events by quarter, counterparts, representatives or posts, places; None if unknown.

    `known`: the search index's entries by IRI (see _counterparts); without it, the card alone (a state's page
    shows its partners and events its own way). `reported`: the quarters the graph has a report of.
    `read_labels`: the concepts' labels, where the caller has started reading them for itself too."""
    related = known is not None
    read_card = rows_later(store, "entity-card", entity=iri)
    read_labels = read_labels or rows_later(store, "concept-labels")
    # the events counted by quarter; those of the newest quarters listed, read from their report graphs alone
    read_quarters = rows_later(store, "entity-quarters", entity=iri) if related else _no_rows
    card = read_card()
    if not card:
        return None
    first = card[0]
    kind = _kind({row["class"] for row in card})
    code = next((row["code"] for row in card if row.get("code")), None)
    if kind == "country":
        code = next((row["notation"] for row in card if row.get("notation")), code)
    smolensk = any(is_true(row.get("smolensk")) for row in card)
    identifiers = sorted({row["sameAs"] for row in card if row.get("sameAs", "").startswith(("http://", "https://"))})
    # a town's organisations (those the reports locate there); what lies in a place: districts, towns, sites
    read_based, read_inside = ((rows_later(store, "place-organisations", place=iri),
                                rows_later(store, "place-within", place=iri)) if related and kind == "place"
                               else (_no_rows, _no_rows))
    by_graph = read_quarters()
    by_quarter = Counter[str]()
    for row in by_graph:
        by_quarter[row["period"]] += int(row["events"])
    oldest = _first_listed(by_quarter, ENTITY_EVENTS) if by_quarter else 0
    graphs = [row["graph"] for row in by_graph if quarter_index(row["period"]) >= oldest]
    # what the page reads of the graphs listed: whom it met, for whom, where (all quarters but for the busiest)
    in_listed = {"entity": iri, "graph": " ".join(graphs)}

    def listed_rows(name: str, wanted: bool = True) -> Callable[[], Rows]:
        return rows_later(store, name, **in_listed) if graphs and wanted else _no_rows

    read_events = {name: listed_rows(name) for name in EVENT_QUERIES}
    read_counterparts = listed_rows("entity-counterparts", related)
    read_representatives = listed_rows("entity-representatives", kind == "org")
    read_places = listed_rows("entity-places", related)
    read_points = listed_rows("entity-place-points", related)
    # a body of several states, or a person of no state who holds a post in one, as the search index knows (a
    # state's card, read without it, says no side)
    interstate = bool(known is not None and iri in known and known[iri].interstate)
    event_count = sum(by_quarter.values())
    # the first quarter listed where older ones are left out (all of them: the library's query, `all_events`)
    listed_periods = sorted(p for p in by_quarter if quarter_index(p) >= oldest)
    listed_since = listed_periods[0] if len(listed_periods) < len(by_quarter) else None
    labels = _labels(read_labels())
    all_events = library()["entity"]  # the library's query of every event, which the page links to by its title
    listed = _entity_events({name: read() for name, read in read_events.items()}, kind, first["label"], labels)
    stated_posts = one_post_each(stated for event in listed.values() for stated, _ in event["posts"])
    posts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in listed.values():
        for stated, organisation in event["posts"]:
            posts[(stated_posts[stated], organisation)].add(event["period"])
    counterparts = _counterparts(read_counterparts(), known or {})
    representatives = _representatives(read_representatives())
    places: list[dict[str, Any]] = [{"iri": row["place"], "link": link(row["place"], row["label"]),
                                     "events": int(row["events"])} for row in read_places()]
    places.sort(key=lambda place: (-place["events"], alphabetical(place["link"].label)))
    located = {row["place"]: row for row in read_points()}
    based = _located_here(read_based(), "org", known)
    inside = _located_here(read_inside(), "inside", known, labels)
    return {
        "iri": iri, "label": first["label"], "kind": kind, "kind_label": KIND_LABELS[kind],
        "country": Link(first.get("countryLabel", ""), f"/country/{code}") if code and kind != "country" else None,
        "code": code,
        "side": "" if kind == "country" else side_of(smolensk, code, interstate),
        "aliases": sorted({row["alt"] for row in card if row.get("alt")}, key=alphabetical),
        "identifiers": identifiers,
        "notation": first.get("notation") if kind != "country" else None,
        "legal_form": first.get("legalForm"), "org_kind": labels.get(first.get("orgKind", "")),
        "place_kind": labels.get(first.get("placeKind", "")),
        "point": (first["lat"], first["lon"]) if first.get("lat") and first.get("lon") else None,
        "town": link(first["town"], first.get("townLabel")) if first.get("town") else None,
        # a unit's body, or the members of a joint body
        "parents": [link(iri, label) for iri, label in sorted({(row["parent"], row.get("parentLabel"))
                                                              for row in card if row.get("parent")},
                                                             key=lambda parent: parent[1] or parent[0])],
        "within": link(first["within"], first.get("withinLabel")) if first.get("within") else None,
        "oktmo": first.get("oktmo"),
        "events": sorted(listed.values(), key=lambda e: (e["start"] or e["period"], e["period"], e["row"])),
        "event_count": event_count, "listed_since": listed_since,
        "all_events": "/query?" + urlencode({"name": all_events.name, "p.entity": iri}),
        "all_events_title": all_events.title_ru,
        "quarters": quarter_bars(by_quarter, reported),
        "counterparts": counterparts, "representatives": representatives, "places": places,
        "based": based, "inside": inside,
        # a place shows itself first (its own point), then where its events took place
        "map_points": ([{"label": first["label"], "page": None, "events": event_count, "lat": float(first["lat"]),
                         "lon": float(first["lon"]), "own": True}] if kind == "place" and first.get("lat")
                       and first.get("lon") else []) + map_points(places, located),
        "posts": [{"post": post, "organisation": organisation, "periods": sorted(when)}
                  for (post, organisation), when in sorted(posts.items(), key=lambda item: min(item[1]))],
    }


def _located_here(located: Rows, column: str, known: Mapping[str, Any] | None,
                  labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What lies in a place (its organisations, or its districts, towns and sites: `located`, each IRI in `column`),
    those with most events first: each by its name in `known` (the search index's entries, as the other tables name
    them), with its events, the last quarter and, for a place, its kind; the first PLACE_LISTED of them and how many
    there are."""
    found: list[dict[str, Any]] = []
    for row in located:
        entry = (known or {}).get(row[column])
        found.append({"link": link(row[column], entry.label if entry else short_iri(row[column])),
                      "events": int(row.get("events", 0)), "last": row.get("last", ""),
                      "kind": (labels or {}).get(row.get("placeKind", ""), "")})
    found.sort(key=lambda here: (-here["events"], alphabetical(here["link"].label)))
    return {"shown": found[:PLACE_LISTED], "count": len(found)}


def _representatives(found: list[dict[str, str]]) -> list[dict[str, Any]]:
    """One row per person who represented an organisation: the posts they held (each once, `one_post_each`), their
    events and the last quarter."""
    persons: dict[str, dict[str, Any]] = {}
    for row in found:  # most events first
        person = persons.setdefault(row["person"], {"link": link(row["person"], row["label"]), "posts": [],
                                                    "events": 0, "last": row["last"]})
        person["posts"].append(row["stated"])
        person["events"] += int(row["events"])  # a participation states one post: no event twice
        person["last"] = max(person["last"], row["last"])
    for person in persons.values():
        person["post"] = "; ".join(dict.fromkeys(one_post_each(person.pop("posts")).values()))
    return sorted(persons.values(), key=lambda person: (-person["events"], alphabetical(person["link"].label)))


# an entity's events in the graphs its page lists, each part read by a query that starts from the entity (see
# entity-events.rq on why there is no OPTIONAL); the costliest first, as they run side by side
EVENT_QUERIES = ("entity-spans", "entity-events", "entity-dates", "entity-posts", "entity-on-behalf")


def _entity_events(found: Mapping[str, Rows], kind: str, label: str,
                   labels: dict[str, str]) -> dict[str, dict[str, Any]]:
    """An entity's events with dates, roles, posts and the sentence each names it in, from the rows of each of
    EVENT_QUERIES (`found`, by name)."""
    dates = {row["event"]: row for row in found["entity-dates"]}
    sources = {row["event"]: row for row in found["entity-spans"]}
    on_behalf = {row["p"]: row["onBehalfLabel"] for row in found["entity-on-behalf"]}
    stated: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in found["entity-posts"]:
        stated[row["event"]].append((row["stated"], on_behalf.get(row["p"], "")))
    listed: dict[str, dict[str, Any]] = {}
    for row in found["entity-events"]:
        when = dates.get(row["event"], {})
        event = listed.setdefault(row["event"], {
            "link": link(row["event"], row["title"]), "period": row["period"], "quarter": quarter(row["period"]),
            "row": int(row["row"]), "when": days(when.get("start"), when.get("end")), "start": when.get("start", ""),
            "roles": set(), "stated": {post for post, _ in stated.get(row["event"], [])},
            "posts": stated.get(row["event"], []), "source": None})
        event["roles"].add(labels.get(row["role"], ""))
        source = sources.get(row["event"])
        if source is not None and event["source"] is None:
            start, stop = int(source["s"]), int(source["x"])
            sentence, offset = _sentence(source["text"], start, stop)
            event["source"] = highlighted(sentence, [(start - offset, stop - offset, kind, label)])
    return listed


def _counterparts(met: Rows, known: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Whom an entity met (`met`: entity-counterparts' rows), with how often and when last, most often first;
    `known`: the search index's entries by IRI, for each one's name, kind and side (an IRI it lacks is no person,
    body or place)."""
    found = [{"link": link(entry.iri, entry.label), "kind": KIND_LABELS[entry.kind],
              "side": entry.side,
              "events": int(row["events"]), "last": row["last"]}
             for row in met for entry in [known.get(row["other"])] if entry]
    return sorted(found, key=lambda c: (-c["events"], alphabetical(c["link"].label)))


# ---------------------------------------------------------------- event


# what an event's page reads, each query given the event alone (they run side by side)
EVENT_PAGE_QUERIES = ("event", "event-participants", "event-spans", "event-states", "event-posts", "event-agreements",
                      "event-place-kinds")


def event_page(store: Readable, iri: str) -> dict[str, Any] | None:
    """An event: its cells with every mention marked, concepts, participants by side, agreements, report row."""
    read = {name: rows_later(store, name, event=iri) for name in EVENT_PAGE_QUERIES}
    read_labels = rows_later(store, "concept-labels")
    found = read["event"]()
    if not found:
        return None
    event = found[0]
    labels = _labels(read_labels())
    cells = {"title": event.get("title", ""), "place": event.get("venue", ""), "dates": event.get("dates", ""),
             "description": event.get("description", ""), "participants": event.get("participants", "")}
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    people: dict[str, dict[str, Any]] = {}
    found_rows = read["event-participants"]()
    classes: dict[str, set[str]] = defaultdict(set)
    for row in found_rows:
        classes[row["agent"]].add(row["class"])
    kinds = {agent: _kind(known) for agent, known in classes.items() if known & set(KIND_OF_CLASS)}
    # a place by its kind («Населённый пункт», «Регион»), which tells a region from its town of one name (a state
    # stays «Государство», as everywhere)
    place_kinds = {row["agent"]: labels[row["placeKind"]] for row in read["event-place-kinds"]()
                   if row["placeKind"] in labels and kinds.get(row["agent"]) == "place"}
    states: dict[str, dict[str, str]] = {}
    for row in read["event-states"]():
        if "code" in row or row["agent"] not in states:  # a state, where one is given, over a post's body
            states[row["agent"]] = row
    for row in found_rows:
        if row["agent"] not in kinds:
            continue
        state = states.get(row["agent"], {})
        who = people.setdefault(row["agent"], {
            "link": link(row["agent"], row["label"]),
            "kind": place_kinds.get(row["agent"]) or KIND_LABELS[kinds[row["agent"]]],
            "country": state.get("countryLabel", ""), "code": state.get("code"), "interstate": "interstate" in state,
            "smolensk": is_true(row["smolensk"]), "roles": set(), "stated": set(), "on_behalf": set()})
        who["roles"].add(labels.get(row["role"], ""))
    for row in read["event-posts"]():
        if row["agent"] in people:
            if row.get("stated"):
                people[row["agent"]]["stated"].add(row["stated"])
            if row.get("onBehalf"):
                people[row["agent"]]["on_behalf"].add(link(row["onBehalf"], row.get("onBehalfLabel")))
    for row in read["event-spans"]():
        if row["field"] in cells and row["agent"] in people:
            spans[row["field"]].append((int(row["s"]), int(row["x"]), kinds[row["agent"]],
                                        people[row["agent"]]["link"].label))
    # a participant whose state the report does not say is not taken for Russian
    sides: dict[str, list[dict[str, Any]]] = {heading: [] for heading in EVENT_SIDES.values()}
    for who in sorted(people.values(), key=lambda w: alphabetical(w["link"].label)):
        sides[EVENT_SIDES[side(who["smolensk"], who["code"], who["interstate"])]].append(who)
    agreements: dict[str, dict[str, Any]] = {}
    for row in read["event-agreements"]():
        agreement = agreements.setdefault(row["agreement"], {
            "label": row["label"], "kind": labels.get(row.get("kind", ""), ""), "signed": is_true(row["signed"]),
            "date": row.get("date", ""),
            "number": row.get("number", ""), "parties": []})
        if row.get("party"):
            agreement["parties"].append(link(row["party"], row.get("partyLabel")))
    return {
        "iri": iri, "title": event["title"], "period": event["period"], "quarter": quarter(event["period"]),
        "row": int(event["row"]), "report": link(event["report"], f"Отчёт за {quarter(event['period'])}"),
        "when": days(event.get("start"), event.get("end")) if event.get("startDay") else event.get("dates", ""),
        "venue": event.get("venue", ""), "sphere": labels.get(event["sphere"], ""),
        "type": labels.get(event["type"], ""), "direction": labels.get(event["direction"], ""),
        "remote": is_true(event.get("remote")),
        "participant_count": int(event["count"]) if event.get("count") else None,
        "sides": {side: people_ for side, people_ in sides.items() if people_},
        "agreements": list(agreements.values()),
        "cells": [{"field": Field(name).label, "html": highlighted(text, spans.get(name, []))}
                  for name, text in cells.items() if text],
    }


# ---------------------------------------------------------------- report, reports


def report_page(store: Readable, iri: str) -> dict[str, Any] | None:
    """A report: its quarter, summary, events by sphere, counts by state and by event type."""
    read = {name: rows_later(store, name, report=iri) for name in ("report", "report-events", "report-event-states")}
    read_labels = rows_later(store, "concept-labels")
    found = read["report"]()
    if not found:
        return None
    report = found[0]
    labels = _labels(read_labels())
    states: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read["report-event-states"]():
        states[row["event"]].append((row["code"], row["countryLabel"]))
    by_sphere: dict[str, list[dict[str, Any]]] = defaultdict(list)
    types: Counter[str] = Counter()
    countries: Counter[tuple[str, str]] = Counter()
    events = read["report-events"]()
    for row in events:
        kind = labels.get(row["type"], "")
        by_sphere[labels.get(row["sphere"], "")].append({
            "link": link(row["event"], row["title"]), "row": int(row["row"]), "type": kind,
            "when": days(row.get("start"), row.get("end")), "start": row.get("start", ""),
            "states": [Link(label, f"/country/{code}") for code, label in sorted(states.get(row["event"], []))]})
        types[kind] += 1
        countries.update(set(states.get(row["event"], [])))
    return {
        "iri": iri, "label": report["label"], "period": report["period"], "quarter": quarter(report["period"]),
        "summary": report.get("summary", ""), "meetings": report.get("meetings"), "file": report.get("file", ""),
        "events": len(events),
        "spheres": sorted(by_sphere.items(), key=lambda item: (-len(item[1]), alphabetical(item[0]))),
        # ties by name: the states were counted from sets, whose order changes with each process
        "types": sorted(types.items(), key=lambda item: (-item[1], alphabetical(item[0]))),
        "countries": [(Link(label, f"/country/{code}"), n)
                      for (code, label), n in sorted(countries.items(),
                                                     key=lambda item: (-item[1], alphabetical(item[0][1])))],
    }


def reports_page(store: Readable) -> list[dict[str, Any]]:
    return [{"link": Link(quarter(row["period"]), page_of(row["report"])), "period": row["period"],
             "label": row["label"], "events": int(row["events"])} for row in rows(store, "reports")]


# ---------------------------------------------------------------- country


def country_page(store: Readable, iri: str, code: str, known: Mapping[str, Any],
                 reported: Collection[str] = ()) -> dict[str, Any] | None:
    """A state: its partners ranked, its events by quarter, the regions and cities involved. Smolensk's own
    state has no foreign partners: its page is an entity's, the events it takes part in (`home` set).

    `known`: the search index's entries by IRI, for what each partner is (org, person, place); `reported`: the
    quarters the graph has a report of."""
    if code == SMOLENSK_COUNTRY:
        home = entity_page(store, iri, known, reported)
        return {**home, "home": True} if home is not None else None
    # started before the card is read: the partners take longest
    read_partners = rows_later(store, "country-partners", country=code)
    read_quarters = rows_later(store, "country-quarters", country=code)
    read_points = rows_later(store, "country-place-points", country=code)
    read_labels = rows_later(store, "concept-labels")
    card = entity_page(store, iri, read_labels=read_labels)
    if card is None:
        return None
    by_quarter = {row["period"]: int(row["events"]) for row in read_quarters()}
    read_events = rows_later(store, "country-events", country=iri,
                             since=str(_first_listed(by_quarter, COUNTRY_EVENTS))) if by_quarter else _no_rows
    labels = _labels(read_labels())
    ranked = sorted(read_partners(), key=lambda row: (-int(row["events"]), alphabetical(row["label"])))
    kinds = {row["agent"]: known[row["agent"]].kind if row["agent"] in known else "place" for row in ranked}
    others = [row for row in ranked if row["agent"] != iri]
    # the state's own profile counts the events naming the state itself (the partners' lists and the home page
    # show it); the card counts those of its bodies, persons and places too, and says which is which
    named_itself = next((int(row["events"]) for row in ranked if row["agent"] == iri), 0)
    persons_and_bodies = [row for row in others if kinds[row["agent"]] != "place"]
    # made for the partners the page shows: a state of thousands lists the first COUNTRY_PARTNERS
    shown = persons_and_bodies[:COUNTRY_PARTNERS] + [row for row in others if kinds[row["agent"]] == "place"]
    partners = [{"iri": row["agent"], "link": link(row["agent"], row["label"]), "kind": kinds[row["agent"]],
                 "kind_label": KIND_LABELS[kinds[row["agent"]]],
                 "events": int(row["events"]), "first": row.get("first", ""), "last": row.get("last", "")}
                for row in shown]
    events = [{"link": link(row["event"], row["title"]), "period": row["period"], "quarter": quarter(row["period"]),
               "row": int(row["row"]), "type": labels.get(row["type"], ""),
               "when": days(row.get("start"), row.get("end")), "start": row.get("start", "")}
              for row in read_events()]
    country_places = [p for p in partners if p["kind"] == "place"]
    located = {row["place"]: row for row in read_points()}
    return {**card, "code": code, "numeric": numeric_code(code), "map_points": map_points(country_places, located),
            "partners": [p for p in partners if p["kind"] != "place"], "partner_count": len(persons_and_bodies),
            "country_places": country_places,
            "country_events": events, "event_count": sum(by_quarter.values()), "named_itself": named_itself,
            "quarters": quarter_bars(by_quarter, reported)}


def _first_listed(by_quarter: Mapping[str, int], most: int) -> int:
    """The index (year × 4 + quarter − 1) of the oldest quarter a page lists: the newest quarters are taken
    whole until they hold `most` events."""
    listed = 0
    for period in sorted(by_quarter, reverse=True):
        listed += by_quarter[period]
        if listed >= most:
            break
    return quarter_index(period)


# ---------------------------------------------------------------- partners


PARTNER_COLUMNS = ("Партнёр", "Государство", "Мероприятий", "Кварталы", "Впервые", "Последний раз", "Сферы",
                   "Смоленская сторона", "Код государства")


def partner_rows(partners: list[dict[str, Any]]) -> Table:
    """The partners table as the page shows it, as text, and the state's ISO code last, for programs."""
    return Table(PARTNER_COLUMNS, tuple(
        (p["link"].label, p["country"].label if p["country"] else INTERSTATE_BODY if p["interstate"] else "",
         str(p["events"]), ", ".join(quarter(period) for period in p["periods"]),
         day(p["first"]), day(p["last"]), p["spheres"], p["counterparts"], p["code"]) for p in partners))


def partners_page(store: Readable, country: str = "", min_events: int = 2, states: Mapping[str, str] | None = None,
                  interstate: Collection[str] = frozenset()) -> list[dict[str, Any]]:
    """The repeat-partner table (the library's repeat-partners query), with links; each state by its name in
    `states` (code -> name), linked to its page; none for a body of several states or its official (`interstate`,
    as the search index knows them: marked so) or a partner whose state the reports do not give."""
    query = library()["repeat-partners"].bind({"min_events": str(min_events), "country": country})
    found = []
    for row in store.results(query, MAX_ROWS).rows:
        value = {key: term["value"] for key, term in row.items()}
        code = value.get("country", "")
        found.append({"link": link(value["partner"], value["label"]), "code": code,
                      "country": Link((states or {}).get(code, code), f"/country/{code}") if code else None,
                      "interstate": value["partner"] in interstate,
                      "events": int(value["events"]),
                      "periods": [p.strip() for p in value.get("quarters", "").split(",") if p.strip()],
                      "first": value.get("first", ""), "last": value.get("last", ""),
                      "spheres": value.get("spheres", ""), "counterparts": value.get("smolensk_counterparts", "")})
    return found
