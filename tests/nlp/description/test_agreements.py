"""Agreements an event's title and description name, with their parties."""

from __future__ import annotations

import pytest

from nlp.pipeline import extract_events
from nlp.reading.report import read_report
from nlp.records import Agreement
from tests.conftest import report_text


def agreements(tmp_path, models, rows: list[list[str]]) -> list[Agreement]:
    """The agreements the events of a report of these rows name, in row order."""
    path = tmp_path / "2025-Q3.txt"
    path.write_text(report_text(rows), encoding="utf-8")
    return [a for extracted in extract_events([read_report(path)], models) for a in extracted.agreements]


@pytest.mark.parametrize(("title", "description", "kind"), [
    ("Подписание соглашения", "Подписано Соглашение о сотрудничестве между ОГБУК «Смоленская областная библиотека» "
     "и ГУК «Витебская областная библиотека».", "соглашение о сотрудничестве"),
    # what the title's is about, the description's says more closely: the same kind of document
    ("Подписание соглашения о сотрудничестве", "Подписано Соглашение между ОГБУК «Смоленская областная "
     "библиотека» и ГУК «Витебская областная библиотека» о культурном сотрудничестве.",
     "соглашение о культурном сотрудничестве"),
])
def test_a_title_naming_no_party_is_the_agreement_the_description_tells_of(tmp_path, models, title, description,
                                                                           kind):
    named = agreements(tmp_path, models, [[title, "г. Смоленск", "7 июля 2025 года", description,
                                           "Директора библиотек"]])
    assert [(a.kind, len(a.parties)) for a in named] == [(kind, 2)]


def test_documents_counted_name_the_one_named_after_them(tmp_path, models):
    named = agreements(tmp_path, models, [[
        "Форум регионов", "г. Витебск", "25 июня 2025 года", "В ходе форума подписано 7 соглашений, в том числе "
        "соглашение о сотрудничестве между ОГБПОУ «Смоленский политехнический техникум» и УО «Витебский "
        "государственный индустриальный колледж».", "Делегация"]])
    assert [(a.kind, a.kind_code, a.status.value, len(a.parties)) for a in named] == [
        ("соглашение о сотрудничестве", "cooperation", "signed", 2)]


def test_a_title_naming_an_agreement_the_description_does_not_is_one(tmp_path, models):
    named = agreements(tmp_path, models, [["Подписание соглашения", "г. Смоленск", "7 июля 2025 года",
                                           "Торжественная церемония.", "Делегации"]])
    assert [a.kind for a in named] == ["соглашение"]


def test_documents_listed_one_after_another_are_each_one_with_its_parties(tmp_path, models):
    named = agreements(tmp_path, models, [[
        "Визит", "г. Минск", "9 сентября 2025 года",
        "Подписаны Меморандум о взаимопонимании между Смоленской ТПП и Минской ТПП, а также План мероприятий по "
        "реализации Соглашения между Правительством Смоленской области и Минским облисполкомом.", "Делегация"]])
    found = [(a.kind, a.status.value, len(a.parties)) for a in named]
    # (the plan carrying out the agreement was signed, between the agreement's sides)
    assert found == [("меморандум о взаимопонимании", "signed", 2), ("план мероприятий", "signed", 2)]


def test_the_region_after_a_sides_town_and_the_body_after_a_sides_body_are_no_sides(tmp_path, models):
    named = agreements(tmp_path, models, [
        ["Подписание", "г. Вязьма", "21 ноября 2025 года",
         "Подписано соглашение о побратимских связях между городом Вязьма Смоленской области и городом Лида "
         "Гродненской области Республики Беларусь.", "Делегации"],
        ["Подписание", "г. Смоленск", "22 ноября 2025 года",
         "Заключен договор о сотрудничестве между ФГБОУ ВО «Смоленский государственный медицинский университет» "
         "Минздрава России и УО «Витебский государственный медицинский университет».", "Делегации"]])
    assert [[party.rsplit("/", 1)[1] for party in a.parties] for a in named] == [
        ["vyazma", "lida"],
        ["smolenskiy-gosudarstvennyy-meditsinskiy-universitet", "vitebskiy-gosudarstvennyy-meditsinskiy-universitet"]]


