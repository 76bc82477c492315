"""An organisation's name bounded by natasha's dependency parser (`nlp.extraction.syntax`), in report and news mode."""

from __future__ import annotations

import pytest
from natasha import Doc

from nlp.extraction.extract import extract
from nlp.extraction.syntax import PARSES
from nlp.records import EntityType


def orgs(models, text: str, report_rules: bool = True) -> set[str]:
    return {m.normal for m in extract(text, models, report_rules=report_rules) if m.type is EntityType.ORG}


@pytest.mark.parametrize(("text", "name"), [
    # a complement with «по» and the genitives and agreed participles inside it
    ("Жалоба направлена в Европейский суд по правам человека.", "Европейский суд по правам человека"),
    ("Агентство по охране окружающей среды США опубликовало доклад.", "Агентство по охране окружающей среды США"),
    ("Премия мира была вручена в Осло Организации по запрещению химического оружия за значительный вклад.",
     "Организация по запрещению химического оружия"),
    # a complement inside a complement takes any preposition
    ("Сотрудники Федеральной службы по надзору в сфере образования и науки провели проверку.",
     "Федеральная служба по надзору в сфере образования и науки"),
    # words coordinated inside a genitive chain
    ("Состоялось заседание Комиссии Парламентского Собрания Союза Беларуси и России по энергетике.",
     "Комиссия Парламентского Собрания Союза Беларуси и России по энергетике"),
    # what the action after «по» deals with
    ("Сотрудники Управления по контролю за оборотом наркотиков Главного управления МВД по Москве задержали курьера.",
     "Управление по контролю за оборотом наркотиков Главного управления МВД по Москве"),
    # «с», «за»
    ("В здании работал Фонд борьбы с коррупцией.", "Фонд борьбы с коррупцией"),
    ("Представители Центра общественного наблюдения за выборами Президента Российской Федерации выступили.",
     "Центр общественного наблюдения за выборами Президента Российской Федерации"),
    # the regions a body serves
    ("В 2004г. был назначен на должность первого замначальника управления по борьбе с терроризмом ФСБ России, "
     "затем стал начальником управления ФСБ по Чечне.", "управление ФСБ по Чечне"),
    ("Крымским следственным отделом на транспорте Главного следственного управления Следственного комитета РФ по "
     "Республике Крым завершено следствие.",
     "Главное следственное управление Следственного комитета РФ по Республике Крым"),
    ("Сотрудники Главного управления МВД России по Санкт-Петербургу и Ленинградской области задержали его.",
     "Главное управление МВД России по Санкт-Петербургу и Ленинградской области"),
    # the place a body serves, its abbreviated word with it
    ("Об этом сообщили в пресс-службе ГУ МВД России по г. Москве, передает агентство.",
     "пресс-служба ГУ МВД России по г. Москве"),
    # what a body is of, listed
    ("Экспозиция Военно-исторического музея артиллерии, инженерных войск и войск связи открылась.",
     "Военно-исторический музей артиллерии, инженерных войск и войск связи"),
    # the tagger reads «Сеула», «Шмырева» as nominatives though their forms are not their lemmas': genitives
    ("Южнокорейский суд центрального округа Сеула выдал ордер на арест.",
     "Южнокорейский суд центрального округа Сеула"),
    ("Делегация посетила Витебский областной музей Героя Советского Союза Миная Филипповича Шмырева.",
     "Витебский областной музей Героя Советского Союза Миная Филипповича Шмырева"),
    # adjectives listed before their noun; a list of what a body deals with in the genitive
    ("Сотрудники Центра химической, биологической, радиологической и ядерной обороны провели учения.",
     "Центр химической, биологической, радиологической и ядерной обороны"),
    ("Выступила глава Комитета Государственной Думы по вопросам семьи, женщин и детей.",
     "Комитет Государственной Думы по вопросам семьи, женщин и детей"),
    # a participle in a genitive chain agrees as an adjective does
    ("Выставка открылась в Дубенском филиале Мордовского республиканского объединенного краеведческого музея имени "
     "И. Д. Воронина в селе.",
     "Дубенский филиал Мордовского республиканского объединенного краеведческого музея имени И. Д. Воронина"),
    # a unit named by the body it belongs to, lowercase as it is
    ("Он перешёл в центральный аппарат СК РФ.", "центральный аппарат СК РФ"),
    ("Эфир подготовила дирекция радиовещания ВГТРК.", "дирекция радиовещания ВГТРК"),
])
def test_a_name_goes_on_over_the_words_that_hang_from_it(models, text, name):
    assert name in orgs(models, text)


