"""Every date form of the sample reports, and what cannot be read."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.reading.dates import parse_date_range

CASES = [
    ("22-25 мая 2025 года", (date(2025, 5, 22), date(2025, 5, 25))),
    ("22-25 мая \n2025 года", (date(2025, 5, 22), date(2025, 5, 25))),
    ("6 июня\n2025 года", (date(2025, 6, 6), date(2025, 6, 6))),
    ("30 апреля – 1 мая 2025 года", (date(2025, 4, 30), date(2025, 5, 1))),
    ("15 апреля – \n4 мая\n2025 года", (date(2025, 4, 15), date(2025, 5, 4))),
    ("май-июнь 2025 года", (date(2025, 5, 1), date(2025, 6, 30))),
    ("май-август\n2025 года", (date(2025, 5, 1), date(2025, 8, 31))),
    ("апрель 2025 года", (date(2025, 4, 1), date(2025, 4, 30))),
    ("март \n2025 года", (date(2025, 3, 1), date(2025, 3, 31))),
    ("март-апрель 2025 года", (date(2025, 3, 1), date(2025, 4, 30))),
    ("16 февраля, 5 марта 2024 года", (date(2024, 2, 16), date(2024, 3, 5))),
    ("4 ноября 2023 года – 8 июля 2024 года", (date(2023, 11, 4), date(2024, 7, 8))),
    ("3-9 мая 2025 года (на территории Смоленской области – 5 мая 2025\xa0года)",
     (date(2025, 5, 3), date(2025, 5, 9))),
    ("18 января –\n18 февраля\n2024 года", (date(2024, 1, 18), date(2024, 2, 18))),
    ("февраль 2024 года", (date(2024, 2, 1), date(2024, 2, 29))),
    ("19.11.2024", (date(2024, 11, 19), date(2024, 11, 19))),
    ("II квартал 2025 года", (date(2025, 4, 1), date(2025, 6, 30))),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date_forms(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("22-25 мая", (date(2025, 5, 22), date(2025, 5, 25))),
    ("апрель", (date(2025, 4, 1), date(2025, 4, 30))),
    ("4 ноября – 8 июля", (date(2024, 11, 4), date(2025, 7, 8))),
])
def test_missing_year_comes_from_the_report(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025) == expected


# numeric forms as Russian office documents write them, which the samples do not use
@pytest.mark.parametrize(("text", "expected"), [
    ("28.02.2024г.", (date(2024, 2, 28), date(2024, 2, 28))),
    ("5 февраля 2024г.", (date(2024, 2, 5), date(2024, 2, 5))),
    ("05.02.24", (date(2024, 2, 5), date(2024, 2, 5))),
    ("13-14.03.2024г.", (date(2024, 3, 13), date(2024, 3, 14))),
    ("05.02–09.02.2024", (date(2024, 2, 5), date(2024, 2, 9))),
    ("с 31.01 по 02.02.2024", (date(2024, 1, 31), date(2024, 2, 2))),
    ("30.04-01.05.2025", (date(2025, 4, 30), date(2025, 5, 1))),
])
def test_numeric_date_forms(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize("text", ["15 мая 2025 года, 10:00", "15 мая 2025 года в 11.00", "15.05.2025 в 10.30",
                                  "15.05.2025, 10:00-12:00", "с 10:00 15 мая 2025 года", "15 мая 2025 года, 3 часа",
                                  "15 мая 2025 года, 10 ч. 30 мин."])
def test_a_time_of_day_is_no_date(text: str) -> None:
    assert parse_date_range(text) == (date(2025, 5, 15), date(2025, 5, 15))


def test_a_year_written_close_is_read_not_the_reports() -> None:
    assert parse_date_range("декабрь 2023г.", default_year=2024) == (date(2023, 12, 1), date(2023, 12, 31))


@pytest.mark.parametrize(("text", "expected"), [
    ("30 декабря – 2 января 2025 года", (date(2024, 12, 30), date(2025, 1, 2))),
    ("31.12-02.01.2025", (date(2024, 12, 31), date(2025, 1, 2))),
    ("28.12.2024-10.01.2025", (date(2024, 12, 28), date(2025, 1, 10))),
])
def test_a_range_across_new_year_starts_in_the_year_before(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize("text", ["в течение квартала", "В течение отчетного периода", "весь квартал",
                                  "весь период", "в течение всего периода",
                                  # held over and over through it
                                  "ежемесячно", "Еженедельно", "постоянно"])
def test_the_quarter_unnamed_is_the_reports(text: str) -> None:
    assert parse_date_range(text, default_year=2025, default_quarter=2) == (date(2025, 4, 1), date(2025, 6, 30))
    assert parse_date_range(text, default_year=2025) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("ежемесячно (апрель, май 2025 года)", (date(2025, 4, 1), date(2025, 5, 31))),
    ("еженедельно (7, 14, 21 мая)", (date(2025, 5, 7), date(2025, 5, 21))),
    # a time in brackets says no dates: the quarter stays
    ("ежемесячно (в 10:00)", (date(2025, 4, 1), date(2025, 6, 30))),
])
def test_the_dates_a_word_of_the_quarter_has_in_brackets_are_the_events(text: str,
                                                                        expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025, default_quarter=2) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I полугодие 2025 года", (date(2025, 1, 1), date(2025, 6, 30))),
    ("1-е полугодие 2025 г.", (date(2025, 1, 1), date(2025, 6, 30))),
    ("во втором полугодии 2024 года", (date(2024, 7, 1), date(2024, 12, 31))),
    ("II полугодие", (date(2025, 7, 1), date(2025, 12, 31))),  # the report's year
    ("в течение 2024 года", (date(2024, 1, 1), date(2024, 12, 31))),
    ("2025 год", (date(2025, 1, 1), date(2025, 12, 31))),
    # quarters from one to another, all of them
    ("2-3 квартал 2025", (date(2025, 4, 1), date(2025, 9, 30))),
    ("II–III кварталы 2024 года", (date(2024, 4, 1), date(2024, 9, 30))),
    ("1-2 кв.", (date(2025, 1, 1), date(2025, 6, 30))),
])
def test_a_half_year_or_a_year_covers_its_months(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025, default_quarter=2) == expected


@pytest.mark.parametrize("text", ["", "в течение года", "ежеквартально", "полугодие",
                                  "22-25", "31 апреля 2025 года", "мая", "ежегодно"])
def test_unreadable_dates_give_none(text: str) -> None:
    assert parse_date_range(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("1-я декада мая", (date(2025, 5, 1), date(2025, 5, 10))),
    ("во второй декаде июня", (date(2025, 6, 11), date(2025, 6, 20))),
    ("в третьей декаде апреля 2025 г.", (date(2025, 4, 21), date(2025, 4, 30))),
    ("3-я декада февраля 2024 г.", (date(2024, 2, 21), date(2024, 2, 29))),  # a leap year's last day
])
def test_a_decade_of_a_month_covers_its_ten_days(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2 половина октября 2025 г.", (date(2025, 10, 16), date(2025, 10, 31))),  # not 2 October
    ("во второй половине ноября", (date(2025, 11, 16), date(2025, 11, 30))),
    ("в первой половине февраля 2024 г.", (date(2024, 2, 1), date(2024, 2, 15))),
    ("2-я половина марта – 2-я декада апреля", (date(2025, 3, 16), date(2025, 4, 20))),
])
def test_a_half_of_a_month_covers_its_days(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3 апр. 2025 г.", (date(2025, 4, 3), date(2025, 4, 3))),
    ("12–14 сент. 2025 г.", (date(2025, 9, 12), date(2025, 9, 14))),
    ("с 28 февр. по 2 мар.", (date(2025, 2, 28), date(2025, 3, 2))),
])
def test_a_month_cut_short_with_a_full_stop_is_that_month(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text, default_year=2025) == expected


def test_a_months_first_letters_without_a_full_stop_name_no_month() -> None:
    assert parse_date_range("3 апр 2025") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("04.2025", (date(2025, 4, 1), date(2025, 4, 30))),
    ("04-06.2025", (date(2025, 4, 1), date(2025, 6, 30))),
    ("с 12.2024 по 02.2025", (date(2024, 12, 1), date(2025, 2, 28))),
    ("1-3.04.2025", (date(2025, 4, 1), date(2025, 4, 3))),  # days of a month still
])
def test_a_month_written_with_its_year_in_figures_covers_the_month(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2025/2026 учебный год", (date(2025, 9, 1), date(2026, 6, 30))),
    ("в течение 2025-2026 учебного года", (date(2025, 9, 1), date(2026, 6, 30))),
    ("2024–2025 годы", (date(2024, 1, 1), date(2025, 12, 31))),
    ("в 2025-2026 гг.", (date(2025, 1, 1), date(2026, 12, 31))),
])
def test_an_academic_year_or_years_cover_their_months(text: str, expected: tuple[date, date]) -> None:
    assert parse_date_range(text) == expected
