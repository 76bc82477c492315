"""Participant counts and the remote format, on phrases of the sample reports."""

from __future__ import annotations

import pytest

from nlp.reading.facts import is_remote, participant_count, read_summary


@pytest.mark.parametrize(("participants", "description", "expected"), [
    ("Представители ... \nОбщее количество участников – 261 человек", "", 261),
    ("Общее количество участников – 34 человека", "", 34),
    ("ансамбль «Смоляне» (7 участников)", "", 7),
    ("За период работы съезда в мероприятиях приняли участие более 1200 человек", "", 1200),
    ("110 участников из России, Беларуси", "", 110),
    ("студенты колледжа (11 человек: 10 студентов, 1 преподаватель), школа (4 человека)", "", 15),
    ("Общее количество участников – 100-150 человек", "", 100),
    ("", "Общее количество посетителей – 1864 человека", 1864),
    ("Делегация", "прибыла делегация в количестве 59 человек.", 59),
    ("Представители регионального бизнеса", "состоялось 3 встречи", None),
])
def test_participant_count(participants: str, description: str, expected: int | None) -> None:
    assert participant_count(participants, description) == expected


@pytest.mark.parametrize(("title", "place", "description", "expected"), [
    ("Видеоконференция «Витебск – Рославль»", "г. Рославль\n(в дистанционном формате)", "", True),
    ("Онлайн-экскурсия «Города боевой славы»", "г. Смоленск", "", True),
    ("Выставка", "Сайт ОГБУК «Смоленский государственный музей-заповедник» https://www.smolensk-museum.ru/",
     "", True),
    ("Визит делегации", "г. Смоленск", "один участник присоединился к встрече в дистанционном формате", False),
    ("Участие в выставке «БЕЛАГРО-2025»", "г. Минск, Республика Беларусь", "", False),
])
def test_remote(title: str, place: str, description: str, expected: bool) -> None:
    assert is_remote(title, place, description) is expected


def test_summary_of_2024_q1() -> None:
    text = ("В I квартале 2024 года состоялись 3 встречи (приемы, переговоры) с иностранными "
            "делегациями (отдельными лицами) в здании Дома Советов (пл. Ленина, д. 1)")
    summary = read_summary(text)
    assert summary is not None
    assert summary.meetings == 3
    assert summary.places == ("в здании Дома Советов (пл. Ленина, д. 1)",)


def test_an_event_row_is_no_summary() -> None:
    assert read_summary("Сотрудничество в сфере спорта") is None