@pytest.mark.parametrize(("text", "names"), [
    # a second body coordinated with the first is a name of its own
    ("Совещание провели Министерство культуры Республики Беларусь и Министерство образования Республики Беларусь.",
     {"Министерство культуры Республики Беларусь", "Министерство образования Республики Беларусь"}),
    # a participle after the name opens a clause
    ("Центр общественного наблюдения за выборами, расположенный в Смоленске, открылся.",
     {"Центр общественного наблюдения за выборами"}),
    # ... and one without its comma: an adjective whose noun does not follow is none of the name's
    ("Авария произошла напротив здания Национальной библиотеки Узбекистана расположенного на улице Навои.",
     {"Национальная библиотека Узбекистана"}),
    # a common noun right after a state is the clause's, not the name's
    ("Организаторы передают в Федеральную службу безопасности Российской Федерации информации о пользователях.",
     {"Федеральная служба безопасности Российской Федерации"}),
    # a post coordinated after what a body deals with is another party
    ("Делегацию возглавил председатель Комитета по делам молодежи и первый заместитель губернатора.",
     {"Комитет по делам молодежи"}),
    # after a person's initials only the surname is the name's, and a name ends with its line
    ("Худрук Санкт-Петербургского академического театра комедии имени Н. П. Акимова Татьяна Казакова заявила.",
     {"Санкт-Петербургский академический театр комедии имени Н. П. Акимова"}),
    ("Спектакль театра имени Марии Ермоловой\nМосковский театр", {"театр имени Марии Ермоловой", "Московский театр"}),
    # what the outer body deals with is not the inner body's
    ("Он стал заместителем председателя комитета Совета Федерации по экономической политике.",
     {"комитет Совета Федерации по экономической политике", "Совет Федерации"}),
    # a person named in the nominative after a body's place is the clause's subject
    ("Глава земельного отделения ХДС в Шлезвиг-Гольштейне Кристиан фон Беттихер выступил.",
     {"земельное отделение ХДС в Шлезвиг-Гольштейне", "ХДС"}),
    # a list of bodies in the genitive after a name stays a list
    ("Присутствовали представители Администрации Смоленской области, общественных организаций и молодежи.",
     {"Администрация Смоленской области"}),
    # a preposition no name's complement opens ends it ...
    ("На заседании Коллегии Минобороны России во главе с министром обсудили планы.",
     {"Коллегия Минобороны России", "Минобороны России"}),
    ("Жильё построено Китайской национальной нефтегазовой корпорацией для своих сотрудников.",
     {"Китайская национальная нефтегазовая корпорация"}),  # ... nor one before a pronoun
    # «для» before another body's people says whom an action is for (guard: before people alone, whom the body is for)
    ("Проведение мастер-классов преподавателями Смоленского областного колледжа искусств для учащихся Витебского "
     "государственного музыкального колледжа.",
     {"Смоленский областной колледж искусств", "Витебский государственный музыкальный колледж"}),
    ("Выступили воспитанники Смоленского областного центра для детей-сирот.",
     {"Смоленский областной центр для детей-сирот"}),
    # a post coordinated after a body, in its short form too, is another party
    ("Он был директором Пограничной службы ФСБ и первого замдиректора Федеральной службы безопасности РФ.",
     {"Пограничная служба ФСБ", "ФСБ", "Федеральная служба безопасности РФ"}),
    # a name opens with its capital: a lowercase adjective before it describes the body ...
    ("Лидер левоцентристской Демократической партии Италии выступил.", {"Демократическая партия Италии"}),
    # ... unless a capital before it opens the name
    ("Труппа Национального академического Большого театра оперы и балета Республики Беларусь приехала.",
     {"Национальный академический Большой театр оперы и балета Республики Беларусь"}),
    # a federal body's territorial one, named by its acronym and the region it serves; not a state a post deals with
    ("В работе приняли участие сотрудники УФСБ России по Смоленской области, УМВД России по Смоленской области и "
     "МЧС России.", {"УФСБ России по Смоленской области", "УМВД России по Смоленской области", "МЧС России"}),
    ("Спецпосланник ООН по Сирии прибыл в Женеву.", {"ООН"}),
    # a unit right after a post is the post's: the body after it is the party
    ("Выступил руководитель аппарата Правительства Российской Федерации.", {"Правительство Российской Федерации"}),
    # a capitalised post after a name opens the next party; a capitalised unit after it is a name of its own
    ("Он был назначен заместителем Председателя Правительства Российской Федерации Руководителя Аппарата "
     "Правительства Российской Федерации.",
     {"Правительство Российской Федерации", "Аппарат Правительства Российской Федерации"}),
    # «по» before a word that says why or how opens no sphere of the body's («по итогам», «по специальности»)
    ("Встреча с Министерством сельского хозяйства по итогам года прошла в Смоленске.",
     {"Министерство сельского хозяйства"}),
    ("Он окончил Московский университет государственного управления по специальности дизайнер.",
     {"Московский университет государственного управления"}),
    ("Делегация Комитета по внешним связям по приглашению Губернатора посетила Смоленск.",
     {"Комитет по внешним связям"}),
    # a body's place after a spelt-out place word is its own, as after «г.»
    ("Делегация Генерального консульства Республики Беларусь в городе Смоленске посетила выставку.",
     {"Генеральное консульство Республики Беларусь в городе Смоленске"}),
    # a compound noun written with spaces round its hyphen; not a dash before a post
    ("Он выступил перед Организацией стран - экспортеров нефти.", {"Организация стран - экспортеров нефти"}),
    ("Приветствие Правительства Смоленской области – министра промышленности зачитал он.",
     {"Правительство Смоленской области"}),
    # a capitalised body's own name, whatever case the tagger reads it in
    ("Он работал в Международном центре спортивных исследований Университета Нешателя.",
     {"Международный центр спортивных исследований Университета Нешателя", "Университет Нешателя"}),
])
def test_a_name_stops_where_its_words_end(models, text, names):
    assert orgs(models, text) == names


