"""A brief (справка) composed from the store: what happened with a state, a partner or everyone over a period,
every statement with the report rows it comes from."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from graph.briefs.russian import instrumental, period_phrase
from graph.network.analytics import Network, load_network, plain_rows, side
from graph.russian import alphabetical, one_post_each, quarter, quarter_index
from graph.stores import Readable
from graph.stores.results import is_true
from nlp import read_table

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
    """An event as a brief tells it: its row, what it was, when and where, and (once composed) how high the
    posts of its participants were."""

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
    level: int = 0  # the highest post among the participants (levels.tsv)
    participants: int = 0

    @property
    def source(self) -> Source:
        return Source(self.period, self.row, self.iri)


# the sides a brief lists the persons by, in order, with their headings
SIDES = {"smolensk": "Со смоленской стороны:", "russian": "Российские участники:", "foreign": "Зарубежные участники:",
         "interstate": "Органы нескольких государств:", "unsaid": "Государство не указано:"}


@dataclass(frozen=True, slots=True)
class Official:
    label: str
    iri: str
    side: str  # a key of SIDES
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
    earliest: str  # the first quarter the graph holds a report of (its partners before it are unknown)
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
class _Taking:
    agent: str
    label: str
    kind: str  # "PER", "ORG", "LOC"
    smolensk: bool
    country: str
    stated: str
    interstate: bool = False  # a body of several states, or a person of no state who holds a post in one

    @property
    def side(self) -> str:
        """Which of SIDES it is on (`graph.network.analytics.side`)."""
        return side(self.smolensk, self.country or None, self.interstate)


@dataclass(slots=True)
class Material:
    """What every brief is made of, read from the store once."""

    events: dict[str, BriefEvent]
    states: dict[str, set[str]]  # event -> the states it names
    taking: dict[str, list[_Taking]]  # event -> who took part
    agreements: dict[str, list[tuple[str, str, bool, tuple[str, ...]]]]  # event -> (label, kind, signed, parties)
    labels: dict[str, str]  # concept -> Russian label
    names: dict[str, str]  # entity -> label

    def periods(self) -> list[str]:
        return sorted({event.period for event in self.events.values()})


def read_material(store: Readable, network: Network | None = None) -> Material:
    """What briefs are made of: who took part in what from the network (read here, or the one the workspace
    keeps), and what only briefs need (rows, dates, venues, the states each event names, posts, agreements)."""
    network = network or load_network(store)
    labels = {row["concept"]: row["label"] for row in plain_rows(store, "concept-labels")}
    events = {row["event"]: BriefEvent(row["event"], row["period"], int(row["row"]), row["title"],
                                   labels.get(row["type"], ""), labels.get(row["sphere"], ""),
                                   labels.get(row["direction"], ""), row.get("venue", ""), row.get("start"),
                                   row.get("end"))
              for row in plain_rows(store, "brief-events")}
    states: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(store, "brief-states"):
        states[row["event"]].add(row["code"])
    posts: dict[tuple[str, str], str] = {}
    for row in plain_rows(store, "brief-participants"):
        posts.setdefault((row["event"], row["agent"]), row["stated"])
    taking: dict[str, list[_Taking]] = defaultdict(list)
    for event, agent in sorted(network.links):
        entity = network.entities[agent]
        taking[event].append(_Taking(agent, entity.label, entity.type, entity.smolensk, entity.country or "",
                                     posts.get((event, agent), ""), entity.interstate))
    agreements: dict[str, dict[str, tuple[str, str, bool, set[str]]]] = defaultdict(dict)
    for row in plain_rows(store, "brief-agreements"):
        label, kind, signed, parties = agreements[row["event"]].get(
            row["agreement"], (row["label"], labels.get(row["kind"], ""), is_true(row["signed"]), set()))
        if row.get("partyLabel"):
            parties.add(row["partyLabel"])
        agreements[row["event"]][row["agreement"]] = (label, kind, signed, parties)
    return Material(events, states, dict(taking),
                    {event: [(lb, k, s, tuple(sorted(p))) for lb, k, s, p in found.values()]
                     for event, found in agreements.items()}, labels,
                    {iri: entity.label for iri, entity in network.entities.items()})


@cache
def _levels() -> tuple[tuple[str, int], ...]:
    return tuple((stem, int(level)) for stem, level in read_table(Path(__file__).with_name("levels.tsv")))


def post_level(post: str) -> int:
    """How high a post is (levels.tsv), by its title: after a deputy's words («первый заместитель»), the adjectives
    and the noun they qualify; the words after them name whose post it is («советник Губернатора» is no governor).
    "Губернатор Смоленской области" 5, a deputy one less.

    >>> post_level("Губернатор Смоленской области"), post_level("заместитель министра"), post_level("")
    (5, 3, 0)
    >>> post_level("Первый заместитель председателя Правительства"), post_level("Чрезвычайный и Полномочный Посол")
    (3, 5)
    >>> post_level("советник Губернатора Смоленской области"), post_level("генеральный директор ОАО «МАЗ»")
    (0, 3)
    >>> post_level("первый заместитель полномочного представителя Правительства Смоленской области")
    3
    >>> post_level("главный федеральный инспектор аппарата полномочного представителя Президента")
    0
    """
    words = post.lower().split()
    deputy = False
    while words and words[0].startswith(_DEPUTY):
        deputy, words = True, words[1:]
    head = next((i for i, word in enumerate(words) if word != "и" and not _ADJECTIVE.search(word)), len(words) - 1)
    level = max((lv for stem, lv in _levels() for w in words[:head + 1] if w.startswith(stem)), default=0)
    return max(level - 1, 1) if level and deputy else level


_DEPUTY = ("заместител", "первый", "врио")
# a title's adjectives: in the nominative as posts are stated, in the genitive after a deputy's words
_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ого|его)$")


def validate_period(value: str) -> str:
    if not _PERIOD.match(value):
        raise ValueError(f"период задаётся как 2025-Q2, а не «{value}»")
    return value


def _index(period: str) -> int:
    """A quarter as a number, so that periods can be counted: 2025-Q2 -> 8101."""
    return int(period[:4]) * 4 + int(period[-1]) - 1


def _period(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def _previous(first: str, last: str) -> tuple[str, str]:
    """The period of the same length just before: 2025-Q2 -> 2025-Q1; 2024-Q1…2025-Q2 -> 2022-Q3…2023-Q4."""
    length = _index(last) - _index(first) + 1
    return _period(_index(first) - length), _period(_index(first) - 1)


def _quarters(first: str, last: str) -> list[str]:
    return [_period(i) for i in range(_index(first), _index(last) + 1)]


def _counts(events: Iterable[BriefEvent], key) -> tuple[Count, ...]:
    grouped: dict[str, list[Source]] = defaultdict(list)
    for event in events:
        grouped[key(event) or "не указано"].append(event.source)
    return tuple(Count(label, len(sources), tuple(sorted(sources)))
                 for label, sources in sorted(grouped.items(), key=lambda item: (-len(item[1]), alphabetical(item[0]))))


def subject_events(material: Material, kind: str, subject: str) -> list[BriefEvent]:
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
    agreements = tuple(Agreement(label, kind_, signed, parties, (e.source,))
                       for e in within for label, kind_, signed, parties in material.agreements.get(e.iri, ()))
    new, recurring, dormant = _partners(material, every, kind, subject, first, last)
    ranked = sorted(events, key=lambda e: (-e.level, -e.participants, e.source))
    return Brief(
        title=_title(kind, name, first, last), subject=name, kind=kind, first=first, last=last, events=events,
        by_type=_counts(within, lambda e: e.event_type), by_sphere=_counts(within, lambda e: e.sphere),
        by_direction=_counts(within, lambda e: e.direction), previous=previous,
        previous_known=any(previous[0] <= p <= previous[1] for p in material.periods()),
        earliest=min(material.periods(), default=first),
        previous_events=tuple(sorted(e.source for e in before)), key_events=tuple(ranked[:KEY_EVENTS]),
        officials=_officials(material, within), agreements=agreements, new=new, recurring=recurring,
        dormant=dormant,
        quarters=tuple(Count(period, len(sources), tuple(sources)) for period in _quarters(first, last)
                       for sources in [[e.source for e in within if e.period == period]]),
        reported=frozenset(p for p in material.periods() if first <= p <= last))


def _officials(material: Material, within: list[BriefEvent]) -> tuple[Official, ...]:
    """The persons at the period's events with the posts the rows give them, by side (SIDES: the Smolensk side
    first), the highest posts first."""
    found: dict[str, tuple[_Taking, set[str], set[Source]]] = {}
    for event in within:
        for t in material.taking.get(event.iri, ()):
            if t.kind == "PER":
                _, posts, sources = found.setdefault(t.agent, (t, set(), set()))
                if t.stated:
                    posts.add(t.stated)
                sources.add(event.source)
    officials = (Official(material.names[agent], agent, t.side, tuple(sorted(set(one_post_each(posts).values()))),
                          tuple(sorted(sources))) for agent, (t, posts, sources) in found.items())
    order = list(SIDES)
    return tuple(sorted(officials, key=lambda o: (order.index(o.side), -max(map(post_level, o.posts), default=0),
                                                  alphabetical(o.label))))


def _partners(material: Material, every: list[BriefEvent], kind: str, subject: str, first: str,
              last: str) -> tuple[tuple[Partner, ...], tuple[Partner, ...], tuple[Partner, ...]]:
    """The partners new in the period, those seen before too, and those seen only before (the latest
    LISTED_PARTNERS of them, each with its last event)."""
    seen: dict[str, list[BriefEvent]] = defaultdict(list)
    country: dict[str, str] = {}
    for event in sorted(every, key=lambda e: (e.period, e.row)):
        for t in material.taking.get(event.iri, ()):
            if _is_partner(t, kind, subject):
                seen[t.agent].append(event)
                country[t.agent] = t.country
    new: list[Partner] = []
    recurring: list[Partner] = []
    dormant: list[Partner] = []
    for agent, its in seen.items():
        inside = [e for e in its if first <= e.period <= last]
        earlier = [e for e in its if e.period < first]
        if inside:
            (recurring if earlier else new).append(Partner(material.names[agent], agent, country[agent],
                                                           tuple(e.source for e in inside), inside[-1].period))
        elif earlier:
            dormant.append(Partner(material.names[agent], agent, country[agent], (earlier[-1].source,),
                                   earlier[-1].period))

    def by_events(partners: list[Partner]) -> tuple[Partner, ...]:
        return tuple(sorted(partners, key=lambda p: (-len(p.sources), alphabetical(p.label))))
    # the latest first, those of one quarter in the alphabetical order (a reverse sort would put «Я» first)
    latest = sorted(dormant, key=lambda p: (-quarter_index(p.last), alphabetical(p.label)))[:LISTED_PARTNERS]
    return by_events(new), by_events(recurring), tuple(latest)


def _brief_event(material: Material, event: BriefEvent) -> BriefEvent:
    taking = material.taking.get(event.iri, [])
    return replace(event, level=max((post_level(t.stated) for t in taking), default=0),
                   participants=sum(t.kind != "LOC" for t in taking))


def _title(kind: str, name: str, first: str, last: str) -> str:
    """ "Информация о сотрудничестве Смоленской области с Республикой Беларусь за II квартал 2025 г." """
    when = period_phrase(first, last)
    if kind == "all":
        return f"Информация о международном сотрудничестве {SMOLENSK_REGION} {when}"
    return f"Информация о сотрудничестве {SMOLENSK_REGION} с {instrumental(name)} {when}"
