"""Identity across events and reports: stable IRIs, merging rules and the curated alias file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from nlp.pipeline import extract_events, extract_rows, resolve_rows
from nlp.reading.report import read_report
from nlp.records import Entity, EntityType, PlaceKind
from nlp.resolution.resolve import Alias, mint_iri, org_parts, read_aliases, resolve
from tests.conftest import report_text


@pytest.fixture(scope="module")
def reports(sample_reports):
    return sample_reports


@pytest.fixture(scope="module")
def events(sample_events):
    return sample_events


def ids_named(events, name: str) -> dict[str, set[str]]:
    """IRIs of the entities with that canonical name, by report."""
    found: dict[str, set[str]] = {}
    for extracted in events:
        for entity in extracted.entities:
            if entity.name == name:
                found.setdefault(extracted.event.report, set()).add(entity.id)
    return found


@pytest.mark.parametrize("name", ["В.Н. Анохин", "Д.Н. Крутой", "А.В. Стрельцов", "Витебская область",
                                  "Могилевская область", "Правительство Смоленской области"])
def test_one_iri_across_both_reports(events, name):
    found = ids_named(events, name)
    assert set(found) == {"2024-Q1", "2025-Q2"}
    assert len(found["2024-Q1"] | found["2025-Q2"]) == 1


def test_roles_stay_with_their_event(events):
    roles = {(e.event.report, role) for e in events for entity in e.entities
             if entity.name == "Д.Н. Крутой" for role in entity.roles}
    assert any(report == "2024-Q1" and "Посол" in role for report, role in roles)
    assert any(report == "2025-Q2" and "Администрации Президента" in role for report, role in roles)


@pytest.mark.slow
def test_order_and_repetition_do_not_change_iris(reports, models, events):
    def iris(found):
        return {(e.event.report, e.event.number): sorted(x.id for x in e.entities) for e in found}
    assert iris(extract_events(list(reversed(reports)), models)) == iris(events)
    twice = extract_events(reports + reports, models)
    assert {k: v for k, v in iris(twice).items()} == iris(events)


def test_acronym_and_defined_short_names(events):
    names = {entity.id: entity.name for e in events for entity in e.entities}
    maz = [iri for iri, name in names.items() if name == "ОАО «Минский автомобильный завод»"]
    assert len(maz) == 1 and not any(name == "ОАО «МАЗ»" for name in names.values())
    assert "ООО «СТиМ»" not in names.values()


def test_every_entity_appears_once_per_event(events):
    for extracted in events:
        iris = [entity.id for entity in extracted.entities]
        assert len(iris) == len(set(iris)), extracted.event.number


def events_of(tmp_path: Path, models, rows: list[list[str]]) -> list:
    """The events a report of these rows gives, resolved."""
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    return extract_events([read_report(path)], models)


def org(name: str) -> Entity:
    return Entity(id="", type=EntityType.ORG, name=name)


def test_legal_form_written_out_is_the_abbreviation(models):
    result = resolve([org("общество с ограниченной ответственностью «Триада»"), org("ООО «Триада»")],
                     models.gazetteer, aliases=[])
    assert len({e.id for e in result.entities.values()}) == 1
    assert org_parts("публичное акционерное общество «Дорогобуж»") == ("ПАО", "дорогобуж")
    # a public organisation's and a regional institution's forms too
    result = resolve([org("Смоленская региональная общественная организация «Белорусское землячество»"),
                      org("СРОО «Белорусское землячество»")], models.gazetteer, aliases=[])
    assert len({e.id for e in result.entities.values()}) == 1
    assert org_parts("областное государственное бюджетное учреждение культуры «Смоленский областной музей»") == (
        "ОГБУК", "смоленский областной музей")


@pytest.mark.parametrize(("names", "count"), [
    # a company's form before its name unquoted is its legal form
    (["ОАО Минский автомобильный завод", "ОАО «Минский автомобильный завод»"], 1),
    (["ПАО Сбербанк", "ПАО «Сбербанк»"], 1),
    # «ГУ» before an acronym or a genitive is a main department, not an institution's form
    (["ГУ МЧС России", "МЧС России"], 2),
    # a non-profit's form written as a word is one before its quoted name only
    (["Союз «Смоленская торгово-промышленная палата»", "Смоленская торгово-промышленная палата"], 1),
    (["Ассоциация «РАДОР»", "РАДОР"], 1),
    (["Союз художников", "художников"], 2),
])
def test_a_companys_form_unquoted_is_its_legal_form(models, names, count):
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == count


def test_a_branchs_town_with_its_word_or_without_is_one_organisation_whose_iri_stays(models):
    names = ["Генеральное консульство Республики Беларусь в г. Смоленске",
             "Генеральное консульство Республики Беларусь в городе Смоленске",
             "Генеральное консульство Республики Беларусь в Смоленске", "Генеральное консульство Республики Беларусь в "
             "Москве"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    iri = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert iri[0] == iri[1] == iri[2] != iri[3]
    # the IRI one name alone is given is the one it was given before
    alone = resolve([org(names[0])], models.gazetteer, aliases=[]).resolve(org(names[0]), models.gazetteer).id
    assert alone.endswith("/org/generalnoe-konsulstvo-belarusi-v-g-smolenske")


def test_a_towns_body_named_with_the_towns_word_short_or_not_is_one_organisation(models):
    names = ["Администрация г. Сухум", "Администрация города Сухум", "Администрация Сухум",
             "Администрация г. Гагры"]  # another town's stays apart
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert ids[0] == ids[1] == ids[2] != ids[3]


def test_whom_a_body_is_named_after_with_initials_or_names_is_one_organisation_whose_iri_stays(models):
    names = ["Гомельский государственный университет имени Франциска Скорины",
             "УО «Гомельский государственный университет имени Ф. Скорины»",
             "Гомельский государственный университет им. Ф. Скорины", "ГГУ имени Ф. Скорины",
             "Гомельский государственный университет имени П.О. Сухого"]  # named after another stays apart
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert ids[0] == ids[1] == ids[2] == ids[3] != ids[4]
    # the IRI one name alone is given is the one it was given before
    alone = resolve([org(names[2])], models.gazetteer, aliases=[]).resolve(org(names[2]), models.gazetteer).id
    assert alone.endswith("/org/gomelskiy-gosudarstvennyy-universitet-im-f-skoriny")


def test_a_body_named_without_whom_it_is_named_after_is_the_one_body_so_named(models):
    """«Национальная библиотека Республики Абхазия» is the one named after И.Г. Папаскир (were two); a name two
    bodies named after different people share stays apart from both."""
    names = ["Национальная библиотека Республики Абхазия", "Национальная библиотека Республики Абхазия им. И.Г. "
             "Папаскир", "Гомельский государственный университет", "Гомельский государственный университет имени "
             "Ф. Скорины", "Гомельский государственный университет имени П.О. Сухого"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert ids[0] == ids[1] and len({*ids[2:], ids[0]}) == 4


def test_a_body_named_without_words_of_its_rank_is_the_one_body_so_named(models):
    """A report drops «государственный» or «областной» where another keeps it: one theatre, one museum, one library
    (were two each). A name that fits the regional body and the town one stays apart from both; a name that drops
    the first word names another body (guards)."""
    same = [["Смоленский драматический театр им. А.С. Грибоедова",
             "Смоленский государственный драматический театр имени А.С. Грибоедова"],
            ["Смоленский музей-заповедник", "ОГБУК «Смоленский государственный музей-заповедник»"],
            ["Смоленская универсальная научная библиотека", "Смоленская областная универсальная научная библиотека"]]
    apart = ["Витебский исполнительный комитет", "Витебский областной исполнительный комитет",
             "Витебский городской исполнительный комитет", "Библиотека Республики Беларусь",
             "Национальная библиотека Республики Беларусь"]
    names = [name for pair in same for name in pair] + apart
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    iri = {name: result.resolve(org(name), models.gazetteer) for name in names}
    for short, full in same:
        assert iri[short].id == iri[full].id and iri[short].name == full  # called by its fullest name
    assert len({iri[name].id for name in apart}) == len(apart)


def test_a_branch_named_with_either_name_of_its_university_is_one_branch(models):
    """The university's letters before its quoted short name are the initials of the words inside its legal form's
    quotation: one university (were two); its branch named with either name is one branch (were two). Another town's
    branch stays apart (guard)."""
    names = ["ФГБОУ ВО «Национальный исследовательский университет «МЭИ»", "НИУ «МЭИ»",
             "филиал ФГБОУ ВО «Национальный исследовательский университет «МЭИ» в г. Смоленске",
             "филиал НИУ «МЭИ» в г. Смоленске", "филиал НИУ «МЭИ» в г. Вязьме"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert ids[0] == ids[1] and ids[2] == ids[3] and len(set(ids)) == 3


def test_a_state_named_officially_or_shortly_in_a_name_is_one_organisation(models):
    names = ["Национальная академия наук Республики Беларусь", "Национальная Академия наук Беларуси",
             "Министерство иностранных дел Российской Федерации", "Министерство иностранных дел России",
             "Министерство иностранных дел Республики Казахстан"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    iri = {name: result.resolve(org(name), models.gazetteer).id for name in names}
    assert iri[names[0]] == iri[names[1]] and iri[names[2]] == iri[names[3]]
    assert len(set(iri.values())) == 3  # Russia's ministry is not Kazakhstan's


@pytest.mark.parametrize(("short", "full"), [
    # a word of syllables, each the start of a word of the full name («и», «по» left out), the rest the same
    ("Минпромторг России", "Министерство промышленности и торговли Российской Федерации"),
    ("Минэкономразвития России", "Министерство экономического развития Российской Федерации"),
    ("Витебский облисполком", "Витебский областной исполнительный комитет"),
    ("Минский горисполком", "Минский городской исполнительный комитет"),
    ("Мингорисполком", "Минский городской исполнительный комитет"),
    # or of capitals, one a word, or both
    ("МИД России", "Министерство иностранных дел Российской Федерации"),
    ("МИД Беларуси", "Министерство иностранных дел Республики Беларусь"),
    ("ФГБОУ ВО «СмолГУ»", "ФГБОУ ВО «Смоленский государственный университет»"),
    ("ФГБОУ ВО СмолГУ", "ФГБОУ ВО «Смоленский государственный университет»"),  # a school's form and level unquoted
    ("ОГАУ ДПО СОИРО", "ОГАУ ДПО «Смоленский областной институт развития образования»"),
    ("ОАО «МАЗ»", "ОАО «Минский автомобильный завод»"),
    ("ТПП Смоленской области", "Торгово-промышленная палата Смоленской области"),  # a hyphenated word's parts
    # and a compound's written as one
    ("ФГБОУ ВО Смоленская ГСХА", "ФГБОУ ВО «Смоленская государственная сельскохозяйственная академия»"),
    ("УО «БГСХА»", "УО «Белорусская государственная сельскохозяйственная академия»"),
    # two short words read as one, a link word in small letters («РМиЭЧ»: радиационной медицины и экологии человека)
    ("ГУ «РНПЦ РМиЭЧ»", "Республиканский научно-практический центр радиационной медицины и экологии человека"),
    # whom it is named after, however written, and however many words that takes
    ("ОГБУК «СОУНБ им. А.Т. Твардовского»",
     "ОГБУК «Смоленская областная универсальная научная библиотека имени А.Т. Твардовского»"),
    # the words before a quoted name, by their initials
    ("НВЦ «БелЭкспо»", "Национальный выставочный центр «БелЭкспо»"),
    ("ТД «Белвест»", "торговый дом «Белвест»"),
    # a branch's state and town after it, the town with its word or without
    ("Генконсульство Беларуси в Смоленске", "Генеральное консульство Республики Беларусь в г. Смоленске"),
    # a unit's two words before the short name of its body
    ("Деловой совет ШОС", "Деловой совет Шанхайской организации сотрудничества"),
    # a branch's three («РКК»: Российского Красного Креста)
    ("Смоленское региональное отделение РКК", "Смоленское региональное отделение Российского Красного Креста"),
    # the full name's region and state after it, which say where the body is
    ("Лиозненский райисполком", "Лиозненский районный исполнительный комитет Витебской области Республики Беларусь"),
])
def test_a_name_abbreviating_another_is_that_organisation(models, short, full):
    result = resolve([org(short), org(full)], models.gazetteer, aliases=[])
    assert result.resolve(org(short), models.gazetteer) == result.resolve(org(full), models.gazetteer)


@pytest.mark.parametrize(("short", "full"), [
    ("ОАО «МАЗ»", "ОАО «Минский автомобильный завод»"),
    # short names with a small letter in them, under a legal form: still short names
    ("ГУ «РНПЦ РМиЭЧ»", "Республиканский научно-практический центр радиационной медицины и экологии человека"),
    ("ФГБОУ ВО «СмолГМУ»", "Смоленский государственный медицинский университет"),
])
def test_an_organisation_is_called_by_its_full_name_not_its_short_one(models, short, full):
    result = resolve([org(short), org(full)], models.gazetteer, aliases=[])
    assert result.resolve(org(short), models.gazetteer).name == full

@pytest.mark.parametrize(("names", "apart"), [
    # a body with its other name after a dash is the body of either name with the words the second goes on with
    (["Народное Собрание – Парламент Республики Абхазия", "Народное Собрание Республики Абхазия",
      "Парламент Республики Абхазия", "Народное Собрание Абхазии"], ["Народное Собрание – Парламент Республики Южная "
                                                                      "Осетия", "Народное Собрание"]),
    (["Государственное Собрание – Курултай Республики Башкортостан", "Государственное Собрание Республики "
      "Башкортостан"], ["Государственное Собрание Республики Саха (Якутия)"]),
    # or in brackets (was a body of its own); a place in brackets is no other name (guard)
    (["Народное Собрание – Парламент Республики Абхазия", "Народное Собрание (Парламент) Республики Абхазия",
      "Парламент Республики Абхазия"], ["Посольство Беларуси (г. Москва) в России", "Посольство Беларуси в России"]),
])
def test_a_body_named_with_its_other_name_after_a_dash_is_the_body_of_either(models, names, apart):
    result = resolve([org(name) for name in names + apart], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer) for name in names + apart]
    assert len({entity.id for entity in ids[:len(names)]}) == 1
    assert len({entity.id for entity in ids}) == 1 + len(apart)
    assert ids[0].name == names[0]  # called by its fullest name


def test_a_missions_branch_is_one_with_russia_named_as_the_state_it_is_in_or_not(models):
    names = ["Отделение Посольства Республики Беларусь в Российской Федерации в г. Смоленске",
             "Отделение Посольства Республики Беларусь в г. Смоленске",
             "Посольство Республики Беларусь в Российской Федерации", "Посольство Республики Беларусь"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    # the branch one, and the embassy named with its state or without one
    assert ids[0] == ids[1] and ids[2] == ids[3] and len(set(ids)) == 2


@pytest.mark.parametrize("names", [
    # a foreign state's embassy, with Russia named as the state it is in or not, its state named in full, short or
    # by its letters
    ["Посольство Китайской Народной Республики в Российской Федерации", "Посольство КНР", "Посольство Китая",
     "Посольство КНР в РФ"],
    ["Посольство СРВ", "Посольство Социалистической Республики Вьетнам", "Посольство Вьетнама в России"],
    ["Кабинет Министров Республики Абхазия", "Кабинет Министров Абхазии"],
    # a mission is a foreign state's whatever state it names
    ["Посольство Японии в России", "Посольство Японии"],
    # any state's official name, not only the region's usual partners'; the longest name read first
    ["Посольство Французской Республики в Российской Федерации", "Посольство Франции в России"],
    ["Генеральное консульство Турецкой Республики в Казани", "Генеральное консульство Турции в Казани"],
    ["Посольство Соединенного Королевства Великобритании и Северной Ирландии", "Посольство Великобритании"],
    ["Посольство Мексиканских Соединенных Штатов", "Посольство Мексики"],
])
def test_a_foreign_states_body_is_one_however_its_state_is_named(models, names):
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == 1


@pytest.mark.parametrize("names", [
    # Russia as the state a Russian body is in is a word of its name; a state's letters inside a word are no state's
    ["Уполномоченный по правам человека в Российской Федерации", "Уполномоченный по правам человека"],
    ["ООО «РБ-Инвест»", "ООО «Беларуси-Инвест»"],
    # one state's name inside another's is not that state («Республики Конго» in «Демократической …»)
    ["Посольство Демократической Республики Конго", "Посольство Конго"],
    ["Посольство Соединенных Штатов Америки", "Посольство Мексиканских Соединенных Штатов"],
])
def test_what_names_no_foreign_body_by_its_state_stays_apart(models, names):
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == 2


def test_a_unit_named_with_its_parents_legal_form_and_quotation_is_the_one_named_with_its_parents_words(models):
    """«Смоленское отделение ВТОО «Союз художников России»» and «… Союза художников России» are one branch (were two
    partners); another union's branch stays apart (guard)."""
    names = ["Смоленское отделение ВТОО «Союз художников России»", "Смоленское отделение Союза художников России",
             "Смоленское отделение Союза писателей России"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    ids = [result.resolve(org(name), models.gazetteer).id for name in names]
    assert ids[0] == ids[1] != ids[2]
    assert result.resolve(org(names[1]), models.gazetteer).name == names[0]


@pytest.mark.parametrize(("short", "fulls"), [
    # not another word's start, nor another state's body, nor a name with words the short one leaves out
    ("Минкультуры России", ["Министерство культуры и туризма Российской Федерации"]),
    ("МИД России", ["Министерство иностранных дел Республики Беларусь"]),
    ("Минский горисполком", ["Минский городской совет депутатов"]),
    # nor one of two that fit
    ("ОАО «МАЗ»", ["ОАО «Минский автомобильный завод»", "ОАО «Могилевский авторемонтный завод»"]),
    # two short words are one only where each is of capitals («МИД России» is no «МИДР»)
    ("ГУ «РНПЦ РМиЭЧ»", ["Республиканский научно-практический центр радиационной медицины"]),
    ("МИД России", ["Министерство иностранных дел Республики"]),
    # nor one of two regions' bodies of one name
    ("Октябрьский райисполком", ["Октябрьский районный исполнительный комитет Гомельской области",
                                 "Октябрьский районный исполнительный комитет Витебской области"]),
])
def test_a_name_abbreviating_none_or_two_others_is_its_own(models, short, fulls):
    result = resolve([org(short), *map(org, fulls)], models.gazetteer, aliases=[])
    assert len({result.resolve(org(name), models.gazetteer).id for name in [short, *fulls]}) == 1 + len(fulls)


def test_a_short_name_joins_the_organisation_two_names_that_fit_it_are(models):
    names = ["Мингорисполком", "Минский горисполком", "Минский городской исполнительный комитет"]
    for order in (names, names[::-1]):
        result = resolve([org(name) for name in order], models.gazetteer, aliases=[])
        assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == 1


def test_a_name_with_its_states_name_after_it_is_the_name_without_where_that_names_a_place_of_the_state(models):
    names = ["Витебский областной исполнительный комитет Республики Беларусь",
             "Витебский областной исполнительный комитет",
             "Правительство Смоленской области Российской Федерации", "Правительство Смоленской области",
             # no place of that state in the name without: any region's ministry, or another state's body
             "Министерство культуры Российской Федерации", "Министерство культуры",
             "Гродненский областной исполнительный комитет России", "Гродненский областной исполнительный комитет"]
    # a stored entity (a name and its IRI) and a new mention merge alike, in either order
    for known, mentioned in ((names[:1], names[1:]), (names[1:2], names[:1] + names[2:])):
        result = resolve([org(name) for name in mentioned], models.gazetteer, aliases=[],
                         known=[replace(org(name), id=mint_iri(EntityType.ORG, name)) for name in known])
        found = {name: result.resolve(org(name), models.gazetteer) for name in mentioned}
        iri = {name: entity.id for name, entity in found.items()} | {name: mint_iri(EntityType.ORG, name)
                                                                    for name in known}
        assert iri[names[0]] == iri[names[1]] and iri[names[2]] == iri[names[3]]
        assert len({iri[name] for name in names[4:]}) == 4
    result = resolve([org(name) for name in names[:2]], models.gazetteer, aliases=[])
    # the state is the entity's attribute: its name is the one without
    assert result.resolve(org(names[0]), models.gazetteer).name == names[1]


def test_persons_with_compatible_initials_merge(models):
    people = [Entity(id="", type=EntityType.PER, name=n) for n in ("В.Н. Анохин", "Анохин", "А.П. Анохин")]
    result = resolve(people, models.gazetteer, aliases=[])
    by_name = {name: result.resolve(Entity(id="", type=EntityType.PER, name=name), models.gazetteer).id
               for name in ("В.Н. Анохин", "Анохин", "А.П. Анохин")}
    assert by_name["В.Н. Анохин"] != by_name["А.П. Анохин"]
    assert by_name["Анохин"] not in (by_name["В.Н. Анохин"], by_name["А.П. Анохин"])  # two fit: no guess
    alone = resolve(people[:2], models.gazetteer, aliases=[])
    assert len({e.id for e in alone.entities.values()}) == 1


def test_the_english_initial_j_is_an_initial(models):
    # its surname and initials name the person, as «В.Н. Анохин»'s do (`person/anokhin-v-n`), and «Дж.» fits «Дж.Б.»
    people = [Entity(id="", type=EntityType.PER, name=name) for name in ("Дж. Коми", "Дж.Б. Коми", "В.Н. Анохин")]
    result = resolve(people, models.gazetteer, aliases=[])
    iris = [result.resolve(person, models.gazetteer).id for person in people]
    assert iris[0] == iris[1] and iris[0].endswith("/person/komi-dzh-b") and iris[2].endswith("/person/anokhin-v-n")


def test_place_in_any_case_is_the_gazetteer_place(models):
    from nlp.extraction.extract import extract

    mogilev = [m for m in extract("встреча в г. Могилеве", models) if m.type is EntityType.LOC][0]
    assert (mogilev.normal, mogilev.country, mogilev.kind) == ("Могилев", "BY", PlaceKind.CITY)
    assert models.gazetteer.lookup("Могилев").geonames


def test_alias_file_merges_and_splits(tmp_path: Path, models):
    path = tmp_path / "aliases.csv"
    path.write_text("# curated\nrelation,type,name,other\n"
                    "same,ORG,Смоленский музей,ОГБУК «Смоленский государственный музей-заповедник»\n"
                    "different,ORG,ООО «Триада»,ОАО «Триада»\n",
                    encoding="utf-8")
    aliases = read_aliases(path)
    assert [a.relation for a in aliases] == ["same", "different"]
    entities = [org("Смоленский музей"), org("ОГБУК «Смоленский государственный музей-заповедник»"),
                org("ООО «Триада»"), org("ОАО «Триада»"), org("общество с ограниченной ответственностью «Триада»")]
    result = resolve(entities, models.gazetteer, aliases=aliases)
    iri = {e.name: result.resolve(e, models.gazetteer).id for e in entities}
    assert iri["Смоленский музей"] == iri["ОГБУК «Смоленский государственный музей-заповедник»"]
    assert iri["ООО «Триада»"] != iri["ОАО «Триада»"]
    assert iri["ООО «Триада»"] == iri["общество с ограниченной ответственностью «Триада»"]
    merged = resolve(entities, models.gazetteer, aliases=aliases[:1])
    assert merged.resolve(org("ООО «Триада»"), models.gazetteer).id == \
        merged.resolve(org("ОАО «Триада»"), models.gazetteer).id  # without the split, one name is one body


def test_project_alias_file_reads(models):
    assert all(isinstance(a, Alias) for a in read_aliases())


@pytest.mark.parametrize(("short", "full"), [
    ("ЕАЭС", "Евразийский экономический союз"),  # its letters are not its words' (ЕЭС)
    ("ЮНЕСКО", "Организация Объединенных Наций по вопросам образования, науки и культуры"),
    ("СНГ", "Содружество Независимых Государств")])  # by its words' letters, with no alias
def test_an_international_body_is_one_partner_by_its_short_name_and_its_full_one(models, short, full):
    result = resolve([org(short), org(full)], models.gazetteer, aliases=read_aliases())
    assert result.resolve(org(short), models.gazetteer).id == result.resolve(org(full), models.gazetteer).id


def test_the_european_union_is_one_partner_by_any_of_its_names(models):
    names = ["ЕС", "Евросоюз", "Европейский союз"]
    result = resolve([org(name) for name in names], models.gazetteer, aliases=read_aliases())
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == 1
    # by its short names alone too, with the full name in no report
    result = resolve([org("ЕС"), org("Евросоюз")], models.gazetteer, aliases=read_aliases())
    assert result.resolve(org("ЕС"), models.gazetteer).id == result.resolve(org("Евросоюз"), models.gazetteer).id


@pytest.mark.parametrize("names", [
    # a parliament's chamber by its own name alone, with its state, or with its parliament and state
    ["Совет Федерации", "Совет Федерации России", "Совет Федерации Федерального Собрания Российской Федерации"],
    ["Государственная Дума", "Госдума", "Государственная Дума РФ",
     "Государственная Дума Федерального Собрания Российской Федерации"],
    ["Совет Республики", "Совет Республики Национального собрания Республики Беларусь"],
    ["Палата представителей", "Палата представителей Национального собрания Республики Беларусь"],
])
def test_a_parliaments_chamber_is_one_partner_named_with_its_parliament_or_without(models, names):
    result = resolve([org(name) for name in names], models.gazetteer, aliases=read_aliases())
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) == 1
    # by the curated decisions: the rules alone keep a chamber named without its parliament apart
    result = resolve([org(name) for name in names], models.gazetteer, aliases=[])
    assert len({result.resolve(org(name), models.gazetteer).id for name in names}) > 1


