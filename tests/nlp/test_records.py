"""Records crossing process boundaries: a build hands reports to its extraction workers and events to its
graph makers pickled, and gets them back whole."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, fields

import pytest

from nlp.pipeline import extract_events
from nlp.reading.report import read_report
from nlp.records import pickled_by_fields


def _every_field(record: object) -> object:
    """A record as nested tuples of all its fields, those left out of equality (an entity's mentions) too."""
    if isinstance(record, tuple | list):
        return tuple(_every_field(item) for item in record)
    if hasattr(record, "__dataclass_fields__"):
        return (type(record).__name__, *(_every_field(getattr(record, f.name)) for f in fields(record)))
    return record


def test_reports_and_extracted_events_come_back_from_a_pickle_whole(sample_paths, models):
    report = read_report(sample_paths["2025-Q2"])
    events = extract_events([report], models)
    assert any(entity.mentions for event in events for entity in event.entities)
    for record in (report, events):
        back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == record and _every_field(back) == _every_field(record)


def test_a_record_with_a_field_outside_init_is_refused():
    @dataclass(frozen=True, slots=True)
    class Derived:
        text: str
        length: int = field(init=False, default=0)

    with pytest.raises(TypeError, match="Derived"):
        pickled_by_fields(Derived)
