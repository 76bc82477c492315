"""SHACL validation of a graph against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from graph.rdf.writer import ontology
from ontology import HERE


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@cache
def shapes() -> Graph:
    return Graph().parse(HERE / "shapes.ttl")


def violations(graph: Graph) -> list[Violation]:
    """The SHACL violations of `graph` (with the ontology's concepts for class checks), empty if it conforms.

    The ontology's triples are lent to the graph for the check and taken back after: copying a
    report's graph into a new one, triple by triple, cost as much as the check itself.
    """
    lent = [triple for triple in ontology() if triple not in graph]
    graph.addN((*triple, graph) for triple in lent)
    try:
        conforms, report, _ = validate(graph, shacl_graph=shapes(), inference="none", advanced=False)
    finally:
        for triple in lent:
            graph.remove(triple)
    if conforms:
        return []
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        found.append(Violation(str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath)),
                               str(report.value(result, SH.resultMessage))))
    return sorted(found, key=lambda v: (v.focus, v.path))
