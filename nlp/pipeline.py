"""The extraction stage: from a Report to the event records of the export schema."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Set
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from razdel import sentenize
from spacy.tokens import Doc

from nlp.description.agreements import find_agreements
from nlp.description.concepts import organisation_kind_of
from nlp.description.describe import describe
from nlp.errors import rule_failure
from nlp.extraction.extract import ROLE_SEPARATOR, TOWN_POPULATION, CellReading, Models, load_models
from nlp.extraction.ner import row_doc, token_span
from nlp.extraction.rules import ADJECTIVE_CASE_ENDINGS, OPENING_QUOTES, load_lexicons, texts
from nlp.gazetteer.countries import SMOLENSK_COUNTRY, CountryTable, fold, load_countries
from nlp.gazetteer.places import Gazetteer, load_gazetteer
from nlp.heap import long_lived
from nlp.records import (
    FIELDS,
    Agreement,
    Entity,
    EntityType,
    Event,
    ExtractedEvent,
    Field,
    Mention,
    PlaceKind,
    Report,
    pickled_by_fields,
)
from nlp.resolution.corrections import apply_corrections, decided_points, read_corrections
from nlp.resolution.resolve import Alias, company_called, minted_iri, org_parts, resolve, shortens, whole_word
from nlp.resources import lexicon

__all__ = ["ExtractedEvent", "Models", "event_entities", "event_records", "extract_events", "load_models"]


def mention_key(mention: Mention) -> tuple[str, ...]:
    """What makes two mentions of one event the same entity."""
    if mention.type is EntityType.PER:
        surname = re.findall(r"[А-ЯЁA-Zа-яёa-z-]{2,}", mention.normal)
        initial = re.match(r"([А-ЯЁA-Z])\.", mention.normal)
        return ("PER", fold(surname[-1]) if surname else fold(mention.normal), initial.group(1) if initial else "")
    if mention.type is EntityType.LOC and mention.kind == "country" and mention.country:
        return ("LOC", "country", mention.country)
    if mention.type is EntityType.LOC and mention.kind == "region":  # «эмират Шарджа», not the town «г. Шарджа»
        return ("LOC", "region", fold(mention.normal))
    return (mention.type.value, fold(mention.normal.replace("«", '"').replace("»", '"')))


def provisional_id(mention: Mention) -> str:
    return ":".join(mention_key(mention)).lower()


def event_entities(mentions: list[Mention]) -> list[Entity]:
    """One entity per distinct thing the event's mentions name, in order of first mention."""
    entities: dict[tuple[str, ...], Entity] = {}
    for mention in mentions:
        key = mention_key(replace(mention, normal=mention.alias_of) if mention.alias_of else mention)
        roles = tuple(mention.role.split(ROLE_SEPARATOR)) if mention.role else ()
        known = entities.get(key)
        if known is None:
            # (named in full where the first mention is a short name the row gives the full one of)
            entities[key] = Entity(id=provisional_id(mention), type=mention.type,
                                   name=mention.alias_of or mention.normal, country=mention.country,
                                   smolensk=mention.smolensk, kind=mention.kind, roles=roles, mentions=(mention,))
        else:
            merged_roles = known.roles + tuple(r for r in roles if fold(r) not in map(fold, known.roles))
            entities[key] = Entity(known.id, known.type, known.name, known.country or mention.country,
                                   known.smolensk or mention.smolensk, known.kind, merged_roles,
                                   known.mentions + (mention,))
    return list(entities.values())


def filled_cells(event: Event) -> list[tuple[Field, str]]:
    """(field, text) of the row's cells that have text."""
    return [(field, cell.text) for field, cell in zip(FIELDS, event.cells, strict=True) if cell.text]


def event_mentions(event: Event, readings: list[CellReading], gazetteer: Gazetteer) -> tuple[list[Mention], set[str]]:
    """Mentions in every cell of the row, each with its field, and the states named by adjective or by an unnamed
    official's post («мэр Витебска»: Belarus takes part, Витебск is no place of the event).

    `readings`: what the rules read in the row's filled cells (`filled_cells`), in order.
    """
    mentions: list[Mention] = []
    adjectives: set[str] = set()
    sides: set[tuple[str, bool]] = set()
    body_sides: set[tuple[str, bool]] = set()
    docs = {field: reading.doc for (field, _), reading in zip(filled_cells(event), readings, strict=True)}
    for (field, _), reading in zip(filled_cells(event), readings, strict=True):
        # positions add no place (GUIDELINES: what counts as an entity)
        mentions += [replace(mention, field=field) for mention in reading.mentions if not mention.in_a_post]
        adjectives |= reading.adjectives
        adjectives |= {mention.country for mention in reading.mentions if mention.within == "post" and mention.country}
        sides |= reading.sides
        body_sides |= reading.body_sides
    mentions = _delegations_members(event, _settlements_of_the_smolensk_venue(
        _namesakes_of_the_venues_state(mentions, gazetteer), gazetteer))
    mentions = _latin_body_of_the_named_state(mentions, body_sides)
    mentions = _called_by_its_names_end(_called_by_head_and_quotation(mentions))
    mentions = _short_names_sides(_venues_placed(_called_by_its_names_opening(mentions)))
    mentions = _visitors_of_the_one_foreign_state(event, _sites_placed(mentions), adjectives)
    mentions = _organisations_placed(event, _listed_of_one_state(event, _units_away_of_placed_bodies(mentions)), sides)
    mentions = _diplomats_of_the_one_foreign_state(_posts_of_a_body_by_its_word(mentions, docs), adjectives)
    mentions = _holders_of_posts_in_placed_bodies(_holders_of_posts_in_smolensk_bodies(mentions, gazetteer))
    mentions = _heads_in_brackets_after_bodies(event, mentions)
    return _regions_of_the_one_foreign_state(mentions, adjectives), adjectives


def _heads_in_brackets_after_bodies(event: Event, mentions: list[Mention]) -> list[Mention]:
    """A person in brackets right after a body, whose post names no body (a title beside it may name a state), is that
    body's, of its state and side:
    «Смоленский государственный ансамбль песни и танца «Россия» (художественный руководитель – заслуженный артист
    России М.В. Соловьев)» (his title said Russia only)."""
    bodies = [m for m in mentions if m.type is EntityType.ORG and m.country and m.field is not None]
    if not bodies:
        return mentions  # (most rows)

    def body_of(person: Mention) -> Mention | None:
        text = event.cell(person.field).text if person.field is not None else ""
        for body in bodies:
            opening = text.find("(", body.stop)
            if body.field == person.field and opening != -1 and not text[body.stop:opening].strip() \
                    and opening < person.start and not _BRACKET_SHUT.search(text, opening + 1, person.start) \
                    and person.country in (None, body.country):
                return body
        return None

    return [replace(m, country=body.country, smolensk=body.smolensk)
            if m.type is EntityType.PER and m.role and not _NAMES_A_BODY.search(m.role.split(ROLE_SEPARATOR)[0])
            and (body := body_of(m)) is not None else m for m in mentions]


_BRACKET_SHUT = re.compile(r"[()]")
_NAMES_A_BODY = re.compile(r"[«\"]|\s[А-ЯЁ]")  # a post naming a body: a quotation or a capitalised word after its first


