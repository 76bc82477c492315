"""Golden extraction: what `ties extract data/reports` writes for the samples, line for line.

Regenerate with `TIES_UPDATE_GOLDEN=1` when a change is meant (see tests/graph/rdf/test_golden.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from nlp.pipeline import extract_events
from nlp.reading.report import read_report

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "events.jsonl"


def test_extraction_of_the_samples_is_the_golden_events_jsonl(sample_paths, models):
    reports = [read_report(sample_paths[name]) for name in sorted(sample_paths)]
    lines = [json.dumps(event.to_dict(), ensure_ascii=False) for event in extract_events(reports, models)]
    actual = "\n".join(lines) + "\n"
    if os.environ.get("TIES_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    changed = [(number, now, before) for number, (now, before) in enumerate(zip(lines, expected, strict=False), 1)
               if now != before]
    assert len(lines) == len(expected), f"{len(lines)} events now, {len(expected)} in the golden file"
    assert not changed, f"{len(changed)} events differ; first, line {changed[0][0]}:\n  now:    " \
                        f"{changed[0][1][:400]}\n  golden: {changed[0][2][:400]}"
