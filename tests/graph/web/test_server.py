"""The HTTP endpoint: SPARQL 1.1 Protocol with a real client over loopback, read-only, limits, pages."""

from __future__ import annotations

import csv
import html
import io
import re
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from werkzeug.test import Client

import graph.web.server
from graph.query import library, load_query
from graph.web.paths import page_of
from graph.web.server import Limits, create_app
from ontology import ONTOLOGY

PERSON = "https://w3id.org/smolensk-ties/id/person/subbotin-a-m"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def client(embedded):
    return Client(create_app(embedded))


@pytest.fixture(scope="module")
def endpoint(site):
    return f"{site}/sparql"


def wrapper(url: str, query: str, fmt=JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


@pytest.mark.parametrize("name", sorted(library()))
def test_every_library_query_over_http_gives_the_cli_rows(endpoint, embedded, name):
    text = load_query(name).bind()
    result = wrapper(endpoint, text).queryAndConvert()
    variables = result["head"]["vars"]
    over_http = [tuple(row.get(v, {}).get("value") for v in variables) for row in result["results"]["bindings"]]
    assert over_http == list(embedded.select(text).rows)


@pytest.mark.parametrize(("fmt", "marker"), [(XML, b"<sparql"), (CSV, b"n\r\n")])
def test_select_formats(endpoint, fmt, marker):
    body = wrapper(endpoint, COUNT, fmt).query().response.read()
    assert marker in body


def test_post_forms_and_construct(client, endpoint):
    form = client.post("/sparql", data={"query": COUNT}, headers={"Accept": "text/tab-separated-values"})
    assert form.status_code == 200 and form.text.startswith("?n\n")
    direct = client.post("/sparql", data=COUNT.encode(), content_type="application/sparql-query")
    assert direct.status_code == 200 and direct.json["results"]["bindings"][0]["n"]["value"].isdigit()
    construct = f"CONSTRUCT {{ <{PERSON}> ?p ?o }} WHERE {{ GRAPH ?g {{ <{PERSON}> ?p ?o }} }}"
    turtle = wrapper(endpoint, construct, TURTLE).query().response.read().decode()
    assert "Субботин" in turtle
    for accept, marker in (("application/n-triples", f"<{PERSON}>"), ("application/ld+json", '"@id"')):
        response = client.get("/sparql", query_string={"query": construct}, headers={"Accept": accept})
        assert response.status_code == 200 and marker in response.text and response.mimetype == accept


@pytest.mark.parametrize(("method", "kwargs"), [
    ("get", {"query_string": {"update": "DROP ALL"}}),
    ("post", {"data": {"update": "DROP ALL"}}),
    ("post", {"data": b"DROP ALL", "content_type": "application/sparql-update"}),
    ("post", {"data": b"INSERT DATA { <a:a> <a:b> <a:c> }", "content_type": "application/sparql-query"}),
    ("get", {"query_string": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"}}),
    ("get", {"query_string": {"query": "LOAD <http://example.org/x.ttl>"}}),
])
def test_read_only(client, embedded, method, kwargs):
    before = embedded.quad_count()
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == 403
    assert "здесь нельзя" in response.text
    assert embedded.quad_count() == before


def test_a_keyword_inside_a_string_is_not_refused(client):
    response = client.get("/sparql", query_string={"query": 'SELECT ("DROP SERVICE" AS ?x) WHERE {}'})
    assert response.status_code == 200


def test_limits_have_clear_messages(embedded):
    small = Client(create_app(embedded, Limits(max_rows=5, max_body=2000, timeout=0.05)))
    rows = small.get("/sparql", query_string={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert rows.status_code == 413 and "больше 5 строк" in rows.text
    body = small.post("/sparql", data=("#" * 5000).encode(), content_type="application/sparql-query")
    assert body.status_code == 413
    # a join of every triple with every event: a second or so, over the 0.05 s allowed
    join = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } "
            "GRAPH ?h { ?x a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } }")
    slow = small.get("/sparql", query_string={"query": join})
    assert slow.status_code == 503 and "остановлен" in slow.text
    bad = small.get("/sparql", query_string={"query": "SELEC nonsense"})
    assert bad.status_code == 400 and "не читается (строка 1, столбец 1)" in bad.text


def test_a_query_over_time_is_killed_not_left_running(embedded):
    app = create_app(embedded, Limits(timeout=0.5))
    try:
        client = Client(app)
        assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200
        [worker] = app.processes.workers
        # every triple joined with every triple, twice: minutes of work if nothing stopped it
        endless = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } GRAPH ?i { ?x ?y ?z } }"
        assert client.get("/sparql", query_string={"query": endless}).status_code == 503
        assert not worker.process.is_alive()
        assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200  # a fresh worker answers
        assert worker not in app.processes.workers
        [fresh] = app.processes.workers
        fresh.process.kill()  # a worker lost from outside (the out-of-memory killer): one 503, then service
        fresh.process.join()
        lost = client.get("/sparql", query_string={"query": COUNT})
        assert lost.status_code == 503 and "остановился, не ответив" in lost.text
        assert client.get("/sparql", query_string={"query": COUNT}).status_code == 200
    finally:
        app.close()


def test_a_page_reads_its_queries_side_by_side_and_shows_what_reading_them_one_by_one_shows(embedded):
    from graph.web import pages

    app = create_app(embedded)
    try:
        known, reported = app.search_index().by_iri, app.reported()
        assert len(app.processes.workers) == 1  # the search index's query
        town = pages.entity_page(app.pages, "https://w3id.org/smolensk-ties/id/place/smolensk", known, reported)
        assert len(app.processes.workers) > 1  # its queries asked for more than one process at a time
        assert town == pages.entity_page(embedded, "https://w3id.org/smolensk-ties/id/place/smolensk", known, reported)
        assert town["events"] and town["counterparts"] and town["based"]["shown"]
        belarus = pages.country_page(app.pages, "https://w3id.org/smolensk-ties/id/place/country-by", "BY", known,
                                     reported)
        assert belarus == pages.country_page(embedded, "https://w3id.org/smolensk-ties/id/place/country-by", "BY",
                                             known, reported)
        assert belarus["partners"] and belarus["country_events"]
        event = next(iter(town["events"]))["link"].href.removeprefix("/event/")
        iri = f"https://w3id.org/smolensk-ties/id/event/{event}"
        read_ahead = pages.event_page(app.pages, iri)
        assert read_ahead is not None and read_ahead["sides"] and read_ahead == pages.event_page(embedded, iri)
        report = "https://w3id.org/smolensk-ties/id/report/" + event.split("/")[0]
        read_ahead = pages.report_page(app.pages, report)
        assert read_ahead is not None and read_ahead["events"] and read_ahead == pages.report_page(embedded, report)
    finally:
        app.close()


def test_query_processes_started_side_by_side_never_outnumber_their_size(embedded):
    from concurrent.futures import ThreadPoolExecutor

    from graph.web.workers import QueryProcesses

    processes = QueryProcesses(embedded.path, 2)
    try:
        with ThreadPoolExecutor(8) as pool:  # eight queries at once, none of the two workers started yet
            counts = set(pool.map(lambda _: processes.results(COUNT, None, 60).rows[0]["n"]["value"], range(24)))
        assert len(counts) == 1 and len(processes.workers) == 2 and processes.starting == 0
        processes.fill()  # all there: none more started
        assert len(processes.workers) == 2
    finally:
        processes.close()


def test_a_page_one_of_whose_queries_is_refused_answers_the_refusal(embedded, monkeypatch):
    from graph.web.server import Refused

    app = create_app(embedded)
    real = app.run

    def refuse_the_sentences(query: str, max_rows: int | None):
        if "oa:hasSelector" in query:  # entity-spans, read beside the page's other queries
            raise Refused(503, "запрос шёл дольше 1 с и остановлен")
        return real(query, max_rows)
    monkeypatch.setattr(app, "run", refuse_the_sentences)
    try:
        refused = Client(app).get("/place/smolensk")
        assert refused.status_code == 503 and "остановлен" in refused.text
    finally:
        app.close()


def test_busy_server_refuses_more_than_its_concurrent_queries(embedded):
    app = create_app(embedded, Limits(max_concurrent=1, queue_wait=0.1))
    app.slots.acquire()
    try:
        response = Client(app).get("/sparql", query_string={"query": COUNT})
        assert response.status_code == 429
    finally:
        app.slots.release()


def test_entity_page_shows_roles_events_and_sources(client):
    old = client.get("/entity", query_string={"iri": PERSON})  # the address before pages had their own paths
    assert old.status_code == 301 and old.headers["Location"] == "/person/subbotin-a-m"
    page = client.get("/person/subbotin-a-m")
    assert page.status_code == 200
    text = page.text
    assert "<h1>А.М. Субботин</h1>" in text
    assert "председатель Витебского областного исполнительного комитета" in text
    assert "I кв. 2024" in text and "II кв. 2025" in text and "2024-Q1</td>" not in text
    # one post, however fully a report states it («… комитета Республики Беларусь»), with both its quarters
    posts = text.split("<h2>Должности и организации</h2>", 1)[1].split("</table>", 1)[0]
    assert re.findall(r"<tr><td>([^<]*)</td><td>[^<]*</td><td data-sort=\"2024-Q1\">([^<]*)</td></tr>", posts) == [
        ("председатель Витебского областного исполнительного комитета", "I кв. 2024, II кв. 2025")]
    assert 'class="entity"' in text  # displacy marks the mention in its source sentence
    assert client.get("/person/nobody-x-y").status_code == 404
    assert client.get("/entity", query_string={"iri": "https://w3id.org/none"}).status_code == 404
    assert client.get("/entity", query_string={"iri": "<script>"}).status_code == 404
    assert client.get("/org/%3Cscript%3E").status_code == 404
    nowhere = client.get("/nowhere/%3Cscript%3Ealert(1)%3C/script%3E")  # no page at all: said in Russian, inert
    assert nowhere.status_code == 404 and "<h1>Не найдено</h1>" in nowhere.text
    assert "&lt;script&gt;alert(1)" in nowhere.text and "<script>alert" not in nowhere.text


def test_query_page_and_library_api_work_offline(client):
    page = client.get("/query")
    assert page.status_code == 200 and "/static/query.js" in page.text
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page.text)  # nothing loaded from elsewhere
    assert client.get("/static/query.js").status_code == 200
    moved = client.get("/", query_string={"query": "ASK {}"})  # a permalink from before the page moved
    assert moved.status_code == 301 and moved.headers["Location"] == "/query?query=ASK+%7B%7D"
    assert client.get("/static/../server.py").status_code == 404
    names = {q["name"] for q in client.get("/api/queries").json}
    assert "repeat-partners" in names
    bound = client.get("/api/bind", query_string={"name": "repeat-partners", "p.country": "BY"})
    assert bound.status_code == 200 and '"BY"' in bound.text


