"""graph/vocab.py and ontology/ties.ttl name the same terms."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.rdf.vocab import TIES
from ontology import HERE


def test_vocab_matches_the_ontology():
    graph = Graph().parse(HERE / "ties.ttl")
    namespace = str(TIES._NS)
    in_file = {str(s)[len(namespace):] for s in graph.subjects() if str(s).startswith(namespace)}
    in_code = set(TIES.__annotations__) | set(TIES._extras)
    assert in_file == in_code


def test_every_term_has_russian_and_english_labels():
    graph = Graph().parse(HERE / "ties.ttl")
    namespace = str(TIES._NS)
    for term in {s for s in graph.subjects() if str(s).startswith(namespace)}:
        labels = set(graph.objects(term, SKOS.prefLabel)) | set(graph.objects(term, RDFS.label))
        assert {label.language for label in labels} >= {"ru", "en"}, term


def test_ontology_is_owl():
    graph = Graph().parse(HERE / "ties.ttl")
    assert (None, RDF.type, OWL.Ontology) in graph
