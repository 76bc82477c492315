"""Reading a report published as a Word document: what Word shows of a cell, a table cut in two, the tables that
are not the report's, a header over two rows."""

from __future__ import annotations

import copy

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nlp.reading.report import decode, read_report
from nlp.reading.text import read_text_table
from nlp.reading.word import write_docx_table
from nlp.records import Event, Field
from tests.nlp.reading.test_report import SAMPLE


def _runs(xml: str):
    return list(parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'))


def test_a_word_cells_text_is_all_word_shows(tmp_path):
    """Words in a tracked insertion, a smart tag, a content control and a field's result are the cell's text; a
    tracked deletion and a field's code are not. A table inside a cell is its text too."""
    table = read_text_table(SAMPLE.format(dates="5 мая 2025 года"))
    path = write_docx_table(table, tmp_path / "r.docx")
    document = Document(str(path))
    word_table = document.tables[0]
    place = word_table.rows[-1].cells[2].paragraphs[0]._p  # «г. Смоленск» of row 2
    for run in place.xpath("w:r"):
        place.remove(run)
    place.extend(_runs(
        '<w:r><w:t xml:space="preserve">г. </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>Москва</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>Смол</w:t></w:r></w:ins>'
        '<w:smartTag w:uri="urn:x" w:element="City"><w:r><w:t>енск</w:t></w:r></w:smartTag>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:sdt><w:sdtContent><w:r><w:t>, центр</w:t></w:r>'
        '</w:sdtContent></w:sdt><w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    word_table.rows[-1].cells[5].add_table(rows=1, cols=2).rows[0].cells[1].text = "Министерство культуры"
    document.save(str(path))
    event = read_report(path).events[1]
    assert event.cell(Field.PLACE).text == "г. Смоленск, центр"
    assert event.cell(Field.PARTICIPANTS).text.split("\n") == ["Делегация", "Министерство культуры"]


def test_a_word_table_cut_in_two_reads_as_one(tmp_path, sample_paths):
    """An edit cut the report's table in two: «Продолжение таблицы» and a section heading as paragraphs between,
    the header repeated; a signature's table of two columns closes the document. The events are the text's."""
    text = read_report(sample_paths["2024-Q1"])
    table = read_text_table(decode(sample_paths["2024-Q1"].read_bytes()))
    path = write_docx_table(table, tmp_path / "cut.docx")
    document = Document(str(path))
    first = document.tables[0]._tbl
    rows = first.xpath("w:tr")
    cut = next(index for index, row in enumerate(rows) if index > 10 and len(row.xpath("w:tc")) == 1)  # a heading
    second = copy.deepcopy(first)
    for row in rows[cut:]:
        first.remove(row)
    for row in second.xpath("w:tr")[1:cut + 1]:  # keeps the header, then the heading's row goes too
        second.remove(row)
    heading = table.rows[cut][0]
    first.addnext(second)
    for line in reversed(["Продолжение таблицы", heading]):
        first.addnext(copy.deepcopy(document.paragraphs[0]._p))
        first.getnext().xpath("w:r/w:t")[0].text = line
        for extra in first.getnext().xpath("w:r")[1:]:
            first.getnext().remove(extra)
    signature = document.add_table(rows=1, cols=2)
    signature.rows[0].cells[0].text, signature.rows[0].cells[1].text = "Министр", "И.И. Иванов"
    document.save(str(path))
    report = read_report(path)
    assert len(document.tables) == 3 and report.errors == ()

    def read(event: Event) -> dict:  # all but the row of the table, which the repeated header moves on
        return {key: value for key, value in event.to_dict().items() if key != "row"}

    assert [read(e) for e in report.events] == [read(e) for e in text.events]


def test_an_approval_stamps_table_before_the_reports_is_passed_over(tmp_path):
    path = write_docx_table(read_text_table(SAMPLE.format(dates="5 мая 2025 года")), tmp_path / "r.docx")
    document = Document(str(path))
    stamp = document.add_table(rows=1, cols=2)
    stamp.rows[0].cells[1].text = "УТВЕРЖДАЮ\nЗаместитель Губернатора Смоленской области"
    document.paragraphs[0]._p.addprevious(stamp._tbl)
    document.save(str(path))
    report = read_report(path)
    assert [e.title for e in report.events] == ["Турнир по самбо", "Визит делегации"]
    assert report.errors == ()


def test_a_word_header_over_two_rows_reads_by_its_wider_row(tmp_path):
    """«Мероприятие» over «Наименование», «Место проведения» and «Сроки проведения»; the other columns' cells
    merged down both rows."""
    document = Document()
    document.add_paragraph("Отчет о мероприятиях во II квартале 2025 года")
    table = document.add_table(rows=2, cols=6)
    for column, text in ((0, "№ п/п"), (4, "Цель, содержание и результат"), (5, "Участники мероприятия")):
        table.cell(0, column).merge(table.cell(1, column)).text = text
    table.cell(0, 1).merge(table.cell(0, 3)).text = "Мероприятие"
    for column, text in ((1, "Наименование"), (2, "Место проведения"), (3, "Сроки проведения")):
        table.cell(1, column).text = text
    for texts in (("Сотрудничество в сфере культуры",), ("1.", "Визит делегации", "г. Минск", "5 мая 2025 года",
                                                          "Встреча", "Делегация")):
        cells = table.add_row().cells
        if len(texts) == 1:
            cells = [cells[0].merge(cells[-1])]
        for cell, text in zip(cells, texts, strict=False):
            cell.text = text
    document.save(str(tmp_path / "r.docx"))
    report = read_report(tmp_path / "r.docx")
    [event] = report.events
    assert [event.cell(field).text for field in Field] == ["Визит делегации", "г. Минск", "5 мая 2025 года",
                                                           "Встреча", "Делегация"]
    assert event.sphere == "Сотрудничество в сфере культуры" and report.errors == ()
