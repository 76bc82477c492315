"""Concepts of an event from its row: sphere, event type and direction, by the ontology's SKOS labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from graph.vocab import TIES
from nlp.records import Entity, EntityType, Event, Field, PlaceKind
from ontology import HERE


@dataclass(frozen=True, slots=True)
class Scheme:
    """A concept scheme's concepts in notation order, each with its lowercase trigger stems."""

    concepts: tuple[tuple[URIRef, tuple[str, ...]], ...]

    def first_match(self, text: str) -> URIRef | None:
        lowered = text.lower().replace("ё", "е")
        for concept, stems in self.concepts:
            if any(re.search(rf"(?<![а-яa-z]){re.escape(stem)}", lowered) for stem in stems):
                return concept
        return None


@cache
def ontology() -> Graph:
    """The ontology, parsed once."""
    return Graph().parse(HERE / "ties.ttl")


@cache
def scheme(name: URIRef) -> Scheme:
    graph = ontology()
    concepts = []
    for concept in graph.subjects(SKOS.inScheme, name):
        notation = str(graph.value(concept, SKOS.notation) or "")
        stems = tuple(str(label).lower() for label in graph.objects(concept, SKOS.altLabel))
        concepts.append((notation, URIRef(concept), stems))
    return Scheme(tuple((concept, stems) for _, concept, stems in sorted(concepts)))


def sphere_of(header: str) -> URIRef:
    """The sphere concept of a section header ("Сотрудничество в сфере культуры и туризма")."""
    return scheme(TIES.Spheres).first_match(header) or TIES["sphere-other"]


def event_type_of(title: str) -> URIRef:
    """The event type a title names ("Телемост …", "Участие в выставке …"), else "other".

    >>> str(event_type_of("Участие в 35-й Международной специализированной выставке «БЕЛАГРО-2025»")).split("#")[1]
    'type-exhibition'
    """
    return scheme(TIES.EventTypes).first_match(title) or TIES["type-other"]


# a title that says guests came: a visit, a reception, observers, a delegation "из"/"от" somewhere
_RECEIVED = re.compile(r"визит|прием|пребывани|прибыл|посетил|наблюдател|делегаци\w*\s+(?:из|от)\s", re.IGNORECASE)


def direction_of(event: Event, entities: tuple[Entity, ...] | list[Entity], countries: list[str] | tuple) -> URIRef:
    """Remote link, delegation abroad, delegation received, hosted in the region, or elsewhere in Russia.

    The venue is the places named in the place cell: a foreign one means abroad; one in the
    Smolensk region means a visit received there (when the title says so) or an event hosted
    there; any other means an event elsewhere in Russia.
    """
    if event.remote:
        return TIES["direction-remote"]
    venue = [e for e in entities if e.type is EntityType.LOC
             and any(m.field is Field.PLACE for m in e.mentions)]
    if any(e.country and e.country != "RU" for e in venue):
        return TIES["direction-outgoing"]
    in_region = any(e.smolensk for e in venue) or not venue
    if in_region:
        foreign_guests = bool(countries) and _RECEIVED.search(event.title)
        return TIES["direction-incoming"] if foreign_guests else TIES["direction-hosted"]
    if any(e.kind in (PlaceKind.CITY, PlaceKind.REGION, PlaceKind.SITE, PlaceKind.DISTRICT) for e in venue):
        return TIES["direction-domestic"]
    return TIES["direction-hosted"]


def organisation_kind_of(name: str) -> URIRef:
    """The kind of an organisation by its name: a government body, a company, a museum…"""
    return scheme(TIES.OrganisationKinds).first_match(name + " ") or TIES["org-other"]