@pytest.mark.parametrize("report_rules", [True, False])
@pytest.mark.parametrize(("text", "name"), [
    ("Подписано Соглашение с Могилевским областным исполнительным комитетом о сотрудничестве.",
     "Могилевский областной исполнительный комитет"),
    ("Подписан Меморандум с Белорусским государственным университетом о сотрудничестве в сфере образования.",
     "Белорусский государственный университет"),
    ("Соглашение с Комитетом по образованию об установлении побратимских связей.", "Комитет по образованию"),
    # inside a complement the name has too
    ("Соглашение с Государственным комитетом по науке и технологиям о сотрудничестве.",
     "Государственный комитет по науке и технологиям"),
    # but a document's subject is part of the name («Организация Договора …»)
    ("Напомним, Организация Договора о коллективной безопасности была создана в 2002 году.",
     "Организация Договора о коллективной безопасности"),
])
def test_what_an_agreement_with_a_body_is_about_is_no_part_of_its_name(models, text, name, report_rules):
    assert orgs(models, text, report_rules) == {name}


@pytest.mark.parametrize(("text", "name"), [
    # «от» tells whom a member represents, no part of the body's name ...
    ("Судья Европейского суда по правам человека от России выступил с докладом.",
     "Европейский суд по правам человека"),
    ("Он был избран депутатом Курской областной думы от партии «Единая Россия».", "Курская областная дума"),
])
def test_a_name_stops_before_whom_someone_represents(models, text, name):
    found = orgs(models, text)
    assert name in found
    assert not [org for org in found if " от " in org]


def test_a_body_of_people_sent_from_somewhere_keeps_its_from(models):
    # ... but a mission's observers are sent from the body «от» names
    found = orgs(models, "Состоялась встреча с представителями Миссии наблюдателей от Содружества Независимых "
                         "Государств.")
    assert "Миссия наблюдателей от Содружества Независимых Государств" in found


