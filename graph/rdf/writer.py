"""From extracted records to RDF: one graph per report, every fact traceable to its text span."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from typing import Any, NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespaces

from graph.rdf import ids, vocab
from graph.rdf.version import MadeWith, software_version
from graph.rdf.vocab import PREFIXES
from nlp import ExtractedEvent
from nlp.records import (
    Agreement,
    AgreementStatus,
    Described,
    EntityType,
    Event,
    Field,
    Participant,
    PlaceKind,
    Report,
    State,
)
from ontology import ONTOLOGY


class Terms:
    """A namespace whose terms are made once. rdflib makes (and checks) a new URIRef at each `RDF.type`:
    with its literals, making a report's triples cost more than checking and writing them."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # found in the instance from now on, without __getattr__
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD = (
    Terms(getattr(rdflib_namespaces, name))
    for name in ("DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SDO", "SKOS", "TIME", "XSD"))
GEONAMES, ID, OA, OSM_RELATION, SEM, TIES, WIKIDATA = (
    Terms(getattr(vocab, name)) for name in ("GEONAMES", "ID", "OA", "OSM_RELATION", "SEM", "TIES", "WIKIDATA"))


Iri = str  # an IRI, written <…>


class Lit(NamedTuple):
    """A literal as N-Triples writes it: its text, and a language or a datatype (an rdflib Literal cost
    20 µs to make, for the one thing the writer does with it)."""

    text: str
    lang: str | None = None
    datatype: str | None = None

    def rdflib(self) -> Literal:
        return Literal(self.text, lang=self.lang, datatype=None if self.datatype is None else URIRef(self.datatype))


Triple = tuple[Iri, Iri, Iri | Lit]
XSD_STRING = str(XSD.string)


def ru(text: str) -> Lit:
    """Text in Russian."""
    return Lit(text, "ru")


def typed(value: object, datatype: URIRef) -> Lit:
    return Lit(str(value), None, str(datatype))


def boolean(flag: bool) -> Lit:
    return Lit("true" if flag else "false", None, str(XSD.boolean))


@cache
def ontology() -> Graph:
    """The ontology (ontology/ties.ttl), parsed once: the store's ontology graph and the shapes' classes."""
    return Graph().parse(ONTOLOGY)


