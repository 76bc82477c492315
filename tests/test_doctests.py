"""The doctest examples of the pure helpers run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["nlp.dates", "nlp.facts", "nlp.report", "nlp.countries", "nlp.places", "nlp.resolve", "nlp.normalize"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