def test_a_sides_word_cut_short_stands_between_two_sides(tmp_path, models):
    named = agreements(tmp_path, models, [
        ["Форум", "г. Гродно", "26 июня 2025 года",
         "Подписаны: Соглашение о сотрудничестве между Правительством Смоленской области и Гродненским областным "
         "исполнительным комитетом; Договор о побратимских связях между г. Вязьма и г. Лида.", "Делегации"]])
    assert [[party.rsplit("/", 1)[1] for party in a.parties] for a in named] == [
        ["pravitelstvo-smolenskoy-oblasti", "grodnenskiy-oblastnoy-ispolnitelnyy-komitet"], ["vyazma", "lida"]]


def test_documents_between_several_pairs_are_one_each(tmp_path, models):
    named = agreements(tmp_path, models, [
        ["Подписание", "г. Смоленск", "13 июня 2025 года",
         "Заключены договоры о сотрудничестве между СмолГУ и Витебским государственным университетом, между СГМУ и "
         "Гродненским государственным медицинским университетом.", "Делегации"]])
    assert [[party.rsplit("/", 1)[1] for party in a.parties] for a in named] == [
        ["smolgu", "vitebskiy-gosudarstvennyy-universitet"],
        ["sgmu", "grodnenskiy-gosudarstvennyy-meditsinskiy-universitet"]]


def test_a_plan_or_programme_is_named_as_the_text_names_it(tmp_path, models):
    signed = (("Подписана", "программа сотрудничества"), ("Подписана", "программа совместных мероприятий"),
              ("Подписан", "план совместных действий"), ("Подписан", "план мероприятий"))
    rows = [["Подписание", "г. Минск", f"{day} сентября 2025 года", f"{verb} {phrase} между Смоленской областью и "
             "Минской областью на 2026–2028 годы.", "Делегация"] for day, (verb, phrase) in enumerate(signed, 1)]
    named = agreements(tmp_path, models, rows)
    assert [(a.kind, a.kind_code) for a in named] == [(phrase, "plan") for _, phrase in signed]


def test_an_agreement_a_signed_document_carries_out_is_cited_not_signed(tmp_path, models):
    # the plan is the document signed (between the sides of the agreement it carries out); a programme of no kind
    # leaves the agreement only cited
    named = agreements(tmp_path, models, [[
        "Подписание", "г. Минск", "9 сентября 2025 года",
        "Подписан План мероприятий по реализации Соглашения о сотрудничестве между Смоленской областью и Минской "
        "областью на 2025–2027 годы.", "Делегация"], [
        "Подписание", "г. Минск", "10 сентября 2025 года",
        "Во исполнение Соглашения между Смоленской областью и Минской областью подписана программа.", "Делегация"], [
        "Подписание", "г. Минск", "11 сентября 2025 года",
        "Подписано Соглашение о сотрудничестве между Смоленской областью и Минской областью.", "Делегация"]])
    found = [(a.kind_code, a.status.value, len(a.parties)) for a in named]
    assert found == [("plan", "signed", 2), ("agreement", "discussed", 2), ("cooperation", "signed", 2)]


def test_a_document_signed_to_carry_out_another_is_no_talk_of_agreements_in_general(tmp_path, models):
    # the plan names no sides where the agreement it carries out is not named with its sides; talk of carrying out
    # agreements names none
    named = agreements(tmp_path, models, [[
        "Заседание рабочей группы", "г. Сухум", "17 августа 2025 года",
        "Подписан План мероприятий на 2025–2026 годы по реализации Соглашения о торгово-экономическом "
        "сотрудничестве.", "Делегация"], [
        "Заседание рабочей группы", "г. Сухум", "18 августа 2025 года",
        "Обсуждены вопросы реализации соглашений о сотрудничестве.", "Делегация"]])
    assert [(a.kind, a.status.value, a.number) for a in named] == [("план мероприятий", "signed", 1)]


