"""Read the dates cell of a report row into an ISO date range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from nlp.resources import lexicon

_ENDINGS = ("", "ь", "я", "е", "ю", "ем", "й", "а", "у", "ом")
_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "перв": 1, "втор": 2, "трет": 3, "четв": 4}
# Digits are bounded by lookarounds, not \b: a year written close to its «г.» («28.02.2024г.», «2024г.») is still
# a year, where \b between «4» and «г» (both word characters) would lose it.
_TOKEN = re.compile(
    r"(?P<numeric>(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.]*\d))"
    r"|(?P<short>(?<![\d.])\d{1,2}\.\d{1,2}(?![\d.]*\d))"  # «05.02–09.02.2024», «с 31.01 по 02.02.2024»
    r"|(?P<month>(?<![\d.])(?:0?[1-9]|1[0-2])\.\d{4}(?![\d.]*\d))"  # a month of a year: «04.2026», «04-06.2026»
    r"|(?P<year>(?<![\d.])\d{4}(?!\d))"
    r"|(?P<day>(?<![\d.])\d{1,2}(?![\d.]*\d))"
    r"|(?P<word>[А-Яа-яЁё]+)"
)
# «II квартал 2025 года», «во 2-м квартале», «во втором квартале», «за I кв. 2024 г.»
_QUARTER = re.compile(r"\b(IV|I{1,3}|[1-4]|перв|втор|трет|четв)[а-яё]*\s*(?:-?[ймго]{1,2})?\s+(?:квартал\w*|кв\.)"
                      r"(?:\s*(\d{4}))?", re.IGNORECASE)
# quarters one to another: «2-3 квартал 2025», «II–III кварталы 2025 года», «1-2 кв. 2024 г.»
_QUARTERS = re.compile(r"\b(IV|I{1,3}|[1-4])\s*(?:-?[йго]{1,2})?\s*[–—-]\s*(IV|I{1,3}|[1-4])\s*(?:-?[йго]{1,2})?\s+"
                       r"(?:квартал\w*|кв\.)(?:\s*(\d{4}))?", re.IGNORECASE)
# «I полугодие 2025 года», «во втором полугодии», «1-е полугодие 2025 г.»
_HALF = re.compile(r"\b(I{1,2}|[12]|перв|втор)[а-яё]*\s*(?:-?[еоийм]{1,2})?\s+полугоди\w*(?:\s*(\d{4}))?",
                   re.IGNORECASE)
# a whole year: «2025 год», «в течение 2025 года»
_YEAR = re.compile(r"(?:(?:в\s+течение|на\s+протяжении|весь|за|в)\s+)?(\d{4})\s*(?:г\.?|год\w*)?\W*", re.IGNORECASE)
# an academic year: «2025/2026 учебный год», «в течение 2025-2026 учебного года», «2025–2026 уч. год»: from the first
# of September to the end of June, its teaching and its examinations
_ACADEMIC_YEAR = re.compile(r"(\d{4})\s*[/–—-]\s*(\d{4})\s*(?:учебн\w*|уч\.)\s*год\w*", re.IGNORECASE)
# years whole: «2025–2026 годы», «в 2025-2026 гг.»
_YEARS = re.compile(r"(?:(?:в\s+течение|на\s+протяжении|в)\s+)?(\d{4})\s*[–—-]\s*(\d{4})\s*(?:гг\.?|год\w*)\W*",
                    re.IGNORECASE)
# a time of day, which says nothing of the dates: «10:00», «в 11.00», «10.30» (no month 30), «3 часа»
_TIME = re.compile(r"(?<![\d.])(?:\d{1,2}:\d{2}|\d{1,2}\.(?:00|1[3-9]|[2-5]\d))(?![\d.]*\d)"
                   r"|\bв\s+\d{1,2}\.\d{2}(?![\d.]*\d)|\b\d+\s*(?:час|мин|ч\b)[а-яё]*", re.IGNORECASE)
# the quarter a report covers, named without its number: «в течение квартала», «весь отчётный период», «весь
# период», «в течение всего периода»; or an event held over and over through it: «ежемесячно», «еженедельно»,
# «постоянно» (each time within the report's quarter)
_THIS_QUARTER = re.compile(r"(?:(?:в\s+течение(?:\s+всего)?|на\s+протяжении(?:\s+всего)?|весь|всего|в)\s+)?"
                           r"(?:отч[её]тн\w+\s+(?:квартал|период)\w*|квартал[аеу]?|период[аеу]?)\W*"
                           r"|(?:ежедневно|еженедельно|ежемесячно|постоянно|регулярно)\W*", re.IGNORECASE)


# a ten days' part of a month or its half: «1-я декада мая», «во второй декаде июня», «в третьей декаде апреля
# 2025 г.», «2 половина октября», «в первой половине мая»
_PART = re.compile(r"\b(?:в\s+|во\s+)?([1-3]|перв|втор|трет)[а-яё]*\s*(?:-?[йяе]{1,2})?\s+(декад|половин)\w*"
                   r"\s+([А-Яа-яЁё]+)(?=(?:\s+(\d{4}))?)", re.IGNORECASE)
_PART_NUMBERS = {"1": 1, "2": 2, "3": 3, "перв": 1, "втор": 2, "трет": 3}
_PARTS = {"декад": (10, 3), "половин": (15, 2)}  # the days each part but a month's last holds, and how many parts


@dataclass(slots=True)
class _Point:
    day: int | None
    month: int | None
    year: int | None = None
    year_given: bool = False


@cache
def _month_forms() -> dict[str, int]:
    return {stem + ending: int(number) for stem, number in lexicon("months") for ending in _ENDINGS}


def month_number(word: str) -> int | None:
    """The month a Russian month word names, in any case form.

    >>> month_number("мая"), month_number("Апрель"), month_number("масса")
    (5, 4, None)
    """
    return _month_forms().get(word.lower().replace("ё", "е"))


@cache
def _month_abbreviations() -> dict[str, int]:
    return {word: int(number) for word, number in lexicon("month_abbreviations")}


def _month_parts(text: str, default_year: int | None) -> str:
    """A month's decades and halves as the days they cover: «2-я декада мая» -> «11-20 мая», «2 половина октября» ->
    «16-31 октября»; the last part to the month's last day."""
    def days(match: re.Match[str]) -> str:
        month = month_number(match.group(3))
        (size, parts), number = _PARTS[match.group(2).lower()], _PART_NUMBERS[match.group(1).lower()]
        if month is None or number > parts:
            return match.group()
        year = int(match.group(4)) if match.group(4) else default_year or 2001  # (a year not leap, for February)
        last = calendar.monthrange(year, month)[1] if number == parts else size * number
        return f"{size * (number - 1) + 1}-{last} {match.group(3)}"
    return _PART.sub(days, text)


