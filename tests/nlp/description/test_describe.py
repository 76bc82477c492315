"""What description decides beyond the cells: an event's venue is the places its place cell names."""

from __future__ import annotations

import pytest

from nlp.pipeline import extract_events
from nlp.reading.report import read_report
from tests.conftest import report_text


@pytest.fixture(scope="module")
def events(sample_paths, models):
    return {e.event.number: e for e in extract_events([read_report(sample_paths["2025-Q2"])], models)}


def venues(extracted) -> set[str]:
    return {p.described.entity.name for p in extracted.description.participants if p.venue}


def test_the_venue_is_the_place_cell_s_places_even_when_the_title_names_the_city_first(events):
    for number in (5, 28, 60, 78, 81):
        assert venues(events[number]), number
    assert "Смоленск" in venues(events[81])


def test_an_online_event_has_no_venue(events):
    for number in (37, 38, 39):  # "Сайт ОГБУК «Смоленский государственный музей-заповедник»"
        assert venues(events[number]) == set()


def parents_of(extracted, name: str) -> set[str]:
    """The names of the bodies an organisation of the event is stated to belong to."""
    described = {p.described.entity.id: p.described for p in extracted.description.participants}
    [unit] = [d for d in described.values() if d.entity.name == name]
    return {described[parent].entity.name for parent in unit.parents}


def test_a_joint_body_belongs_to_each_of_its_members_and_a_unit_to_its_first_body_only(events):
    assert parents_of(events[76], "Межпарламентская комиссия Совета Федерации Федерального Собрания Российской "
                      "Федерации и Совета Республики Национального собрания Республики Беларусь по межрегиональному "
                      "сотрудничеству") == {"Совет Федерации Федерального Собрания Российской Федерации",
                                            "Совет Республики Национального собрания Республики Беларусь"}
    assert parents_of(events[76], "Совет Федерации Федерального Собрания Российской Федерации") \
        == {"Федеральное Собрание Российской Федерации"}


def test_a_body_named_further_on_in_a_units_name_is_not_its_parent(tmp_path, models):
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([["Встреча", "г. Москва", "5 июля 2025 года", "Прием в Представительстве Правительства "
                                  "Смоленской области при Правительстве Российской Федерации", "Делегация"]]),
                    encoding="utf-8")
    [extracted] = extract_events([read_report(path)], models)
    assert parents_of(extracted, "Представительство Правительства Смоленской области при Правительстве Российской "
                      "Федерации") == {"Правительство Смоленской области"}


def test_a_towns_district_lies_in_its_town(tmp_path, models):
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([["Встреча", "Ленинский район г. Минска", "5 июля 2025 года", "Встреча с жителями",
                                  "Делегация"]]), encoding="utf-8")
    [extracted] = extract_events([read_report(path)], models)
    [district] = [p.described for p in extracted.description.participants
                  if p.described.entity.name == "Ленинский район (Минск)"]
    assert district.region is not None and district.region.entity.name == "Минск"
    assert district.region.entity.country == "BY" and district.latitude is None  # no point of a rural namesake


def test_a_region_abroad_has_its_identifier_and_point_whatever_city_shares_its_name(tmp_path, models):
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([["Ярмарка", "провинция Цзилинь (КНР)", "5 июля 2025 года", "Стенд региона",
                                  "Делегация Жамбылской области"]]), encoding="utf-8")
    [extracted] = extract_events([read_report(path)], models)
    described = {p.described.entity.name: p.described for p in extracted.description.participants}
    # «Цзилинь» is a city of the province too: the province is the region
    assert described["Цзилинь"].iso_code == "CN-JL" and described["Цзилинь"].latitude is not None
    region = described["Жамбылская область"]
    assert region.iso_code == "KZ-31" and region.entity.country == "KZ"


def test_every_state_has_its_geonames_id_whatever_city_shares_its_name():
    """«Армения», «Бразилия», «Колумбия» name cities too (of Colombia, Brazil's capital, of the USA): a state is
    found by its code, not by its name."""
    from nlp.description.describe import state_of
    from nlp.gazetteer.countries import load_countries
    from nlp.gazetteer.places import load_gazetteer

    gazetteer, table = load_gazetteer(), load_countries()
    wrong = [code for code, place in gazetteer.states.items()
             if place.geonames and state_of(code, gazetteer, table).geonames != place.geonames]
    assert len(gazetteer.states) >= 190 and not wrong
    found = [state_of(code, gazetteer, table).geonames for code in ("AM", "BR", "CO")]
    assert found == ["174982", "3469034", "3686110"]