def test_the_sides_after_between_are_those_named_one_after_another(tmp_path, models):
    # a body the sentence goes on to name, after the agreement's date, is no side
    named = agreements(tmp_path, models, [[
        "Обучение", "г. Смоленск", "1 сентября 2025 года",
        "Во исполнение Соглашения между Администрацией Смоленской области и Правительством Кыргызской Республики о "
        "торгово-экономическом сотрудничестве от 15 мая 2019 года ОГБПОУ «Смоленский строительный колледж» приняло "
        "на обучение граждан Кыргызской Республики.", "Делегация"]])
    assert [[party.rsplit("/", 1)[1] for party in a.parties] for a in named] == [
        ["administratsiya-smolenskoy-oblasti", "pravitelstvo-kirgizii"]]


def test_a_draft_or_an_agreement_still_to_be_signed_is_discussed_not_signed(tmp_path, models):
    rows = [["Переговоры", "онлайн", f"{day} октября 2025 года", text, "Министерство"] for day, text in (
        (12, "Обсужден проект Соглашения о сотрудничестве между Правительством Смоленской области и Правительством "
             "Республики Абхазия, планируемого к подписанию в IV квартале 2025 года."),
        (13, "Согласован текст Соглашения между Смоленской областью и Минской областью для подписания на Форуме."),
        (14, "Соглашение между Смоленской областью и Минской областью будет подписано в ноябре."),
        (16, "Достигнута договоренность о подписании в IV квартале соглашения о сотрудничестве между Смоленской "
             "областью и Минской областью."),
        (17, "Запланировано подписание соглашения между Смоленской областью и Минской областью."),
        (15, "Подписано Соглашение между Смоленской областью и Минской областью."))]
    named = agreements(tmp_path, models, rows)
    found = [(a.status.value, len(a.parties)) for a in named]
    assert found == [("discussed", 2)] * 5 + [("signed", 2)]


@pytest.mark.parametrize(("description", "kind", "code"), [
    ("Подписано Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве между "
     "Правительством Смоленской области и Гомельским облисполкомом.",
     "соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве", "cooperation"),
    # what it is about may follow its sides
    ("Подписано соглашение между Правительством Смоленской области и Кабинетом Министров Республики Абхазия о "
     "торгово-экономическом, научно-техническом и культурном сотрудничестве.",
     "соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве", "cooperation"),
    ("Подписано соглашение между Правительством Смоленской области и ОАО «Гомсельмаш».", "соглашение", "agreement"),
])
def test_what_an_agreement_is_about_is_its_kind_with_every_adjective_listed(tmp_path, models, description, kind,
                                                                           code):
    named = agreements(tmp_path, models, [["Подписание", "г. Смоленск", "21 октября 2025 года", description,
                                           "Делегации"]])
    assert [(a.kind, a.kind_code, len(a.parties)) for a in named] == [(kind, code, 2)]


def test_a_document_cited_with_its_date_was_signed_then_in_figures_or_words(tmp_path, models):
    named = agreements(tmp_path, models, [[
        "Заседание", "г. Смоленск", "7 июля 2025 года",
        "Утвержден План мероприятий по реализации Соглашения между Администрацией Смоленской области и Витебским "
        "областным исполнительным комитетом от 12 мая 2010 г.", "Делегации"], [
        "Заседание", "г. Смоленск", "8 июля 2025 года",
        "Рассмотрено выполнение Договора между ОГБУК «Смоленская областная библиотека» и ГУК «Витебская областная "
        "библиотека» от 19.11.2024 № 152.", "Делегации"], [
        "Заседание", "г. Смоленск", "9 июля 2025 года",
        "Обсужден проект соглашения между Администрацией Смоленской области и Минским облисполкомом от 5 человек.",
        "Делегации"]])
    found = [(a.status.value, a.date.isoformat(), a.document_number) for a in named]
    assert found == [("signed", "2010-05-12", None), ("signed", "2024-11-19", "152"), ("discussed", "2025-07-09", None)]


