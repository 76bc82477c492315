# The partner profiles: each foreign partner's events, quarters, dates and spheres, worked out by every
# build before ontology/summaries-partners.ru (which adds each profile's class and point) and its Smolensk officials
# (queries/internal/counterparts.rq, sorted in graph.stores.summaries), with the same "# scope: ?partner" lines.
# A build that only adds reports of later quarters does not run it for partners profiled already: a
# profile is then the stored one joined with what the new graphs say of the partner
# (graph.stores.summaries; ontology/queries/internal/graph-profiles.rq), since every figure of a profile
# is a count, a least or greatest value or a list over the partner's events, each in one report graph.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>

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
      # ordered so that the quarters are listed in time and the spheres as they first appear, however the
      # graphs are read (a build that works out some profiles and one that works out all write the same)
      { SELECT ?partner ?name ?code ?event ?period ?q ?start ?end ?sphereName WHERE {
          # the partners' events first, in a subquery (evaluated on its own), then the sphere names:
          # joined the other way round, the names multiplied the work fortyfold. One subquery per
          # property, joined on the graph, the event or the report: Oxigraph scans each once and joins
          # the scans by hashing, where one group of patterns looked each up event by event (2.2 s
          # against 0.9 s for the partners one report names at 100× the samples). The events through
          # sem:hasActor, which the writer states beside each participation: one step, not two
          { SELECT ?partner ?name ?code ?event ?period ?q ?sphere ?start ?end WHERE {
              { SELECT ?g ?event ?partner WHERE { GRAPH ?g {
                  # scope: ?partner
                  ?event sem:hasActor ?partner } } }
              { SELECT ?g ?partner ?name WHERE { GRAPH ?g {
                  # scope: ?partner
                  ?partner rdfs:label ?name ; ties:smolensk false } } }
              { SELECT ?g ?event ?report WHERE { GRAPH ?g { ?event ties:inReport ?report } } }
              { SELECT ?g ?event ?sphere WHERE { GRAPH ?g { ?event ties:sphere ?sphere } } }
              { SELECT ?g ?report ?period ?q WHERE { GRAPH ?g { ?report ties:period ?period ; ties:quarterIndex ?q } } }
              OPTIONAL { SELECT ?g ?event ?start ?end WHERE { GRAPH ?g {
                  ?event sem:hasEarliestBeginTimeStamp ?start ; sem:hasLatestEndTimeStamp ?end } } }
              OPTIONAL { SELECT ?g ?partner ?ofCountry WHERE { GRAPH ?g {
                  # scope: ?partner
                  ?partner ties:country/skos:notation ?ofCountry } } }
              OPTIONAL { SELECT ?g ?partner ?isCountry WHERE { GRAPH ?g {
                  # scope: ?partner
                  ?partner a schema:Country ; skos:notation ?isCountry } } }
              OPTIONAL { SELECT ?g ?partner ?isPlace WHERE { GRAPH ?g {
                  # scope: ?partner
                  ?partner a schema:Place BIND (true AS ?isPlace) } } }
              BIND (COALESCE(?ofCountry, ?isCountry, "") AS ?code)
              FILTER (?code != "RU" && (?code != "" || !BOUND(?isPlace)))
            }
          }
          # each sphere's name with its place among the ontology's names (ties:labelOrder, numbered before
          # this update): sorting on the names themselves read both from disk at each comparison
          { SELECT ?sphere ?sphereName WHERE { GRAPH <https://w3id.org/smolensk-ties/id/graph/ontology> {
              ?sphere skos:prefLabel ?sphereName FILTER (lang(?sphereName) = "ru") } } }
          { SELECT ?sphere ?sphereOrder WHERE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> {
              ?sphere ties:labelOrder ?sphereOrder } } }
        }
        ORDER BY ?q ?sphereOrder
      }
    }
    GROUP BY ?partner
  }
  # the period's own name, from the report of that quarter (string MAX differs between engines)
  GRAPH ?r { ?lastReport ties:quarterIndex ?lastQuarter ; ties:period ?lastPeriod }
  BIND (IRI(CONCAT("https://w3id.org/smolensk-ties/id/profile/", MD5(STR(?partner)))) AS ?profile)
}
