"""Read a report published as a Word document: paragraphs, then the event table."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from lxml import etree

from nlp.errors import grouped
from nlp.reading.columns import names_columns
from nlp.reading.text import ROW_NUMBER, is_section_heading
from nlp.reading.word_numbering import ListNumbers, W
from nlp.records import Table

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a report is a few MB; more is a zip bomb
MAX_PARAGRAPHS = 200_000  # the samples have under 3,000; an XML tree of more would take gigabytes
MAX_CELLS = 100_000  # the samples' tables have under 1,000 cells
_CHUNK = 1 << 20
_PARAGRAPH = re.compile(rb"<w:p[\s>/]")
_CELL = re.compile(rb"<w:tc[\s>/]")
_TAG_TAIL = 4  # kept of each chunk for the next: a tag cut in two is found whole there (5+ bytes, never in 4)


class NotADocx(ValueError):
    """The bytes are not a readable Word document."""


def _check_zip(data: bytes) -> None:
    """Refuse a document before any XML tree is built: the bytes each part really inflates to are
    counted as they stream (a zip's own size fields can lie), and so are the document's paragraphs
    and table cells."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if "word/document.xml" not in {info.filename for info in infos}:
                raise NotADocx("не документ Word (в архиве нет word/document.xml)")
            unpacked = 0
            for info in infos:
                unpacked = _inflate(archive, info, unpacked)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
        raise NotADocx(f"не документ Word (архив повреждён: {error})") from error


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, unpacked: int) -> int:
    """Stream one part, adding its real size to `unpacked`; count paragraphs and cells in the document."""
    counted = info.filename == "word/document.xml"
    paragraphs = cells = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_UNPACKED_BYTES:
                raise NotADocx(f"отклонён: {info.filename} распаковывается больше чем в "
                               f"{MAX_UNPACKED_BYTES // 2**20} МиБ (столько может занять весь документ)")
            if counted:
                text = tail + chunk
                paragraphs += len(_PARAGRAPH.findall(text))
                cells += len(_CELL.findall(text))
                tail = text[-_TAG_TAIL:]
                if paragraphs > MAX_PARAGRAPHS:
                    raise NotADocx(f"отклонён: больше {grouped(MAX_PARAGRAPHS)} абзацев (в отчёте их несколько тысяч)")
                if cells > MAX_CELLS:
                    raise NotADocx(f"отклонён: больше {grouped(MAX_CELLS)} ячеек таблицы (в отчёте их несколько тысяч)")
    return unpacked


_NS = {"w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# What Word shows of a paragraph: its runs' text wherever they sit (in a tracked insertion, a smart tag, a content
# control, a field's result, a hyperlink; python-docx reads only runs and hyperlinks), not a tracked deletion, a
# field's code (w:instrText), the paragraph's tab stops or a text box's paragraphs.
_SHOWN = "not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:pPr or ancestor::w:txbxContent" \
         " or ancestor::mc:Fallback)"
_RUN_PARTS = etree.XPath(" | ".join(f".//w:{part}[{_SHOWN}]" for part in ("t", "tab", "ptab", "br", "cr",
                                                                          "noBreakHyphen")), namespaces=_NS)
# a cell's paragraphs, a table's inside it among them, in the order Word shows them
_CELL_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:txbxContent or ancestor::mc:Fallback)]", namespaces=_NS)
_LOCAL = {f"{{{W}}}{name}": text for name, text in (("tab", "\t"), ("ptab", "\t"), ("cr", "\n"),
                                                    ("noBreakHyphen", "-"))}


def _shown_text(paragraph) -> str:
    parts = []
    for element in _RUN_PARTS(paragraph):
        if element.tag == f"{{{W}}}t":
            parts.append(element.text or "")
        elif element.tag == f"{{{W}}}br":  # a line break; a page or column break shows no text
            parts.append("\n" if element.get(f"{{{W}}}type") in (None, "textWrapping") else "")
        else:
            parts.append(_LOCAL[element.tag])
    return "".join(parts)


def _text(paragraph, numbers: ListNumbers) -> str:
    """A paragraph's text (a `w:p`) after the number Word draws before it, as a text export writes it («1. »)."""
    label = numbers.label(paragraph)
    text = _shown_text(paragraph)
    return f"{label} {text}" if label else text


def _cell_texts(row, numbers: ListNumbers) -> tuple[str, ...]:
    """Texts of a row's cells; a merged cell, which python-docx repeats per grid column, counts once."""
    seen: list[object] = []
    texts: list[str] = []
    for cell in row.cells:
        if any(cell._tc is other for other in seen):
            continue
        seen.append(cell._tc)
        texts.append("\n".join(_text(paragraph, numbers) for paragraph in _CELL_PARAGRAPHS(cell._tc)).rstrip())
    return tuple(texts)


