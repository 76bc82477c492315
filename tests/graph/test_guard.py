"""The query check reads the parsed query: SERVICE anywhere refused, keywords in strings and comments not."""

from __future__ import annotations

import pytest

from graph.guard import QueryRefused, check_read_only

SERVICE = "SERVICE <http://127.0.0.1:9/sparql> { ?x ?y ?z }"


@pytest.mark.parametrize("query", [
    f"SELECT * WHERE {{ {SERVICE} }}",
    f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ {SERVICE} }} }}",
    f"SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ {SERVICE} }} }}",
    f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ {SERVICE} }} }}",
    f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {SERVICE} }} }} }}",
    f"ASK {{ GRAPH ?g {{ {SERVICE} }} }}",
    f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ {SERVICE} }}",
    "SELECT * WHERE { SERVICE SILENT ?endpoint { ?x ?y ?z } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
])
def test_service_anywhere_in_the_query_is_refused(query):
    with pytest.raises(QueryRefused) as refused:
        check_read_only(query)
    assert refused.value.status == 403 and "SERVICE" in str(refused.value)


@pytest.mark.parametrize(("query", "form"), [
    ('SELECT ("SERVICE <http://x/> { }" AS ?s) WHERE {}', "select"),
    ("# SERVICE <http://x/> { }\nASK {}", "ask"),
    ("DESCRIBE <http://example.org/SERVICE>", "describe"),
])
def test_the_word_in_a_string_comment_or_iri_is_no_service(query, form):
    shape = check_read_only(query)
    assert shape.form == form and not shape.federated
