"""The extraction stage: from a Report to the event records of the export schema."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nlp.records import Report


@dataclass(frozen=True, slots=True)
class Models:
    """What extraction loads once and passes around."""


def load_models() -> Models:
    """Load the NLP models (natasha, the rule pipeline)."""
    return Models()


def event_records(report: Report, models: Models | None) -> Iterator[dict[str, Any]]:
    """One export record per event of the report (SCHEMA.md), with entities and countries."""
    for event in report.events:
        record = event.to_dict()
        record["countries"] = []
        record["entities"] = []
        yield record
