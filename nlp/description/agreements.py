"""Agreements and documents named in an event's description, with their parties."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import pairwise

from razdel import sentenize

from nlp.extraction.extract import in_brackets
from nlp.reading.dates import month_number
from nlp.records import Agreement, AgreementStatus, EntityType, Event, Field, Mention, PlaceKind
from nlp.resources import lexicon

_SIGNED = re.compile(r"подписа|заключ", re.IGNORECASE)
_PARTY_PLACES = (PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.DISTRICT, PlaceKind.CITY)
# the date a document is cited with: «от 19.11.2024», «от 12 мая 2010 г.»
_DATE = re.compile(r"\bот\s+(\d{1,2})(?:\.(\d{1,2})\.|\s+([а-яё]+)\s+)(\d{4})\b", re.IGNORECASE)
_NUMBER = re.compile(r"№\s*([\w/-]+)")
# what a document is named after when it is carried out, not signed: «План мероприятий по реализации Соглашения»,
# «во исполнение Соглашения», «в рамках реализации Соглашения»
_CARRIED_OUT = re.compile(r"(?:(?:по|о|в\s+рамках)\s+реализации|во\s+исполнение)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# a document still to be signed: «планируемого к подписанию», «для подписания», «планируется подписать», «будет
# заключен», «достигнута договоренность о подписании», «запланировано подписание»; and a draft, named before it:
# «проект Соглашения»
_NOT_YET = re.compile(r"(?:к|для|до)\s+(?:его\s+|их\s+)?(?:подписани|заключени)\w*|\b(?:подписать|заключить)\b"
                      r"|\bбуд(?:ет|ут)\s+(?:подписан|заключен)\w*"
                      r"|\b(?:договор[её]нност\w*|договорились|решени\w*|намерени\w*)\s+о\s+(?:подписании|заключении)"
                      r"|\b(?:планир|запланир)\w*\s+(?:подписание|заключение)", re.IGNORECASE)
_DRAFT = re.compile(r"\bпроект\w*\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:вопрос\w*|реализаци\w*|заключение\s+соглашений)\b", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, int, int]]:
    """Sentences (razdel knows initials and "г."), cut further at ";" and line ends: list items, and at «, а
    также» where what follows names a document of its own («Подписаны Меморандум … между A и B, а также План …
    по реализации Соглашения между C и D»): (where what is said of it starts, start, stop). What is said of an item
    of a list a colon opens starts with the words before the colon («Подписаны: A; B», «Подписаны следующие
    документы:⏎- A;⏎- B»: both signed)."""
    clauses = []
    lead = None  # where the words before the colon of the list the lines are items of start
    opened = None  # the same within a sentence: «Подписаны: A; B» (razdel ends a sentence at «;» too)
    for sentence in sentenize(text):
        for part in re.finditer(r"[^;\n]+", sentence.text):
            start = sentence.start + part.start()
            words = part.group().strip()
            if not _LIST_MARK.match(words):
                lead = None
            said = opened if opened is not None else lead if lead is not None else start
            if words.endswith(":"):
                lead = start
            elif opened is None and ":" in words:
                opened = start
            cuts = [start] + [start + m.end() for m in _ALSO.finditer(part.group())
                              if _kind(part.group()[m.end():]) is not None] + [sentence.start + part.end()]
            clauses += [(said, first, last) for first, last in pairwise(cuts)]
        if not sentence.text.rstrip().endswith(";"):
            opened = None
    return clauses


_LIST_MARK = re.compile(r"[-–—•·]|\d{1,2}[.)]\s")


_ALSO = re.compile(r",\s*а\s+также\s+")


def _kind(sentence: str) -> tuple[str, str, int, int] | None:
    """The phrase naming the first document a sentence names ("соглашения о сотрудничестве" -> "соглашение о
    сотрудничестве", «Плана мероприятий» -> «план мероприятий»), its code, and where the phrase ends and starts in
    the sentence."""
    found = None
    if not _any_kind().search(sentence):
        return None  # (most sentences name no document: one pass over them, not one a kind)
    for pattern, code, name in _kinds():
        matches = list(pattern.finditer(sentence))
        # documents counted name none in particular: the one named after them is («подписано 7 соглашений, в том
        # числе соглашение о сотрудничестве между …»)
        named = [match for match in matches if not _COUNTED.search(sentence, 0, match.start())]
        for match in named or matches:
            about = (match.group(2) or "").strip()
            if not about and (later := _ABOUT_AFTER_SIDES.match(sentence, match.end())) is not None:
                about = later.group(1).strip()  # «Соглашение между A и B о торгово-экономическом … сотрудничестве»
            if name == "протокол" and not about:
                continue  # a protocol without "о …" is minutes, not an agreement
            if found is None or match.start() < found[3]:
                kind = " ".join(p for p in ("трехстороннее" if match.group(1) and match.group(1).lower().startswith(
                    "трех") else "", name, about) if p)
                found = kind, "cooperation" if "сотрудничеств" in about and code == "agreement" else code, \
                    match.end(), match.start()
            break
    return found


# a count before a document's word: «7 соглашений», «пять меморандумов», «ряд соглашений», «несколько договоров»
_COUNTED = re.compile(r"(?:\b\d+|\b(?:дв[аеу]х?|тр[её]х|три|четыр(?:е|ех|ёх)|(?:пят|шест|сем|восьм|девят|десят)[ьи]"
                      r"|восемь|нескольк(?:о|их)|ряд|ряда))\s+$", re.IGNORECASE)


# what a document is about: «о сотрудничестве», «о торгово-экономическом и научно-техническом сотрудничестве»
_ABOUT = r"(\s+о\s+(?:[а-яё-]+(?:ом|ем|ой|ых|их)(?:,?\s+и\s+|,\s+|\s+))*[а-яё-]+)"
# … after the sides it is between
_ABOUT_AFTER_SIDES = re.compile(rf"\s+между\s.*?{_ABOUT}", re.IGNORECASE)


@cache
def _any_kind() -> re.Pattern[str]:
    """Any kind's pattern, its own words alone: where it finds none, no kind's whole pattern finds one."""
    return re.compile("|".join(f"(?:{pattern})" for pattern, _, _ in lexicon("agreement_kinds")), re.IGNORECASE)


@cache
def _kinds() -> list[tuple[re.Pattern[str], str, str]]:
    """The kinds' patterns (`agreement_kinds.tsv`), each with a bilateral or trilateral adjective before it and
    what it is about after it (`_ABOUT`)."""
    return [(re.compile(rf"\b(?:(трехсторонн\w*|двухсторонн\w*)\s+)?(?:{pattern})(?!енност)\w*{_ABOUT}?",
                        re.IGNORECASE), code, name) for pattern, code, name in lexicon("agreement_kinds")]


def _sides_in_a_row(parties: list[Mention], text: str) -> list[Mention]:
    """The sides named after «между», one after another: each joined to the one before by a comma, «и» or «, а
    также», with brackets that say where the one before is and a side's word between as may be, cut short too
    («… и городом Лида», «… и г. Лида»); not a body the sentence goes on to name («Во исполнение Соглашения между A и
    B … от 15 мая 2019 года ОГБПОУ «…» приняло на обучение …»)."""
    row: list[Mention] = []
    for mention in sorted(parties, key=lambda m: m.start):
        if row and not _SIDES_JOIN.fullmatch(text, row[-1].stop, mention.start):
            break
        row.append(mention)
    return row


_SIDES_JOIN = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:(?:,\s*а\s+также|,|и)\s*)?(?:(?!между\b)[а-яё]+(?:\.\s*|\s+))?")


def _betweens(sentence: str, after: int) -> list[int]:
    """Where each «между» of a sentence stands, after its document's kind."""
    return [match.start() for match in _BETWEEN.finditer(sentence, after)]


_BETWEEN = re.compile(r"\bмежду\b")


def _sides_of(parties: list[Mention], text: str) -> list[Mention]:
    """The parties but a region or a state named right after a side's place, which says where that place is
    («Самаркандской областью Республики Узбекистан», «городом Лида Гродненской области Республики Беларусь»), and a
    body named right after a side's body, the body it belongs to («ФГБОУ ВО «…» Минздрава России»): no sides of
    their own."""
    return [m for m in parties if not any(
        other.start < m.start and not text[other.stop:m.start].strip() and _where_or_whose(other, m)
        for other in parties)]


def _split_threeway(parties: list[Mention], text: str, between: int) -> list[list[Mention]]:
    """"трехсторонние соглашения между: A, B и C, D, E" are three: A+B with each of C, D, E."""
    joint = [m for m in parties if not re.search(r"\sи\s", text[between:m.start])]
    others = [m for m in parties if m not in joint]
    if len(joint) == 2 and len(others) > 1:
        return [joint + [other] for other in others]
    return [parties]


_WIDER = {PlaceKind.CITY: 0, PlaceKind.DISTRICT: 1, PlaceKind.REGION: 2, PlaceKind.COUNTRY: 3}


def _where_or_whose(side: Mention, after: Mention) -> bool:
    """Whether a mention right after a side's says where the side is (a wider place after a place) or whose it is
    (a body after a body)."""
    if side.type is EntityType.ORG or after.type is EntityType.ORG:
        return side.type is after.type
    return side.kind is not None and after.kind is not None and _WIDER[after.kind] > _WIDER[side.kind]


def _cited_date(sentence: str) -> date | None:
    """The date a document is cited with in a sentence, in figures or with its month's word, if it is a date."""
    for found in _DATE.finditer(sentence):
        month = int(found.group(2)) if found.group(2) else month_number(found.group(3))
        try:
            if month:
                return date(int(found.group(4)), month, int(found.group(1)))
        except ValueError:
            continue  # «от 31.02.2024»: no day
    return None


def find_agreements(event: Event, mentions: list[Mention]) -> list[Agreement]:
    """Every sentence of the title or description naming an agreement, with the organisations party to it.

    Parties are the organisations named after "между" (or, without it, in the sentence);
    a sentence that only talks of agreements in general, naming no party, gives none.
    """
    titled = _find_in(event, Field.TITLE, [m for m in mentions if m.field is Field.TITLE])
    described = _find_in(event, Field.DESCRIPTION, [m for m in mentions if m.field is Field.DESCRIPTION])
    # a title naming no party names one the description tells of («Подписание соглашения»: the «Соглашение о
    # сотрудничестве между …» below; «Подписание соглашения о сотрудничестве»: the «Соглашение … о
    # торгово-экономическом сотрудничестве»), not a second agreement
    titled = [a for a in titled if a.parties or not any(d.kind.startswith(a.kind) or d.kind_code == a.kind_code
                                                        for d in described)]
    return titled + described


def _find_in(event: Event, field: Field, mentions: list[Mention]) -> list[Agreement]:
    text = event.cell(field).text
    found: list[Agreement] = []
    if not _any_kind().search(text):
        return found  # (most cells name no document: they need not be cut into clauses)
    for item_start, clause_start, clause_stop in _clauses(text):
        sentence = text[clause_start:clause_stop]
        kind = _kind(sentence)
        if kind is None:
            continue
        between = sentence.find("между", kind[2])
        start = clause_start + (between if between >= 0 else 0)
        # the bodies named after «между», or in the sentence; and the places named after «между» («Соглашения между
        # Смоленской областью и Гродненской областью»: the regions are the sides), not in brackets, which say where a
        # side is («… Министерством культуры и туризма Смоленской области (Российская Федерация) и …»)
        parties = [m for m in mentions if (m.type is EntityType.ORG or between >= 0 and m.type is EntityType.LOC
                                           and m.kind in _PARTY_PLACES and not in_brackets(text, m.start))
                   and m.within is None and start <= m.start and m.stop <= clause_stop]
        # the sides after each «между», where the sentence names documents between several pairs («Заключены
        # договоры о сотрудничестве между A и B, между C и D»): one document each
        rows = [_sides_of(_sides_in_a_row([m for m in parties if m.start >= clause_start + found_between], text),
                          text) for found_between in _betweens(sentence, kind[2])] if between >= 0 else []
        pairs = [row for row in rows if len(row) > 1]
        parties = [side for pair in pairs for side in pair] if len(pairs) > 1 else rows[0] if rows \
            else _sides_of(parties, text)
        # "вопросы реализации соглашений": none in particular; not what a document names is to carry out («Подписан
        # План мероприятий по реализации Соглашения …»)
        generic = between < 0 and any(match.start() < kind[3] for match in _GENERIC.finditer(sentence))
        # what is said of a document listed after another is said of both («Подписаны Меморандум …, а также …»)
        said = text[item_start:clause_stop]
        if generic or (not parties and (between >= 0 or not _SIGNED.search(said))):
            continue
        day = _cited_date(sentence)
        number = _NUMBER.search(sentence)
        # a document cited with its date ("Договор … от 19.11.2024 № 152") was signed then; what is signed to carry
        # one out is another document, and the one carried out is only cited («Подписан План мероприятий по
        # реализации Соглашения …»)
        carried_out = _CARRIED_OUT.search(sentence, 0, kind[3]) is not None
        # a draft, or one still to be signed, is discussed («Обсужден проект Соглашения …, планируемого к подписанию»)
        draft = _DRAFT.search(sentence, 0, kind[3]) is not None
        status = AgreementStatus.SIGNED if _SIGNED.search(_NOT_YET.sub(" ", said)) and not (carried_out or draft) \
            or day else AgreementStatus.DISCUSSED
        groups = _split_threeway(parties, text, start) if kind[0].startswith("трех") \
            else pairs if len(pairs) > 1 else [parties]
        for group in groups:
            found.append(Agreement(
                report=event.report, number=event.number, kind=kind[0], kind_code=kind[1], status=status,
                parties=tuple(dict.fromkeys(m.normal for m in group)), start=clause_start, stop=clause_stop,
                text=sentence.strip(),
                date=day or event.start,
                document_number=number.group(1) if number else None))
    return found
