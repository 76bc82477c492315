# The summaries: what the partner queries of the library read, worked out once by every build
# (graph.ingest.refresh_summaries) instead of by every query. Each foreign partner gets a profile
# (events, quarters, dates, spheres, Smolensk counterparts), each country a row per quarter and each
# two entities met at the same events a pair.
# Aggregating ~100k participations costs seconds; reading the profiles costs milliseconds.
# Run as one SPARQL 1.1 Update, on Oxigraph and on a remote server alike.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>

DROP SILENT GRAPH <https://w3id.org/smolensk-ties/id/graph/summary>
;

INSERT DATA { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  <https://w3id.org/smolensk-ties/id/graph/summary> a ties:Summary } }
;

# a partner: foreign, or an international body (no state); a place of unknown state is not a partner
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?profile a ties:PartnerProfile ; ties:profileOf ?partner ; ties:partnerName ?label ; ties:countryCode ?country ;
           ties:eventCount ?events ; ties:firstQuarterIndex ?firstQuarter ; ties:lastQuarterIndex ?lastQuarter ;
           ties:lastPeriod ?lastPeriod ; ties:quartersText ?quarters ; ties:spheresText ?spheres ; ties:firstStart ?first ; ties:lastEnd ?last .
} }
WHERE {
  {
    SELECT ?partner (MIN(?name) AS ?label) (MIN(?code) AS ?country) (COUNT(DISTINCT ?event) AS ?events)
           (MIN(?q) AS ?firstQuarter) (MAX(?q) AS ?lastQuarter)
           (GROUP_CONCAT(DISTINCT ?period; separator=", ") AS ?quarters)
           (MIN(?start) AS ?first) (MAX(?end) AS ?last)
           (GROUP_CONCAT(DISTINCT ?sphereName; separator="; ") AS ?spheres)
    WHERE {
      # the partners' events first, in a subquery (evaluated on its own), then the sphere names:
      # joined the other way round, the names multiplied the work fortyfold
      {
        SELECT ?partner ?name ?code ?event ?period ?q ?sphere ?start ?end WHERE {
          GRAPH ?g {
            ?event ties:participation/ties:agent ?partner ; ties:inReport ?report ; ties:sphere ?sphere .
            ?report ties:period ?period ; ties:quarterIndex ?q .
            ?partner rdfs:label ?name ; ties:smolensk false .
            OPTIONAL { ?event sem:hasEarliestBeginTimeStamp ?start ; sem:hasLatestEndTimeStamp ?end }
            OPTIONAL { ?partner ties:country/skos:notation ?ofCountry }
            OPTIONAL { ?partner a schema:Country ; skos:notation ?isCountry }
            BIND (COALESCE(?ofCountry, ?isCountry, "") AS ?code)
            OPTIONAL { ?partner a schema:Place BIND (true AS ?isPlace) }
            FILTER (?code != "RU" && (?code != "" || !BOUND(?isPlace)))
          }
        }
      }
      GRAPH <https://w3id.org/smolensk-ties/id/graph/ontology> {
        ?sphere skos:prefLabel ?sphereName FILTER (lang(?sphereName) = "ru") }
    }
    GROUP BY ?partner
  }
  # the period's own name, from the report of that quarter (string MAX differs between engines)
  GRAPH ?r { ?lastReport ties:quarterIndex ?lastQuarter ; ties:period ?lastPeriod }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/profile/", MD5(STR(?partner)))) AS ?profile)
}
;

# what each partner is (person, organisation, place: an organisation named for a place may be both), so
# that the partner report can filter by type without reading the report graphs
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:partnerClass ?class } }
WHERE {
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:profileOf ?partner }
  GRAPH ?g { ?partner a ?class VALUES ?class { foaf:Person <http://www.w3.org/ns/org#Organization> schema:Place } }
}
;

# where each partner that is a place lies (one point, whichever report wrote it): the state pages' small
# maps read it here, where collecting it over every report graph took 250 ms at 100× the samples
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?profile schema:latitude ?latitude ; schema:longitude ?longitude } }
WHERE {
  {
    SELECT ?profile (SAMPLE(?lat) AS ?latitude) (SAMPLE(?lon) AS ?longitude) WHERE {
      GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:profileOf ?partner }
      GRAPH ?g { ?partner schema:geo ?geo . ?geo schema:latitude ?lat ; schema:longitude ?lon }
    }
    GROUP BY ?profile
  }
}
;

