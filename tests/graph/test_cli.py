"""`ties extract` through its runner: the export format, folders, and bad files among good ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_extract_folder_writes_schema_lines(tmp_path, sample_paths):
    out = tmp_path / "out" / "events.jsonl"
    result = run("extract", str(next(iter(sample_paths.values())).parent), "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 81 + 28
    first = rows[0]
    assert (first["report"], first["number"]) == ("2024-Q1", 1)
    for key in ("sphere", "title", "start", "end", "countries", "entities", "participant_count", "remote"):
        assert key in first
    assert first["start"] == "2024-02-05"


def test_bad_file_is_reported_and_the_rest_still_read(tmp_path, sample_paths):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(sample_paths["2024-Q1"], folder / "2024-Q1.txt")
    (folder / "0-empty.txt").write_text("")
    (folder / "broken.docx").write_text("not a zip")
    out = tmp_path / "events.jsonl"
    result = run("extract", str(folder), "--out", str(out))
    assert result.exit_code == 1
    assert "0-empty.txt: empty file" in result.output
    assert "broken.docx: not a Word document" in result.output
    assert "Traceback" not in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 28


def test_help_everywhere():
    assert run("--help").exit_code == 0
    assert "--out" in run("extract", "-h").output


def test_build_then_export_every_format(tmp_path, sample_paths):
    store = tmp_path / "store"
    result = run("build", str(sample_paths["2024-Q1"]), "--store", str(store), "--format", "json")
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert facts["events"] == 28 and facts["reports"] == 1 and facts["agreements"] >= 1
    again = run("build", str(sample_paths["2024-Q1"]), "--store", str(store))
    assert "unchanged: 2024-Q1" in again.output
    for fmt in ("ttl", "nt", "jsonld", "trig"):
        out = tmp_path / f"graph.{fmt}"
        exported = run("export", "--store", str(store), "--format", fmt, "--out", str(out))
        assert exported.exit_code == 0, exported.output
        assert out.stat().st_size > 10_000
    from rdflib import Dataset, Graph

    triples = len(Graph().parse(tmp_path / "graph.nt"))
    turtle = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix ties: <https://w3id.org/smolensk-ties/ontology#> ." in turtle and "\n\tties:" in turtle
    assert len(Graph().parse(tmp_path / "graph.ttl")) == triples
    assert turtle.count("<https://w3id.org/smolensk-ties/ontology#") < triples / 100  # written short, by prefix
    assert "\\/" not in turtle  # no escaped local names, which some servers misread
    linked = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert linked["@context"]["ties"] == "https://w3id.org/smolensk-ties/ontology#"
    assert any("ties:country" in node for node in linked["@graph"])  # compacted with its context
    assert len(Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) == triples
    dataset = Dataset()
    dataset.parse(tmp_path / "graph.trig", format="trig")
    named = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/smolensk-ties/id/graph/2024-Q1" in named  # the report's named graph kept


def test_export_without_a_store_is_a_clear_error(tmp_path):
    result = run("export", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "x.ttl"))
    assert result.exit_code == 1
    assert "no store here" in result.output and "Traceback" not in result.output


def test_every_command_has_help_and_is_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run(name, "-h")
        assert result.exit_code == 0 and "Usage:" in result.output, name
        assert f"ties {name}" in readme, name