def _points(text: str) -> list[_Point] | None:
    points: list[_Point] = []
    waiting: list[_Point] = []  # days whose month comes later ("22-25 мая", "22-25.05.2025")
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind in ("numeric", "short"):
            day, month, *year = (int(part) for part in value.split("."))
            point = _Point(day, month)
            for earlier in waiting:
                earlier.month = month
            waiting = []
            points.append(point)
            if year:
                _give_year(points, year[0] + 2000 if year[0] < 100 else year[0])
        elif kind == "month":
            month, whose_year = (int(part) for part in value.split("."))
            for earlier in waiting:  # the figures before it are months, not days: «04-06.2026»
                earlier.day, earlier.month = None, earlier.day
            waiting = []
            points.append(_Point(None, month))
            _give_year(points, whose_year)
        elif kind == "day":
            waiting.append(_Point(int(value), None))
            points.append(waiting[-1])
        elif kind == "word" and (named := month_number(value) or (
                _month_abbreviations().get(value.lower()) if text[match.end():match.end() + 1] == "." else None)):
            # (a month cut short with a full stop: «3 апр. 2025», «сент.»)
            if waiting:
                for point in waiting:
                    point.month = named
                waiting = []
            else:
                points.append(_Point(None, named))
        elif kind == "year":
            _give_year(points, int(value))
    if waiting or not points:
        return None
    return points


def _give_year(points: list[_Point], year: int) -> None:
    """A year written after a date is that date's, and the year of the dates before it that have none of their own:
    these only take it (`year_given` false), so that a range crossing New Year can move them back a year."""
    for point in points:
        if point.year is None:
            point.year = year
    if points:
        points[-1].year_given = True


def _span(point: _Point) -> tuple[date, date]:
    assert point.month is not None and point.year is not None
    if point.day is not None:
        day = date(point.year, point.month, point.day)
        return day, day
    last = calendar.monthrange(point.year, point.month)[1]
    return date(point.year, point.month, 1), date(point.year, point.month, last)


def named_quarter(text: str) -> tuple[int, int | None] | None:
    """The quarter a text names by its number, and the year written after it, if one is.

    >>> [named_quarter(text) for text in ("во II квартале 2025 года", "во втором квартале", "за I кв. 2024 г.")]
    [(2, 2025), (2, None), (1, 2024)]
    """
    if not (match := _QUARTER.search(text)):
        return None
    return _quarter_number(match.group(1)), int(match.group(2)) if match.group(2) else None