# the Smolensk officials each partner met, aggregated apart: an aggregate over unbound values is an
# error in the standard (Oxigraph) but skipped by Virtuoso, so no OPTIONAL feeds a GROUP_CONCAT
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:counterpartsText ?officials } }
WHERE {
  {
    SELECT ?partner (GROUP_CONCAT(DISTINCT ?officialName; separator="; ") AS ?officials) WHERE {
      GRAPH ?h { ?met ties:participation/ties:agent ?partner , ?official .
                 ?official ties:smolensk true ; a foaf:Person ; rdfs:label ?officialName } }
    GROUP BY ?partner
  }
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:profileOf ?partner }
}
;

# countries by quarter: distinct partners and distinct events (one event with two Belarusian partners
# counts once), so they are counted here and not summed from the profiles
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?row a ties:CountryQuarter ; ties:countryCode ?country ; ties:inPeriod ?period ;
       ties:partnerCount ?partners ; ties:eventCount ?events .
} }
WHERE {
  {
    SELECT ?country ?period (COUNT(DISTINCT ?partner) AS ?partners) (COUNT(DISTINCT ?event) AS ?events) WHERE {
      GRAPH ?g {
        ?event ties:inReport/ties:period ?period ; ties:participation/ties:agent ?partner .
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
    SELECT ?country ?period (COUNT(DISTINCT ?event) AS ?events) WHERE {
      GRAPH ?g { ?event ties:country ?state ; ties:inReport/ties:period ?period . ?state skos:notation ?country }
    }
    GROUP BY ?country ?period
  }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/country-quarter/", ENCODE_FOR_URI(?country), "/",
                   ENCODE_FOR_URI(?period))) AS ?row)
}
;

# pairs of entities (persons and organisations) that met more than once, not both of Smolensk: each
# event's attendees are listed once and joined with themselves on the event (a hash join), which
# costs a third of matching the two attendees in one pattern. Pairs that met once are left to the
# network (`ties network`, graph.analytics): at 100 times the samples they are ~80,000 of ~90,000,
# each triple written costs ~25 µs, and a query scanning them all takes seconds. The names are the
# entities' own (below).
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
  ?pair ties:attendeeA ?a ; ties:attendeeB ?b ; ties:sharedEvents ?events .
} }
WHERE {
  {
    SELECT ?a ?b (COUNT(DISTINCT ?event) AS ?events) WHERE {
      { SELECT ?event ?a ?aOurs WHERE { GRAPH ?g {
          ?event ties:participation/ties:agent ?a . ?a rdfs:label ?aName ; a ?ta .
          VALUES ?ta { foaf:Person <http://www.w3.org/ns/org#Organization> }
          OPTIONAL { ?a ties:smolensk ?aOurs } } } }
      { SELECT ?event ?b ?bOurs WHERE { GRAPH ?h {
          ?event ties:participation/ties:agent ?b . ?b rdfs:label ?bName ; a ?tb .
          VALUES ?tb { foaf:Person <http://www.w3.org/ns/org#Organization> }
          OPTIONAL { ?b ties:smolensk ?bOurs } } } }
      FILTER (STR(?a) < STR(?b) && !(COALESCE(?aOurs, false) && COALESCE(?bOurs, false)))
    }
    GROUP BY ?a ?b
    HAVING (COUNT(DISTINCT ?event) > 1)
  }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/pair/", MD5(CONCAT(STR(?a), " ", STR(?b))))) AS ?pair)
}
;

# one name per person and organisation (the least of its labels), beside the pairs: looked up in
# this one graph, where a label from any report graph would be a join over all of them
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?entity ties:preferredName ?name } }
WHERE {
  SELECT ?entity (MIN(?label) AS ?name) WHERE {
    GRAPH ?g { ?entity a ?type ; rdfs:label ?label
               VALUES ?type { foaf:Person <http://www.w3.org/ns/org#Organization> } }
  }
  GROUP BY ?entity
}
