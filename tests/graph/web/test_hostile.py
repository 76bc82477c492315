"""Hostile names from a report never run: in the query page, entity pages, the map and the notebooks.

A report whose organisation and titles carry markup is built into a store like any other; every page
is opened in Chromium, which would fire a dialog if any of it ran.
"""

from __future__ import annotations

import shutil
import urllib.parse
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from graph.pipeline import build
from graph.stores import EmbeddedStore
from graph.web.server import create_app
from nlp.reading.clean import clean
from nlp.reading.report import read_report
from tests.graph.conftest import serve_app
from tests.graph.web.test_browser import wait_drawn

ROOT = Path(__file__).resolve().parents[3]
ORGANISATION = "ОАО «<img src=x onerror=alert(1)>»"
TITLE = 'Визит <script>alert(2)</script> "{{7*7}}" делегации'
REPORT = """Отчет о мероприятиях в международной сфере в III квартале 2025 года

\t№ п/п
\tНаименование мероприятия
\tМесто проведения
\tСроки проведения
\tЦель и результаты
\tУчастники
""" + "".join(f"""\t{number}.
\t{TITLE}
\tг. Минск
\t{number} июля 2025 года
\tВстреча с представителями {ORGANISATION} (Республика Беларусь) и ООО «{{{{ config }}}}»
\tДелегация {ORGANISATION}, директор И.И. Петров
""" for number in (1, 2, 3))


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory, models) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    report = folder / "2025-Q3.txt"
    report.write_text(REPORT, encoding="utf-8")
    store = folder / "store"
    build([read_report(report)], store, lambda: models)
    return store


@pytest.fixture(scope="module")
def hostile_site(hostile_store):
    app = create_app(EmbeddedStore(hostile_store, read_only=True))
    url, stop = serve_app(app)
    yield url
    stop()
    app.close()


def watched(browser):
    """A page, and the list that gets every dialog (alert) and script error it shows."""
    page = browser.new_page()
    fired: list[str] = []
    page.on("dialog", lambda dialog: (fired.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: fired.append(f"error: {error}"))
    return page, fired


def hostile_entity(store: Path) -> str:
    rows = EmbeddedStore(store, read_only=True).select(
        'SELECT ?e WHERE { GRAPH ?g { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l '
        'FILTER(CONTAINS(?l, "onerror")) } }').rows
    assert rows, "the hostile organisation was not extracted"
    return rows[0][0]


def test_query_page_shows_markup_as_text(hostile_site, browser, type_query):
    page, fired = watched(browser)
    page.goto(hostile_site + "/query")
    type_query(page, "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> "
                     "?label FILTER(REGEX(?label, \"onerror|script\")) } }")
    page.click("#run")
    page.wait_for_selector("#results tbody tr")
    page.wait_for_timeout(300)
    shown = page.inner_text("#results")
    assert ORGANISATION in shown and "<script>alert(2)</script>" in shown
    assert page.locator("#results img").count() == 0
    assert fired == []


def test_query_page_address_stays_text(hostile_site, browser):
    """The query page's address names a library query and its parameters: a name, a parameter's name or its
    value written as markup is said back as text, and nothing runs."""
    page, fired = watched(browser)
    markup = "<img src=x onerror=alert(3)>"
    for address in ({"name": markup}, {"name": "entity", "p." + markup: "1"}, {"name": "entity", "p.entity": markup}):
        page.goto(hostile_site + "/query?" + urllib.parse.urlencode(address))
        page.wait_for_selector("#status.error")
        assert markup in page.inner_text("#status") and page.locator("img").count() == 0
        assert page.locator("#results tbody tr").count() == 0
    assert fired == []


def test_entity_page_shows_markup_as_text(hostile_site, hostile_store, browser):
    page, fired = watched(browser)
    page.goto(hostile_site + "/entity?iri=" + hostile_entity(hostile_store))  # redirected to its own path
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == ORGANISATION
    assert clean(TITLE) in page.inner_text("body")  # as the reader makes it plain: its typed quotes are «»
    assert page.locator("img").count() == 0
    # the page's own scripts and the libraries it serves, nothing inline
    assert page.locator("script:not([src^='/static/']):not([src^='/vendor/'])").count() == 0
    assert fired == []


def test_map_labels_card_and_svg_stay_text(hostile_site, hostile_store, browser):
    page, fired = watched(browser)
    iri = hostile_entity(hostile_store)
    page.goto(hostile_site + "/network?kinds=ORG,PER,LOC&focus=" + urllib.parse.quote(iri))
    wait_drawn(page)
    assert page.evaluate("id => tiesNetwork.getElementById(id).data('label')", iri) == ORGANISATION  # canvas text
    page.evaluate("id => { const n = tiesNetwork.getElementById(id); n.emit('tap'); n.emit('mouseover'); }", iri)
    page.wait_for_selector("#net-card:not([hidden])")
    assert page.inner_text("#card-title") == ORGANISATION and page.inner_text("#net-hover").startswith(ORGANISATION)
    assert page.locator("#net-card img, #net-card script, #net-hover img, #net-legend img").count() == 0
    svg = page.evaluate("tiesNetworkSvg()")  # the export: the name escaped as XML text
    assert "<img" not in svg and "&lt;img" in svg
    assert fired == []


def test_library_query_parameters_are_bound_over_http(hostile_site, hostile_store):
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    before = EmbeddedStore(hostile_store, read_only=True).quad_count()
    attempt = 'BY" } } } ; DROP ALL ; SELECT * { { { "'
    url = hostile_site + "/api/bind?" + urllib.parse.urlencode({"name": "repeat-partners", "p.country": attempt})
    with pytest.raises(urllib.error.HTTPError) as refused:  # a state is a code or a name: this is neither
        urllib.request.urlopen(url)
    assert refused.value.code == 400 and "не государство" in refused.value.read().decode()
    url = hostile_site + "/api/bind?" + urllib.parse.urlencode({"name": "entity", "p.entity": "org/x> } ; DROP ALL"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url)
    bound = urllib.request.urlopen(hostile_site + "/api/bind?" + urllib.parse.urlencode(
        {"name": "repeat-partners", "p.country": "Беларусь"})).read().decode()
    answer = urllib.request.urlopen(hostile_site + "/sparql?" + urllib.parse.urlencode({"query": bound}))
    assert json.load(answer)["results"]["bindings"]
    assert EmbeddedStore(hostile_store, read_only=True).quad_count() == before


def test_notebook_outputs_show_markup_as_text(hostile_store, tmp_path, browser, monkeypatch):
    store = tmp_path / "store"
    shutil.copytree(hostile_store, store)
    monkeypatch.setenv("TIES_STORE", str(store))
    path = ROOT / "notebooks" / "03-network.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    pages = [output.data["text/html"] for cell in notebook.cells if cell.cell_type == "code"
             for output in cell.outputs if "text/html" in output.get("data", {})]
    assert pages
    assert any("onerror" in html for html in pages)  # the hostile name is among the tables
    for number, html in enumerate(pages):
        file = tmp_path / f"output-{number}.html"
        file.write_text(html, encoding="utf-8")
        page, fired = watched(browser)
        page.goto(file.as_uri())
        page.wait_for_timeout(300)
        assert page.locator("img, script").count() == 0  # pandas escapes every cell
        assert fired == []