def test_iri_is_minted_from_identity():
    assert mint_iri(EntityType.ORG, "минский автомобильный завод").endswith("/org/minskiy-avtomobilnyy-zavod")


@pytest.mark.slow
@pytest.mark.parametrize("loaded", [True, False], ids=["models given", "models loaded by the workers alone"])
def test_two_processes_give_the_same_events(reports, models, events, loaded):
    def flat(found):
        return [e.to_dict() for e in found]
    assert flat(extract_events(reports, models if loaded else None, workers=2)) == flat(events)


def test_each_report_s_events_are_handed_on_as_soon_as_they_are_resolved(reports, models, events):
    handed: list[list] = []
    found = extract_events(reports, models, resolved=handed.append)
    assert [{extracted.event.report for extracted in batch} for batch in handed] == [{r.id} for r in reports]
    assert [e.to_dict() for batch in handed for e in batch] == [e.to_dict() for e in found] \
        == [e.to_dict() for e in events]


def test_rows_read_report_by_report_and_resolved_once_are_the_events(reports, models, events):
    # how the benchmark times extraction report by report between natasha's passes (benchmarks/run.py)
    rows: list = []
    definitions: set = set()
    for report in reports:
        report_rows, report_definitions = extract_rows(report, models)
        rows += report_rows
        definitions |= report_definitions
    resolved = resolve_rows(rows, definitions, models.gazetteer, models.countries)
    assert [e.to_dict() for e in resolved] == [e.to_dict() for e in events]


