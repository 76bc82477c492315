# Each partner profile's class and point: what summaries-profiles.ru made them of, so run after it, with the
# same "# scope: ?partner" lines (graph.stores.summaries). Apart from ontology/summaries.ru, which reads no
# profile: a build that works out every summary runs the two side by side.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>

# what each partner is (person, organisation, place: an organisation named for a place may be both), so
# that the partner report can filter by type without reading the report graphs
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:partnerClass ?class } }
WHERE {
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
    # scope: ?partner
    ?profile ties:profileOf ?partner }
  VALUES ?class { foaf:Person <http://www.w3.org/ns/org#Organization> schema:Place }
  FILTER EXISTS { GRAPH ?g { ?partner a ?class } }  # once, not once for each report graph that says it
}
;

# where each partner that is a place lies (one point, whichever report wrote it): the state pages' small
# maps read it here, where collecting it over every report graph took 250 ms at 100× the samples
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?profile schema:latitude ?latitude ; schema:longitude ?longitude } }
WHERE {
  {
    SELECT ?profile (SAMPLE(?lat) AS ?latitude) (SAMPLE(?lon) AS ?longitude) WHERE {
      GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
        # scope: ?partner
        ?profile ties:profileOf ?partner }
      GRAPH ?g { ?partner schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon }
    }
    GROUP BY ?profile
  }
}
