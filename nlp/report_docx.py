"""Read a report published as a Word document: paragraphs, then the event table."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from nlp.records import Table

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a report is a few MB; more is a zip bomb


class NotADocx(ValueError):
    """The bytes are not a readable Word document."""


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, EOFError) as error:
        raise NotADocx(f"not a Word document (broken zip: {error})") from error
    if "word/document.xml" not in names:
        raise NotADocx("not a Word document (a zip without word/document.xml)")
    if unpacked > MAX_UNPACKED_BYTES:
        raise NotADocx(f"refused: unpacks to {unpacked // 2**20} MiB, over {MAX_UNPACKED_BYTES // 2**20} MiB")


def _cell_texts(row) -> tuple[str, ...]:
    """Texts of a row's cells; a merged cell, which python-docx repeats per grid column, counts once."""
    seen: list[object] = []
    texts: list[str] = []
    for cell in row.cells:
        if any(cell._tc is other for other in seen):
            continue
        seen.append(cell._tc)
        texts.append("\n".join(paragraph.text for paragraph in cell.paragraphs).rstrip())
    return tuple(texts)


def read_docx_table(data: bytes) -> Table:
    """The heading paragraphs, the rows of the first table and the paragraphs after it."""
    _check_zip(data)
    try:
        return _read_document(Document(io.BytesIO(data)))
    except Exception as error:  # a damaged part fails deep in zlib, lxml or python-docx, each its own way
        message = " ".join(str(error).split())[:200] or "no detail"
        raise NotADocx(f"not a readable Word document ({type(error).__name__}: {message})") from error


def _read_document(document) -> Table:
    heading: list[str] = []
    trailing: list[str] = []
    rows: list[tuple[str, ...]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                (trailing if rows else heading).append(block.text.strip())
        elif isinstance(block, DocxTable) and not rows:
            rows = [_cell_texts(row) for row in block.rows]
    locations = tuple(f"table row {index}" for index in range(1, len(rows) + 1))
    return Table(tuple(heading), tuple(rows), locations, tuple(trailing))