def test_a_venue_named_in_the_place_cell_without_a_state_is_of_the_smolensk_town_there(events):
    venues = [(extracted.event.cell("place").text, entity) for extracted in events for entity in extracted.entities
              if entity.name == "Клуб золотого возраста"]
    assert len(venues) == 3 and all("Смоленская область" in place for place, _ in venues)
    assert {(entity.country, entity.smolensk) for _, entity in venues} == {("RU", True)}
    # a body named beside a town that is not Smolensk's keeps its own state, or none
    union = [entity for extracted in events for entity in extracted.entities
             if entity.name == "Постоянный Комитет Союзного государства"]
    assert union and {entity.country for entity in union} == {None}


def test_a_settlement_named_with_its_district_is_that_district_s_not_a_namesake_elsewhere(tmp_path, models):
    """«дер. Микулино Руднянского района» is a Smolensk village with no point of its own, in its district; the
    gazetteer's Микулино (Tver region) is another place, and stays the one a row that names no district means. A
    settlement the gazetteer places in the district named keeps its point and identity."""
    events = events_of(tmp_path, models, [
        ["Митинг", "Смоленская область", "5 июля 2025 года",
         "Торжественный митинг (дер. Микулино Руднянского района).", "Делегация"],
        ["Экскурсия", "Тверская область", "6 июля 2025 года", "Экскурсия в дер. Микулино.", "Делегация"],
        ["Митинг", "Смоленская область", "7 июля 2025 года", "Возложение цветов в с. Пржевальское Демидовского "
         "района.", "Делегация"],
    ])
    village, namesake, known = (next(p for p in e.description.participants if p.described.entity.name == name)
                                for e, name in zip(events, ("Микулино", "Микулино", "Пржевальское"), strict=True))
    assert (village.described.entity.country, village.described.entity.smolensk) == ("RU", True)
    assert village.described.entity.id.endswith("/place/mikulino-rudnyanskiy-rayon")
    assert village.described.latitude is None and village.described.geonames is None
    district = next(e.id for e in events[0].entities if e.kind is PlaceKind.DISTRICT)
    assert village.described.region is not None and village.described.region.entity.id == district
    assert namesake.described.entity.id.endswith("/place/mikulino") and namesake.described.geonames
    assert not namesake.described.entity.smolensk
    place = models.gazetteer.lookup("Пржевальское")
    assert (known.described.entity.id, known.described.geonames) == (mint_iri(EntityType.LOC, "Пржевальское"),
                                                                      place.geonames)
    assert known.described.region is not None and known.described.region.entity.kind is PlaceKind.DISTRICT


def test_a_settlement_in_an_address_lies_in_the_district_after_it(tmp_path, models):
    """An address names the settlement, a comma, its district: a village whose namesake the gazetteer has elsewhere
    (Russia's Лесное, the Tver region's Микулино) is the district's; a large town beside a district is a list."""
    events = events_of(tmp_path, models, [
        ["Праздник", "аг. Лесное, Витебский район, Республика Беларусь", "5 июля 2025 года", "Праздник.", "Делегация"],
        ["Митинг", "д. Микулино, Руднянский район, Смоленская область", "6 июля 2025 года", "Митинг.", "Делегация"],
        ["Праздник", "городской поселок Ушачи, Ушачский район, Витебская область", "7 июля 2025 года", "Праздник.",
         "Делегация"],
        ["Форум", "г. Смоленск, Руднянский район", "8 июля 2025 года", "Форум.", "Делегация"],
    ])
    first = [next(e for e in extracted.entities if e.type is EntityType.LOC) for extracted in events]
    assert [(e.name, e.country, e.smolensk) for e in first] == [
        ("Лесное", "BY", False), ("Микулино", "RU", True), ("Ушачи", "BY", False), ("Смоленск", "RU", True)]
    assert first[0].id.endswith("/place/lesnoe-vitebskiy-rayon")
    assert first[1].id.endswith("/place/mikulino-rudnyanskiy-rayon")
    assert (first[2].id, first[3].id) == (mint_iri(EntityType.LOC, "Ушачи"), mint_iri(EntityType.LOC, "Смоленск"))


def test_a_small_russian_towns_namesake_in_the_state_the_row_was_held_in_is_that_one(tmp_path, models):
    path = tmp_path / "2025-Q3.txt"
    cells = ["5 июля 2025 года", "Делегация посетила г.п. Сураж, г. Рудню и г. Москву.", "Делегация"]
    rows = [["Визит", "г. Витебск, Республика Беларусь", *cells], ["Визит", "г. Смоленск", *cells]]
    path.write_text(report_text(rows), encoding="utf-8")
    abroad, home = ({e.name: (e.country, e.smolensk) for e in extracted.entities if e.type is EntityType.LOC}
                    for extracted in extract_events([read_report(path)], models))
    # Belarus's Сураж where the row was held in Belarus; Smolensk's Рудня and Moscow wherever
    assert [abroad[name] for name in ("Сураж", "Рудня", "Москва")] == [("BY", False), ("RU", True), ("RU", False)]
    assert home["Сураж"] == ("RU", False)


def test_a_chamber_named_by_its_acronym_and_its_regions_adjective_is_the_chamber(tmp_path, models):
    """natasha tagged only «ТПП» of «Смоленская ТПП» in this row, which then took the state of the row's venue."""
    [event] = events_of(tmp_path, models, [
        ["Подписание меморандума", "г. Минск", "6 июля 2025 года", "Подписан Меморандум о взаимопонимании между "
         "Смоленской торгово-промышленной палатой и Минским городским отделением Белорусской торгово-промышленной "
         "палаты.", "Смоленская ТПП"],
    ])
    chambers = {(e.name, e.country) for e in event.entities
                if e.type is EntityType.ORG and ("ТПП" in e.name or e.name.startswith("Смоленская"))}
    assert chambers == {("Смоленская торгово-промышленная палата", "RU")}


def test_a_body_called_by_its_head_word_and_quoted_name_is_the_one_the_row_names_in_full(tmp_path, models):
    events = events_of(tmp_path, models, [
        ["Дни культуры Республики Сербия", "г. Смоленск", "7 сентября 2025 года",
         "Состоялся концерт ансамбля народного танца «Коло» (г. Белград).", "Министерство культуры Смоленской "
         "области, ансамбль «Коло»"],
        ["Концерт", "г. Смоленск", "8 сентября 2025 года", "Выступил ансамбль «Коло».", "Зрители"],
        # two bodies of the head word and that name: which one the short name calls, the row does not say
        ["Фестиваль", "г. Смоленск", "9 сентября 2025 года", "Выступили хор ветеранов «Радуга» и детский хор "
         "«Радуга» (г. Минск).", "хор «Радуга»"],
        # a legal form and the quoted name: the parent named inside the unit's name, no short name of the unit
        ["Визит", "г. Орша", "10 сентября 2025 года", "Встреча в Оршанском колледже УО «Витебский государственный "
         "университет».", "УО «Витебский государственный университет»"],
        # named short first, in the place cell: the body is named in full
        ["Семинар", "г. Смоленск, центр «Мой бизнес»", "11 сентября 2025 года", "Семинар прошел в центре поддержки "
         "предпринимательства «Мой бизнес».", "Представители центра «Мой бизнес»"],
    ])
    ensembles = [{(e.id, e.country) for e in extracted.entities if "Коло" in e.name} for extracted in events[:2]]
    [(iri, state)] = ensembles[0]
    assert state == "RS" and iri.endswith("/ansambl-narodnogo-tantsa-kolo")
    assert ensembles[1] == {(iri, "RS")}  # the same ensemble, of its own state, in a row that names it short
    choirs = {e.name for e in events[2].entities if "Радуга" in e.name}
    assert choirs == {"хор ветеранов «Радуга»", "детский хор «Радуга»", "хор «Радуга»"}
    assert {e.name for e in events[3].entities if e.type is EntityType.ORG} == {
        "Оршанский колледж УО «Витебский государственный университет»", "УО «Витебский государственный университет»"}
    assert [e.name for e in events[4].entities if e.type is EntityType.ORG] == [
        "центр поддержки предпринимательства «Мой бизнес»"]


def test_a_body_called_by_its_names_opening_is_the_one_the_row_names_in_full(tmp_path, models):
    events = events_of(tmp_path, models, [
        ["Визит делегации Национального собрания Республики Беларусь", "г. Смоленск", "10 сентября 2025 года",
         "Депутаты Национального собрания Республики Беларусь посетили Смоленскую областную Думу. Председатель Думы "
         "рассказал о работе Думы. Делегация Национального собрания посетила музей.", "Депутаты"],
        ["Встреча с делегацией Государственного комитета по науке и технологиям Республики Беларусь", "г. Смоленск",
         "3 марта 2025 года", "Председатель Государственного комитета по науке и технологиям С.В. Шлычков посетил "
         "Смоленский научный центр. Государственный комитет предложил провести конкурс.", "Делегация"],
        # two bodies the short name opens: which one it calls, the row does not say
        ["Консультации", "г. Москва", "5 августа 2025 года", "Участвовали представители Министерства иностранных дел "
         "Республики Беларусь и Министерства иностранных дел Российской Федерации. Министерство иностранных дел "
         "подготовит доклад.", "Делегации"],
        # in that row only: another row's short name may call another body
        ["Конференция", "г. Кишинев", "6 августа 2025 года", "Выступили депутаты Национального собрания.", "Депутаты"],
    ])
    bodies = [{e.name: e.country for e in extracted.entities if e.type is EntityType.ORG} for extracted in events]
    assert bodies[0] == {"Национальное собрание Республики Беларусь": "BY", "Смоленская областная Дума": "RU"}
    assert bodies[1] == {"Государственный комитет по науке и технологиям Республики Беларусь": "BY",
                         "Смоленский научный центр": "RU"}
    # the person whose post names the body short is of its state (was of the venue's)
    assert {(e.name, e.country) for e in events[1].entities if e.type is EntityType.PER} == {("С.В. Шлычков", "BY")}
    assert "Министерство иностранных дел" in bodies[2]
    assert bodies[3] == {"Национальное собрание": "MD"}