def test_a_name_stops_before_a_person_and_a_complement_that_tells_where(models):
    found = extract("Губернатор Смоленской области В.Н. Анохин встретился с Послом Республики Беларусь в "
                    "Российской Федерации.", models, report_rules=True)
    assert {m.normal for m in found if m.type is EntityType.PER} == {"В.Н. Анохин"}
    assert not any(m.type is EntityType.ORG and "Анохин" in m.text for m in found)


def test_in_news_natashas_organisation_goes_on_over_untagged_words_only(models):
    text = "Жалоба направлена в Европейский суд по правам человека Совета Европы из Великобритании."
    natasha = Doc(text)
    natasha.segment(models.natasha.segmenter)
    natasha.tag_ner(models.natasha.ner_tagger)
    # natasha alone cuts the court's name before what it deals with: the case this module is for
    assert ("Европейский суд", "ORG") in {(span.text, span.type) for span in natasha.spans}
    news = {(m.type.value, m.text) for m in extract(text, models)}
    assert ("ORG", "Европейский суд по правам человека") in news
    # what natasha tagged after it stays natasha's own (news corpora annotate «Конгресса | США» as two)
    assert {(span.type, span.text) for span in natasha.spans if span.text != "Европейский суд"} <= news


def test_only_a_sentence_where_a_name_may_go_on_is_parsed(models):
    doc = models.nlp("Губернатор провел совещание. Жалоба направлена в Европейский суд по правам человека. "
                     "Делегация осмотрела город.")
    parsed = doc.user_data.get(PARSES, {})
    assert list(parsed) == [4]  # the second sentence, from its first token
    heads, relations = parsed[4]
    assert len(heads) == len(relations) == 9
    assert relations[heads.index(-1) if -1 in heads else 0] == "root"


def test_the_parser_on_a_sentence_is_natashas_syntax_parser(models):
    from nlp.extraction.ner import tag_pairs

    text = "Сотрудники Федеральной службы по надзору в сфере образования и науки провели проверку."
    doc = Doc(text)
    doc.segment(models.natasha.segmenter)
    doc.parse_syntax(models.natasha.syntax_parser)
    parser = models.natasha.syntax_parser.infer
    heads, relations = tag_pairs(parser, [[token.text for token in doc.tokens]])[0]
    # natasha names a head "sentence_token", 1-based, 0 for the root
    assert [(str(head), parser.decoder.rels_vocab.decode(rel)) for head, rel in zip(heads, relations, strict=True)] \
        == [(token.head_id.split("_")[1], token.rel) for token in doc.tokens]


@pytest.mark.parametrize(("text", "name", "body"), [
    # the parse hangs «Совета» from «заседание», and «от» from «работе»: natasha's names stopped before the body
    ("28 мая 2025 года состоялось заседание Группы высокого уровня Совета Министров Союзного государства. В ходе "
     "заседания выступил Губернатор.", "Группа высокого уровня Совета Министров Союзного государства",
     "Совет Министров Союзного государства"),
    ("Делегация Смоленской области приняла участие в работе Миссии наблюдателей от Содружества Независимых "
     "Государств на выборах депутатов.", "Миссия наблюдателей от Содружества Независимых Государств",
     "Содружество Независимых Государств"),
], ids=["a-group-of-a-council", "a-mission-from-a-commonwealth"])
def test_a_name_goes_on_over_the_body_the_text_names_right_after_it_where_the_parse_did_not_join_them(
        models, text, name, body):
    found = orgs(models, text)
    assert {name, body} <= found
    assert not [org for org in found if name.startswith(org + " ")]  # the unit's name cut before its body


def test_bodies_listed_one_after_another_stay_apart(models):
    found = orgs(models, "Во встрече приняли участие представители Группы высокого уровня, Совета Министров "
                         "Союзного государства и Постоянного Комитета Союзного государства.")
    assert {"Группа высокого уровня", "Совет Министров Союзного государства"} <= found
    assert not [org for org in found if org.startswith("Группа высокого уровня ")]


def test_natashas_organisation_goes_on_over_a_body_in_its_genitive_chain_which_stays_a_name(models):
    text = ("Визит официальной делегации с целью участия в заседании Группы высокого уровня Совета Министров "
            "Союзного государства")
    assert {"Группа высокого уровня Совета Министров Союзного государства",
            "Совет Министров Союзного государства"} <= orgs(models, text)
    assert "Группа высокого уровня" not in orgs(models, text)
