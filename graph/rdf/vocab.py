"""The ontology's terms as Python names: code writes TIES.Report, never an IRI string.

The terms must equal those of ontology/ties.ttl (tests/graph/test_vocab.py checks).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace

from ontology import ENTITY_BASE, ONTOLOGY_BASE


class TIES(DefinedNamespace):
    """Smolensk ties: the terms of ontology/ties.ttl."""

    _NS = Namespace(ONTOLOGY_BASE)
    _fail = True
    Agreement: URIRef
    AgreementKinds: URIRef
    Cell: URIRef
    CoAttendance: URIRef
    CountryQuarter: URIRef
    Directions: URIRef
    EventTypes: URIRef
    ExtractionRun: URIRef
    OrganisationKinds: URIRef
    OfficialAppearance: URIRef
    Participation: URIRef
    PartnerProfile: URIRef
    PlaceKinds: URIRef
    Report: URIRef
    Roles: URIRef
    Spheres: URIRef
    Summary: URIRef
    agent: URIRef
    agreementKind: URIRef
    appearanceOf: URIRef
    atEvent: URIRef
    attendeeA: URIRef
    attendeeB: URIRef
    cell: URIRef
    cellText: URIRef
    checksum: URIRef
    codeChecksum: URIRef
    contentDigest: URIRef
    counterpartsText: URIRef
    country: URIRef
    countryCode: URIRef
    datesText: URIRef
    decisions: URIRef
    direction: URIRef
    discussedAt: URIRef
    documentNumber: URIRef
    eventCount: URIRef
    extractedBy: URIRef
    field: URIRef
    firstQuarterIndex: URIRef
    firstStart: URIRef
    inCapacityOf: URIRef
    inPeriod: URIRef
    inReport: URIRef
    labelOrder: URIRef
    lastEnd: URIRef
    lastPeriod: URIRef
    lastQuarterIndex: URIRef
    legalForm: URIRef
    meetingCount: URIRef
    nameOrder: URIRef
    oktmo: URIRef
    onBehalfOf: URIRef
    participantCount: URIRef
    participantsText: URIRef
    participation: URIRef
    partnerClass: URIRef
    partnerCount: URIRef
    partnerName: URIRef
    party: URIRef
    period: URIRef
    placeKind: URIRef
    placesText: URIRef
    positionText: URIRef
    preferredName: URIRef
    profileOf: URIRef
    quarterIndex: URIRef
    quartersText: URIRef
    remote: URIRef
    reportsChecksum: URIRef
    roleInEvent: URIRef
    rowNumber: URIRef
    signedAt: URIRef
    smolensk: URIRef
    softwareVersion: URIRef
    sharedEvents: URIRef
    sphere: URIRef
    spheresText: URIRef
    stateEventCount: URIRef
    statedRole: URIRef
    summary: URIRef
    venueText: URIRef
    # concepts whose names are not Python identifiers: TIES["sphere-culture"]
    _extras = [
        "direction-domestic",
        "direction-hosted",
        "direction-incoming",
        "direction-outgoing",
        "direction-remote",
        "kind-agreement",
        "kind-contract",
        "kind-cooperation",
        "kind-memorandum",
        "kind-plan",
        "kind-protocol",
        "org-company",
        "org-culture",
        "org-education",
        "org-government",
        "org-international",
        "org-other",
        "org-public",
        "place-city",
        "place-country",
        "place-district",
        "place-region",
        "place-site",
        "role-head",
        "role-participant",
        "role-signatory",
        "role-supporter",
        "role-venue",
        "sphere-agriculture",
        "sphere-construction",
        "sphere-culture",
        "sphere-economy",
        "sphere-education",
        "sphere-energy",
        "sphere-general",
        "sphere-industry",
        "sphere-investment",
        "sphere-nature",
        "sphere-other",
        "sphere-public",
        "sphere-social",
        "sphere-sport",
        "sphere-transport",
        "sphere-youth",
        "type-agreement",
        "type-conference",
        "type-culture",
        "type-education",
        "type-exhibition",
        "type-forum",
        "type-meeting",
        "type-memorial",
        "type-other",
        "type-roundtable",
        "type-sport",
        "type-telebridge",
        "type-trip",
        "type-visit",
    ]


class SEM(DefinedNamespace):
    """Simple Event Model terms this project uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True
    Event: URIRef
    hasPlace: URIRef
    eventType: URIRef
    hasActor: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef


class OA(DefinedNamespace):
    """W3C Web Annotation terms this project uses."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef


ID = Namespace(ENTITY_BASE)
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
OSM_RELATION = Namespace("https://www.openstreetmap.org/relation/")

PREFIXES = {
    "ties": TIES._NS, "sem": SEM._NS, "schema": SDO._NS, "org": ORG._NS, "foaf": FOAF._NS, "prov": PROV._NS,
    "oa": OA._NS, "skos": SKOS._NS, "time": TIME._NS, "dcterms": DCTERMS._NS, "owl": OWL._NS, "rdf": RDF._NS,
    "rdfs": RDFS._NS, "xsd": XSD._NS, "id": ID, "geonames": GEONAMES,
    "wd": WIKIDATA,
}


def sparql_prefixes() -> str:
    """The PREFIX lines of every prefix above, for the internal queries (ontology/queries/internal)."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
