"""Readers and extraction under hostile input: every file gives a report or one clear error naming it."""

from __future__ import annotations

import importlib
import io
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import nlp.pipeline
import nlp.reading.report
from nlp.errors import ReportError
from nlp.pipeline import extract_events
from nlp.reading.clean import (
    _INVISIBLE,
    _MIXED_WORD,
    _STRESS,
    _STRESS_BEARING,
    _cyrillic_word,
    _guillemets,
    clean,
)
from nlp.reading.report import MAX_CELL_CHARS, read_report
from nlp.records import Field, Report
from tests.conftest import report_text, write_docx

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202e\u2066\u2069\ufeff\u00ad"
COMBINING = "\u0301\u0300\u0306\u0308"
# what a report's cells are made of, and what many hands add to them
CHARACTERS = (list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"
                   "AaBCcEeHKMOoPpTXxy0123456789 .,;:-–—«»\"'()№\n")
              + list(INVISIBLE) + list(COMBINING) + ["\t", "\x00", "\r", "\U0001f600", "\ufffd"])
ALPHABET = st.sampled_from(CHARACTERS)
PIECES = st.sampled_from(CHARACTERS + ["<script>alert(1)</script>", "{{ x }}", "ООО «Рога «и» Копыта»",
                                       "г. Минск", "В.Н. Анохин", "1.", "5 мая 2025 года", " " * 50])
CELL = st.lists(PIECES, max_size=40).map("".join)
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # examples: tests/conftest.py


def read_or_error(path: Path) -> Report | None:
    """The report, or None after checking that the error is one line naming the file."""
    try:
        report = read_report(path)
    except ReportError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return None
    assert all(str(path) in message for message in report.errors + report.warnings)
    return report