def _units_away_of_placed_bodies(mentions: list[Mention]) -> list[Mention]:
    """A unit a body keeps in another place (`away` in `org_heads.tsv`), named with the quotation of a body the row
    names with its state, is of that body's state: «представительство «Тойота Цусё» в Москве» beside «компания
    «Тойота Цусё»» (Япония): Japan's, not Russia's where the row was held."""
    lex = load_lexicons()
    stated = {quoted.group(1): m for m in mentions if m.type is EntityType.ORG and m.country
              and (quoted := _QUOTATION.search(m.normal)) is not None}
    if not stated:
        return mentions  # (most rows)

    def body_of(unit: Mention) -> Mention | None:
        quoted = _QUOTATION.search(unit.normal)
        head = unit.normal.split(maxsplit=1)[0].lower()
        return stated.get(quoted.group(1)) if quoted is not None and "away" in lex.head_flags(head) else None

    return [replace(m, country=body.country, smolensk=body.smolensk)
            if m.type is EntityType.ORG and m.country is None and (body := body_of(m)) is not None else m
            for m in mentions]


_QUOTATION = re.compile(r"«([^«»]+)»")


def _holders_of_posts_in_placed_bodies(mentions: list[Mention]) -> list[Mention]:
    """A person of no state whose post names a body the row names elsewhere with its state is of that body's state
    and side: «Вице-президент компании «Чжэцзян Гэли Холдинг» Ли Цзюнь» under «Переговоры с делегацией компании
    «Чжэцзян Гэли Холдинг» (КНР)» (the post's own words named no state). Of the bodies the post names, the first
    so placed: the person's own, before its parents."""
    placed = {fold(m.normal): m for m in mentions if m.type is EntityType.ORG and m.country}
    holders = {id(m) for m in mentions if m.type is EntityType.PER and m.role and m.country is None}
    if not placed or not holders:
        return mentions  # (most rows)
    bodies = [m for m in mentions if m.type is EntityType.ORG and fold(m.normal) in placed]

    def body_of(person: Mention) -> Mention | None:
        post = fold(person.role or "")
        named = [(post.index(text), placed[fold(body.normal)]) for body in bodies
                 if body.field == person.field and (text := fold(body.text)) in post]
        return min(named, key=lambda pair: pair[0])[1] if named else None

    return [replace(m, country=body.country, smolensk=body.smolensk)
            if id(m) in holders and (body := body_of(m)) is not None else m for m in mentions]


