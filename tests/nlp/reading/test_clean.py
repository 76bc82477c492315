"""Typed quotes made the «» the reports print names in."""

from __future__ import annotations

import pytest

from nlp.reading.clean import clean


@pytest.mark.parametrize(("typed", "printed"), [
    ('ООО "Белорусская компания"', "ООО «Белорусская компания»"),
    ('АО "Смоленский завод "Кристалл""', "АО «Смоленский завод «Кристалл»»"),  # a name inside a name
    ("ОАО „Гомельский завод“", "ОАО «Гомельский завод»"),  # as Russian handwriting and German print it
    ("фестиваль “Славянский базар”, (“Витебск”)", "фестиваль «Славянский базар», («Витебск»)"),  # as English does
    ('"Проект 2025", "Смоляне".', "«Проект 2025», «Смоляне»."),
    ("ООО «Ромашка»", "ООО «Ромашка»"),
    # typed between two letters, where none is open, it opens
    ('Переговоры с ОАО"Белшина" и ОАО "МАЗ"', "Переговоры с ОАО«Белшина» и ОАО «МАЗ»"),
])
def test_typed_quotes_become_the_reports_quotes(typed: str, printed: str) -> None:
    assert clean(typed) == printed
    assert len(clean(typed)) == len(typed)  # a mention's place in the cell stays where it was


@pytest.mark.parametrize(("typed", "printed"), [
    ("Ивaнов", "Иванов"),  # a Latin look-alike inside a Cyrillic word
    ("iPhone-ом", "iPhone-ом"),  # Latin letters with no Cyrillic twin: a Latin word
    # a breve over a Latin «y» makes «ў», which joins the words the breve parted: their Latin look-alikes too
    ("аy\u0306A", "аўА"),
])
def test_look_alike_letters_in_a_cyrillic_word_become_cyrillic_and_cleaning_twice_changes_nothing(
        typed: str, printed: str) -> None:
    assert clean(typed) == printed
    assert clean(clean(typed)) == clean(typed)
