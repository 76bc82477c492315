"""The query library: headers, parameters bound as terms, every query on the sample graph."""

from __future__ import annotations

import re

import pytest

from benchmarks.plain import PLAIN_QUERIES, rdflib_dataset
from graph.query import QueryError, library, load_query, parse_query

QUERIES = sorted(library())
EXPECTED_AT_LEAST = {  # rows each library query gives on the two samples, by its defaults
    "activity": 30, "agreements": 8, "co-attendance": 50, "delegations": 30, "dormant-partners": 20,
    "entity": 10, "new-partners": 50, "officials": 20, "partners-by-country": 20, "repeat-partners": 30,
}


def test_library_has_every_analyst_question():
    assert set(EXPECTED_AT_LEAST) <= set(QUERIES)
    for query in library().values():
        assert query.title and " | " in query.title, query.name
        assert query.question and query.example.startswith(f"ties query {query.name}"), query.name
        assert re.search("[а-яё]", query.question_ru) and query.title_ru and " | " not in query.title_ru, query.name


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_runs(embedded, name):
    table = embedded.select(load_query(name).bind())
    assert len(table.rows) >= EXPECTED_AT_LEAST.get(name, 1)


def test_repeat_partners_names_the_gold_repeat_partners(embedded):
    names = {row[1] for row in embedded.select(load_query("repeat-partners").bind()).rows}
    for partner in ("ОАО «Могилевлифтмаш»", "ГУ «Витебская областная библиотека имени В.И. Ленина»",
                    "А.М. Субботин", "ОАО «Минский автомобильный завод»", "Союзное государство",
                    "Витебская область", "Посольство Республики Беларусь в Российской Федерации"):
        assert partner in names


def test_belarusian_partners_of_both_quarters(embedded):
    table = embedded.select(load_query("repeat-partners").bind({"country": "BY"}))
    quarters = {row[1]: row[4] for row in table.rows}
    assert {"2024-Q1", "2025-Q2"} <= set(quarters["А.М. Субботин"].split(", "))
    assert all(row[2] == "BY" for row in table.rows)


NAMED = parse_query("named", "# param: name literal =\nSELECT ?x WHERE { #PARAMS\n ?x <urn:p> ?name }")


def test_parameters_are_bound_as_terms_not_text():
    text = NAMED.bind({"name": 'BY" } } ; DROP ALL #'})
    assert 'VALUES (?name) { ("BY\\" } } ; DROP ALL #") }' in text
    text = load_query("repeat-partners").bind({"country": "BY", "min_events": "2"})
    assert '?events >= "2"^^<http://www.w3.org/2001/XMLSchema#integer>' in text
    with pytest.raises(QueryError, match="не целое число"):
        load_query("repeat-partners").bind({"min_events": "2) } DROP ALL {"})
    with pytest.raises(QueryError, match="не IRI"):
        load_query("entity").bind({"entity": "x> } ; DROP ALL ; <y"})
    with pytest.raises(QueryError, match="нет параметра"):
        load_query("entity").bind({"nope": "1"})


def test_several_iris_are_each_a_row_of_their_own_values_block_at_the_mark(embedded):
    graphs = parse_query("g", "# param: graph iris =\n# param: n integer =\n"
                              "SELECT ?graph ?n WHERE { #PARAMS\n GRAPH ?graph { ?s ?p ?o } } LIMIT 1")
    text = graphs.bind({"graph": "urn:a report/2025-Q2", "n": "2"})
    assert "VALUES ?graph { <urn:a> <https://w3id.org/smolensk-ties/id/report/2025-Q2> }" in text
    assert text.index("VALUES ?graph") < text.index("VALUES (?n)") < text.index("GRAPH ?graph")
    assert "VALUES ?graph" not in graphs.bind({"n": "2"})  # none given: every graph
    with pytest.raises(QueryError, match="не IRI"):
        graphs.bind({"graph": "urn:a x>}DROP"})
    with pytest.raises(QueryError, match="только на место метки #PARAMS"):
        parse_query("h", "# param: graph iris =\nSELECT * WHERE { GRAPH ?graph { ?s ?p ?o } }").bind({"graph": "urn:a"})
    # the store reads only the graphs given
    report = "https://w3id.org/smolensk-ties/id/graph/2025-Q2"
    assert {row[0] for row in embedded.select(graphs.bind({"graph": report}).replace("LIMIT 1", "")).rows} == {report}


def test_a_value_of_the_wrong_kind_says_what_is_expected_and_names_and_short_ids_are_understood():
    assert '("BY")' in load_query("delegations").bind({"country": "Беларусь"})
    assert '("BY")' in load_query("delegations").bind({"country": "by"})
    with pytest.raises(QueryError, match="не государство; укажите его код ISO"):
        load_query("delegations").bind({"country": 'BY" } } ; DROP ALL #'})
    with pytest.raises(QueryError, match="пишите так: 2025-Q2"):
        load_query("new-partners").bind({"period": "2025-2"})
    bound = load_query("entity").bind({"entity": "person/subbotin-a-m"})
    assert "<https://w3id.org/smolensk-ties/id/person/subbotin-a-m>" in bound


def test_dollar_parameters_become_terms_and_unbound_ones_stay_variables():
    query = parse_query("t", "# param: n integer =\n# param: s literal = x\n"
                             "SELECT * WHERE { FILTER (?a >= $n && ?b = $s && ?c = $sx) }")
    assert "?a >= $n" in query.bind()  # no value: $n is the variable ?n, unbound
    text = query.bind({"n": "3", "s": 'x") } DROP ALL {'})
    assert '?a >= "3"^^<http://www.w3.org/2001/XMLSchema#integer>' in text
    assert '?b = "x\\") } DROP ALL {"' in text and "?c = $sx" in text
    assert "VALUES" not in text  # written in, the parameters leave no variable for a VALUES block to name


