"""Records passed between the stages: report -> events -> mentions -> entities."""

from __future__ import annotations

import copyreg
import operator
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any, Literal, TypeVar

# who found a mention: natasha's NER, or a rule (for an organisation, a place, an abbreviation the text defines)
MentionSource = Literal["ner", "rule:org", "rule:place", "rule:alias"]
# what a mention lies inside: another organisation's name (a parent, a government), or a person's position
Nesting = Literal["org", "role", "post"]


class EntityType(StrEnum):
    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"

    @property
    def label(self) -> str:
        """The type as a Russian sentence names it: "персона", "организация", "место"."""
        return {"PER": "персона", "ORG": "организация", "LOC": "место"}[self.value]


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"
    DISTRICT = "district"
    CITY = "city"
    SITE = "site"


class Field(StrEnum):
    """The cells of an event row, in table order after the row number."""

    TITLE = "title"
    PLACE = "place"
    DATES = "dates"
    DESCRIPTION = "description"
    PARTICIPANTS = "participants"

    @property
    def label(self) -> str:
        """The cell's name as the reports' column headings and the workspace say it."""
        return FIELD_LABELS[self]


FIELD_LABELS = {Field.TITLE: "Название", Field.PLACE: "Место", Field.DATES: "Сроки", Field.DESCRIPTION: "Описание",
                Field.PARTICIPANTS: "Участники"}
FIELDS: tuple[Field, ...] = tuple(Field)

RecordType = TypeVar("RecordType", bound=type)


def pickled_by_fields(cls: RecordType) -> RecordType:
    """Pickle a frozen dataclass with slots as its class called on its fields' values (each field given to
    `__init__`). Dataclasses pickle such a record by a state set field by field after `dataclasses.fields`
    (~9 µs a record): handing a 100× build's events to and from its worker processes cost seconds of CPU so."""
    if any(not f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: a field outside __init__ cannot be given back to it")
    names = [f.name for f in fields(cls)]
    read = operator.attrgetter(*names)
    if len(names) == 1:
        copyreg.pickle(cls, lambda record: (cls, (read(record),)))
    else:
        copyreg.pickle(cls, lambda record: (cls, read(record)))
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text with whitespace normalised, and the text as published."""

    text: str
    raw: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Table:
    """A report as its reader finds it: heading paragraphs, table rows of cell texts, closing text.

    `locations` says where each row starts in the file ("line 14", "table row 3"), for messages.
    """

    heading: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    locations: tuple[str, ...]
    trailing: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Summary:
    """The closing paragraph of a report: how many meetings, and where."""

    text: str
    meetings: int | None
    places: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "meetings": self.meetings, "places": list(self.places)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        return cls(data["text"], data.get("meetings"), tuple(data.get("places") or ()))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """One event row of a report, with what can be read off its cells."""

    report: str
    number: int
    row: int
    sphere: str
    cells: tuple[Cell, ...]
    start: date | None = None
    end: date | None = None
    participant_count: int | None = None
    remote: bool = False

    def cell(self, name: Field) -> Cell:
        return self.cells[FIELDS.index(name)]

    @property
    def title(self) -> str:
        return self.cell(Field.TITLE).text

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "number": self.number,
            "row": self.row,
            "sphere": self.sphere,
            **{name.value: cell.text for name, cell in zip(FIELDS, self.cells, strict=True)},
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "participant_count": self.participant_count,
            "remote": self.remote,
            "raw": {name.value: cell.raw for name, cell in zip(FIELDS, self.cells, strict=True)},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        raw = data.get("raw") or {}
        cells = tuple(Cell(data.get(name.value) or "", raw.get(name.value, data.get(name.value) or ""))
                      for name in FIELDS)
        return cls(
            report=data["report"], number=int(data["number"]), row=int(data.get("row", data["number"])),
            sphere=data["sphere"], cells=cells,
            start=date.fromisoformat(data["start"]) if data.get("start") else None,
            end=date.fromisoformat(data["end"]) if data.get("end") else None,
            participant_count=data.get("participant_count"), remote=bool(data.get("remote")),
        )


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Report:
    """A quarterly report: its metadata, event rows and what went wrong reading it."""

    id: str
    title: str
    source: str
    checksum: str
    events: tuple[Event, ...]
    summary: Summary | None = None
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A report file before it is read, known by the checksum of its bytes (`Report.checksum`): a build
    reads only the files whose checksum the store does not hold."""

    path: str
    source: str  # the path as printed in messages
    checksum: str  # "" for a file that cannot be read or is too large: reading it says why


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming a person, organisation or place."""

    start: int
    stop: int
    type: EntityType
    text: str
    normal: str
    source: MentionSource = "ner"
    field: Field | None = None
    role: str | None = None
    kind: PlaceKind | None = None
    country: str | None = None
    smolensk: bool = False
    # "org": an organisation named inside another's name (a parent, a government);
    # "role": a place named inside a person's position ("Губернатор Смоленской области");
    # "post": a place named inside an unnamed official's post ("заместитель Главы города Смоленска"), whose state
    # takes part
    within: Nesting | None = None
    town: str | None = None  # for an organisation: the settlement its name points at; for a site: its town
    district: str | None = None  # for a settlement: the district named right after it («дер. Микулино Руднянского
    # района»), which tells it from its namesakes elsewhere
    # the name this mention abbreviates where the text defines it: "ООО «…» (ООО «СТиМ»)", "(далее – СЭЗ)"
    alias_of: str | None = None

    @property
    def in_a_post(self) -> bool:
        """A place named inside a person's position or an official's post: no place of the event (GUIDELINES)."""
        return self.within in ("role", "post")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "stop": self.stop, "type": self.type.value,
                                "text": self.text, "normal": self.normal, "source": self.source}
        for key in ("field", "role", "kind", "country", "within", "alias_of", "town", "district"):
            value = getattr(self, key)
            if value is not None:
                data[key] = str(value)
        data["smolensk"] = self.smolensk
        return data


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world person, organisation or place, as named in one event."""

    id: str
    type: EntityType
    name: str
    country: str | None = None
    smolensk: bool = False
    kind: PlaceKind | None = None
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False)

    @property
    def town(self) -> str | None:
        """For an organisation, the settlement its name points at; for a site, the town it lies in; if any mention
        says."""
        return next((m.town for m in self.mentions if m.town), None)

    @property
    def district(self) -> str | None:
        """For a settlement, the district a mention names right after it, if any does."""
        return next((m.district for m in self.mentions if m.district), None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type.value, "name": self.name}
        if self.type is EntityType.LOC:
            data["kind"] = self.kind.value if self.kind else None
        if self.type is EntityType.PER:
            data["roles"] = list(self.roles)
        data["country"] = self.country
        data["smolensk"] = self.smolensk
        return data


