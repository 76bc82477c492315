"""The analyst's workspace in a real headless Chromium: search, every kind of page, the SPARQL editor.

Each test clicks through pages as an analyst would, fails on any console error, and saves a screenshot of
each page kind to docs/screenshots/ (the README shows them, so they stay true).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from graph.russian import MONTHS_GENITIVE, alphabetical
from tests.conftest import outside_graph_bounds

pytestmark = pytest.mark.slow

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # a page's small maps draw after it loads: the picture waits for them (one was taken blank)
    page.wait_for_function("[...document.querySelectorAll('.mini-map')].every(m => m.dataset.ready === '1')")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def wait_drawn(page, timeout: float = 30_000) -> None:
    """Wait until the page's map or network says it is drawn. `?.`: after a click that navigates, the wait can look
    at the next document before it has a body (CI once failed on reading `dataset` of null)."""
    page.wait_for_function("document.body?.dataset.ready === '1'", timeout=timeout)


def downloaded(page, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_search_suggests_as_one_types_and_opens_the_page(site, page):
    page.goto(site + "/")
    page.click("#search-box")
    page.keyboard.type("Могилевской")  # a case form: finds the region, not the city
    page.wait_for_selector("#suggestions a")
    suggested = page.inner_text("#suggestions")
    assert "Могилевская область" in suggested and "места" in suggested.lower()
    assert "Могилев\n" not in suggested
    shot(page, "search")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/place/mogilevskaya-oblast$"))
    assert page.inner_text("h1") == "Могилевская область"
    page.fill("#search-box", "")
    page.click("#search-box")
    page.keyboard.type("МАЗ")  # an acronym finds its organisation
    page.wait_for_selector("#suggestions a")
    assert "ОАО «Минский автомобильный завод»" in page.inner_text("#suggestions")
    page.keyboard.press("Enter")  # nothing chosen: the full results page
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator("main table.data a[href='/org/minskiy-avtomobilnyy-zavod']").count() == 1
    page.goto(site + "/search?q=" + "Могилёв")  # ё is е
    assert page.locator("main a[href='/place/mogilev']").count() == 1


@pytest.mark.parametrize(("path", "name"), [("/org/mogilevliftmash", "organisation"),
                                            ("/person/subbotin-a-m", "person"), ("/event/2025-Q2/5", "event"),
                                            ("/report/2025-Q2", "report"), ("/country/BY", "country")])
def test_every_link_on_a_page_opens_a_page_with_content(site, page, path, name):
    page.goto(site + path)
    heading = page.inner_text("h1")
    assert heading.strip()
    shot(page, name)
    links = sorted({href for href in page.eval_on_selector_all("main a[href^='/']", "as => as.map(a => a.href)")})
    assert len(links) >= 5
    for href in links:
        response = page.request.get(href)
        assert response.status == 200, href
        body = response.text()
        assert re.search(r"<h1>[^<\s][^<]*</h1>", body), href  # a page with a heading, not an empty shell


def test_an_event_page_marks_every_participant_in_its_row_and_groups_them_by_side(site, page):
    page.goto(site + "/event/2025-Q2/5")
    sides = page.locator("section.side h2").all_inner_texts()
    assert sides[:2] == ["Смоленская сторона", "Зарубежные партнёры"]
    page.goto(site + "/event/2025-Q2/1")
    for side in page.locator("section.side").all():
        states = side.locator("tbody td:nth-child(3)").all_inner_texts()
        if side.locator("h2").inner_text() == "Российские участники":
            assert set(states) == {"Российская Федерация"}
    page.goto(site + "/event/2025-Q2/5")
    assert "17–18\xa0апреля 2025\xa0г." in page.inner_text("dl.facts")  # a line breaks before the year alone
    assert page.locator("section.row mark").count() >= 10  # displaCy's marks over the row's text
    # the marks stand in the line of the cell's text: no break the text does not have (the title is one line,
    # however the marking is written)
    title = page.locator("dl.cells dd").first
    assert title.locator("mark").count() >= 2 and "\n" not in title.inner_text().strip()
    assert "Соглашение о сотрудничестве" in page.inner_text("body")
    page.click("p.kind a:has-text('строка 5')")  # to the row in its report
    page.wait_for_url(re.compile(r"/report/2025-Q2#row-5$"))
    assert page.locator("tr.target").is_visible() and "Могилев" in page.inner_text("tr.target")


def test_tables_sort_page_and_export_what_they_hold(site, page):
    page.goto(site + "/country/BY")
    table = page.locator("table.data").first
    rows = table.locator("tbody tr")
    total = rows.count()
    assert total > 25
    assert table.locator("tbody tr:visible").count() == 25  # paged
    page.locator(".table-tools").first.locator("button", has_text="→").click()
    assert table.locator("tbody tr:visible").count() == min(25, total - 25)
    header = table.locator("th", has_text="Мероприятий")
    header.click()
    header.click()  # descending
    counts = [int(n) for n in table.locator("tbody td.num").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    page.locator(".table-tools").first.evaluate("element => { element.id = 'tools-1'; }")
    name, body = downloaded(page, "#tools-1 .export-csv")
    assert name.endswith(".csv")
    lines = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert lines[0][:3] == ["Партнёр", "Тип", "Мероприятий"] and len(lines) == total + 1
    _, excel = downloaded(page, "#tools-1 .export-excel")
    assert excel.startswith("\ufeff".encode())
    _, records = downloaded(page, "#tools-1 .export-json")
    data = json.loads(records)
    assert len(data) == total and isinstance(data[0]["Мероприятий"], int)


def _day_read(text: str) -> tuple[int, int, int]:
    """A date as the analyst reads it («18 января 2024 г.»), as numbers in time order."""
    found = re.match(r"(\d+)\s(\w+)\s(\d{4})", text)
    assert found, text
    return int(found.group(3)), MONTHS_GENITIVE.index(found.group(2)) + 1, int(found.group(1))


def test_dates_sort_in_time_not_as_words(site, page):
    """«Последний раз» is how an analyst finds who went quiet: its dates, written as Russians write them, sort by
    time (as words, «1 марта» came before «16 февраля»). Quarters sort so too (their cells' `data-sort`), which two
    sample reports, «I кв. 2024» and «II кв. 2025», cannot show."""
    for path, table, column in (("/partners?min_events=1", "table.data", "Последний раз"),
                                ("/partners?min_events=1", "table.data", "Впервые"),
                                ("/country/BY", "table.data", "Впервые")):
        page.goto(site + path)
        found = page.locator(table).first
        heads = found.locator("thead th").all_inner_texts()
        found.locator("thead th").nth(heads.index(column)).click()
        shown = [cell for cell in found.locator("tbody tr").evaluate_all(
            f"rows => rows.map(row => row.cells[{heads.index(column)}].textContent.trim())") if cell]
        assert len(set(shown)) > 3, (path, column)
        assert [_day_read(text) for text in shown] == sorted(_day_read(text) for text in shown), (path, column)


def test_the_partners_table_filters_by_state(site, page):
    page.goto(site + "/partners")
    every = page.locator("table.data tbody tr").count()
    page.select_option("select[name=country]", "BY")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"country=BY"))
    only = page.locator("table.data tbody tr").count()
    assert 0 < only < every
    # the state by its name, to its page, as the analyst reads it; not its ISO code
    states = page.locator("table.data tbody td:nth-child(2)")
    assert set(states.all_inner_texts()) == {"Беларусь"}
    assert states.locator("a[href='/country/BY']").count() == only
    shot(page, "partners")
    name, body = downloaded(page, "p.meta a:has-text('CSV для Excel')")  # the whole table, from the server
    lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert body.startswith("\ufeff".encode()) and lines[0][:3] == ["Партнёр", "Государство", "Мероприятий"]
    assert lines[0][-1] == "Код государства" and {(row[1], row[-1]) for row in lines[1:]} == {("Беларусь", "BY")}
    assert len(lines) == only + 1 and name.endswith(".csv")
    page.goto(site + "/reports")
    assert page.locator("table.data tbody tr").count() == 2
    # the analyst sees which quarters between the reports the graph lacks
    assert page.inner_text("p.no-report-note").startswith("Отчётов с II кв. 2024 по I кв. 2025 в графе нет")


def test_a_state_card_leads_to_the_partners_list_where_its_own_count_stands(site, page):
    """The card counts the events of the state's bodies, persons and places too; the partners' list (and the home
    page's leading partners) count those naming the state itself. The card gives that figure and opens the list."""
    page.goto(site + "/country/BY")
    facts = page.locator("dl.facts")
    total = int(facts.locator("dt:has-text('Мероприятий') + dd").inner_text().split()[0])
    itself = int(re.search(r"участником в (\d+) из них", facts.inner_text()).group(1))
    assert 0 < itself < total
    facts.locator("a:has-text('партнёров')").click()
    page.wait_for_url(re.compile(r"/partners\?country=BY"))
    own = page.locator("table.data tbody tr", has=page.locator("td:first-child a[href='/country/BY']"))
    assert own.locator("td.num").first.inner_text() == str(itself)


def test_the_query_editor_knows_the_prefixes_and_counts_the_data(site, page, type_query, embedded):
    page.goto(site + "/query")
    page.wait_for_selector(".CodeMirror")  # the editor from npm, served by the project
    type_query(page, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # no GRAPH: the union of the reports
    page.click(".CodeMirror")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#results tbody td.num")
    least, most = outside_graph_bounds(embedded)
    assert least < int(page.inner_text("#results tbody td.num").replace("\u00a0", "").replace(" ", "")) <= most
    assert page.inner_text("#status").startswith("1 строка за ")
    type_query(page, "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type ; ties:smolensk true } GROUP BY ?type "
                     "ORDER BY DESC(?n)")  # ties: is known without PREFIX
    page.click("#run")
    page.wait_for_selector("#results th:has-text('type')")
    page.click("button.view[data-view=chart]")
    assert page.locator("#chart .bar").count() >= 2
    # rows told apart by two columns: each bar is named by both (a quarter alone names several bars)
    type_query(page, "SELECT ?period ?type (COUNT(?e) AS ?n) WHERE { ?e ties:inReport/ties:period ?period ; "
                     "sem:eventType ?type } GROUP BY ?period ?type ORDER BY ?period ?type")
    page.click("#run")
    page.wait_for_selector("#chart figcaption:has-text('n по period, type')")
    bars = page.locator("#chart .bar .label").all_inner_texts()
    periods = [bar.split(" · ")[0] for bar in bars]
    assert len(set(bars)) == len(bars) > len(set(periods)) >= 2
    # the quarter as Russian readers write it, the type by its Russian label
    assert all(re.fullmatch(r"(I|II|III|IV)\sкв\.\s20\d\d · [А-ЯЁ][^·]+", bar) for bar in bars), bars
    page.click("button.view[data-view=table]")
    first = page.locator("#results tbody tr").first.locator("td").first
    assert first.inner_text() == periods[0] and re.fullmatch(r"20\d\d-Q[1-4]", first.get_attribute("title"))
    type_query(page, "SELECT ?event ?start WHERE { ?event sem:hasEarliestBeginTimeStamp ?start }")
    page.click("button.view[data-view=timeline]")
    page.click("#run")
    page.wait_for_selector("#chart .bar")
    quarters = page.locator("#chart .bar .label").all_inner_texts()
    assert {"I кв. 2024", "II кв. 2025"} <= set(quarters) and "III кв. 2024" in quarters  # gaps drawn empty
    assert sum(int(n) for n in page.locator("#chart .bar .value").all_inner_texts()) == 109
    type_query(page, "SELECT ?item ?linkedItem WHERE { ?p ties:agent ?item ; ties:onBehalfOf ?linkedItem }")
    page.click("button.view[data-view=graph]")
    page.click("#run")
    page.wait_for_selector("#chart svg.graph circle")
    assert page.locator("#chart svg.graph circle").count() >= 10
    assert page.locator("#chart svg.graph a[href^='/org/']").count() >= 5
    shot(page, "query-graph")
    type_query(page, "SELECT ?x WHERE { ?x a nope:Thing }")
    page.click("#run")
    page.wait_for_selector("#status.error")
    assert "nope:" in page.inner_text("#status") and "PREFIX nope:" in page.inner_text("#status")
    assert page.console_errors == ["Failed to load resource: the server responded with a status of 400 (BAD REQUEST)"]
    page.console_errors.clear()


def test_a_library_query_with_long_lines_leaves_its_results_in_the_window(site, page):
    # the editor scrolls its own long lines: it once widened the page, the results' last column off screen
    page.goto(site + "/query")
    page.select_option("#library", "co-attendance")
    page.click("#use")
    page.wait_for_selector("#results tbody tr")
    assert max(map(len, page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
                   .splitlines())) > 150
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    last = page.locator("#results thead th").last
    assert last.inner_text() == "events"
    box = last.bounding_box()
    assert box is not None and box["x"] + box["width"] <= page.viewport_size["width"]


def test_a_library_query_with_parameters_shows_labels_that_open_pages(site, page, type_query):
    page.goto(site + "/query")
    page.select_option("#library", "repeat-partners")
    page.fill("#param-country", "BY")
    page.click("#use")
    page.wait_for_selector("#results tbody tr")
    shown = page.locator("#results tbody tr").count()
    assert shown >= 10
    link = page.locator("#results a.entity", has_text="Витебская область").first
    assert link.get_attribute("href") == "/place/vitebskaya-oblast"
    assert page.locator("#results td.num").count() >= 10  # numbers right-aligned
    # dates and quarters as Russian readers write them; the values themselves in the title and the downloads
    heads = page.locator("#results thead th").all_inner_texts()
    cells = page.locator("#results tbody tr").first.locator("td")
    first, quarters = cells.nth(heads.index("first")), cells.nth(heads.index("quarters"))
    assert re.fullmatch(r"\d\d\.\d\d\.20\d\d", first.inner_text())
    assert first.get_attribute("title") == "-".join(reversed(first.inner_text().split(".")))
    assert re.fullmatch(r"(I|II|III|IV)\sкв\.\s20\d\d(, (I|II|III|IV)\sкв\.\s20\d\d)*", quarters.inner_text())
    shot(page, "query")
    permalink = page.get_attribute("#permalink", "href")
    name, body = downloaded(page, "#csv")
    assert name.endswith(".csv") and b"vitebskaya-oblast" in body
    _, excel = downloaded(page, "#excel")
    assert excel.startswith("\ufeff".encode())
    _, records = downloaded(page, "#json")
    rows = json.loads(records)
    assert isinstance(rows[0]["events"], int) and rows[0]["events"] >= rows[-1]["events"]
    assert rows[0]["first"] == first.get_attribute("title") and rows[0]["quarters"] == quarters.get_attribute("title")
    link.click()
    page.wait_for_url(re.compile(r"/place/vitebskaya-oblast$"))
    assert page.inner_text("h1") == "Витебская область"
    # the library's query by its name and its fields (defaults too: they keep what it asked if the library's change)
    assert parse_qs(urlsplit(permalink).query) == {"name": ["repeat-partners"], "p.min_events": ["2"],
                                                   "p.country": ["BY"]}
    page.goto(site + permalink)  # reopened: chosen in the list, its field filled, run
    page.wait_for_selector("#results tbody tr")
    assert page.input_value("#library") == "repeat-partners" and page.input_value("#param-country") == "BY"
    assert page.locator("#results tbody tr").count() == shown
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" LIMIT 3")  # edited, it is the analyst's own: the permalink carries its text
    page.keyboard.press("Control+Enter")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 3")
    assert page.get_attribute("#permalink", "href").startswith("/query?query=") and "query=" in page.url


def test_an_entity_page_opens_all_its_events_as_the_library_s_query(site, page, monkeypatch):
    """A busy entity's page lists its newest quarters; the link under them opens the library's query of all its
    events, chosen in the list with the entity in its field, and runs it: one row for each event the card counts."""
    import graph.web.pages
    from graph.query import library

    monkeypatch.setattr(graph.web.pages, "ENTITY_EVENTS", 1)  # served in this process: every page leaves some out
    page.goto(site + "/org/pravitelstvo-smolenskoy-oblasti")
    counted = int(page.inner_text("dl.facts dt:text-is('Мероприятий') + dd"))
    page.click("text=все — запросом")
    page.wait_for_url(re.compile(r"/query\?name=entity&"))
    page.wait_for_selector("#results tbody tr")
    query = library()["entity"]
    assert page.input_value("#library") == "entity" and page.inner_text("#question") == query.question_ru
    assert page.input_value("#param-entity") == "https://w3id.org/smolensk-ties/id/org/pravitelstvo-smolenskoy-oblasti"
    events = page.locator("#results thead th").all_inner_texts().index("event")
    shown = page.locator(f"#results tbody tr td:nth-child({events + 1}) a").evaluate_all("as => as.map(a => a.href)")
    assert counted > 1 and len(shown) == len(set(shown)) == counted
    page.goto(site + "/query?name=entity&p.country=BY")  # a parameter the query has not: said, nothing run
    page.wait_for_selector("#status.error")
    assert "нет параметра country" in page.inner_text("#status")
    assert page.locator("#results tbody tr").count() == 0
    assert page.console_errors == ["Failed to load resource: the server responded with a status of 400 (BAD REQUEST)"]
    page.console_errors.clear()  # the refusal itself



def test_names_sort_as_the_browser_s_russian_collation_sorts_them(site, page, embedded):
    """The server orders names (the library's name order, the pages' tables) as the browser's Russian collation
    does, so that a table sorted by a click agrees with it as served: a name written from a lower-case letter,
    or from Ё, stands among the others, not after «Я»."""
    labels = sorted({row[0] for row in embedded.select(
        "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }").rows})
    page.goto(site + "/partners?min_events=1")
    assert page.evaluate("ls => ls.slice().sort(new Intl.Collator('ru').compare)", labels) == sorted(
        labels, key=alphabetical)
    # the table as served, most events first: among partners of as many events, by name
    groups = page.evaluate("""() => {
        const by = new Map();
        for (const tr of document.querySelectorAll("table.data tbody tr")) {
            const events = tr.cells[2].textContent;
            by.set(events, [...(by.get(events) || []), tr.cells[0].querySelector("a").textContent]);
        }
        return [...by.values()]; }""")
    assert any(name[:1].islower() for group in groups for name in group)
    assert groups == page.evaluate("gs => gs.map(g => g.slice().sort(new Intl.Collator('ru').compare))", groups)


def test_a_participant_whose_state_the_row_does_not_say_is_not_taken_for_russian(tmp_path, models, browser):
    """Every participant of the samples has a state, or is a body of several states or its official; a company met
    in a row held in two states has none said («г. Минск, г. Москва»): its event groups it apart, and search and
    the partners table say so."""
    from graph.pipeline import build
    from graph.stores import EmbeddedStore
    from graph.web.server import create_app
    from nlp.reading.report import read_report
    from tests.conftest import report_text
    from tests.graph.conftest import serve_app

    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([
        ["Переговоры", "г. Минск, г. Москва", "8 июля 2025 года", "Переговоры с ООО «Сигма».",
         "Губернатор Смоленской области В.Н. Анохин, представители ООО «Сигма»"],
        ["Переговоры", "г. Минск, г. Москва", "9 сентября 2025 года", "Переговоры с ООО «Сигма».",
         "Представители ООО «Сигма»"]]), encoding="utf-8")
    report = read_report(path)
    build([report], tmp_path / "store", lambda: models)
    app = create_app(EmbeddedStore(tmp_path / "store", read_only=True))
    url, stop = serve_app(app)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{url}/event/{report.id}/1")
        sides = {side.locator("h2").inner_text(): side for side in page.locator("section.side").all()}
        assert set(sides) >= {"Смоленская сторона", "Государство не указано"}
        unsaid = sides["Государство не указано"]
        assert "ООО «Сигма»" in unsaid.locator("tbody td:nth-child(1)").all_inner_texts()
        assert set(unsaid.locator("tbody td:nth-child(3)").all_inner_texts()) == {""}
        page.goto(url + "/search?q=Сигма")
        assert page.locator("table.data tbody tr td:nth-child(3)").first.inner_text() == "Государство не указано"
        page.goto(url + "/partners")
        row = page.locator("table.data tbody tr", has_text="ООО «Сигма»")
        assert row.locator("td:nth-child(2)").inner_text() == "—"
    finally:
        page.close()
        stop()
        app.close()