@pytest.mark.parametrize("name", ["co-attendance", "repeat-partners"])
def test_min_events_keeps_only_what_met_that_often(embedded, name):
    table = embedded.select(load_query(name).bind({"min_events": "3"}))
    counts = [int(value) for value in (row[table.columns.index("events")] for row in table.rows)]
    assert counts and min(counts) >= 3
    assert len(embedded.select(load_query(name).bind({"min_events": "2"})).rows) > len(counts)


def test_an_injection_attempt_finds_nothing_and_changes_nothing(embedded):
    before = embedded.quad_count()
    rows = embedded.select(NAMED.bind({"name": 'BY") } } DELETE WHERE { ?s ?p ?o } #'}))
    assert rows.rows == ()
    assert embedded.quad_count() == before


def test_entity_query_for_an_official(embedded):
    rows = embedded.select(load_query("entity").bind(
        {"entity": "https://w3id.org/smolensk-ties/id/person/subbotin-a-m"})).rows
    assert {row[2] for row in rows} == {"2024-Q1", "2025-Q2"}


@pytest.mark.parametrize("name", QUERIES)
def test_a_table_read_straight_is_the_table_of_the_full_results(embedded, name):
    """select() reads plain values term by term; results() reads typed terms as SPARQL JSON."""
    text = load_query(name).bind()
    full = embedded.results(text).table()
    assert embedded.select(text) == full
    assert embedded.select(text, limit=2).rows == full.rows[:2]


def test_an_unbound_value_is_none_in_a_table(embedded):
    text = "SELECT ?s ?nothing WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?s <urn:ties:none> ?nothing } } LIMIT 3"
    table = embedded.select(text)
    assert table == embedded.results(text).table()
    assert len(table.rows) == 3 and all(row[0] and row[1] is None for row in table.rows)


PLAIN = library(PLAIN_QUERIES)
PLAIN_CASES = [("partners-by-country", {}), ("partners-by-country", {"country": "BY"}),
               ("co-attendance", {"min_events": "1"}), ("co-attendance", {}),
               ("dormant-partners", {"since": "2025-Q2"}), ("dormant-partners", {"since": "2026-Q1"}),
               ("activity", {}), ("delegations", {}), ("delegations", {"country": "BY"}),
               ("officials", {}), ("officials", {"period": "2025-Q2"}),
               ("repeat-partners", {}), ("repeat-partners", {"country": "BY", "min_events": "3"}),
               ("repeat-partners", {"min_events": "1"})]


def test_every_plain_form_is_of_a_library_query_and_is_tried():
    assert set(PLAIN) <= set(QUERIES)
    assert {name for name, _ in PLAIN_CASES} == set(PLAIN)


@pytest.mark.parametrize(("name", "params"), PLAIN_CASES)
def test_the_plain_form_rdflib_is_timed_on_gives_the_library_query_s_rows(embedded, rdflib_copy, name, params):
    """The benchmark compares Oxigraph on a library query with rdflib on its plain form: fair only if
    both forms ask the same, on either engine (rows in the same order)."""
    ours = embedded.select(library()[name].bind(params))
    assert ours.rows
    plain = embedded.select(PLAIN[name].bind(params))
    assert plain.columns == ours.columns
    assert in_order(plain.rows) == in_order(ours.rows)
    theirs = rdflib_copy.query(PLAIN[name].bind(params))
    assert in_order(tuple(None if term is None else str(term) for term in row) for row in theirs) == \
        in_order(ours.rows)


def in_order(rows) -> list[tuple]:
    """Rows in their order, the parts of a GROUP_CONCAT sorted (SPARQL leaves their order open)."""
    return [tuple(None if value is None else tuple(sorted(value.split(", "))) for value in row) for row in rows]


@pytest.fixture(scope="module")
def rdflib_copy(embedded):
    return rdflib_dataset(embedded)


def test_a_table_read_from_tsv_is_the_table_read_term_by_term(tmp_path):
    """Escapes, languages, datatypes, bare numbers and booleans, blank nodes and a row of one unbound value
    read from Oxigraph's TSV as from its terms (with a limit the rows are read term by term)."""
    from graph.stores import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> "таб\\tстрока\\nкавычка\\" слэш\\\\ é"@ru , '
                 '5 , -2.50 , true , false , 1.0e3 , "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> , '
                 '"plain" , _:b1 , <urn:b> , "«ОАО „МАЗ“»" , "x\\u0009y" } }')
    pattern = "GRAPH ?g { <urn:a> <urn:p> ?o } OPTIONAL { ?o <urn:q> ?none }"
    for text in (f"SELECT ?o ?none WHERE {{ {pattern} }} ORDER BY STR(?o)", f"SELECT ?none WHERE {{ {pattern} }}"):
        whole, term_by_term = store.select(text), store.select(text, limit=1000)
        assert whole == term_by_term and len(whole.rows) == 12
    objects = store.select("SELECT ?o WHERE { GRAPH ?g { <urn:a> <urn:p> ?o } }")
    typed = {row[0]: value[0] for row, value in zip(objects.rows, objects.typed_rows(), strict=True)}
    assert typed["5"] == 5 and typed["-2.5"] == -2.5 and typed["true"] is True and typed["false"] is False
    assert typed["1000"] == 1000.0 and typed["2024-01-01"] == "2024-01-01" and typed["urn:b"] == "urn:b"
    assert "таб\tстрока\nкавычка\" слэш\\ é" in typed and "x\ty" in typed and "«ОАО „МАЗ“»" in typed
