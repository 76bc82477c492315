"""The partner map in a real headless Chromium: drawn from the server's layout, clicked, expanded,
filtered, centred on an entity, and exported in four formats that read back."""

from __future__ import annotations

import io
import json
import re
import time
import urllib.request

import networkx as nx
import pytest

from tests.graph.web.test_browser import downloaded, shot, wait_drawn

pytestmark = pytest.mark.slow

SUBBOTIN = "https://w3id.org/smolensk-ties/id/person/subbotin-a-m"
UNION_STATE = "https://w3id.org/smolensk-ties/id/org/soyuznoe-gosudarstvo"


def ready(page, url: str) -> float:
    """Open the map and wait until it is drawn; the seconds it took."""
    page.set_viewport_size({"width": 1400, "height": 900})
    started = time.perf_counter()
    page.goto(url)
    wait_drawn(page)
    return time.perf_counter() - started


def drawn(page) -> int:
    return page.evaluate("tiesNetwork.nodes().length")


def click_node(page, iri: str, zoom: float = 1.2) -> None:
    """A real mouse click where the node is drawn, zoomed in to `zoom`: on its centre, or where no neighbour drawn
    over part of it covers it."""
    # at once, not animated: an animation, even of no duration, moves the view only on the next frame
    point = page.evaluate("""([id, zoom]) => {
        const cy = tiesNetwork, node = cy.getElementById(id);
        cy.zoom(zoom); cy.center(node);
        const p = node.position(), r = node.width() / 2 * 0.7, pan = cy.pan();
        const others = cy.nodes().not(node).map(o => o.boundingBox({includeLabels: false}));
        for (const [dx, dy] of [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [.7, .7], [-.7, .7], [.7, -.7], [-.7, -.7]]) {
            const x = p.x + dx * r, y = p.y + dy * r;
            if (!others.some(b => b.x1 <= x && x <= b.x2 && b.y1 <= y && y <= b.y2))
                return {x: x * cy.zoom() + pan.x, y: y * cy.zoom() + pan.y};
        }
        return node.renderedPosition(); }""", [iri, zoom])
    box = page.locator("#net-graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#net-card:not([hidden])")


def written_labels(page) -> list[str]:
    """The names the map writes at its zoom (not those held back for room, nor those too small to be drawn), after
    checking that none covers another, nor a node of more events than its own."""
    boxes = page.evaluate("""() => {
        const scale = 2 ** Math.ceil(Math.log2(tiesNetwork.zoom() * (window.devicePixelRatio || 1)));
        const box = (b) => ({x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2});
        return tiesNetwork.nodes().map(n => ({
            label: n.data('label'), events: n.data('raw').events,
            written: !n.hasClass('unlabelled') && n.data('font') * scale >= 7,
            name: box(n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true})),
            body: box(n.renderedBoundingBox({includeNodes: true, includeEdges: false, includeLabels: false}))})); }""")

    def overlap(a: dict, b: dict) -> bool:
        return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
    written = [box for box in boxes if box["written"]]
    for i, a in enumerate(written):
        for b in written[i + 1:]:
            assert not overlap(a["name"], b["name"]), (a["label"], b["label"])
        for node in boxes:
            assert not (node["events"] > a["events"] and overlap(a["name"], node["body"])), (a["label"], node["label"])
    return [box["label"] for box in written]


def fits(page) -> bool:
    """Every node inside the canvas: the view was fitted to what is drawn."""
    return page.evaluate("""() => { const b = tiesNetwork.nodes().renderedBoundingBox();
        return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= tiesNetwork.width() + 1 && b.y2 <= tiesNetwork.height() + 1; }""")


