"""The query page in a real headless Chromium: run a library query, see the table, follow an entity link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run the tests with scripts/test.sh, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


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