def _holders_of_posts_in_smolensk_bodies(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A person whose post names a body by a name of it that resolution makes one with a body of the Smolensk side
    the row names, of the person's state or of none, is on Smolensk's side too: «генеральный директор АО «СПО
    «Аналитприбор»»» in a row that names АО «Смоленское производственное объединение «Аналитприбор»» (the post's
    «АО» said Russia only); and so is one whose post names such a body as the row does («директор по развитию ООО
    «Измерон-В»», a company the row says represented Smolensk)."""
    holders = [m for m in mentions if m.type is EntityType.PER and m.role and not m.smolensk]
    smolensk = [m for m in mentions if m.type is EntityType.ORG and m.smolensk]
    if not holders or not smolensk:
        return mentions  # (most rows: resolving nothing costs nothing)
    posts = {id(m): fold(m.role or "") for m in holders}
    as_named = {fold(body.text): body.country for body in smolensk}
    mentions = [replace(m, country=country, smolensk=True) if id(m) in posts and (country := next(
        (state for text, state in as_named.items() if text in posts[id(m)] and m.country in (None, state)),
        None)) is not None else m for m in mentions]
    named = [m for m in mentions if m.type is EntityType.ORG and not m.smolensk
             and any(fold(m.text) in post for post in posts.values())]
    if not named:
        return mentions
    entities = event_entities([*smolensk, *named])
    resolution = resolve(entities, gazetteer, aliases=[])
    sides = {resolution.resolve(e, gazetteer).id: e for e in entities if e.smolensk}
    bodies = [(fold(mention.text), body) for entity in entities if not entity.smolensk
              and (body := sides.get(resolution.resolve(entity, gazetteer).id)) is not None
              for mention in entity.mentions]

    def body_of(person: Mention) -> Entity | None:
        return next((body for text, body in bodies if text in posts[id(person)]
                     and person.country in (None, body.country)), None)

    return [replace(m, country=body.country, smolensk=True)
            if m.type is EntityType.PER and id(m) in posts and (body := body_of(m)) is not None else m
            for m in mentions]


def _posts_of_a_body_by_its_word(mentions: list[Mention], docs: dict[Field, Doc]) -> list[Mention]:
    """A person whose post names a body by its word alone («Художественный руководитель театра Громов В.В.»), in a
    row that names one body of that word, whatever cell names it («Гастроли Национального академического Большого
    театра оперы и балета Республики Беларусь»), is of that body's state and side; a performing collective's word
    names any such body («Руководитель коллектива – … Т.Ф. Николаева» beside «народный ансамбль песни и танца
    «Смоляночка»»: Smolensk's, was Russia's)."""
    lex = load_lexicons()

    def lemmas(mention: Mention) -> list[str]:
        span = token_span(docs[mention.field], mention.start, mention.stop) \
            if mention.field is not None and mention.field in docs else None
        # a name's own words are no body's word, but its first word and a quoted name's first word are its head
        # («Гимназия № 1 г. Гродно», ГУО «Гимназия № 1 …»)
        return [token.lemma_ for token in span if token.is_lower or token.i == span.start
                or (token.i > span.start and token.nbor(-1).text in OPENING_QUOTES)] if span is not None else []

    bodies: dict[str, dict[str, Mention]] = defaultdict(dict)
    for m in mentions:
        if m.type is EntityType.ORG and m.country and m.alias_of is None:
            head = next((lemma for lemma in lemmas(m) if lex.names_body(lemma)
                         or lex.names_body(lemma.partition("-")[0])), None)
            for word in {head, head.partition("-")[0]} if head is not None else ():
                bodies[word][m.normal] = m  # «музей-заповедник» is a «музей» too
            if head is not None and "troupe" in lex.head_flags(head):
                bodies[_COLLECTIVE][m.normal] = m  # an ensemble, a choir, a theatre is a «коллектив» too

    def body_of(mention: Mention) -> Mention | None:
        if mention.type is not EntityType.PER or not mention.role or mention.field is None \
                or mention.field not in docs:
            return None
        doc = docs[mention.field]
        cell_words = texts(doc)
        # each of its posts («Художественный руководитель театра; заслуженный артист Российской Федерации»)
        for role in mention.role.split(ROLE_SEPARATOR):
            words = role.split()
            if len(words) < 2 or not words[-1].islower():
                continue
            index = next((i for i in range(1, len(cell_words)) if cell_words[i] == words[-1]
                          and cell_words[i - 1] == words[-2] and doc[i - 1].lemma_ in lex.positions), None)
            word = doc[index] if index is not None else None
            named = list(bodies.get(word.lemma_, {}).values()) if word is not None else []
            if len(named) > 1:
                named = _the_one_meant(mention, named, doc.user_data["text"])
            # (of its state, or of none: a title's «Российской Федерации» says Russia, not which side)
            if len(named) == 1 and mention.country in (None, named[0].country):
                return named[0]
        return None

    return [replace(m, country=body.country, smolensk=m.smolensk or body.smolensk)
            if (body := body_of(m)) is not None else m for m in mentions]


_COLLECTIVE = "коллектив"  # a performing collective's word for any of them («Руководитель коллектива»)


def _the_one_meant(person: Mention, bodies: list[Mention], text: str) -> list[Mention]:
    """Of several bodies of a post's word, the one the person's sentence names before it («Делегация Латвийского
    общества русской культуры во главе с председателем общества Т.А. Кругловой»; the Russian Geographical Society the
    next one names), else, for a participant, the one the row's title names («Гастроли Смоленского … театра …» with
    «директор театра Н.Н. Сидорова», whatever theatres the description names)."""
    before = [body for body in bodies if body.field == person.field and body.stop <= person.start
              and not _SENTENCE_END.search(text, body.stop, person.start)]
    if len(before) == 1 or person.field != "participants":
        return before
    return [body for body in bodies if body.field == "title"]


_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[А-ЯЁA-Z«])|\n")


def _listed_of_one_state(event: Event, mentions: list[Mention]) -> list[Mention]:
    """Companies listed together (each named with its legal form), whose names name one state between them, in half
    the list at least, are of that state: «ОАО «Гомсельмаш» и ОАО «Бобруйскагромаш»» (the second's town is
    Belarus's; the first's name names none), «ООО «Смоленская АПК», СПК «Колхоз им. Мичурина», ООО «Агрофирма «Наша
    житница»». Not the two parties «между» names («соглашение между АНО «Центр поддержки экспорта Смоленской
    области» и АО «QazTrade»»: the sides of an agreement)."""
    bodies = [m for m in mentions if m.type is EntityType.ORG and m.alias_of is None and org_parts(m.normal)[0]]
    lists: list[list[Mention]] = []
    for body in sorted(bodies, key=lambda m: (str(m.field), m.start)):
        last = lists[-1][-1] if lists else None
        text = event.cell(body.field).text if body.field is not None else ""
        if last is not None and last.field == body.field and _BODIES_JOIN.fullmatch(text, last.stop, body.start):
            lists[-1].append(body)
        else:
            lists.append([body])
    stated: dict[tuple[Field | None, int], Mention] = {}
    for listed in lists:
        first = listed[0]
        if first.field is not None and _BETWEEN.search(event.cell(first.field).text, 0, first.start):
            continue
        states = {(m.country, m.smolensk) for m in listed if m.country}
        named = sum(1 for m in listed if m.country)
        if len(listed) > 1 and len(states) == 1 and 2 * named >= len(listed):
            country, smolensk = states.pop()
            stated |= {(m.field, m.start): replace(m, country=country, smolensk=smolensk)
                       for m in listed if m.country is None}
    return [stated.get((m.field, m.start), m) if m.type is EntityType.ORG else m for m in mentions]


_BETWEEN = re.compile(r"\bмежду\s*$", re.IGNORECASE)


def _regions_of_the_one_foreign_state(mentions: list[Mention], adjectives: Set[str]) -> list[Mention]:
    """A region no gazetteer knows, named after its title («уезда Дуннин», «провинции …»), in a row that names one
    foreign state only, by name or by adjective, is of that state."""
    state = _the_one_foreign_state(mentions, adjectives)
    return [replace(m, country=state) if m.type is EntityType.LOC and m.kind is PlaceKind.REGION
            and m.country is None else m for m in mentions] if state is not None else mentions


def _the_one_foreign_state(mentions: list[Mention], adjectives: Set[str]) -> str | None:
    """The one foreign state a row names, by name or by adjective; None where it names none or several."""
    foreign = ({m.country for m in mentions if m.country} | set(adjectives)) - {SMOLENSK_COUNTRY}
    return foreign.pop() if len(foreign) == 1 else None


def _visitors_of_the_one_foreign_state(event: Event, mentions: list[Mention], adjectives: Set[str]) -> list[Mention]:
    """A body that came on a tour or sent a delegation to a row held in Russia, named right after the word
    («Гастроли Государственного академического драматического театра им. Я. Купалы», «Визит делегации …»), whose own
    words name no state, is of the one foreign state the row names, not of the venue's: a visitor; and in a row that
    names no place, met online as may be, so is the body whose representatives were met («Онлайн-встреча с
    представителями Торгового дома «Монгол Шуудан»» in a row naming Mongolia: was of no state); and so is a deal's
    other party (`_DEALT`: «Осуществлена поставка запасных частей для АО «Узавтосаноат»» under «Поставка продукции
    … в Республику Узбекистан» held in Smolensk: was Russia's)."""
    venues = {m.country for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.country}
    state = _the_one_foreign_state(mentions, adjectives) if venues <= {SMOLENSK_COUNTRY} else None
    if state is None:
        return mentions
    # (met online, or where the row names no place: whose representatives were met with, too; not in Russia, where
    # they may be the hosts; not those who took part, of either side)
    visitors = _VISITORS if venues else _VISITORS_OR_MET

    def visiting(mention: Mention) -> bool:
        text = event.cell(mention.field).text if mention.field is not None else ""
        return visitors.search(text, 0, mention.start) is not None or _DEALT.search(text, 0, mention.start) is not None

    return [replace(m, country=state) if m.type is EntityType.ORG and m.country is None and m.alias_of is None
            and visiting(m) else m for m in mentions]


_VISITORS = re.compile(r"\b(?:гастрол|делегаци)\w*\s+$", re.IGNORECASE)  # a tour's or a delegation's word
_VISITORS_OR_MET = re.compile(r"\b(?:(?:гастрол|делегаци)\w*|с\s+представител\w*)\s+$", re.IGNORECASE)


def _diplomats_of_the_one_foreign_state(mentions: list[Mention], adjectives: Set[str]) -> list[Mention]:
    """A diplomat whose post names no state (`diplomatic_posts.tsv`), in a row that names one foreign state only, by
    name or by adjective, is of that state («Консул по экономическим вопросам г-жа Ван Лэй» below China's Consul
    General)."""
    state = _the_one_foreign_state(mentions, adjectives)
    return [replace(m, country=state) if m.type is EntityType.PER and m.country is None and m.role
            and _diplomatic_post().search(fold(m.role)) else m for m in mentions] if state is not None else mentions


@cache
def _diplomatic_post() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(row[0]) for row in lexicon('diplomatic_posts'))})")


_HEAD_AND_QUOTATION = re.compile(r"(\w+)\s+(«.+»)")  # «ансамбль «Коло»»: a body called by its head word and name


def _called_by_head_and_quotation(mentions: list[Mention]) -> list[Mention]:
    """A body called by its head word and its quoted name alone is the one body of the row named by more words, that
    word among them, and that quoted name, and of its state where its own words name none: «ансамбль «Коло»» in a
    row that names «ансамбль народного танца «Коло»» (г. Белград) is that ensemble, Serbia's; «центр «Мой бизнес»»
    the «центр поддержки предпринимательства «Мой бизнес»». Not where the row names two such bodies («хор
    ветеранов «Радуга»», «детский хор «Радуга»»)."""
    bodies = [(m, fold(m.normal)) for m in mentions if m.type is EntityType.ORG]

    def named_in_full(mention: Mention) -> Mention | None:
        called = _HEAD_AND_QUOTATION.fullmatch(mention.normal) if mention.type is EntityType.ORG \
            and mention.alias_of is None else None
        if called is None or called[1].isupper():
            return None  # a legal form's: «УО «…»» is the parent in «Оршанский колледж УО «…»», not the college
        head, quotation = fold(called[1]), " " + fold(called[2])
        full = [body for body, name in bodies if name.endswith(quotation)
                and len(words := name[:-len(quotation)].split()) > 1 and head in words and "«" not in "".join(words)]
        if len({body.normal for body in full}) != 1:
            return None
        return next((body for body in full if body.country), full[0])

    return [replace(m, alias_of=body.normal, country=m.country or body.country, smolensk=m.smolensk or body.smolensk)
            if (body := named_in_full(m)) is not None else m for m in mentions]


