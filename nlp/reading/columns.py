"""Which field of an event each column of a report's table holds, read from the table's header row."""

from __future__ import annotations

import re
from functools import cache

from nlp.records import Field
from nlp.resources import lexicon

MIN_FIELDS_NAMED = 3  # a row naming fewer is no header: the samples' header names all five
MAX_HEADER_CELL_CHARS = 300  # the samples' longest header cell has 125
_JOINED = re.compile(r"\W*(?:и|или)?\W*", re.IGNORECASE)


@cache
def _field_words() -> tuple[tuple[Field, re.Pattern[str]], ...]:
    return tuple((Field(field), re.compile(words, re.IGNORECASE)) for field, words in lexicon("report_columns"))


def fields_named(header: str) -> tuple[Field, ...]:
    """The fields a header cell names: the one whose words come first, and those joined to it by «и».

    >>> fields_named("Место проведения мероприятия")
    (<Field.PLACE: 'place'>,)
    >>> fields_named("Дата и место проведения")
    (<Field.DATES: 'dates'>, <Field.PLACE: 'place'>)
    >>> fields_named("№ п/п")
    ()
    """
    text = header.split("(", 1)[0]
    found = sorted((match.start(), match.end(), field) for field, words in _field_words()
                   if (match := words.search(text)))
    fields: list[Field] = []
    for index, (_, end, field) in enumerate(found):
        fields.append(field)
        if index + 1 == len(found) or not _JOINED.fullmatch(text[end:found[index + 1][0]]):
            break
    return tuple(fields)


def names_columns(cells: tuple[str, ...] | list[str]) -> bool:
    """Whether a row is a header row: short cells naming at least three fields."""
    if len(cells) < MIN_FIELDS_NAMED or any(len(cell) > MAX_HEADER_CELL_CHARS for cell in cells):
        return False
    return len({field for cell in cells for field in fields_named(cell)}) >= MIN_FIELDS_NAMED


def column_map(header: tuple[str, ...]) -> dict[Field, int]:
    """The column of each field the header names; a field named twice is its first column's."""
    columns: dict[Field, int] = {}
    for index, text in enumerate(header):
        for field in fields_named(text):
            columns.setdefault(field, index)
    return columns
