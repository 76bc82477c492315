"""An event's and an organisation's concepts from their text, by the SKOS labels of ontology/ties.ttl.

A concept is named by its local name in the ontology ("sphere-culture", "type-exhibition"); the RDF
writer turns the name into the term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from ontology import ONTOLOGY, ONTOLOGY_BASE


@dataclass(frozen=True, slots=True)
class Scheme:
    """A concept scheme's concepts in notation order, each with its lowercase trigger stems."""

    concepts: tuple[tuple[str, tuple[str, ...]], ...]
    # each concept that has stems, with one pattern for them all: a stem where no letter goes before it
    # (compiled once: escaping and looking up every stem's pattern at every call cost ~5 s of a 100× build)
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = tuple((concept, re.compile(rf"(?<![а-яa-z])(?:{'|'.join(map(re.escape, stems))})"))
                         for concept, stems in self.concepts if stems)
        object.__setattr__(self, "patterns", patterns)

    def first_match(self, text: str, skip: str = "") -> str | None:
        """The first concept (`skip` aside) one of whose stems begins a word of the text."""
        lowered = text.lower().replace("ё", "е")
        for concept, pattern in self.patterns:
            if concept != skip and pattern.search(lowered):
                return concept
        return None


@cache
def scheme(name: str) -> Scheme:
    """The concepts of the scheme `name` (a local name: "Spheres"), read from the ontology once."""
    graph = _ontology()
    concepts = []
    for concept in graph.subjects(SKOS.inScheme, URIRef(ONTOLOGY_BASE + name)):
        notation = str(graph.value(concept, SKOS.notation) or "")
        stems = tuple(str(label).lower() for label in graph.objects(concept, SKOS.altLabel))
        concepts.append((notation, str(concept).removeprefix(ONTOLOGY_BASE), stems))
    return Scheme(tuple((concept, stems) for _, concept, stems in sorted(concepts)))


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def sphere_of(header: str) -> str:
    """The sphere of a section header.

    >>> sphere_of("Сотрудничество в сфере культуры и туризма"), sphere_of("Прочее")
    ('sphere-culture', 'sphere-other')
    """
    return scheme("Spheres").first_match(header) or "sphere-other"


def event_type_of(title: str) -> str:
    """The event type a title names ("Телемост …", "Участие в выставке …"), else "other".

    >>> event_type_of("Участие в 35-й Международной специализированной выставке «БЕЛАГРО-2025»")
    'type-exhibition'
    """
    return scheme("EventTypes").first_match(title) or "type-other"


def organisation_kind_of(name: str, country: str | None = None) -> str:
    """The kind of an organisation by its name: a government body, a company, a museum… A body of several
    states («Постоянный Комитет Союзного государства») only if no state of its own is given (`country`).

    >>> organisation_kind_of("ОАО «Ольса»"), organisation_kind_of("Администрация города Смоленска")
    ('org-company', 'org-government')
    >>> organisation_kind_of("Совет Министров Союзного государства")
    'org-international'
    >>> organisation_kind_of("Белорусско-Российский университет", "BY")
    'org-education'
    """
    return (scheme("OrganisationKinds").first_match(name + " ", skip="org-international" if country else "")
            or "org-other")