def test_a_site_lies_in_the_state_and_on_the_side_of_the_place_the_row_was_held(tmp_path, models):
    events = events_of(tmp_path, models, [
        ["Памятная акция", "г. Витебск, Республика Беларусь", "5 июля 2025 года",
         "Возложение цветов на площади Победы и к мемориальному комплексу «Прорыв».", "Делегация Смоленской области"],
        ["Субботник", "г. Смоленск, Парк культуры и отдыха «Соловьиная роща»", "6 июля 2025 года",
         "Участники прошли к площади Ленина.", "Молодёжь Смоленской области"],
        ["Форум", "г. Москва, ВДНХ", "7 июля 2025 года", "Работали на площади Ленина.", "Делегация"],
        ["Переговоры", "г. Минск, г. Москва", "8 июля 2025 года", "Встреча на площади Ленина.", "Представители"],
        ["Ярмарка", "г. Бергамо, провинция Бергамо, Итальянская Республика", "9 июля 2025 года",
         "Стенд региона.", "Представители"],
    ])
    sites = [{e.name: (e.country, e.smolensk) for e in extracted.entities  # the places no gazetteer knows
              if e.type is EntityType.LOC and models.gazetteer.lookup(e.name) is None} for extracted in events]
    kinds = [{e.name: e.kind for e in extracted.entities if e.type is EntityType.LOC} for extracted in events]
    assert sites[0] == {"площадь Победы": ("BY", False), "мемориальный комплекс «Прорыв»": ("BY", False)}
    assert sites[1] == {"Парк культуры и отдыха «Соловьиная роща»": ("RU", True), "площадь Ленина": ("RU", True)}
    # a place of the place cell that no gazetteer knows is of the town before it; Moscow is no Smolensk side
    assert sites[2] == {"ВДНХ": ("RU", False), "площадь Ленина": ("RU", False)}
    assert kinds[2] == {"Москва": PlaceKind.CITY, "ВДНХ": PlaceKind.SITE, "площадь Ленина": PlaceKind.SITE}
    # a place after «провинция» is a region, of the state of the cell's other places, and no town's: the province
    # the gazetteer lacks is another place than its town, told apart by its state
    bergamo = {e.kind: (e.id.rsplit("/", 1)[1], e.country) for e in events[4].entities if e.name == "Бергамо"}
    assert bergamo == {PlaceKind.CITY: ("bergamo", "IT"), PlaceKind.REGION: ("bergamo-it", "IT")}
    assert sites[3] == {"площадь Ленина": (None, False)}  # held in two states: where the square is, is not said
    # every town has its «площадь Ленина»: one entity for each town, and one for the square of no known town
    squares = [next(e.id for e in extracted.entities if e.name == "площадь Ленина") for extracted in events[1:4]]
    assert len(set(squares)) == 3 and squares[0].endswith("/place/ploshchad-lenina-smolensk")


def test_a_place_is_one_entity_under_each_of_its_names_and_a_capital_is_not_a_village_by_its_name(tmp_path,
                                                                                                   models):
    events = events_of(tmp_path, models, [
        ["Выставка «Зеленая неделя»", "г. Берлин, Федеративная Республика Германия", "5 июля 2025 года",
         "Стенд региона.", "Делегация Смоленской области"],
        ["Фестиваль", "г. Донецк, Донецкая Народная Республика", "6 июля 2025 года",
         "Выступили коллективы Смоленской области и ДНР.", "Делегация"],
        ["Слет", "г. Смоленск", "7 июля 2025 года", "Команды Донецкой Народной Республики и Республики Крым.",
         "Команды"],
        ["Поездка", "Крым", "8 июля 2025 года", "Поездка школьников.", "Школьники"],
    ])
    places = [{e.name: (e.id, e.country) for e in extracted.entities if e.type is EntityType.LOC}
              for extracted in events]
    assert places[0]["Берлин"][1] == "DE"  # not the Urals village of that name
    donbass = {places[1]["Донецкая Народная Республика"], places[2]["Донецкая Народная Республика"]}
    assert len(donbass) == 1 and "ДНР" not in places[1]  # ДНР is that republic, named twice in the row
    assert places[3] == {"Республика Крым": places[2]["Республика Крым"]}  # «Крым»: the republic, by its name
    assert places[1]["Донецк"][1] == "RU"


def test_a_settlement_named_with_its_state_is_that_state_s_place_under_an_iri_of_its_own(tmp_path, models):
    """«г. Дзержинск, Минская область» is the Belarusian town: its own entity, point and identifier; «г. Дзержинск»
    alone stays the largest of the name (the Nizhny Novgorod region's)."""
    events = events_of(tmp_path, models, [
        ["Визит", "г. Дзержинск, Минская область, Республика Беларусь", "5 июля 2025 года", "Переговоры.",
         "Делегация Смоленской области"],
        ["Визит", "г. Дзержинск", "6 июля 2025 года", "Переговоры.", "Делегация Смоленской области"],
    ])
    belarusian, russian = (next(p.described for p in e.description.participants
                                if p.described.entity.name == "Дзержинск") for e in events)
    assert belarusian.entity.id.endswith("/place/dzerzhinsk-by") and belarusian.entity.country == "BY"
    assert 53.5 < belarusian.latitude < 53.8 and 27.0 < belarusian.longitude < 27.3  # south-west of Minsk
    assert belarusian.geonames == models.gazetteer.lookup("Дзержинск", state="BY").geonames
    assert russian.entity.id.endswith("/place/dzerzhinsk") and russian.entity.country == "RU"
    assert russian.geonames == models.gazetteer.lookup("Дзержинск").geonames != belarusian.geonames


def test_an_organisation_of_no_state_of_its_own_is_of_the_state_its_row_was_held_in(tmp_path, models):
    """A company met on a visit to Могилёв is Belarusian, and so is its director; a body of several states, or a
    name the text goes on with one's («Группы высокого уровня Совета Министров Союзного государства»), has no
    state wherever it meets; held in two states, where a company is from is not said."""
    events = events_of(tmp_path, models, [
        ["Командировка", "г. Могилев, Республика Беларусь", "5 июля 2025 года",
         "Переговоры с директором ООО «Триада» С.Д. Сендевым о филиале предприятия; встреча с представителями "
         "Постоянного Комитета Союзного государства.", "Советник Губернатора Смоленской области"],
        ["Заседание", "г. Смоленск", "6 июля 2025 года",
         "Состоялось заседание Группы высокого уровня Совета Министров Союзного государства; выступил "
         "представитель ООО «Вектор».", "Делегация"],
        ["Переговоры", "г. Минск, г. Москва", "8 июля 2025 года", "Переговоры с ООО «Сигма».", "Представители"],
    ])
    states = [{e.name: e.country for e in extracted.entities if e.type is not EntityType.LOC} for extracted in events]
    assert states[0]["ООО «Триада»"] == "BY" and states[0]["С.Д. Сендев"] == "BY"
    assert states[0]["Постоянный Комитет Союзного государства"] is None
    union = {name: state for name, state in states[1].items() if "Союзного государства" in name or "Группа" in name}
    assert union and set(union.values()) == {None}, union
    assert states[1]["ООО «Вектор»"] == "RU"  # in Smolensk, of Russia, but not on Smolensk's side
    assert not any(e.smolensk for e in events[1].entities if e.name == "ООО «Вектор»")
    assert states[2]["ООО «Сигма»"] is None


def test_a_full_name_with_a_patronymic_is_the_person_its_initials_name(tmp_path, models):
    """Named in full in one row and by initials in another: one person, called as the reports call officials."""
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([
        ["Визит", "г. Смоленск", "5 июля 2025 года",
         "Форум открыл Губернатор Смоленской области Василий Николаевич Анохин.", "Делегация"],
        ["Встреча", "г. Смоленск", "6 июля 2025 года", "Встреча с Губернатором Смоленской области В.Н. Анохиным.",
         "Делегация"]]), encoding="utf-8")
    people = [[(e.name, e.id) for e in event.entities if e.type is EntityType.PER]
              for event in extract_events([read_report(path)], models)]
    assert people[0] == people[1] and people[0][0][0] == "В.Н. Анохин"


def test_a_full_name_without_a_patronymic_is_the_person_its_given_names_initials_name(models):
    def iris(*names: str) -> dict[str, str]:
        people = [Entity(id="", type=EntityType.PER, name=name) for name in names]
        result = resolve(people, models.gazetteer, aliases=[])
        return {person.name: result.resolve(person, models.gazetteer).id for person in people}

    # two given names and a surname of two words, the Spanish way; one given name and a surname
    found = iris("Алели Мойсес Лопес Мартинес", "А.М. Лопес Мартинес", "А. Лопес Мартинес", "Мухаммад Али", "М. Али")
    assert found["Алели Мойсес Лопес Мартинес"] == found["А.М. Лопес Мартинес"] == found["А. Лопес Мартинес"]
    assert found["Мухаммад Али"] == found["М. Али"] != found["А.М. Лопес Мартинес"]
    # initials of other given names, another surname: other persons
    found = iris("Алели Мойсес Лопес Мартинес", "Х.М. Лопес Мартинес", "Мухаммад Али", "А. Али")
    assert len(set(found.values())) == 4
    # an Arab's three given names (his own, his father's, his grandfather's) and his surname
    found = iris("Атир Давуд Салман аль-Габбан", "А. аль-Габбан", "Х. аль-Габбан")
    assert found["Атир Давуд Салман аль-Габбан"] == found["А. аль-Габбан"] != found["Х. аль-Габбан"]
    # two full names the initials may stand for: no guess
    found = iris("Мухаммад Али", "Махмуд Али", "М. Али")
    assert len(set(found.values())) == 3
    # a given name and a surname in either order, as a list and a sentence write them; not another name's words
    found = iris("Солак Драган", "Драган Солак", "Драган Петрович")
    assert found["Солак Драган"] == found["Драган Солак"] != found["Драган Петрович"]


def test_a_foreign_official_named_in_full_and_by_initials_is_one_person(tmp_path, models):
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text([
        ["Встреча с Послом Республики Никарагуа", "г. Смоленск", "14 октября 2025 года",
         "Губернатор Смоленской области В.Н. Анохин и Посол Республики Никарагуа Алели Мойсес Лопес Мартинес "
         "обсудили перспективы сотрудничества.",
         "Чрезвычайный и Полномочный Посол Республики Никарагуа в Российской Федерации А.М. Лопес Мартинес"]]),
        encoding="utf-8")
    [event] = extract_events([read_report(path)], models)
    [ambassador] = [e for e in event.entities if e.type is EntityType.PER and e.country == "NI"]
    assert ambassador.name == "А.М. Лопес Мартинес"


def test_a_body_of_many_states_met_in_russia_is_no_russian_body(tmp_path, models):
    [event] = events_of(tmp_path, models, [
        ["Участие в форуме", "г. Казань", "10 августа 2025 года",
         "Проведены переговоры с представителями ШОС и ООН, ООО «Вектор».", "Делегация"]])
    states = {e.name: e.country for e in event.entities if e.type is EntityType.ORG}
    assert states == {"ШОС": None, "ООН": None, "ООО «Вектор»": "RU"}


def test_a_body_named_after_a_town_takes_the_towns_state_but_an_interstate_one_none(tmp_path, models):
    [event] = events_of(tmp_path, models, [
        ["Участие в Петербургском международном экономическом форуме", "г. Санкт-Петербург", "18-21 июня 2025 года",
         "Встреча с представителями Бакинского государственного университета и Шанхайской организации "
         "сотрудничества.", "Представители Петербургского государственного университета"]])
    states = {e.name: e.country for e in event.entities if e.type is EntityType.ORG}
    # «Петербургский» was Petersburg, Virginia's; the organisation of many states was China's, by Shanghai
    assert states == {"Бакинский государственный университет": "AZ", "Шанхайская организация сотрудничества": None,
                      "Петербургский государственный университет": "RU"}
    assert event.countries == ("AZ",)


