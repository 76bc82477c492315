"""The review page in a real Chromium: the doubts of the sample store, shown as commands on a shared server,
and decided with a click on a local one started with --review; decisions from elsewhere are refused."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graph.review import doubts
from graph.web.server import create_app
from ontology import HERE
from tests.graph.conftest import serve_app
from tests.graph.web.test_browser import shot


def test_a_shared_server_shows_the_doubts_with_their_commands_and_takes_no_decision(site, page, embedded):
    page.goto(site + "/review")
    assert page.locator("header.top nav a.here").inner_text() == "Проверка"
    merges = [d for d in doubts(embedded) if d.kind == "merge"]
    assert len(merges) >= 2 and page.locator("tr[data-kind='merge']").count() == len(merges)
    assert "ties review same|different" in page.inner_text("tr[data-kind='merge'] >> nth=0")
    assert page.locator("form.decide").count() == 0
    request = urllib.request.Request(site + "/review/decide", data=b"decision=not-entity&entity=x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403


def test_a_local_user_decides_on_the_page_and_the_decision_is_written(embedded, browser, tmp_path, monkeypatch):
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    shutil.copy(HERE / "aliases.csv", decisions / "aliases.csv")
    monkeypatch.setenv("TIES_DECISIONS", str(decisions))
    app = create_app(embedded, review=True)
    url, stop = serve_app(app)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(url + "/review")
        row = page.locator("tr[data-kind='no-point']", has_text="Набережная р. Днепр")
        row.locator("button", has_text="Не сущность").click()  # no point asked for that
        page.wait_for_url("**/review?said=**")
        assert "Записано: Набережная р. Днепр — не сущность" in page.inner_text("p.notice")
        # a place put on the map, its point pasted as a map service copies it; none that is no point
        village = page.locator("tr[data-kind='no-point']", has_text="Вишенки")
        village.locator("input[name=value]").fill("севернее Смоленска")
        village.locator("button", has_text="Поставить на карту").click()
        page.wait_for_load_state()
        assert "широту (от -90 до 90)" in page.inner_text("body")
        assert "vishenki" not in (decisions / "corrections.csv").read_text(encoding="utf-8")
        page.goto(url + "/review")
        village.locator("input[name=value]").fill("54.7512, 32.1833")
        village.locator("button", has_text="Поставить на карту").click()
        page.wait_for_url("**/review?said=**")
        assert "Записано: Вишенки — на карте: 54,7512° с. ш., 32,1833° в. д." in page.inner_text("p.notice")
        merge = page.locator("tr[data-kind='merge']", has_text="Смоленский государственный университет спорта")
        merge.locator("button", has_text="Разные").click()
        page.wait_for_url("**/review?said=**")
        shot(page, "review")
        corrections = (decisions / "corrections.csv").read_text(encoding="utf-8")
        assert "not-entity,https://w3id.org/smolensk-ties/id/place/naberezhnaya-r-dnepr-smolensk" in corrections
        assert "point,https://w3id.org/smolensk-ties/id/place/vishenki,54.7512 32.1833,Вишенки" in corrections
        aliases = (decisions / "aliases.csv").read_text(encoding="utf-8")
        [universities] = [d.labels for d in doubts(embedded) if d.kind == "merge" and "спорта" in d.labels[1]]
        assert f"different,ORG,{universities[0]},{universities[1]}" in aliases  # never to be merged
        # a page of another site cannot post a decision here
        forged = urllib.request.Request(url + "/review/decide", method="POST", headers={"Origin": "http://evil.test"},
                                        data=urllib.parse.urlencode({"decision": "not-entity",
                                                                     "entity": "org/mogilevliftmash"}).encode())
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged)
        assert refused.value.code == 403
        assert "mogilevliftmash" not in (decisions / "corrections.csv").read_text(encoding="utf-8")
    finally:
        page.close()
        stop()
        app.close()
