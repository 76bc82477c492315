"""The SHACL check (SPARQL on Oxigraph) finds what pyshacl finds, on a report graph broken in every way
the shapes forbid, and refuses shapes it cannot check."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, SH, XSD

from graph.rdf.ids import event_iri, graph_iri, report_iri
from graph.rdf.validate import UnsupportedShape, compile_shapes, violations
from graph.rdf.vocab import TIES
from graph.rdf.writer import ntriples, ontology, rdflib_triple, report_graph, report_triples, with_digest
from nlp.pipeline import extract_events
from nlp.reading.report import read_report
from ontology import HERE


@pytest.fixture(scope="module")
def graph(sample_paths, models) -> Graph:
    report = read_report(sample_paths["2024-Q1"])
    return report_graph(report, extract_events([report], models, workers=1))


def _pyshacl(graph: Graph) -> set[tuple[str, str]]:
    data = Graph()
    data += graph
    data += ontology()
    conforms, results, _ = validate(data, shacl_graph=Graph().parse(HERE / "shapes.ttl"), inference="none")
    path = {None: ""}
    return {(str(results.value(r, SH.focusNode)), path.get(results.value(r, SH.resultPath),
                                                        str(results.value(r, SH.resultPath))))
            for r in results.subjects(RDF.type, SH.ValidationResult)}


def _broken(graph: Graph) -> Graph:
    broken = Graph()
    broken += graph
    first, second, third = (event_iri("2024-Q1", n) for n in (1, 2, 3))
    report = report_iri("2024-Q1")
    broken.remove((first, TIES.inReport, None))                                  # minCount
    broken.add((second, TIES.rowNumber, Literal(99)))                             # maxCount
    broken.set((third, TIES.rowNumber, Literal("три")))                           # datatype
    broken.set((third, SDO.startDate, Literal("2024-13", datatype=XSD.date)))     # an ill-formed date
    broken.set((report, TIES.period, Literal("2024-Q5")))                         # pattern
    participation = broken.value(first, TIES.participation)
    broken.set((participation, TIES.agent, Literal("некто")))                    # node kind
    broken.set((second, TIES.sphere, URIRef(f"{TIES}sphere-unknown")))           # class of a value
    broken.remove((third, RDF.type, SDO.Event))                                  # class of the focus node
    label = next(s for s in broken.subjects(RDF.type, SDO.Organization))
    broken.remove((label, RDFS.label, None))                                     # an entity without a label
    broken.add((BNode(), RDF.type, TIES.Agreement))                              # an agreement with nothing
    return broken


def test_a_sample_graph_conforms(graph):
    assert violations(graph) == []


def test_the_same_violations_as_pyshacl(graph):
    broken = _broken(graph)
    ours = {(v.focus, v.path) for v in violations(broken)}
    blank = {pair for pair in ours if not pair[0].startswith("http")}
    theirs = _pyshacl(broken)
    named = {pair for pair in theirs if pair[0].startswith("http")}
    assert ours - blank == named
    assert len(blank) == len(theirs - named) == 2  # the bare agreement: no kind, no source
    assert len(named) >= 9


def test_n_triples_of_the_writer_read_back_as_the_graph(sample_paths, models):
    report = read_report(sample_paths["2024-Q1"])
    triples = report_triples(report, extract_events([report], models, workers=1))
    text = ntriples(triples)
    as_rdflib = {rdflib_triple(triple) for triple in triples}
    assert len(list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES))) == len(triples)  # strict N-Triples
    assert set(Graph().parse(data=text, format="nt")) == as_rdflib
    assert any("\\n" in line for line in text.splitlines())  # a cell of several lines, escaped
    signed, digest = with_digest(report.id, text)
    assert signed.startswith(text.encode("utf-8")) and digest == hashlib.sha256(text.encode("utf-8")).hexdigest()
    (added,) = set(Graph().parse(data=signed, format="nt")) - as_rdflib
    assert added == (graph_iri(report.id), TIES.contentDigest, Literal(digest))


def test_a_constraint_it_cannot_check_is_refused():
    shapes = Graph().parse(HERE / "shapes.ttl")
    shape = next(shapes.subjects(RDF.type, SH.NodeShape))
    extra = BNode()
    shapes.add((shape, SH.property, extra))
    shapes.add((extra, SH.path, RDFS.label))
    shapes.add((extra, SH.minLength, Literal(3)))
    with pytest.raises(UnsupportedShape, match="minLength"):
        compile_shapes(shapes)
