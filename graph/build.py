"""From extracted records to RDF: one graph per report, every fact traceable to its text span."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD

from graph import ids
from graph.classify import direction_of, event_type_of, organisation_kind_of, sphere_of
from graph.vocab import GEONAMES, ID, OA, PREFIXES, SEM, TIES
from nlp.countries import load_countries
from nlp.pipeline import ExtractedEvent
from nlp.places import load_gazetteer
from nlp.records import Agreement, AgreementStatus, Entity, EntityType, Event, Field, PlaceKind, Report
from nlp.resolve import mint_iri, org_parts

QUOTE_CONTEXT = 24
SMOLENSK_REGION = "Смоленская область"


def software_version() -> str:
    try:
        return version("smolensk-ties")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


def new_graph() -> Graph:
    """An empty graph with every prefix of the project bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def country_iri(code: str) -> URIRef:
    return URIRef(mint_iri(EntityType.LOC, "country", code))


def _day_precise(event: Event) -> bool:
    """Whether the dates cell names days ("22-25 мая"), not months only ("май-июнь")."""
    text = re.sub(r"\b\d{4}\b|\([^)]*\)", " ", event.cell(Field.DATES).text)
    return bool(re.search(r"\b\d{1,2}\b", text))


class ReportGraph:
    """Builds the named graph of one report."""

    def __init__(self, report: Report, generated_at: datetime | None = None) -> None:
        self.report = report
        self.graph = new_graph()
        self.generated_at = generated_at or datetime.now(UTC).replace(microsecond=0)
        self.countries = load_countries()
        self.gazetteer = load_gazetteer()
        self.described: set[str] = set()

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

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
        node = country_iri(code)
        if str(node) not in self.described:
            self.described.add(str(node))
            name = self.countries.preferred.get(code, code)
            self.add(node, RDF.type, SDO.Country)
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, Literal(name, lang="ru"))
            self.add(node, TIES.smolensk, Literal(False))
            self.add(node, SKOS.notation, Literal(code))
            self.add(node, TIES.placeKind, TIES["place-country"])
            place = self.gazetteer.lookup(name)
            if place is not None and place.kind == "country" and place.geonames:
                self.add(node, OWL.sameAs, GEONAMES[f"{place.geonames}/"])
        return node

    def describe_entity(self, entity: Entity, parents: dict[str, str]) -> URIRef:
        node = URIRef(entity.id)
        if entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY and entity.country:
            node = self.describe_country(entity.country)
            if entity.name != self.countries.preferred.get(entity.country):
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
            add(node, ORG.classification, organisation_kind_of(entity.name))
            form = org_parts(entity.name)[0]
            if form:
                add(node, TIES.legalForm, Literal(form))
            if entity.id in parents:
                add(node, ORG.subOrganizationOf, URIRef(parents[entity.id]))
            if entity.town:
                add(node, SDO.location, self.describe_town(entity.town))
        else:
            self.describe_place(node, entity)
        if entity.country and not (entity.type is EntityType.LOC and entity.kind is PlaceKind.COUNTRY):
            add(node, TIES.country, self.describe_country(entity.country))
        return node

    def describe_place(self, node: URIRef, entity: Entity) -> None:
        add = self.add
        add(node, RDF.type, SDO.Place)
        kind = entity.kind or PlaceKind.CITY
        add(node, TIES.placeKind, TIES[f"place-{kind.value}"])
        if kind is PlaceKind.COUNTRY:
            add(node, RDF.type, SDO.Country)
            if entity.country:
                add(node, SKOS.notation, Literal(entity.country))
                place = self.gazetteer.lookup(self.countries.preferred.get(entity.country, entity.name))
                if place is not None and place.geonames:
                    add(node, OWL.sameAs, GEONAMES[f"{place.geonames}/"])
            return
        place = self.gazetteer.lookup(entity.name)
        if place is not None and place.kind == kind.value:
            if place.geonames:
                add(node, OWL.sameAs, GEONAMES[f"{place.geonames}/"])
            elif place.ref.startswith("iso3166-2:"):
                add(node, SKOS.notation, Literal(place.ref.removeprefix("iso3166-2:")))  # the ISO 3166-2 code
            if place.latitude is not None:
                geo = URIRef(f"{node}#geo")
                add(node, SDO.geo, geo)
                add(geo, RDF.type, SDO.GeoCoordinates)
                add(geo, SDO.latitude, Literal(place.latitude, datatype=XSD.decimal))
                add(geo, SDO.longitude, Literal(place.longitude, datatype=XSD.decimal))
        if entity.smolensk and entity.name != SMOLENSK_REGION:
            region = URIRef(mint_iri(EntityType.LOC, SMOLENSK_REGION))
            add(node, SDO.containedInPlace, region)
            if str(region) not in self.described:
                self.described.add(str(region))
                add(region, RDF.type, SDO.Place)
                add(region, RDFS.label, Literal(SMOLENSK_REGION, lang="ru"))
                add(region, TIES.placeKind, TIES["place-region"])
                add(region, TIES.smolensk, Literal(True))
                add(region, SDO.containedInPlace, self.describe_country("RU"))
        elif entity.country:
            add(node, SDO.containedInPlace, self.describe_country(entity.country))

    def describe_town(self, name: str) -> URIRef:
        """The settlement an organisation's name points at, as the place entity of that name."""
        town = Entity(id=mint_iri(EntityType.LOC, name), type=EntityType.LOC, name=name, kind=PlaceKind.CITY)
        place = self.gazetteer.lookup(name)
        if place is not None:
            town = replace(town, country=place.country, smolensk=place.smolensk)
        return self.describe_entity(town, {})

    # ------------------------------------------------------------ events

    def describe_event(self, extracted: ExtractedEvent) -> URIRef:
        event, add = extracted.event, self.add
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
        add(node, TIES.sphere, self.describe_sphere(event.sphere))
        add(node, SEM.eventType, event_type_of(event.title))
        add(node, TIES.direction, direction_of(event, extracted.entities, extracted.countries))
        add(node, TIES.remote, Literal(event.remote))
        if event.participant_count is not None:
            add(node, TIES.participantCount, Literal(event.participant_count, datatype=XSD.integer))
        if event.start and event.end:
            add(node, SEM.hasEarliestBeginTimeStamp, Literal(event.start.isoformat(), datatype=XSD.date))
            add(node, SEM.hasLatestEndTimeStamp, Literal(event.end.isoformat(), datatype=XSD.date))
            if _day_precise(event):
                add(node, SDO.startDate, Literal(event.start.isoformat(), datatype=XSD.date))
                add(node, SDO.endDate, Literal(event.end.isoformat(), datatype=XSD.date))
        for code in extracted.countries:
            add(node, TIES.country, self.describe_country(code))
        parents = _parents(extracted.entities)
        for entity in extracted.entities:
            self.describe_participation(extracted, node, entity, parents)
        for index, agreement in enumerate(extracted.agreements, 1):
            self.describe_agreement(event, node, agreement, index)
        return node

    def describe_sphere(self, header: str) -> URIRef:
        concept = sphere_of(header)
        if concept == TIES["sphere-other"] and header:
            concept = ID[f"sphere/{ids.digest(header)}"]  # a sphere no scheme concept names yet
            if concept not in self.described:
                self.described.add(concept)
                self.add(concept, RDF.type, SKOS.Concept)
                self.add(concept, SKOS.inScheme, TIES.Spheres)
                self.add(concept, SKOS.broader, TIES["sphere-other"])
                self.add(concept, SKOS.prefLabel, Literal(header, lang="ru"))
        return concept

    def describe_participation(self, extracted: ExtractedEvent, event_node: URIRef, entity: Entity,
                               parents: dict[str, str]) -> None:
        event, add = extracted.event, self.add
        agent = self.describe_entity(entity, parents)
        node = ids.participation_iri(event.report, event.number, entity.id)
        add(event_node, TIES.participation, node)
        add(event_node, SEM.hasActor, agent)
        add(node, RDF.type, TIES.Participation)
        add(node, TIES.agent, agent)
        add(node, TIES.roleInEvent, _role_in_event(entity, extracted))
        mention = entity.mentions[0] if entity.mentions else None
        if mention is not None and mention.field is not None:
            add(node, PROV.wasDerivedFrom, self.span(event, mention.field, mention.start, mention.stop))
            add(node, TIES.extractedBy, Literal(mention.source))
        if entity.type is EntityType.LOC and mention is not None and mention.field is Field.PLACE:
            add(event_node, SEM.hasPlace, agent)
        for role in entity.roles:
            add(node, TIES.statedRole, Literal(role, lang="ru"))
            post = ids.post_iri(entity.id, role)
            add(node, TIES.inCapacityOf, post)
            add(post, RDF.type, ORG.Post)
            add(post, RDFS.label, Literal(role, lang="ru"))
            add(post, ORG.heldBy, agent)
            organisation = _organisation_in_role(role, extracted.entities)
            if organisation is not None:
                org_node = self.describe_entity(organisation, parents)
                add(node, TIES.onBehalfOf, org_node)
                add(post, ORG.postIn, org_node)
                self.describe_membership(event, entity, role, org_node)

    def describe_membership(self, event: Event, person: Entity, role: str, org_node: URIRef) -> None:
        """The person held the post at the event's dates (org:Membership during a time:Interval)."""
        if not (event.start and event.end):
            return
        add = self.add
        node = ids.membership_iri(person.id, role, event.report, event.number)
        interval = ids.interval_iri(event.report, event.number)
        add(node, RDF.type, ORG.Membership)
        add(node, ORG.member, URIRef(person.id))
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


