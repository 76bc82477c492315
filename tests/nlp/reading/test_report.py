"""Reading reports: both sample formats, encodings, metadata, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from nlp.errors import ReportError
from nlp.reading.report import read_period, read_report
from nlp.reading.text import read_text_table
from nlp.reading.word import write_docx_table
from nlp.records import Field, Table

EXPECTED_EVENTS = {"2025-Q2": 81, "2024-Q1": 28}
TWO_LINE_SPHERE = ("Сотрудничество в сфере архитектуры и строительства Смоленской области, "
                   "в сфере жилищно-коммунального хозяйства, энергетики и тарифной политики")


@pytest.fixture(scope="module")
def text_reports(sample_paths):
    return {name: read_report(path) for name, path in sample_paths.items()}


@pytest.fixture(scope="module")
def docx_reports(docx_samples):
    return {name: read_report(path) for name, path in docx_samples.items()}


@pytest.mark.parametrize("name", EXPECTED_EVENTS)
def test_every_row_is_an_event(text_reports, name):
    report = text_reports[name]
    assert report.id == name
    assert [e.number for e in report.events] == list(range(1, EXPECTED_EVENTS[name] + 1))
    assert report.errors == () and report.warnings == ()
    assert all(e.start and e.end and e.start <= e.end for e in report.events)
    assert all(e.sphere.startswith(("Сотрудничество", "Общие")) for e in report.events)


@pytest.mark.parametrize("name", EXPECTED_EVENTS)
def test_docx_reads_the_same_as_text(text_reports, docx_reports, name):
    assert docx_reports[name].id == name
    assert [e.to_dict() for e in docx_reports[name].events] == [e.to_dict() for e in text_reports[name].events]
    assert docx_reports[name].summary == text_reports[name].summary


def test_docx_fixture_is_a_real_word_table(docx_samples):
    from docx import Document

    table = Document(str(docx_samples["2025-Q2"])).tables[0]
    header_row = table.rows[1]  # the first section header, merged across the row
    assert len({cell._tc for cell in header_row.cells}) == 1
    assert len(header_row.cells) == 6
    first_event = table.rows[2].cells
    assert len(first_event[4].paragraphs) > 3
    assert first_event[0].text == ""  # its number is Word's list numbering, read from the numbering definitions


def test_sphere_header_over_two_lines_is_one_sphere(text_reports):
    assert text_reports["2025-Q2"].events[7].sphere == TWO_LINE_SPHERE


def test_cells_are_normalised_and_raw_text_kept(text_reports):
    first = text_reports["2025-Q2"].events[0]
    assert first.title.startswith("Визит делегации Объединенных Арабских Эмиратов")
    dates = first.cell(Field.DATES)
    assert dates.text == "22-25 мая 2025 года"
    assert dates.raw == "22-25 мая \n2025 года"
    assert "  " not in first.cell(Field.DESCRIPTION).text


def test_report_metadata(text_reports):
    report = text_reports["2025-Q2"]
    assert report.title.startswith("Отчет о мероприятиях в международной сфере")
    assert report.summary is not None and report.summary.meetings == 9
    assert len(report.summary.places) == 3
    assert len(report.checksum) == 64
    assert text_reports["2024-Q1"].summary.meetings == 3


def test_participant_counts_and_remote_rows(text_reports):
    events = {e.number: e for e in text_reports["2025-Q2"].events}
    assert events[4].participant_count == 1200
    assert events[14].participant_count == 261
    assert events[1].participant_count is None
    remote = {n for n, e in events.items() if e.remote}
    assert {53, 54, 55} <= remote  # the telebridges
    assert 1 not in remote and 2 not in remote


SAMPLE = """Отчет о мероприятиях в международной сфере
во II квартале 2025 года

\t№ п/п
\tНаименование мероприятия
\tМесто проведения
\tСроки проведения мероприятия
\tЦель, содержание и результат мероприятия
\tУчастники мероприятия

\tСотрудничество в сфере спорта

\t1. 
\tТурнир по самбо
\tг. Минск
\t4-6 июня
2025 года
\tПрошел турнир
\tСпортсмены (12 человек)

\t2. 
\tВизит делегации
\tг. Смоленск
\t{dates}
\tВстреча
\tДелегация
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_text_encodings(tmp_path, encoding):
    report = read_report(write(tmp_path, "r.txt", SAMPLE.format(dates="5 мая 2025 года").encode(encoding)))
    assert [e.title for e in report.events] == ["Турнир по самбо", "Визит делегации"]
    assert report.events[0].participant_count == 12