def test_the_map_draws_at_once_and_a_click_opens_the_card(site, page):
    ready(page, site + "/network")
    assert page.locator("header.top nav a.here").inner_text() == "Сеть"
    nodes = drawn(page)
    assert nodes == int(page.evaluate("document.body.dataset.nodes")) > 20 and fits(page)
    status = page.inner_text("#net-status")
    assert re.search(r"Показано \d+ участник\w* из \d+", status) and "не показано" in status
    legend = page.inner_text("#net-legend")
    assert "Беларусь" in legend and "Смоленская сторона" in legend and "органы нескольких государств" in legend
    assert not page.evaluate("tiesNetwork.nodes().some(n => n.data('raw').kind === 'LOC')")  # places off by default
    covered = page.evaluate("""() => { const nodes = tiesNetwork.nodes(); let covered = 0;
        nodes.forEach((a, i) => nodes.forEach((b, j) => { if (j > i && Math.hypot(a.position('x') - b.position('x'),
            a.position('y') - b.position('y')) < (a.width() + b.width()) / 2) covered++; }));
        return covered; }""")
    assert covered == 0  # no node drawn over another
    named = written_labels(page)
    assert len(named) >= 10
    page.evaluate("tiesNetwork.zoom({level: tiesNetwork.zoom() * 2.5, renderedPosition: {x: 500, y: 400}})")
    page.wait_for_timeout(300)  # the names are laid out again once the view stops moving
    assert len(written_labels(page)) > len(named)  # closer: names held back for room are written
    page.evaluate("tiesNetwork.fit(undefined, 30)")
    page.wait_for_timeout(300)
    shot(page, "network")
    click_node(page, UNION_STATE)  # no state of its own, and no foreign partner of one
    assert page.inner_text("#card-title") == "Союзное государство"
    assert page.inner_text("#card-kind") == "организация, орган нескольких государств"
    click_node(page, SUBBOTIN)
    assert page.inner_text("#card-title") == "А.М. Субботин"
    card = page.inner_text("#net-card")
    assert "Беларусь" in card and "Мероприятий" in card and "Посредничество" in card
    href = page.get_attribute("#card-title a", "href")
    assert href == "/person/subbotin-a-m"
    with urllib.request.urlopen(site + href) as answer:
        assert answer.status == 200 and "А.М. Субботин" in answer.read().decode()
    page.click("#card-title a")
    page.wait_for_url(re.compile(r"/person/subbotin-a-m$"))


def test_expand_adds_the_neighbours_without_moving_the_rest(site, page):
    ready(page, site + "/network?max=50")
    before = drawn(page)
    positions = page.evaluate("Object.fromEntries(tiesNetwork.nodes().map(n => [n.id(), n.position()]))")
    click_node(page, SUBBOTIN)
    page.click("#card-expand")
    page.wait_for_function(f"tiesNetwork.nodes().length > {before}")
    after = page.evaluate("Object.fromEntries(tiesNetwork.nodes().map(n => [n.id(), n.position()]))")
    assert all(abs(after[n]["x"] - p["x"]) < 1 and abs(after[n]["y"] - p["y"]) < 1 for n, p in positions.items())
    assert "expand=" in page.url  # the permalink carries the expansion


def test_filters_redraw_and_refit(site, page):
    ready(page, site + "/network")
    everyone = drawn(page)
    page.uncheck("#net-smolensk")
    page.select_option("#net-country", "BY")
    page.wait_for_function("!tiesNetwork.nodes().some(n => n.data('raw').smolensk || n.data('raw').country !== 'BY')")
    belarus = drawn(page)
    assert 0 < belarus < everyone and fits(page)
    page.check("#net-smolensk")
    page.uncheck('input[name="kind"][value="PER"]')
    page.wait_for_function("tiesNetwork.nodes().length > 0 && "
                           "tiesNetwork.nodes().every(n => n.data('raw').kind === 'ORG')")
    assert fits(page)
    page.select_option("#net-until", "2024-Q1")
    page.wait_for_function("tiesNetwork.nodes().every(n => n.data('raw').last === '2024-Q1')")
    assert "until=2024-Q1" in page.url and "country=BY" in page.url
    page.select_option("#net-colour", "community")
    assert "Смоленская сторона" not in page.inner_text("#net-legend")  # communities, named by their members


