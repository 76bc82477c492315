"""Read the dates cell of a report row into an ISO date range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from nlp.resources import lexicon

_ENDINGS = ("", "ь", "я", "е", "ю", "ем", "й", "а", "у", "ом")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_TOKEN = re.compile(
    r"(?P<numeric>\b\d{1,2}\.\d{1,2}\.\d{4}\b)"
    r"|(?P<year>\b\d{4}\b)"
    r"|(?P<day>\b\d{1,2}\b)"
    r"|(?P<word>[А-Яа-яЁё]+)"
)
_QUARTER = re.compile(r"\b(I{1,3}|IV|[1-4])(?:-?[йм])?\s+квартал\w*(?:\s+(\d{4}))?")


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


def _points(text: str) -> list[_Point] | None:
    points: list[_Point] = []
    waiting: list[_Point] = []  # days whose month comes later ("22-25 мая")
    for match in _TOKEN.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind == "numeric":
            day, month, year = (int(part) for part in value.split("."))
            points.append(_Point(day, month, year, True))
        elif kind == "day":
            waiting.append(_Point(int(value), None))
            points.append(waiting[-1])
        elif kind == "word" and (named := month_number(value)):
            if waiting:
                for point in waiting:
                    point.month = named
                waiting = []
            else:
                points.append(_Point(None, named))
        elif kind == "year":
            for point in points:
                if point.year is None:
                    point.year, point.year_given = int(value), True
    if waiting or not points:
        return None
    return points


def _span(point: _Point) -> tuple[date, date]:
    assert point.month is not None and point.year is not None
    if point.day is not None:
        day = date(point.year, point.month, point.day)
        return day, day
    last = calendar.monthrange(point.year, point.month)[1]
    return date(point.year, point.month, 1), date(point.year, point.month, last)


def _quarter_range(text: str, default_year: int | None) -> tuple[date, date] | None:
    match = _QUARTER.search(text)
    if not match:
        return None
    quarter = _ROMAN.get(match.group(1)) or int(match.group(1))
    year = int(match.group(2)) if match.group(2) else default_year
    if year is None:
        return None
    first, last = 3 * quarter - 2, 3 * quarter
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def parse_date_range(text: str, default_year: int | None = None) -> tuple[date, date] | None:
    """The first and last day a dates cell covers, or None when it cannot be read.

    A month alone covers the whole month, a missing year is `default_year`, and a
    narrower date in brackets is ignored in favour of the main range.

    >>> parse_date_range("22-25 мая 2025 года")
    (datetime.date(2025, 5, 22), datetime.date(2025, 5, 25))
    >>> parse_date_range("май-июнь 2025 года")
    (datetime.date(2025, 5, 1), datetime.date(2025, 6, 30))
    >>> parse_date_range("30 апреля – 1 мая", default_year=2025)
    (datetime.date(2025, 4, 30), datetime.date(2025, 5, 1))
    >>> parse_date_range("в течение года") is None
    True
    """
    text = re.sub(r"\([^)]*\)", " ", text.replace("\xa0", " "))
    points = _points(text)
    if points is None:
        return _quarter_range(text, default_year)
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
