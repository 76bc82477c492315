# The summaries of one report's period: each country's row for that quarter (what the partner queries and
# the state pages read), worked out from the report graph of that period alone. So a build works them out
# in the process that makes and checks each graph (on that graph, in memory: graph.pipeline.make_graph),
# and over the store (graph.stores.summaries) only for the periods whose graph it did not make (a build
# that works out every summary but skips unchanged reports, or mends them): over a store of 200 reports
# they took ~4.7 s. "# scope: ?period" and "# scope: ?g" (the graphs of those periods) as in summaries.ru;
# summaries-forget.ru removes these rows with the others of their periods.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>

# countries by quarter: distinct partners and distinct events (one event with two Belarusian partners
# counts once), so they are counted here and not summed from the profiles
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?row a ties:CountryQuarter ; ties:countryCode ?country ; ties:inPeriod ?period ;
       ties:partnerCount ?partners ; ties:eventCount ?events .
} }
WHERE {
  {
    # the events' actors through sem:hasActor, which the writer states beside each participation (one step,
    # not two). One group, not a subquery per property: a build of one report counts only its period here,
    # which one group looks up in milliseconds, where hashed subqueries scan every graph (1 s at 100×)
    SELECT ?country ?period (COUNT(DISTINCT ?partner) AS ?partners) (COUNT(DISTINCT ?event) AS ?events) WHERE {
      GRAPH ?g {
        # scope: ?period
        ?event ties:inReport/ties:period ?period ; sem:hasActor ?partner .
        ?partner ties:smolensk false .
        { ?partner ties:country/skos:notation ?country } UNION { ?partner a schema:Country ; skos:notation ?country }
        FILTER (?country != "RU")
      }
    }
    GROUP BY ?country ?period
  }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/country-quarter/", ENCODE_FOR_URI(?country), "/",
                   ENCODE_FOR_URI(?period))) AS ?row)
}
;

# the events that name each state (ties:country), by quarter, partner of that state or not: what its
# page counts, read here in milliseconds instead of counted over every report graph per request
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?row a ties:CountryQuarter ; ties:countryCode ?country ; ties:inPeriod ?period ; ties:stateEventCount ?events .
} }
WHERE {
  {
    # one subquery per property, joined by hashing on the graph: as one group 0.7 s at 100× the samples, now 0.2 s;
    # each scans only the graphs of the periods in scope (a subquery sees no bindings from outside it)
    SELECT ?country ?period (COUNT(DISTINCT ?event) AS ?events) WHERE {
      { SELECT ?g ?event ?period WHERE {
          # scope: ?g
          GRAPH ?g {
            # scope: ?period
            ?event ties:inReport/ties:period ?period } } }
      { SELECT ?g ?event ?state WHERE {
          # scope: ?g
          GRAPH ?g { ?event ties:country ?state } } }
      { SELECT ?g ?state ?country WHERE {
          # scope: ?g
          GRAPH ?g { ?state skos:notation ?country } } }
    }
    GROUP BY ?country ?period
  }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/country-quarter/", ENCODE_FOR_URI(?country), "/",
                   ENCODE_FOR_URI(?period))) AS ?row)
}