@pytest.mark.parametrize(("row", "members", "state"), [
    (["Визит делегации Гродненской области", "г. Смоленск", "20–21 ноября 2025 года",
      "Делегацию возглавил заместитель председателя Гродненского облисполкома В.В. Ляшук. В составе делегации – "
      "ректор ГрГУ им. Янки Купалы Ю.Э. Белых. Делегация посетила ООО «Вектор».", "Делегация"],
     ["ГрГУ им. Янки Купалы", "Ю.Э. Белых"], "BY"),
    # «Состав делегации:» lists the members over semicolons; the delegation is named by its region's title and the
    # region: the company's director and his company are China's (were Russia's, where they were met)
    (["Прием делегации провинции Ганьсу (КНР)", "г. Смоленск", "20 августа 2025 года",
      "Состав делегации: Чжан Хуэй – заместитель губернатора провинции Ганьсу; Ван Фан – генеральный директор "
      "компании «Ганьсу Агро». Делегация посетила ООО «Вектор».", "Делегация"],
     ["компания «Ганьсу Агро»", "Ван Фан"], "CN"),
])
def test_a_foreign_delegations_members_are_of_its_state_where_it_was_met(tmp_path, models, row, members, state):
    [event] = events_of(tmp_path, models, [row])
    states = {e.name: e.country for e in event.entities if e.type in (EntityType.ORG, EntityType.PER)}
    # the members listed till the sentence ends; a body the delegation visited stays where it was met
    assert [states[member] for member in members] == [state] * len(members)
    assert states["ООО «Вектор»"] == "RU"


def test_a_church_named_with_its_holy_or_without_is_one_site(tmp_path, models):
    [event] = events_of(tmp_path, models, [
        ["Экскурсия", "г. Смоленск, Успенский кафедральный собор", "16 октября 2025 года",
         "Делегация посетила Свято-Успенский кафедральный собор и Никольский собор.", "Делегация"]])
    assert sorted(e.name for e in event.entities if e.kind is PlaceKind.SITE) == [
        "Никольский собор", "Свято-Успенский кафедральный собор"]


def test_a_site_in_brackets_lies_where_they_say(tmp_path, models):
    [extracted] = events_of(tmp_path, models, [
        ["Поездка", "г. Смоленск", "5 июля 2025 года", "Посещение объектов: Свято-Троицкий Болдинский мужской "
         "монастырь (Дорогобужский район, с. Болдино); памятник «Катюша» (г. Рудня).", "Делегация"]])
    sites = {e.name: (e.country, e.smolensk, e.id.rsplit("/", 1)[1]) for e in extracted.entities
             if e.kind is PlaceKind.SITE}
    assert sites == {"Свято-Троицкий Болдинский мужской монастырь":
                     ("RU", True, "svyato-troitskiy-boldinskiy-muzhskoy-monastyr"),  # in no town the brackets know
                     "памятник «Катюша»": ("RU", True, "pamyatnik-katyusha-rudnya")}  # in Рудня, not in Смоленск


def test_a_place_inside_an_unnamed_officials_post_is_no_place_of_the_event_but_its_state_takes_part(tmp_path, models):
    [extracted] = events_of(tmp_path, models, [["Рабочая встреча", "г. Гагарин", "5 июля 2025 года",
                                  "Встреча с мэром Витебска и заместителем Главы города Смоленска по строительству.",
                                  "Представители Новгородской области"]])
    assert {e.name for e in extracted.entities if e.type is EntityType.LOC} == {"Гагарин", "Новгородская область"}
    assert extracted.countries == ("BY",)


def test_smolensk_bodies_at_a_fair_abroad_stay_smolensks(tmp_path, models):
    """The description names the bodies after a Smolensk adjective, the participants under the region's words; the
    second row names them with nothing but the venue abroad, whose state they took."""
    events = events_of(tmp_path, models, [
        ["Выставка", "Республика Беларусь, г. Минск", "12 июля 2025 года",
         "Участие смоленских предприятий ОАО «Кристалл» и АО «Шарм» в выставке.", "ОАО «Кристалл», АО «Шарм»"],
        ["Выставка", "Республика Беларусь, г. Гродно", "13 июля 2025 года", "Участие в выставке.",
         "ОАО «Кристалл», АО «Шарм»"],
        ["Переговоры", "Республика Беларусь, г. Могилев", "14 июля 2025 года",
         "Переговоры с руководителями могилевских предприятий ОАО «Могилевлифтмаш» и ОАО «Бабушкина крынка».",
         "Делегация"],
    ])
    states = [{e.name: (e.country, e.smolensk) for e in extracted.entities if e.type is EntityType.ORG}
              for extracted in events]
    assert states[0] == states[1] == {"ОАО «Кристалл»": ("RU", True), "АО «Шарм»": ("RU", True)}
    assert states[2] == {"ОАО «Могилевлифтмаш»": ("BY", False), "ОАО «Бабушкина крынка»": ("BY", False)}


def test_bodies_a_row_names_as_one_sides_group_are_that_sides(tmp_path, models):
    """The description says whose the listed bodies are; the participants cell lists them with no place of their
    own: they are that side's, not of the venue's state; where the row names two sides' groups, the venue decides."""
    path = tmp_path / "2025-Q3.txt"
    ensembles = "ансамбль «Смоляне», народный хор «Славия»"
    path.write_text(report_text([
        ["Фестиваль", "Республика Беларусь, г. Орша", "16 июля 2025 года",
         "Участие творческих коллективов Смоленской области.", ensembles],
        ["Концерт", "Республика Беларусь, г. Браслав", "17 июля 2025 года",
         "Выступили коллективы из Витебской области.", "ансамбль «Поозерье»"],
        ["Встреча", "г. Смоленск", "18 июля 2025 года", "Переговоры с представителями белорусских предприятий.",
         "ОАО «Гомсельмаш», ООО «Альфа»"],
        ["Фестиваль", "г. Смоленск", "19 июля 2025 года",
         "Участие творческих коллективов Смоленской области и Республики Беларусь.", "ансамбль «Родники»"],
    ]), encoding="utf-8")
    states = [{e.name: (e.country, e.smolensk) for e in extracted.entities if e.type is EntityType.ORG}
              for extracted in extract_events([read_report(path)], models)]
    assert states[0] == {"ансамбль «Смоляне»": ("RU", True), "народный хор «Славия»": ("RU", True)}
    assert states[1] == {"ансамбль «Поозерье»": ("BY", False)}
    assert states[2] == {"ОАО «Гомсельмаш»": ("BY", False), "ООО «Альфа»": ("BY", False)}
    assert states[3] == {"ансамбль «Родники»": ("RU", False)}


def test_bodies_the_smolensk_sides_group_met_abroad_are_of_the_venues_state(tmp_path, models):
    """A row that names Smolensk's companies as a group makes its bodies Smolensk's, but not those it says they
    negotiated with abroad, listed after the meeting's noun and «с» or after a body that is, stated or not."""
    exhibition, mission = events_of(tmp_path, models, [
        ["Выставка «Белагро-2025»", "г. Минск, Республика Беларусь", "3-7 июня 2025 года",
         "Участие смоленских предприятий в выставке. Проведены переговоры с ОАО «Гомсельмаш» и ОАО «Лидагропроммаш»",
         "ООО «Смоленский завод»"],
        ["Деловая миссия", "г. Ташкент, Республика Узбекистан", "10-14 ноября 2025 года",
         "Деловая миссия смоленских предприятий. Проведены переговоры с хокимиятом Ташкентской области и АО "
         "«Узавтосаноат»", "ООО «Смоленский автоагрегатный завод»"],
    ])
    states = [{e.name: (e.country, e.smolensk) for e in extracted.entities if e.type is EntityType.ORG}
              for extracted in (exhibition, mission)]
    assert states[0] == {"ОАО «Гомсельмаш»": ("BY", False), "ОАО «Лидагропроммаш»": ("BY", False),
                         "ООО «Смоленский завод»": ("RU", True)}
    assert states[1] == {"хокимият Ташкентской области": ("UZ", False), "АО «Узавтосаноат»": ("UZ", False),
                         "ООО «Смоленский автоагрегатный завод»": ("RU", True)}


def test_a_body_where_the_smolensk_sides_group_showed_abroad_is_of_the_venues_state(tmp_path, models):
    """«выставка смоленских производителей в ТЦ «…»» in Minsk: the centre it was held in is Belarus's (was
    Smolensk's, the group's side); the group's own body stays Smolensk's."""
    (days,) = events_of(tmp_path, models, [
        ["Дни Смоленской области в Республике Беларусь", "г. Минск", "17-20 ноября 2025 года",
         "Выставка смоленских производителей в ТЦ «Galleria Minsk». Участвовало ООО «Альфа».",
         "Губернатор Смоленской области В.Н. Анохин"]])
    states = {e.name: (e.country, e.smolensk) for e in days.entities if e.type is EntityType.ORG}
    assert states == {"ТЦ «Galleria Minsk»": ("BY", False), "ООО «Альфа»": ("RU", True)}


def test_the_other_party_to_a_deal_of_the_smolensk_sides_group_abroad_is_of_the_venues_state(tmp_path, models):
    """A deal names its other party: after a contract's noun and «с», a delivery's «для» or «в адрес», or as the one
    a delivery's verb is for; not the producer whose goods were delivered (guard)."""
    [event] = events_of(tmp_path, models, [
        ["Поставка продукции смоленских предприятий в Монголию", "г. Улан-Батор (Монголия)", "в течение квартала",
         "Осуществлена поставка продукции ООО «Шанс» в Монголию. ООО «Альфа» заключило контракт с ООО «Бета». "
         "ООО «Гамма» осуществило поставку оборудования для ООО «Дельта». ООО «Эпсилон» отгрузило партию удобрений в "
         "адрес ООО «Дзета». ООО «Эта» поставило партию ковровых изделий ООО «Тета».", "Представители предприятий"],
    ])
    states = {e.name.removeprefix("ООО «").removesuffix("»"): e.country for e in event.entities
              if e.type is EntityType.ORG}
    assert states == {"Шанс": "RU", "Альфа": "RU", "Бета": "MN", "Гамма": "RU", "Дельта": "MN", "Эпсилон": "RU",
                      "Дзета": "MN", "Эта": "RU", "Тета": "MN"}


def test_a_body_on_a_tour_or_sending_a_delegation_home_is_of_the_one_foreign_state_the_row_names(tmp_path, models):
    """A visitor to a row held in Russia is not of the venue's state; where the row names several foreign states, or
    was held abroad, which state is the visitor's it does not say (guards)."""
    tour, delegation, two, abroad = events_of(tmp_path, models, [
        ["Гастроли Государственного академического драматического театра им. Я. Купалы", "г. Смоленск",
         "3-5 октября 2025 года", "Показаны спектакли.", "Артисты театра (г. Минск)"],
        ["Визит делегации Государственного комитета по науке и технологиям", "г. Смоленск", "3 марта 2025 года",
         "Обсуждено сотрудничество с Республикой Беларусь.", "Делегация"],
        ["Визит делегации Государственного комитета по стандартизации", "г. Смоленск", "4 марта 2025 года",
         "Обсуждено сотрудничество с Республикой Беларусь и Республикой Казахстан.", "Делегация"],
        ["Визит делегации ООО «Альфа»", "г. Минск", "5 марта 2025 года", "Переговоры.", "Делегация"],
    ])
    states = [{e.name: e.country for e in extracted.entities if e.type is EntityType.ORG}
              for extracted in (tour, delegation, two, abroad)]
    assert states[0] == {"Государственный академический драматический театр им. Я. Купалы": "BY"}
    assert states[1] == {"Государственный комитет по науке и технологиям": "BY"}
    assert states[2] == {"Государственный комитет по стандартизации": "RU"}
    assert states[3] == {"ООО «Альфа»": "BY"}


@pytest.mark.parametrize(("row", "guard", "body", "state"), [
    # met online, the row naming Mongolia only: the trade house is Mongolia's (was of no state); met in Smolensk, where
    # it may be the host, no state the row names is given it (guard)
    (["Онлайн-встреча с представителями Торгового дома «Монгол Шуудан»", "видеоконференция", "3 марта 2025 года",
      "Обсуждены поставки льняных тканей в Монголию.", "Директор центра поддержки экспорта"],
     ["Встреча с представителями Торгового дома «Альфа»", "г. Смоленск", "4 марта 2025 года",
      "Обсуждены поставки льняных тканей в Монголию.", "Директор центра поддержки экспорта"],
     "Торговый дом «{}»", "MN"),
    # the goods went to Uzbekistan for the company: it is Uzbekistan's (was Russia's, where the row was held); where
    # the row names two foreign states, which is the party's it does not say (guard)
    (["Поставка продукции в Республику Узбекистан", "г. Смоленск", "июль 2025 года",
      "Осуществлена поставка запасных частей для АО «Монгол Шуудан».", "Генеральный директор завода"],
     ["Поставка продукции в Республику Узбекистан и Республику Казахстан", "г. Смоленск", "август 2025 года",
      "Осуществлена поставка запасных частей для АО «Альфа».", "Генеральный директор завода"],
     "АО «{}»", "UZ"),
])
def test_a_body_met_online_or_dealt_with_is_of_the_one_foreign_state_the_row_names(tmp_path, models, row, guard,
                                                                                    body, state):
    named, unsaid = events_of(tmp_path, models, [row, guard])
    assert [e.country for e in named.entities if e.name == body.format("Монгол Шуудан")] == [state]
    assert [e.country for e in unsaid.entities if e.name == body.format("Альфа")] not in ([state], ["KZ"])