def test_http_server_keeps_answering(endpoint):
    started = time.time()
    for _ in range(20):
        assert wrapper(endpoint, COUNT).queryAndConvert()["results"]["bindings"]
    assert time.time() - started < 30


def test_a_bug_in_a_query_process_is_sent_as_a_bug_and_the_process_stays(sample_store, monkeypatch):
    """What the store refuses comes back as its message; anything else as a traceback, not as a refusal."""
    from multiprocessing import Pipe

    from graph.stores import EmbeddedStore
    from graph.web import workers

    def broken(self, query, max_rows=None):
        if "broken" in query:
            raise KeyError("a bug")
        return real(self, query, max_rows)
    real = EmbeddedStore.results
    monkeypatch.setattr(EmbeddedStore, "results", broken)
    monkeypatch.setattr(workers, "isolate_network", lambda: "not isolated in this test")
    parent, child = Pipe()
    thread = threading.Thread(target=workers._answer_queries, args=(child, str(sample_store)), daemon=True)
    thread.start()
    assert parent.recv()[0] == "ready"
    parent.send(("SELECT * WHERE { ?s ?p ?o } # broken", None))
    status, message = parent.recv()
    assert status == "bug" and "KeyError: 'a bug'" in message and "Traceback" in message
    parent.send(("SELECT * WHERE { ?s ?p", None))
    status, message = parent.recv()
    assert status == "error" and "Traceback" not in message
    parent.send(("ASK { }", None))
    assert parent.recv()[0] == "ok"
    parent.close()
    thread.join(10)


