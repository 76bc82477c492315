"""What description decides beyond the cells: an event's venue is the places its place cell names."""

from __future__ import annotations

import pytest

from nlp.pipeline import extract_events
from nlp.report import read_report


@pytest.fixture(scope="module")
def events(sample_paths, models):
    return {e.event.number: e for e in extract_events([read_report(sample_paths["2025-Q2"])], models)}


def venues(extracted) -> set[str]:
    return {p.described.entity.name for p in extracted.description.participants if p.venue}


def test_the_venue_is_the_place_cell_s_places_even_when_the_title_names_the_city_first(events):
    for number in (5, 28, 60, 78, 81):
        assert venues(events[number]), number
    assert "Смоленск" in venues(events[81])


def test_an_online_event_has_no_venue(events):
    for number in (37, 38, 39):  # "Сайт ОГБУК «Смоленский государственный музей-заповедник»"
        assert venues(events[number]) == set()