def test_places_named_after_between_are_the_sides_and_those_in_brackets_say_where_a_side_is(tmp_path, models):
    named = agreements(tmp_path, models, [[
        "Визит", "г. Гродно", "7 июля 2025 года",
        "Подписана дорожная карта по реализации Соглашения между Смоленской областью и Гродненской областью.",
        "Делегации"], [
        "Визит", "г. Гродно", "8 июля 2025 года",
        "Подписан протокол о намерениях между Министерством культуры и туризма Смоленской области (Российская "
        "Федерация) и Управлением спорта и туризма Гродненского областного исполнительного комитета (Республика "
        "Беларусь).", "Делегации"]])
    found = [[party.rsplit("/", 2)[-2] for party in a.parties] for a in named]
    assert found == [["place", "place"], ["org", "org"]]


def test_a_plan_a_road_map_and_a_contract_are_documents_and_an_agreement_to_agree_none(tmp_path, models):
    named = agreements(tmp_path, models, [
        ["Подписание", "г. Минск", "10 октября 2025 года",
         "Подписан План совместных действий между Смоленской областной Думой и Витебским областным Советом "
         "депутатов на 2026–2028 годы.", "Делегации"],
        ["Визит", "г. Смоленск", "11 ноября 2025 года",
         "Подписана Дорожная карта по развитию сотрудничества между Смоленской областью и Самаркандской областью "
         "Республики Узбекистан.", "Делегации"],
        ["Контракт", "г. Смоленск", "13 ноября 2025 года",
         "ООО «Смоленский завод» заключило экспортный контракт с компанией «Artel» на сумму 1,5 млн долларов США.",
         "Представители"],
        # «договорились» is no «договор»: the agreement the sides will prepare is the document
        ["Встреча", "г. Смоленск", "12 ноября 2025 года",
         "Стороны договорились о подготовке к подписанию Соглашения о сотрудничестве между Смоленской областью и "
         "провинцией Хэйлунцзян.", "Представители"]])
    found = [(a.kind, a.kind_code, a.status.value, [party.rsplit("/", 1)[1] for party in a.parties]) for a in named]
    assert found == [
        ("план совместных действий", "plan", "signed",
         ["smolenskaya-oblastnaya-duma", "vitebskiy-oblastnoy-sovet-deputatov"]),
        # the state named after a side's region is the region's, no side of its own
        ("дорожная карта", "plan", "signed", ["smolenskaya-oblast", "samarkandskaya-oblast"]),
        ("контракт", "contract", "signed", ["smolenskiy-zavod", "kompaniya-artel"]),
        ("соглашение о сотрудничестве", "cooperation", "discussed", ["smolenskaya-oblast", "kheyluntszyan"])]


def test_the_documents_a_colon_lists_after_signed_are_signed(tmp_path, models):
    named = agreements(tmp_path, models, [[
        "Визит", "г. Смоленск", "11 ноября 2025 года",
        "Подписаны следующие документы:\n- Меморандум о взаимопонимании между АНО «Центр поддержки экспорта "
        "Смоленской области» и Торгово-промышленной палатой Республики Узбекистан;\n- Соглашение о сотрудничестве "
        "между Смоленской областью и Самаркандской областью.\nОбсуждены вопросы:\n- Соглашение о сотрудничестве между "
        "Смоленской областью и Ферганской областью.", "Делегации"],
        ["Визит", "г. Смоленск", "12 ноября 2025 года",
         "Подписаны: Меморандум между ООО «Альфа» и ООО «Бета»; Соглашение между ООО «Гамма» и ООО «Дельта».",
         "Делегации"]])
    assert [(a.kind_code, a.status.value) for a in named] == [
        ("memorandum", "signed"), ("cooperation", "signed"), ("cooperation", "discussed"),
        ("memorandum", "signed"), ("agreement", "signed")]
