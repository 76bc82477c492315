"""What the workspace's browser tests share: a page that fails its test on any console error."""

from __future__ import annotations

import pytest


@pytest.fixture
def page(browser):
    """A page that records console errors and uncaught exceptions; the test fails on any."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.console_errors = errors  # a test that asks for a refusal takes its own error out
    yield page
    page.close()
    assert errors == []