class AgreementStatus(StrEnum):
    SIGNED = "signed"
    DISCUSSED = "discussed"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Agreement:
    """An agreement or document the text names: its kind, parties, status, date and where it is said."""

    report: str
    number: int
    kind: str  # "соглашение о сотрудничестве", "протокол о намерениях"…
    kind_code: str  # agreement, cooperation, contract, protocol, memorandum, plan (`agreement_kinds.tsv`)
    status: AgreementStatus
    parties: tuple[str, ...]  # entity ids once resolved (canonical names before)
    start: int  # the sentence's offsets in the description cell
    stop: int
    text: str
    date: date | None = None
    document_number: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kind_code": self.kind_code, "status": self.status.value,
                "parties": list(self.parties), "date": self.date.isoformat() if self.date else None,
                "document_number": self.document_number, "start": self.start, "stop": self.stop,
                "text": self.text}


# ---------------------------------------------------------------- what the RDF writer writes of an event


class EventRole(StrEnum):
    """How an entity took part in an event (the ontology's ties:Roles concepts, "role-…")."""

    SIGNATORY = "signatory"
    HEAD = "head"
    SUPPORTER = "supporter"
    VENUE = "venue"
    PARTICIPANT = "participant"


class Direction(StrEnum):
    """Which way an event went (the ontology's ties:Directions concepts, "direction-…")."""

    REMOTE = "remote"
    OUTGOING = "outgoing"
    INCOMING = "incoming"
    HOSTED = "hosted"
    DOMESTIC = "domestic"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class State:
    """A sovereign state: its IRI, ISO 3166-1 code, Russian name and GeoNames id."""

    id: str
    code: str
    name: str
    geonames: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Described:
    """An entity with what resolution knows of it beyond its name.

    Organisations: their kind (an ontology concept), legal form, parents (entity ids: the body a unit belongs to,
    or the members a joint body is of) and the town their name points at. Places: their GeoNames id or ISO 3166-2
    code, other open identifiers (Wikidata, OpenStreetMap, OKTMO) and point, where the gazetteer has them,
    and the place they lie in (the Smolensk region for its own places; else their state, by
    `entity.country`).
    """

    entity: Entity
    organisation_kind: str | None = None
    legal_form: str | None = None
    parents: tuple[str, ...] = ()
    town: Described | None = None
    geonames: str | None = None
    iso_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    region: Described | None = None
    identifiers: tuple[str, ...] = ()  # "wikidata:Q…", "osm:relation/…", "oktmo:…"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Post:
    """A position a person held at the event, as the text states it, and the organisation it names."""

    title: str
    organisation: Described | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Participant:
    """An entity in an event: how it took part, and for a person, the posts it held."""

    described: Described
    role: EventRole
    posts: tuple[Post, ...] = ()
    venue: bool = False  # a place named in the place cell


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Description:
    """What the graph states of an event beyond its cells: its concepts (ontology local names), whether
    its dates name days, its participants and every state the graph names for it."""

    sphere: str
    event_type: str
    direction: Direction
    day_precise: bool
    participants: tuple[Participant, ...]
    states: tuple[State, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """An event with its entities (resolved across all reports), foreign countries, agreements, and the
    description the RDF writer translates (`nlp.description.describe`)."""

    event: Event
    entities: tuple[Entity, ...]
    countries: tuple[str, ...]
    agreements: tuple[Agreement, ...]
    description: Description
    problems: tuple[str, ...] = ()  # one line each, naming file and row: what could not be extracted

    def to_dict(self) -> dict[str, Any]:
        record = self.event.to_dict()
        record["countries"] = list(self.countries)
        record["entities"] = [entity.to_dict() for entity in self.entities]
        record["agreements"] = [agreement.to_dict() for agreement in self.agreements]
        return record