def test_unreadable_dates_warn_and_keep_the_row(tmp_path):
    report = read_report(write(tmp_path, "r.txt", SAMPLE.format(dates="по согласованию").encode()))
    assert report.events[1].start is None and report.events[1].end is None
    assert len(report.warnings) == 1
    assert "r.txt" in report.warnings[0] and "(№ 2)" in report.warnings[0]


OTHER_HEADER = ("№", "Дата проведения", "Мероприятие", "Место", "Участники", "Краткое описание и итоги", "Примечание")


def _other_layout(sphere: str) -> Table:
    """A report laid out otherwise than the samples: other header words, another column order, an unnamed last
    column, and `sphere` as the section heading."""
    rows = [OTHER_HEADER, (sphere,)]
    for number in (1, 2):
        rows.append((f"{number}.", f"{number + 4} мая 2025 года", f"Визит делегации {number}", "г. Минск",
                     "Делегация", "Встреча", "по плану"))
    return Table(("Отчет о мероприятиях во II квартале 2025 года",), tuple(rows),
                 tuple(f"строка {index}" for index in range(len(rows))))


def _as_text(table: Table) -> str:
    return "\n".join(table.heading) + "\n\n" + "\n\n".join("".join(f"\t{cell}\n" for cell in row)
                                                            for row in table.rows)


@pytest.mark.parametrize("sphere", ["Сотрудничество в сфере культуры", "Культура"])
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_table_laid_out_otherwise_reads_by_its_header(tmp_path, kind, sphere):
    table = _other_layout(sphere)
    path = (write(tmp_path, "r.txt", _as_text(table).encode()) if kind == "txt"
            else write_docx_table(table, tmp_path / "r.docx"))
    report = read_report(path)
    assert [(e.title, e.cell(Field.PLACE).text, e.start, e.cell(Field.DESCRIPTION).text,
             e.cell(Field.PARTICIPANTS).text, e.sphere) for e in report.events] == [
        (f"Визит делегации {n}", "г. Минск", date(2025, 5, n + 4), "Встреча", "Делегация", sphere) for n in (1, 2)]
    assert report.errors == () and report.warnings == ()


def test_a_row_number_closed_by_a_bracket_opens_a_row(tmp_path):
    text = SAMPLE.format(dates="5 мая 2025 года").replace("\t1. \n", "\t1)\n").replace("\t2. \n", "\t2)\n")
    report = read_report(write(tmp_path, "r.txt", text.encode()))
    assert [(e.number, e.title) for e in report.events] == [(1, "Турнир по самбо"), (2, "Визит делегации")]
    assert report.errors == ()


def test_a_row_held_through_the_quarter_covers_the_reports_quarter(tmp_path):
    report = read_report(write(tmp_path, "r.txt", SAMPLE.format(dates="в течение квартала").encode()))
    assert (report.events[1].start, report.events[1].end) == (date(2025, 4, 1), date(2025, 6, 30))
    assert report.warnings == ()