@pytest.fixture(scope="module")
def small_docx(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("fuzz")
    text = folder / "small.txt"
    text.write_text(report_text([["Визит", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация"]] * 3),
                    encoding="utf-8")
    return write_docx(text, folder / "small.docx").read_bytes()


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xff\xfe", "Отчет".encode()]),
       suffix=st.sampled_from([".txt", ".docx", ".TXT"]))
def test_random_bytes(tmp_path, data, prefix, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + data)
    read_or_error(path)


@SETTINGS
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_truncated_and_corrupt_docx(tmp_path, small_docx, cut, flips):
    data = bytearray(small_docx[: max(1, int(len(small_docx) * cut))] if cut < 0.98 else small_docx)
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    read_or_error(path)


def test_zip_bomb_is_refused_as_it_inflates(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * 2**20
            for _ in range(300):
                member.write(block)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 2**20
    with pytest.raises(ReportError, match=r"bomb.docx: отклонён: word/document.xml распаковывается больше чем в "
                                          r"200 МиБ"):
        read_report(path)


@SETTINGS
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=8), min_size=1, max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
def test_odd_text_tables_in_any_encoding(tmp_path, models, rows, encoding):
    """Missing and extra cells, invisible and combining marks, emoji, NULs, markup: read, then extracted."""
    path = tmp_path / "odd.txt"
    path.write_bytes(report_text(rows).encode(encoding, errors="replace"))
    report = read_or_error(path)
    if report is None:
        return
    numbers = [event.number for event in report.events]
    assert len(set(numbers)) == len(numbers)  # a cell "3" may open a row 3: the text format allows it
    for event in report.events:
        assert all(clean(cell.text) == cell.text for cell in event.cells)
    extracted = extract_events([report], models)
    assert len(extracted) == len(report.events)


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251"])
def test_encodings_read_like_utf8(tmp_path, encoding):
    text = report_text([["Визит делегации", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация «МАЗ»"]])
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.encode(encoding))
    first, second = read_report(tmp_path / "a.txt"), read_report(tmp_path / "b.txt")
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in second.events]


def test_look_alikes_and_invisible_marks_name_the_same_person(tmp_path, models):
    spellings = ["Губернатор Смоленской области В.Н. Анохин", "Губернатор Смоленской области В.Н. A\u200bнохи\u0301н",
                 "Губернатор Смоленской области В.Н. \u202eАнохин\u202c"]
    rows = [["Визит", "г. Смоленск", "5 мая 2025 года", "Встреча", people] for people in spellings]
    path = tmp_path / "marks.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    events = extract_events([read_report(path)], models)
    persons = [{e.id for e in event.entities if e.type.value == "PER"} for event in events]
    assert persons[0] and persons[0] == persons[1] == persons[2]
    assert all("Анохин" in e.name for event in events for e in event.entities if e.type.value == "PER")


def test_a_huge_cell_is_cut_with_an_error_and_the_report_still_read(tmp_path, models):
    huge = "Встреча с делегацией Республики Беларусь. " * 30_000  # 1.3 million characters
    rows = [["Визит", "г. Минск", "5 мая 2025 года", huge, "Делегация"],
            ["Форум", "г. Смоленск", "6 мая 2025 года", "Форум", "Делегация"]]
    path = tmp_path / "huge.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    report = read_report(path)
    assert [e.title for e in report.events] == ["Визит", "Форум"]
    assert len(report.events[0].cell(Field.DESCRIPTION).text) <= MAX_CELL_CHARS
    [error] = report.errors
    assert "huge.txt" in error and "(№ 1)" in error and "«Описание»" in error
    started = time.perf_counter()
    [first, _] = extract_events([report], models)
    assert "BY" in first.countries
    assert time.perf_counter() - started < 60


def test_a_file_that_never_finishes_reading_is_given_up(tmp_path, monkeypatch):
    def endless(text):
        while True:
            pass
    monkeypatch.setattr(nlp.reading.report, "read_text_table", endless)
    monkeypatch.setattr(nlp.reading.report, "READ_SECONDS", 0.5)
    path = tmp_path / "slow.txt"
    path.write_text(report_text([["Визит", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация"]]), encoding="utf-8")
    with pytest.raises(ReportError, match=r"slow.txt: не прочитан: остановлено через 0.5 с"):
        read_report(path)


def test_a_row_that_never_finishes_is_given_up_and_the_others_kept(tmp_path, models, monkeypatch):
    rules = importlib.import_module("nlp.extraction.extract")  # the module: the package's `nlp.extract` is its function
    real = rules.ReportRules.read
    rows_read = []

    def stuck_on_row_two(self, cells):
        rows_read.append(cells)
        while len(rows_read) == 2:  # the second row: a rule that never finishes
            pass
        return real(self, cells)
    monkeypatch.setattr(rules.ReportRules, "read", stuck_on_row_two)
    monkeypatch.setattr(rules, "ROW_SECONDS", 0.5)
    rows = [["Визит", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация Республики Беларусь"]] * 3
    path = tmp_path / "stuck.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    events = extract_events([read_report(path)], models, workers=1)
    assert [bool(e.entities) for e in events] == [True, False, True]
    assert events[1].problems == (f"{path} (№ 2): участники не прочитаны: остановлено через 0.5 с",)


@pytest.mark.parametrize("stage", ["rules", "row"])
def test_a_row_a_rule_fails_on_is_said_and_the_others_kept(tmp_path, models, monkeypatch, stage):
    rules = importlib.import_module("nlp.extraction.extract")
    pipeline = importlib.import_module("nlp.pipeline")
    calls = []

    def failing_on_row_two(real):
        def call(*args):
            calls.append(args)
            if len(calls) == 2:
                raise ValueError("zip() argument 2 is longer than argument 1")
            return real(*args)
        return call
    if stage == "rules":  # in the spaCy component, which reads each row's cells
        monkeypatch.setattr(rules.ReportRules, "read", failing_on_row_two(rules.ReportRules.read))
    else:  # in the pass over the row's mentions after it
        monkeypatch.setattr(pipeline, "event_mentions", failing_on_row_two(pipeline.event_mentions))
    rows = [["Визит", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация Республики Беларусь"]] * 3
    path = tmp_path / "failing.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    events = extract_events([read_report(path)], models, workers=1)
    assert [bool(e.entities) for e in events] == [True, False, True]
    assert events[1].problems == (f"{path} (№ 2): участники не прочитаны: ошибка правил (ValueError: zip() argument "
                                  "2 is longer than argument 1)",)


def _clean_every_step(text: str) -> str:
    """nlp.reading.clean.clean doing every step on every text, as it did before it skipped those with nothing to do."""
    text = _guillemets(_INVISIBLE.sub("", text))
    text = unicodedata.normalize("NFC", _STRESS.sub("", unicodedata.normalize("NFD", text)))
    return unicodedata.normalize("NFC", _MIXED_WORD.sub(_cyrillic_word, text))


@example("Ивaнов, Смолe\u0301нск, Ва\u0300ня, йод")  # look-alike a, e; stress marks; й decomposes
@example("Ивaнов и iPhone-ом")
@example('АО "Завод "Кристалл"" и „Гомельский завод“')
@given(st.text(ALPHABET | st.characters(), max_size=300))
def test_clean_skipping_steps_with_nothing_to_do_cleans_as_every_step_does(text):
    assert clean(text) == _clean_every_step(text)


def test_every_character_bearing_a_stress_mark_is_known_to_clean():
    bearing = [chr(code) for code in range(sys.maxunicode + 1)
               if _STRESS.search(unicodedata.normalize("NFD", chr(code)))]
    assert bearing and all(_STRESS_BEARING.fullmatch(character) for character in bearing)


@given(st.text(ALPHABET, max_size=300))
def test_clean_is_idempotent_and_leaves_no_invisible_marks(text):
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert not set(cleaned) & set(INVISIBLE + "\u0301\u0300\x00")
    assert len(cleaned) <= len(text)
