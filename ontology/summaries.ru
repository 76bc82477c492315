# The summaries: what the partner queries of the library read, worked out once by every build
# (graph.stores.summaries.refresh_summaries) instead of by every query. Each foreign partner gets a
# profile (events, quarters, dates, spheres: summaries-profiles.ru; its class and point: summaries-partners.ru;
# its Smolensk counterparts: queries/internal/counterparts.rq), and here each country a row per quarter, each
# Smolensk official a row per appearance and each person and organisation one name. Nothing here reads a
# profile: a build that works out every summary runs this beside the profiles.
# Aggregating ~100k participations costs seconds; reading the profiles costs milliseconds.
# Each statement, ended by a line holding only ";", runs as an update of its own (graph.stores.summaries.statements),
# on Oxigraph and on a remote server alike: as one update they read the store through each other's pending writes.
# A build that adds or replaces a few reports works out again only what they touch
# (graph.stores.summaries): each line "# scope: ?x" becomes VALUES ?x { … } with the entities of those
# reports (?partner, ?entity), their periods (?period) or their graphs (?g); a full build leaves them comments.
# summaries-forget.ru removes the same rows first. The pairs of entities that met more than once are
# counted in Python (graph.stores.summaries): a join of every event's attendees with themselves.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>

INSERT DATA { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  <https://w3id.org/smolensk-ties/id/graph/summary> a ties:Summary } }
;

# countries by quarter: distinct partners and distinct events (one event with two Belarusian partners
# counts once), so they are counted here and not summed from the profiles
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?row a ties:CountryQuarter ; ties:countryCode ?country ; ties:inPeriod ?period ;
       ties:partnerCount ?partners ; ties:eventCount ?events .
} }
WHERE {
  {
    # the events' actors through sem:hasActor, which the writer states beside each participation (one step,
    # not two). One subquery per property, joined by hashing on the graph: as one group 2.2 s at 100× the
    # samples, now 1.2 s; each scans only the graphs of the periods in scope
    SELECT ?country ?period (COUNT(DISTINCT ?partner) AS ?partners) (COUNT(DISTINCT ?event) AS ?events) WHERE {
      { SELECT ?g ?event ?period WHERE {
          # scope: ?g
          GRAPH ?g {
            # scope: ?period
            ?event ties:inReport/ties:period ?period } } }
      { SELECT ?g ?event ?partner WHERE {
          # scope: ?g
          GRAPH ?g { ?event sem:hasActor ?partner } } }
      { SELECT ?g ?partner WHERE {
          # scope: ?g
          GRAPH ?g { ?partner ties:smolensk false } } }
      { SELECT ?g ?partner ?country WHERE {
          # scope: ?g
          GRAPH ?g {
            { ?partner ties:country/skos:notation ?country } UNION { ?partner a schema:Country ; skos:notation ?country }
            FILTER (?country != "RU") } } }
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
;

# each Smolensk official at each event, in each position the row states, with the event's title, period,
# start and places: what the officials query lists (~5,000 rows at 100 times the samples), read here
# instead of joined from eleven properties over every report graph at each query. One subquery per
# property, on purpose: Oxigraph joins subqueries by hashing whole scans, where one group of patterns
# makes it look every property up row by row. Each subquery scans only the graphs of the periods in scope
# ("# scope: ?g"): a subquery sees no bindings from outside it (one report's period at 100× the samples:
# 0.43 s scanning every graph, 0.03 s its own).
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?row a ties:OfficialAppearance ; ties:appearanceOf ?person ; rdfs:label ?name ; ties:positionText ?position ;
       ties:atEvent ?event ; schema:name ?title ; ties:inPeriod ?period ; ties:placesText ?places ;
       sem:hasEarliestBeginTimeStamp ?start .
} }
WHERE {
  {
    SELECT ?person ?name ?position ?event ?title ?period ?start
           (GROUP_CONCAT(DISTINCT COALESCE(?placeName, ""); separator=", ") AS ?places)
    WHERE {
      { SELECT ?g ?report ?period WHERE {
          # scope: ?g
          GRAPH ?g {
            # scope: ?period
            ?report ties:period ?period } } }
      { SELECT ?g ?p ?position WHERE {
          # scope: ?g
          GRAPH ?g { ?p ties:statedRole ?position } } }
      { SELECT ?g ?p ?person WHERE {
          # scope: ?g
          GRAPH ?g { ?p ties:agent ?person } } }
      { SELECT ?g ?person WHERE {
          # scope: ?g
          GRAPH ?g { ?person a foaf:Person } } }
      { SELECT ?g ?person WHERE {
          # scope: ?g
          GRAPH ?g { ?person ties:smolensk true } } }
      { SELECT ?g ?person ?name WHERE {
          # scope: ?g
          GRAPH ?g { ?person rdfs:label ?name } } }
      { SELECT ?g ?event ?p WHERE {
          # scope: ?g
          GRAPH ?g { ?event ties:participation ?p } } }
      { SELECT ?g ?event ?title WHERE {
          # scope: ?g
          GRAPH ?g { ?event schema:name ?title } } }
      { SELECT ?g ?event ?report WHERE {
          # scope: ?g
          GRAPH ?g { ?event ties:inReport ?report } } }
      OPTIONAL { SELECT ?g ?event ?start WHERE {
          # scope: ?g
          GRAPH ?g { ?event sem:hasEarliestBeginTimeStamp ?start } } }
      OPTIONAL { GRAPH ?g { ?event sem:hasPlace/rdfs:label ?placeName } }
    }
    GROUP BY ?person ?name ?position ?event ?title ?period ?start
  }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/appearance/",
                   MD5(CONCAT(STR(?person), " ", STR(?event), " ", ?position, " ", ?name)))) AS ?row)
}
;

# one name per person and organisation (the least of its labels), beside the pairs: looked up in
# this one graph, where a label from any report graph would be a join over all of them
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?entity ties:preferredName ?name } }
WHERE {
  # the persons and organisations, and the labels, apart, joined by hashing: as one group 1.2 s at 100× the
  # samples, now 0.65 s
  SELECT ?entity (MIN(?label) AS ?name) WHERE {
    { SELECT ?g ?entity WHERE { GRAPH ?g {
        # scope: ?entity
        ?entity a ?type FILTER (?type IN (foaf:Person, <http://www.w3.org/ns/org#Organization>)) } } }
    { SELECT ?g ?entity ?label WHERE { GRAPH ?g {
        # scope: ?entity
        ?entity rdfs:label ?label } } }
  }
  GROUP BY ?entity
}
