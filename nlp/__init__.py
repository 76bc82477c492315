"""Reading, extraction and resolution: report files -> events -> mentions -> entities. Never imports `graph`.

This package's names are the stages' entry points; `graph` imports these, `nlp.records` and `nlp.errors`,
and nothing else of `nlp` (tests/test_layers.py checks).

The entry points load on first use (PEP 562): extraction brings spaCy and natasha's models with it,
which a command that only queries the store (`ties query`, `ties partners`) should not wait for.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.extraction.display import render_mentions
    from nlp.extraction.extract import Models, extract, load_models
    from nlp.extraction.morph import RussianMorphVocab
    from nlp.gazetteer.countries import SMOLENSK_COUNTRY, official_name, state_code, state_name
    from nlp.pipeline import default_workers, extract_events
    from nlp.reading.report import read_report, read_reports, report_file, report_files, unread_files
    from nlp.records import (
        Cell,
        Entity,
        EntityType,
        Event,
        ExtractedEvent,
        Field,
        Mention,
        PlaceKind,
        Report,
        ReportFile,
        Summary,
    )
    from nlp.resolution.corrections import (
        Correction,
        decisions_digest,
        parse_point,
        read_corrections,
        write_alias,
        write_correction,
    )
    from nlp.resolution.resolve import acronym
    from nlp.resources import read_table

_HOMES = {
    "render_mentions": "nlp.extraction.display",
    **{name: "nlp.extraction.extract" for name in ("Models", "extract", "load_models")},
    "extract_events": "nlp.pipeline", "default_workers": "nlp.pipeline",
    **{name: "nlp.reading.report" for name in ("read_report", "read_reports", "report_file", "report_files",
                                                  "unread_files")},
    "acronym": "nlp.resolution.resolve",
    **{name: "nlp.gazetteer.countries" for name in ("SMOLENSK_COUNTRY", "official_name", "state_code", "state_name")},
    "read_table": "nlp.resources", "RussianMorphVocab": "nlp.extraction.morph",
    **{name: "nlp.resolution.corrections" for name in ("Correction", "decisions_digest", "parse_point",
                                                       "read_corrections", "write_alias", "write_correction")},
    **{name: "nlp.records" for name in ("Cell", "Entity", "EntityType", "Event", "ExtractedEvent", "Field", "Mention",
                                        "PlaceKind", "Report", "ReportFile", "Summary")},
}

__all__ = [  # the names of _HOMES, written out for the tools that read them
    "SMOLENSK_COUNTRY", "Cell", "Correction", "Entity", "EntityType", "Event", "ExtractedEvent", "Field", "Mention",
    "Models", "PlaceKind", "Report", "ReportFile", "RussianMorphVocab", "Summary", "acronym", "decisions_digest",
    "default_workers", "extract", "extract_events", "load_models", "official_name", "parse_point", "read_corrections",
    "read_report", "read_reports", "read_table", "render_mentions", "report_file", "report_files", "state_code",
    "state_name", "unread_files", "write_alias", "write_correction",
]


def __getattr__(name: str) -> object:
    """An entry point, imported from its module the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'nlp' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
