"""Turn a report file (.docx or its text export) into a Report of Event records."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import takewhile
from pathlib import Path

from nlp.errors import ReportError, grouped, printable
from nlp.limits import READ_SECONDS, OverTime, time_limit
from nlp.reading.clean import clean
from nlp.reading.columns import column_map, names_columns
from nlp.reading.dates import month_number, named_quarter, parse_date_range
from nlp.reading.facts import is_remote, participant_count, read_summary
from nlp.reading.text import ROW_NUMBER, read_text_table, section_name
from nlp.reading.word import NotADocx, read_docx_table
from nlp.records import FIELDS, Cell, Event, Field, Report, ReportFile, Summary, Table

REPORT_SUFFIXES = (".txt", ".docx")
# formats a report may be published in that are not read: a folder's such file is named, with what to do, not
# passed over in silence (`unread_files`); one given by name is an error
UNREAD_SUFFIXES = (".doc", ".rtf", ".odt", ".pdf")
_UNREAD_FORMATS = ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "документ Word 97–2003 (.doc)"), (b"{\\rtf", "документ RTF"),
                   (b"%PDF-", "документ PDF"))
# a quarter's months: «за апрель – июнь 2025 года»
_MONTHS = re.compile(r"\b([а-яё]+)\s*[-–—]\s*([а-яё]+)\s+(\d{4})", re.IGNORECASE)
# a report of a half-year, nine months or a year, which no quarter names: said so, not «не отчёт»
_LONGER_PERIOD = re.compile(r"(?:[а-яё]+\s+)?полугоди[а-яё]*(?:\s+\d{4})?|(?:9|девять)\s+месяц[а-яё]*(?:\s+\d{4})?"
                            r"|за\s+\d{4}\s+год\b", re.IGNORECASE)
MAX_CELL_CHARS = 20_000  # the longest cell of the samples has 2,600; a longer one is cut, with an error
MAX_FILE_BYTES = 50 * 2**20  # a quarterly report is well under 1 MB
_FILE_PERIOD = re.compile(r"(\d{4})-Q([1-4])")
# control characters a text export should not hold (a NUL from a broken save); tab and line breaks are text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_SHARE = 0.05  # more control bytes than this in the first 4 KiB: not a text report at all


def collapse(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) collapsed to single spaces.

    >>> collapse(" 22-25 мая \\n2025\\xa0года ")
    '22-25 мая 2025 года'
    """
    return " ".join(text.split())


def normalize_cell(text: str) -> str:
    """Spaces collapsed within each line; lines kept (they separate list items); blank lines dropped."""
    return "\n".join(line for line in (collapse(part) for part in text.split("\n")) if line)