def test_a_body_listed_after_persons_met_abroad_is_of_the_venues_state(tmp_path, models):
    """The list after a meeting's noun and «с» may name persons first, and the bodies met after them in the
    instrumental; not a body a clause after the list names (guard)."""
    [event] = events_of(tmp_path, models, [
        ["Деловая миссия смоленских предприятий в Республику Узбекистан", "г. Ташкент", "14-18 апреля 2025 года",
         "Проведены переговоры с хокимом Самаркандской области Э.А. Турдимовым, заместителем хокима г. Ташкента "
         "Ш. Юсуповым, руководством АО «Узагротехсаноатхолдинг» и СП ООО «Samarkand Auto Invest», по итогам которых "
         "ООО «Альфа» подписало протокол.", "Представители предприятий"],
    ])
    states = {e.name: e.country for e in event.entities if e.type is EntityType.ORG}
    assert states == {"АО «Узагротехсаноатхолдинг»": "UZ", "СП ООО «Samarkand Auto Invest»": "UZ", "ООО «Альфа»": "RU"}


def test_the_other_party_to_a_smolensk_body_between_the_two_is_of_the_venues_state(tmp_path, models):
    """«между» a Smolensk body and a stateless one names the two sides of an agreement: no list of one state, and
    the other party is one the Smolensk side met abroad, in either order."""
    first, second = events_of(tmp_path, models, [
        ["Деловая миссия смоленских предприятий в Республику Казахстан", "г. Астана", "16-19 сентября 2025 года",
         "Подписано соглашение о сотрудничестве между АНО «Центр поддержки экспорта Смоленской области» и АО "
         "«QazTrade».", "Представители 12 смоленских предприятий"],
        ["Деловая миссия смоленских предприятий в Республику Казахстан", "г. Астана", "17 сентября 2025 года",
         "Подписан договор между АО «Альфа» и ООО «Смоленский мебельный комбинат».", "Представители предприятий"],
    ])
    assert [(e.country, e.smolensk) for e in first.entities if e.name == "АО «QazTrade»"] == [("KZ", False)]
    assert [(e.country, e.smolensk) for e in second.entities if e.name == "АО «Альфа»"] == [("KZ", False)]


def test_a_person_met_abroad_whose_post_names_no_state_is_of_the_venues_state(tmp_path, models):
    """Those the sentence says were met, after a meeting's noun and «с», listed with their posts; not one its next
    sentence names (guard), nor one met at home (guard)."""
    grodno, home = events_of(tmp_path, models, [
        ["Визит", "г. Гродно", "5 ноября 2025 года",
         "Состоялась встреча с Ю.В. Караевым, председателем Гродненского облисполкома, и И.И. Петровым, первым "
         "заместителем председателя. Программу визита подготовила С.С. Сидорова.", "Делегация"],
        ["Встреча", "г. Смоленск", "7 ноября 2025 года", "Встреча с П.П. Сидоровым, первым заместителем председателя.",
         "Делегация"],
    ])
    states = {e.name: e.country for e in grodno.entities if e.type is EntityType.PER}
    assert states == {"Ю.В. Караев": "BY", "И.И. Петров": "BY", "С.С. Сидорова": None}
    assert [e.country for e in home.entities if e.type is EntityType.PER] == [None]


def test_a_body_the_smolensk_side_met_abroad_through_its_official_is_of_the_venues_state(tmp_path, models):
    """«Встреча с генеральным директором ОАО «БелАЗ» …» in Жодино: the company met is Belarus's, and so is its
    director, though the row names Smolensk's companies as a group («смоленских предприятий»)."""
    event, = events_of(tmp_path, models, [
        ["Встреча с генеральным директором ОАО «БелАЗ» С.Н. Никифоровичем", "г. Жодино, Республика Беларусь",
         "20 ноября 2025 года", "Участие смоленских предприятий. Обсуждены поставки карьерной техники.",
         "Заместитель Губернатора Смоленской области В.Ю. Новиков"],
    ])
    states = {e.name: (e.country, e.smolensk) for e in event.entities if e.type in (EntityType.ORG, EntityType.PER)}
    assert states == {"ОАО «БелАЗ»": ("BY", False), "С.Н. Никифорович": ("BY", False),
                      "В.Ю. Новиков": ("RU", True)}


def test_a_group_named_as_whom_something_is_for_gives_the_rows_bodies_no_side(tmp_path, models):
    """«… ОАО «Карьертехника» для предприятий Смоленской области» in Жодино: the company supplies Smolensk's
    companies, no Smolensk body; it is of the venue's state."""
    event, = events_of(tmp_path, models, [
        ["Рабочая поездка в Республику Беларусь", "г. Жодино", "20 августа 2025 года",
         "Проведены переговоры о поставках карьерной техники ОАО «Карьертехника» для предприятий Смоленской "
         "области.", "Министерство промышленности Смоленской области"],
    ])
    states = {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.ORG}
    assert states == {"ОАО «Карьертехника»": ("BY", False),
                      "Министерство промышленности Смоленской области": ("RU", True)}


def test_bodies_a_sides_group_names_in_part_are_that_sides_where_the_row_names_two_sides_groups(tmp_path, models):
    """«8 смоленских компаний, в том числе …» names the bodies after it Smolensk's, though the row names Kazakhstan's
    companies too (two sides' groups, so the row's venue would decide)."""
    event, = events_of(tmp_path, models, [
        ["Бизнес-миссия в Казахстан", "г. Алматы, Республика Казахстан", "22-26 сентября 2025 года",
         "Проведены переговоры с компаниями Казахстана, в том числе с ТОО «Казахмыс».",
         "8 смоленских компаний, в том числе ООО «Смоленский завод ЖБИ», АО «Авангард»"],
    ])
    states = {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.ORG}
    assert states == {"ТОО «Казахмыс»": ("KZ", False), "ООО «Смоленский завод ЖБИ»": ("RU", True),
                      "АО «Авангард»": ("RU", True)}


def test_the_latin_body_of_a_row_that_names_a_foreign_states_body_by_adjective_is_of_that_state(tmp_path, models):
    """«китайской компании» in the title and one body in Latin letters elsewhere in the row: that body is China's (not
    Russia's, where it was met), and so is the person whose post names it; not where two such bodies stand."""
    one, two = events_of(tmp_path, models, [
        ["Визит делегации китайской компании", "г. Смоленск", "12 августа 2025 года",
         "Обсуждение поставок оборудования.",
         "Директор по развитию компании Huawei Technologies Co., Ltd. Ли Вэй, заместитель Губернатора Смоленской "
         "области В.В. Иванов"],
        ["Визит делегации китайской компании", "г. Смоленск", "13 августа 2025 года",
         "Обсуждение поставок оборудования.", "Представители компаний Huawei Technologies и Xiaomi Corporation"],
    ])
    assert {e.name: e.country for e in one.entities if e.type in (EntityType.ORG, EntityType.PER)} == {
        "Huawei Technologies Co., Ltd": "CN", "Ли Вэй": "CN", "В.В. Иванов": "RU"}
    assert {e.country for e in two.entities if e.type is EntityType.ORG} == {"RU"}


def test_a_company_of_a_foreign_legal_form_in_cyrillic_is_of_the_foreign_state_its_row_names(tmp_path, models):
    named, one = events_of(tmp_path, models, [
        ["Переговоры с китайской компанией", "г. Смоленск", "12 марта 2025 года",
         "Проведены переговоры с представителями компании «Шаньдун Хуасин Машинери Ко., Лтд».", "Делегация"],
        ["Онлайн-встреча с представителями провинции Хэнань КНР", "ВКС", "15 сентября 2025 года",
         "Приняли участие представители компании «Хэнань Чжунъюань Фуд Ко., Лтд».", "Делегация"],
    ])
    assert [e.country for e in named.entities if e.type is EntityType.ORG] == ["CN"]
    assert [e.country for e in one.entities if e.type is EntityType.ORG] == ["CN"]


def test_a_latin_company_of_a_foreign_legal_form_is_of_the_one_foreign_state_its_row_names(tmp_path, models):
    """A talk held online with China's province: the company in Latin letters with a foreign legal form is China's;
    not one without a legal form, nor where the row names two foreign states."""
    china, plain, two = events_of(tmp_path, models, [
        ["Онлайн-встреча с представителями провинции Хэнань КНР", "ВКС", "15 сентября 2025 года",
         "Приняли участие представители компании «Henan Zhongyuan Food Co., Ltd» во главе с генеральным директором "
         "компании «Henan Zhongyuan Food Co., Ltd» Ли Вэем.", "Министр сельского хозяйства и продовольствия "
         "Смоленской области Даниленко В.Б."],
        ["Онлайн-встреча с представителями провинции Хэнань КНР", "ВКС", "16 сентября 2025 года",
         "Приняли участие представители компании «Smolensk Digital».", "Делегация"],
        ["Онлайн-встреча с представителями КНР и Республики Беларусь", "ВКС", "17 сентября 2025 года",
         "Приняли участие представители компании «Harbin Minsk Trade Co., Ltd».", "Делегация"],
    ])
    assert [e.country for e in china.entities if e.name == "компания «Henan Zhongyuan Food Co., Ltd»"] == ["CN"]
    # and so is the person whose post names it, in its case
    assert [e.country for e in china.entities if e.name == "Ли Вэй"] == ["CN"]
    assert [e.country for e in plain.entities if e.name == "компания «Smolensk Digital»"] == [None]
    assert [e.country for e in two.entities if e.name == "компания «Harbin Minsk Trade Co., Ltd»"] == [None]


def test_a_short_name_and_the_person_whose_post_names_it_take_the_side_of_the_body_it_shortens(tmp_path, models):
    """«СГМУ» names no state by its letters; the row names the university whose words' first letters it is. So does
    «БРСМ» in a post that names a unit of it, quoted, with its legal form («ЦК ОО «БРСМ»»)."""
    event, youth = events_of(tmp_path, models, [
        ["Визит", "г. Смоленск", "20 октября 2025 года",
         "Визит делегации в ФГБОУ ВО «Смоленский государственный медицинский университет».", "Ректор СГМУ Р.С. Козлов"],
        ["Встреча с молодежным активом", "г. Смоленск", "21 октября 2025 года",
         "Организатор: ОО «Белорусский республиканский союз молодежи».",
         "Первый секретарь ЦК ОО «БРСМ» А.А. Лукьянов, начальник Департамента молодежной политики Смоленской "
         "области А.В. Иванов"],
    ])
    persons = {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.PER}
    assert persons == {"Р.С. Козлов": ("RU", True)}
    persons = {e.name: (e.country, e.smolensk) for e in youth.entities if e.type is EntityType.PER}
    assert persons == {"А.А. Лукьянов": ("BY", False), "А.В. Иванов": ("RU", True)}


def test_a_unit_of_a_body_the_row_names_by_its_short_name_is_of_that_bodys_state(tmp_path, models):
    """«исторический факультет БГУ»: the faculty of the Belarusian State University the row names in full, Belarus's
    as its dean is (was the venue's, Russia's); «БГУ» is the university, not the faculty whose name it ends (guard:
    «Смоленская областная Дума» beside «Дума» is still one body)."""
    (event,) = events_of(tmp_path, models, [
        ["Международная конференция", "г. Смоленск, Смоленский государственный университет", "23 октября 2025 года",
         "В конференции приняли участие ученые Белорусского государственного университета. Выступил председатель "
         "Смоленской областной Думы. Дума поддержала конференцию.",
         "Ректор СмолГУ Е.В. Кодин, декан исторического факультета БГУ А.Г. Кохановский"],
    ])
    bodies = {e.name: e.country for e in event.entities if e.type is EntityType.ORG}
    assert bodies == {"Смоленский государственный университет": "RU", "Белорусский государственный университет": "BY",
                      "Смоленская областная Дума": "RU", "исторический факультет БГУ": "BY"}
    assert {e.name: e.country for e in event.entities if e.type is EntityType.PER} == {
        "Е.В. Кодин": "RU", "А.Г. Кохановский": "BY"}