def new_graph() -> Graph:
    """An empty graph with every prefix of the project bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


class ReportGraph:
    """Builds the named graph of one report."""

    def __init__(self, report: Report, generated_at: datetime | None = None) -> None:
        self.report = report
        # the triples in the order written, each once: an rdflib Graph cost 24 µs a triple (its indexes),
        # a third of a 100× build; the graph is made from these only where one is asked for
        self.triples: dict[Triple, None] = {}
        self.generated_at = generated_at or datetime.now(UTC).replace(microsecond=0)
        self.described: set[str] = set()
        # regions named as where a place lies: described so far as that, not yet as an entity of an event
        self.regions_named: set[str] = set()
        self.states: dict[str, State] = {}  # the states the event being written names, by code

    def add(self, s: Iri, p: Iri, o: Iri | Lit) -> None:
        self.triples[(s, p, o)] = None

    # ------------------------------------------------------------ report and provenance

    def describe_report(self) -> Iri:
        report, add = self.report, self.add
        node = ids.report_iri(report.id)
        file = ids.file_iri(report.checksum)
        run = ids.run_iri(report.id, report.checksum)
        named = ids.graph_iri(report.id)
        add(node, RDF.type, TIES.Report)
        add(node, RDFS.label, ru(report.title))
        add(node, TIES.period, Lit(report.id))
        year, quarter = report.id.split("-Q")
        add(node, TIES.quarterIndex, typed(int(year) * 4 + int(quarter) - 1, XSD.integer))
        add(node, TIES.checksum, Lit(report.checksum))
        add(node, PROV.wasDerivedFrom, file)
        add(node, PROV.wasGeneratedBy, run)
        if report.summary is not None:
            add(node, TIES.summary, ru(report.summary.text))
            if report.summary.meetings is not None:
                add(node, TIES.meetingCount, typed(report.summary.meetings, XSD.integer))
        add(file, RDF.type, PROV.Entity)
        add(file, SDO.name, Lit(report.source.replace("\\", "/").rsplit("/", 1)[-1]))
        add(file, TIES.checksum, Lit(report.checksum))
        software = ID["software/smolensk-ties"]
        add(software, RDF.type, PROV.SoftwareAgent)
        add(software, RDFS.label, Lit("smolensk-ties"))
        add(run, RDF.type, TIES.ExtractionRun)
        add(run, PROV.used, file)
        add(run, PROV.wasAssociatedWith, software)
        add(run, TIES.softwareVersion, Lit(software_version()))
        add(named, RDF.type, PROV.Entity)
        add(named, PROV.wasDerivedFrom, file)
        add(named, PROV.wasGeneratedBy, run)
        add(named, PROV.generatedAtTime, typed(self.generated_at.isoformat(), XSD.dateTime))
        return node

    def cell(self, event: Event, field: Field) -> Iri:
        node = ids.cell_iri(event.report, event.number, field.value)
        if node not in self.described:
            self.described.add(node)
            self.add(node, RDF.type, TIES.Cell)
            self.add(node, TIES.field, Lit(field.value))
            self.add(node, TIES.cellText, ru(event.cell(field).text))
            self.add(node, PROV.wasDerivedFrom, ids.report_iri(event.report))
            self.add(ids.event_iri(event.report, event.number), TIES.cell, node)
        return node

    def span(self, event: Event, field: Field, start: int, stop: int) -> Iri:
        """A span of a cell as a Web Annotation target: its characters' positions in the cell's text.

        No quote selector beside it: the cell's text is in the same graph (ties:cellText), so its quote
        (`SUBSTR(?text, ?start + 1, ?end - ?start)`) and the words around it would only repeat it, and they
        were a fifth of a report's triples (the graphs step of a 100× build 5–6 s longer with them)."""
        node = ids.span_iri(event.report, event.number, field.value, start, stop)
        if node in self.described:
            return node
        self.described.add(node)
        position = f"{node}#position"
        add = self.add
        add(node, RDF.type, OA.SpecificResource)
        add(node, OA.hasSource, self.cell(event, field))
        add(node, OA.hasSelector, position)
        add(position, RDF.type, OA.TextPositionSelector)
        add(position, OA.start, typed(start, XSD.nonNegativeInteger))
        add(position, OA.end, typed(stop, XSD.nonNegativeInteger))
        return node

    # ------------------------------------------------------------ entities

    def describe_country(self, code: str) -> Iri:
        """A state, labelled by its name in the country table: one label in every report's graph."""
        state = self.states[code]
        node = state.id
        if state.id not in self.described:
            self.described.add(state.id)
            self.add(node, RDF.type, SDO.Country)
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, ru(state.name))
            self.add(node, TIES.smolensk, boolean(False))
            self.add(node, SKOS.notation, Lit(code))
            self.add(node, TIES.placeKind, TIES["place-country"])
            if state.geonames:
                self.add(node, OWL.sameAs, GEONAMES[f"{state.geonames}/"])
        return node

    def describe_entity(self, described: Described) -> Iri:
        entity = described.entity
        node = entity.id
        if entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY and entity.country:
            node = self.describe_country(entity.country)
            if entity.name != self.states[entity.country].name:
                self.add(node, SKOS.altLabel, ru(entity.name))
            return node
        if entity.id in self.described:
            return node
        self.described.add(entity.id)
        add = self.add
        add(node, RDFS.label, ru(entity.name))
        add(node, TIES.smolensk, boolean(entity.smolensk))
        if entity.type is EntityType.PER:
            add(node, RDF.type, FOAF.Person)
            add(node, RDF.type, SDO.Person)
            add(node, FOAF.name, ru(entity.name))
        elif entity.type is EntityType.ORG:
            add(node, RDF.type, ORG.Organization)
            add(node, RDF.type, SDO.Organization)
            add(node, ORG.classification, TIES[described.organisation_kind or "org-other"])
            if described.legal_form:
                add(node, TIES.legalForm, Lit(described.legal_form))
            for parent in described.parents:
                add(node, ORG.subOrganizationOf, parent)
            if described.town is not None:
                add(node, SDO.location, self.describe_entity(described.town))
        else:
            self.describe_place(node, described)
        if entity.country and not (entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY):
            add(node, TIES.country, self.describe_country(entity.country))
        return node

    def describe_place(self, node: Iri, described: Described) -> None:
        entity, add = described.entity, self.add
        add(node, RDF.type, SDO.Place)
        kind = entity.kind or PlaceKind.CITY
        add(node, TIES.placeKind, TIES[f"place-{kind.value}"])
        if kind is PlaceKind.COUNTRY:  # a state the text names without a code the country table knows
            add(node, RDF.type, SDO.Country)
            return
        if described.geonames:
            add(node, OWL.sameAs, GEONAMES[f"{described.geonames}/"])
        elif described.iso_code:
            add(node, SKOS.notation, Lit(described.iso_code))
        for identifier in described.identifiers:
            scheme, _, value = identifier.partition(":")
            if scheme == "wikidata":
                add(node, OWL.sameAs, WIKIDATA[value])
            elif scheme == "osm":
                add(node, OWL.sameAs, OSM_RELATION[value.removeprefix("relation/")])
            elif scheme == "oktmo":
                add(node, TIES.oktmo, Lit(value))
        if described.latitude is not None and described.longitude is not None:
            geo = f"{node}#geo"
            add(node, SDO.geo, geo)
            add(geo, RDF.type, SDO.GeoCoordinates)
            add(geo, SDO.latitude, typed(described.latitude, XSD.decimal))
            add(geo, SDO.longitude, typed(described.longitude, XSD.decimal))
        if described.region is not None:
            add(node, SDO.containedInPlace, self.describe_region(described.region))
        elif entity.country:
            add(node, SDO.containedInPlace, self.describe_country(entity.country))

    def describe_region(self, described: Described) -> Iri:
        """The region a place lies in: named, of its kind, in its state. Should the region be an entity of an event
        as well, `describe_entity` still describes it whole (its state, coordinates and identifiers): a region named
        first as where a town lies went without them in that report's graph."""
        region = described.entity
        node = region.id
        if region.id not in self.described and region.id not in self.regions_named:
            self.regions_named.add(region.id)
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, ru(region.name))
            self.add(node, TIES.placeKind, TIES[f"place-{(region.kind or PlaceKind.REGION).value}"])
            self.add(node, TIES.smolensk, boolean(region.smolensk))
            if region.country:
                self.add(node, SDO.containedInPlace, self.describe_country(region.country))
        return node

    # ------------------------------------------------------------ events

    def describe_event(self, extracted: ExtractedEvent) -> Iri:
        event, description, add = extracted.event, extracted.description, self.add
        self.states = {state.code: state for state in description.states}
        node = ids.event_iri(event.report, event.number)
        add(node, RDF.type, SEM.Event)
        add(node, RDF.type, SDO.Event)
        add(node, TIES.inReport, ids.report_iri(event.report))
        add(node, PROV.wasDerivedFrom, ids.report_iri(event.report))
        add(node, TIES.rowNumber, typed(event.number, XSD.integer))
        add(node, SDO.name, ru(event.title))
        add(node, RDFS.label, ru(event.title))
        add(node, SDO.description, ru(event.cell(Field.DESCRIPTION).text))
        add(node, TIES.venueText, ru(event.cell(Field.PLACE).text))
        add(node, TIES.datesText, ru(event.cell(Field.DATES).text))
        add(node, TIES.participantsText, ru(event.cell(Field.PARTICIPANTS).text))
        add(node, TIES.sphere, self.describe_sphere(description.sphere, event.sphere))
        add(node, SEM.eventType, TIES[description.event_type])
        add(node, TIES.direction, TIES[f"direction-{description.direction.value}"])
        add(node, TIES.remote, boolean(event.remote))
        if event.participant_count is not None:
            add(node, TIES.participantCount, typed(event.participant_count, XSD.integer))
        if event.start and event.end:
            add(node, SEM.hasEarliestBeginTimeStamp, typed(event.start.isoformat(), XSD.date))
            add(node, SEM.hasLatestEndTimeStamp, typed(event.end.isoformat(), XSD.date))
            if description.day_precise:
                add(node, SDO.startDate, typed(event.start.isoformat(), XSD.date))
                add(node, SDO.endDate, typed(event.end.isoformat(), XSD.date))
        for code in extracted.countries:
            add(node, TIES.country, self.describe_country(code))
        for participant in description.participants:
            self.describe_participation(event, node, participant)
        for index, agreement in enumerate(extracted.agreements, 1):
            self.describe_agreement(event, node, agreement, index)
        return node

    def describe_sphere(self, concept: str, header: str) -> Iri:
        if concept != "sphere-other" or not header:
            return TIES[concept]
        node = ID[f"sphere/{ids.digest(header)}"]  # a sphere no scheme concept names yet
        if node not in self.described:
            self.described.add(node)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.inScheme, TIES.Spheres)
            self.add(node, SKOS.broader, TIES["sphere-other"])
            self.add(node, SKOS.prefLabel, ru(header))
        return node

    def describe_participation(self, event: Event, event_node: Iri, participant: Participant) -> None:
        add, entity = self.add, participant.described.entity
        agent = self.describe_entity(participant.described)
        node = ids.participation_iri(event.report, event.number, entity.id)
        add(event_node, TIES.participation, node)
        add(event_node, SEM.hasActor, agent)
        add(node, RDF.type, TIES.Participation)
        add(node, TIES.agent, agent)
        add(node, TIES.roleInEvent, TIES[f"role-{participant.role.value}"])
        mention = entity.mentions[0] if entity.mentions else None
        if mention is not None and mention.field is not None:
            add(node, PROV.wasDerivedFrom, self.span(event, mention.field, mention.start, mention.stop))
            add(node, TIES.extractedBy, Lit(mention.source))
        if participant.venue:
            add(event_node, SEM.hasPlace, agent)
        for post_held in participant.posts:
            role = post_held.title
            add(node, TIES.statedRole, ru(role))
            post = ids.post_iri(entity.id, role)
            add(node, TIES.inCapacityOf, post)
            add(post, RDF.type, ORG.Post)
            add(post, RDFS.label, ru(role))
            add(post, ORG.heldBy, agent)
            if post_held.organisation is not None:
                org_node = self.describe_entity(post_held.organisation)
                add(node, TIES.onBehalfOf, org_node)
                add(post, ORG.postIn, org_node)
                self.describe_membership(event, entity.id, role, org_node)

    def describe_membership(self, event: Event, person: str, role: str, org_node: Iri) -> None:
        """The person held the post at the event's dates (org:Membership during a time:Interval)."""
        if not (event.start and event.end):
            return
        add = self.add
        node = ids.membership_iri(person, role, event.report, event.number)
        interval = ids.interval_iri(event.report, event.number)
        add(node, RDF.type, ORG.Membership)
        add(node, ORG.member, person)
        add(node, ORG.organization, org_node)
        add(node, RDFS.label, ru(role))
        add(node, ORG.memberDuring, interval)
        add(interval, RDF.type, TIME.Interval)
        for edge, day, suffix in ((TIME.hasBeginning, event.start, "begin"), (TIME.hasEnd, event.end, "end")):
            instant = f"{interval}#{suffix}"
            add(interval, edge, instant)
            add(instant, RDF.type, TIME.Instant)
            add(instant, TIME.inXSDDate, typed(day.isoformat(), XSD.date))

    def describe_agreement(self, event: Event, event_node: Iri, agreement: Agreement, index: int) -> None:
        add = self.add
        node = ids.agreement_iri(event.report, event.number, index)
        add(node, RDF.type, TIES.Agreement)
        add(node, RDFS.label, ru(agreement.kind))
        add(node, TIES.agreementKind, TIES[f"kind-{agreement.kind_code}"])
        edge = TIES.signedAt if agreement.status is AgreementStatus.SIGNED else TIES.discussedAt
        add(node, edge, event_node)
        if agreement.date:
            add(node, DCTERMS.date, typed(agreement.date.isoformat(), XSD.date))
        if agreement.document_number:
            add(node, TIES.documentNumber, Lit(agreement.document_number))
        for party in agreement.parties:
            if party.startswith("http"):
                add(node, TIES.party, party)
        field = Field.TITLE if agreement.text in event.cell(Field.TITLE).text else Field.DESCRIPTION
        add(node, PROV.wasDerivedFrom, self.span(event, field, agreement.start, agreement.stop))
        add(node, TIES.extractedBy, Lit("rule"))



