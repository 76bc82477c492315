"""What the graph states of an event beyond its cells, decided where the text and the lexicons are read.

The RDF writer translates a `Description` into triples and looks nothing up: the event's concepts,
whether its dates name days, each participant's role and posts, organisations' kinds, legal forms,
parents and towns, places' identifiers and points, and the states they name all come from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from nlp.description.concepts import event_type_of, organisation_kind_of, sphere_of
from nlp.gazetteer.countries import CountryTable, fold
from nlp.gazetteer.places import Gazetteer
from nlp.records import (
    Agreement,
    Described,
    Description,
    Direction,
    Entity,
    EntityType,
    Event,
    EventRole,
    Field,
    Participant,
    PlaceKind,
    Post,
    State,
)
from nlp.resolution.resolve import mint_iri, org_parts

SMOLENSK_REGION = "Смоленская область"
# a title that says guests came: a visit, a reception, observers, a delegation "из"/"от" somewhere
_RECEIVED = re.compile(r"визит|прием|пребывани|прибыл|посетил|наблюдател|делегаци\w*\s+(?:из|от)\s", re.IGNORECASE)
_HEAD = re.compile(r"во главе с\s*(?:[а-яё]+\s+){0,8}$")
_SUPPORTER = re.compile(r"(?:при поддержке|организатор\w*)\s*(?:[а-яё]+\s+){0,3}$")
ROLE_CONTEXT = 60  # characters before a mention read for "во главе с", "при поддержке"


def describe(event: Event, entities: Sequence[Entity], countries: Sequence[str], agreements: Sequence[Agreement],
             gazetteer: Gazetteer, table: CountryTable,
             points: Mapping[str, tuple[float, float]] | None = None) -> Description:
    """The description of one event whose entities are resolved; `points`: the points analysts gave places (by
    IRI), which stand before the gazetteer's."""
    parents = organisation_parents(entities)
    described: dict[str, Described] = {}

    def of(entity: Entity) -> Described:
        if entity.id not in described:
            district = district_of(entity, entities, gazetteer)
            described[entity.id] = placed(describe_entity(entity, parents.get(entity.id, ()), gazetteer,
                                                          None if district is None else of(district)), points or {})
        return described[entity.id]

    participants = []
    for entity in entities:
        posts = tuple(Post(role, None if (named := organisation_in_role(role, entities)) is None else of(named))
                      for role in entity.roles)
        # a place the place cell names, wherever the row names it first (the title often names the city too)
        venue = entity.type is EntityType.LOC and any(m.field is Field.PLACE for m in entity.mentions)
        participants.append(Participant(of(entity), role_in_event(entity, event, agreements), posts, venue))
    codes = set(countries) | {code for d in _all_described(described.values()) for code in _codes(d)}
    states = tuple(state_of(code, gazetteer, table) for code in sorted(codes))
    return Description(sphere_of(event.sphere), event_type_of(event.title), direction_of(event, entities, countries),
                       day_precise(event), tuple(participants), states)


def placed(described: Described, points: Mapping[str, tuple[float, float]]) -> Described:
    """An entity, its town and the place it lies in at the points analysts gave them, where they gave one."""
    if not points:
        return described
    town = None if described.town is None else placed(described.town, points)
    region = None if described.region is None else placed(described.region, points)
    latitude, longitude = points.get(described.entity.id, (described.latitude, described.longitude))
    return replace(described, town=town, region=region, latitude=latitude, longitude=longitude)


def _all_described(found: Iterable[Described]) -> Iterable[Described]:
    for described in found:
        yield described
        for inner in (described.town, described.region):
            if inner is not None:
                yield from _all_described([inner])


def _codes(described: Described) -> Iterable[str]:
    if described.entity.country:
        yield described.entity.country


def state_of(code: str, gazetteer: Gazetteer, table: CountryTable) -> State:
    """A state by its code, named as the country table prefers, with its GeoNames id.

    >>> from nlp.gazetteer.countries import load_countries
    >>> from nlp.gazetteer.places import load_gazetteer
    >>> belarus = state_of("BY", load_gazetteer(), load_countries())
    >>> belarus.code, belarus.name, belarus.geonames
    ('BY', 'Беларусь', '630336')
    >>> state_of("AM", load_gazetteer(), load_countries()).geonames  # not the city of Colombia by its name
    '174982'
    """
    name = table.preferred.get(code, code)
    place = gazetteer.states.get(code)  # by its code: «Армения» is a city of Colombia too, «Бразилия» Brazil's capital
    return State(mint_iri(EntityType.LOC, "country", code), code, name, None if place is None else place.geonames)