def _called_by_its_names_end(mentions: list[Mention]) -> list[Mention]:
    """A body called by the end of another's quoted name, from its head word on, with whom it is named after
    («театр кукол им. Д.Н. Светильникова» in a row that names ОГБУК «Смоленский областной театр кукол им. Д.Н.
    Светильникова»), is that body, of its state and side, and so is the person whose post names it; not where the
    row names two bodies of that end, nor a name of no namesake («театр кукол» beside two theatres of puppets)."""
    quoted = [(m, fold(name.group())) for m in mentions if m.type is EntityType.ORG and m.alias_of is None
              and (name := _QUOTED_NAME.search(m.normal)) is not None]

    def named_in_full(mention: Mention) -> Mention | None:
        end = fold(mention.normal)
        if mention.type is not EntityType.ORG or mention.alias_of is not None or "«" in mention.normal \
                or not _NAMESAKE.search(end) or len(end.split()) < 3:
            return None
        full = {body.normal: body for body, name in quoted if name != end and name.endswith(" " + end)}
        return next(iter(full.values())) if len(full) == 1 else None

    called = {m.normal: body for m in mentions if (body := named_in_full(m)) is not None}
    written = {fold(m.text): called[m.normal] for m in mentions if m.type is EntityType.ORG and m.normal in called}

    def side_of(mention: Mention) -> Mention | None:
        if mention.type is not EntityType.PER or mention.country is not None or not mention.role:
            return None
        return next((body for text, body in written.items() if text in fold(mention.role)), None)

    return [replace(m, alias_of=body.normal, country=m.country or body.country, smolensk=m.smolensk or body.smolensk)
            if (body := called.get(m.normal)) is not None and m.type is EntityType.ORG
            else replace(m, country=body.country, smolensk=m.smolensk or body.smolensk)
            if (body := side_of(m)) is not None else m for m in mentions]


def _called_by_its_names_opening(mentions: list[Mention]) -> list[Mention]:
    """A body called by the opening of another's name, or by its head after that name's adjectives, naming no state
    of its own, is that body in this row, of its state and side, where the row names one such (not counting the
    shorter), and so is the person whose post names it: «Национальное собрание», «Постоянный Комитет»,
    «Государственный комитет по науке и технологиям» in rows that name «Национальное собрание Республики Беларусь»,
    «Постоянный Комитет Союзного государства», «Государственный комитет по науке и технологиям Республики Беларусь»;
    «Дума» beside «Смоленская областная Дума». Not where the row names two bodies it opens («Министерство
    иностранных дел» beside Belarus's and Russia's)."""
    bodies = {fold(m.normal): m for m in mentions if m.type is EntityType.ORG and m.alias_of is None}

    def named_in_full(mention: Mention) -> Mention | None:
        short = fold(mention.normal)
        # (a parent named inside another's name is not that other: «БГУ» in «исторический факультет БГУ»)
        if mention.type is not EntityType.ORG or mention.alias_of is not None or mention.country is not None \
                or mention.smolensk or mention.within == "org" or "«" in short:
            return None
        longer = [name for name in bodies if name.startswith(short + " ")
                  or name.endswith(" " + short) and all(ADJECTIVE_CASE_ENDINGS["Nom"].search(word)
                                                        for word in name[:-len(short)].split())]
        longest = [name for name in longer if not any(other != name and other.startswith(name + " ")
                                                      or other.endswith(" " + name) for other in longer)]
        return bodies[longest[0]] if len(longest) == 1 else None

    called = {m.normal: body for m in mentions if (body := named_in_full(m)) is not None}
    written = {fold(m.text): called[m.normal] for m in mentions if m.type is EntityType.ORG and m.normal in called}

    def side_of(mention: Mention) -> Mention | None:
        if mention.type is not EntityType.PER or mention.country is not None or not mention.role:
            return None
        role = fold(mention.role)
        return next((body for text, body in written.items() if whole_word(text).search(role)), None)

    # (named so in this row only: no definition of the short name for every report, where it may call another body)
    return [replace(m, normal=body.normal, country=body.country, smolensk=body.smolensk)
            if (body := called.get(m.normal)) is not None and m.type is EntityType.ORG
            else replace(m, country=body.country, smolensk=body.smolensk)
            if (body := side_of(m)) is not None else m for m in mentions]


_QUOTED_NAME = re.compile(r"(?<=«)[^«»]+(?=»+$)")  # the last quotation a name ends with, its inner one if nested
_NAMESAKE = re.compile(r"\b(?:им\.|имени)\s")


def _latin_body_of_the_named_state(mentions: list[Mention], body_sides: Set[tuple[str, bool]]) -> list[Mention]:
    """The one body in Latin letters whose own words name no state, in a row that names one foreign state's body by
    adjective without its name, is that body, and of that state: «Визит делегации китайской компании» with
    «Представители компании Huawei Technologies Co., Ltd.» (not Russia's, where the row was held), and so is the
    person whose post names it; so is one of a foreign legal form in a row that names one foreign state only."""
    foreign = {side for side in body_sides if side[0] != SMOLENSK_COUNTRY}
    # (one body, named twice as may be; in Cyrillic with a foreign legal form too: «… Машинери Ко., Лтд»)
    latin = list({m.normal: m for m in mentions if m.type is EntityType.ORG and m.country is None
                  and m.alias_of is None and (_latin_name(m.normal) or _transliterated(m.normal))}.values())
    if len(latin) != 1:
        return mentions
    if len(foreign) != 1:
        # a company of a foreign legal form in a row that names one foreign state only is of that state («компании
        # «Henan Zhongyuan Food Co., Ltd»» in a talk with China's province)
        states = {m.country for m in mentions if m.country and m.country != SMOLENSK_COUNTRY}
        if len(states) != 1 or not (_of_a_foreign_form(_latin_name(latin[0].normal) or "")
                                    or _transliterated(latin[0].normal)):
            return mentions
        foreign = {(states.pop(), False)}
    (state, smolensk), body = foreign.pop(), latin[0]
    called = _latin_name(body.normal) or body.normal  # (as a post names it, in its case: «директором компании «…»»)
    return [replace(m, country=state, smolensk=smolensk) if m is body or m.type is EntityType.ORG and m.country is None
            and m.normal == body.normal or m.type is EntityType.PER and m.country is None and m.role
            and called in m.role else m for m in mentions]


_LATIN_NAME = re.compile(r"[^А-Яа-яЁё]*[A-Za-z][^А-Яа-яЁё]*")  # a name of Latin letters, no Cyrillic one


def _latin_name(name: str) -> str | None:
    """A body's name in Latin letters, alone or quoted after what the body is («компания «Henan Food Co., Ltd»»:
    Henan Food Co., Ltd); None for a name of another writing."""
    if _LATIN_NAME.fullmatch(name):
        return name
    called = _CALLED_IN_LATIN.fullmatch(name)
    return called.group(2) if called and company_called(name) is not None else None


_CALLED_IN_LATIN = re.compile(r"(\w+)\s+«([^А-Яа-яЁё«»]*[A-Za-z][^А-Яа-яЁё«»]*)»")


def _transliterated(name: str) -> bool:
    """Whether a name holds a foreign legal form written in Cyrillic (`transliterated_forms.tsv`: «Ко., Лтд»)."""
    return any(word.rstrip(".") in _transliterated_forms() for word in re.findall(r"[^\s,«»\"()]+", name))


@cache
def _transliterated_forms() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("transliterated_forms"))


def _of_a_foreign_form(name: str) -> bool:
    """Whether a name in Latin letters holds a legal form of `latin_org_words.tsv` («Co., Ltd», «GmbH», «A.Ş.»)."""
    lex = load_lexicons()
    return any(word in lex.latin_forms or word.lower() in lex.latin_dotted
               for word in re.findall(r"[^\s,«»\"()]+", name) for word in (word, word.rstrip(".")))


