"""Dates, quarters, numbers and counted nouns as Russian readers write them."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date
from functools import lru_cache

from nlp.errors import grouped

MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                   "октября", "ноября", "декабря")
ROMAN_QUARTERS = ("I", "II", "III", "IV")


@lru_cache(maxsize=4096)  # few periods, named thousands of times by a table of partners and their quarters
def quarter(period: str) -> str:
    """A report period as a quarter: "2025-Q2" -> "II кв. 2025"; anything else as it is.

    >>> quarter("2025-Q2"), quarter("2024-Q4"), quarter("весна")
    ('II кв. 2025', 'IV кв. 2024', 'весна')
    """
    year, _, number = period.partition("-Q")
    if not (year.isdigit() and number in ("1", "2", "3", "4")):
        return period
    return f"{ROMAN_QUARTERS[int(number) - 1]} кв. {year}"


def quarter_span(first: str, last: str) -> str:
    """A run of quarters as Russian readers write it.

    >>> quarter_span("2024-Q3", "2024-Q3"), quarter_span("2024-Q2", "2024-Q4"), quarter_span("2024-Q2", "2025-Q1")
    ('III кв. 2024', 'II–IV кв. 2024', 'II кв. 2024 – I кв. 2025')
    """
    if first == last:
        return quarter(first)
    if first[:4] == last[:4]:
        return f"{quarter(first).split()[0]}–{quarter(last)}"
    return f"{quarter(first)} – {quarter(last)}"


def quarter_index(period: str) -> int:
    """A report period as a number, as the summaries count them (year × 4 + quarter − 1).

    >>> quarter_index("2025-Q2") - quarter_index("2024-Q1")
    5
    """
    year, number = period.split("-Q")
    return int(year) * 4 + int(number) - 1


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from `first` to `last`, gaps included.

    >>> quarters_between("2024-Q3", "2025-Q2")
    ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']
    """
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(quarter_index(first), quarter_index(last) + 1)]


def runs(quarters: list[str]) -> list[tuple[str, str]]:
    """Consecutive quarters as (first, last) pairs.

    >>> runs(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q3"])
    [('2024-Q2', '2025-Q1'), ('2025-Q3', '2025-Q3')]
    """
    found: list[tuple[str, str]] = []
    for q in quarters:
        if found and quarter_index(q) == quarter_index(found[-1][1]) + 1:
            found[-1] = (found[-1][0], q)
        else:
            found.append((q, q))
    return found


def unreported(held: Collection[str], first: str | None = None, last: str | None = None) -> list[tuple[str, str]]:
    """The runs of quarters from `first` to `last` (by default the first and the last of `held`) that `held`
    lacks: the quarters the graph has no report of.

    >>> unreported({"2024-Q1", "2025-Q2"}), unreported({"2024-Q3"}, "2024-Q2", "2024-Q4"), unreported(set())
    ([('2024-Q2', '2025-Q1')], [('2024-Q2', '2024-Q2'), ('2024-Q4', '2024-Q4')], [])
    """
    if first is None or last is None:
        if not held:
            return []
        first, last = min(held), max(held)
    return runs([q for q in quarters_between(first, last) if q not in held])


def one_post_each(posts: Iterable[str]) -> dict[str, str]:
    """Each post as the reports state it to one statement of it: a post is the same whatever case its letters
    are written in (a sentence's start, «заместитель председателя Правительства» and «заместитель Председателя
    Правительства»), and restated with capitalised words after it (its state: «… комитета Республики
    Беларусь»); shown the shortest way, lowercase first, then the one with capitals. Words after it in
    lowercase make another post («председатель комитета по делам молодежи»), as do words before it («первый
    заместитель …»).

    >>> found = one_post_each(["председатель комитета Республики Беларусь", "Председатель комитета",
    ...                        "председатель Комитета", "председатель комитета по делам молодежи"])
    >>> sorted(set(found.values()))
    ['председатель Комитета', 'председатель комитета по делам молодежи']
    """
    stated = list(dict.fromkeys(posts))

    def restates(longer: str, shorter: str) -> bool:
        whole, part = longer.lower(), shorter.lower()
        return whole == part or whole.startswith(part + " ") \
            and all(word[:1].isupper() for word in longer[len(shorter) + 1:].split())
    return {post: min((other for other in stated if restates(post, other)),
                      key=lambda other: (len(other), not other[:1].islower(), other)) for post in stated}


