"""`ties extract` through its runner: the export format, folders, and bad files among good ones."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from graph.network.partners import PartnerRow, people_table
from graph.russian import counted


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
    assert "0-empty.txt: пустой файл" in result.output
    assert "broken.docx: не документ Word" in result.output
    assert "Traceback" not in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 28


OLE_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)  # how a Word 97–2003 file begins


def test_a_folders_document_of_a_format_not_read_is_said_and_the_rest_read(tmp_path, sample_paths):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(sample_paths["2024-Q1"], folder / "2024-Q1.txt")
    (folder / "2024-Q2.doc").write_bytes(OLE_WORD)
    out = tmp_path / "events.jsonl"
    result = run("extract", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "предупреждение: " + str(folder / "2024-Q2.doc") + ": пропущен, такой формат не читается" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 28
    named = run("extract", str(folder / "2024-Q2.doc"), "--out", str(out))
    assert named.exit_code == 1
    assert "2024-Q2.doc: документ Word 97–2003 (.doc): такой формат не читается" in named.output


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
    assert again.exit_code == 0 and "без изменений: I кв. 2024" in again.output
    assert "сборка" not in again.output  # nothing to extract: no progress bar
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


def test_a_build_that_finds_nothing_new_loads_no_extraction_models(tmp_path, sample_store, sample_paths):
    """An analyst builds the folder of every quarter again: with every report stored, the build reads no file
    and extracts nothing, so it does not import spaCy and natasha (a second or two of its start)."""
    from graph.network.parts import cache_folder

    store = tmp_path / "store"
    shutil.copytree(sample_store, store)
    if cache_folder(sample_store).is_dir():
        shutil.copytree(cache_folder(sample_store), cache_folder(store))
    folder = next(iter(sample_paths.values())).parent
    script = ("import json, sys\nfrom graph.cli import main\n"
              f"main(['build', {str(folder)!r}, '--store', {str(store)!r}], standalone_mode=False)\n"
              "print(json.dumps(sorted(name for name in ('spacy', 'natasha', 'slovnet') if name in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert "без изменений: " in done.stderr and "добавлены" not in done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_export_without_a_store_is_a_clear_error(tmp_path):
    result = run("export", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "x.ttl"))
    assert result.exit_code == 1
    assert "здесь нет хранилища" in result.output and "Traceback" not in result.output


def test_every_command_has_help_and_is_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run(name, "-h")
        assert result.exit_code == 0 and "Запуск:" in result.output, name
        assert f"ties {name}" in readme, name


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield (*path, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))


def test_help_and_clicks_own_words_are_russian():
    """Every command's help, and what click itself says (usage, headings, its errors), in Russian whatever
    the locale; the options' names and values stay as typed."""
    for path in [(), *_commands(main)]:
        shown = run(*path, "-h").output
        assert "Параметры:" in shown and "Показать эту справку и выйти." in shown, path
        assert not re.search(r"Usage|Options|Show this|default:|Commands:", shown), path
        usage, described = shown.split("\n", 1)
        assert usage.startswith("Запуск: ") and not re.search(r"\b[A-Z]{4,}\b", usage), usage  # not OPTIONS, PATHS
        assert not re.search(r"\b[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}\b", described), path  # no English sentence
        assert re.search(r"[А-ЯЁ][а-яё]+ [а-яё]+", shown.split("Параметры:")[0]), path  # the command's own help
    missing = run("build")
    assert missing.exit_code == 2 and "Ошибка: Не указан аргумент 'ОТЧЁТЫ...'." in missing.output
    assert "Справка: main build --help" in missing.output  # the runner names the program «main»
    choice = run("partners", "--format", "xml")
    assert choice.exit_code == 2 and "Неверное значение '--format': «xml» — не из: 'table', 'csv', 'json'." in \
        choice.output
    unknown = run("buld")
    assert unknown.exit_code == 2 and "Нет команды buld. Может быть, 'build'?" in unknown.output


