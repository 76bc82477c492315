"""Reading and extraction: report files -> events -> mentions -> entities. Never imports `graph`."""

from nlp.display import render_mentions
from nlp.extract import Models, extract, load_models
from nlp.records import Cell, Entity, EntityType, Event, Field, Mention, PlaceKind, Report, Summary
from nlp.report import read_report

__all__ = [
    "Cell", "Entity", "EntityType", "Event", "Field", "Mention", "Models", "PlaceKind", "Report", "Summary",
    "extract", "load_models", "read_report", "render_mentions",
]