def day(value: date | str | None) -> str:
    """A date as "17 апреля 2025 г.", the day with its month and the year with its «г.» kept on one line (no-break
    spaces, as Russian typesetting has them): a narrow column breaks it before the year alone; none, "".

    >>> day("2025-04-17"), day("")
    ('17\xa0апреля 2025\xa0г.', '')
    """
    if not value:
        return ""
    when = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{when.day}\u00a0{MONTHS_GENITIVE[when.month - 1]} {when.year}\u00a0г."


def numeric_day(value: date | str | None) -> str:
    """A date as a table writes it: "17.04.2025"; none, "".

    >>> numeric_day("2025-04-17"), numeric_day(None)
    ('17.04.2025', '')
    """
    if not value:
        return ""
    when = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{when.day:02}.{when.month:02}.{when.year}"


def days(start: date | str | None, end: date | str | None) -> str:
    """A span of days as Russian writes it: "17–18 апреля 2025 г.", "30 апреля – 2 мая 2025 г." (with `day`'s
    no-break spaces, shown here as plain ones).

    >>> spans = days("2025-04-17", "2025-04-18"), days("2025-04-30", "2025-05-02"), days("2025-05-05", "2025-05-05")
    >>> [span.replace("\xa0", " ") for span in spans]
    ['17–18 апреля 2025 г.', '30 апреля – 2 мая 2025 г.', '5 мая 2025 г.']
    >>> days("2024-12-30", "2025-01-02").replace("\xa0", " "), days(None, None)
    ('30 декабря 2024 г. – 2 января 2025 г.', '')
    """
    if not start:
        return ""
    first = date.fromisoformat(start) if isinstance(start, str) else start
    last = date.fromisoformat(end) if isinstance(end, str) and end else (end or first)
    assert isinstance(last, date)
    if first == last:
        return day(first)
    if first.year != last.year:
        return f"{day(first)} – {day(last)}"
    if first.month != last.month:
        return f"{first.day}\u00a0{MONTHS_GENITIVE[first.month - 1]} – {day(last)}"
    return f"{first.day}–{day(last)}"


_INITIALS = re.compile(r"(?<=[А-ЯЁA-Z]\.) (?=[А-ЯЁA-Z])")  # the space after an initial, before a capital


def unbroken_initials(text: str) -> str:
    """Initials kept with the surname they stand before (no-break spaces), so that a wrapped line never ends on
    «А.С.»: names in narrow columns, in lists of names.

    >>> unbroken_initials("В.Н. Анохин; А. С. Ахметшин; библиотека имени В.И. Ленина; Исидор")
    'В.Н.\xa0Анохин; А.\xa0С.\xa0Ахметшин; библиотека имени В.И.\xa0Ленина; Исидор'
    """
    return _INITIALS.sub("\u00a0", text)


# The order the Unicode collation (ICU's, which browsers apply for "ru") gives punctuation and spaces, before
# digits and letters; characters on one line are equal but for their case or accent. Read off Chromium's
# Intl.Collator("ru"), so that a table sorted here and a table sorted by a click in the page agree.
_PUNCTUATION_ORDER = (" \u00a0", "_", "-\u2011", "\u2013", "\u2014", "\u2015", ",", ";", ":", "!", "?", ".", "\u2026",
                      "\u00b7", "'\u2018\u2019\u201a", '"\u201c\u201d\u201e', "\u00ab", "\u00bb", "(", ")", "[", "]",
                      "{", "}", "\u00a7", "@", "*", "/", "\\", "&", "#", "%", "\u2022", "`", "^", "\u00b0", "+",
                      "\u00b1", "\u00d7", "<", "=", ">", "|", "~", "$", "\u2116")


