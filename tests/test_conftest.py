"""The suite's own rules (tests/conftest.py), run on a small suite of their own."""

from __future__ import annotations

from pathlib import Path

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).resolve().parent / "conftest.py"

# a browser test fails as Playwright fails when Chromium's renderer dies under the page (page.goto("chrome://crash")
# then page.evaluate gives this error); the `browser` fixture stands in for the real one
SUITE = '''
import pytest
from playwright.sync_api import Error

runs = {"crashed once": 0, "failed": 0, "crashed always": 0, "no browser": 0}

@pytest.fixture
def browser():
    return None

def test_crashed_once(browser):
    runs["crashed once"] += 1
    if runs["crashed once"] == 1:
        raise Error("Page.evaluate: Target crashed ")

def test_failed(browser):
    runs["failed"] += 1
    assert runs["failed"] == 0

def test_crashed_always(browser):
    runs["crashed always"] += 1
    raise Error("Page.evaluate: Target crashed ")

def test_timed_out(browser):
    raise Error("Page.wait_for_function: Timeout 30000ms exceeded.")

def test_no_browser():
    runs["no browser"] += 1
    raise Error("Page.evaluate: Target crashed ")

def test_runs():
    assert runs == {"crashed once": 2, "failed": 1, "crashed always": 2, "no browser": 1}
'''


def test_a_browser_test_runs_once_more_only_when_chromium_s_page_crashed(pytester):
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_pages=SUITE)
    run = pytester.runpytest("-p", "no:cacheprovider", "-W", "ignore::pytest.PytestUnknownMarkWarning")
    outcomes = run.parseoutcomes()
    assert outcomes == {"passed": 2, "failed": 4, "rerun": 2}
