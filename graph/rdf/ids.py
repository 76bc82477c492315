"""IRIs of the things a build mints besides entities: reports, events, cells, spans, posts, agreements."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from graph.rdf.vocab import ID

ONTOLOGY_GRAPH = "ontology"  # the named graph id/graph/ontology holds ontology/ties.ttl (see graph_iri)


def digest(*parts: str) -> str:
    """A short, stable hash of some parts: IRIs for things without a name of their own."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def report_iri(report_id: str) -> URIRef:
    return ID[f"report/{report_id}"]


def graph_iri(report_id: str) -> URIRef:
    """The named graph holding everything read from one report."""
    return ID[f"graph/{report_id}"]


def run_iri(report_id: str, checksum: str) -> URIRef:
    return ID[f"run/{report_id}/{checksum[:12]}"]


def event_iri(report_id: str, number: int) -> URIRef:
    return ID[f"event/{report_id}/{number}"]


def cell_iri(report_id: str, number: int, field: str) -> URIRef:
    return ID[f"event/{report_id}/{number}/{field}"]


def span_iri(report_id: str, number: int, field: str, start: int, stop: int) -> URIRef:
    return ID[f"event/{report_id}/{number}/{field}/{start}-{stop}"]


def participation_iri(report_id: str, number: int, entity: str) -> URIRef:
    return ID[f"participation/{report_id}/{number}/{digest(entity)}"]


def post_iri(person: str, role: str) -> URIRef:
    return ID[f"post/{digest(person, role.lower())}"]


def membership_iri(person: str, role: str, report_id: str, number: int) -> URIRef:
    return ID[f"membership/{digest(person, role.lower(), report_id, str(number))}"]


def interval_iri(report_id: str, number: int) -> URIRef:
    return ID[f"interval/{report_id}/{number}"]


def agreement_iri(report_id: str, number: int, index: int) -> URIRef:
    return ID[f"agreement/{report_id}/{number}/{index}"]


def file_iri(checksum: str) -> URIRef:
    """The source file, by content: the same bytes are the same file wherever they lie."""
    return ID[f"file/{checksum}"]