def test_a_focused_map_and_a_path(site, page):
    page.goto(site + "/person/subbotin-a-m")  # from the person's page to the map around him
    page.click("text=Сеть вокруг")
    wait_drawn(page)
    assert "В центре: А.М. Субботин" in page.inner_text("#net-focus")
    ready(page, site + "/network?focus=/person/subbotin-a-m")
    assert "В центре: А.М. Субботин" in page.inner_text("#net-focus")
    assert page.evaluate("id => tiesNetwork.getElementById(id).hasClass('focus')", SUBBOTIN)
    one_step = drawn(page)
    page.click("#net-focus button:text('два шага')")
    page.wait_for_function(f"tiesNetwork.nodes().length > {one_step}")
    other = page.evaluate("""id => tiesNetwork.nodes().filter(n => n.id() !== id && !n.edgesWith(
        tiesNetwork.getElementById(id)).length)[0].id()""", SUBBOTIN)
    click_node(page, SUBBOTIN)
    page.click("#card-from")
    click_node(page, other)
    page.click("#card-to")
    page.wait_for_function("document.getElementById('card-path').textContent.includes('→')")
    assert page.evaluate("tiesNetwork.nodes('.path').length") >= 3


def test_exports_download_and_read_back(site, page):
    ready(page, site + "/network?max=50")
    nodes = drawn(page)
    name, png = downloaded(page, "#net-png")
    assert name.endswith(".png") and png.startswith(b"\x89PNG") and len(png) > 10_000
    name, svg = downloaded(page, "#net-svg")
    assert name.endswith(".svg") and svg.count(b"<title>") == nodes
    edges = page.evaluate("tiesNetwork.edges().length")
    for button, read in (("#net-gexf", nx.read_gexf), ("#net-graphml", nx.read_graphml)):
        name, data = downloaded(page, button)
        graph = read(io.BytesIO(data))
        assert graph.number_of_nodes() == nodes and graph.number_of_edges() == edges


def test_the_file_ties_network_writes_works_offline(sample_store, tmp_path, page):
    from click.testing import CliRunner

    from graph.cli import main

    out = tmp_path / "map.html"
    assert CliRunner().invoke(main, ["network", "--store", str(sample_store), "--out", str(out)]).exit_code == 0
    outside: list[str] = []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith("file:") else route.continue_())
    ready(page, out.as_uri())
    assert drawn(page) > 20 and outside == []
    page.evaluate("tiesNetwork.nodes()[0].emit('tap')")
    assert page.inner_text("#card-title")


def test_the_partner_map_renders_offline_with_the_sample_places(site, page):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(site + "/map")
    wait_drawn(page)
    assert page.locator("header.top nav a.here").inner_text() == "Карта"
    markers = page.locator("path.ties-place")
    districts = int(page.evaluate("document.body.dataset.districts"))
    # the districts of Smolensk oblast the samples name are shaded areas, every other place a circle
    assert districts >= 3 and markers.count() + districts == int(page.evaluate("document.body.dataset.places")) > 10
    assert int(page.evaluate("document.body.dataset.states")) > 10
    legend = page.inner_text("#map-legend")
    assert "Беларусь" not in legend and "места Смоленской области" in legend
    written = names_written(page, "#map")
    assert any(name.startswith("Минск: ") for name in written) and len(written) >= 10
    hover_a_crowded_place(page, "tiesMap")
    page.evaluate("tiesMap.setZoom(tiesMap.getZoom() + 1, {animate: false})")  # closer: more names fit
    page.wait_for_timeout(300)
    assert any(name.startswith("Витебск: ") for name in names_written(page, "#map"))
    page.evaluate("tiesMap.setZoom(tiesMap.getZoom() - 1, {animate: false})")
    shot(page, "map")
    page.evaluate("""() => tiesMap.eachLayer(l => { if (l.options && l.options.ties === \
'https://w3id.org/smolensk-ties/id/place/smolensk') l.openPopup(); })""")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Смоленск" in popup.inner_text() and "Правительство Смоленской области" in popup.inner_text()
    popup.locator("a", has_text="Правительство Смоленской области").click()
    page.wait_for_url(re.compile(r"/org/pravitelstvo-smolenskoy-oblasti$"))
    page.go_back()
    wait_drawn(page)
    page.evaluate("""() => tiesMap.eachLayer(l => { if (l.feature && l.feature.properties.name === \
'Демидовский район' && l.feature.properties.place) l.openPopup(); })""")
    popup.wait_for()
    popup.locator("a", has_text="Демидовский район").click()
    page.wait_for_url(re.compile(r"/place/demidovskiy-rayon$"))
    assert "Смоленская область" in page.inner_text("dl.facts")  # the district's region
    page.go_back()
    wait_drawn(page)
    everywhere = int(page.evaluate("document.body.dataset.places"))
    unplaced = int(page.evaluate("document.body.dataset.unplaced"))
    assert unplaced > 0 and f"Без координат — {unplaced} " in page.inner_text("#map-status")
    page.evaluate("document.body.dataset.ready = '0'")
    page.select_option("#map-filters [name=until]", "2024-Q1")
    wait_drawn(page)
    assert int(page.evaluate("document.body.dataset.places")) < everywhere and "until=2024-Q1" in page.url
    # the places off the map lead to the review, where a point is given them
    page.locator("#map-status a", has_text="поставить на карту").click()
    page.wait_for_url(re.compile(r"/review#no-point$"))
    assert page.locator("section#no-point tr[data-kind='no-point']").count() >= unplaced
    page.go_back()
    wait_drawn(page)
    assert outside == []  # nothing asked of any other host: outlines and library are served here


