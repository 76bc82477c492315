"""The synthetic corpus of the benchmark: new periods, names, towns and organisations in every copy."""

from __future__ import annotations

from benchmarks.corpus import write_corpus
from nlp.report import read_report


def test_copies_are_readable_reports_of_their_own(tmp_path, sample_paths):
    paths = write_corpus(list(sample_paths.values()), 3, tmp_path)
    reports = [read_report(p) for p in paths]
    assert len({r.id for r in reports}) == 6
    assert all(not r.errors and not r.warnings for r in reports)
    assert all(len(r.events) in (28, 81) for r in reports)
    firsts = {r.id: r.events[0] for r in reports}
    years = {e.start.year for e in firsts.values()}
    assert len(years) > 1
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert "В.Н. Анохин" in texts[0] or "В.Н. Анохин" in texts[3]
    assert sum("Анохин" in t for t in texts) < len(texts)  # the copies name other persons
