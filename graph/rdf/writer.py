"""From extracted records to RDF: one graph per report, every fact traceable to its text span."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from graph.rdf import ids
from graph.rdf.vocab import GEONAMES, ID, OA, OSM_RELATION, PREFIXES, SEM, TIES, WIKIDATA
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

QUOTE_CONTEXT = 24


def software_version() -> str:
    try:
        return version("smolensk-ties")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


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
        self.triples: dict[tuple[URIRef, URIRef, URIRef | Literal], None] = {}
        self.generated_at = generated_at or datetime.now(UTC).replace(microsecond=0)
        self.described: set[str] = set()
        self.states: dict[str, State] = {}  # the states the event being written names, by code

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples[(s, p, o)] = None

    # ------------------------------------------------------------ report and provenance

    def describe_report(self) -> URIRef:
        report, add = self.report, self.add
        node = ids.report_iri(report.id)
        file = ids.file_iri(report.checksum)
        run = ids.run_iri(report.id, report.checksum)
        named = ids.graph_iri(report.id)
        add(node, RDF.type, TIES.Report)
        add(node, RDFS.label, Literal(report.title, lang="ru"))
        add(node, TIES.period, Literal(report.id))
        year, quarter = report.id.split("-Q")
        add(node, TIES.quarterIndex, Literal(int(year) * 4 + int(quarter) - 1, datatype=XSD.integer))
        add(node, TIES.checksum, Literal(report.checksum))
        add(node, PROV.wasDerivedFrom, file)
        add(node, PROV.wasGeneratedBy, run)
        if report.summary is not None:
            add(node, TIES.summary, Literal(report.summary.text, lang="ru"))
            if report.summary.meetings is not None:
                add(node, TIES.meetingCount, Literal(report.summary.meetings, datatype=XSD.integer))
        add(file, RDF.type, PROV.Entity)
        add(file, SDO.name, Literal(report.source.replace("\\", "/").rsplit("/", 1)[-1]))
        add(file, TIES.checksum, Literal(report.checksum))
        software = ID["software/smolensk-ties"]
        add(software, RDF.type, PROV.SoftwareAgent)
        add(software, RDFS.label, Literal("smolensk-ties"))
        add(run, RDF.type, TIES.ExtractionRun)
        add(run, PROV.used, file)
        add(run, PROV.wasAssociatedWith, software)
        add(run, TIES.softwareVersion, Literal(software_version()))
        add(named, RDF.type, PROV.Entity)
        add(named, PROV.wasDerivedFrom, file)
        add(named, PROV.wasGeneratedBy, run)
        add(named, PROV.generatedAtTime, Literal(self.generated_at.isoformat(), datatype=XSD.dateTime))
        return node

    def cell(self, event: Event, field: Field) -> URIRef:
        node = ids.cell_iri(event.report, event.number, field.value)
        if node not in self.described:
            self.described.add(node)
            self.add(node, RDF.type, TIES.Cell)
            self.add(node, TIES.field, Literal(field.value))
            self.add(node, TIES.cellText, Literal(event.cell(field).text, lang="ru"))
            self.add(node, PROV.wasDerivedFrom, ids.report_iri(event.report))
            self.add(ids.event_iri(event.report, event.number), TIES.cell, node)
        return node

    def span(self, event: Event, field: Field, start: int, stop: int) -> URIRef:
        """A span of a cell as a Web Annotation target: position and quote selectors."""
        node = ids.span_iri(event.report, event.number, field.value, start, stop)
        if node in self.described:
            return node
        self.described.add(node)
        text = event.cell(field).text
        position, quote = URIRef(f"{node}#position"), URIRef(f"{node}#quote")
        add = self.add
        add(node, RDF.type, OA.SpecificResource)
        add(node, OA.hasSource, self.cell(event, field))
        add(node, OA.hasSelector, position)
        add(node, OA.hasSelector, quote)
        add(position, RDF.type, OA.TextPositionSelector)
        add(position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        add(position, OA.end, Literal(stop, datatype=XSD.nonNegativeInteger))
        add(quote, RDF.type, OA.TextQuoteSelector)
        add(quote, OA.exact, Literal(text[start:stop]))
        add(quote, OA.prefix, Literal(text[max(0, start - QUOTE_CONTEXT):start]))
        add(quote, OA.suffix, Literal(text[stop:stop + QUOTE_CONTEXT]))
        return node

    # ------------------------------------------------------------ entities

    def describe_country(self, code: str) -> URIRef:
        """A state, labelled by its name in the country table: one label in every report's graph."""
        state = self.states[code]
        node = URIRef(state.id)
        if state.id not in self.described:
            self.described.add(state.id)
            self.add(node, RDF.type, SDO.Country)
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, Literal(state.name, lang="ru"))
            self.add(node, TIES.smolensk, Literal(False))
            self.add(node, SKOS.notation, Literal(code))
            self.add(node, TIES.placeKind, TIES["place-country"])
            if state.geonames:
                self.add(node, OWL.sameAs, GEONAMES[f"{state.geonames}/"])
        return node

    def describe_entity(self, described: Described) -> URIRef:
        entity = described.entity
        node = URIRef(entity.id)
        if entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY and entity.country:
            node = self.describe_country(entity.country)
            if entity.name != self.states[entity.country].name:
                self.add(node, SKOS.altLabel, Literal(entity.name, lang="ru"))
            return node
        if entity.id in self.described:
            return node
        self.described.add(entity.id)
        add = self.add
        add(node, RDFS.label, Literal(entity.name, lang="ru"))
        add(node, TIES.smolensk, Literal(entity.smolensk))
        if entity.type is EntityType.PER:
            add(node, RDF.type, FOAF.Person)
            add(node, RDF.type, SDO.Person)
            add(node, FOAF.name, Literal(entity.name, lang="ru"))
        elif entity.type is EntityType.ORG:
            add(node, RDF.type, ORG.Organization)
            add(node, RDF.type, SDO.Organization)
            add(node, ORG.classification, TIES[described.organisation_kind or "org-other"])
            if described.legal_form:
                add(node, TIES.legalForm, Literal(described.legal_form))
            if described.parent:
                add(node, ORG.subOrganizationOf, URIRef(described.parent))
            if described.town is not None:
                add(node, SDO.location, self.describe_entity(described.town))
        else:
            self.describe_place(node, described)
        if entity.country and not (entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY):
            add(node, TIES.country, self.describe_country(entity.country))
        return node

    def describe_place(self, node: URIRef, described: Described) -> None:
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
            add(node, SKOS.notation, Literal(described.iso_code))
        for identifier in described.identifiers:
            scheme, _, value = identifier.partition(":")
            if scheme == "wikidata":
                add(node, OWL.sameAs, WIKIDATA[value])
            elif scheme == "osm":
                add(node, OWL.sameAs, OSM_RELATION[value.removeprefix("relation/")])
            elif scheme == "oktmo":
                add(node, TIES.oktmo, Literal(value))
        if described.latitude is not None and described.longitude is not None:
            geo = URIRef(f"{node}#geo")
            add(node, SDO.geo, geo)
            add(geo, RDF.type, SDO.GeoCoordinates)
            add(geo, SDO.latitude, Literal(described.latitude, datatype=XSD.decimal))
            add(geo, SDO.longitude, Literal(described.longitude, datatype=XSD.decimal))
        if described.region is not None:
            add(node, SDO.containedInPlace, self.describe_region(described.region))
        elif entity.country:
            add(node, SDO.containedInPlace, self.describe_country(entity.country))

    def describe_region(self, described: Described) -> URIRef:
        """The region a place lies in: named, of its kind, in its state."""
        region = described.entity
        node = URIRef(region.id)
        if region.id not in self.described:
            self.described.add(region.id)
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, Literal(region.name, lang="ru"))
            self.add(node, TIES.placeKind, TIES[f"place-{(region.kind or PlaceKind.REGION).value}"])
            self.add(node, TIES.smolensk, Literal(region.smolensk))
            if region.country:
                self.add(node, SDO.containedInPlace, self.describe_country(region.country))
        return node

    # ------------------------------------------------------------ events

    def describe_event(self, extracted: ExtractedEvent) -> URIRef:
        event, description, add = extracted.event, extracted.description, self.add
        self.states = {state.code: state for state in description.states}
        node = ids.event_iri(event.report, event.number)
        add(node, RDF.type, SEM.Event)
        add(node, RDF.type, SDO.Event)
        add(node, TIES.inReport, ids.report_iri(event.report))
        add(node, PROV.wasDerivedFrom, ids.report_iri(event.report))
        add(node, TIES.rowNumber, Literal(event.number, datatype=XSD.integer))
        add(node, SDO.name, Literal(event.title, lang="ru"))
        add(node, RDFS.label, Literal(event.title, lang="ru"))
        add(node, SDO.description, Literal(event.cell(Field.DESCRIPTION).text, lang="ru"))
        add(node, TIES.venueText, Literal(event.cell(Field.PLACE).text, lang="ru"))
        add(node, TIES.datesText, Literal(event.cell(Field.DATES).text, lang="ru"))
        add(node, TIES.participantsText, Literal(event.cell(Field.PARTICIPANTS).text, lang="ru"))
        add(node, TIES.sphere, self.describe_sphere(description.sphere, event.sphere))
        add(node, SEM.eventType, TIES[description.event_type])
        add(node, TIES.direction, TIES[f"direction-{description.direction.value}"])
        add(node, TIES.remote, Literal(event.remote))
        if event.participant_count is not None:
            add(node, TIES.participantCount, Literal(event.participant_count, datatype=XSD.integer))
        if event.start and event.end:
            add(node, SEM.hasEarliestBeginTimeStamp, Literal(event.start.isoformat(), datatype=XSD.date))
            add(node, SEM.hasLatestEndTimeStamp, Literal(event.end.isoformat(), datatype=XSD.date))
            if description.day_precise:
                add(node, SDO.startDate, Literal(event.start.isoformat(), datatype=XSD.date))
                add(node, SDO.endDate, Literal(event.end.isoformat(), datatype=XSD.date))
        for code in extracted.countries:
            add(node, TIES.country, self.describe_country(code))
        for participant in description.participants:
            self.describe_participation(event, node, participant)
        for index, agreement in enumerate(extracted.agreements, 1):
            self.describe_agreement(event, node, agreement, index)
        return node

    def describe_sphere(self, concept: str, header: str) -> URIRef:
        if concept != "sphere-other" or not header:
            return TIES[concept]
        node = ID[f"sphere/{ids.digest(header)}"]  # a sphere no scheme concept names yet
        if node not in self.described:
            self.described.add(node)
            self.add(node, RDF.type, SKOS.Concept)
            self.add(node, SKOS.inScheme, TIES.Spheres)
            self.add(node, SKOS.broader, TIES["sphere-other"])
            self.add(node, SKOS.prefLabel, Literal(header, lang="ru"))
        return node

    def describe_participation(self, event: Event, event_node: URIRef, participant: Participant) -> None:
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
            add(node, TIES.extractedBy, Literal(mention.source))
        if participant.venue:
            add(event_node, SEM.hasPlace, agent)
        for post_held in participant.posts:
            role = post_held.title
            add(node, TIES.statedRole, Literal(role, lang="ru"))
            post = ids.post_iri(entity.id, role)
            add(node, TIES.inCapacityOf, post)
            add(post, RDF.type, ORG.Post)
            add(post, RDFS.label, Literal(role, lang="ru"))
            add(post, ORG.heldBy, agent)
            if post_held.organisation is not None:
                org_node = self.describe_entity(post_held.organisation)
                add(node, TIES.onBehalfOf, org_node)
                add(post, ORG.postIn, org_node)
                self.describe_membership(event, entity.id, role, org_node)

    def describe_membership(self, event: Event, person: str, role: str, org_node: URIRef) -> None:
        """The person held the post at the event's dates (org:Membership during a time:Interval)."""
        if not (event.start and event.end):
            return
        add = self.add
        node = ids.membership_iri(person, role, event.report, event.number)
        interval = ids.interval_iri(event.report, event.number)
        add(node, RDF.type, ORG.Membership)
        add(node, ORG.member, URIRef(person))
        add(node, ORG.organization, org_node)
        add(node, RDFS.label, Literal(role, lang="ru"))
        add(node, ORG.memberDuring, interval)
        add(interval, RDF.type, TIME.Interval)
        for edge, day, suffix in ((TIME.hasBeginning, event.start, "begin"), (TIME.hasEnd, event.end, "end")):
            instant = URIRef(f"{interval}#{suffix}")
            add(interval, edge, instant)
            add(instant, RDF.type, TIME.Instant)
            add(instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date))

    def describe_agreement(self, event: Event, event_node: URIRef, agreement: Agreement, index: int) -> None:
        add = self.add
        node = ids.agreement_iri(event.report, event.number, index)
        add(node, RDF.type, TIES.Agreement)
        add(node, RDFS.label, Literal(agreement.kind, lang="ru"))
        add(node, TIES.agreementKind, TIES[f"kind-{agreement.kind_code}"])
        edge = TIES.signedAt if agreement.status is AgreementStatus.SIGNED else TIES.discussedAt
        add(node, edge, event_node)
        if agreement.date:
            add(node, DCTERMS.date, Literal(agreement.date.isoformat(), datatype=XSD.date))
        if agreement.document_number:
            add(node, TIES.documentNumber, Literal(agreement.document_number))
        for party in agreement.parties:
            if party.startswith("http"):
                add(node, TIES.party, URIRef(party))
        field = Field.TITLE if agreement.text in event.cell(Field.TITLE).text else Field.DESCRIPTION
        add(node, PROV.wasDerivedFrom, self.span(event, field, agreement.start, agreement.stop))
        add(node, TIES.extractedBy, Literal("rule"))


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def report_triples(report: Report, events: Iterable[ExtractedEvent], generated_at: datetime | None = None,
                   decisions: str = "") -> list[Triple]:
    """The triples of one report's named graph: the report, its events, participants, agreements and
    provenance (`decisions`: the checksum of the analysts' decisions the extraction applied)."""
    builder = ReportGraph(report, generated_at)
    builder.describe_report()
    if decisions:
        builder.add(ids.run_iri(report.id, report.checksum), TIES.decisions, Literal(decisions))
    for extracted in events:
        if extracted.event.report == report.id:
            builder.describe_event(extracted)
    return list(builder.triples)