def test_a_bug_answers_500_in_one_line_and_is_logged_whole(embedded, monkeypatch, caplog):
    from graph.web.workers import QueryBug

    app = create_app(embedded)
    try:
        def bug(query, max_rows, timeout):
            raise QueryBug("a query process failed:\nTraceback (most recent call last):\nKeyError: 'x'")
        monkeypatch.setattr(app.processes, "results", bug)
        response = Client(app).get("/sparql", query_string={"query": COUNT})
        assert response.status_code == 500
        assert response.text.count("\n") == 1 and "KeyError" not in response.text
        assert "KeyError: 'x'" in caplog.text
    finally:
        app.close()


@pytest.mark.parametrize(("path", "side"), [
    ("/person/subbotin-a-m", "Зарубежный партнёр"), ("/org/pravitelstvo-smolenskoy-oblasti", "Смоленская сторона"),
    ("/org/pravitelstvo-rossii", "Российская сторона"),
    # a body of several states has no state of its own, and is not taken for Russian; nor is its official whose
    # state the reports do not give (the Union State's secretary)
    ("/org/soyuznoe-gosudarstvo", "Орган нескольких государств"),
    ("/person/glazev-s-yu", "Орган нескольких государств")])
def test_an_entity_page_says_which_side_it_is_on(client, path, side):
    assert re.search(r'<p class="kind">[^<]*· ' + side + "</p>", client.get(path).text)


def test_a_joint_bodys_page_names_each_member_it_belongs_to(client):
    page = client.get("/org/mezhparlamentskaya-komissiya-soveta-federatsii-federalnogo-sobraniya-rossii-i-soveta-"
                      "respubliki-natsionalnogo-sobraniya-belarusi-po-mezhregionalnomu-sotrudnichestvu").text
    members = re.search(r"<dt>Входит в</dt><dd>(.*?)</dd>", page).group(1)
    assert set(re.findall(r'<a href="([^"]+)"', members)) == {
        "/org/sovet-federatsii-federalnogo-sobraniya-rossii", "/org/sovet-respubliki-natsionalnogo-sobraniya-belarusi"}
    assert re.search(r'<p class="kind">[^<]*· Орган нескольких государств</p>', page)
    assert "<dt>Вид организации</dt><dd>Межгосударственная организация</dd>" in page


