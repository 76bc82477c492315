"""The query page in a real headless Chromium: run a library query, see the table, follow an entity link."""

from __future__ import annotations

from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_run_a_library_query_and_follow_an_entity(site, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site + "/")
    page.select_option("#library", "repeat-partners")
    page.fill("#param-country_code", "BY")
    page.click("#use")
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results tbody tr").count() >= 10
    assert "Витебская область" in page.inner_text("#results")
    assert "country_code" in page.input_value("#query")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "query-page.png"), full_page=True)
    permalink = page.get_attribute("#permalink", "href")
    page.click("#results a.entity >> nth=0")
    page.wait_for_selector("h1")
    assert "/entity?iri=" in page.url
    assert page.locator("ol.events li").count() >= 2
    page.goto(site + permalink)  # the permalink carries the query and runs it
    page.wait_for_selector("#results tbody tr")
    assert errors == []