@pytest.mark.parametrize(("data", "message"), [
    (b"", "пустой файл"),
    (b"   \n\n", "пустой файл"),
    ("Просто письмо без таблицы".encode(), "не отчёт"),
    ("Отчет во II квартале 2025 года\n\tкакой-то текст".encode(), "нет таблицы мероприятий"),
    (b"\x00\x01\x02\x03binary" * 10, "двоичные данные"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "документ Word 97–2003 .*сохраните отчёт как .docx"),
    ("{\\rtf1\\ansi Отчет во II квартале 2025 года".encode(), "документ RTF: такой формат не читается"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "документ PDF: такой формат не читается"),
    (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.text", "документ OpenDocument"),
    # a report of a longer period, which no quarter names
    ("Отчет о мероприятиях в первом полугодии 2025 года\n\t1.".encode(), "отчёт не за квартал .*полугодии 2025"),
    ("Отчет о мероприятиях за 9 месяцев 2025 года\n\t1.".encode(), "отчёт не за квартал .*9 месяцев 2025"),
    ("Отчет о мероприятиях за 2025 год\n\t1.".encode(), "отчёт не за квартал .*за 2025 год"),
])
def test_files_that_are_not_reports(tmp_path, data, message):
    with pytest.raises(ReportError, match=message) as caught:
        read_report(write(tmp_path, "bad.txt", data))
    assert "bad.txt" in str(caught.value)


def test_docx_that_is_not_a_zip(tmp_path):
    with pytest.raises(ReportError, match="не документ Word") as caught:
        read_report(write(tmp_path, "fake.docx", SAMPLE.format(dates="5 мая").encode()))
    assert "fake.docx" in str(caught.value)


def test_truncated_docx(tmp_path, docx_samples):
    data = docx_samples["2024-Q1"].read_bytes()
    with pytest.raises(ReportError, match="fake.docx: не документ Word"):
        read_report(write(tmp_path, "fake.docx", data[: len(data) // 2]))


def test_zip_that_is_not_a_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ReportError, match="нет word/document.xml"):
        read_report(write(tmp_path, "x.docx", buffer.getvalue()))


def test_wrong_number_of_columns(tmp_path):
    five = SAMPLE.replace("\tМесто проведения\n", "").replace("\tг. Минск\n", "").replace("\tг. Смоленск\n", "")
    report = read_report(write(tmp_path, "five.txt", five.format(dates="5 мая 2025").encode()))
    assert len(report.events) == 2
    assert report.events[0].cell(Field.PLACE).text == ""
    assert report.events[0].start is not None
    assert any("столбцов: 5" in e and "«Место»" in e and "five.txt" in e for e in report.errors)


def test_broken_row_does_not_sink_the_report(tmp_path):
    broken = SAMPLE.format(dates="5 мая 2025").replace("\tПрошел турнир\n\tСпортсмены (12 человек)\n", "")
    report = read_report(write(tmp_path, "broken.txt", broken.encode()))
    assert [e.number for e in report.events] == [1, 2]
    assert report.events[1].title == "Визит делегации"
    assert any("(№ 1)" in e and "broken.txt" in e for e in report.errors)


def test_truncated_file_keeps_the_rows_before_the_cut(tmp_path):
    text = SAMPLE.format(dates="5 мая 2025")
    cut = text[: text.index("\tВстреча")]
    report = read_report(write(tmp_path, "cut.txt", cut.encode()))
    assert [e.title for e in report.events] == ["Турнир по самбо", "Визит делегации"]
    assert report.events[0].start is not None
    assert any("(№ 2)" in e for e in report.errors)


def test_a_row_missing_its_last_cell_swallows_no_heading(tmp_path):
    two_spheres = SAMPLE.replace("\t2. \n", "\tСотрудничество в сфере культуры и туризма\n\n\t2. \n")
    short = two_spheres.replace("\tСпортсмены (12 человек)\n", "")
    report = read_report(write(tmp_path, "short.txt", short.format(dates="5 мая 2025").encode()))
    first, second = report.events
    assert first.cell(Field.PARTICIPANTS).text == ""
    assert first.sphere == "Сотрудничество в сфере спорта"
    assert second.sphere == "Сотрудничество в сфере культуры и туризма"
    [error] = report.errors
    assert "short.txt: строка 13 (№ 1)" in error and "ячеек 5, а столбцов 6" in error


@pytest.mark.parametrize(("heading", "sphere"), [
    ("2. Сотрудничество в сфере культуры и туризма", "Сотрудничество в сфере культуры и туризма"),
    ("Раздел II. Культура и туризм", "Культура и туризм"),
    ("В области культуры", "В области культуры"),
])
def test_a_numbered_heading_is_a_heading_named_without_its_number(tmp_path, heading, sphere):
    two_spheres = SAMPLE.replace("\t2. \n", f"\t{heading}\n\n\t2. \n")
    short = two_spheres.replace("\tСпортсмены (12 человек)\n", "")
    report = read_report(write(tmp_path, "short.txt", short.format(dates="5 мая 2025").encode()))
    first, second = report.events
    assert first.cell(Field.PARTICIPANTS).text == ""
    assert second.sphere == sphere


def test_a_nul_byte_costs_its_row_a_character_not_the_file(tmp_path):
    text = SAMPLE.format(dates="5 мая 2025").replace("Турнир по", "Турнир\x00 по")
    report = read_report(write(tmp_path, "nul.txt", text.encode()))
    assert [e.title for e in report.events] == ["Турнир по самбо", "Визит делегации"]
    [error] = report.errors
    assert "nul.txt" in error and "(№ 1)" in error and "NUL" in error


def _word(body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")
    return buffer.getvalue()


def _lying(data: bytes, size: int) -> bytes:
    """The zip with word/document.xml's sizes in both headers replaced by `size`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
        declared = info.file_size
    old = declared.to_bytes(4, "little")
    return data.replace(old, size.to_bytes(4, "little"))


@pytest.mark.parametrize(("body", "lie", "message"), [
    (b"<w:p/>" * 1_000_000, None, "больше 200\u202f000 абзацев"),
    (b"<w:tbl><w:tr>" + b"<w:tc><w:p/></w:tc>" * 150_000 + b"</w:tr></w:tbl>", None,
     "больше 100\u202f000 ячеек таблицы"),
    (b"<w:p><w:r><w:t>" + b"a" * (210 * 2**20) + b"</w:t></w:r></w:p>", None, "распаковывается больше чем в 200 МиБ"),
    (b"<w:p><w:r><w:t>" + b"a" * (210 * 2**20) + b"</w:t></w:r></w:p>", 1000, "архив повреждён"),
])
def test_a_word_document_that_unpacks_too_far_is_refused_before_parsing(tmp_path, body, lie, message):
    data = _word(body)
    if lie is not None:
        data = _lying(data, lie)
    with pytest.raises(ReportError, match=message) as caught:
        read_report(write(tmp_path, "bomb.docx", data))
    assert "bomb.docx" in str(caught.value) and "\n" not in str(caught.value)


def test_the_published_samples_read_as_their_text_exports(sample_paths):
    """data/reports holds the samples as the main job reads them, one as a Word file (as the region publishes
    them, made by scripts/make_sample_docx.py): each reads into the events of the text the tests use."""
    published = Path(__file__).resolve().parents[3] / "data" / "reports"
    assert {p.suffix for p in published.iterdir()} == {".docx", ".txt"}
    for name, text in sample_paths.items():
        [path] = [p for p in published.iterdir() if p.stem == name]
        assert [e.cells for e in read_report(path).events] == [e.cells for e in read_report(text).events], name


def test_many_files_read_side_by_side_are_read_as_one_by_one_each_error_in_its_place(tmp_path, sample_paths,
                                                                                     docx_samples):
    import shutil

    from nlp.reading.report import READ_IN_PROCESSES_FROM, read_reports

    files = [*sample_paths.values(), *docx_samples.values()] * (READ_IN_PROCESSES_FROM // 4 + 1)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    files[3:3] = [tmp_path / "empty.txt"]
    files.append(tmp_path / "broken.docx")
    moved = tmp_path / "moved.txt"  # a file gone between listing and reading
    shutil.copy(sample_paths["2024-Q1"], moved)
    files.insert(7, moved)
    moved.unlink()
    assert len(files) >= READ_IN_PROCESSES_FROM

    def one_by_one(path):
        try:
            return read_report(path)
        except ReportError as error:
            return error
    alone = [one_by_one(path) for path in files]
    together = read_reports(files, workers=2)
    assert [type(outcome) for outcome in together] == [type(outcome) for outcome in alone]
    assert [str(outcome) if isinstance(outcome, ReportError) else outcome for outcome in together] == \
        [str(outcome) if isinstance(outcome, ReportError) else outcome for outcome in alone]
    assert sum(isinstance(outcome, ReportError) for outcome in together) == 3
    assert [error.source for error in together if isinstance(error, ReportError)] == \
        [str(tmp_path / name) for name in ("empty.txt", "moved.txt", "broken.docx")]


def test_a_word_bookmark_the_export_writes_is_no_text(tmp_path):
    """The text export writes Word's bookmarks as «[bookmark: _GoBack]»: no word of the report, so neither
    the cell nor its text as published holds it."""
    marked = SAMPLE.format(dates="5 мая 2025").replace("\tСпортсмены (12 человек)",
                                                       "\t[bookmark: _GoBack]Спортсмены (12 человек)")
    assert "[bookmark: _GoBack]" in marked
    text = write(tmp_path, "marked.txt", marked.encode())
    word = write_docx_table(read_text_table(marked), tmp_path / "marked.docx")  # the mark as the Word file's text
    for report in (read_report(text), read_report(word)):
        cell = report.events[0].cell(Field.PARTICIPANTS)
        assert cell.text == "Спортсмены (12 человек)" and cell.raw == "Спортсмены (12 человек)"


@pytest.mark.parametrize(("heading", "period"), [
    ("Отчет о мероприятиях … во II квартале 2025 года", "2025-Q2"),
    ("Отчет о мероприятиях за 2-й квартал 2025г.", "2025-Q2"),
    ("Отчет о мероприятиях во втором квартале 2025 года", "2025-Q2"),
    ("Отчет о мероприятиях в ЧЕТВЁРТОМ квартале 2024 г.", "2024-Q4"),
    ("Отчет о мероприятиях за I кв. 2024 г.", "2024-Q1"),
    ("Отчет о мероприятиях за июль – сентябрь 2025 года", "2025-Q3"),
])
def test_the_quarter_is_read_as_a_heading_writes_it(heading, period):
    assert read_period(heading, "отчёт.txt") == period


@pytest.mark.parametrize("heading", ["Отчет о мероприятиях за I полугодие 2025 года",
                                     "Отчет о мероприятиях за май – июнь 2025 года"])
def test_a_period_that_is_no_quarter_is_none(heading):
    assert read_period(heading, "отчёт.txt") is None


def test_a_table_without_a_header_row_reads_its_columns_in_the_samples_order(tmp_path):
    """No header: the first cell is a section heading, though it holds a header's word («информации»)."""
    text = ("Отчет о мероприятиях во II квартале 2025 года\n\n\tСотрудничество в сфере информационной политики\n\n"
            "\t1. \n\tВизит делегации\n\tг. Минск\n\t5 мая 2025 года\n\tВстреча\n\tДелегация\n")
    report = read_report(write(tmp_path, "r.txt", text.encode()))
    [event] = report.events
    assert (event.sphere, event.title, event.cell(Field.PARTICIPANTS).text) == (
        "Сотрудничество в сфере информационной политики", "Визит делегации", "Делегация")
    assert report.errors == ()


@pytest.mark.parametrize("heading_column", [0, 1])
def test_a_heading_in_one_cell_of_a_row_not_merged_is_a_heading_and_an_empty_row_nothing(tmp_path, heading_column):
    rows = [("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники"),
            tuple("Сотрудничество в сфере культуры" if index == heading_column else "" for index in range(6)),
            ("1.", "Визит делегации", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация"),
            ("",) * 6,
            ("2.", "Турнир", "г. Минск", "6 мая 2025 года", "Игры", "Спортсмены")]
    table = Table(("Отчет о мероприятиях во II квартале 2025 года",), tuple(rows),
                  tuple(f"строка {index}" for index in range(len(rows))))
    report = read_report(write_docx_table(table, tmp_path / "r.docx"))
    assert [(e.number, e.sphere) for e in report.events] == [(1, "Сотрудничество в сфере культуры"),
                                                             (2, "Сотрудничество в сфере культуры")]
    assert report.errors == ()


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_title_written_in_the_table_above_its_header_is_the_heading(tmp_path, kind):
    header = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")
    rows = [("Отчет о мероприятиях в международной сфере во II квартале 2025 года",), header,
            ("Сотрудничество в сфере культуры",),
            ("1.", "Визит делегации", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация")]
    table = Table((), tuple(rows), tuple(f"строка {index}" for index in range(len(rows))))
    path = (write(tmp_path, "r.txt", _as_text(table).encode()) if kind == "txt"
            else write_docx_table(table, tmp_path / "r.docx"))
    report = read_report(path)
    assert report.id == "2025-Q2" and "во II квартале 2025 года" in report.title
    assert [(e.title, e.sphere) for e in report.events] == [("Визит делегации", "Сотрудничество в сфере культуры")]
    assert report.errors == ()


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_the_header_written_again_where_the_table_goes_on_is_no_heading(tmp_path, kind):
    """A table cut in two, or its header repeated on the next page, exports the header's cells again between rows:
    cell by cell they read as section headings, and the last («Участники») was the next events' sphere."""
    header = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Цель", "Участники")
    rows = [header, ("Сотрудничество в сфере культуры",),
            ("1.", "Визит делегации", "г. Минск", "5 мая 2025 года", "Встреча", "Делегация"), header,
            ("2.", "Турнир", "г. Минск", "6 мая 2025 года", "Игры", "Спортсмены")]
    table = Table(("Отчет о мероприятиях во II квартале 2025 года",), tuple(rows),
                  tuple(f"строка {index}" for index in range(len(rows))))
    path = (write(tmp_path, "r.txt", _as_text(table).encode()) if kind == "txt"
            else write_docx_table(table, tmp_path / "r.docx"))
    report = read_report(path)
    assert [(e.number, e.sphere) for e in report.events] == [(1, "Сотрудничество в сфере культуры"),
                                                             (2, "Сотрудничество в сфере культуры")]
    assert report.errors == ()