def _quarter_number(written: str) -> int:
    return _QUARTER_NUMBERS.get(written.lower()) or int(written)


def _period_range(text: str, default_year: int | None, default_quarter: int | None) -> tuple[date, date] | None:
    """The months of a quarter, a half-year or a year the text names, whole."""
    if (academic := _ACADEMIC_YEAR.search(text)) and int(academic.group(2)) == int(academic.group(1)) + 1:
        return date(int(academic.group(1)), 9, 1), date(int(academic.group(2)), 6, 30)
    if (quarters := _QUARTERS.search(text)) and _quarter_number(quarters.group(1)) < _quarter_number(quarters.group(2)):
        year = int(quarters.group(3)) if quarters.group(3) else default_year
        first, last = 3 * _quarter_number(quarters.group(1)) - 2, 3 * _quarter_number(quarters.group(2))
    elif named := named_quarter(text):
        quarter, year = named[0], named[1] or default_year
        first, last = 3 * quarter - 2, 3 * quarter
    elif default_quarter and _THIS_QUARTER.fullmatch(text.strip()):
        year, first, last = default_year, 3 * default_quarter - 2, 3 * default_quarter
    elif half := _HALF.search(text):
        number = half.group(1).lower()
        second = number in ("ii", "2", "втор")
        year, first, last = int(half.group(2)) if half.group(2) else default_year, 7 if second else 1, \
            12 if second else 6
    elif whole := _YEAR.fullmatch(text.strip()):
        year, first, last = int(whole.group(1)), 1, 12
    elif (years := _YEARS.fullmatch(text.strip())) and int(years.group(1)) < int(years.group(2)):
        return date(int(years.group(1)), 1, 1), date(int(years.group(2)), 12, 31)
    else:
        return None
    if year is None:
        return None
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def parse_date_range(text: str, default_year: int | None = None,
                     default_quarter: int | None = None) -> tuple[date, date] | None:
    """The first and last day a dates cell covers, or None when it cannot be read.

    A month alone covers the whole month (a quarter, a half-year and a year theirs), a missing year is
    `default_year`, a quarter named without its number («в течение квартала») is `default_quarter` (the
    report's), a time of day is no date, and a narrower date in brackets is ignored in favour of the main
    range, but for the months or days a word of the quarter's has in its brackets.

    >>> parse_date_range("22-25 мая 2025 года")
    (datetime.date(2025, 5, 22), datetime.date(2025, 5, 25))
    >>> parse_date_range("май-июнь 2025 года")
    (datetime.date(2025, 5, 1), datetime.date(2025, 6, 30))
    >>> parse_date_range("30 апреля – 1 мая", default_year=2025)
    (datetime.date(2025, 4, 30), datetime.date(2025, 5, 1))
    >>> parse_date_range("13-14.03.2024г.")
    (datetime.date(2024, 3, 13), datetime.date(2024, 3, 14))
    >>> parse_date_range("в течение квартала", default_year=2025, default_quarter=2)
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    >>> parse_date_range("ежемесячно", default_year=2025, default_quarter=2)
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    >>> parse_date_range("ежемесячно (апрель, май 2025 года)", default_year=2025, default_quarter=2)
    (datetime.date(2025, 4, 1), datetime.date(2025, 5, 31))
    >>> parse_date_range("I полугодие 2025 года"), parse_date_range("в течение 2025 года")
    ((datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)), (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)))
    >>> parse_date_range("в течение года") is None
    True
    """
    text = text.replace("\xa0", " ")
    bracketed = " ".join(re.findall(r"\(([^)]*)\)", text))
    text = _month_parts(_TIME.sub(" ", re.sub(r"\([^)]*\)", " ", text)), default_year)
    points = _points(text)
    if points is None and bracketed and _THIS_QUARTER.fullmatch(text.strip()) \
            and (inside := parse_date_range(bracketed, default_year)) is not None:
        return inside  # what brackets name after a word of the quarter: «ежемесячно (октябрь, ноябрь 2025 года)»
    if points is None:
        return _period_range(text, default_year, default_quarter)
    for point in points:
        if point.year is None:
            point.year = default_year
        if point.month is None or point.year is None:
            return None
    # "4 ноября – 8 июля" with the year inferred: the earlier point belongs to the year before
    for earlier, later in zip(points, points[1:], strict=False):
        if not earlier.year_given and (earlier.year, earlier.month) > (later.year, later.month):
            earlier.year = (earlier.year or 0) - 1
    try:
        spans = [_span(point) for point in points]
    except ValueError:  # 31 апреля and the like
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)