def names_written(page, scope: str) -> list[str]:
    """The place names a map writes beside its circles (not those held back for want of room), after checking
    that none covers another, nor the circle of another place as busy or busier, and all lie inside the map."""
    circles = page.evaluate("""scope => {
        const map = scope === "#map" ? tiesMap : tiesMiniMaps[0], found = [];
        map.eachLayer(layer => {
            const tip = layer.getTooltip && layer.getTooltip(), circle = layer.getElement && layer.getElement();
            if (!tip || !circle || !layer.getRadius || !tip.getElement()) return;  // the places' circles
            const b = circle.getBoundingClientRect();
            found.push({text: tip.getElement().textContent, left: b.left, right: b.right, top: b.top,
                        bottom: b.bottom}); });
        return found; }""", scope)
    written = page.evaluate("""scope => {
        const frame = document.querySelector(scope).getBoundingClientRect();
        return [...document.querySelectorAll(scope + " .place-name:not(.crowded)")].map(e => {
            const b = e.getBoundingClientRect();
            return {text: e.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom,
                    inside: b.left >= frame.left && b.right <= frame.right && b.top >= frame.top
                            && b.bottom <= frame.bottom}; }); }""", scope)
    assert all(name["inside"] for name in written)
    for i, a in enumerate(written):
        for b in written[i + 1:]:
            assert not (a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"]
                        and b["top"] < a["bottom"]), (a["text"], b["text"])

    def weight(text: str) -> int:  # «Минск: 12»
        return int(text.rsplit(": ", 1)[1])
    for name in written:
        for c in circles:
            assert not (c["text"] != name["text"] and weight(c["text"]) >= weight(name["text"])
                        and name["left"] < c["right"] and c["left"] < name["right"] and name["top"] < c["bottom"]
                        and c["top"] < name["bottom"]), (name["text"], c["text"])
    return [name["text"] for name in written]


def hover_a_crowded_place(page, leaflet_map: str) -> None:
    """The mouse over a circle whose name had no room on `leaflet_map` (a script's name for it): the name shows."""
    point = page.evaluate("""() => { let found = null;
        (""" + leaflet_map + """).eachLayer(l => { const tip = l.getTooltip && l.getTooltip();
            if (found || !tip || !tip.options.permanent || !tip.getElement().classList.contains("crowded")) return;
            const b = l.getElement().getBoundingClientRect(), x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2;
            if (document.elementFromPoint(x, y) === l.getElement())
                found = {x, y, name: tip.getElement().textContent}; });
        return found; }""")
    assert point, "no place whose name was held back"
    page.mouse.move(point["x"], point["y"])
    assert point["name"] in page.locator(".place-name:not(.crowded)").all_inner_texts()
    page.mouse.move(0, 0)