def district_of(entity: Entity, entities: Sequence[Entity], gazetteer: Gazetteer) -> Entity | None:
    """The event's district entity a settlement's mention places it in («дер. Микулино Руднянского района»)."""
    if entity.district is None:
        return None
    wanted = gazetteer.district(entity.district)
    for other in entities:
        if other.type is EntityType.LOC and other.kind is PlaceKind.DISTRICT and (
                fold(other.name) == fold(entity.district)
                or wanted is not None and (known := gazetteer.lookup(other.name)) is not None
                and known.ref == wanted.ref):
            return other
    return None


def describe_entity(entity: Entity, parents: tuple[str, ...], gazetteer: Gazetteer,
                    district: Described | None = None) -> Described:
    """An entity with its kind, legal form, parents and town (organisations) or identifiers and point (places);
    `district`: the district the text places a settlement in."""
    if entity.type is EntityType.ORG:
        town = None if entity.town is None else describe_town(entity.town, gazetteer)
        return Described(entity, organisation_kind=organisation_kind_of(entity.name, entity.country),
                         legal_form=org_parts(entity.name)[0] or None, parents=parents, town=town)
    if entity.type is EntityType.LOC and entity.kind is not PlaceKind.COUNTRY:
        return describe_place(entity, gazetteer, district)
    return Described(entity)


def describe_place(entity: Entity, gazetteer: Gazetteer, district: Described | None = None) -> Described:
    """A settlement, district or region with the gazetteer's identifier and point where the kinds agree (and, for a
    settlement named with its district, where the gazetteer's lies in that district); a site or a town's district
    with the town it lies in; a settlement with the district the text places it in."""
    kind = entity.kind or PlaceKind.CITY
    region = None
    if entity.smolensk and entity.name != SMOLENSK_REGION:
        region = Described(Entity(mint_iri(EntityType.LOC, SMOLENSK_REGION), EntityType.LOC, SMOLENSK_REGION,
                                  country="RU", smolensk=True, kind=PlaceKind.REGION))
    if kind in (PlaceKind.SITE, PlaceKind.DISTRICT) and entity.town:
        # a site, or a town's district, lies in its town (which lies in its region)
        region = describe_town(entity.town, gazetteer)
    if district is not None:  # a settlement lies in its district (which lies in its region)
        region = district
    place = gazetteer.lookup(entity.name, entity.district, entity.country, kind)
    if place is None or place.kind != kind.value:
        return Described(entity, region=region)
    iso = place.ref.removeprefix("iso3166-2:") if place.ref.startswith("iso3166-2:") else None
    parent = gazetteer.region_of(place)
    if parent is not None and region is None:  # a district lies in its region
        region = Described(Entity(mint_iri(EntityType.LOC, parent.name), EntityType.LOC, parent.name,
                                  country=parent.country, smolensk=parent.smolensk, kind=PlaceKind.REGION))
    return Described(entity, geonames=place.geonames, iso_code=None if place.geonames else iso,
                     latitude=place.latitude, longitude=place.longitude, region=region, identifiers=place.ids)


def describe_town(name: str, gazetteer: Gazetteer) -> Described:
    """The settlement an organisation's name points at, as the place entity of that name."""
    place = gazetteer.lookup(name)
    town = Entity(id=mint_iri(EntityType.LOC, name), type=EntityType.LOC, name=name, kind=PlaceKind.CITY,
                  country=place.country if place else None, smolensk=place.smolensk if place else False)
    return describe_place(town, gazetteer)