def report_triples(report: Report, events: Iterable[ExtractedEvent], generated_at: datetime | None = None,
                   made_with: MadeWith | None = None) -> list[Triple]:
    """The triples of one report's named graph: the report, its events, participants, agreements and
    provenance (`made_with`: the checksums of the analysts' decisions the extraction applied and of the code,
    written on its extraction run where a build gives them)."""
    builder = ReportGraph(report, generated_at)
    builder.describe_report()
    if made_with is not None:
        run = ids.run_iri(report.id, report.checksum)
        builder.add(run, TIES.decisions, Lit(made_with.decisions))
        builder.add(run, TIES.codeChecksum, Lit(made_with.code))
    for extracted in events:
        if extracted.event.report == report.id:
            builder.describe_event(extracted)
    return list(builder.triples)


def report_graph(report: Report, events: Iterable[ExtractedEvent], generated_at: datetime | None = None,
                 made_with: MadeWith | None = None) -> Graph:
    """The named graph of one report (`report_triples`) as an rdflib Graph with the project's prefixes."""
    graph = new_graph()
    for triple in report_triples(report, events, generated_at, made_with):
        graph.add(rdflib_triple(triple))
    return graph


def rdflib_triple(triple: Triple) -> tuple[URIRef, URIRef, URIRef | Literal]:
    """A triple of the writer in rdflib's terms."""
    subject, predicate, value = triple
    return URIRef(subject), URIRef(predicate), value.rdflib() if isinstance(value, Lit) else URIRef(value)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _literal(literal: Lit) -> str:
    """A literal as N-Triples writes it."""
    text = f'"{literal.text.translate(_ESCAPES)}"'
    if literal.lang:
        return f"{text}@{literal.lang}"
    if literal.datatype is not None and literal.datatype != XSD_STRING:
        return f"{text}^^<{literal.datatype}>"
    return text


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples text, each term written once however often it recurs (subjects do, a lot)."""
    written: dict[Iri | Lit, str] = {}

    def term(node: Iri | Lit) -> str:
        text = written.get(node)
        if text is None:
            text = written[node] = _literal(node) if isinstance(node, Lit) else f"<{node}>"
        return text
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)


def with_digest(report_id: str, text: str) -> tuple[bytes, str]:
    """A report's graph as N-Triples (`ntriples`) in UTF-8 with its digest stated of the named graph
    (ties:contentDigest), and that digest: the SHA-256 of the text. Whatever is worked out from the graph
    alone can be kept under it. Encoded once here, as the validator and the store read it: encoding the
    text again to write it cost a 100× build's graph makers ~3 s."""
    data = text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    return data + f"<{ids.graph_iri(report_id)}> <{TIES.contentDigest}> \"{digest}\" .\n".encode(), digest