def test_the_timeline_draws_each_quarter_with_its_events(site, page, embedded):
    from tests.graph.network.test_geography_timeline import EVENTS_PER_REPORT

    expected = {row[0]: int(row[1]) for row in embedded.select(EVENTS_PER_REPORT).rows}
    page.goto(site + "/timeline")
    assert page.locator("header.top nav a.here").inner_text() == "Хронология"
    for period, events in expected.items():
        row = page.locator(f".stacked .row[data-period='{period}']")
        assert row.locator(".total").inner_text() == str(events)
        assert row.locator(".track span").count() >= 2  # stacked by state
    # the quarters between the two reports are unknown, not empty: marked, and no value in the exports
    missing = page.locator(".stacked .row.no-report")
    assert missing.count() == 4 and missing.first.inner_text().split() == ["II", "кв.", "2024", "нет", "отчёта", "—"]
    assert "Отчётов с II кв. 2024 по I кв. 2025 в графе нет" in page.inner_text("p.no-report-note")
    # each colour of the legend on the line of its name, however the legend wraps
    items = page.locator(".legend-inline .item")
    assert items.count() >= 5
    assert items.evaluate_all("items => items.filter(i => i.getClientRects().length > 1).length") == 0
    _, data = downloaded(page, "table.activity + .table-tools .export-json")
    vitebsk = next(r for r in json.loads(data) if r["Партнёр"] == "Витебская область")
    assert vitebsk["Пропусков"] == 0 and vitebsk["III кв. 2024"] is None and vitebsk["I кв. 2024"] >= 1
    shot(page, "timeline")
    page.select_option("select[name=by]", "sphere")
    page.click("text=Показать")
    page.wait_for_url(re.compile(r"by=sphere"))
    assert "Мероприятия по кварталам и сферам" in page.inner_text("h2")
    assert page.locator("table.activity tr.quiet").count() >= 1  # partners gone quiet are marked
    name, data = downloaded(page, "section:first-of-type button:text('CSV')")
    assert name.endswith(".csv") and "Квартал" in data.decode("utf-8-sig")


def test_state_and_entity_pages_show_their_places_on_a_small_map(site, page):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
    page.goto(site + "/country/BY")
    page.wait_for_selector(".mini-map[data-ready='1']")
    listed = len(json.loads(page.get_attribute(".mini-map", "data-points")))
    assert listed > 10 and page.locator(".mini-map path.ties-place").count() == listed
    # the state's own outline is shaded; of so many places, those named whose names fit, the rest on hover
    assert page.locator(".mini-map path.own-state").count() == 1
    written = names_written(page, ".mini-map")
    assert 3 <= len(written) < listed
    hover_a_crowded_place(page, "tiesMiniMaps[0]")
    # a state with a place or two names them on the map itself, with the land around them in view
    page.goto(site + "/country/CN")
    page.wait_for_selector(".mini-map[data-ready='1']")
    points = json.loads(page.get_attribute(".mini-map", "data-points"))
    assert 0 < len(points) <= 4
    assert sorted(page.locator(".mini-map .place-name").all_inner_texts()) == \
        sorted(f"{p['label']}: {p['events']}" for p in points)
    # every place in view, the map not closer than a region's width (the samples' Шэньян and its province Ляонин)
    assert page.evaluate("tiesMiniMaps[0].getZoom()") <= 6
    assert page.evaluate("(points) => points.every((p) => tiesMiniMaps[0].getBounds().contains([p.lat, p.lon]))",
                         points)
    page.goto(site + "/org/mogilevliftmash")
    page.wait_for_selector(".mini-map[data-ready='1']")
    page.locator(".mini-map path.ties-place").first.click(force=True)
    page.wait_for_url(re.compile(r"/place/mogilev$"))
    assert outside == []
