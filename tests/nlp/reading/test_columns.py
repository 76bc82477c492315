"""Which field each column of a report's table holds, by its header's words."""

from __future__ import annotations

import pytest

from nlp.reading.columns import column_map, fields_named, names_columns
from nlp.records import Field

# the header row of both samples, as published
SAMPLES_HEADER = ("№ п/п", "Наименование мероприятия", "Место проведения\nмероприятия", "Сроки проведения мероприятия",
                  "Цель, содержание и результат мероприятия (в том числе краткая информация о достигнутых "
                  "договоренностях, подписанных документах)",
                  "Участники мероприятия (общее количество, другие дополнительные сведения)")


def test_the_samples_header_names_each_field_once_in_table_order() -> None:
    assert column_map(SAMPLES_HEADER) == {field: index for index, field in enumerate(Field, 1)}


@pytest.mark.parametrize(("header", "fields"), [
    ("Мероприятие", (Field.TITLE,)),
    ("Место проведения мероприятия", (Field.PLACE,)),  # the event's place, not its title
    ("Период проведения", (Field.DATES,)),
    ("Краткое описание и итоги", (Field.DESCRIPTION,)),
    ("Состав делегации", (Field.PARTICIPANTS,)),
    ("Дата и место проведения", (Field.DATES, Field.PLACE)),
    ("Место, сроки проведения", (Field.PLACE, Field.DATES)),
    ("Ответственный исполнитель", ()),
    ("Примечание", ()),
])
def test_other_wordings_of_a_header(header: str, fields: tuple[Field, ...]) -> None:
    assert fields_named(header) == fields


def test_an_events_text_is_no_header() -> None:
    assert names_columns(SAMPLES_HEADER)
    # an event's cells may open with a header's words, but they are long, or name too few fields
    assert not names_columns(("1.", "Визит делегации", "г. Минск", "Дата визита: 5 мая 2025 года",
                              "Цель визита: " + "укрепление связей, " * 20, "Участники: делегация"))
    assert not names_columns(("1.", "Визит делегации", "г. Минск", "5 мая 2025 года", "Цель визита: встреча",
                              "Участники: делегация"))
    assert not names_columns(("Сотрудничество в сфере культуры",))