def test_bodies_of_several_states_are_named_so_where_a_state_would_stand(client):
    """The Union State's bodies, the CIS and the joint commissions, and the Union State's secretary (whose
    state the reports do not give): their own group on an event's page, «межгосударственный орган» in the
    partners' state column, where a partner whose state the reports do not give has a dash."""
    event = client.get("/event/2024-Q1/7").text
    group = event.split("<h2>Межгосударственные организации</h2>", 1)[1].split("</table>", 1)[0]
    assert set(re.findall(r'<a href="(/org/[^"]+)"', group)) >= {
        "/org/soyuznoe-gosudarstvo", "/org/postoyannyy-komitet-soyuznogo-gosudarstva",
        "/org/sodruzhestvo-nezavisimykh-gosudarstv"}
    event = client.get("/event/2025-Q2/81").text
    group = event.split("<h2>Межгосударственные организации</h2>", 1)[1].split("</table>", 1)[0]
    assert "/person/glazev-s-yu" in re.findall(r'<a href="(/person/[^"]+)"', group)
    assert "/person/overchuk-a-l" in event.split("<h2>Российские участники</h2>", 1)[1].split("</table>", 1)[0]
    partners = client.get("/partners").text
    rows = dict(re.findall(r'<tr><td><a href="(/[^"]+)">[^<]*</a></td><td>(.*?)</td>', partners))
    interstate = re.compile(r'<span class="meta" title="[^"]+">межгосударственный орган</span>')
    assert interstate.fullmatch(rows["/org/soyuznoe-gosudarstvo"])
    assert interstate.fullmatch(rows["/person/glazev-s-yu"])
    assert rows["/org/posolstvo-belarusi-v-rossii"] == '<a href="/country/BY">Беларусь</a>'
    table = csv.reader(io.StringIO(client.get("/partners?format=csv").text))
    states = {line[0]: (line[1], line[-1]) for line in table}
    assert states["С.Ю. Глазьев"] == ("межгосударственный орган", "")  # and no state's code, for programs


def test_search_and_counterparts_say_each_side(client):
    """The side of every entity found, and of everyone an entity met, a body of several states and its officials
    too (one whose state the reports do not give: `test_search.test_an_entry_says_its_side`)."""
    found = client.get("/search", query_string={"q": "Глазьев"}).text
    assert re.search(r'href="/person/glazev-s-yu">[^<]+</a></td><td></td>\s*<td>Орган нескольких государств</td>',
                     found)
    met = _section(client.get("/person/glazev-s-yu").text, "Участники общих мероприятий")
    sides = dict(re.findall(r'<a href="(/[^"]+)">[^<]*</a></td><td>[^<]*</td><td>([^<]*)</td>', met))
    assert sides["/org/soyuznoe-gosudarstvo"] == "Орган нескольких государств"
    assert sides["/person/anokhin-v-n"] == "Смоленская сторона"
    assert sides["/person/overchuk-a-l"] == "Российская сторона"
    assert sides["/person/krutoy-d-n"] == "Зарубежный партнёр"


def test_an_organisation_s_page_shows_the_quarters_without_a_report_and_each_representative_once(client):
    page = client.get("/org/vitebskiy-oblastnoy-ispolnitelnyy-komitet").text
    bars = re.findall(r'<div class="bar( no-report)?"[^>]*><span class="label">([^<]+)</span>.*?'
                      r'<span class="value">([^<]+)</span>', page, re.S)
    # the four quarters between the samples are one bar, unknown, not zero
    assert [(label, value) for _, label, value in bars] == [
        ("I кв. 2024", "1"), ("II кв. 2024 – I кв. 2025", "—"), ("II кв. 2025", "3")]
    assert bars[1][0] == " no-report"
    table = page.split("<h2>Представители</h2>", 1)[1].split("</table>", 1)[0]
    persons = re.findall(r'<tr><td><a href="(/person/[^"]+)">', table)
    assert len(persons) == len(set(persons)) >= 2  # a person once, whatever the posts' wording
    subbotin = table.split('href="/person/subbotin-a-m"', 1)[1].split("</tr>", 1)[0]
    # «председатель … комитета» and «… комитета Республики Беларусь» are one post, the shorter
    assert "<td>председатель Витебского областного исполнительного комитета</td>" in subbotin
    assert '<td class="num">3</td>' in subbotin and "II кв. 2025" in subbotin


def test_a_state_page_counts_the_events_that_name_the_state(client, embedded):
    """The card's and the chart's counts are events (not every subject the state is named on), those of its bodies,
    persons and places too; the card says how many name the state itself, the figure the partners' list gives it."""
    count = embedded.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a "
                            "<http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; "
                            "<https://w3id.org/smolensk-ties/ontology#country> "
                            "<https://w3id.org/smolensk-ties/id/place/country-by> } }").rows[0][0]
    itself = embedded.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { "
                             "?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> "
                             "<https://w3id.org/smolensk-ties/id/place/country-by> } }").rows[0][0]
    assert 0 < int(itself) < int(count)  # the samples' Belarus: the case an analyst comparing the pages meets
    page = client.get("/country/BY").text
    card = _fact(page, "Мероприятий")
    assert card.startswith(f"{count} — с участием государства, его организаций, персон или мест")
    assert f"само государство названо участником в {itself} из них" in card
    shown = re.findall(r'<span class="value">(\d+)</span>', page)
    assert sum(map(int, shown)) == int(count)
    listed = client.get("/partners?country=BY&min_events=1").text
    own_row = listed.split('<tr><td><a href="/country/BY">', 1)[1].split("</tr>", 1)[0]
    assert f'<td class="num">{itself}</td>' in own_row


