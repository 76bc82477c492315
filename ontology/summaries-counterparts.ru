# The Smolensk officials each foreign partner met (ties:counterpartsText of its profile), worked out after
# ontology/summaries-profiles.ru has made the profiles, by the same builds and with the same "# scope: ?partner"
# lines. A build that only adds reports, to profiles it finds already made, does not run it: a partner's
# counterparts are then those stored joined with those the new graphs name (graph.stores.summaries),
# since adding events to a partner can only add names to its counterparts.
PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>

# the Smolensk officials each partner met, aggregated apart: an aggregate over unbound values is an
# error in the standard (Oxigraph) but skipped by Virtuoso, so no OPTIONAL feeds a GROUP_CONCAT
INSERT { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:counterpartsText ?officials } }
WHERE {
  {
    SELECT ?partner (GROUP_CONCAT(?officialName; separator="; ") AS ?officials) WHERE {
      # by surname (the name's last word: "А.В. Стрельцов"), whichever order the graphs are read in
      { SELECT DISTINCT ?partner ?officialName WHERE {
          # the partners' events and the officials' events apart, joined by hashing on the graph and the
          # event (through sem:hasActor, which the writer states beside each participation): as one group
          # a few partners' events were looked for among every official's, and with the officials' events
          # after the partners', all of them took 1.5 s at 100× the samples, now 0.6 s
          { SELECT ?h ?met ?partner WHERE { GRAPH ?h {
              # scope: ?partner
              ?met sem:hasActor ?partner } } }
          { SELECT ?h ?met ?officialName WHERE { GRAPH ?h {
              ?met sem:hasActor ?official . ?official ties:smolensk true ; a foaf:Person ; rdfs:label ?officialName } } } }
        ORDER BY REPLACE(?officialName, "^.*[ .]", "") ?officialName }
    }
    GROUP BY ?partner
  }
  GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { ?profile ties:profileOf ?partner }
}