def test_the_holder_of_a_post_in_a_body_the_row_names_as_smolensks_is_on_smolensks_side(tmp_path, models):
    """The post names the company by its legal form, its words' initials and its quotation; the row names it in
    full, Smolensk's: the director is Smolensk's side too (his post's «АО» said Russia only). Not a body the row
    names as another's (guard: «ОАО «Гомельский … завод»» is no Smolensk company of that quotation)."""
    visit, guard = events_of(tmp_path, models, [
        ["Визит Посла Республики Индонезия", "г. Смоленск", "2 июня 2025 года",
         "Посол встретился с руководством АО «Смоленское производственное объединение «Аналитприбор».",
         "Губернатор Смоленской области В.Н. Анохин, генеральный директор АО «СПО «Аналитприбор» С.В. Киреев"],
        ["Визит делегации Гомельской области", "г. Смоленск", "3 июня 2025 года",
         "Делегация посетила АО «Смоленский завод «Кристалл».",
         "Директор ОАО «Гомельский завод «Кристалл» П.П. Петров"],
    ])
    persons = {e.name: (e.country, e.smolensk) for e in visit.entities if e.type is EntityType.PER}
    assert persons == {"В.Н. Анохин": ("RU", True), "С.В. Киреев": ("RU", True)}
    assert [e.smolensk for e in guard.entities if e.name == "П.П. Петров"] == [False]


def test_the_holder_of_a_post_in_a_body_the_row_says_represented_smolensk_is_on_smolensks_side(tmp_path, models):
    """The participants' cell names the company as the description does, which says it represented Smolensk: the
    director is Smolensk's (was of no state, abroad)."""
    (fair,) = events_of(tmp_path, models, [
        ["Выставка «Иннопром. Центральная Азия»", "г. Ташкент, Республика Узбекистан", "24-26 февраля 2025 года",
         "Смоленскую область представили ООО «Измерон-В» и АО «Авангард».",
         "Директор по развитию ООО «Измерон-В» П.П. Свиридов"]])
    assert [(e.country, e.smolensk) for e in fair.entities if e.name == "П.П. Свиридов"] == [("RU", True)]


def test_a_person_in_brackets_after_a_body_whose_post_names_none_is_that_bodys(tmp_path, models):
    """The ensemble's artistic director in brackets after it is Smolensk's as the ensemble is (his title said Russia
    only); one whose post names another body keeps that body's side (guard)."""
    (festival,) = events_of(tmp_path, models, [
        ["Участие в фестивале «Славянский базар в Витебске»", "г. Витебск", "10-14 июля 2025 года",
         "Выступил Смоленский государственный ансамбль песни и танца «Россия» (художественный руководитель – "
         "заслуженный артист России М.В. Соловьев) и ансамбль «Лявониха» (директор Витебской областной филармонии "
         "И.И. Петров).", "Министр культуры и туризма Смоленской области Н.В. Пупо"]])
    persons = {e.name: (e.country, e.smolensk) for e in festival.entities if e.type is EntityType.PER}
    assert persons["М.В. Соловьев"] == ("RU", True)
    assert persons["И.И. Петров"] == ("BY", False)


def test_the_holder_of_a_post_in_a_body_the_row_places_elsewhere_is_of_its_state(tmp_path, models):
    """The title places the company by its state in brackets; the participant's post names it alone: he is China's
    (was of no state). The company a post names is its holder's, not another the row places (guard)."""
    talks, branch = events_of(tmp_path, models, [
        ["Переговоры с делегацией компании «Чжэцзян Гэли Холдинг» (КНР)", "г. Смоленск", "9 сентября 2025 года",
         "Обсуждены перспективы размещения производства.",
         "Вице-президент компании «Чжэцзян Гэли Холдинг» Ли Цзюнь"],
        ["Встреча с представителями ООО «Белтранс» (Республика Беларусь) и ООО «Смолтранс»", "г. Смоленск",
         "10 сентября 2025 года", "Обсуждены перевозки.",
         "Директор ООО «Смолтранс» П.П. Петров; представитель ООО «Белтранс» И.И. Сидоров"],
    ])
    assert [e.country for e in talks.entities if e.name == "Ли Цзюнь"] == ["CN"]
    persons = {e.name: (e.country, e.smolensk) for e in branch.entities if e.type is EntityType.PER}
    assert persons["И.И. Сидоров"] == ("BY", False)
    assert persons["П.П. Петров"] != ("BY", False)


def test_a_short_name_of_the_names_starts_or_with_whom_the_body_is_named_after_takes_its_side(tmp_path, models):
    """«ВитГУ», «ГомГМУ» are their names' starts; «ВГУ имени П.М. Машерова» the short name and whom the university is
    named after: each, and the rector whose post names it, is of the university's state. Not a short name named
    after someone else («МГУ имени М.В. Ломоносова» beside Mogilev's university «имени А.А. Кулешова»)."""
    vitebsk, gomel, moscow = events_of(tmp_path, models, [
        ["Телемост", "в режиме видеоконференцсвязи", "5 августа 2025 года",
         "Телемост между ФГБОУ ВО «Смоленский государственный университет» и УО «Витебский государственный "
         "университет имени П.М. Машерова».",
         "Ректор СмолГУ Артеменков М.Н.\nРектор ВГУ имени П.М. Машерова Хроменков Е.Я.\nПроректор ВитГУ Петров "
         "И.И.\nпредставители ВитГУ"],
        ["Телемост", "в режиме видеоконференцсвязи", "6 августа 2025 года",
         "Телемост с УО «Гомельский государственный медицинский университет».", "Ректор ГомГМУ Стома И.О."],
        ["Телемост", "в режиме видеоконференцсвязи", "7 августа 2025 года",
         "Телемост с УО «Могилевский государственный университет имени А.А. Кулешова».",
         "Профессор МГУ имени М.В. Ломоносова Сидоров П.П."],
    ])
    sides = {e.name: (e.country, e.smolensk) for e in vitebsk.entities if e.type is EntityType.PER}
    assert sides == {"М.Н. Артеменков": ("RU", True), "Е.Я. Хроменков": ("BY", False), "И.И. Петров": ("BY", False)}
    assert {e.country for e in vitebsk.entities if e.type is EntityType.ORG} == {"RU", "BY"}
    assert [(e.name, e.country) for e in gomel.entities if e.type is EntityType.PER] == [("И.О. Стома", "BY")]
    assert [e.name for e in moscow.entities if e.type is EntityType.PER and e.country != "BY"] == ["П.П. Сидоров"]


def test_a_person_whose_post_names_the_short_name_the_row_defines_takes_its_bodys_side(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Визит делегации Гродненской области", "г. Смоленск", "2 сентября 2025 года",
         "Переговоры с руководством ОГКУ «Центр поддержки экспорта Смоленской области» (ЦПЭ).",
         "Заместитель председателя Гродненского облисполкома Шулейко Ю.В.\nЗаместитель директора ЦПЭ Марченкова Т.И."],
    ])
    persons = {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.PER}
    assert persons == {"Ю.В. Шулейко": ("BY", False), "Т.И. Марченкова": ("RU", True)}


def test_a_diplomat_whose_post_names_no_state_is_of_the_one_foreign_state_of_the_row(tmp_path, models):
    china, two = events_of(tmp_path, models, [
        ["Визит делегации Китайской Народной Республики", "г. Смоленск", "2 июля 2025 года", "Переговоры.",
         "Генеральный консул КНР в г. Санкт-Петербурге г-н Ло Цзиньюнь\nКонсул по экономическим вопросам г-жа Ван "
         "Лэй\nНачальник отдела Министерства экономического развития Смоленской области Петрова А.А."],
        ["Встреча с дипломатами КНР и Республики Беларусь", "г. Смоленск", "3 июля 2025 года", "Переговоры.",
         "Консул по экономическим вопросам г-жа Ли На"],
    ])
    assert {e.name: e.country for e in china.entities if e.type is EntityType.PER} == {
        "Ло Цзиньюнь": "CN", "Ван Лэй": "CN", "А.А. Петрова": "RU"}
    assert [e.country for e in two.entities if e.type is EntityType.PER] == [None]


def test_a_person_whose_post_names_a_body_by_its_word_alone_takes_the_side_of_the_one_body_of_that_word(tmp_path,
                                                                                                        models):
    theatre, museums = events_of(tmp_path, models, [
        ["Гастроли Национального академического Большого театра оперы и балета Республики Беларусь",
         "г. Смоленск, ОГАУК «Смоленская областная филармония»", "20 сентября 2025 года", "Концерт солистов.",
         "Художественный руководитель театра Громов В.В."],
        ["Выставка", "г. Смоленск", "21 сентября 2025 года",
         "Выставка подготовлена Смоленским государственным музеем-заповедником и Витебским областным краеведческим "
         "музеем.", "Директор музея Петров П.П."],
    ])
    assert [(e.name, e.country, e.smolensk) for e in theatre.entities if e.type is EntityType.PER] == [
        ("В.В. Громов", "BY", False)]
    assert [e.country for e in museums.entities if e.type is EntityType.PER] == [None]  # which museum's, unsaid


def test_a_post_names_a_unit_by_the_letters_of_its_own_words_before_its_parents(tmp_path, models):
    """«Командир 52-го ОСПБ» beside «52-й отдельный специализированный поисковый батальон Вооруженных Сил Республики
    Беларусь»: the letters of the battalion's own words, its number no word; the commander is Belarus's (was of no
    state)."""
    (event,) = events_of(tmp_path, models, [
        ["Совместная поисковая экспедиция", "Смоленская область, Краснинский район", "1-10 мая 2025 года",
         "В экспедиции участвовал 52-й отдельный специализированный поисковый батальон Вооруженных Сил Республики "
         "Беларусь.", "Командир 52-го ОСПБ подполковник А.Л. Коханский"]])
    assert [e.country for e in event.entities if e.name == "А.Л. Коханский"] == ["BY"]


def test_a_foreign_companys_office_in_russia_is_of_the_companys_state(tmp_path, models):
    """The office the company keeps in Moscow, named with its quotation, is Japan's as the company is, and so is its
    head (were Russia's, where the row was held)."""
    (event,) = events_of(tmp_path, models, [
        ["Визит представителей компании «Тойота Цусё» (Япония)", "г. Смоленск", "3 апреля 2025 года",
         "Обсуждены перспективы поставок оборудования.",
         "Генеральный директор представительства «Тойота Цусё» в Москве Кэндзи Сато"]])
    states = {e.name: e.country for e in event.entities if e.type in (EntityType.ORG, EntityType.PER)}
    assert (states["представительство «Тойота Цусё»"], states["Кэндзи Сато"]) == ("JP", "JP")


def test_a_post_names_a_performing_body_by_the_word_for_any_collective(tmp_path, models):
    """«Руководитель коллектива» beside the one ensemble the row names is its head, Smolensk's (was Russia's by her
    title); beside an ensemble and a choir of two sides, which one is unsaid (guard)."""
    one, two = events_of(tmp_path, models, [
        ["Участие в фестивале «Венок дружбы»", "г. Бобруйск", "6-8 июня 2025 года",
         "Смоленскую область представил народный ансамбль песни и танца «Смоляночка».",
         "Руководитель коллектива – заслуженный работник культуры Российской Федерации Т.Ф. Николаева"],
        ["Участие в фестивале «Венок дружбы»", "г. Бобруйск", "7 июня 2025 года",
         "Выступили ансамбль «Смоляночка» (г. Ярцево) и хор «Лявониха» (г. Бобруйск).",
         "Руководитель коллектива И.И. Петрова"],
    ])
    assert [(e.country, e.smolensk) for e in one.entities if e.name == "Т.Ф. Николаева"] == [("RU", True)]
    assert [e.smolensk for e in two.entities if e.name == "И.И. Петрова"] == [False]


def test_a_post_names_a_body_by_the_first_word_of_its_quoted_name_too(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Телемост «Смоленск – Гродно»", "в режиме видеоконференцсвязи", "15 сентября 2025 года",
         "Проведен телемост между учащимися СОГБОУ «Лицей имени Кирилла и Мефодия» и ГУО «Гимназия № 1 г. Гродно».",
         "Директор лицея Петрова Н.В., директор гимназии Сидорович А.А."],
    ])
    assert {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.PER} == {
        "Н.В. Петрова": ("RU", True), "А.А. Сидорович": ("BY", False)}