def test_a_state_card_says_whether_the_state_itself_is_named_in_none_some_or_all_of_its_events(client, embedded):
    def by_state(pattern: str) -> dict[str, int]:
        return {code: int(n) for code, n in embedded.select(
            "SELECT ?code (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a "
            f"<http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; {pattern} ?state }} GRAPH ?h {{ ?state "
            "<http://www.w3.org/2004/02/skos/core#notation> ?code ; a <https://schema.org/Country> } } "
            "GROUP BY ?code").rows}
    events = by_state("<https://w3id.org/smolensk-ties/ontology#country>")
    itself = by_state("<http://semanticweb.cs.vu.nl/2009/11/sem/hasActor>")
    forms = {"none": [c for c in events if c != "RU" and not itself.get(c)],
             "all": [c for c in events if itself.get(c) == events[c] > 1],
             "some": [c for c in events if 0 < itself.get(c, 0) < events[c]]}
    assert all(forms.values()), forms  # the samples have states of each kind
    for form, codes in forms.items():
        for code in codes[:3]:
            page = client.get(f"/country/{code}").text
            card = _fact(page, "Мероприятий")
            said = {"none": "само государство участником не названо",
                    "all": "само государство названо участником во всех",
                    "some": f"само государство названо участником в {itself.get(code)} из них"}[form]
            assert card.startswith(f"{events[code]} — с участием государства") and said in card, (code, card)


def test_a_state_page_says_when_it_has_no_partners_or_places_of_its_own(client, embedded):
    """A state the reports name only as itself shows a line saying so, not a table of headings alone."""
    profiled = embedded.select(
        "SELECT ?code (COUNT(?agent) AS ?others) WHERE { GRAPH <https://w3id.org/smolensk-ties/id/graph/summary> { "
        "?profile <https://w3id.org/smolensk-ties/ontology#countryCode> ?code ; "
        "<https://w3id.org/smolensk-ties/ontology#profileOf> ?agent } "
        "FILTER (?agent != IRI(CONCAT('https://w3id.org/smolensk-ties/id/place/country-', LCASE(?code)))) "
        "} GROUP BY ?code").rows
    with_others = {code for code, others in profiled if int(others)}
    alone = [code for code, in embedded.select(
        "SELECT DISTINCT ?code WHERE { GRAPH ?g { ?e <https://w3id.org/smolensk-ties/ontology#country> ?state } "
        "GRAPH ?h { ?state <http://www.w3.org/2004/02/skos/core#notation> ?code } }").rows if code not in with_others]
    assert alone and with_others
    for code in alone[:3]:
        page = client.get(f"/country/{code}").text
        assert f'data-name="партнёры-{code}"' not in page and f'data-name="регионы-и-города-{code}"' not in page
        assert "Организаций и персон этого государства в графе нет" in page
        assert "Регионов и городов этого государства в графе нет" in page
    busiest = client.get("/country/BY").text
    assert 'data-name="партнёры-BY"' in busiest and "этого государства в графе нет" not in busiest