def _short_names_sides(mentions: list[Mention]) -> list[Mention]:
    """A body's short name, whose own letters name no state, is of the state and side of the body of the row it
    stands for, and so is the person whose post names it: «Ректор СГМУ Р.С. Козлов» in a row that names «ФГБОУ ВО
    «Смоленский государственный медицинский университет»» is the Smolensk side's; «Первый секретарь ЦК ОО «БРСМ»» in
    one that names «ОО «Белорусский республиканский союз молодежи»» is Belarus's; so are «Ректор ВитГУ», «Ректор ВГУ
    имени П.М. Машерова» beside «УО «Витебский государственный университет имени П.М. Машерова»» (a short word of
    the names' starts, `shortens`); a unit whose name ends in such a short name («декан исторического факультета
    БГУ» beside «Белорусский государственный университет»); and a person whose post names the short name the row
    defines for a body («Заместитель директора ЦПЭ» after «… (ЦПЭ)»)."""
    bodies = [m for m in mentions if m.type is EntityType.ORG and m.country]
    by_initials = {initials: m for m in bodies for initials in _initials(org_parts(m.normal)[1])}
    # (the letters of a body's own words before its parent's, where no other body's name opens with them too)
    openings: dict[str, dict[str, Mention]] = defaultdict(dict)
    for m in bodies:
        for opening in _initials_openings(org_parts(m.normal)[1]):
            openings[opening][m.normal] = m
    by_initials |= {opening: next(iter(named.values())) for opening, named in openings.items()
                    if len(named) == 1 and opening not in by_initials}

    def shortened(short: str) -> Mention | None:
        return by_initials.get(short.upper()) if _SHORT_NAME.fullmatch(short.upper()) and short.upper() in by_initials \
            else next((body for body in bodies if shortens(short, org_parts(body.normal)[1])), None)

    sides = {m.normal: body for m in mentions if m.type is EntityType.ORG and m.country is None
             and _SHORT_IN_POST.fullmatch(short := _written_bare(m.normal)) and (body := shortened(short)) is not None}
    # a short name the row defines after its body («ОГКУ «Центр поддержки экспорта Смоленской области» (ЦПЭ)»)
    defined = {m.normal: m for m in mentions if m.type is EntityType.ORG and m.alias_of is not None and m.country
               and _SHORT_IN_POST.fullmatch(m.normal)}

    def side_of(mention: Mention) -> Mention | None:
        if mention.type is EntityType.ORG and mention.country is None:
            # the short name itself, or a unit's name that ends in it («исторический факультет БГУ»)
            return sides.get(mention.normal) or next(
                (body for short, body in sides.items() if mention.normal.endswith(f" {short}")), None)
        if mention.type is not EntityType.PER or mention.country is not None or not mention.role:
            return None
        # the body's name as its post writes it, a unit's or quoted as it may be («Первый секретарь ЦК ОО «БРСМ»»),
        # else a short name in the post that stands for a body of the row («Ректор ВитГУ»)
        named = next((body for short, body in (sides | defined).items() if whole_word(short).search(mention.role)),
                     None)
        return named or next((body for match in _SHORT_IN_POST.finditer(mention.role)
                              if (body := shortened(match.group())) is not None), None)

    return [replace(m, country=body.country, smolensk=m.smolensk or body.smolensk)
            if (body := side_of(m)) is not None else m for m in mentions]


def _written_bare(name: str) -> str:
    """A body's name without its legal form and quotes, as written («ОО «БРСМ»»: БРСМ; «ВитГУ»)."""
    form = org_parts(name)[0]
    return (name[len(form):] if form and name.startswith(form) else name).strip(" «»\"")


_SHORT_NAME = re.compile(r"[А-ЯЁ]{3,8}")
# a body's short name in a post: a word of two capitals or more, and whom the body is named after («ВГУ имени П.М.
# Машерова», «СмолГУ»)
_SHORT_IN_POST = re.compile(r"(?<![\w-])[А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ][А-ЯЁа-яё]*"
                            r"(?:\s+(?:им\.|имени)\s*(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё-]+)?(?![\w-])")

_FUNCTION_WORDS = frozenset({"и", "по", "при", "в", "на", "для", "с", "им", "имени"})


def _initials(name: str) -> set[str]:
    """The short names a body's name (folded, without its legal form) may have: its words' first letters, a
    hyphenated word's by its first part or by each («научно-исследовательский»: Н or НИ); a number is no word."""
    words = _initialled_words(name)
    if len(words) < 3:
        return set()
    whole = "".join(w[0] for w in words).upper()
    parts = "".join(part[0] for w in words for part in w.split("-") if part).upper()
    return {whole, parts}


def _initials_openings(name: str) -> set[str]:
    """The first letters, four or more, of a body's own words before its parent's name after them: «52-й отдельный
    специализированный поисковый батальон Вооруженных Сил Республики Беларусь» is the ОСПБ."""
    whole = "".join(w[0] for w in _initialled_words(name)).upper()
    return {whole[:stop] for stop in range(4, len(whole))}


def _initialled_words(name: str) -> list[str]:
    return [w for w in re.findall(r"(?<![\w-])[а-яё][а-яё-]*", name) if w not in _FUNCTION_WORDS]


# where a row lists its delegation's members: «В составе делегации – …», «В состав делегации вошли: …»
_MEMBERS = re.compile(r"\b(?:в\s+)?состав[е]?\s+(?:\w+\s+){0,2}?делегаци\w*(?:\s+вош(?:ли|[её]л|ла))?\s*[:–—-]?",
                      re.IGNORECASE)
