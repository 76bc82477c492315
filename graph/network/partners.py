"""The repeat-partner report (`ties partners`): the partner profiles every build keeps
(ontology/summaries-profiles.ru), ranked, with network metrics worked out on the pairs that met more than once.

Reading the profiles costs a fraction of a second at any scale; rebuilding the whole network per call,
as this report did before, cost 15 s at 100 times the samples.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rdflib.namespace import FOAF, ORG, SDO

from graph.network.analytics import betweenness, communities
from graph.query import Table, internal_query
from graph.russian import alphabetical, numeric_day, quarter, quarter_index, unbroken_initials
from graph.stores import Readable
from nlp import state_name

CLASS_TYPES = {str(FOAF.Person): "PER", str(ORG.Organization): "ORG", str(SDO.Place): "LOC"}
PEOPLE_COLUMNS = ("Партнёр", "Государство", "Мероприятий", "Кварталы", "Период", "Сферы", "Смоленская сторона")


@dataclass(frozen=True, slots=True)
class PartnerRow:
    iri: str
    label: str
    type: str  # PER, ORG or LOC
    country: str  # ISO code; empty for a body of several states, or where the reports give none
    events: int
    quarters: tuple[str, ...]
    first: str | None  # the first event's first day
    last: str | None  # the last event's last day
    recency: int  # quarters since last seen, counted from the latest quarter of any partner
    spheres: tuple[str, ...]
    counterparts: tuple[str, ...]  # the Smolensk officials met
    weighted_degree: int  # events shared with others, over the pairs that met more than once
    betweenness: float  # on the same graph of repeated meetings
    community: int  # Louvain on that graph, numbered by size; -1 for a partner with no repeated meeting
    interstate: bool = False  # a body of several states («Союзное государство»), or a person of no state in one

    def to_dict(self) -> dict:
        # written out, not dataclasses.asdict, which copies every value deeply (0.2 s for 1,500 rows at 100x)
        return {"iri": self.iri, "label": self.label, "type": self.type, "country": self.country,
                "events": self.events, "quarters": list(self.quarters), "first": self.first, "last": self.last,
                "recency": self.recency, "spheres": list(self.spheres), "weighted_degree": self.weighted_degree,
                "betweenness": round(self.betweenness, 4), "community": self.community,
                "smolensk_counterparts": list(self.counterparts), "interstate": self.interstate}


def _split(text: str | None, separator: str, *, keep_order: bool = False) -> tuple[str, ...]:
    parts = [part for part in (text or "").split(separator) if part]
    return tuple(parts if keep_order else sorted(parts))


def read_partners(store: Readable, min_events: int = 2, country: str | None = None, kind: str | None = None,
                  since: str | None = None) -> list[PartnerRow]:
    """The foreign partners in `min_events` or more events, most events first; `since` keeps those seen in
    that quarter or later."""
    profiles: dict[str, dict[str, str]] = {}
    classes: dict[str, set[str]] = {}
    for row in store.results(internal_query("partner-profiles").bind({"min_events": str(min_events)})).rows:
        value = {k: v["value"] for k, v in row.items()}
        profiles.setdefault(value["partner"], value)
        if "class" in value:
            classes.setdefault(value["partner"], set()).add(CLASS_TYPES[value["class"]])
    graph = nx.Graph()
    for row in store.results(internal_query("partner-pairs").bind()).rows:
        graph.add_edge(row["a"]["value"], row["b"]["value"], weight=int(row["events"]["value"]))
    strength = dict(graph.degree(weight="weight"))
    between = betweenness(graph)
    community = communities(graph)
    latest_row = store.results(internal_query("latest-partner-quarter").bind()).rows
    latest = int(latest_row[0]["latest"]["value"]) if latest_row and "latest" in latest_row[0] else 0
    interstate = interstate_bodies(store)
    rows = []
    for iri, value in profiles.items():
        found = classes.get(iri, set())
        kind_of = next((k for k in ("ORG", "PER", "LOC") if k in found), "LOC")
        if ((country is not None and value["country"] != country)
                or (kind is not None and kind_of != kind)
                or (since is not None and int(value["lastQuarter"]) < quarter_index(since))):
            continue
        rows.append(PartnerRow(
            iri, value["label"], kind_of, value["country"], int(value["events"]), _split(value["quarters"], ", "),
            value.get("first"), value.get("last"), latest - int(value["lastQuarter"]), _split(value["spheres"], "; "),
            # the counterparts by surname, as the summaries list them
            _split(value.get("counterparts"), "; ", keep_order=True), int(strength.get(iri, 0)),
            float(between.get(iri, 0.0)),
            community.get(iri, -1), iri in interstate))
    return sorted(rows, key=lambda r: (-r.events, -r.weighted_degree, alphabetical(r.label), r.iri))


def interstate_bodies(store: Readable) -> frozenset[str]:
    """The organisations that are bodies of several states (their kind, `ties:org-international`), and the people
    whose state the reports do not give who hold a post in one: their side, where a state would stand."""
    return frozenset(row["body"]["value"] for row in store.results(internal_query("interstate-bodies").bind()).rows)


def people_table(rows: list[PartnerRow]) -> Table:
    """The report as a person reads it: Russian headings, each state by its name («межгос. орган» for a body
    of several states, «—» where the reports give none), quarters and dates as Russian writes them (II кв. 2025,
    18.01.2024 – 30.06.2025). Programs read the rows' own fields (the partner's type too, which `--type` picks)."""
    return Table(PEOPLE_COLUMNS, tuple(
        (r.label, state_name(r.country) if r.country else "межгос. орган" if r.interstate else "—", str(r.events),
         ", ".join(_unbroken(quarter(p)) for p in r.quarters), _period(r.first, r.last), "; ".join(r.spheres),
         unbroken_initials("; ".join(r.counterparts))) for r in rows))


def _period(first: str | None, last: str | None) -> str:
    """From the first event's first day to the last one's last day: "18.01.2024 – 30.06.2025"."""
    if first == last:
        return numeric_day(first)
    return f"{numeric_day(first)} – {numeric_day(last)}"


def _unbroken(text: str) -> str:
    """No-break spaces, so that a wrapped cell keeps "II кв. 2025" on one line."""
    return text.replace(" ", "\u00a0")