def day_precise(event: Event) -> bool:
    """Whether the dates cell names days ("22-25 мая"), not months only ("май-июнь").

    >>> from nlp.records import Cell
    >>> cells = lambda dates: tuple(Cell(t, t) for t in ("", "", dates, "", ""))
    >>> day_precise(Event("2025-Q2", 1, 1, "", cells("22-25 мая 2025 г."))), \\
    ...     day_precise(Event("2025-Q2", 1, 1, "", cells("май-июнь 2025 г. (онлайн)")))
    (True, False)
    """
    text = re.sub(r"\b\d{4}\b|\([^)]*\)", " ", event.cell(Field.DATES).text)
    return bool(re.search(r"\b\d{1,2}\b", text))


def organisation_parents(entities: Iterable[Entity]) -> dict[str, tuple[str, ...]]:
    """Unit -> parents: the first organisation named inside another's name ("Управление … комитета"), and those
    coordinated with it by «и», the members of a joint body («Межпарламентская комиссия Совета Федерации … и Совета
    Республики …»); not one inside another's name there, nor one named further on («Представительство
    Правительства Смоленской области при Правительстве Российской Федерации» is the Smolensk government's)."""
    parents: dict[str, tuple[str, ...]] = {}
    orgs = [e for e in entities if e.type is EntityType.ORG]
    nested = [(e.id, m) for e in orgs for m in e.mentions if m.within == "org"]  # (most events name none)
    for outer in orgs if nested else ():
        for mention in outer.mentions:
            inner = sorted((m.start, -m.stop, iri) for iri, m in nested if iri != outer.id
                           and m.field is mention.field and mention.start < m.start and m.stop <= mention.stop)
            if not inner or outer.id in parents:
                continue
            (_, negated_stop, first), *rest = inner  # sorted by start, the outermost first
            end, found = -negated_stop, [first]
            for start, negated, iri in rest:
                if mention.text[end - mention.start:start - mention.start] == " и ":
                    found.append(iri)
                    end = -negated
            parents[outer.id] = tuple(dict.fromkeys(found))
    return parents


def organisation_in_role(role: str, entities: Iterable[Entity]) -> Entity | None:
    """The organisation a position names ("директор ОАО «Ольса»" -> ОАО «Ольса»): the longest one named."""
    lowered = role.lower()
    best: tuple[Entity, str] | None = None
    for entity in entities:
        if entity.type is EntityType.ORG:
            for mention in entity.mentions:
                if mention.text.lower() in lowered and (best is None or len(mention.text) > len(best[1])):
                    best = (entity, mention.text)
    return best[0] if best else None


def role_in_event(entity: Entity, event: Event, agreements: Sequence[Agreement]) -> EventRole:
    """A signatory of an agreement; the head of a delegation ("во главе с"); a supporter or organiser;
    the venue (a place in the place cell); else a participant."""
    if any(entity.id in a.parties for a in agreements):
        return EventRole.SIGNATORY
    for mention in entity.mentions:
        if mention.field is None:
            continue
        text = event.cell(mention.field).text
        before = text[max(0, mention.start - ROLE_CONTEXT):mention.start].lower()
        if _HEAD.search(before):
            return EventRole.HEAD
        if _SUPPORTER.search(before):
            return EventRole.SUPPORTER
    if entity.type is EntityType.LOC and any(m.field is Field.PLACE for m in entity.mentions):
        return EventRole.VENUE
    return EventRole.PARTICIPANT


def direction_of(event: Event, entities: Sequence[Entity], countries: Sequence[str]) -> Direction:
    """Remote link, delegation abroad, delegation received, hosted in the region, or elsewhere in Russia.

    The venue is the places named in the place cell: a foreign one means abroad; one in the
    Smolensk region means a visit received there (when the title says so) or an event hosted
    there; any other means an event elsewhere in Russia.
    """
    if event.remote:
        return Direction.REMOTE
    venue = [e for e in entities if e.type is EntityType.LOC and any(m.field is Field.PLACE for m in e.mentions)]
    if any(e.country and e.country != "RU" for e in venue):
        return Direction.OUTGOING
    if any(e.smolensk for e in venue) or not venue:
        return Direction.INCOMING if countries and _RECEIVED.search(event.title) else Direction.HOSTED
    if any(e.kind in (PlaceKind.CITY, PlaceKind.REGION, PlaceKind.SITE, PlaceKind.DISTRICT) for e in venue):
        return Direction.DOMESTIC
    return Direction.HOSTED