def report_graph(report: Report, events: Iterable[ExtractedEvent], generated_at: datetime | None = None,
                 decisions: str = "") -> Graph:
    """The named graph of one report (`report_triples`) as an rdflib Graph with the project's prefixes."""
    graph = new_graph()
    for triple in report_triples(report, events, generated_at, decisions):
        graph.add(triple)
    return graph


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _literal(literal: Literal) -> str:
    """A literal as N-Triples writes it (rdflib's `n3()` writes a multi-line text in Turtle's triple quotes)."""
    text = f'"{str(literal).translate(_ESCAPES)}"'
    if literal.language:
        return f"{text}@{literal.language}"
    if literal.datatype is not None and literal.datatype != XSD.string:
        return f"{text}^^<{literal.datatype}>"
    return text


def ntriples(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples text, each term written once however often it recurs (subjects do, a lot)."""
    written: dict[URIRef | Literal, str] = {}

    def term(node: URIRef | Literal) -> str:
        text = written.get(node)
        if text is None:
            text = written[node] = _literal(node) if isinstance(node, Literal) else f"<{node}>"
        return text
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)


def with_digest(report_id: str, text: str) -> tuple[str, str]:
    """A report's graph as N-Triples (`ntriples`) with its digest stated of the named graph
    (ties:contentDigest), and that digest: the SHA-256 of the text. Whatever is worked out from the graph
    alone can be kept under it."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{text}<{ids.graph_iri(report_id)}> <{TIES.contentDigest}> \"{digest}\" .\n", digest