def read_docx_table(data: bytes) -> Table:
    """The heading paragraphs, the rows of the first table and the paragraphs after it."""
    _check_zip(data)
    try:
        return _read_document(Document(io.BytesIO(data)))
    except Exception as error:  # a damaged part fails deep in zlib, lxml or python-docx, each its own way
        message = " ".join(str(error).split())[:200] or "без подробностей"
        raise NotADocx(f"документ Word не читается ({type(error).__name__}: {message})") from error


def _table_cells(table: DocxTable, numbers: ListNumbers) -> list[tuple[str, ...]]:
    return [_cell_texts(row, numbers) for row in table.rows]


def _holds_events(rows: list[tuple[str, ...]]) -> bool:
    """Whether a table is the report's: a row of it names the columns or is numbered."""
    return any(cells and (ROW_NUMBER.match(cells[0]) or names_columns(cells)) for cells in rows)


def _read_document(document) -> Table:
    """The paragraphs before the table, its rows, and the paragraphs after it. A table of as many columns further
    on goes on with it (a report's table cut in two by an edit, «Продолжение таблицы» between), a section heading
    written between the two as a row of its own; any other table (a signature's) is no part of it, nor is a table
    before it that has neither a header nor a numbered row (an approval stamp's)."""
    heading: list[str] = []
    trailing: list[str] = []
    rows: list[tuple[str, ...]] = []
    locations: list[str] = []
    width = tables = 0
    between: list[str] = []  # paragraphs after a table, until another table says whether it goes on
    numbers = ListNumbers(document.part.numbering_part.element, document.styles.element)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if text := _text(block._p, numbers).strip():
                (between if rows else heading).append(text)
        elif isinstance(block, DocxTable):
            if rows and len(block.columns) != width:  # a signature's
                continue
            cells = _table_cells(block, numbers)
            if not rows and not _holds_events(cells):  # an approval stamp's
                continue
            tables += 1
            for text in between:
                if is_section_heading(text):
                    rows.append((text,))
                    locations.append(f"абзац перед таблицей {tables}")
                else:
                    trailing.append(text)
            between = []
            width = width or len(block.columns)
            rows.extend(cells)
            locations.extend(f"таблица {tables}, строка {index}" if tables > 1 else f"строка таблицы {index}"
                             for index in range(1, len(block.rows) + 1))
    return Table(tuple(heading), tuple(rows), tuple(locations), tuple(trailing + between))


def write_docx_table(table: Table, out: Path, *, numbered_rows: bool = False) -> Path:
    """A report table as a Word document, as the region publishes them: heading paragraphs, then one table
    (a section heading a merged row, a cell's paragraphs as paragraphs), then the closing text. With
    `numbered_rows`, the «№» cells are Word's list numbering, no text of theirs.

    The inverse of `read_docx_table` for what a report holds: reading the file gives the table back.
    """
    document = Document()
    for line in table.heading:
        document.add_paragraph(line)
    width = max(len(cells) for cells in table.rows)
    word_table = document.add_table(rows=0, cols=width)
    trailing = list(table.trailing)
    numbering = _RowNumbering(document) if numbered_rows else None
    for cells in table.rows:
        if len(cells) == 1 and cells is table.rows[-1]:
            trailing.insert(0, cells[0])  # the closing paragraph stands below the table in Word
            continue
        row = word_table.add_row()
        targets = row.cells
        if len(cells) == 1:
            targets = [targets[0].merge(targets[-1])]
        for target, text in zip(targets, cells, strict=False):
            lines = text.split("\n")
            target.text = lines[0]
            for line in lines[1:]:
                target.add_paragraph(line)
        if numbering and (number := ROW_NUMBER.match(cells[0])):
            numbering.number(targets[0].paragraphs[0], int(number.group(1)))
    for text in trailing:
        document.add_paragraph(text)
    document.save(str(out))
    return out


class _RowNumbering:
    """Rows numbered as Word numbers a list: a list «1.», «2.», … in the document's numbering, and a list
    restarting at a row's number where the table skips one."""

    def __init__(self, document) -> None:
        self._numbering = document.part.numbering_part.element
        self._abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in self._numbering.xpath("w:abstractNum")),
                                    default=-1)
        self._numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{self._abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
        self._num_id = 0
        self._next: int | None = None

    def number(self, paragraph: Paragraph, number: int) -> None:
        if number != self._next:
            self._num_id = 1 + max((int(n.get(qn("w:numId"))) for n in self._numbering.xpath("w:num")), default=0)
            self._numbering.append(parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{self._num_id}"><w:abstractNumId w:val="{self._abstract_id}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{number}"/></w:lvlOverride></w:num>'))
        self._next = number + 1
        paragraph.text = ""
        list_of = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        list_of.get_or_add_ilvl().val = 0
        list_of.get_or_add_numId().val = self._num_id
