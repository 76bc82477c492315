"""Reading, extraction and resolution: report files -> events -> mentions -> entities. Never imports `graph`.

This package's names are the stages' entry points; `graph` imports these, `nlp.records` and `nlp.errors`,
and nothing else of `nlp` (tests/test_layers.py checks).
"""

from nlp.display import render_mentions
from nlp.extract import Models, extract, load_models
from nlp.pipeline import ExtractedEvent, extract_events
from nlp.records import Cell, Entity, EntityType, Event, Field, Mention, PlaceKind, Report, Summary
from nlp.report import read_report, report_files
from nlp.resolve import acronym

__all__ = [
    "Cell", "Entity", "EntityType", "Event", "ExtractedEvent", "Field", "Mention", "Models", "PlaceKind", "Report",
    "Summary", "acronym", "extract", "extract_events", "load_models", "read_report", "render_mentions",
    "report_files",
]
