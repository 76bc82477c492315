"""SHACL validation of report graphs against ontology/shapes.ttl, as SPARQL on an in-memory Oxigraph.

pyshacl walked every focus node in Python: a fifth of a 10× build. The shapes use a handful of SHACL
Core components (targets by class, sh:class, counts, datatype, pattern, node kind); each constraint
becomes one SELECT of the focus nodes that break it, run by Oxigraph over the report's graph and the
ontology together. A component outside that handful is refused when the shapes are read, so a new
kind of constraint cannot pass unchecked; the tests hold the results to pyshacl's on broken graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from ontology import HERE, ONTOLOGY


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Check:
    """One constraint of one shape: the query that selects the focus nodes breaking it (as ?focus)."""

    query: str
    path: str
    message: str


class UnsupportedShape(ValueError):
    """The shapes use a SHACL feature this validator does not check."""


# what a shape may say; anything else in shapes.ttl is refused rather than silently not checked
_NODE_SHAPE_TERMS = {RDF.type, SH.targetClass, SH["class"], SH.property, SH.message}
_PROPERTY_TERMS = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.pattern, SH.flags, SH.nodeKind,
                   SH.message}
_NODE_KINDS = {SH.IRI: "!isIRI(?v)", SH.Literal: "!isLiteral(?v)", SH.BlankNode: "!isBlank(?v)",
               SH.BlankNodeOrIRI: "isLiteral(?v)", SH.IRIOrLiteral: "isBlank(?v)",
               SH.BlankNodeOrLiteral: "isIRI(?v)"}
# lexical forms of the datatypes the shapes name: an ill-formed "three"^^xsd:integer breaks sh:datatype
_DATE = r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}"
_ZONE = r"(Z|[+-][0-9]{2}:[0-9]{2})?"
_LEXICAL = {XSD.integer: r"^[+-]?[0-9]+$", XSD.decimal: r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
            XSD.date: f"^{_DATE}{_ZONE}$",
            XSD.dateTime: rf"^{_DATE}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(\.[0-9]+)?{_ZONE}$",
            XSD.boolean: r"^(true|false|1|0)$"}
_INSTANCE = "rdf:type/rdfs:subClassOf*"
_PREFIXES = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")


def _string(value: str) -> str:
    return Literal(value).n3()


def _checks_of_node_shape(shapes: Graph, shape: URIRef | BNode) -> list[Check]:
    unknown = set(shapes.predicates(shape)) - _NODE_SHAPE_TERMS
    if unknown:
        raise UnsupportedShape(f"shapes.ttl: {shape} uses {', '.join(sorted(map(str, unknown)))}, which the "
                               "validator does not check")
    targets = sorted(shapes.objects(shape, SH.targetClass), key=str)
    if not targets:
        return []
    target = f"VALUES ?target {{ {' '.join(t.n3() for t in targets)} }} ?focus {_INSTANCE} ?target ."
    checks = [Check(f"{_PREFIXES}SELECT DISTINCT ?focus WHERE {{ {target} "
                    f"FILTER NOT EXISTS {{ ?focus {_INSTANCE} {kind.n3()} }} }}", "",
                    str(shapes.value(shape, SH.message) or f"Not an instance of {kind}"))
              for kind in shapes.objects(shape, SH["class"])]
    for node in shapes.objects(shape, SH.property):
        checks += _checks_of_property(shapes, node, target)  # type: ignore[arg-type]
    return checks


def _checks_of_property(shapes: Graph, node: URIRef | BNode, target: str) -> list[Check]:
    unknown = set(shapes.predicates(node)) - _PROPERTY_TERMS
    path = shapes.value(node, SH.path)
    if unknown or not isinstance(path, URIRef):
        raise UnsupportedShape(f"shapes.ttl: a property shape on {path} uses "
                               f"{', '.join(sorted(map(str, unknown))) or 'a path other than one property'}, "
                               "which the validator does not check")
    stated = shapes.value(node, SH.message)

    def check(where: str, default: str, having: str = "") -> Check:
        grouped = f" GROUP BY ?focus HAVING ({having})" if having else ""
        return Check(f"{_PREFIXES}SELECT DISTINCT ?focus WHERE {{ {target} {where} }}{grouped}", str(path),
                     str(stated or default))
    edge = path.n3()
    found = []
    for count in shapes.objects(node, SH.minCount):
        found.append(check(f"OPTIONAL {{ ?focus {edge} ?v }}", f"Less than {count} values",
                           having=f"COUNT(DISTINCT ?v) < {count}"))
    for count in shapes.objects(node, SH.maxCount):
        found.append(check(f"?focus {edge} ?v", f"More than {count} values", having=f"COUNT(DISTINCT ?v) > {count}"))
    for kind in shapes.objects(node, SH["class"]):
        found.append(check(f"?focus {edge} ?v FILTER NOT EXISTS {{ ?v {_INSTANCE} {kind.n3()} }}",
                           f"Value is not an instance of {kind}"))
    for datatype in shapes.objects(node, SH.datatype):
        lexical = _LEXICAL.get(datatype)  # type: ignore[call-overload]
        well_formed = f" || !REGEX(STR(?v), {_string(lexical)})" if lexical else ""
        found.append(check(f"?focus {edge} ?v FILTER (!isLiteral(?v) || DATATYPE(?v) != {datatype.n3()}{well_formed})",
                           f"Value is not a literal of type {datatype}"))
    flags = shapes.value(node, SH.flags)
    for pattern in shapes.objects(node, SH.pattern):
        arguments = f"{_string(str(pattern))}, {_string(str(flags))}" if flags else _string(str(pattern))
        found.append(check(f"?focus {edge} ?v FILTER (isBlank(?v) || !REGEX(STR(?v), {arguments}))",
                           f"Value does not match the pattern {pattern}"))
    for kind in shapes.objects(node, SH.nodeKind):
        if kind not in _NODE_KINDS:
            raise UnsupportedShape(f"shapes.ttl: sh:nodeKind {kind} is not a node kind")
        found.append(check(f"?focus {edge} ?v FILTER ({_NODE_KINDS[kind]})",  # type: ignore[index]
                           f"Value is not of node kind {kind}"))
    return found


def compile_shapes(shapes: Graph) -> list[Check]:
    """One check per constraint of every node shape; UnsupportedShape for what this validator cannot check."""
    checks = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape), key=str):
        checks += _checks_of_node_shape(shapes, shape)  # type: ignore[arg-type]
    return checks


@cache
def shape_checks() -> tuple[Check, ...]:
    return tuple(compile_shapes(Graph().parse(HERE / "shapes.ttl")))


class Validator:
    """Checks graphs given as N-Triples against the shapes, with the ontology's classes and concepts beside
    them (a sphere is a skos:Concept there). One per process: it keeps the ontology's quads, parsed once."""

    def __init__(self) -> None:
        self.checks = shape_checks()
        parsed = ox.Store()
        parsed.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:ties:ontology"))
        # only what the checks read of it (`_INSTANCE`): the classes of its terms and concepts, not the labels
        # and comments, six-sevenths of its quads, which every graph's store would load again
        kept = [quad for term in (RDF.type, RDFS.subClassOf)
                for quad in parsed.quads_for_pattern(None, ox.NamedNode(str(term)), None)]
        self.ontology = ox.serialize(kept, format=ox.RdfFormat.N_QUADS) or b""
        self.data = ox.NamedNode("urn:ties:data")
        self.store = ox.Store()

    def __call__(self, ntriples: str | bytes) -> list[Violation]:
        """The violations of a graph, sorted; empty if it conforms."""
        with self.holding(ntriples):
            return self.check()

    @contextmanager
    def holding(self, ntriples: str | bytes) -> Iterator[ox.NamedNode]:
        """Hold a graph (N-Triples, as text or in UTF-8) in `self.store` (as the named graph yielded) while the
        block runs: checked by `check`, and read by other queries while it is loaded.

        Each graph gets a store of its own. Oxigraph's in-memory store keeps every quad removed from it (it
        has no garbage collection of its versions), so one store reused for graph after graph grew slower
        with each: at 100× the samples, a graph maker's 80th to 100th graphs took 280–380 ms each to load,
        check and read, the same graphs 105–120 ms each in a store of their own."""
        self.store = ox.Store()
        self.store.load(self.ontology, ox.RdfFormat.N_QUADS)
        data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
        self.store.load(data, ox.RdfFormat.N_TRIPLES, to_graph=self.data)
        try:
            yield self.data
        finally:
            self.store = ox.Store()  # the graph's memory let go now, not at the next graph

    def check(self) -> list[Violation]:
        """The violations of the graph held, sorted; empty if it conforms."""
        found = {Violation(solution["focus"].value, check.path, check.message)
                 for check in self.checks for solution in self._solutions(check.query)}
        return sorted(found, key=lambda v: (v.focus, v.path, v.message))

    def _solutions(self, query: str) -> ox.QuerySolutions:
        solutions = self.store.query(query, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)  # every check is a SELECT
        return solutions


@cache
def validator() -> Validator:
    """This process's validator."""
    return Validator()


def violations(graph: Graph) -> list[Violation]:
    """The SHACL violations of an rdflib graph (with the ontology's concepts for class checks), empty if it
    conforms."""
    return validator()(graph.serialize(format="nt", encoding="utf-8"))
