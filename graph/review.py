"""What an analyst should look at, and the decisions that stay made (`ties review`).

Doubtful, read from the store: two entities of one type that may be one (a surname with other initials, one
organisation's name inside another's), an entity the reports write in several forms, a place without
coordinates, and a name only natasha found (no rule bore it out). A decision is written to the decisions files
(`nlp.resolution.corrections`: aliases.csv for same / different, corrections.csv for the rest), which every later build
applies, reading all reports again.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass

from graph.network.analytics import EntityInfo, Network, load_network, plain_rows
from graph.russian import alphabetical, coordinates
from graph.stores import Readable
from graph.web.paths import entity_iri
from nlp import Correction, EntityType, parse_point, write_alias, write_correction
from ontology import ENTITY_BASE

KINDS = {"merge": "возможно, одно и то же", "forms": "записано по-разному", "no-point": "место без координат",
         "natasha-only": "найдено только natasha"}  # each kind of doubt as the analyst reads it
_LEGAL = re.compile(r"^(?:[А-ЯЁA-Z]{2,6}\s+)+")  # ОАО, ГУ, ФГБОУ ВО…


@dataclass(frozen=True, slots=True)
class Doubt:
    kind: str  # a key of KINDS
    entities: tuple[str, ...]  # IRIs
    labels: tuple[str, ...]
    evidence: str
    hint: str  # the command that decides it

    def to_dict(self) -> dict:
        return {"kind": self.kind, "entities": list(self.entities), "labels": list(self.labels),
                "evidence": self.evidence, "decide": self.hint}


def as_text(found: list[Doubt], width: int) -> str:
    """The doubts for people: under each kind's heading with its count, one block each: the entities a line
    each and the evidence (wrapped at `width`), then the command that decides it, whole on its own line, to copy.

    >>> doubt = Doubt("merge", ("a", "b"), ("Комиссия", "Комиссия по энергетике"), "мероприятий: 1 и 1",
    ...               "ties review same|different org/komissiya org/komissiya-po-energetike")
    >>> print(as_text([doubt], 60))
    возможно, одно и то же (1)
    <BLANKLINE>
    Комиссия
    Комиссия по энергетике
      мероприятий: 1 и 1
      ties review same|different org/komissiya org/komissiya-po-energetike
    """
    lines: list[str] = []
    for kind, heading in KINDS.items():
        listed = [d for d in found if d.kind == kind]
        if not listed:
            continue
        if lines:
            lines.append("")
        lines.append(f"{heading} ({len(listed)})")
        for doubt in listed:
            lines.append("")
            for label in doubt.labels:
                lines += textwrap.wrap(label, width, subsequent_indent="    ")
            lines += textwrap.wrap(doubt.evidence, width, initial_indent="  ", subsequent_indent="  ")
            lines.append(f"  {doubt.hint}")
    return "\n".join(lines) if lines else "Сомнений нет."


def short(iri: str) -> str:
    return iri.removeprefix(ENTITY_BASE)


def _events(network: Network) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for event, agent in network.links:
        found[agent].add(event)
    return found


def _bare(label: str) -> str:
    """An organisation's name without legal form and quotes, lowercased."""
    return " ".join(re.sub(r"[«»\"“”„]", " ", _LEGAL.sub("", label)).lower().split())


def _skeleton(text: str) -> str:
    """What stays of a written name across case forms: each word's first four letters, quotes and ё aside
    ("Смоленской области" and "Смоленская область" are one; "Могилевлифтмаш" and "Могилёвлифтмаш" too, but
    "Могилевлифтмаш" and "Могилев-лифтмаш" are not)."""
    words = re.sub(r"[«»\"“”„]", " ", text.lower().replace("ё", "е")).split()
    return " ".join(word[:4] for word in words)