def test_a_post_names_of_several_bodies_of_its_word_the_one_its_sentence_names_before_it(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Визит соотечественников из Латвии", "г. Смоленск", "15 мая 2025 года",
         "Представители Латвийского общества русской культуры и председатель общества Т.А. Круглова посетили "
         "Смоленский кремль. Встреча прошла в Смоленском отделении Русского географического общества.", ""],
    ])
    assert [(e.name, e.country) for e in event.entities if e.type is EntityType.PER] == [("Т.А. Круглова", "LV")]


def test_a_venue_the_place_cell_names_is_of_the_venues_state_whoever_s_group_the_row_names(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Участие в выставке «Продэкспо»", "г. Москва, ЦВК «Экспоцентр»", "5–9 февраля 2025 года",
         "В выставке приняли участие смоленские производители, в том числе ООО «Бахус».", ""],
    ])
    assert {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.ORG} == {
        "ЦВК «Экспоцентр»": ("RU", False), "ООО «Бахус»": ("RU", True)}


def test_a_participant_s_post_names_of_several_bodies_of_its_word_the_one_the_title_names(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Гастроли Смоленского академического драматического театра им. А.С. Грибоедова в Республике Беларусь",
         "г. Минск, г. Брест", "10–15 октября 2025 года",
         "Театр показал спектакли на сценах Национального академического драматического театра имени М. Горького и "
         "Брестского академического театра драмы.",
         "Художественный руководитель театра, заслуженный артист Российской Федерации А.В. Петров; директор театра "
         "Н.Н. Сидорова"],
    ])
    # (of Russia by the title he holds, of the Smolensk side by the theatre he leads)
    assert {e.name: (e.country, e.smolensk) for e in event.entities if e.type is EntityType.PER} == {
        "А.В. Петров": ("RU", True), "Н.Н. Сидорова": ("RU", True)}


def test_a_village_no_gazetteer_knows_in_a_row_held_in_the_region_alone_is_the_regions(tmp_path, models):
    tour, abroad = events_of(tmp_path, models, [
        ["Информационный тур", "Смоленская область (г. Смоленск, Вяземский район)", "23–25 мая 2025 года",
         "Туроператоры посетили музей-заповедник в с. Хмелита.", "Туроператоры"],
        ["Информационный тур", "г. Минск", "26 мая 2025 года", "Туроператоры посетили усадьбу в д. Фленово.",
         "Туроператоры"],
    ])
    assert [(e.name, e.country, e.smolensk) for e in tour.entities if e.name == "Хмелита"] == [("Хмелита", "RU", True)]
    assert [(e.country, e.smolensk) for e in abroad.entities if e.name == "Фленово"] == [(None, False)]


def test_a_region_no_gazetteer_knows_after_its_title_is_of_the_one_foreign_state_of_the_row(tmp_path, models):
    china, two = events_of(tmp_path, models, [
        ["Визит в Китай", "г. Харбин", "2 октября 2025 года", "Переговоры с руководством уезда Дуннин.", "Делегация"],
        ["Встреча", "онлайн", "3 октября 2025 года", "Переговоры с КНР и Вьетнамом, с руководством уезда Чанлин.",
         "Делегация"],
    ])
    assert [(e.name, e.country) for e in china.entities if e.name == "Дуннин"] == [("Дуннин", "CN")]
    assert [e.country for e in two.entities if e.name == "Чанлин"] == [None]


def test_a_double_given_names_initials_and_the_full_name_are_one_person(tmp_path, models):
    first, second = events_of(tmp_path, models, [
        ["Визит", "г. Астана", "1 октября 2025 года", "Встреча с Президентом Республики Казахстан К.-Ж.К. Токаевым.",
         "Делегация"],
        ["Визит", "г. Астана", "2 октября 2025 года",
         "Встреча с Президентом Республики Казахстан Касым-Жомартом Кемелевичем Токаевым.", "Делегация"],
    ])
    assert {e.id for e in first.entities if e.type is EntityType.PER} == {
        e.id for e in second.entities if e.type is EntityType.PER}


def test_bodies_listed_right_after_a_sides_group_are_that_sides(tmp_path, models):
    brackets, colon = events_of(tmp_path, models, [
        ["Участие в выставке «Иннопром. Центральная Азия»", "г. Ташкент, Республика Узбекистан",
         "24–26 сентября 2025 года",
         "Смоленские предприятия (АО «Авиастар», ООО «Кронштадт», АО «Смоленский завод радиодеталей») представили "
         "продукцию. Проведены переговоры с компаниями Узбекистана и Казахстана.", "Делегация"],
        ["Участие в выставке", "г. Минск", "25 сентября 2025 года",
         "Представлены предприятия Смоленской области: ООО «Альфа», АО «Бета». Переговоры с ОАО «Гомсельмаш».",
         "Делегация"],
    ])
    assert {e.name: (e.country, e.smolensk) for e in brackets.entities if e.type is EntityType.ORG} == {
        "АО «Авиастар»": ("RU", True), "ООО «Кронштадт»": ("RU", True), "АО «Смоленский завод радиодеталей»": (
            "RU", True)}
    sides = {e.name: (e.country, e.smolensk) for e in colon.entities if e.type is EntityType.ORG}
    assert (sides["ООО «Альфа»"], sides["АО «Бета»"], sides["ОАО «Гомсельмаш»"]) == (
        ("RU", True), ("RU", True), ("BY", False))


def test_a_body_called_by_its_quoted_names_end_with_its_namesake_is_that_body(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Визит делегации Гомельской области", "г. Смоленск", "3–4 июня 2025 года",
         "Заключено соглашение о сотрудничестве между ОГБУК «Смоленский областной театр кукол им. Д.Н. "
         "Светильникова» и ГУК «Гомельский областной театр кукол».",
         "Директор Гомельского областного театра кукол Новикова Е.А.; директор театра кукол им. Д.Н. Светильникова "
         "Петрова О.В."],
    ])
    assert {e.name: (e.country, e.smolensk) for e in event.entities if e.type is not EntityType.LOC} == {
        "ОГБУК «Смоленский областной театр кукол им. Д.Н. Светильникова»": ("RU", True),
        "ГУК «Гомельский областной театр кукол»": ("BY", False),
        "Е.А. Новикова": ("BY", False), "О.В. Петрова": ("RU", True)}


def test_companies_listed_together_are_of_the_one_state_their_names_name(tmp_path, models):
    listed, exhibited, mixed = events_of(tmp_path, models, [
        ["Заседание Совместной комиссии", "онлайн", "10 сентября 2025 года",
         "Обсуждены поставки продукции ОАО «Гомсельмаш» и ОАО «Бобруйскагромаш».", "Делегации"],
        ["Участие в выставке «БЕЛАГРО-2025»", "г. Минск", "12 сентября 2025 года",
         "В экспозиции Смоленской области представлены ООО «Смоленская АПК», СПК «Колхоз им. Мичурина», ООО "
         "«Агрофирма «Наша житница».", "Делегации"],
        ["Заседание Совместной комиссии", "онлайн", "11 сентября 2025 года",
         "Обсуждены поставки продукции ООО «Агромашсервис», ОАО «Лидагропроммаш» и ЗАО «Атлант».", "Делегации"],
    ])
    states = {e.name: e.country for e in listed.entities if e.type is EntityType.ORG}
    assert (states["ОАО «Гомсельмаш»"], states["ОАО «Бобруйскагромаш»"]) == ("BY", "BY")
    # whatever their legal forms (in Minsk, a list of the Smolensk side's companies), not where most of the list's
    # names name no state
    sides = {e.name: (e.country, e.smolensk) for e in exhibited.entities if e.type is EntityType.ORG}
    assert sides["ООО «Агрофирма «Наша житница»"] == ("RU", True)
    assert {e.name: e.country for e in mixed.entities if e.type is EntityType.ORG}["ЗАО «Атлант»"] is None


def test_a_states_business_named_as_a_collective_makes_its_bodies_the_states(tmp_path, models):
    (event,) = events_of(tmp_path, models, [
        ["Встреча с представителями бизнеса Вьетнама", "г. Смоленск", "8 сентября 2025 года",
         "Представители компаний «Винамилк» и «Масан Групп» ознакомились с инвестиционным потенциалом региона.",
         "Делегация"],
    ])
    assert {e.name: e.country for e in event.entities if e.type is EntityType.ORG} == {
        "компания «Винамилк»": "VN", "компания «Масан Групп»": "VN"}


def test_a_region_and_its_town_of_one_name_in_a_row_are_two_places_of_its_state(tmp_path, models):
    """«эмират Шарджа» and «г. Шарджа» are the emirate and its town; a region of a partner's state named without
    its state gives the event that state (the row names no other)."""
    emirate, kerala, gagra = events_of(tmp_path, models, [
        ["Бизнес-миссия в эмират Шарджа", "г. Шарджа", "20 июля 2025 года", "Презентация региона.", "Делегация"],
        ["Визит делегации штата Керала", "г. Смоленск", "21 июля 2025 года", "Переговоры.", "Делегация"],
        ["Визит в Гагрский район", "г. Гагра", "22 июля 2025 года", "Встреча с главой района.", "Делегация"],
    ])
    places = {(e.name, e.kind, e.country) for e in emirate.entities if e.type is EntityType.LOC}
    assert places == {("Шарджа", PlaceKind.REGION, "AE"), ("Шарджа", PlaceKind.CITY, "AE")}
    assert len({e.id for e in emirate.entities}) == len(emirate.entities)
    assert (emirate.countries, kerala.countries, gagra.countries) == (("AE",), ("IN",), ("AB",))


def test_the_adjective_of_a_states_own_name_names_no_other_state(tmp_path, models):
    """«Республика Сербская» is Bosnia and Herzegovina's: its «Сербской» is not Serbia's adjective, in a post or a
    body's name either; a Serbian word elsewhere still is."""
    srpska, serbian = events_of(tmp_path, models, [
        ["Визит делегации Республики Сербская", "г. Смоленск", "8 декабря 2025 года",
         "Встреча с Министром торговли и туризма Республики Сербская Д. Стевандичем. Обсуждено открытие "
         "представительства Республики Сербской в Смоленске.", "Делегация"],
        ["Визит делегации Республики Сербская", "г. Смоленск", "9 декабря 2025 года",
         "Встреча с представителями сербских компаний.", "Делегация"],
    ])
    assert (srpska.countries, serbian.countries) == (("BA",), ("BA", "RS"))


def test_a_company_called_by_what_it_is_is_the_company_of_its_name_and_named_by_its_legal_form(tmp_path, models):
    """«компания «Белшина»» is «ОАО «Белшина»», across rows and in one row, where it takes the state the row gives
    it with its legal form (not the Smolensk side of the enterprises the row names as a group); an ensemble of the
    same name is another body."""
    talks, visit, concert = events_of(tmp_path, models, [
        ["Переговоры с компанией «Белшина»", "онлайн", "10 июня 2025 года", "Переговоры о поставках шин для "
         "предприятий Смоленской области с ОАО «Белшина» (г. Бобруйск).", "Министерство промышленности"],
        ["Визит на предприятие", "г. Бобруйск", "11 июня 2025 года", "Посещение компании «Белшина».", "Делегация"],
        ["Концерт", "г. Смоленск", "12 июня 2025 года", "Выступил ансамбль «Белшина».", "Делегация"],
    ])
    [company] = [e for e in talks.entities if e.type is EntityType.ORG and "Белшина" in e.name]
    assert (company.name, company.country, company.smolensk) == ("ОАО «Белшина»", "BY", False)
    assert [e.id for e in visit.entities if "Белшина" in e.name] == [company.id]
    assert [e.id for e in concert.entities if "Белшина" in e.name] != [company.id]


def test_a_state_a_price_is_in_takes_no_part(tmp_path, models):
    """«долларов США», «китайских юаней»: a price's state, by name or adjective, adds no state to the event; a
    delegation of the state does."""
    prices, delegation = events_of(tmp_path, models, [
        ["Встреча с Послом", "г. Смоленск", "3 марта 2025 года", "Обсуждены итоги года: товарооборот с Республикой "
         "Беларусь составил 1,2 млрд долларов США, поставки в Китай – 300 млн китайских юаней (5 млн долл. США).",
         "Губернатор"],
        ["Визит", "г. Смоленск", "4 марта 2025 года", "Прибыла делегация США.", "Губернатор"],
    ])
    assert (prices.countries, delegation.countries) == (("BY", "CN"), ("US",))