def _parents(entities: Iterable[Entity]) -> dict[str, str]:
    """Branch -> parent: the first organisation named inside another's name ("Управление … комитета")."""
    parents: dict[str, str] = {}
    orgs = [e for e in entities if e.type is EntityType.ORG]
    for outer in orgs:
        for mention in outer.mentions:
            inner = [(m.start, e.id) for e in orgs if e.id != outer.id for m in e.mentions
                     if m.field is mention.field and mention.start < m.start and m.stop <= mention.stop
                     and m.within == "org"]
            if inner and outer.id not in parents:
                parents[outer.id] = min(inner)[1]
    return parents


def _organisation_in_role(role: str, entities: Iterable[Entity]) -> Entity | None:
    """The organisation a position names ("директор ОАО «Ольса»" -> ОАО «Ольса»)."""
    lowered = role.lower()
    best = None
    for entity in entities:
        if entity.type is EntityType.ORG:
            for mention in entity.mentions:
                if mention.text.lower() in lowered and (best is None or len(mention.text) > len(best[1])):
                    best = (entity, mention.text)
    return best[0] if best else None


def _role_in_event(entity: Entity, extracted: ExtractedEvent) -> URIRef:
    if any(entity.id in a.parties for a in extracted.agreements):
        return TIES["role-signatory"]
    texts = {f: extracted.event.cell(f).text for f in Field}
    for mention in entity.mentions:
        before = texts[mention.field][max(0, mention.start - 60):mention.start].lower() if mention.field else ""
        if re.search(r"во главе с\s*(?:[а-яё]+\s+){0,8}$", before):
            return TIES["role-head"]
        if re.search(r"(?:при поддержке|организатор\w*)\s*(?:[а-яё]+\s+){0,3}$", before):
            return TIES["role-supporter"]
    if entity.type is EntityType.LOC and any(m.field is Field.PLACE for m in entity.mentions):
        return TIES["role-venue"]
    return TIES["role-participant"]


def report_graph(report: Report, events: Iterable[ExtractedEvent], generated_at: datetime | None = None) -> Graph:
    """The named graph of one report: the report, its events, participants, agreements and provenance."""
    builder = ReportGraph(report, generated_at)
    builder.describe_report()
    for extracted in events:
        if extracted.event.report == report.id:
            builder.describe_event(extracted)
    return builder.graph