def doubts(store: Readable, network: Network | None = None) -> list[Doubt]:
    """Everything doubtful in the store, most telling first within each kind."""
    network = network or load_network(store)
    events = _events(network)
    entities = network.entities
    found: list[Doubt] = []
    surnames: dict[str, list[str]] = defaultdict(list)
    bare: dict[str, str] = {}
    for iri, entity in entities.items():
        if entity.type == "PER" and re.search(r"\S+\s+\S", entity.label):
            surnames[entity.label.split()[-1].lower()].append(iri)
        elif entity.type == "ORG" and len(_bare(entity.label).split()) >= 2:
            bare[iri] = _bare(entity.label)
    for group in surnames.values():
        for i, a in enumerate(sorted(group)):
            for b in sorted(group)[i + 1:]:
                found.append(_merge(a, b, network, events))
    # one organisation's name inside another's, word for word: each name's runs of words looked up among the
    # names (a few hundred runs a name, not every pair of names); not a unit named with its body («Оршанский
    # колледж УО «ВГУ»»), which the graph already holds as two
    units = {frozenset((row["unit"], row["body"])) for row in plain_rows(store, "review-units")}
    named: dict[str, list[str]] = defaultdict(list)
    for iri, name in bare.items():
        named[name].append(iri)
    for b, name_b in sorted(bare.items()):
        words = name_b.split()
        runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)} - {name_b}
        for a in sorted(iri for run in runs for iri in named.get(run, ())):
            if entities[a].country == entities[b].country and frozenset((a, b)) not in units:
                found.append(_merge(a, b, network, events))
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    for row in plain_rows(store, "review-forms"):
        if row["agent"] in entities:
            forms[row["agent"]].setdefault(_skeleton(row["text"]), row["text"])
    for iri, written in sorted(forms.items()):
        if len(written) > 1 and entities[iri].type != "LOC":
            found.append(Doubt("forms", (iri,), (entities[iri].label,), " | ".join(sorted(written.values())),
                               f'ties review name {short(iri)} "…"'))
    for iri, entity in sorted(entities.items()):
        if network.unplaced(iri):
            found.append(Doubt("no-point", (iri,), (entity.label,), f"мероприятий: {len(events[iri])}",
                               f"ties review point {short(iri)} ШИРОТА ДОЛГОТА"))
    sources: dict[str, set[str]] = defaultdict(set)
    for row in plain_rows(store, "review-sources"):
        sources[row["agent"]].add(row["by"])
    for iri, by in sorted(sources.items()):
        if by == {"ner"} and iri in entities and entities[iri].type == "ORG":
            found.append(Doubt("natasha-only", (iri,), (entities[iri].label,), f"мероприятий: {len(events[iri])}",
                               f"ties review not-entity {short(iri)}"))
    order = list(KINDS)
    return sorted(found, key=lambda d: (order.index(d.kind), tuple(map(alphabetical, d.labels))))


def _merge(a: str, b: str, network: Network, events: dict[str, set[str]]) -> Doubt:
    first, second = network.entities[a], network.entities[b]
    shared = len(events[a] & events[b])
    state_a, state_b = (_state_of(entity, network) for entity in (first, second))
    if state_a == state_b:
        states = f"государство у обеих — {state_a}" if first.country \
            else f"у обеих — {state_a}" if first.interstate else "государство не указано ни у одной"
    else:
        states = f"у первой — {state_a}, у второй — {state_b}"
    evidence = f"мероприятий: {len(events[a])} и {len(events[b])}, из них вместе {shared}; {states}"
    return Doubt("merge", (a, b), (first.label, second.label), evidence,
                 f"ties review same|different {short(a)} {short(b)}")


def _state_of(entity: EntityInfo, network: Network) -> str:
    """An entity's state by name; or that it is a body of several states or holds a post in one, which has none."""
    if entity.country:
        return network.states.get(entity.country, entity.country)
    if entity.interstate:
        return "орган нескольких государств" if entity.type != "PER" else "должность в органе нескольких государств"
    return "государство не указано"


@dataclass(frozen=True, slots=True)
class Decided:
    decision: str
    labels: tuple[str, ...]
    value: str = ""

    def russian(self) -> str:
        what = {"same": "одно и то же", "different": "разные", "not-entity": "не сущность", "type": "тип",
                "country": "государство", "name": "название", "point": "на карте"}[self.decision]
        value = coordinates(*self.value.split()) if self.decision == "point" else self.value
        return f"{' / '.join(self.labels)} — {what}" + (f": {value}" if value else "")


def decide(store: Readable, decision: str, entity: str, value: str = "", other: str = "",
           network: Network | None = None) -> Decided:
    """Record a decision about an entity (an IRI, page path or short id).

    Raises:
        ValueError: an entity the store does not hold, or a value of the wrong kind (said in one line).
    """
    network = network or load_network(store)
    iri = entity_iri(entity)
    if iri not in network.entities:
        raise ValueError(f"в хранилище нет участника {entity}")
    known = network.entities[iri]
    if decision in ("same", "different"):
        other_iri = entity_iri(other)
        if other_iri not in network.entities:
            raise ValueError(f"в хранилище нет участника {other}")
        second = network.entities[other_iri]
        if second.type != known.type:
            kinds = (EntityType(known.type).label, EntityType(second.type).label)
            raise ValueError(f"«{known.label}» — {kinds[0]}, «{second.label}» — {kinds[1]}: объединяются только "
                             "участники одного типа")
        write_alias(decision, known.type, known.label, second.label)
        return Decided(decision, (known.label, second.label))
    if decision == "type" and value.upper() not in ("PER", "ORG", "LOC"):
        raise ValueError(f"тип: «{value}»; укажите PER, ORG или LOC")
    if decision == "country" and not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ValueError(f"государство: «{value}»; укажите его код ISO (BY, CN…)")
    if decision == "name" and not value.strip():
        raise ValueError("название: укажите, как его писать")
    if decision == "point" and known.type != "LOC":
        raise ValueError(f"«{known.label}» — не место: на карту ставятся только места")
    normal = value.upper() if decision in ("type", "country") else value.strip()
    if decision == "point":
        normal = " ".join(map(str, parse_point(value)))
    if decision not in ("not-entity", "type", "country", "name", "point"):
        raise ValueError(f"решение «{decision}»: укажите same, different, not-entity, type, country, name или "
                         "point")
    write_correction(Correction(decision, iri, normal), known.label)
    return Decided(decision, (known.label,), normal)