def test_the_home_page_counts_the_states_and_names_the_quarters_with_no_report(client, embedded):
    states = embedded.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <https://schema.org/Country> } "
                             "FILTER (?g != <https://w3id.org/smolensk-ties/id/graph/ontology>) }").rows[0][0]
    periods = sorted(p for p, in embedded.select(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?r <https://w3id.org/smolensk-ties/ontology#period> ?p } }").rows)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", client.get("/").text))
    assert f"{states} государств" in text
    # the samples hold I кв. 2024 and II кв. 2025: the quarters between them are named, not passed over
    assert periods == ["2024-Q1", "2025-Q2"] and "Отчётов с II кв. 2024 по I кв. 2025 в графе нет." in text


def test_smolensk_s_own_state_page_lists_the_events_it_takes_part_in(client, embedded):
    """Russia has no foreign partners: its page is not a foreign state's list of none, but the events the reports
    name it a participant of, with whom it met there; no brief on it as a foreign state is offered."""
    count = embedded.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { "
                            "?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> "
                            "<https://w3id.org/smolensk-ties/id/place/country-ru> } }").rows[0][0]
    assert int(count) > 0
    page = client.get("/country/RU").text
    assert f"<dt>Мероприятий</dt><dd>{count}</dd>" in page and "государство самой Смоленской области" in page
    assert _section(page, "Мероприятия").count("<tr>") == 1 + int(count)  # the heading's row, then one an event
    assert _section(page, "Участники мероприятий") and "/brief?" not in page
    assert "этого государства в графе нет" not in page


def _fact(page: str, term: str) -> str:
    """The text of a card's line (`<dt>term</dt><dd>…</dd>`), tags dropped and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.split(f"<dt>{term}</dt>", 1)[1].split("</dd>", 1)[0]))


def _section(page: str, heading: str) -> str:
    return page.split(f"<h2>{heading}</h2>", 1)[1].split("</section>", 1)[0] if f"<h2>{heading}</h2>" in page else ""


def test_a_place_page_lists_what_lies_there(client, embedded):
    """A town lists the organisations the reports locate there, a region its districts and towns, each linked,
    with events counted; a place no event names says so instead of an empty table of events."""
    located: dict[str, set[str]] = defaultdict(set)
    for org, town in embedded.select("SELECT DISTINCT ?org ?town WHERE { GRAPH ?g { ?org <https://schema.org/location> "
                                     "?town . ?town a <https://schema.org/Place> } }").rows:
        located[town].add(org)
    contained: dict[str, set[str]] = defaultdict(set)
    for inside, region in embedded.select("SELECT DISTINCT ?inside ?region WHERE { GRAPH ?g { ?inside "
                                          "<https://schema.org/containedInPlace> ?region . ?region "
                                          "<https://w3id.org/smolensk-ties/ontology#placeKind> "
                                          "<https://w3id.org/smolensk-ties/ontology#place-region> } }").rows:
        contained[region].add(inside)
    actors = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> ?p } }"
    named = {place for place, in embedded.select(actors).rows}
    assert located and contained
    for listing, heading in ((located, "Организации здесь"), (contained, "Места в его границах")):
        place = max(listing, key=lambda p: len(listing[p]))
        section = _section(client.get(page_of(place)).text, heading)
        assert sorted(re.findall(r'href="([^"]+)"', section)) == sorted(page_of(iri) for iri in listing[place])
        counts = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', section)]
        assert len(counts) == len(listing[place]) and counts == sorted(counts, reverse=True) and counts[0] > 0
    # a site's card says which town it lies in, and the town lists it
    sites = embedded.select("SELECT ?site ?town WHERE { GRAPH ?g { ?site <https://schema.org/containedInPlace> ?town ; "
                            "<https://w3id.org/smolensk-ties/ontology#placeKind> "
                            "<https://w3id.org/smolensk-ties/ontology#place-site> } } ORDER BY ?site").rows
    site, town = sites[0]
    assert f'<dt>Расположен в</dt><dd><a href="{page_of(town)}">' in client.get(page_of(site)).text
    # so does a settlement the reports place in a district («дер. Микулино Руднянского района»)
    settled = embedded.select("SELECT ?place ?district WHERE { GRAPH ?g { ?place "
                              "<https://w3id.org/smolensk-ties/ontology#placeKind> "
                              "<https://w3id.org/smolensk-ties/ontology#place-city> ; "
                              "<https://schema.org/containedInPlace> ?district . ?district "
                              "<https://w3id.org/smolensk-ties/ontology#placeKind> "
                              "<https://w3id.org/smolensk-ties/ontology#place-district> } }").rows
    assert settled and all(f'<dt>Расположен в</dt><dd><a href="{page_of(district)}">' in client.get(page_of(place)).text
                           for place, district in settled)
    assert f'href="{page_of(site)}"' in _section(client.get(page_of(town)).text, "Места в его границах")
    quiet = next(place for place in sorted(located) if place not in named)  # a town only organisations name
    page = client.get(page_of(quiet)).text
    assert 'data-name="мероприятия"' not in page and "В мероприятиях это место не названо" in page
    assert _section(page, "Организации здесь")


def test_a_place_s_map_says_whether_the_place_itself_is_on_it(client, embedded):
    """Orange is the place itself where it has a point; a site no source gives a point says so, rather than
    promising an orange mark the map does not have."""
    pointed = "SELECT DISTINCT ?place WHERE { GRAPH ?g { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> " \
              "?place . ?place a <https://schema.org/Place> . FILTER %s EXISTS { GRAPH ?h { ?place " \
              "<https://schema.org/geo>/<https://schema.org/latitude> ?lat } } } } ORDER BY ?place"
    with_point, without = (embedded.select(pointed % negation).rows[0][0] for negation in ("", "NOT"))
    caption = re.compile(r'<figure class="mini-map-figure">\s*<figcaption>([^<]+)</figcaption>')
    assert caption.search(client.get(page_of(with_point)).text).group(1) == \
        "На карте: это место (оранжевым) и места его мероприятий"
    assert "координат самого места в графе нет" in caption.search(client.get(page_of(without)).text).group(1)


def test_a_report_page_lists_states_and_event_types_by_count_then_name(client):
    # ties in name order: counted from sets, they came in an order that changed with each server process
    page = client.get("/report/2025-Q2").text
    for heading in ("По государствам", "По видам мероприятий"):
        table = page.split(f"<h2>{heading}</h2>", 1)[1].split("</table>", 1)[0]
        listed = [(re.sub(r"<[^>]+>", "", name), int(n))
                  for name, n in re.findall(r'<tr><td>(.*?)</td><td class="num">(\d+)</td></tr>', table)]
        assert len(listed) > 3 and len({n for _, n in listed}) < len(listed)  # it has ties to order
        assert listed == sorted(listed, key=lambda row: (-row[1], row[0]))


@pytest.mark.parametrize("listed", [1, 500])
def test_a_state_page_lists_its_newest_quarters_whole(embedded, monkeypatch, listed):
    """Events are listed newest first, whole quarters until the page's number is reached (one event: the
    newest quarter's all), and each quarter with every event that names the state there, none twice."""
    import graph.web.pages

    monkeypatch.setattr(graph.web.pages, "COUNTRY_EVENTS", listed)
    named = embedded.select("SELECT ?period ?row WHERE { GRAPH ?g { "
                            "?e <https://w3id.org/smolensk-ties/ontology#country> "
                            "<https://w3id.org/smolensk-ties/id/place/country-by> ; "
                            "<https://w3id.org/smolensk-ties/ontology#inReport> ?r ; "
                            "<https://w3id.org/smolensk-ties/ontology#rowNumber> ?row . "
                            "?r <https://w3id.org/smolensk-ties/ontology#period> ?period } }").rows
    periods = sorted({period for period, _ in named}, reverse=True)
    kept = periods[:1] if listed == 1 else periods
    expected = sorted(((p, int(r)) for p, r in named if p in kept), reverse=True)
    app = create_app(embedded)
    try:
        page = Client(app).get("/country/BY").text
    finally:
        app.close()
    table = page[page.index('data-name="мероприятия-BY"'):]
    shown = [(period, int(row)) for period, row in
             re.findall(r'<td data-sort="(\d{4}-Q\d)">.*?строка (\d+)</span>', table[:table.index("</table>")], re.S)]
    assert len(periods) > 1 and shown == expected
    assert ("Последние" in page) == (listed == 1)


@pytest.mark.parametrize("listed", [1, 500])
def test_an_entity_page_lists_the_events_of_its_newest_quarters_and_counts_them_all(embedded, monkeypatch, listed):
    """The busiest entities (thousands of events at 100× the samples) list their newest quarters whole, with whom
    they met there; the card and the chart count every event, and the page says what it left out."""
    import graph.web.pages

    monkeypatch.setattr(graph.web.pages, "ENTITY_EVENTS", listed)
    entity = "https://w3id.org/smolensk-ties/id/place/smolensk"
    named = embedded.select("SELECT DISTINCT ?e ?period WHERE { GRAPH ?g { ?e "
                            "<http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <" + entity + "> ; "
                            "<https://w3id.org/smolensk-ties/ontology#inReport> ?r . "
                            "?r <https://w3id.org/smolensk-ties/ontology#period> ?period } }").rows
    newest = max(period for _, period in named)
    kept = {event for event, period in named if listed > 1 or period == newest}
    app = create_app(embedded)
    try:
        page = Client(app).get(page_of(entity)).text
    finally:
        app.close()
    events = _section(page, "Мероприятия")
    assert len({e for e, p in named if p != newest}) > 0 and f"<dt>Мероприятий</dt><dd>{len(named)}</dd>" in page
    assert sorted(re.findall(r'<a href="(/event/[^"]+)"', events)) == sorted(page_of(e) for e in kept)
    assert sum(int(n) for n in re.findall(r'<span class="value">(\d+)</span>', page)) == len(named)  # the chart
    assert ("Последние" in events) == (listed == 1)
    if listed == 1:  # the rest by the library's query, bound to the entity, on the query page
        found = re.search(r'<a href="/query\?([^"]+)">все — запросом «([^»]+)»', events)
        assert urllib.parse.parse_qs(html.unescape(found.group(1))) == {"name": ["entity"], "p.entity": [entity]}
        assert found.group(2) == library()["entity"].title_ru  # named as the query page lists it
    # who took part in the events that name it: in the listed events only
    met = _section(page, "Участники мероприятий")
    assert ("Только в мероприятиях с" in met) == (listed == 1)
    most = max(int(n) for n in re.findall(r'<td class="num">(\d+)</td>', met))
    assert most <= len(kept)


def test_the_review_s_doubts_are_worked_out_once_a_published_state(embedded, monkeypatch):
    """Seconds at 100× the samples, and the same until a build publishes a new state (decisions apply there)."""
    import graph.web.server

    calls: list[int] = []
    real = graph.web.server.review_doubts

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(graph.web.server, "review_doubts", counted)
    app = create_app(embedded)
    try:
        client = Client(app)
        first, second = client.get("/review").text, client.get("/review").text
        assert len(calls) == 1 and first == second and "data-kind='merge'" in first.replace('"', "'")
        monkeypatch.setattr(app, "_state", lambda: "a newer state")
        assert client.get("/review").status_code == 200 and len(calls) == 2
    finally:
        app.close()


def test_the_server_prepares_search_network_briefs_and_query_processes_before_anyone_asks(embedded):
    import threading

    app = create_app(embedded)
    stop = threading.Event()
    warming = threading.Thread(target=app.keep_warm, args=(stop, 0.2))
    try:
        warming.start()
        for _ in range(600):
            if app.networks.network is not None and app.search_cache is not None and app.brief_cache is not None \
                    and len(app.processes.workers) == app.limits.max_concurrent:
                break
            stop.wait(0.1)
        assert app.networks.network is not None and app.search_cache is not None and app.brief_cache is not None
        # the query processes started, idle: a page's queries wait for none
        assert len(app.processes.workers) == app.limits.max_concurrent
        assert app.networks.network.events and app.search_cache[1].by_iri and app.brief_cache[1].events
    finally:
        stop.set()
        warming.join(timeout=30)
        app.close()
    assert not warming.is_alive()


def test_the_network_api_answers_views_paths_and_files(client):
    import io

    import networkx as nx

    view = client.get("/api/network?max=40").json
    assert view["shown"] == 40 and view["nodes"][0]["page"].startswith("/")
    assert all(set(n) >= {"x", "y", "colour", "community", "events", "betweenness"} for n in view["nodes"])
    belarus = client.get("/api/network?country=BY&smolensk=0&max=600").json
    assert belarus["nodes"] and {n["country"] for n in belarus["nodes"]} == {"BY"}
    path = client.get("/api/network/path?from=/person/subbotin-a-m&to=/person/anokhin-v-n").json
    assert path["labels"][0] == "А.М. Субботин" and path["labels"][-1] == "В.Н. Анохин"
    exported = client.get("/network.graphml?max=40")
    assert "attachment" in exported.headers["Content-Disposition"]
    assert nx.read_graphml(io.BytesIO(exported.data)).number_of_nodes() == 40
    assert client.get("/network/map").status_code == 301  # the old map's address
    odd = client.get("/api/network?max=lots&depth=9&kinds=<script>&focus=%00")
    assert odd.status_code == 200 and odd.json["nodes"] == []  # no kinds asked for: nothing drawn, no error


# "всё" (everything) and "все" (all of them) are two words; every other word is written one way only
HOMOGRAPHS = {"всё"}


def test_the_workspace_writes_each_word_with_yo_alike_everywhere():
    """The pages, their scripts, the query library's titles and questions (which the query page lists side by
    side) and the ontology's Russian labels and comments (the spheres, kinds and roles the pages show) write a
    word with ё wherever one of them does: «партнеры» and «Населенный пункт» stood beside «партнёры» and
    «Населённый пункт». The concepts' other labels are left out: they are stems matched in the reports' text."""
    web = Path(graph.web.server.__file__).parent
    texts = [f"{query.title_ru} {query.question_ru}" for query in library().values()]
    texts += [str(text) for _, predicate, text in Graph().parse(ONTOLOGY)
              if getattr(text, "language", None) == "ru" and predicate != SKOS.altLabel]
    texts += [path.read_text(encoding="utf-8") for folder, pattern in ((web / "templates", "*.html"),
                                                                        (web / "static", "*.js"))
              for path in sorted(folder.glob(pattern))]
    words = {word.lower() for text in texts for word in re.findall(r"[А-Яа-яЁё]+", text)}
    assert "партнёры" in words
    assert sorted(word for word in words if "ё" in word and word not in HOMOGRAPHS
                  and word.replace("ё", "е") in words) == []


def test_the_query_page_labels_entities_with_their_pages_and_concepts_in_russian(client):
    """A column of event types or spheres reads as their Russian labels, not as IRIs; concepts have no page."""
    meeting = "https://w3id.org/smolensk-ties/ontology#type-meeting"
    unknown = "https://w3id.org/smolensk-ties/ontology#no-such-concept"
    found = client.post("/api/labels", json=[PERSON, meeting, unknown, "javascript:alert(1)"]).json
    assert found[PERSON]["page"] == "/person/subbotin-a-m" and found[PERSON]["label"] == "А.М. Субботин"
    russian = next(label for label in Graph().parse(ONTOLOGY).objects(URIRef(meeting), SKOS.prefLabel)
                   if label.language == "ru")
    assert found[meeting] == {"label": str(russian), "page": None}
    assert set(found) == {PERSON, meeting}


def test_initials_stay_with_their_surname_where_a_line_may_break(client):
    """A narrow column or a list of names never ends a line on «А.С.»: no-break spaces in names and lists."""
    partners = client.get("/partners").text
    counterparts = re.findall(r'<td class="wide">([^<]*Анохин[^<]*)</td>', partners)
    assert counterparts and all("В.Н.\u00a0Анохин" in cell and "В.Н. Анохин" not in cell for cell in counterparts)
    page = client.get("/org/vitebskiy-oblastnoy-ispolnitelnyy-komitet").text
    assert '<a href="/person/subbotin-a-m">А.М.\u00a0Субботин</a>' in page


def test_an_events_place_is_named_by_its_kind_as_a_region_and_a_town_of_one_name_are_told_apart(client):
    """«эмират Шарджа» and «г. Шарджа» are two places of one name: the event's tables say which is which; a state
    stays «Государство», a body «Организация»."""
    event = client.get("/event/2024-Q1/2").text
    kinds = dict(re.findall(r'<td><a href="(/[^"]+)">[^<]*</a></td><td>([^<]*)</td>', event))
    assert (kinds["/place/grodnenskaya-oblast"], kinds["/place/grodno"]) == ("Регион", "Населённый пункт")
    assert (kinds["/country/BY"], kinds["/org/belkard"]) == ("Государство", "Организация")