def decode(data: bytes) -> str:
    """Text of a text export: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1251.

    A byte that its encoding cannot read (a cut UTF-16 file, cp1251's unused 0x98) becomes U+FFFD.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def read_period(heading: str, source: str) -> str | None:
    """`YYYY-QN` from the heading ("во II квартале 2025 года", "во втором квартале", "за апрель – июнь 2025
    года"), else from the file name.

    >>> read_period("Отчет ... во II квартале 2025 года", "x.txt")
    '2025-Q2'
    """
    if (named := named_quarter(heading)) and named[1]:
        return f"{named[1]}-Q{named[0]}"
    for months in _MONTHS.finditer(heading):
        first, last = month_number(months.group(1)), month_number(months.group(2))
        if first and last and first % 3 == 1 and last == first + 2:
            return f"{months.group(3)}-Q{last // 3}"
    if match := _FILE_PERIOD.search(Path(source).name):
        return f"{match.group(1)}-Q{match.group(2)}"
    return None


def _field_texts(cells: tuple[str, ...], columns: dict[Field, int]) -> tuple[str, ...]:
    return tuple(cells[columns[name]] if name in columns and columns[name] < len(cells) else "" for name in FIELDS)


def _event(report: str, cells: tuple[str, ...], published: tuple[str, ...], columns: dict[Field, int], sphere: str,
           row: int, year: int | None, warn: list[str], errors: list[str], where: str) -> Event:
    """The event of a numbered row: `cells` cleaned (nlp.reading.clean), `published` as they were."""
    number = int(ROW_NUMBER.match(cells[0]).group(1))  # type: ignore[union-attr]
    texts = []
    for name, text in zip(FIELDS, _field_texts(cells, columns), strict=True):
        if len(text) > MAX_CELL_CHARS:
            errors.append(f"{where} (№ {number}): в ячейке «{name.label}» знаков: {grouped(len(text))}, больше "
                          f"{grouped(MAX_CELL_CHARS)}; прочитаны первые {grouped(MAX_CELL_CHARS)}")
            text = text[:MAX_CELL_CHARS]
        texts.append(text)
    raw = [text[:MAX_CELL_CHARS] for text in _field_texts(published, columns)]
    event_cells = tuple(Cell(collapse(text) if name in (Field.TITLE, Field.PLACE, Field.DATES)
                             else normalize_cell(text), original)
                        for name, text, original in zip(FIELDS, texts, raw, strict=True))
    values = {name: cell.text for name, cell in zip(FIELDS, event_cells, strict=True)}
    span = parse_date_range(values[Field.DATES], year, int(report[-1]))
    if span is None:
        warn.append(f"{where} (№ {number}): сроки «{values[Field.DATES]}» не прочитаны; даты оставлены пустыми")
    return Event(
        report=report, number=number, row=row, sphere=sphere, cells=event_cells,
        start=span[0] if span else None, end=span[1] if span else None,
        participant_count=participant_count(values[Field.PARTICIPANTS], values[Field.DESCRIPTION]),
        remote=is_remote(values[Field.TITLE], values[Field.PLACE], values[Field.DESCRIPTION]),
    )


def _is_header(cells: tuple[str, ...]) -> bool:
    return bool(cells) and not ROW_NUMBER.match(cells[0]) and names_columns(cells)


def _is_column_numbers(cells: tuple[str, ...]) -> bool:
    return len(cells) > 2 and [c.strip().rstrip(".") for c in cells] == [str(i) for i in range(1, len(cells) + 1)]


# what a conversion writes for a Word bookmark, which is no text of the report ("[bookmark: _GoBack]": where Word's
# cursor last was); the samples' text export and the Word file made from it hold them as text
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")


def _unmarked(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """The rows' cells without bookmark marks, in the text as published too."""
    return [tuple(_BOOKMARK.sub("", cell) if "[bookmark: " in cell else cell for cell in cells) for cells in rows]


MAX_TITLE_ROWS = 3  # rows of a title written inside the table, above its header


def _title_rows(rows: list[tuple[str, ...]]) -> int:
    """How many of the first rows are the report's title written inside the table, above its header row: rows of
    one text each («Отчет о мероприятиях … во II квартале 2025 года»), then the header."""
    for index, cells in enumerate(rows[:MAX_TITLE_ROWS + 1]):
        if _is_header(cells):
            return index
        if sum(bool(cell.strip()) for cell in cells) > 1 or (cells and ROW_NUMBER.match(cells[0])):
            return 0
    return 0


def parse_table(table: Table, source: str, checksum: str) -> Report:
    """Events, summary and problems of a report read into a Table."""
    rows = [(tuple(clean(cell) for cell in cells), location, cells)
            for cells, location in zip(_unmarked(table.rows), table.locations, strict=True)]
    titles = _title_rows([cells for cells, _, _ in rows])
    heading = collapse(clean(" ".join((*table.heading, *(" ".join(cells) for cells, _, _ in rows[:titles])))))
    rows = rows[titles:]
    report_id = read_period(heading, source)
    if report_id is None and (longer := _LONGER_PERIOD.search(heading)):
        raise ReportError(source, f"отчёт не за квартал («{longer.group(0)}»): граф ведётся по кварталам; "
                                  "сохраните мероприятия каждого квартала отдельным отчётом")
    if report_id is None:
        raise ReportError(source, "не отчёт: в заголовке нет квартала («во II квартале 2025 года»)")
    year = int(report_id[:4])
    if not rows or not any(cells and ROW_NUMBER.match(cells[0]) for cells, _, _ in rows):
        raise ReportError(source, "не отчёт: нет таблицы мероприятий (нет строки с номером «1.»)")
    # a header over two rows (a column «Мероприятие» over «Наименование», «Место», «Сроки»): its widest row
    headers = list(takewhile(lambda row: _is_header(row[0]), rows))
    header = max((cells for cells, _, _ in headers), key=len, default=())
    columns = column_map(header) if header else {name: i + 1 for i, name in enumerate(FIELDS)}
    width = len(header) or len(FIELDS) + 1
    warnings: list[str] = []
    errors: list[str] = []
    missing = [f"«{name.label}»" for name in FIELDS if name not in columns]
    if missing:
        errors.append(f"{source}: в таблице столбцов: {width}, нет столбца {', '.join(missing)}; оставлено пустым")
    events: list[Event] = []
    numbers: set[int] = set()
    sphere = ""
    summary: Summary | None = None
    for index, (cells, location, published) in enumerate(rows[1 if headers else 0:], 2 if headers else 1):
        where = f"{source}: {location}"
        if controls := sum(len(_CONTROL.findall(cell)) for cell in published):
            label = f" (№ {numbered.group(1)})" if cells and (numbered := ROW_NUMBER.match(cells[0])) else ""
            errors.append(f"{where}{label}: из текста убраны управляющие символы (NUL и подобные): {controls}")
        if not cells or _is_header(cells) or _is_column_numbers(cells):
            continue
        if not (number := ROW_NUMBER.match(cells[0])):
            text = collapse(" ".join(cells))
            # a heading written in one cell of a row not merged («Сотрудничество…», then empty cells) is a heading
            if sum(bool(cell.strip()) for cell in cells) > 1:
                errors.append(f"{where}: строка без номера (ячеек: {len(cells)}); пропущена")
            elif found := read_summary(text):
                summary = found
            elif text:
                sphere = section_name(text)
            continue
        if len(cells) != width:
            errors.append(f"{where} (№ {number.group(1)}): ячеек {len(cells)}, а столбцов {width}; "
                          "прочитано, что есть")
        event = _event(report_id, cells, published, columns, sphere, index, year, warnings, errors, where)
        if event.number in numbers:
            errors.append(f"{where}: номер {event.number} повторяется; вторая строка пропущена")
            continue
        numbers.add(event.number)
        events.append(event)
    for text in table.trailing:
        summary = read_summary(collapse(clean(text))) or summary
    return Report(id=report_id, title=heading, source=source, checksum=checksum, events=tuple(events),
                  summary=summary, warnings=tuple(warnings), errors=tuple(errors))


def read_report(path: Path | str) -> Report:
    """Read one report file, detecting .docx or text from its content.

    Raises:
        ReportError: the file is empty, unreadable or not a report.
    """
    path = Path(path)
    source = printable(str(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportError(source, f"не читается: {error.strerror}") from error
    if not data.strip():
        raise ReportError(source, "пустой файл")
    if len(data) > MAX_FILE_BYTES:
        raise ReportError(source, f"отклонён: {len(data) // 2**20} МиБ, больше {MAX_FILE_BYTES // 2**20} МиБ "
                                  "(квартальный отчёт много меньше 1 МБ)")
    try:
        with time_limit(READ_SECONDS):
            return _read_bytes(data, path, source)
    except OverTime as error:
        raise ReportError(source, f"не прочитан: {error}") from error


READ_IN_PROCESSES_FROM = 16  # files: fewer are read here, where starting the processes would cost more


def read_reports(paths: Sequence[Path | str], workers: int | None = None) -> list[Report | ReportError]:
    """Each file read as `read_report` reads it, in the order given: its report, or the error that says why
    it cannot be read. Many files are read in a process per core (`workers`, by default one per core): a
    report takes ~25 ms, and a store's first build at 100× the samples read its 200 files in 5 s in one."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < READ_IN_PROCESSES_FROM:
        return [_read_or_why(path) for path in paths]
    # spawned, not forked: the caller may hold a store whose threads a fork would not carry
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context) as pool:
        return list(pool.map(_read_or_why, paths, chunksize=max(1, len(paths) // (4 * workers))))


def _read_or_why(path: Path | str) -> Report | ReportError:
    try:
        return read_report(path)
    except ReportError as error:
        return error


def report_file(path: Path | str) -> ReportFile:
    """A report file with its checksum, not read: a build reads it only if the store lacks that checksum."""
    path = Path(path)
    try:
        checksum = file_checksum(path.read_bytes()) if path.stat().st_size <= MAX_FILE_BYTES else ""
    except OSError:
        checksum = ""
    return ReportFile(str(path), printable(str(path)), checksum)


def file_checksum(data: bytes) -> str:
    """A report's checksum: of its file's bytes, so that an unchanged file is known before it is read."""
    return hashlib.sha256(data).hexdigest()


def _unread_format(data: bytes) -> str | None:
    """What a document this reader cannot read is, by its first bytes."""
    if data.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument" in data[:100]:
        return "документ OpenDocument (.odt)"  # its first entry, stored as it is, names its type
    return next((name for magic, name in _UNREAD_FORMATS if data.startswith(magic)), None)


def _read_bytes(data: bytes, path: Path, source: str) -> Report:
    checksum = file_checksum(data)
    if unread := _unread_format(data):
        raise ReportError(source, f"{unread}: такой формат не читается; сохраните отчёт как .docx или как текст")
    if data.startswith(b"PK\x03\x04"):
        try:
            table = read_docx_table(data)
        except NotADocx as error:
            raise ReportError(source, str(error)) from error
    elif path.suffix.lower() == ".docx":
        raise ReportError(source, "не документ Word (не zip-архив); сохраните его как .docx или как текст")
    elif _looks_binary(data):
        raise ReportError(source, "не отчёт: двоичные данные")
    else:
        table = read_text_table(decode(data))
    return parse_table(table, source, checksum)


def _looks_binary(data: bytes) -> bool:
    """Mostly control bytes at the start, as an image or an archive has; a stray NUL in a text is
    no reason to throw the text away (its row is cleaned and reported)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:4096].decode("latin-1")  # one character per byte
    return len(_CONTROL.findall(head)) > BINARY_SHARE * len(head)


def report_files(paths: list[Path]) -> Iterator[Path]:
    """The report files among PATHS, folders expanded (sorted), in the order given."""
    for path in paths:
        if path.is_dir():
            yield from _folder_files(path, REPORT_SUFFIXES)
        else:
            yield path


def unread_files(paths: list[Path]) -> list[Path]:
    """The documents in the folders among PATHS that are of a format not read (.doc, .pdf): each is said, not
    read; a file given by name is read, and its format refused with what to do."""
    return [file for path in paths if path.is_dir() for file in _folder_files(path, UNREAD_SUFFIXES)]


def _folder_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                  and not p.name.startswith((".", "~$")))