# a delegation's word right before a place, or before its title («делегации провинции Ганьсу»)
_DELEGATION = re.compile(r"\bделегаци(?:я|и|ю|ей)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)


def _delegations_members(event: Event, mentions: list[Mention]) -> list[Mention]:
    """The bodies and persons a row lists as its delegation's members, whose own words name no state, are of the state
    whose delegation the row names, where it names one foreign state's («Визит делегации Гродненской области»; «В
    составе делегации – …, ректор ГрГУ им. Янки Купалы Ю.Э. Белых»: Belarus's university, not Russia's where it
    was met; «Состав делегации: …» under «Прием делегации провинции Ганьсу (КНР)»: China's), to the end of the
    sentence."""
    def cell(mention: Mention) -> str:
        return event.cell(mention.field).text if mention.field is not None else ""

    states = {m.country for m in mentions if m.type is EntityType.LOC and m.country and m.country != SMOLENSK_COUNTRY
              and _DELEGATION.search(cell(m)[:m.start])}
    if len(states) != 1:
        return mentions
    state = states.pop()
    listed: list[tuple[Field, int, int]] = []
    for field, text in filled_cells(event):
        for found in _MEMBERS.finditer(text):
            # (to the end of the sentence, over the semicolons between the members: «Состав делегации: Чжан Хуэй –
            # заместитель губернатора …; Ван Фан – генеральный директор компании «Ганьсу Агро».»)
            stop = next((sentence.stop for sentence in sentenize(text) if sentence.stop > found.end()
                         and not sentence.text.endswith(";")), len(text))
            listed.append((field, found.end(), stop))
    return [replace(m, country=state) if m.type in (EntityType.ORG, EntityType.PER) and m.country is None
            and any(field == m.field and start <= m.start and m.stop <= stop for field, start, stop in listed)
            else m for m in mentions]


def _namesakes_of_the_venues_state(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A town the gazetteer takes for a small Russian town of its name is the namesake of the state abroad where the
    place cell says the row was held, where that state has one: «г.п. Сураж» at a festival in the Витебский district
    is Belarus's, not the Bryansk region's; «Славгород», «Кировск» at a visit to the Mogilev region. Not a town of
    Smolensk's nor one of 50,000 or more, which its name means wherever the row was held."""
    venue = {m.country for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.country
             and m.kind in _VENUE_KINDS}
    if len(venue) != 1 or (state := venue.pop()) == SMOLENSK_COUNTRY:
        return mentions
    found = []
    for mention in mentions:
        if mention.type is EntityType.LOC and mention.kind is PlaceKind.CITY and mention.country == SMOLENSK_COUNTRY \
                and not mention.smolensk and mention.district is None and mention.within is None:
            known, namesake = gazetteer.lookup(mention.normal), gazetteer.lookup(mention.normal, state=state)
            if known is not None and known.population < TOWN_POPULATION and namesake is not None \
                    and namesake.country == state and not known.smolensk:
                mention = replace(mention, country=state, smolensk=namesake.smolensk)
        found.append(mention)
    return found


def _settlements_of_the_smolensk_venue(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A settlement the gazetteer does not know, of no state or Russia's, in a row the place cell says was held in the
    Smolensk region alone, lies in the region («Туроператоры посетили музей-заповедник в с. Хмелита» on a tour of
    Smolensk's districts): the villages a report names beside its own places are its own."""
    venue = [m for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.kind in _VENUE_KINDS]
    if not venue or not all(m.smolensk for m in venue):
        return mentions
    return [replace(m, country=SMOLENSK_COUNTRY, smolensk=True) if m.type is EntityType.LOC
            and m.kind is PlaceKind.CITY and m.country in (None, SMOLENSK_COUNTRY) and not m.smolensk
            and m.district is None and m.within is None and gazetteer.lookup(m.normal) is None else m
            for m in mentions]


def _venues_placed(mentions: list[Mention]) -> list[Mention]:
    """An organisation in the place cell whose own words name no state is a venue of the Smolensk town that
    cell names, if it names one («г. Рудня, Смоленская область, …, «Клуб золотого возраста»»: Smolensk's
    club, not a partner of unknown state). Only Smolensk towns: beside Moscow or Minsk a body takes that state
    alone, or none if it is one of several states' (_organisations_placed)."""
    town = next((m for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.kind is PlaceKind.CITY
                 and m.smolensk), None)
    if town is None:
        return mentions
    return [replace(m, country=town.country, smolensk=True, town=m.town or town.normal)
            if m.field == "place" and m.type is EntityType.ORG and m.country is None and m.alias_of is None
            and m.within is None else m
            for m in mentions]


_VENUE_KINDS = (PlaceKind.CITY, PlaceKind.DISTRICT, PlaceKind.REGION, PlaceKind.COUNTRY)


def _sites_placed(mentions: list[Mention]) -> list[Mention]:
    """A site whose own words name no state (a square, a park, a memorial) lies where the place cell says the event
    was: in the state, and on the side, of the first place that cell names, when all its places are of one state
    («г. Смоленск, Парк культуры и отдыха «Соловьиная роща»»; «у Вечного огня на площади Ленина» in a row held in
    Smolensk), and in that town where the place is a town: Smolensk's «площадь Ленина» is not Moscow's. A site its
    words put in the same state takes the side and town too, unless brackets after it said where it lies (see
    nlp.extraction.extract._placed_in_brackets). So does any other place of the place cell that no gazetteer knows
    («г. Москва, ВДНХ»), a site of the town before it (_inside_the_town); a region takes only the state."""
    venue = sorted((m for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.country
                    and m.kind in _VENUE_KINDS), key=lambda m: m.start)
    if not venue or len({m.country for m in venue}) > 1:
        return mentions
    return [_placed_where(m, venue[0]) for m in mentions]


def _placed_where(place: Mention, where: Mention) -> Mention:
    """A place of the row as `where` (the place cell's first place, all of one state) places it (_sites_placed).
    A region of the place cell that no gazetteer knows («г. Шеньян, провинция Ляонин, КНР») takes only the state:
    no town, and no side (a region named beside a town is not that town's)."""
    if place.type is not EntityType.LOC or place.within is not None or place.town is not None:
        return place
    unknown_here = place.field == "place" and place.country is None
    if unknown_here and place.kind is PlaceKind.REGION:
        return replace(place, country=where.country)
    if not (place.country is None or place.country == where.country and not place.smolensk):
        return place
    if place.kind is PlaceKind.SITE or unknown_here and place.kind is not PlaceKind.COUNTRY:
        return replace(place, country=where.country, smolensk=where.smolensk or place.smolensk,
                       town=where.normal if where.kind is PlaceKind.CITY else None,
                       kind=PlaceKind.SITE if _inside_the_town(place, where) else place.kind)
    return place


def _inside_the_town(place: Mention, town: Mention) -> bool:
    """Whether a place natasha found that no gazetteer knows, named in the place cell after the town the row was
    held in, is a site of that town («г. Москва, ВДНХ, белорусский павильон»), not a settlement of its own. A
    settlement the text marks as one («д. Гусино») was found by the rules, not taken for a site."""
    return place.source == "ner" and place.kind is PlaceKind.CITY and town.kind is PlaceKind.CITY \
        and place.field == "place" and place.start > town.start


def _organisations_placed(event: Event, mentions: list[Mention],
                          sides: Set[tuple[str, bool]] = frozenset()) -> list[Mention]:
    """An organisation whose own words name no state is of the state where its row was held, when the place cell
    names places of one state only: a company met on a visit to Могилёв is Belarusian («переговоры с директором
    ОАО «Ольса»»), an association at a conference in Smolensk Russian. So is the person whose position names it
    («директор ООО «Триада» С.Д. Сендев»). Not a body of several states («Постоянный Комитет Союзного
    государства»), which has no state of its own wherever it meets, nor its people; and no side: only a place-cell
    venue is taken for Smolensk's (_venues_placed). Where the row names its bodies as one side's group (`sides`:
    «творческих коллективов Смоленской области»), they are that side's, wherever the row was held, but for those
    the row says the Smolensk side met abroad, who are of the venue's state («Участие смоленских предприятий в
    выставке. Проведены переговоры с ОАО «Гомсельмаш» …» in Minsk, or dealt with there: `_met_with`), or where
    something was held there (`_held_in`: «выставка смоленских производителей в ТЦ «…»»); and a body
    the row names again with its state is of that state. A person the row says was met abroad, after a meeting's
    noun and «с», is of the venue's state where nothing else names theirs."""
    # a body the row names again with its state is of that state, wherever the row was held («Участие смоленских
    # предприятий в выставке» in Minsk, «Представители предприятий Смоленской области: ОАО «Кристалл», …»)
    # (or called by what it is: «компания «Белшина»», «ОАО «Белшина» (г. Бобруйск)»)
    stated: dict[object, Mention] = {key: m for m in mentions if m.type is EntityType.ORG and m.country
                                     for key in (mention_key(m), org_parts(m.normal)[1])}

    def named_again(mention: Mention) -> Mention | None:
        return next((stated[key] for key in (mention_key(mention), company_called(mention.normal)) if key in stated),
                    None)
    mentions = [replace(m, country=again.country, smolensk=again.smolensk)
                if m.type is EntityType.ORG and m.country is None and (again := named_again(m)) is not None else m
                for m in mentions]
    venue = [m for m in mentions if m.field == "place" and m.type is EntityType.LOC and m.country
             and m.kind in _VENUE_KINDS]
    venues_states = {m.country for m in venue if m.country is not None}
    venues_side = (venues_states.pop(), False) if len(venues_states) == 1 else None
    side = next(iter(sides)) if len(sides) == 1 else venues_side  # one side's group: its bodies are that side's
    if side is None:
        return mentions
    stateless = [m for m in mentions if m.type is EntityType.ORG and m.country is None and m.alias_of is None]
    interstate = [m for m in stateless if organisation_kind_of(m.normal) == "org-international"]
    placed = [m for m in stateless if m not in interstate and not any(_names_part_of(m, body) for body in interstate)]
    abroad = venues_side if venues_side is not None and venues_side[0] != SMOLENSK_COUNTRY else None
    # a person the row says was met abroad, whose post names no state nor body: of the venue's state («встреча с
    # Караевым Ю.В., председателем Гродненского облисполкома, и Петровым И.И., первым заместителем председателя»)
    if abroad is not None:
        mentions = [replace(m, country=abroad[0]) if m.type is EntityType.PER and m.country is None
                    and _met_in_its_sentence(event, m) else m for m in mentions]
    if not placed:
        return mentions
    # the bodies the Smolensk side met abroad are the venue's state's
    met_abroad = abroad if side[1] else None
    bodies = [m for m in mentions if m.type is EntityType.ORG]
    # (a body the place cell names is where the row was held, whoever's group the row names: «г. Москва, ЦВК
    # «Экспоцентр»» at an exhibition of «смоленских производителей»)
    sides_of = {fold(name): venues_side if m.field == "place" and venues_side is not None
                else met_abroad if met_abroad is not None and (_met_with(event, m, bodies) or _held_in(event, m))
                else side
                for m in placed for name in (m.normal, m.text)}

    def side_of(mention: Mention) -> tuple[str, bool] | None:
        if mention in placed:
            return sides_of[fold(mention.normal)]
        if mention.type is EntityType.PER and mention.country is None and mention.role:
            return next((named for name, named in sides_of.items() if name in fold(mention.role)), None)
        return None

    return [replace(m, country=placed_in[0], smolensk=m.smolensk or placed_in[1])
            if (placed_in := side_of(m)) is not None else m for m in mentions]


# a meeting's noun and «с» before the bodies met, or a post of theirs in small letters («переговоры с», «встреча с
# руководством», «Встреча с генеральным директором ОАО «БелАЗ» …»)
_MEETING = r"\b(?:переговор|встреч|бесед|консультаци)\w*\s+"  # a meeting's noun
_MET = re.compile(_MEETING + r"со?\s+(?:[а-яё-]+\s+){0,3}$", re.IGNORECASE)
# a deal's other party: after a contract's noun and «с» («заключен контракт с …»), after a delivery and «для» or «в
# адрес» («осуществил поставку оборудования для …»), or the one a delivery's verb is for («поставил партию ковровых
# изделий ООО «…»»)
_DEALT = re.compile(r"(?:\b(?:контракт|договор|соглашени|меморандум)\w*\s+(?:[а-яё-]+\s+){0,4}?со?\s+"
                    r"|\b(?:постав|отгруз)\w*\s+(?:[а-яё-]+\s+){0,5}?(?:для|в\s+адрес)\s+"
                    r"|\b(?:поставил|отгрузил)\w*\s+(?:[а-яё-]+\s+){1,5}?)(?:[а-яё-]+\s+){0,3}$", re.IGNORECASE)
_BODIES_JOIN = re.compile(r"\s*(?:,\s*а\s+также|,|и)\s*")  # between two bodies of one list


def _met_with(event: Event, mention: Mention, bodies: list[Mention]) -> bool:
    """Whether a row names a body as one met or dealt with: right after a meeting's noun and «с», or a deal's
    (`_DEALT`: «поставил партию ковровых изделий ООО «Номин Холдинг»» in Ulaanbaatar), or listed after one that is
    («переговоры с ОАО «Гомсельмаш» и ОАО «Лидагропроммаш»»), or as the other party to a Smolensk body «между»
    names («соглашение между АНО «Центр поддержки экспорта Смоленской области» и АО «QazTrade»»)."""
    text = event.cell(mention.field).text if mention.field is not None else ""
    pair = [body for body in bodies if body.field == mention.field and body is not mention
            and (_BODIES_JOIN.fullmatch(text, body.stop, mention.start)
                 or _BODIES_JOIN.fullmatch(text, mention.stop, body.start))]
    if any(body.smolensk and _BETWEEN.search(text, 0, min(body.start, mention.start)) for body in pair):
        return True
    while True:
        if _MET.search(text, 0, mention.start) or _DEALT.search(text, 0, mention.start):
            return True
        # (or listed after those met, persons or bodies, in the sentence: «переговоры с хокимом Самаркандской области
        # Э.А. Турдимовым, заместителем хокима г. Ташкента Ш. Юсуповым, руководством АО «…»»)
        if _MET_LISTED.search(text, _sentence_start(text, mention.start), mention.start):
            return True
        before = next((body for body in bodies if body.field == mention.field and body.stop <= mention.start
                       and _BODIES_JOIN.fullmatch(text, body.stop, mention.start)), None)
        if before is None:
            return False
        mention = before


def _held_in(event: Event, body: Mention) -> bool:
    """Whether a row names a body right after «в» or «на»: where something was held («выставка смоленских
    производителей в ТЦ «Galleria Minsk»» in Minsk)."""
    text = event.cell(body.field).text if body.field is not None else ""
    return _IN_BEFORE.search(text, 0, body.start) is not None


_IN_BEFORE = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.IGNORECASE)


def _met_in_its_sentence(event: Event, person: Mention) -> bool:
    """Whether a person is named after a meeting's noun and «с» in their sentence: one of those met («Состоялась
    встреча с Караевым Ю.В., …, и Петровым И.И.»)."""
    text = event.cell(person.field).text if person.field is not None else ""
    return _MET_BEFORE.search(text, _sentence_start(text, person.start), person.start) is not None


def _sentence_start(text: str, index: int) -> int:
    """Where the sentence that holds character `index` of a cell's text starts (razdel's sentences)."""
    return next((sentence.start for sentence in sentenize(text) if sentence.stop > index), 0)


# a meeting's noun and «с», the list of those met, and the next item's words in the instrumental after its comma or «и»
# («…, руководством АО «…»»; not «…, по итогам которых ООО «…» …»)
_MET_LISTED = re.compile(_MEETING + r"со?\s+[^;!?]*(?:,|\sи)\s+(?:[а-яё-]+(?:ом|ем|ём|ой|ей|ами|ями)\s+){0,2}$",
                         re.IGNORECASE)
# a meeting's noun, whose genitive may come before its «с» («встреча Губернатора … с …»), then what follows it
_MET_BEFORE = re.compile(_MEETING + r"(?:[^.;!?]*?\s)?со?\s+[^;!?]*$", re.IGNORECASE)


def _names_part_of(mention: Mention, body: Mention) -> bool:
    """A name the text goes on with a body's name, so that the two are one body's («Группы высокого уровня Совета
    Министров Союзного государства», «Миссии наблюдателей от Содружества Независимых Государств»)."""
    return mention.field == body.field and 0 <= body.start - mention.stop <= len(" от ")


def event_countries(entities: list[Entity], adjectives: set[str]) -> list[str]:
    """Foreign states taking part: from the entities' states and adjectives; never Russia."""
    codes = {e.country for e in entities if e.country} | adjectives
    return sorted(code for code in codes if code != "RU")


def _merge_by_id(entities: list[Entity]) -> list[Entity]:
    """One entity per IRI within an event ("ОАЭ" and "Объединенные Арабские Эмираты"), roles united."""
    merged: dict[str, Entity] = {}
    for entity in entities:
        known = merged.get(entity.id)
        if known is None:
            merged[entity.id] = entity
        else:
            roles = known.roles + tuple(r for r in entity.roles if fold(r) not in map(fold, known.roles))
            merged[entity.id] = replace(known, roles=roles, mentions=known.mentions + entity.mentions)
    return list(merged.values())


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Row:
    """One event row as extraction leaves it, before resolution across reports."""

    event: Event
    entities: list[Entity]
    adjectives: set[str]
    agreements: list[Agreement]
    problems: tuple[str, ...] = ()


PARALLEL_FROM = 300  # events: below this, starting a second process costs more than it saves
_worker_models: Models | None = None
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def extract_rows(report: Report, models: Models) -> tuple[list[Row], set[tuple[str, str]]]:
    """One report's events with their event-level entities, adjectives, agreements and definitions: the
    work done report by report (in a process per core), before `resolve_rows` over every report.

    The rows go through the pipeline in one batch: natasha's taggers over the whole report at once take
    40% less than row by row.
    """
    rows: list[Row] = []
    definitions: set[tuple[str, str]] = set()
    texts = [[text for _, text in filled_cells(event)] for event in report.events]
    docs = models.nlp.pipe((row_doc(models.nlp, row) for row in texts), batch_size=max(1, len(texts)))
    for event, doc in zip(report.events, docs, strict=True):
        # one row that no rule can finish, or that one fails on, does not sink the report
        problem = doc.user_data.get("problem")
        if problem is None:
            try:
                row, defined = _row(event, doc.user_data["mentions"], models)
            except Exception as error:  # a rule's fault on this row, as in the rules' component
                problem = rule_failure(error)
        if problem is not None:
            problem = f"{report.source} (№ {event.number}): участники не прочитаны: {problem}"
            rows.append(Row(event, [], set(), [], (problem,)))
            continue
        rows.append(row)
        definitions |= defined
    return rows, definitions


def _row(event: Event, readings: list[CellReading], models: Models) -> tuple[Row, set[tuple[str, str]]]:
    """One event row from what the rules read in its cells, and the short names it defines."""
    mentions, adjectives = event_mentions(event, readings, models.resources.gazetteer)
    row = Row(event, event_entities(mentions), adjectives, find_agreements(event, mentions))
    return row, {(m.normal, m.alias_of) for m in mentions if m.alias_of}


def _init_worker() -> None:
    global _worker_models
    _worker_models = load_models()


def _extract_in_worker(report: Report) -> tuple[list[Row], set[tuple[str, str]]]:
    assert _worker_models is not None
    return extract_rows(report, _worker_models)


def _in_workers(reports: list[Report], workers: int) -> bool:
    return workers > 1 and len(reports) > 1


def _extract_all(reports: list[Report], models: Models | None, workers: int,
                 progress: Callable[[int], None] | None) -> tuple[list[Row], set[tuple[str, str]]]:
    rows: list[Row] = []
    definitions: set[tuple[str, str]] = set()
    if _in_workers(reports, workers):
        # fresh interpreters whose numpy uses one thread each: a process per core, not threads
        # fighting over the cores (forked workers with the parent's BLAS threads ran slower than one)
        saved = {name: os.environ.get(name) for name in _THREAD_VARIABLES}
        os.environ.update({name: "1" for name in _THREAD_VARIABLES})
        try:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
                for (report_rows, report_definitions), report in zip(pool.map(_extract_in_worker, reports),
                                                                     reports, strict=True):
                    rows += report_rows
                    definitions |= report_definitions
                    if progress:
                        progress(len(report.events))
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        return rows, definitions
    assert models is not None  # extract_events loads them for this process
    for report in reports:
        report_rows, report_definitions = extract_rows(report, models)
        rows += report_rows
        definitions |= report_definitions
        if progress:
            progress(len(report.events))
    return rows, definitions


def default_workers(reports: list[Report]) -> int:
    """Both cores for a large input (a process per core, over reports), one for a small one."""
    events = sum(len(r.events) for r in reports)
    return min(os.cpu_count() or 1, len(reports)) if events >= PARALLEL_FROM else 1


def extract_events(reports: list[Report], models: Models | None, aliases: list[Alias] | None = None,
                   progress: Callable[[int], None] | None = None,
                   known: list[Entity] | None = None, workers: int | None = None,
                   resolved: Callable[[list[ExtractedEvent]], None] | None = None) -> list[ExtractedEvent]:
    """Extract every event of the reports, then resolve entities across all of them (and `known` ones).

    Extraction runs in `workers` processes over reports (default: `default_workers`); resolution
    runs once over everything, so the result is the same whatever the number of processes.
    `models`: loaded, or None to load them only where they are used: each worker process loads its own,
    and this process then only the gazetteer and the country table that resolution reads (natasha's models
    in the process that spreads the work cost a 100× build ~1.2 s and ~0.2 GB at its peak, and were not used).
    `resolved`: called with each report's events as soon as they are resolved and described, report by report
    (a build makes that report's graph while the next ones are resolved).
    """
    workers = workers or default_workers(reports)
    if models is None and not _in_workers(reports, workers):
        models = load_models()
    rows, definitions = _extract_all(reports, models, workers, progress)
    # the events live on, until a build has written and summed them up
    with long_lived():
        if models is None:
            return resolve_rows(rows, definitions, load_gazetteer(), load_countries(), aliases, known, resolved)
        return resolve_rows(rows, definitions, models.gazetteer, models.countries, aliases, known, resolved)


def resolve_rows(rows: list[Row], definitions: set[tuple[str, str]], gazetteer: Gazetteer, countries: CountryTable,
                 aliases: list[Alias] | None = None, known: list[Entity] | None = None,
                 resolved: Callable[[list[ExtractedEvent]], None] | None = None) -> list[ExtractedEvent]:
    """The rows of every report (`extract_rows`) with their entities resolved across all of them (and `known`
    ones), corrections applied, and each event described: one process, after the reports' extraction.
    `resolved`: as `extract_events`' (the rows come report by report)."""
    resolution = resolve([e for row in rows for e in row.entities], gazetteer, aliases,
                         sorted(definitions), known or ())
    corrections = read_corrections()
    points = decided_points(corrections)

    def mint(entity: Entity) -> str:
        return minted_iri(entity, gazetteer)
    result: list[ExtractedEvent] = []
    report_started = 0  # where the current report's events start in `result`
    for row in rows:
        if resolved and result and row.event.report != result[-1].event.report:
            resolved(result[report_started:])
            report_started = len(result)
        entities = _merge_by_id(apply_corrections([resolution.resolve(e, gazetteer) for e in row.entities],
                                                  corrections, mint))
        by_name = {m.normal: entity.id for entity in entities for m in entity.mentions}
        agreements = tuple(replace(a, parties=tuple(dict.fromkeys(by_name.get(p, p) for p in a.parties)))
                           for a in row.agreements)
        states = tuple(event_countries(entities, row.adjectives))
        description = describe(row.event, entities, states, agreements, gazetteer, countries, points)
        result.append(ExtractedEvent(row.event, tuple(entities), states, agreements, description, row.problems))
    if resolved and result:
        resolved(result[report_started:])
    return result


def event_records(report: Report, models: Models | None) -> Iterator[dict[str, Any]]:
    """One export record per event of one report (SCHEMA.md), entities resolved within it."""
    if models is None:
        for event in report.events:
            yield {**event.to_dict(), "countries": [], "entities": []}
        return
    for extracted in extract_events([report], models):
        yield extracted.to_dict()