def _primary_weights() -> dict[int, str]:
    """Each character's place in the Russian alphabetical order, as a character of the private planes:
    punctuation, then digits, then the Cyrillic letters (ё with е, either case alike), then the Latin ones."""
    weights: dict[int, str] = {}
    for rank, equal in enumerate(_PUNCTUATION_ORDER):
        weights.update((ord(c), chr(0xF0000 + rank)) for c in equal)
    weights.update((ord(c), chr(0xF0100 + int(c))) for c in "0123456789")
    for code in range(0x400, 0x500):
        letter = chr(code).lower().replace("ё", "е")
        if len(letter) == 1 and 0x400 <= ord(letter) < 0x500:
            weights[code] = chr(0xF0200 + ord(letter) - 0x400)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        weights[ord(letter)] = weights[ord(letter.upper())] = chr(0xF0400 + ord(letter))
    return weights


_PRIMARY = _primary_weights()


@lru_cache(maxsize=32768)  # the same names sorted again and again: a map's nodes, ~21,000 at 100× the samples
def alphabetical(text: str) -> tuple[str, str, str]:
    """A key that sorts names as a Russian reader (and the browser's "ru" collation) does: letters whatever
    their case, ё with е, punctuation before digits before letters, Cyrillic before Latin; then е before ё,
    then a lower-case letter before its capital. Code-point order put every name written from a lower-case
    letter («публичное акционерное общество …») after «Я», and «Ёлкин» before «Абрамов».

    >>> sorted(["Ярцево", "публичное акционерное общество", "Ёлкин", "Елецкий", "ОАО (МАЗ)", "ОАО «МАЗ»",
    ...         "Minsk", "Участие", "участие", "3-й отдел"], key=alphabetical)
    ['3-й отдел', 'Елецкий', 'Ёлкин', 'ОАО «МАЗ»', 'ОАО (МАЗ)', 'публичное акционерное общество', 'участие', \
'Участие', 'Ярцево', 'Minsk']
    """
    return text.translate(_PRIMARY), text.lower(), text.swapcase()


def number(value: int | float) -> str:
    """A number with a thin space between thousands and a decimal comma: "12 345", "0,25".

    >>> number(12345), number(999), number(0.25), number(1234567.5)
    ('12\u202f345', '999', '0,25', '1\u202f234\u202f567,5')
    """
    if isinstance(value, int):
        return grouped(value)  # as the reading stage's messages write counts
    return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f").replace(".", ",")


def plural(count: int, one: str, few: str, many: str) -> str:
    """The noun form a count takes: 1 мероприятие, 2 мероприятия, 5 мероприятий, 11 мероприятий, 21 мероприятие.

    >>> [plural(n, "мероприятие", "мероприятия", "мероприятий") for n in (1, 2, 5, 11, 21, 22, 25, 111)]
    ['мероприятие', 'мероприятия', 'мероприятий', 'мероприятий', 'мероприятие', 'мероприятия', 'мероприятий', \
'мероприятий']
    """
    tens, units = count % 100, count % 10
    if 11 <= tens <= 14:
        return many
    if units == 1:
        return one
    if 2 <= units <= 4:
        return few
    return many


def counted(count: int, one: str, few: str, many: str) -> str:
    """A count with its noun: "21 мероприятие".

    >>> counted(5, "событие", "события", "событий"), counted(1002, "строка", "строки", "строк")
    ('5 событий', '1\u202f002 строки')
    """
    return f"{number(count)} {plural(count, one, few, many)}"


def coordinates(latitude: float | str, longitude: float | str) -> str:
    """A point as Russian maps write it: "55,4023° с. ш., 31,704° в. д.".

    >>> coordinates("55.4023", "31.704"), coordinates(-33.9, -70.65)
    ('55,4023° с. ш., 31,704° в. д.', '33,9° ю. ш., 70,65° з. д.')
    """
    lat, lon = float(latitude), float(longitude)
    def degrees(value: float) -> str:
        return f"{abs(value):.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{degrees(lat)}° {'с' if lat >= 0 else 'ю'}. ш., {degrees(lon)}° {'в' if lon >= 0 else 'з'}. д."
