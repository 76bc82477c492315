# The summary rows that a few added or replaced reports may change, removed before summaries.ru works
# them out again for the same scope (graph.stores.summaries): the profiles of their partners, the
# country rows of their periods, the preferred names of their entities and the mark of what the
# summaries sum up. (The pairs and the names' order are Python's: a profile keeps its ties:nameOrder, which
# graph.stores.summaries numbers again only where its name moved.)
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>

DELETE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ?p ?o } }
WHERE {
  # scope: ?partner
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:profileOf ?partner ; ?p ?o }
  FILTER(?p != ties:nameOrder)
}
;
DELETE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?row ?p ?o } }
WHERE {
  # scope: ?period
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?row ties:inPeriod ?period ; ?p ?o }
}
;
DELETE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?entity ties:preferredName ?name } }
WHERE {
  # scope: ?entity
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?entity ties:preferredName ?name }
}
;
DELETE WHERE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  <https://w3id.org/smolensk-ties/id/graph/summary> ties:reportsChecksum ?sum } }
