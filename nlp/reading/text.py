"""Read the plain-text export of a report: a line led by a tab opens a table cell."""

from __future__ import annotations

import re
from functools import cache

from nlp.reading.columns import fields_named, names_columns
from nlp.records import Table
from nlp.resources import lexicon

ROW_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s*$")  # «1.», «1», «1)»
MAX_HEADING_CHARS = 250


@cache
def _heading_patterns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for (pattern,) in lexicon("section_headings")), re.I)


def is_section_heading(text: str) -> bool:
    """A cell that reads as a heading of the table's sections: short, and a heading's words with no figures after
    its own number, or a part's word and number before them («Раздел 2. Образование и наука»).

    >>> is_section_heading("Сотрудничество в сфере культуры и туризма")
    True
    >>> is_section_heading("2. Сотрудничество в сфере образования"), is_section_heading("Раздел II. Образование")
    (True, True)
    >>> is_section_heading("Делегация Смоленской области"), is_section_heading("1. Иванов И.И.")
    (False, False)
    """
    flat = " ".join(text.split())
    if len(flat) > MAX_HEADING_CHARS:
        return False
    if _PART.match(flat):
        return True
    name = section_name(flat)
    return not re.search(r"\d", name) and bool(_heading_patterns().search(name))


def section_name(text: str) -> str:
    """A section heading without its number, and a part's word before it («2. Сотрудничество в сфере образования»,
    «Раздел 2. Образование и наука»: the words after the number).

    >>> section_name("Раздел II. Образование и наука"), section_name("Сотрудничество в сфере культуры")
    ('Образование и наука', 'Сотрудничество в сфере культуры')
    """
    flat = " ".join(text.split())
    return _NUMBER.sub("", flat, count=1) or flat


# a section's number before its name: «2.», «II.», «Раздел 2.», «Часть II»
_NUMBER = re.compile(r"^(?:(?:раздел|часть)\s+)?(?:\d{1,2}|[IVXLC]{1,5})\s*[.)]?\s+(?=\D)", re.IGNORECASE)
_PART = re.compile(r"^(?:раздел|часть)\s+(?:\d{1,2}|[IVXLC]{1,5})\b", re.IGNORECASE)


def _cells(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Heading lines before the table, and (line number, text) of each cell."""
    heading: list[str] = []
    cells: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("\t"):
            cells.append((number, [line[1:]]))
        elif cells:
            cells[-1][1].append(line)
        elif line.strip():
            heading.append(line.strip())
    return heading, [(number, "\n".join(parts).rstrip()) for number, parts in cells]


def read_text_table(text: str) -> Table:
    """Group the cells of a text export into table rows.

    The header row is the run of leading cells that name columns; its length is
    the number of columns. A row-number cell opens an event row that takes the
    next cells up to that length; any other cell outside an open row stands alone
    (a section header or the closing paragraph).
    """
    heading, cells = _cells(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    titles = _title_cells([text for _, text in cells])
    heading, cells = heading + [text for _, text in cells[:titles]], cells[titles:]
    header_length = _header_length([text for _, text in cells])
    rows: list[list[str]] = []
    locations: list[str] = []
    if header_length:
        rows.append([text for _, text in cells[:header_length]])
        locations.append(f"строка {cells[0][0]}")
    columns = header_length or 6
    is_open = False
    following = cells[header_length:]
    header = [text for _, text in cells[:header_length]]
    repeated = 0  # cells left of a repeated header being passed over
    for index, (line, cell) in enumerate(following):
        if repeated:
            repeated -= 1
            continue
        if header and [text for _, text in following[index:index + header_length]] == header:
            # the header again, where the table goes on after a page or a cut: one row, which the reader passes over
            # (cell by cell, each was a section heading: the last, «Участники», became the next events' sphere)
            rows.append(header)
            locations.append(f"строка {line}")
            repeated, is_open = header_length - 1, False
            continue
        if ROW_NUMBER.match(cell):
            rows.append([cell])
            locations.append(f"строка {line}")
            is_open = True
        elif is_open and len(rows[-1]) < columns and not _closes_short_row(cell, following[index + 1:]):
            rows[-1].append(cell)
        else:
            rows.append([cell])
            locations.append(f"строка {line}")
            is_open = False
    return Table(tuple(heading), tuple(tuple(row) for row in rows), tuple(locations))


def _names_a_column(cell: str) -> bool:
    return cell.lstrip().startswith("№") or bool(fields_named(cell))


def _leading_run(cells: list[str]) -> int:
    """How many cells come before the first row number or section heading."""
    return next((index for index, cell in enumerate(cells) if ROW_NUMBER.match(cell) or is_section_heading(cell)),
                len(cells))


def _title_cells(cells: list[str]) -> int:
    """How many leading cells are the report's title written in the table above its header («Отчет о …»): the
    cells before the first that names a column, when those from it on make a header."""
    run = cells[:_leading_run(cells)]
    first = next((index for index, cell in enumerate(run) if _names_a_column(cell)), 0)
    return first if first and names_columns(run[first:]) else 0


def _header_length(cells: list[str]) -> int:
    """How many of the leading cells make the header row.

    They are the cells before the first row number or section heading, when they name the columns. A column
    they do not name counts among them; after the last named one, only as far as the first row has cells
    (there, a cell may be a section heading the lexicon does not know). Without such a header, the leading
    cells of those that name a column each.
    """
    run = _leading_run(cells)
    if not names_columns(cells[:run]):
        return next((index for index, cell in enumerate(cells[:run]) if not _names_a_column(cell)), run)
    named = max(index for index, cell in enumerate(cells[:run]) if _names_a_column(cell)) + 1
    if named == run:
        return run
    first = next((index for index in range(run, len(cells)) if ROW_NUMBER.match(cells[index])), len(cells))
    following = next((index for index in range(first + 1, len(cells))
                      if ROW_NUMBER.match(cells[index]) or is_section_heading(cells[index])), len(cells))
    return max(named, min(following - first, run))


def _closes_short_row(cell: str, rest: list[tuple[int, str]]) -> bool:
    """Whether `cell`, met while a row is still short of cells, is the next section's heading rather
    than the row's last cell: it reads as a heading and the next cell opens a row (or nothing follows).
    The row then stays short, and the report's reader says so, naming its line."""
    return is_section_heading(cell) and (not rest or bool(ROW_NUMBER.match(rest[0][1])))