def test_query_tables_fit_the_terminal_and_json_and_csv_keep_the_values(sample_store, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    shown = run("query", "repeat-partners", "--store", str(sample_store), "--param", "country=Беларусь")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert max(len(line) for line in lines) <= 80 and "Беларусь" in shown.output
    assert "https://" not in shown.output  # labels for people; the IRIs in CSV and JSON
    typed = json.loads(run("query", "repeat-partners", "--store", str(sample_store), "--param", "country=BY",
                           "--format", "json").output)
    assert typed[0]["events"] == max(row["events"] for row in typed) and isinstance(typed[0]["events"], int)
    assert typed[0]["partner"].startswith("https://")  # the full value, for programs
    excel = CliRunner().invoke(main, ["partners", "--store", str(sample_store), "--country", "Беларусь", "--excel"])
    assert excel.stdout_bytes.startswith("\ufeff".encode()) and "partner;type;country" in excel.output


def test_the_partner_report_for_people_is_in_russian_and_wraps_whole_names_to_the_terminal(sample_store, monkeypatch):
    rows = json.loads(run("partners", "--store", str(sample_store), "--min-events", "1", "--format", "json").output)
    # a wide terminal: a table, each partner's name read down the first column's lines, in the JSON's order
    monkeypatch.setenv("COLUMNS", "200")
    shown = run("partners", "--store", str(sample_store), "--min-events", "1").output.splitlines()
    assert shown[0].split()[:3] == ["Партнёр", "Государство", "Мероприятий"]
    assert shown[-1] == f"({counted(len(rows), 'строка', 'строки', 'строк')})"
    assert max(len(line) for line in shown) <= 200 and "…" not in "\n".join(shown)  # wrapped, not cut
    first = len(shown[next(i for i, line in enumerate(shown) if line.startswith("---"))].split()[0])
    body = "\n".join(shown[next(i for i, line in enumerate(shown) if line.startswith("---")) + 1:-1])
    blocks = [block.splitlines() for block in body.strip("\n").split("\n\n")]
    assert [" ".join(line[:first].strip() for line in block if line[:first].strip()) for block in blocks] == \
        [row["label"] for row in rows]
    # a narrower one, where the columns would break words: a block a partner, every word whole
    monkeypatch.setenv("COLUMNS", "100")
    shown = run("partners", "--store", str(sample_store), "--min-events", "1").output.splitlines()
    assert max(len(line) for line in shown) <= 100 and "…" not in "\n".join(shown)
    assert shown[-1] == f"({counted(len(rows), 'строка', 'строки', 'строк')})"
    blocks = [block.splitlines() for block in "\n".join(shown[:-1]).split("\n\n")]
    assert [" ".join(line for line in block if not line.startswith(" ")) for block in blocks] == \
        [row["label"] for row in rows]  # the name first, over as many lines as it takes
    fields = [dict(re.match(r"  (\S[^:]*): (.*)", line).groups() for line in block
                   if line.startswith("  ") and not line.startswith("    ")) for block in blocks]
    assert all(f["Мероприятий"] == str(row["events"]) for f, row in zip(fields, rows, strict=True))
    spheres = " ".join(" ".join(block) for block in blocks)
    assert all(sphere in spheres for row in rows for sphere in row["spheres"])  # no sphere's word broken
    text = spheres.replace("\u00a0", " ")
    belarusian = next(row for row in rows if row["country"] == "BY" and row["first"] != row["last"])
    assert "Беларусь" in text and "BY" not in text and "2025-Q2" not in text and "II кв. 2025" in text
    first_day = ".".join(reversed(belarusian["first"].split("-")))  # 2024-02-16 -> 16.02.2024
    assert first_day in text
    # a body of several states said so; a partner whose state the reports do not give, a dash
    states = {row["label"]: f["Государство"] for f, row in zip(fields, rows, strict=True)}
    union = next(row for row in rows if row["label"] == "Союзное государство")
    assert union["interstate"] and union["country"] == "" and states["Союзное государство"] == "межгос. орган"
    assert states["С.Ю. Глазьев"] == "межгос. орган"  # its secretary, whose state the reports do not give
    # every partner of no state in the samples is a body of several states or its official: one of none, a dash
    unknown = PartnerRow("https://example.org/mission", "Миссия наблюдателей", "ORG", "", 2, ("2024-Q1",),
                         "2024-02-24", "2024-03-17", 5, (), (), 0, 0.0, -1)
    assert people_table([unknown]).rows[0][1] == "—"


def test_the_partner_report_in_json_has_every_field_of_a_partner_typed(sample_store):
    from dataclasses import fields

    from graph.network.partners import PartnerRow

    rows = json.loads(run("partners", "--store", str(sample_store), "--min-events", "1", "--format", "json").output)
    named = {field.name for field in fields(PartnerRow)} - {"counterparts"} | {"smolensk_counterparts"}
    assert rows and all(set(row) == named for row in rows)
    assert all(isinstance(row["events"], int) and isinstance(row["betweenness"], float)
               and isinstance(row["quarters"], list) and isinstance(row["smolensk_counterparts"], list) for row in rows)
    assert any(row["smolensk_counterparts"] for row in rows) and any(row["weighted_degree"] for row in rows)


def test_a_value_of_the_wrong_kind_is_one_line_that_says_what_is_expected(sample_store):
    wrong = run("query", "delegations", "--store", str(sample_store), "--param", "country=Атлантида")
    assert wrong.exit_code == 1 and "укажите его код ISO (BY) или название" in wrong.output
    assert len(wrong.output.strip().splitlines()) == 1
    prefix = run("query", "SELECT ?x WHERE { ?x a foo:Bar }", "--store", str(sample_store))
    assert prefix.exit_code == 1 and "не объявляет" in prefix.output and "ties" in prefix.output
    known = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a sem:Event } }", "--store",
                str(sample_store), "--format", "json")
    assert json.loads(known.output) == [{"n": 109}]
