"""A brief (справка) composed from the store: what happened with a state, a partner or everyone over a period,
every statement with the report rows it comes from."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from rdflib.namespace import FOAF, ORG

from graph.briefs.russian import instrumental, period_phrase
from graph.network.analytics import plain_rows
from graph.russian import quarter
from graph.stores import Readable
from graph.stores.results import is_true
from nlp import read_table

PERSON, ORGANISATION = str(FOAF.Person), str(ORG.Organization)
SMOLENSK_REGION = "Смоленской области"
KEY_EVENTS = 5
LISTED_PARTNERS = 15
_PERIOD = re.compile(r"^\d{4}-Q[1-4]$")


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """A report row: what every statement of a brief cites."""

    period: str
    row: int
    iri: str = field(compare=False)


@dataclass(frozen=True, slots=True)
class Count:
    label: str
    count: int
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class BriefEvent:
    source: Source
    title: str
    event_type: str
    sphere: str
    direction: str
    venue: str
    start: str | None
    end: str | None
    level: int  # the highest post among the participants (levels.tsv)
    participants: int


@dataclass(frozen=True, slots=True)
class Official:
    label: str
    iri: str
    smolensk: bool
    posts: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Agreement:
    label: str
    kind: str
    signed: bool
    parties: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Partner:
    label: str
    iri: str
    country: str
    sources: tuple[Source, ...]  # its events in the period (for a dormant partner: its last event before)
    last: str  # the last quarter it took part in


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    subject: str  # "Республика Беларусь", "ОАО «Могилевлифтмаш»", "" for the whole region
    kind: str  # "country", "partner", "all"
    first: str
    last: str
    events: tuple[BriefEvent, ...]
    by_type: tuple[Count, ...]
    by_sphere: tuple[Count, ...]
    by_direction: tuple[Count, ...]
    previous: tuple[str, str]
    previous_known: bool  # whether the graph holds a report of the previous period at all
    previous_events: tuple[Source, ...]
    key_events: tuple[BriefEvent, ...]
    officials: tuple[Official, ...]
    agreements: tuple[Agreement, ...]
    new: tuple[Partner, ...]
    recurring: tuple[Partner, ...]
    dormant: tuple[Partner, ...]
    quarters: tuple[Count, ...]  # events per quarter of the period, for the chart
    reported: frozenset[str]  # the quarters of the period the graph has a report of

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(event.source for event in self.events)


@dataclass(frozen=True, slots=True)
class _Event:
    iri: str
    period: str
    row: int
    title: str
    event_type: str
    sphere: str
    direction: str
    venue: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class _Taking:
    agent: str
    label: str
    kind: str  # "PER", "ORG", "LOC"
    smolensk: bool
    country: str
    stated: str


@dataclass(slots=True)
class Material:
    """What every brief is made of, read from the store once."""

    events: dict[str, _Event]
    states: dict[str, set[str]]  # event -> the states it names
    taking: dict[str, list[_Taking]]  # event -> who took part
    agreements: dict[str, list[tuple[str, str, bool, tuple[str, ...]]]]  # event -> (label, kind, signed, parties)
    labels: dict[str, str]  # concept -> Russian label
    names: dict[str, str]  # entity -> label

    def periods(self) -> list[str]:
        return sorted({event.period for event in self.events.values()})


def read_material(store: Readable) -> Material:
    labels = {row["concept"]: row["label"] for row in plain_rows(store, "concept-labels")}
    events = {row["event"]: _Event(row["event"], row["period"], int(row["row"]), row["title"],
                                   labels.get(row["type"], ""), labels.get(row["sphere"], ""),
                                   labels.get(row["direction"], ""), row.get("venue", ""), row.get("start"),
                                   row.get("end"))
              for row in plain_rows(store, "brief-events")}
    states: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(store, "brief-states"):
        states[row["event"]].add(row["code"])
    found: dict[str, dict[str, _Taking]] = defaultdict(dict)
    names: dict[str, str] = {}
    for row in plain_rows(store, "brief-participants"):
        kind = "PER" if row["class"] == PERSON else "ORG" if row["class"] == ORGANISATION else "LOC"
        agent = row["agent"]
        names[agent] = min(names.get(agent, row["label"]), row["label"])
        known = found[row["event"]].get(agent)  # one row per class, state and post: merged
        found[row["event"]][agent] = _Taking(
            agent, row["label"], kind if known is None or known.kind == "LOC" else known.kind,
            is_true(row["smolensk"]) or (known is not None and known.smolensk),
            row.get("code") or (known.country if known else ""),
            known.stated if known is not None and known.stated else row.get("stated", ""))
    taking = {event: [replace(t, label=names[t.agent]) for t in agents.values()] for event, agents in found.items()}
    agreements: dict[str, dict[str, tuple[str, str, bool, set[str]]]] = defaultdict(dict)
    for row in plain_rows(store, "brief-agreements"):
        label, kind, signed, parties = agreements[row["event"]].get(
            row["agreement"], (row["label"], labels.get(row["kind"], ""), is_true(row["signed"]), set()))
        if row.get("partyLabel"):
            parties.add(row["partyLabel"])
        agreements[row["event"]][row["agreement"]] = (label, kind, signed, parties)
    return Material(events, states, taking,
                    {event: [(lb, k, s, tuple(sorted(p))) for lb, k, s, p in found_.values()]
                     for event, found_ in agreements.items()}, labels, names)


@cache
def _levels() -> tuple[tuple[str, int], ...]:
    return tuple((stem, int(level)) for stem, level in read_table(Path(__file__).with_name("levels.tsv")))


def post_level(post: str) -> int:
    """How high a post is (levels.tsv), by its first two words (the words after them name whose post it is):
    "Губернатор Смоленской области" 5, a deputy one less.

    >>> post_level("Губернатор Смоленской области"), post_level("заместитель министра"), post_level("")
    (5, 3, 0)
    >>> post_level("главный федеральный инспектор аппарата полномочного представителя Президента")
    0
    """
    words = post.lower().split()[:2]
    level = max((lv for stem, lv in _levels() for w in words if w.startswith(stem)), default=0)
    return max(level - 1, 1) if level and words and words[0].startswith(("заместител", "первый", "врио")) else level


def validate_period(value: str) -> str:
    if not _PERIOD.match(value):
        raise ValueError(f"период задаётся как 2025-Q2, а не «{value}»")
    return value


def _previous(first: str, last: str) -> tuple[str, str]:
    """The period of the same length just before."""
    def index(period: str) -> int:
        return int(period[:4]) * 4 + int(period[-1]) - 1

    def period(i: int) -> str:
        return f"{i // 4}-Q{i % 4 + 1}"
    length = index(last) - index(first) + 1
    return period(index(first) - length), period(index(first) - 1)


def _quarters(first: str, last: str) -> list[str]:
    start, stop = (int(p[:4]) * 4 + int(p[-1]) - 1 for p in (first, last))
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(start, stop + 1)]


def _counts(events: Iterable[_Event], key) -> tuple[Count, ...]:
    grouped: dict[str, list[Source]] = defaultdict(list)
    for event in events:
        grouped[key(event) or "не указано"].append(Source(event.period, event.row, event.iri))
    return tuple(Count(label, len(sources), tuple(sorted(sources)))
                 for label, sources in sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])))


def subject_events(material: Material, kind: str, subject: str) -> list[_Event]:
    """Every event (any period) of the subject: a state's (by its code), a partner's (by IRI), or all."""
    if kind == "country":
        return [e for e in material.events.values() if subject in material.states.get(e.iri, ())]
    if kind == "partner":
        return [e for e in material.events.values() if any(t.agent == subject for t in material.taking.get(e.iri, ()))]
    return list(material.events.values())


def _is_partner(taking: _Taking, kind: str, subject: str) -> bool:
    """Who counts as a partner in the brief: the state's persons and bodies; the partner's Smolensk counterparts;
    for the whole region, every foreign person and body."""
    if taking.kind == "LOC" or taking.agent == subject:
        return False
    if kind == "country":
        return taking.country == subject and not taking.smolensk
    if kind == "partner":
        return taking.smolensk
    return not taking.smolensk and taking.country not in ("", "RU")


def compose(material: Material, kind: str, subject: str, first: str, last: str, name: str = "") -> Brief:
    """The brief on `subject` (a state's code, an entity's IRI, or "" for all) from quarter `first` to `last`."""
    first, last = validate_period(first), validate_period(last)
    if first > last:
        raise ValueError(f"начало периода ({quarter(first)}) позже конца ({quarter(last)})")
    every = subject_events(material, kind, subject)
    within = sorted((e for e in every if first <= e.period <= last), key=lambda e: (e.period, e.row))
    previous = _previous(first, last)
    before = [e for e in every if previous[0] <= e.period <= previous[1]]
    events = tuple(_brief_event(material, e) for e in within)
    officials: dict[str, tuple[_Taking, set[str], list[Source]]] = {}
    for event in within:
        for t in material.taking.get(event.iri, ()):
            if t.kind == "PER":
                _, posts, sources = officials.setdefault(t.agent, (t, set(), []))
                if t.stated:
                    posts.add(t.stated)
                sources.append(Source(event.period, event.row, event.iri))
    agreements = [Agreement(label, kind_, signed, parties, (Source(e.period, e.row, e.iri),))
                  for e in within for label, kind_, signed, parties in material.agreements.get(e.iri, ())]
    seen: dict[str, list[_Event]] = defaultdict(list)
    partner_of: dict[str, _Taking] = {}
    for event in every:
        for t in material.taking.get(event.iri, ()):
            if _is_partner(t, kind, subject):
                seen[t.agent].append(event)
                partner_of[t.agent] = t
    new: list[Partner] = []
    recurring: list[Partner] = []
    dormant: list[Partner] = []
    for agent, its in seen.items():
        inside = sorted((e for e in its if first <= e.period <= last), key=lambda e: (e.period, e.row))
        earlier = sorted((e for e in its if e.period < first), key=lambda e: (e.period, e.row))
        t = partner_of[agent]
        if inside:
            partner = Partner(material.names[agent], agent, t.country, tuple(Source(e.period, e.row, e.iri)
                                                                             for e in inside), inside[-1].period)
            (recurring if earlier else new).append(partner)
        elif earlier:
            dormant.append(Partner(material.names[agent], agent, t.country,
                                   (Source(earlier[-1].period, earlier[-1].row, earlier[-1].iri),), earlier[-1].period))
    ranked = sorted(events, key=lambda e: (-e.level, -e.participants, e.source))
    def by_events(partners: list[Partner]) -> tuple[Partner, ...]:
        return tuple(sorted(partners, key=lambda p: (-len(p.sources), p.label)))
    return Brief(
        title=_title(kind, name, first, last), subject=name, kind=kind, first=first, last=last, events=events,
        by_type=_counts(within, lambda e: e.event_type), by_sphere=_counts(within, lambda e: e.sphere),
        by_direction=_counts(within, lambda e: e.direction), previous=previous,
        previous_known=any(previous[0] <= p <= previous[1] for p in material.periods()),
        previous_events=tuple(sorted(Source(e.period, e.row, e.iri) for e in before)),
        key_events=tuple(ranked[:KEY_EVENTS]),
        officials=tuple(sorted((Official(material.names[agent], agent, t.smolensk, tuple(sorted(posts)),
                                         tuple(sorted(set(sources))))
                                for agent, (t, posts, sources) in officials.items()),
                               key=lambda o: (not o.smolensk, -max((post_level(p) for p in o.posts), default=0),
                                              o.label))),
        agreements=tuple(agreements), new=by_events(new), recurring=by_events(recurring),
        dormant=tuple(sorted(dormant, key=lambda p: (p.last, p.label), reverse=True)[:LISTED_PARTNERS]),
        quarters=tuple(Count(period, len(sources), tuple(sources)) for period in _quarters(first, last)
                       for sources in [[Source(e.period, e.row, e.iri) for e in within if e.period == period]]),
        reported=frozenset(p for p in material.periods() if first <= p <= last))


def _brief_event(material: Material, event: _Event) -> BriefEvent:
    taking = material.taking.get(event.iri, [])
    return BriefEvent(Source(event.period, event.row, event.iri), event.title, event.event_type, event.sphere,
                      event.direction, event.venue, event.start, event.end,
                      max((post_level(t.stated) for t in taking), default=0),
                      sum(t.kind != "LOC" for t in taking))


def _title(kind: str, name: str, first: str, last: str) -> str:
    """ "Информация о сотрудничестве Смоленской области с Республикой Беларусь за II квартал 2025 г." """
    when = period_phrase(first, last)
    if kind == "all":
        return f"Информация о международном сотрудничестве {SMOLENSK_REGION} {when}"
    return f"Информация о сотрудничестве {SMOLENSK_REGION} с {instrumental(name)} {when}"
