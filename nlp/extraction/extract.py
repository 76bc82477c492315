"""From text to mentions: natasha's entities refined by the rules, with canonical names and countries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from natasha import MorphVocab
from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from nlp.description.concepts import organisation_kind_of
from nlp.errors import rule_failure
from nlp.extraction.morph import feature
from nlp.extraction.ner import (
    NATASHA_SPANS,
    Natasha,
    cell_docs,
    char_span,
    line_starts,
    load_natasha,
    make_pipeline,
    on_one_line,
    starts_a_line,
    starts_a_sentence,
    token_span,
)
from nlp.extraction.normalize import (
    NAME_GRAMS,
    NOT_COMMON,
    join,
    nominative,
    normal_person,
    normal_phrase,
    outside_brackets,
    shared_noun_names,
)
from nlp.extraction.rules import (
    AGE,
    CLOSING_QUOTES,
    EXECUTIVE_COMMITTEE,
    FULL_ADJECTIVE,
    LATIN_LETTERS,
    OPENING_QUOTES,
    PLACE_ADJECTIVE,
    STYLE_OPENINGS,
    Chunk,
    Lexicons,
    abbreviated_place,
    acts_on_what_follows,
    after_street,
    agrees,
    alone_on_its_line,
    before_street,
    bracket_end,
    bracket_start,
    case_of,
    chain_after_a_state,
    commemorated,
    find_named,
    find_places,
    head_lemma,
    honorary_titles,
    in_place_name,
    is_acronym,
    is_adjective,
    is_cap,
    is_initial,
    latin_names,
    led_by,
    lemmas,
    load_lexicons,
    lowers,
    name_after_imeni,
    name_stop_tokens,
    named_after,
    named_for,
    names_above_their_posts,
    natasha_spans,
    numbered_end,
    office_posts,
    opens_a_sentence,
    origin_after_post,
    past_adjectives,
    past_decoration,
    planned,
    post_head_after,
    post_on_the_next_line,
    quotation_after_head,
    quote_end,
    region_word_at,
    regions_served,
    role_after,
    role_before,
    texts,
    undeclined_acting,
    undeclined_letters,
    without_degrees,
)
from nlp.extraction.syntax import Syntax, in_doubt, name_stop
from nlp.gazetteer.countries import SMOLENSK_COUNTRY, CountryTable, fold, load_countries
from nlp.gazetteer.places import NEAR, Gazetteer, Place, km_apart, load_gazetteer
from nlp.heap import long_lived
from nlp.limits import ROW_SECONDS, OverTime, time_limit
from nlp.records import EntityType, Mention, MentionSource, Nesting, PlaceKind

_INITIALS_NAME = re.compile(r"^[А-ЯЁ]$")
_NAMING_PARTS = frozenset(UPOS[part] for part in ("ADJ", "PROPN", "NOUN"))  # words that may name a state
_SMOLENSK_LEGAL_FORM = re.compile(r"^С?ОГ[А-ЯЁ]+$")  # областное государственное …: a Smolensk regional body
_SMOLENSK_SHORT_NAME = re.compile(r"^Смол[А-ЯЁ]")  # «СмолГУ», «СмолАЭС»: a short name of Smolensk's (not «Смолевичи»)
# a body's one-word name of «Смол» and a consonant, which the dictionary and the gazetteer do not know: «Смолтекстиль»,
# «Смолпромстрой» (not «Смолевичи», «Смольный», nor the dictionary's «смолка»)
_SMOLENSK_COMPOUND = re.compile(r"^Смол[бвгджзкмнпрстфхцчшщ][а-яё]{3,}$")
_SMOLENSK_PEOPLE = re.compile(r"^смолян")  # its people, a collective's name: «ансамбль «Смоляне»», «Смоляночка»


@dataclass(frozen=True, slots=True)
class Resources:
    """What the rules read, loaded once: natasha's lemmatizer, the lexicons, the country table, the gazetteer."""

    vocab: MorphVocab
    lexicons: Lexicons
    countries: CountryTable
    gazetteer: Gazetteer
    syntax: Syntax


@registry.misc("ties.resources.v1")
def load_resources() -> Resources:
    """The rules' resources for the components' configs: loaded once per process."""
    natasha = load_natasha()
    return Resources(natasha.morph_vocab, load_lexicons(), load_countries(), load_gazetteer(),
                     Syntax(natasha.syntax_parser))


@dataclass(frozen=True, slots=True)
class Models:
    """Everything extraction loads once and passes in: natasha, the spaCy pipeline, the rules' resources."""

    natasha: Natasha
    nlp: Language
    resources: Resources

    @property
    def vocab(self) -> MorphVocab:
        return self.resources.vocab

    @property
    def lexicons(self) -> Lexicons:
        return self.resources.lexicons

    @property
    def countries(self) -> CountryTable:
        return self.resources.countries

    @property
    def gazetteer(self) -> Gazetteer:
        return self.resources.gazetteer


def load_models() -> Models:
    """Load natasha, the spaCy pipeline (natasha's components, then the rules), lexicons and tables."""
    with long_lived():
        natasha = load_natasha()
        nlp = make_pipeline(natasha)
        nlp.add_pipe("ties_rules")
        return Models(natasha, nlp, load_resources())


class ReportRules:
    """The rules as a spaCy component: what they read in each cell of a Doc, in `doc.user_data["mentions"]`.

    A row (`nlp.extraction.ner.row_doc`) is cut into its cells first, each read within ROW_SECONDS: a row that no rule
    can finish, or one a rule fails on, gets `doc.user_data["problem"]` instead, and does not sink the report. Any
    other Doc is one cell, read without a bound. Each cell comes with the states its words name by adjective
    ("белорусских").
    """

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Doc) -> Doc:
        if "cells" not in doc.user_data:
            doc.user_data["mentions"] = self.read(cell_docs(doc))
            return doc
        try:
            with time_limit(ROW_SECONDS):
                doc.user_data["mentions"] = self.read(cell_docs(doc))
        except OverTime as error:
            doc.user_data["problem"] = str(error)
        except Exception as error:  # a rule's fault on this row's text: said, and the next rows read
            doc.user_data["problem"] = rule_failure(error)
        return doc

    def read(self, cells: list[tuple[str, Doc]]) -> list[CellReading]:
        countries = self.resources.countries
        found = []
        for (text, cell), extracted in zip(cells, extract_docs(cells, self.resources), strict=True):
            groups = list(_groups(cell, extracted, self.resources))
            mentions = _listed_after_a_group(cell, extracted, [*groups, *_goods_makers(cell, self.resources)])
            adjectives = {code for index, (word, pos) in enumerate(zip(texts(cell), cell.to_array(POS).tolist(),
                                                                       strict=True))
                          if pos in _NAMING_PARTS and (code := countries.adjective_code(word))
                          and not _in_a_states_name(cell, index, self.resources)
                          and not _before_a_currency(cell, index, self.resources.lexicons)
                          and not _a_peoples_body(cell, index, self.resources.lexicons)}
            found.append(CellReading(text, cell, mentions, frozenset(adjectives),
                                     frozenset(side for _, group in groups for side in group),
                                     _body_sides(cell, self.resources)))
        return found


@dataclass(frozen=True, slots=True)
class CellReading:
    """What the rules read in one cell: its text, its Doc, its mentions, the states named by adjective and the sides
    whose bodies it names as a group (`_groups`)."""

    text: str
    doc: Doc
    mentions: list[Mention]
    adjectives: frozenset[str]
    sides: frozenset[tuple[str, bool]] = frozenset()
    body_sides: frozenset[tuple[str, bool]] = frozenset()  # the sides of one body named by adjective (`_body_sides`)


def _groups(doc: Doc, mentions: list[Mention], models: Resources) -> Iterator[tuple[int, set[tuple[str, bool]]]]:
    """The sides (a state, and whether Smolensk's) whose bodies a cell names as a group, each group's with where its
    words end in the text: a plural noun of `group_nouns.tsv`, or a collective one («бизнеса Вьетнама»), with a
    place's or a state's adjective before it, and those coordinated with it («смоленских предприятий», «смоленских и
    белорусских компаний»), or a place right after it, «из» between as may be, and those coordinated with it
    («творческих коллективов Смоленской области и Республики Беларусь», «коллективы из Витебской области»); not a
    group named as whom something is for (`_for_whom`)."""
    places = {m.start: m for m in mentions if m.type is EntityType.LOC and m.country and m.within is None}
    text = doc.user_data["text"]
    for token in (doc[i] for i, lemma in enumerate(lemmas(doc)) if lemma in models.lexicons.group_nouns):
        if not token.is_lower or _for_whom(doc, token.i) \
                or "Plur" not in feature(token, "Number") and token.lemma_ not in models.lexicons.collective_nouns:
            continue
        adjectives = _adjectives_sides(doc, token.i, models)
        if adjectives:
            yield char_span(doc, token.i, token.i + 1)[1], adjectives
            continue
        after = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "из" else token.i + 1
        place = places.get(char_span(doc, after, after + 1)[0]) if after < len(doc) else None
        sides, end = set(), 0
        while place is not None and place.country:
            sides.add((place.country, place.smolensk))
            end = place.stop
            joined = _COORDINATED.match(text, place.stop)
            place = places.get(joined.end()) if joined else None
        if sides:
            yield end, sides


def _listed_after_a_group(doc: Doc, mentions: list[Mention],
                          groups: list[tuple[int, set[tuple[str, bool]]]]) -> list[Mention]:
    """The bodies a group of one side's lists right after it, in brackets or after a colon, are that side's
    («Смоленские предприятия (АО «Авиастар», ООО «Кронштадт», …)» at an exhibition in Tashkent; «предприятия
    Смоленской области: ОАО «…», …»), where their names give no state or the same one."""
    text = doc.user_data["text"]
    bodies = {m.start: m for m in mentions if m.type is EntityType.ORG}
    sided: dict[int, tuple[str, bool]] = {}
    for end, sides in groups:
        opening = _LIST_OPENING.match(text, end)
        if len(sides) != 1 or opening is None:
            continue
        side = next(iter(sides))
        body = bodies.get(opening.end())
        while body is not None:
            sided[body.start] = side
            joined = _BODIES_LISTED.match(text, body.stop)
            body = bodies.get(joined.end()) if joined else None
    return [replace(m, country=its[0], smolensk=its[1])
            if (its := sided.get(m.start)) is not None and m.country in (None, its[0]) else m for m in mentions]


_LIST_OPENING = re.compile(r"\s*[(:]\s*")
_BODIES_LISTED = re.compile(r"\s*(?:,\s*а\s+также|,|;|и)\s*")


_COORDINATED = re.compile(r"\s*(?:,|и\b)\s*")


def _for_whom(doc: Doc, noun: int) -> bool:
    """Whether a group's noun, with its adjectives, stands after «для»: whom something is for, not who takes part
    («поставки техники ОАО «…» для предприятий Смоленской области»: the company is the supplier, no Smolensk body)."""
    index = noun - 1
    while index >= 0 and (doc[index].pos_ == "ADJ" or doc[index].lower_ in ("и", ",")):
        index -= 1
    return index >= 0 and doc[index].lower_ == "для"


def _body_sides(doc: Doc, models: Resources) -> frozenset[tuple[str, bool]]:
    """The sides (a state, and whether Smolensk's) whose one body a cell names by adjective, without its name: a
    singular noun of `group_nouns.tsv` after a place's or a state's adjective («Визит делегации китайской
    компании»)."""
    lex = models.lexicons
    return frozenset(side for i, lemma in enumerate(lemmas(doc)) if lemma in lex.group_nouns
                     for token in [doc[i]] if token.is_lower
                     and "Sing" in feature(token, "Number") and token.lemma_ not in lex.collective_nouns
                     and not (token.i + 1 < len(doc) and doc[token.i + 1].text in OPENING_QUOTES)  # «компании «…»»
                     for side in _adjectives_sides(doc, token.i, models))


def _goods_makers(doc: Doc, models: Resources) -> Iterator[tuple[int, set[tuple[str, bool]]]]:
    """The side one state's adjective gives a lowercase noun that no group's is, right before a bracket, with where
    the noun ends: the bodies the bracket lists make or hold what it names («поставок белорусской сельхозтехники
    (ОАО «Гомсельмаш», ОАО «МТЗ»)»); no side of the row's other bodies, as a group's is (`_groups`)."""
    text = doc.user_data["text"]
    for token in doc:
        if token.pos_ != "NOUN" or not token.is_lower or token.lemma_ in models.lexicons.group_nouns:
            continue
        end = char_span(doc, token.i, token.i + 1)[1]
        if not _BRACKET_AFTER.match(text, end):
            continue
        sides = _adjectives_sides(doc, token.i, models)
        if len(sides) == 1:
            yield end, sides


def _adjectives_sides(doc: Doc, noun: int, models: Resources) -> set[tuple[str, bool]]:
    """The sides the adjectives right before a noun name (`_adjectives_side`), and those coordinated before them
    («смоленских и белорусских | предприятий»)."""
    found = set()
    index = noun - 1
    while index >= 0 and (side := _adjectives_side(doc[index], models)) is not None:
        found.add(side)
        if index < 2 or doc[index - 1].lower_ not in ("и", ","):
            break
        index -= 2
    return found


@Language.factory("ties_rules", default_config={"resources": {"@misc": "ties.resources.v1"}})
def make_rules(nlp: Language, name: str, resources: Resources) -> ReportRules:
    return ReportRules(resources)


@dataclass(frozen=True, slots=True)
class Signal:
    """What a stretch of text says about a country: its code, and whether it is the Smolensk side."""

    country: str | None
    smolensk: bool
    town: str | None = None  # the settlement the name points at ("Витебский …" -> Витебск)


_RUSSIAN_AGENCY = re.compile(r"^Рос[а-яё]{4,}$")  # one word made of "Рос(сия)" and what the agency does
# and of «Бел(арусь)» and a consonant: «Белтелерадиокомпания», «Белкоопсоюз», «Белшина» (a word the dictionary and
# the gazetteer do not know: not «Белкин», «Белград»; no vowel after «Бел»: «Беляев», «Белецкая», «Бельский»)
_BELARUSIAN_BODY = re.compile(r"^Бел[бвгджзкмнпрстфхцчшщэ][а-яё]{3,}$")


def country_signal(tokens: Span | list, models: Resources) -> Signal:
    """The state an organisation's name or a role points at, and whether it is Smolensk's own.

    A foreign state wins over Russia ("Российско-германская палата" is German's partner body; but a friendship
    society is its compound's first state's, `friendship_nouns.tsv`), but not over
    Smolensk named first: a state named after the name's own Smolensk words stands in a complement
    ("Смоленская … организация ветеранов Афганистана" is Smolensk's); and a state in a «в» complement after
    the one named first tells where, not whose ("Посол Российской Федерации в Республике Беларусь": Russia's).
    A joint body of several states, named with them coordinated or with a joint body's adjective, is of none
    («Парламентское Собрание Союза Беларуси и России», «Совместная Российско-Белорусская комиссия …»), like the
    Union State's bodies.
    """
    found: list[str] = []
    peoples: list[str] = []  # the states a people's name points at («белорусов», «армян»)
    coordinated = joint = and_since = False  # states coordinated with «и»; a joint body's adjective; «и» since a state
    smolensk = False
    smolensk_first = False
    town = None
    named_town = False  # the town is one named after «г.»
    by_towns = 0  # how many of the states found a town's name or adjective gave
    depth = 0
    read_with = -1  # the last word of a state's or a region's name of two or three, read with the first
    namesake_end = -1  # where the name of whom the body is named after ends (a doc's index)
    for index, token in enumerate(tokens):
        # (each word's attributes read once: spaCy makes their strings anew on every reading)
        text, lower, lemma = token.text, token.lower_, token.lemma_
        capitalised = text[:1].isupper()
        if depth == 0 and found and lower in ("в", "во") and not text.isupper():  # not «ФГБОУ ВО»
            break
        depth += text == "«"
        depth -= text == "»" and depth > 0
        if index <= read_with or token.i < namesake_end:
            continue
        if lower in ("имени", "им"):
            # whom the body is named after names no place of it («… имени И.Г. Петровского»: no Петровск)
            namesake_end = name_after_imeni(token.doc, token.i, models.lexicons)
            continue
        if (decoration_end := past_decoration(token.doc, token.i)) > token.i:
            namesake_end = decoration_end  # nor do the orders it was awarded
            continue
        code = models.countries.code(lemma) if capitalised else None
        code = code or models.countries.code(text) or _regions_letters(text, models) \
            if text.isupper() and len(text) > 1 else code
        compound = models.countries.adjective_codes(text) if code is None else ()
        if len(compound) > 1 and index + 1 < len(tokens) \
                and tokens[index + 1].lemma_ in models.lexicons.friendship_nouns:
            code, compound = compound[0], ()  # a friendship society is its first state's («российско-китайской»)
        code = code or models.countries.adjective_code(text) or models.countries.latin_code(text)
        if code is not None and depth > 0 and 0 < index < len(tokens) - 1 \
                and tokens[index - 1].text in OPENING_QUOTES and tokens[index + 1].text in CLOSING_QUOTES \
                and (models.countries.code(lemma) or models.countries.code(text)):
            continue  # a quotation of a state's name alone names a brand after it: «ресторан «Беларусь»» in Smolensk
        if code is None and capitalised and index + 1 < len(tokens) and (named := _named_by_words(
                list(tokens[index:index + _LONGEST_STATES_NAME]), models)) is not None:
            code, read_with = named[0], index + named[1]
        if code is not None and (token.is_lower and token.pos_ == "NOUN" or len(compound) <= 1 and _a_peoples_body(
                tokens, index, models.lexicons) or _a_cultures_adjective(tokens, index, models.lexicons)):
            peoples.append(code)  # whose people a body gathers, or whose culture it is about, not yet whose body
            continue
        if code is None and capitalised and token.pos_ in ("ADJ", "PROPN", "NOUN", "X") \
                and not _a_dedications_adjective(tokens, index, models.lexicons):
            # a town, or the region of «Свердловский областной …» (whose adjective names no town in it); a foreign
            # name the tagger reads as no part of speech («генерал-губернатор остана Исфахан»)
            place = _place_of(token, models, quoted=depth > 0)
            if place is not None:
                code = place.country
                smolensk = smolensk or place.smolensk
                by_towns += 1
            if place is not None and place.kind is not PlaceKind.REGION:
                # a town named after «г.» is the body's, whatever district's adjective came first («… Октябрьского
                # района г. Витебска»: Витебск, not the town of Октябрьский)
                town = place.name if _after_town_word(token) and not named_town else town or place.name
                named_town = named_town or _after_town_word(token)
        if code is None and _RUSSIAN_AGENCY.match(text):
            code = "RU"  # "Росрыболовство", "Роснедра", "Россотрудничество": a federal agency's name
        elif code is None and _BELARUSIAN_BODY.match(text) and not models.vocab.word_is_known(lower) \
                and models.gazetteer.lookup(lemma) is None and models.gazetteer.lookup(text) is None:
            code = "BY"
        if "смоленск" in lower or "смоленщин" in lower or _SMOLENSK_SHORT_NAME.match(text) \
                or _SMOLENSK_PEOPLE.match(lower) or _SMOLENSK_COMPOUND.match(text) \
                and not models.vocab.word_is_known(lower) and models.gazetteer.lookup(text) is None:
            smolensk, code = True, "RU"
        if _SMOLENSK_LEGAL_FORM.match(text):
            smolensk, code = True, code or "RU"
        smolensk_first = smolensk_first or (smolensk and not any(c != "RU" for c in found))
        joint = joint or lemma in models.lexicons.joint_adjectives
        if code:
            coordinated = coordinated or bool(found) and code != found[-1] and and_since
            found.append(code)
            found.extend(other for other in compound if other != code)  # «Совместная Российско-Белорусская …»
            and_since = False
        and_since = and_since or lower == "и"
    # a people's name alone names the state («Общество белорусов»); with a state or a place named beside it, that
    # one does («Союз белорусов Смоленской области»: Smolensk's)
    found = found or peoples
    if not found and len(tokens):
        # one state's word: opening the name («ЧУП «Витстройтехмаш»», «Федеральное дорожное агентство»), or
        # capitalised in a role's words («депутат Бундестага», «директор ЧУП «…»»)
        words = models.lexicons.state_words
        code = next((code for index, token in enumerate(tokens) if index == 0 or is_cap(token)
                     if (code := words.get(token.text) or words.get(token.lemma_))), None)
        if code:
            found.append(code)
        elif any(EXECUTIVE_COMMITTEE.search(token.lower_) or token.lemma_ == "сельсовет" for token in tokens) \
                or " с / с" in " ".join(token.lower_ for token in tokens):
            # «Мингорисполком», «Витоблисполком»: Belarus's executive committees' one-word names; a village council
            found.append("BY")
    if found and by_towns == len(found) and not smolensk \
            and organisation_kind_of(" ".join(token.text for token in tokens)) == "org-international":
        # an interstate body named after the town it was founded in is no body of the town's state («Шанхайская
        # организация сотрудничества»)
        return Signal(None, False, None)
    foreign = [code for code in found if code != "RU"]
    if smolensk and (not foreign or smolensk_first):
        return Signal("RU", True, town)
    if len(set(found)) > 1 and (coordinated or joint):
        return Signal(None, False, town)
    return Signal(foreign[0] if foreign else (found[0] if found else None), smolensk and not foreign, town)



_LONGEST_STATES_NAME = 6  # words: «Соединенного Королевства Великобритании и Северной Ирландии»


def _regions_letters(word: str, models: Resources) -> str | None:
    """The state of the region a word of capitals names by its letters («ДНР», «ПМР»: «министр … ПМР»)."""
    place = models.gazetteer.lookup(word)
    return place.country if place is not None and place.kind is PlaceKind.REGION else None


def _a_peoples_body(tokens: Doc | Span | list, index: int, lex: Lexicons) -> bool:
    """Whether the word at `index` is an adjective before the noun of a people's body (flag "people":
    «Армянская | община», «Белорусская национально-культурная | автономия»), which names the people, not the state."""
    if tokens[index].pos_ != "ADJ":
        return False
    noun = next((token for token in tokens[index + 1:index + 4] if token.pos_ in ("NOUN", "PROPN")), None)
    return noun is not None and "people" in lex.head_flags(noun.lemma_)


def _a_cultures_adjective(tokens: Doc | Span | list, index: int, lex: Lexicons) -> bool:
    """Whether the word at `index` is an adjective before a noun of what a people makes or speaks
    (`culture_nouns.tsv`: «белорусской | культуры», «китайского | языка»), which names the culture, not the state."""
    return tokens[index].pos_ == "ADJ" and index + 1 < len(tokens) and tokens[index + 1].lemma_ in lex.culture_nouns


def _a_dedications_adjective(tokens: Doc | Span | list, index: int, lex: Lexicons) -> bool:
    """Whether the word at `index` names whom or what the church after it is dedicated to (flag "saint":
    «Софийский | собор», «Покровская | церковь», «Успенский | кафедральный собор»), no town; a monastery's may
    («Болдинский монастырь»: Болдино)."""
    after = next((token for token in tokens[index + 1:] if not (token.is_lower and token.pos_ == "ADJ")), None)
    return after is not None and "saint" in lex.head_flags(after.lemma_)


def _coordinated_name(tokens: Span, models: Resources) -> str:
    """A place's name of two coordinated names, each in the nominative («Боснии и Герцеговины»: Босния и
    Герцеговина; the last word alone inflected gave «Боснии и Герцеговина»); "" where no «и» joins two names."""
    joins = [i for i, token in enumerate(tokens) if token.lower_ == "и"]
    if len(joins) != 1 or joins[0] in (0, len(tokens) - 1):
        return ""
    left, right = list(tokens[:joins[0]]), list(tokens[joins[0] + 1:])
    if not (is_cap(left[-1]) and is_cap(right[0])):
        return ""
    vocab = models.vocab
    return f"{normal_phrase(vocab, left, len(left) - 1)} и {normal_phrase(vocab, right, len(right) - 1)}"


def _named_by_words(words: list[Token], models: Resources) -> tuple[str, int] | None:
    """The state of a state's official name of three words whose last two stand in apposition («Республики Южная
    Осетия»: its words' own state, not «Осетии» alone), of a name of three words or more that an adjective or a
    participle opens («Объединенных Арабских Эмиратов», «Соединенного Королевства Великобритании и Северной
    Ирландии»: not the United Kingdom, and Ireland after it), or of a name of two (`_named_by_two`), and how many
    words after the first it takes."""
    if len(words) >= 3 and (code := models.countries.code(f"{words[0].lemma_} {words[1].text} {words[2].text}")):
        return code, 2
    first = words[0]
    if len(words) >= 3 and is_cap(words[2]) and is_cap(words[1]) \
            and (first.pos_ == "ADJ" or first.pos_ == "VERB" and feature(first, "VerbForm") == ("Part",)) \
            and models.countries.opens_a_name(first.text) and agrees(first, words[1]):
        for size in range(len(words), 2, -1):
            for head in {1, size - 1}:
                if is_cap(words[size - 1]) \
                        and (code := models.countries.code(normal_phrase(models.vocab, words[:size], head))):
                    return code, size - 1
    code = _named_by_two(words[:2], models)
    return (code, 1) if code is not None else None


def _states_named_in_full(doc: Doc, models: Resources) -> list[Chunk]:
    """States named by a name of several words the country table knows, in any case, each the longest from where it
    opens: «Федеративной Республики Германия», «Королевства Таиланд», «Республики Союз Мьянма», «Содружества
    Доминики», «Соединенного Королевства Великобритании и Северной Ирландии». The rules' pieces of them named no
    state («Республика Германия», «Таиланд» without its kingdom) or a body («Союз Мьянма», «Содружество Доминики»);
    each is read whole, headed by its first word, its first noun or its last."""
    countries, vocab = models.countries, models.vocab
    found: list[Chunk] = []
    index = 0
    while index < len(doc):
        if not (is_cap(doc[index]) and countries.opens_a_name(doc[index].text)):
            index += 1
            continue
        # (the words from there that may be a name's: capitalised, or the «и» between two of them)
        stop = index + 1
        while stop < min(index + _LONGEST_STATES_NAME, len(doc)) and (is_cap(doc[stop]) or doc[stop].lower_ == "и"):
            stop += 1
        named = next(((size, head) for size in range(stop - index, 1, -1) if is_cap(doc[index + size - 1])
                      for head in _state_heads(list(doc[index:index + size]))
                      if countries.code(normal_phrase(vocab, list(doc[index:index + size]), head))), None)
        if named is None:
            index += 1
            continue
        found.append(Chunk(index, index + named[0], "LOC", index + named[1], kind=PlaceKind.COUNTRY))
        index += named[0]
    return found


def _state_heads(words: list[Token]) -> dict[int, None]:
    """Where a state's name of several words may head: its first word («Королевства Таиланд»), its first noun
    («Федеративной Республики Германия») or its last («Китайской Народной Республики»), in that order."""
    noun = next((i for i, word in enumerate(words) if word.pos_ in ("NOUN", "PROPN")), 0)
    return dict.fromkeys((0, noun, len(words) - 1))


def _a_prices_state(doc: Doc, mention: Mention, lex: Lexicons) -> bool:
    """Whether a mention is a state named right after a currency: a price's, no party («1,2 млрд долларов США»,
    «долл. США»)."""
    if mention.type is not EntityType.LOC or mention.kind is not PlaceKind.COUNTRY:
        return False
    span = token_span(doc, mention.start, mention.stop)
    before = span.start - 1 if span is not None else -1
    if before > 0 and doc[before].text == ".":  # a currency cut short: «долл. США»
        before -= 1
    return before >= 0 and (doc[before].lemma_ in lex.currencies or doc[before].lower_ in lex.currencies)


def _before_a_currency(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the word after token `index` is a currency («китайских юаней»: a price's adjective)."""
    return index + 1 < len(doc) and doc[index + 1].lemma_ in lex.currencies


def _in_a_states_name(doc: Doc, index: int, models: Resources) -> bool:
    """Whether the adjective at `index` ends a state's or a region's name of two words, whose state that name is
    («Республики Сербской» is Bosnia's, no Serbian word)."""
    return index > 0 and _named_by_two([doc[index - 1], doc[index]], models) is not None


def _named_by_two(pair: list[Token], models: Resources) -> str | None:
    """The state of a state's or a region's official name of two words, the second in apposition or an adjective
    after its noun: «Республики Корея» (no «Корея» alone), «Республики Сербской» (Bosnia's, not Serbia's); or a
    state's name of an adjective and its noun, in any case («Южной Осетии», «Северной Македонии»)."""
    code = models.countries.code(f"{pair[0].lemma_} {pair[1].text}")
    if code is None and pair[0].pos_ == "ADJ" and is_cap(pair[0]) and is_cap(pair[1]) and agrees(pair[0], pair[1]):
        code = models.countries.code(normal_phrase(models.vocab, pair, 1))  # «Южной Осетии», «Северной Македонии»
    if code is None and pair[0].lemma_ in models.lexicons.region_words and pair[1].pos_ == "ADJ" and is_cap(pair[1]):
        place = models.gazetteer.lookup(normal_phrase(models.vocab, pair, 0))
        code = place.country if place is not None and place.kind is PlaceKind.REGION else None
    return code


def _place_of(token: Token, models: Resources, quoted: bool) -> Place | None:
    """The town a word points at: by adjective ("Витебского"), by name after "г." ("г. Витебска"), the region a
    republic's name after «Республики» is («Татарстан»),
    or, inside a quoted name, by a town name it starts with ("Могилевлифтмаш") or is («Дорогобуж»; not an
    adjective, which describes the noun after it: «Центральный научно-исследовательский институт …», «Южный
    федеральный университет»). Inside quotes only towns of Russia and Belarus count: brand names borrow foreign
    words too freely. A quoted name that is an adjective alone is named after someone or something, no town
    («Молодежный центр «Пушкинский»»: not Pushkino). Before a district's word, only a town that can lie in the
    district (`Gazetteer.lies_in`: «Дубровенского района» is Дубровно; «Октябрьского района», «Ленинского района»
    are no towns of Октябрьский or Ленинск-Кузнецкий, thousands of km off); before a region's word, a town in the
    region, else the region itself («Свердловский областной музей»: not Свердловск of the ЛНР).
    """
    doc = token.doc
    alone = quoted and 0 < token.i < len(doc) - 1 and doc[token.i - 1].text in OPENING_QUOTES \
        and doc[token.i + 1].text in CLOSING_QUOTES
    adjective = token.pos_ == "ADJ" or token.pos_ in ("PROPN", "NOUN") and FULL_ADJECTIVE.search(token.lower_) \
        is not None and _reads_as_adjective(token, models)  # «Брестским», read as a name; «Руднянская СШ», a noun
    # (a town after «г.» by its lemma, else as written: «г. Ниш», whose lemma the tagger makes «ниша»)
    place = (town_by_adjective(token.text, models) if adjective and not alone
             else models.gazetteer.lookup(token.lemma_) or models.gazetteer.lookup(token.text)
             if _after_town_word(token) else None)
    if place is None and not adjective and token.i > 0 and doc[token.i - 1].lemma_ == "республика":
        # a republic of Russia by its name («… Республики Татарстан»; a state's is the country table's)
        place = models.gazetteer.lookup(token.lemma_)
        place = place if place is not None and place.kind == PlaceKind.REGION else None
    if place is None and not adjective and token.i > 0 and (doc[token.i - 1].lemma_ in models.lexicons.region_titles
                                                            or doc[token.i - 1].lemma_ in models.lexicons.region_words):
        # a region abroad by its name after its title («вице-губернатор провинции Цзилинь», «Скупщины Автономного
        # края Воеводина»)
        place = models.gazetteer.lookup(token.text, kind=PlaceKind.REGION)
        place = place if place is not None and place.kind == PlaceKind.REGION else None
    if place is None and not adjective and not quoted and _a_towns_genitive(token, models.lexicons) \
            and not any({"Surn", "Name"} & p.tag.grammemes for p in models.vocab.parse(token.lower_)):
        # a body of a city named in the genitive after its word («Правительства Москвы», «администрации Витебска»):
        # a city, not a person whose surname a town shares («Музея Пушкина», «Музея Гагарина»); or of a region by its
        # own name («президент Приднестровья», «Правительства Татарстана»)
        place = models.gazetteer.lookup(token.lemma_)
        place = place if place is not None and (place.kind == PlaceKind.CITY and (
            place.population >= CITY_POPULATION or place.country in NEAR and place.population >= TOWN_POPULATION)
            or place.kind == PlaceKind.REGION) else None
    possessive = quoted and _possessive_of_the_noun_after(token, models)  # «Бабушкина крынка»: no town Бабушкин
    # (an adjective whose town its stem was asked of above, none, names none by its start: «Славянские узоры»)
    declined = adjective and FULL_ADJECTIVE.search(token.lower_) is not None
    if place is None and quoted and not (alone and token.pos_ == "ADJ") and not possessive and not declined:
        place = models.gazetteer.by_prefix(token.text, whole=token.pos_ != "ADJ")
        # a team named with its town after a hyphen: «ХК «Динамо-Минск»», «ФК «Шахтер-Солигорск»»
        place = place or next((town for part in token.text.split("-")[1:]
                               if (town := models.gazetteer.by_prefix(part, whole=True)) is not None), None)
    if place is not None and quoted and place.country not in ("RU", "BY"):
        return None
    if place is not None and quoted and _side_in_brackets_after(token, models) not in (
            None, (place.country, place.smolensk)):
        return None  # the town a quoted name recalls, where its brackets name a place of another state or side
        # («коллектив «Родники» (г. Орша)»: Belarusian, not of Родники in Russia); `_placed_in_brackets` reads them
    if token.i + 1 < len(doc) and (doc[token.i + 1].lemma_ == "сельсовет" or doc[token.i + 1].lower_ == "с"
                                   and region_word_at(doc, token.i + 1, models.lexicons)):
        return None  # a village council («Суражский с/с»): Belarus's, no town of its adjective
    if token.pos_ != "ADJ" or token.i + 1 >= len(doc):
        return place
    after = doc[token.i + 1]
    if after.lower_.startswith("муниципальн") and token.i + 2 < len(doc):
        after = doc[token.i + 2]  # «Вяземский муниципальный округ», «Вяземского муниципального района»
    if after.lower_.startswith(("район", "райисполком", "р-н", "округ")):
        # (a district's executive committee is the district's: «Горецкого райисполкома», Горецкий район)
        where = f"{token.text} {'район' if after.lower_.startswith('райисполком') else after.text}"
        if place is not None and models.gazetteer.lies_in(place, where):
            return place
        # a district's body by the district's adjective, whose town's adjective is another or none («Мстиславского
        # районного исполнительного комитета»: Мстиславль; «Краснинского районного Совета»: Красный), where no other
        # district has the name or one of Smolensk's does (the reports' own)
        named = f"{token.text} район"
        district = models.gazetteer.district(named)
        return district if district is None or district.smolensk else models.gazetteer.district(named, only=True)
    if after.lower_.startswith(("област", "краев")) or after.lower_ in _KRAI:
        region = models.gazetteer.region(f"{token.text} область") or models.gazetteer.region(f"{token.text} край")
        apart = None if place is None or region is None else km_apart(place, region)
        return place if region is None or apart is not None and apart < REGION_TOWN_REACH_KM else region
    return place


def town_by_adjective(adjective: str, models: Resources) -> Place | None:
    """The town an adjective is made from (`Gazetteer.by_adjective`), but not a town named by a word of the
    dictionary's that is no place's, whose stem a plain adjective shares: «Женского совета» is no Женя's (Ethiopia),
    «Мужской хор» no Мужи's, «Академический хор» no Академическое's; the towns of the Smolensk region and Belarus,
    the reports' own, are their adjectives' whatever else their names mean («Починковский»: Починок)."""
    place = models.gazetteer.by_adjective(adjective)
    if place is None or place.smolensk or place.country == "BY" or not models.vocab.word_is_known(adjective.lower()):
        return place
    name = fold(place.name)
    if " " in name or not models.vocab.word_is_known(name):
        return place
    return None if not any("Geox" in parse.tag for parse in models.vocab.parse(name)) else place


def _side_in_brackets_after(token: Token, models: Resources) -> tuple[str, bool] | None:
    """The state, and whether the Smolensk side, of the first state or town named in the brackets right after the
    quotation a word is in («(г. Орша)», «(Смоленская область)», «(Республика Беларусь)»)."""
    doc = token.doc
    closing = next((t.i for t in doc[token.i:] if t.text in CLOSING_QUOTES), len(doc))
    if closing + 1 >= len(doc) or doc[closing + 1].text != "(":
        return None
    for word in doc[closing + 2:]:
        if word.text == ")":
            break
        code = models.countries.code(word.lemma_) or models.countries.adjective_code(word.text)
        if code:
            return code, False
        # a region's or a district's adjective, or a town opening the brackets or after «г.» (not a person's
        # surname: «(руководитель И.И. Иванов)» is no Иваново)
        place = town_by_adjective(word.text, models) if word.pos_ == "ADJ" \
            else models.gazetteer.lookup(word.lemma_) if is_cap(word) \
            and (word.i == closing + 2 or _after_town_word(word)) else None
        if place is not None:
            return place.country, place.smolensk
    return None


def _the_quotation_of(body: Chunk, chunk: Chunk, doc: Doc) -> bool:
    """Whether a chunk is all that a body's name quotes, but for the full stop of an abbreviation that ends it:
    «China Railway Construction Corporation» of «компании «China Railway Construction Corporation»», «Huawei
    Technologies Co., Ltd» of «компании «Huawei Technologies Co., Ltd.»»; «MCS Group» of a quotation listed after a
    body's («компаниями «Gobi Cashmere», «MCS Group» и …»), which opens with its quotation mark."""
    if not body.start <= chunk.start - 1 < chunk.stop < body.stop:
        return False
    closing = chunk.stop + 1 if doc[chunk.stop].text == "." and not doc[chunk.stop - 1].whitespace_ else chunk.stop
    return closing + 1 == body.stop and doc[chunk.start - 1].text in OPENING_QUOTES \
        and doc[closing].text in CLOSING_QUOTES


def _of_the_noun_after(token: Token, models: Resources) -> bool:
    """Whether a word is an adjective that agrees with a lowercase noun after it (adjectives between), one that no
    region's or district's name ends with: «Смоленскую делегацию», «Смоленскую крепостную стену»; not «Смоленской
    области», «Руднянского района»."""
    doc = token.doc
    if not (is_adjective(token) and _reads_as_adjective(token, models)):
        return False
    index = past_adjectives(doc, token.i + 1, lowercase=True)
    if index >= len(doc) or doc[index].pos_ != "NOUN" or not doc[index].is_lower \
            or case_of(doc[index]) != case_of(token):
        return False
    named = f"{token.text} {doc[index].text}"
    return models.gazetteer.region(named) is None and models.gazetteer.district(named) is None


def _possessive_of_the_noun_after(token: Token, models: Resources) -> bool:
    """Whether the dictionary reads a word as a possessive adjective in the case and number of the lowercase noun
    right after it, which it then describes: someone's, no town's («Бабушкина крынка»: no town Бабушкин; a town's
    adjective is of another kind: «Витебские ковры»). The tagger's gender of a rare noun is no guide («крынка», a
    neuter to it)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "NOUN" or not doc[token.i + 1].is_lower:
        return False
    noun = doc[token.i + 1]
    wanted = {name: values[0] for name in ("Case", "Number") if (values := feature(noun, name))}
    return any(parse.tag.POS == "ADJF" and "Poss" in parse.tag
               and all(parse.feats.get(name) == value for name, value in wanted.items())
               for parse in models.vocab.parse(token.lower_))


def _reads_as_adjective(token: Token, models: Resources) -> bool:
    """Whether the dictionary reads a word as an adjective, whatever the tagger took it for («Брестским»: a name); an
    abbreviation is none, whatever the dictionary guesses of an unknown one («СОУНБ им. А.Т. Твардовского»)."""
    if len(token.text) > 1 and token.text.isupper():
        return False
    return any(p.tag.POS == "ADJF" for p in models.vocab.parse(token.lower_))


CITY_POPULATION = 100_000  # a city a body may be named after in the genitive, anywhere
TOWN_POPULATION = 50_000  # in Russia and Belarus («администрации Орши»)


def _a_towns_genitive(token: Token, lex: Lexicons) -> bool:
    """A capitalised word in the genitive right after a body's word (`org_heads.tsv`), a post that holds a place's
    office (`office_posts.tsv`) or a town's district's word: «Правительства | Москвы», «администрации | Витебска»,
    «Дома | Москвы», «мэром | Харбина», «администрации Центрального района | Минска»."""
    if token.i == 0 or case_of(token) != "Gen" or token.pos_ not in ("PROPN", "NOUN") or not is_cap(token):
        return False
    before = token.doc[token.i - 1].lemma_
    return before in lex.heads or before in lex.office_posts or lex.region_words.get(before) == PlaceKind.DISTRICT


_KRAI = frozenset({"край", "края", "краю", "краем", "крае"})


def _after_town_word(token: Token) -> bool:
    """Whether a word follows «г.», «гор.» or «город» in any case («мэром города Харбина»)."""
    return token.i >= 2 and doc_text(token, -1) == "." and doc_text(token, -2) in ("г", "гор") \
        or token.i >= 1 and token.doc[token.i - 1].lemma_ == "город" and token.doc[token.i - 1].is_lower


def doc_text(token, offset: int) -> str:
    return token.doc[token.i + offset].lower_


_STATE_LETTERS = re.compile(r"(?=(?:\w*[А-ЯЁ]){2})[А-ЯЁа-яё]{2,5}")  # «КНР», «РФ», «РУз»


def _site_word_written_out(doc: Doc, start: int, stop: int, lex: Lexicons) -> str | None:
    """A site's name whose word is shortened, the word written out and the name after it as written: «пл. Ленина» is
    площадь Ленина, as «площади Ленина» is; None where its word is not so shortened."""
    for size in (2, 1):
        written = lex.site_words_written_out.get(tuple(token.lower_ for token in doc[start:start + size]))
        if written is not None and start + size < stop:
            return f"{written} {doc[start + size:stop].text}"
    return None


def _place(chunk_tokens: Span, head: int, kind: PlaceKind | None, models: Resources,
           village: bool = False) -> tuple[str, PlaceKind, Signal]:
    """Canonical name, kind and state of a place span (prefix words like "г." left out), and for a town's district
    the town; `village`: a word before it says it is a village («д. Воля»), which is then of Russia or Belarus where
    one there has the name."""
    # districts coordinated before one plural word are each one («Руднянского и Демидовского районов»)
    singular = models.lexicons.region_words.get(chunk_tokens[head].lemma_) == PlaceKind.DISTRICT \
        and _plural(chunk_tokens[head], models)
    name = normal_phrase(models.vocab, list(chunk_tokens), head, singular=singular)
    two = _coordinated_name(chunk_tokens, models)
    if two and (models.countries.code(two) or models.gazetteer.lookup(two)):
        name = two  # «Боснии и Герцеговины», not «Площади Победы и Славы»
    code = models.countries.code(name)
    noun = next((i for i, token in enumerate(chunk_tokens) if token.pos_ in ("NOUN", "PROPN")), 0)
    if code is None and head > noun and (first := normal_phrase(models.vocab, list(chunk_tokens), noun)) \
            and (code := models.countries.code(first)):
        # a state's word and its name in apposition: «Республики Узбекистан» (natasha's span); its first noun and
        # the genitive after it: «Соединенных Штатов Америки»
        name = first
    if code is None and head == 0 and len(chunk_tokens) > 1:
        # a state's word and its name in the genitive: «Республики Кореи», «Республики Южной Осетии»
        rest = normal_phrase(models.vocab, list(chunk_tokens[1:]), len(chunk_tokens) - 2)
        whole = f"{normal_phrase(models.vocab, list(chunk_tokens[:1]), 0)} {rest}"
        if code := models.countries.code(whole) or models.countries.code(rest):
            name = whole
    if code:
        # a state's letters stand for its official name: «КНР» is Китайская Народная Республика, «РБ» Республика
        # Беларусь, «СРВ» Социалистическая Республика Вьетнам, «РУз» Республика Узбекистан (but a state a Russian
        # reader calls by its letters stays so: «США», `state_labels.tsv`)
        countries = models.countries
        return countries.official.get(code) or countries.preferred.get(code, name) \
            if _STATE_LETTERS.fullmatch(name) and not countries.preferred.get(code, "").isupper() else name, \
            PlaceKind.COUNTRY, Signal(code, False)
    place = models.gazetteer.lookup(name)
    if village and place is not None and place.country not in NEAR:
        place = models.gazetteer.village(name) or place
    if place is None and (written := models.gazetteer.lookup(chunk_tokens.text)) is not None:
        # «г. Великие Луки»: a plural name in the nominative, which normalising took for an oblique singular
        # («Великие Лука»); the name as written is the place's
        place, name = written, chunk_tokens.text
    if place is None and len(chunk_tokens) == 1 and (soft := _soft_sign_town(chunk_tokens[0], models)) is not None:
        place, name = soft
    if place is not None and len(chunk_tokens) == 1:
        name = _places_nominative(chunk_tokens[0], place, name, models)
    if place is not None and (place.kind == "region" and models.gazetteer.region(name) is place
                              or place.kind == "district" and models.gazetteer.district(name) is place
                              and not any(t.lemma_ in models.lexicons.region_words for t in chunk_tokens)):
        # "Нижегородская области": the case form the text's grammar left, made right; «Ушачский р-н»: the word
        # written short, written out as the gazetteer names it (its gender was read wrong: «Ушачская р-н»)
        name = place.name
    if place is not None and place.kind == "district":
        place, name = _district_within(chunk_tokens, place, name, models.gazetteer)
    if (kind or (place.kind if place else None)) == PlaceKind.DISTRICT \
            and (after := _town_after(chunk_tokens, models)) is not None:
        # a town's district («Ленинский район г. Минска»): of the town's state, named with the town apart from the
        # rural districts of its name (Russia's Ленинский районы)
        town, town_name = after
        return f"{name} ({town_name})", PlaceKind.DISTRICT, Signal(town.country, town.smolensk, town_name)
    if place is not None and (kind in (None, "city") or place.kind != "city"):
        return name, kind or place.kind, Signal(place.country, place.smolensk)
    signal = country_signal(list(chunk_tokens), models)
    # a district lies in a town only where the town is named after it (above), not one its adjective is made from
    # («Витебский район» is no part of Витебск)
    return name, kind or PlaceKind.CITY, Signal(signal.country, signal.smolensk) if kind == PlaceKind.DISTRICT \
        else signal


_TOWN_WORDS = frozenset({"г", "гор", "город", "города"})
# a masculine noun's case endings after a soft sign's stem: «Тяньцзине», «Тяньцзиня», «Тяньцзинем»
_SOFT_SIGN_CASE = re.compile(r"(?<=[нлрцзс])(?:е|я|ю|ем|ём)$")


def _places_nominative(token: Token, place: Place, name: str, models: Resources) -> str:
    """A place's name in the nominative where the dictionary reads the word as a case of another name the gazetteer
    has for that place: «Смоленска и Бендер» is Бендеры (normalising kept «Бендер», a surname's nominative, and one
    of the gazetteer's names of the town)."""
    for parse in models.vocab.parse(token.lower_):
        if "Geox" in parse.tag and "nomn" not in parse.tag and fold(parse.normal_form) != fold(name):
            other = "-".join(part.capitalize() for part in parse.normal_form.split("-"))
            if models.gazetteer.lookup(other) is place:
                return other
    return name


def _soft_sign_town(token: Token, models: Resources) -> tuple[Place, str] | None:
    """A town abroad the gazetteer knows by a soft sign where the word has a case's ending, and its name: «в
    Тяньцзине», «Шэньчжэне», «Иньчуане» (Тяньцзинь, Шэньчжэнь, Иньчуань; the dictionary guesses «Тяньцзина»,
    a woman's name, or «Шэньчжэн»)."""
    if not is_cap(token) or not _SOFT_SIGN_CASE.search(token.text):
        return None
    name = _SOFT_SIGN_CASE.sub("ь", token.text)
    place = models.gazetteer.lookup(name)
    return (place, name) if place is not None and place.kind is PlaceKind.CITY and place.country not in NEAR \
        else None


def _district_sharing_a_word(adjective: Token, last: Token, shared: list[Token],
                             models: Resources) -> tuple[str, Place, str | None] | None:
    """The district a coordinated adjective names with the plural district's word it shares with the `last`
    adjective, in the nominative singular, where the gazetteer knows it in the region of the last one's district:
    «Руднянского | и Демидовского муниципальных округов» -> Руднянский муниципальный округ (Smolensk's, not
    Volgograd's); or a town's, named with the town that follows the word, as a town's district is («Ленинского | и
    Заднепровского районов г. Смоленска» -> Ленинский район (Смоленск), the town's place and its name)."""
    head = next((i for i, token in enumerate(shared) if token.lemma_ in models.lexicons.region_words), None)
    if head is None:
        return None
    names = shared_noun_names(models.vocab, [adjective, last], shared[:head], shared[head], shared[head + 1:])
    doc = last.doc
    if (town := _town_after(doc[last.i:shared[head].i + 1], models)) is not None:
        return f"{names[0]} ({town[1]})", town[0], town[1]  # a town's: «Ленинского и Заднепровского районов г. …»
    anchor = models.gazetteer.district(names[1])
    place = models.gazetteer.district(names[0], region=anchor.region) if anchor is not None else None
    return (names[0], place, None) if place is not None else None


def _town_after(span: Span, models: Resources) -> tuple[Place, str] | None:
    """The town (and its name, as the text names it) a district's name is followed by in the genitive, after «г.» or
    «города» as may be: the district is that town's («Ленинский район г. Минска», «в Промышленном районе города
    Смоленска», «Сормовского района Нижнего Новгорода»)."""
    doc, index = span.doc, span.end
    called = index < len(doc) and doc[index].lower_ in _TOWN_WORDS
    if called:
        index += 1 + (index + 1 < len(doc) and doc[index + 1].text == ".")
    if index >= len(doc) or not is_cap(doc[index]) \
            or index + 1 < len(doc) and doc[index + 1].lemma_ in models.lexicons.region_words:
        return None  # «… района Смоленской области»: the region, not a town
    stop = index + 1
    while stop < len(doc) and stop - index < 3 and is_cap(doc[stop]) and doc[stop].is_alpha:
        stop += 1  # «Нижнего Новгорода»
    name = normal_phrase(models.vocab, list(doc[index:stop]), stop - index - 1)
    town = models.gazetteer.lookup(name) or models.gazetteer.lookup(doc[index].lemma_) if stop - index == 1 \
        else models.gazetteer.lookup(name)
    if town is None or town.kind != PlaceKind.CITY:
        return None
    # a town's name alone, not called a town, is the district's in the genitive only (the tagger reads «Витебска»
    # as a plural nominative at times: the form that is not the name's is enough)
    oblique = case_of(doc[index]) == "Gen" or fold(doc[index:stop].text) != fold(name)
    return (town, name) if called or oblique else None


def _district_within(span: Span, place: Place, name: str, gazetteer: Gazetteer) -> tuple[Place, str]:
    """A district named with its region after it ("Кировского района Калужской области", "… район, Калужская
    область") is that region's: when it is not the one the name alone finds, the name says the region,
    "Кировский район (Калужская область)", and so does the entity (its own IRI)."""
    doc, index = span.doc, span.end
    while index < len(doc) and index - span.end < 2 and doc[index].text in ("»", ",", "(", "«"):
        index += 1
    if index + 1 >= len(doc):
        return place, name
    region = gazetteer.region(f"{doc[index].text} {doc[index + 1].text}")
    if region is None or region.ref == f"iso3166-2:{place.region}":
        return place, name
    there = gazetteer.lookup(f"{name} {region.name}")
    if there is None or there.kind != "district":
        return place, name
    return there, f"{name} ({region.name})"


def _overlaps(start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_stop and s_start < stop for s_start, s_stop in spans)


def _inside(start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    return any(s_start <= start and stop <= s_stop and (s_start, s_stop) != (start, stop)
               for s_start, s_stop in spans)


def _within(start: int, stop: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether [start, stop) lies in one of the spans, or is one."""
    return any(s_start <= start and stop <= s_stop for s_start, s_stop in spans)


def _mention(doc: Doc, text: str, start: int, stop: int, type_: EntityType, normal: str, source: MentionSource,
             **extra) -> Mention:
    first, last = char_span(doc, start, stop)
    return Mention(first, last, type_, text[first:last], normal, source, **extra)


_LOCATIVE = {"в", "во", "из", "до", "под", "около", "через", "на"}


def _looks_like_town(doc: Doc, index: int, models: Resources) -> bool:
    """A lone surname-like word that is a town of Russia or Belarus, no person's: one natasha took for a surname
    (`_taken_for_a_surname`), or a sizeable one that is no given name («Кристину и Артёма видели»)."""
    if _taken_for_a_surname(doc, index, models):
        return True
    token = doc[index]
    sizeable = _town_of_russia_or_belarus(token, models, as_written=False)  # by its lemma: «Ливни» is no «Ливны»
    return sizeable is not None and sizeable.population >= 20000 \
        and not (models.vocab.word_is_known(token.lower_)
                 and any("Name" in p.tag for p in models.vocab.parse(token.lower_)))


def _taken_for_a_surname(doc: Doc, index: int, models: Resources, listed: bool = True) -> bool:
    """Whether a word natasha took for a person is a town of Russia or Belarus, which is then a place: after "в",
    "из"…, one the dictionary knows as a place's name and no person's («Шклова», «Дубровно»), or (`listed`) one
    listed beside a place natasha found or another such town («Горок, Шклова, Дубровно и Лиозно»); not a surname a
    sizeable town shares alone («идеи Маркса», «Березовского»), which is no person's then and no place."""
    if _a_region_by_its_name(doc[index], models):
        return True  # «Визит делегации Каракалпакстана»
    if _town_of_russia_or_belarus(doc[index], models) is None:
        return False
    if index > 0 and doc[index - 1].lower_ in _LOCATIVE or _a_places_name_only(doc[index], models):
        return True
    return listed and any(_listed_beside(doc, index, other) and (
        _in_natasha_place(doc, other) or _taken_for_a_surname(doc, other, models, listed=False))
        for other in (index - 2, index + 2))


def _a_region_by_its_name(token: Token, models: Resources) -> bool:
    """Whether a word is a region's name alone, by its lemma, which the dictionary reads as no person's, whether it
    knows the word or guesses («Каракалпакстана»: Республика Каракалпакстан)."""
    place = models.gazetteer.lookup(token.lemma_)
    return place is not None and place.kind is PlaceKind.REGION \
        and not any(NAME_GRAMS & parse.tag.grammemes for parse in models.vocab.parse(token.lower_))


def _a_places_name_only(token: Token, models: Resources) -> bool:
    """Whether the dictionary knows a word as a place's name and no person's («Шклова», «Витебска»)."""
    if not models.vocab.word_is_known(token.lower_):
        return False
    parses = models.vocab.parse(token.lower_)
    return any("Geox" in p.tag for p in parses) and not any(NAME_GRAMS & p.tag.grammemes for p in parses)


def _town_of_russia_or_belarus(token: Token, models: Resources, *, as_written: bool = True) -> Place | None:
    """The town of Russia or Belarus a word names, by its lemma or (`as_written`) as written («Лиозно», which the
    tagger reads as an adjective's short form)."""
    place = models.gazetteer.lookup(token.lemma_) or (models.gazetteer.lookup(token.text) if as_written else None)
    return place if place is not None and place.country in NEAR else None


def _listed_beside(doc: Doc, index: int, other: int) -> bool:
    """Whether the word at `other`, two words away, is listed beside the one at `index`: a comma or «и» between."""
    return 0 <= other < len(doc) and doc[(index + other) // 2].lower_ in (",", "и")


def _in_natasha_place(doc: Doc, index: int) -> bool:
    return any(start <= index < stop for start, stop in natasha_spans(doc, "LOC").items())


_REGION_BY_NICKNAME = re.compile(r"щин(?:а|ы|е|у|ой)$")  # "Смоленщина", "Витебщины": a region's popular name


def _may_be_a_lone_name(token: Token, models: Resources) -> bool:
    """Whether a word natasha took alone for a person may be a name: not a compound ending in a common noun
    ("Оффлайн-встреч", "Герои-гвардейцы"; "Жан-Клод", "Лукашенко-младший" stay) or a region's popular name
    ("Витебщины")."""
    word = token.lower_
    if _REGION_BY_NICKNAME.search(word):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and after.is_lower and after.pos_ == "NOUN" and len(after) > 2 \
            and _adjective_of(word, after.lower_, models):
        return False  # an adjective before its noun, capitalised by a title's start: «Шефская помощь»
    last = word.rsplit("-", 1)[-1]
    if last == word or not models.vocab.word_is_known(last):
        return True
    parses = models.vocab.parse(last)
    return not (all(parse.tag.POS == "NOUN" for parse in parses)
                and not any("Name" in parse.tag or "Surn" in parse.tag or "Patr" in parse.tag for parse in parses))


def _adjective_of(word: str, noun: str, models: Resources) -> bool:
    """Whether the dictionary knows a word as no name, but as an adjective agreeing with a common noun after it, in
    some reading of each."""
    parses = models.vocab.parse(word)
    if not models.vocab.word_is_known(word) or any({"Name", "Surn", "Patr"} & parse.tag.grammemes for parse in parses):
        return False
    forms = {(parse.tag.gender, parse.tag.number, parse.tag.case) for parse in parses if parse.tag.POS == "ADJF"}
    return any(parse.tag.POS == "NOUN" and (parse.tag.gender if parse.tag.number == "sing" else None,
                                             parse.tag.number, parse.tag.case) in forms
               for parse in models.vocab.parse(noun))


def _barriers(doc: Doc) -> frozenset[int]:
    """The tokens no organisation's name goes on over (`nlp.extraction.syntax.name_stop`): a person's (natasha's, or
    initials and surname), initials (a person's name follows), and a noun no name takes with the adjectives
    before it («восьмого созыва»); worked out once per Doc (the rules and the news mode both ask)."""
    found = doc.user_data.get("barriers")
    if found is None:
        people = [(s.start, s.end) for s in doc.spans[NATASHA_SPANS] if s.label_ == "PER"] + _person_tokens(doc)
        found = doc.user_data["barriers"] = frozenset(
            {i for start, stop in people for i in range(start, stop)}
            | {i for i, word in enumerate(texts(doc)) if _INITIALS_NAME.match(word)}
            | name_stop_tokens(doc, load_lexicons()))
    return found


def _two_initials_end(words: list[str], index: int) -> int | None:
    """Where two initials from `index` end («В.Н.»), a double given name's joined by a hyphen as may be («К.-Ж.К.»);
    None where none start there."""
    def initial(at: int) -> bool:
        return at + 1 < len(words) and _INITIALS_NAME.match(words[at]) is not None and words[at + 1] == "."

    if not initial(index):
        return None
    second = index + 2
    if second < len(words) and words[second] == "-" and initial(second + 1):
        second += 3  # «К.-Ж.» is the given name's
    return second + 2 if initial(second) else None


def _person_tokens(doc: Doc) -> list[tuple[int, int]]:
    """"А.В. Стрельцов" and "Стрельцов А.В." by shape, for names natasha leaves out, each on one line (not «Ректор
    СмолГУ Артеменков М.Н.⏎Ректор …»: «М.Н. Ректор»); once per Doc."""
    found = doc.user_data.get("shaped people")
    if found is not None:
        return found
    words = texts(doc)
    lex = load_lexicons()
    found = []
    # (an initial's full stop first: most words are none, and are passed at once)
    for i in range(len(words) - 4):
        end = _two_initials_end(words, i) if words[i + 1] == "." else None
        if end is not None and end < len(words) and words[end][:1].isupper() and len(words[end]) > 1 \
                and on_one_line(doc, i, end + 1) and not _a_body_or_a_post(doc[end], lex):
            found.append((i, end + 1))
    # the surname first, where no name follows the initials («… Республики Беларусь Крутой Д.Н., …»)
    for i in range(len(words) - 4):
        end = _two_initials_end(words, i + 1) if words[i + 2] == "." else None
        if end is not None and words[i][:1].isupper() and words[i].isalpha() and len(words[i]) > 1 \
                and on_one_line(doc, i, end) and not _overlaps(i, end, found):
            found.append((i, end))
    # one initial and a surname opening a line, a verb after them: natasha tags none there («Д.Медведев назначил …»,
    # «А. Лукашенко подписал указ», a news title's first words; 7 of NEREL's train set)
    named = {i for span in doc.spans[NATASHA_SPANS] for i in range(span.start, span.end)}
    for i in [0, *line_starts(doc)]:  # (in order: a line's first token, the text's first)
        if i >= len(words) - 3:
            break
        if _INITIALS_NAME.match(words[i]) and words[i + 1] == "." and words[i + 2][:1].isupper() \
                and words[i + 2][1:].islower() and len(words[i + 2]) > 2 and doc[i + 3].pos_ == "VERB" \
                and not named & {i, i + 1, i + 2} and on_one_line(doc, i, i + 3) and not _overlaps(i, i + 3, found):
            found.append((i, i + 3))
    # the surname first before a given name and a patronymic natasha found without it, in their case («Послом …
    # Крутым Дмитрием Николаевичем»: an adjective's forms, which natasha reads as no name); not a sentence's first
    # word («Уважаемый Дмитрий Николаевич»), but a list's («Участники: Толстая Марина Петровна», «3. Кучумов Алексей
    # Валерьевич»)
    for span in doc.spans[NATASHA_SPANS]:
        first = span.start - 1
        if span.label_ == "PER" and len(span) == 2 and _PATRONYMIC.search(words[span.end - 1]) and first >= 0 \
                and first not in named and words[first][:1].isupper() and words[first].isalpha() \
                and doc[first].lemma_ not in lex.positions and doc[first].lemma_ not in lex.person_titles \
                and on_one_line(doc, first, span.end) and not _overlaps(first, span.end, found) \
                and case_of(doc[first]) is not None and case_of(doc[first]) == case_of(span[0]) \
                and not (opens_a_sentence(doc, first) and first > 0 and words[first - 1] in ".!?"
                         and not (first > 1 and words[first - 2].isdigit()
                                  and (first == 2 or starts_a_line(doc, first - 2)))):
            found.append((first, span.end))
    # a surname, a given name and a patronymic natasha tagged nothing of («Приветствие Посла Беларуси Шестакова
    # Александра Евгеньевича зачитал …»)
    for i in range(len(words) - 2):
        if words[i + 2][:1].isupper() and _PATRONYMIC.search(words[i + 2]) and not _PATRONYMIC.search(words[i + 1]) \
                and all(word[:1].isupper() and word[1:].islower() and word.isalpha() for word in words[i:i + 3]) \
                and doc[i].pos_ == "PROPN" and doc[i].lemma_ not in lex.positions \
                and doc[i].lemma_ not in lex.person_titles and not named & {i, i + 1, i + 2} \
                and on_one_line(doc, i, i + 3) and not _overlaps(i, i + 3, found):
            found.append((i, i + 3))
    found.sort()
    doc.user_data["shaped people"] = found
    return found


_PATRONYMIC = re.compile(r"(?:вич|вн|ичн|ьич)(?:а|у|ем|е|ом|ой|ы|ою)?$")  # «Николаевичем», «Петровной»


def extract_docs(cells: list[tuple[str, Doc]], models: Resources) -> list[list[Mention]]:
    """Mentions of each parsed text, in text order: organisations the rules find, then persons (natasha's and
    initials-and-surname shapes) with their positions, then places, then natasha's organisations that
    no rule found; each phase takes no span an earlier one took. The sentences where an organisation's name
    may go on are parsed first, all texts' in one batch (`nlp.extraction.syntax`)."""
    lex = models.lexicons
    # in either mode: a compound abbreviation natasha takes for a place is a body («обучающимися в СмолГУ»);
    # natasha's organisations that name none ("СМИ"; an adjective alone, unquoted: «Чрезвычайным и
    # Полномочным Послом», «Болгарское правительство», 13 of 15 such in NEREL's train and dev and factRuEval's dev
    # sets) are no entities, the unions of states it takes for places are organisations («чиновники ЕС»), and so is
    # a place it finds that is a town's adjective and a body's word («Брестским облисполкомом») or a body's name of
    # syllables no gazetteer knows («Делегация Белтелерадиокомпании»), and a person it finds that is a town's
    # executive committee in one word («Витоблисполкома») or a body's name of syllables («Белкоопсоюза»); no name
    # holds half
    # a pair of brackets, a bullet or a full stop
    for _, doc in cells:
        spans = [part for span in _surnames_found_again(_with_their_namesakes(_persons_listed(_surnames_joined(
                     list(doc.spans[NATASHA_SPANS]), models), models)), models)
                 for towned in _town_apart(_without_a_body_after_its_initials(span, lex), models)
                 for placed in _place_apart_from_initials(towned, models)
                 for stated in (piece for apart in _state_apart(placed, models)
                                for piece in _person_apart_from_a_place(apart, models))
                 for named_apart in _region_named_apart(stated, models)
                 for mended in _body_apart_from_initials(_see_apart(named_apart, lex), lex)
                 for unposted in _place_without_its_post(mended, lex)
                 for traded in _sole_trader_apart(_without_a_verb_after_its_initials(
                     _with_hyphenated_initials(_town_by_its_initial(unposted, models))), lex)
                 for part in _apart_at_stray_marks(_with_its_adjectives(_with_its_body(
                     _over_its_towns_name(traded), models), lex))
                 if not _adjectives_of_a_phrase_going_on(part)]
        # (a person of one word that is a body's short name is that body: «Петрова А.А. (СмолГУ)»)
        doc.spans[NATASHA_SPANS] = [
            Span(doc, part.start, part.end, label="ORG") if part.label_ == "LOC"
            and (tuple(token.lemma_ for token in part) in lex.unions_of_states or _a_towns_body(part, models)
                 or _COMPOUND_ABBREVIATION.match(part.text)
                 or _SYLLABIC_BODY.match(part.text) and models.gazetteer.lookup(part.text) is None)
            or part.label_ == "PER" and len(part) == 1 and (EXECUTIVE_COMMITTEE.search(part[0].lower_)
                                                             or _COMPOUND_ABBREVIATION.match(part.text)
                                                             or _SYLLABIC_BODY.match(part.text)) else part
            for part in _short_names_in_brackets(_short_names_of_syllables(doc, spans, lex), lex)
            if (part.label_ != "ORG" or part.text not in lex.not_organisations and not _an_adjective_alone(part)
                and not _a_quotations_head_alone(part, lex))
            and (part.label_ not in ("ORG", "PER") or not _a_post_alone(part, models))]
    readings = [_Reading(doc, text, models) for text, doc in cells]
    models.syntax.parse_docs([(reading.doc, reading.in_doubt) for reading in readings])
    found = []
    for reading in readings:
        reading.organisations()
        reading.persons()
        reading.places()
        reading.natasha_organisations()
        # what no longer exists is history's subject, no party («роли СССР в Победе», «миссию Красной Армии»); a
        # part of the world is no place of the event («в Европе»), nor a state a price is in («долларов США»)
        mentions = sorted((m for m in reading.mentions if fold(m.normal) not in lex.former
                           and not (m.type is EntityType.LOC and fold(m.normal) in lex.world_regions)
                           and not _a_prices_state(reading.doc, m, lex)),
                          key=lambda m: (m.start, -m.stop))
        mentions = _sharing_a_noun(reading.doc, reading.text, mentions, models)
        mentions = _each_states_body(reading.doc, reading.text, mentions, models)
        mentions = _abbreviations(reading.doc, reading.text, mentions, models)
        mentions = _listed_under_a_state(reading.doc, mentions, models)
        mentions = _listed_after_a_states_word(reading.doc, reading.text, mentions, models)
        mentions = _delegations_heads(reading.doc, mentions, models)
        mentions = _representing(reading.doc, reading.text, mentions, models)
        mentions = _placed_in_brackets(reading.doc, reading.text, _of_the_state_named_after(reading.text, mentions),
                                       models)
        mentions = _from_the_place_beside(reading.text, mentions)
        mentions = _in_its_town(reading.doc, reading.text, _hosted_by(reading.doc, reading.text, mentions, models),
                                models)
        mentions = _of_the_parent_after(reading.text, _of_the_town_after(reading.text, mentions))
        mentions = _settled_in_districts(reading.text, mentions, models.gazetteer)
        found.append(_namesakes_of_the_state_named(reading.text, mentions, models.gazetteer))
    return found


def _each_states_body(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """A body's word in the plural and small letters (flag "each" of `org_heads.tsv`) before two states or more
    coordinated in the genitive names that body of each: «представители посольств Китайской Народной Республики,
    Республики Индия и Королевства Таиланд» are three embassies, each named with its state as written, of that state
    (were three places, no body)."""
    states = {m.start: m for m in mentions if m.type is EntityType.LOC and m.kind is PlaceKind.COUNTRY
              and m.within is None and m.country}
    bodies: dict[int, Mention] = {}
    for token in doc:
        if not token.is_lower or "each" not in models.lexicons.head_flags(token.lemma_) or not _plural(token, models):
            continue
        after = _SPACES.match(text, char_span(doc, token.i, token.i + 1)[1])
        state = states.get(after.end()) if after else None
        listed: list[Mention] = []
        while state is not None:
            listed.append(state)
            joined = _COORDINATED.match(text, state.stop)
            state = states.get(joined.end()) if joined else None
        if len(listed) < 2:
            continue
        head = nominative(models.vocab, token, singular=True, noun=True)
        head = head[:1].upper() + head[1:]
        for state in listed:
            bodies[state.start] = replace(state, type=EntityType.ORG, normal=f"{head} {state.text}", source="rule:org",
                                          kind=None, smolensk=False)
    return [bodies.get(m.start, m) if m.type is EntityType.LOC else m for m in mentions]


def _sharing_a_noun(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """Bodies named by coordinated adjectives that share one plural body's noun are each a body: «Гомельского,
    Могилевского и Витебского облисполкомов» names three executive committees (natasha took «Гомельского» for a
    person, and the rest was one body «Могилевский и Витебский облисполкомы»), «Смоленского и Витебского
    государственных университетов» two universities, and so «Витебского, Могилевского облисполкомов», listed with
    commas only in a longer list. Each is written as its adjective, the last with the noun."""
    for body in [m for m in mentions if m.type is EntityType.ORG and m.within is None]:
        if (span := token_span(doc, body.start, body.stop)) is None:
            continue
        start, stop = span.start, span.end
        noun = next((i for i in range(start, stop) if _a_bodys_noun(doc[i], models)), None)
        if noun is None or not _plural(doc[noun], models) or not models.lexicons.names_body(doc[noun].lemma_):
            continue
        shared = noun
        while shared > start and doc[shared - 1].pos_ == "ADJ" and doc[shared - 1].is_lower:
            shared -= 1
        firsts: list[int] = []
        index = shared - 1
        while index >= 0 and is_cap(doc[index]) and doc[index].pos_ in ("ADJ", "PROPN", "NOUN") \
                and _reads_as_adjective(doc[index], models):  # natasha may take one for a name («Гомельского»)
            firsts.insert(0, index)
            if index < 2 or doc[index - 1].text not in (",", "и") or not is_cap(doc[index - 2]):
                break
            index -= 2
        if len(firsts) < 2 or firsts[-1] < start:
            continue
        names = shared_noun_names(models.vocab, [doc[i] for i in firsts], list(doc[shared:noun]), doc[noun],
                                  list(doc[noun + 1:stop]))
        lo, hi = char_span(doc, firsts[0], stop)
        parts = []
        for number, (first, name) in enumerate(zip(firsts, names, strict=True)):
            signal = country_signal([doc[first], doc[noun]], models)
            parts.append(_mention(doc, text, first, stop if number == len(firsts) - 1 else first + 1, EntityType.ORG,
                                  name, body.source, country=signal.country, smolensk=signal.smolensk))
        mentions = sorted([m for m in mentions if not (lo <= m.start and m.stop <= hi)] + parts,
                          key=lambda m: (m.start, -m.stop))
    return mentions


def _a_bodys_noun(token: Token, models: Resources) -> bool:
    """Whether a word is a noun: as the tagger reads it, or a body's word in lowercase it reads otherwise
    («облисполкомами», an adjective to it after «Брестским»)."""
    return token.pos_ == "NOUN" or token.is_lower and models.lexicons.names_body(token.lemma_)


def _plural(token: Token, models: Resources) -> bool:
    """Whether a word is in the plural, by the tagger or, where it says otherwise, by every reading the dictionary
    has of it («облисполкомов», which the tagger takes for a singular)."""
    parses = models.vocab.parse(token.lower_)
    return "Plur" in feature(token, "Number") or bool(parses) and all("plur" in p.tag for p in parses)


# one word of lowercase letters and capitals after them, as a body's abbreviated name is made («СмолГУ», «КазФУ»,
# «СибГУТИ»); no place is written so
_COMPOUND_ABBREVIATION = re.compile(r"^[А-ЯЁ][а-яё]+[А-ЯЁ][А-ЯЁа-яё]*$")
# a body's name made of words' syllables that ends in a body's word or syllable, in any case: «Белкоопсоюза»,
# «Белгоспищепром», «Минскстрой» (no person's name ends so)
_SYLLABIC_BODY = re.compile(
    r"^[А-ЯЁ][а-яё]{2,}(?:союз|банк|холдинг|трест|торг|пром|стро[йяюе]|снаб|сбыт|компани)[а-яё]{0,2}$")


def _without_post_words(doc: Doc, start: int, stop: int, models: Resources) -> tuple[int, int]:
    """natasha's person without the capitalised post words or the body's short name it took in before the name
    («Председателем Ф.Х. Мухаметшиным», «ректора СмолГУ И.И. Петров»: the post is the person's role, the name «Ф.Х.
    Мухаметшиным»); not a post's word that is a given name too, before a surname («Раис Ханнанов»; «Раисом Республики
    Татарстан» is the post)."""
    lex = models.lexicons
    # initials with the surname after them, natasha's person going on a post's chain of bodies, a title or a town
    # after «г.»: the words before them are the post's («директор филиала Финуниверситета О.О. Петрова», «Сын
    # А.Лукашенко», «хоким г. Ташкента Ш.З. Умурзаков»), not the person's («имя Грея Ф. Грина», «судья Джордж Х.
    # Кинг»: a given name, an initial and a surname)
    initials = [i for i in range(start, stop - 1) if _INITIALS_NAME.match(doc[i].text) and doc[i + 1].text == "."]
    surname = initials[-1] + 2 if initials else stop
    if initials and initials[0] > start and surname < stop and doc[surname].text[:1].isupper() \
            and len(doc[surname].text) > 1 and all(b - a == 2 for a, b in zip(initials, initials[1:], strict=False)) \
            and (doc[start].lemma_ in lex.person_titles or start > 0 and (
                     doc[start - 1].is_lower and lex.names_body(doc[start - 1].lemma_)
                     or doc[start - 1].lemma_ in lex.positions)
                 and not any(_a_given_name(doc[i], models) for i in range(start, initials[0]))
                 or start > 1 and abbreviated_place(doc, start - 2, lex)):
        start = initials[0]
    while stop - start > 1 and (doc[start].lemma_ in lex.positions and not _a_given_name(doc[start], models)
                                or _a_title_before_a_name(doc, start, stop, models)
                                or _COMPOUND_ABBREVIATION.match(doc[start].text)
                                or doc[start].text.isupper() and len(doc[start].text) > 1) \
            and doc[start + 1].text[:1].isupper():
        start += 1
    return start, stop


def _a_given_name(token: Token, models: Resources) -> bool:
    """Whether the dictionary reads a word as a given name («Раис»), which a post's word may be too."""
    return any("Name" in parse.tag for parse in models.vocab.parse(token.lower_))


def _initials_joined(doc: Doc, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """natasha's persons with a surname and its initials, which it may tag apart, as one («1. Анохин В.Н., …»:
    «Анохин» and «В.Н.»)."""
    def initials_only(start: int, stop: int) -> bool:
        return all(_INITIALS_NAME.match(word) or word == "." for word in texts(doc)[start:stop])

    joined: list[tuple[int, int]] = []
    for start, stop in sorted(people):
        if joined and joined[-1][1] == start and initials_only(*joined[-1]) != initials_only(start, stop):
            joined[-1] = (joined[-1][0], stop)
        else:
            joined.append((start, stop))
    return joined


def _with_the_last_initials_stop(doc: Doc, start: int, stop: int) -> int:
    """natasha's person ending in an initial, with its full stop («Богданович Е.Э» of «Богданович Е.Э. о …»)."""
    if stop - start > 1 and stop < len(doc) and _INITIALS_NAME.match(doc[stop - 1].text) and doc[stop].text == ".":
        return stop + 1
    return stop


def _a_body_or_a_post(token: Token, lex: Lexicons) -> bool:
    """Whether a word names a body or a post, no one's surname: after a name's initials it opens the next sentence
    («… Кокоев А.А. Ансамбль «Симд» выступил …»)."""
    return lex.names_body(token.lemma_) or token.lemma_ in lex.positions


def _without_a_body_after_its_initials(span: Span, lex: Lexicons) -> Span:
    """natasha's person of a surname and initials that goes on over the next sentence's first word, a body's or a
    post's, without it («Кокоев А.А. Ансамбль»)."""
    doc = span.doc
    if span.label_ != "PER":
        return span
    cut = next((j for j in range(span.start + 3, span.end) if doc[j - 1].text == "." and _INITIALS_NAME.match(
        doc[j - 2].text) and is_cap(doc[j]) and _a_body_or_a_post(doc[j], lex)), None)
    return Span(doc, span.start, cut, label="PER") if cut is not None else span


def _town_apart(span: Span, models: Resources) -> list[Span]:
    """natasha's person right after «г.» (not a year's: «2026 г.»): its first word is the town, the rest the person
    («глава г. Витебск Иванов И.И.», «мэр г. Пусана Пак Чжин Хо»); and so is its place of three words or more no
    gazetteer knows whose first word is a town's name («градоначальник г. Ниш Драган Милич»). A town named by its
    first word's initial is that town alone («в г. Н. Новгород»: was «Н» and the person «. Новгород»)."""
    doc, start = span.doc, span.start
    if span.label_ not in ("PER", "LOC") or start < 2 or doc[start - 1].text != "." or doc[start - 2].lower_ != "г" \
            or start > 2 and doc[start - 3].like_num:
        return [span]
    if span.label_ == "LOC" and (len(span) < 3 or models.gazetteer.lookup(span.text) is not None
                                 or not _a_towns_name(span[0], models) or not _a_persons_name(span[1:], models)):
        return [span]
    # (a town's first word may be its initial: «г. Н. Новгород»)
    stop = min(_past_an_initial(doc, start, span.end) + 1, span.end)
    town = [Span(doc, start, stop, label="LOC")]
    return town + [Span(doc, stop, span.end, label="PER")] if stop < span.end else town


def _place_apart_from_initials(span: Span, models: Resources) -> list[Span]:
    """natasha's person whose words before the initials are a region's name alone is the region, then the person
    («Совета Министров Республики | Каракалпакстан Б.Т. Каипов»: the council's name goes on over its region; not a
    surname before its initials that a town shares: «Иванов И.И.»)."""
    doc = span.doc
    if span.label_ != "PER":
        return [span]
    initials = next((i for i in range(span.start + 1, span.end - 2) if _INITIALS_NAME.match(doc[i].text)
                     and doc[i + 1].text == "."), None)
    if initials is None or not all(_a_region_by_its_name(token, models) for token in doc[span.start:initials]):
        return [span]
    return [Span(doc, span.start, initials, label="LOC"), Span(doc, initials, span.end, label="PER")]


def _a_persons_name(tokens: Span, models: Resources) -> bool:
    """Whether words may be a person's name: proper names, none a place's or a state's («Драган Милич»; not «Республика
    Узбекистан» after «г. Ташкент»)."""
    return all(token.pos_ == "PROPN" and is_cap(token) and models.countries.code(token.lemma_) is None
               and models.gazetteer.lookup(token.text) is None for token in tokens)


def _a_towns_name(token: Token, models: Resources) -> bool:
    """Whether the gazetteer knows a word, as written or by its lemma, as a town's name."""
    town = models.gazetteer.lookup(token.text) or models.gazetteer.lookup(token.lemma_)
    return town is not None and town.kind is PlaceKind.CITY


def _person_apart_from_a_place(span: Span, models: Resources) -> list[Span]:
    """natasha's place that runs on into an initial and a name after a place's word on its line is the place, then
    the person («Республики Молдова Г. Попша», the initial «Г.» no town's word there); not a town's name after the
    initial («… Г. Смоленск»)."""
    doc = span.doc
    if span.label_ != "LOC":
        return [span]
    initial = next((i for i in range(span.start + 1, span.end - 2) if _INITIALS_NAME.match(doc[i].text)
                    and doc[i + 1].text == "." and doc[i - 1].is_alpha and is_cap(doc[i - 1])), None)
    if initial is None or not is_cap(doc[span.end - 1]) or _a_towns_name(doc[span.end - 1], models):
        return [span]
    return [Span(doc, span.start, initial, label="LOC"), Span(doc, initial, span.end, label="PER")]


def _state_apart(span: Span, models: Resources) -> list[Span]:
    """natasha's place ending in a state's letters is the place and the state («провинции | Хайзыонг СРВ», whose
    name no gazetteer holds: natasha runs the two into one)."""
    last = span[-1]
    if span.label_ != "LOC" or len(span) < 2 or not last.text.isupper() or len(last.text) < 2 \
            or models.countries.code(last.text) is None:
        return [span]
    return [Span(span.doc, span.start, span.end - 1, label="LOC"), Span(span.doc, span.end - 1, span.end, label="LOC")]


def _a_regions_name(text: str, models: Resources) -> bool:
    """Whether the gazetteer knows words as written as a region's name, over a town's of that name."""
    place = models.gazetteer.lookup(text, kind=PlaceKind.REGION)
    return place is not None and place.kind is PlaceKind.REGION


def _region_named_apart(span: Span, models: Resources) -> list[Span]:
    """natasha's person right after a region's title: of one or two words, the region where the gazetteer knows one
    of that name («губернатором аймака Сэлэнгэ», «остана Гилян»); of three or more, its first word is the region's
    name where the dictionary reads it as no one's («Председателем Народного комитета провинции Тхайбинь Нгуен Кхак
    Тханем»: the province Тхайбинь and the person Нгуен Кхак Тхань; not «вице-губернатора штата Кэтлин Кеннеди
    Таунсенд», a given name), and so of natasha's place of three words or more no gazetteer knows («провинции |
    Нгеан Буй Динь Лонгом»); a name in brackets after the first word is the region's other spelling («провинции
    Нинава (Ninawa)»: two places, no person), and a state's name after it the region's state («провинции Нгеан
    Социалистической Республики Вьетнам»)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if span.label_ == "PER" and len(span) > 1 and before is not None and before.is_lower \
            and before.lemma_ in models.lexicons.region_words and span[0].text.isalpha() and len(span[0]) > 1 \
            and _a_regions_name(span[0].text, models):
        # after any region's word, the region the gazetteer knows by the first word as written, whatever the
        # dictionary reads it as («Скупщины Автономного края Воеводина Иштваном Пастором»: a surname's form to it)
        return [Span(span.doc, span.start, span.start + 1, label="LOC"),
                Span(span.doc, span.start + 1, span.end, label="PER")]
    if span.label_ not in ("PER", "LOC") or before is None or before.lemma_ not in models.lexicons.region_titles \
            or not before.is_lower:
        return [span]
    if span.label_ == "LOC" and (len(span) < 3 or models.gazetteer.lookup(span.text) is not None):
        return [span]  # a place of a name of its own, or of two words («провинции Северная Кёнсан»)
    if len(span) < 3:  # the region's name alone, where the gazetteer knows it («губернатором аймака Сэлэнгэ»)
        return [Span(span.doc, span.start, span.end, label="LOC")] if _a_regions_name(span.text, models) else [span]
    if span.label_ == "PER" and any(NAME_GRAMS & parse.tag.grammemes for parse in models.vocab.parse(span[0].lower_)):
        return [span]  # a given name opens it (natasha's place opens with the region's name, whatever it reads)
    if span[1].text == "(" and span[-1].text == ")" and not any(t.text in "()" for t in span[2:-1]):
        # the region's name, and its other spelling in brackets: no one's («провинции Нинава (Ninawa)»)
        return [Span(span.doc, span.start, span.start + 1, label="LOC"),
                Span(span.doc, span.start + 2, span.end - 1, label="LOC")]
    # the region's state after it is no one's name («провинции Нгеан Социалистической Республики Вьетнам»)
    state = models.countries.code(span[-1].lemma_) is not None
    return [Span(span.doc, span.start, span.start + 1, label="LOC"),
            Span(span.doc, span.start + 1, span.end, label="LOC" if state else "PER")]


def _place_without_its_post(span: Span, lex: Lexicons) -> list[Span]:
    """natasha's place that opens with a post's word, without it («Раис Республики Татарстан», «Раисом»: the post
    is no place); none where nothing else is left. Not an adjective («Главной площади»: «главный» heads posts too)."""
    first = span[0]
    if span.label_ != "LOC" or first.lemma_ not in lex.positions or FULL_ADJECTIVE.search(first.lemma_):
        return [span]
    return [Span(span.doc, span.start + 1, span.end, label="LOC")] if len(span) > 1 else []


def _see_apart(span: Span, lex: Lexicons) -> Span:
    """natasha's person that opens with the second adjective of a bishop's see, coordinated with the first after
    the title («митрополит Минский и | Заславский Вениамин»: «Заславский» is a surname too), without it."""
    doc, start = span.doc, span.start
    if span.label_ != "PER" or len(span) < 2 or start < 3 or doc[start - 1].lower_ != "и" \
            or not (is_cap(doc[start - 2]) and PLACE_ADJECTIVE.search(doc[start - 2].lower_)) \
            or not PLACE_ADJECTIVE.search(span[0].lower_) or doc[start - 3].lemma_ not in lex.positions:
        return span
    return Span(doc, start + 1, span.end, label="PER")


def _body_apart_from_initials(span: Span, lex: Lexicons) -> list[Span]:
    """natasha's person or organisation that took a body's short name and a person's initials and surname in one: the
    body, then the person («с ректором СмолГУ И.И. Петровым»: a person «СмолГУ И.И. Петровым»; «с директором ПАО
    Сбербанк И.И. Петровым»: an organisation of all; «Председателем Народной скупщины Н. Стевандичем»). A person's
    span holds a body's short name only (words of capitals, opening with an abbreviation); post words natasha took
    in before it are left to the person's post («Председателем Ф.Х. Мухаметшиным» stays a person)."""
    if span.label_ not in ("PER", "ORG"):
        return [span]
    doc = span.doc
    last = span.end - 1
    while last > span.start and doc[last].text == ".":  # natasha may take a sentence's full stop in
        last -= 1
    initials = next((i for i in range(span.start + 1, last - 1) if _INITIALS_NAME.match(doc[i].text)
                     and doc[i + 1].text == "."), None)
    if initials is None or not doc[last].text[:1].isupper():
        return [span]
    start = span.start
    while start < initials and doc[start].lemma_ in lex.positions:
        start += 1
    body = doc[start:initials]
    if not body or any(token.text in OPENING_QUOTES or token.lower_ in ("им", "имени") for token in body):
        return [span]  # a quotation's, or whom the body is named after («МХТ им. А. П. Чехова»)
    short = (is_acronym(body[0]) or _COMPOUND_ABBREVIATION.match(body[0].text)) \
        and all(token.text[:1].isupper() for token in body)
    # natasha's organisation of a body's words and a person, after the person's post («Председателем | Народной
    # скупщины Н. Стевандичем»; not «Благотворительный фонд В. Потанина», named after him)
    post = span.start > 0 and doc[span.start - 1].lemma_ in lex.positions
    # (or a body's name of syllables after the post: «Председатель | Белтелерадиокомпании И.М. Эйсмонт»)
    if not short and not ((span.label_ == "ORG" or len(body) == 1 and _SYLLABIC_BODY.match(body[0].text)) and post):
        return [span]
    return [Span(doc, start, initials, label="ORG"), Span(doc, initials, span.end, label="PER")]


def _surnames_joined(spans: list[Span], models: Resources) -> list[Span]:
    """natasha's person of one word right before or after its person of a given name and a patronymic in the same
    case: one person, surname first or last («с заместителем министра Ивановой | Марией Петровной», «с Ириной
    Владимировной | Новиковой»); so is its organisation or place of a double surname, both parts surnames to the
    dictionary, right before such a person («Мельникова-Соколова | Анна Петровна – начальник отдела»: was the body
    «Мельников-Соколов»)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if last is not None and last.label_ == span.label_ == "PER" and last.end == span.start \
                and (len(last) == 1 and len(span) == 2 and _PATRONYMIC.search(span[-1].text)
                     or len(last) == 2 and len(span) == 1 and _PATRONYMIC.search(last[-1].text)) \
                and case_of(last[0]) is not None and case_of(last[0]) == case_of(span[0]) \
                or last is not None and last.label_ in ("ORG", "LOC") and span.label_ == "PER" \
                and last.end == span.start and len(last) == 1 and len(span) == 2 \
                and _PATRONYMIC.search(span[-1].text) and _a_double_surname(last[0], models):
            found[-1] = Span(span.doc, last.start, span.end, label="PER")
        else:
            found.append(span)
    return found


def _a_double_surname(token: Token, models: Resources) -> bool:
    """Whether a word is two capitalised parts joined by a hyphen, each a surname to the dictionary."""
    parts = token.text.split("-")
    return len(parts) == 2 and all(part[:1].isupper() and any(
        "Surn" in parse.tag for parse in models.vocab.parse(part.lower())) for part in parts)


def _persons_listed(spans: list[Span], models: Resources) -> list[Span]:
    """natasha's place right after its person and «и» or a comma, of names that neither the gazetteer nor the
    dictionary knows as a place's, each of which the dictionary reads in a case of the person's last word, is a person
    listed after that one («поэтам Драгану Драгойловичу и Миле Медичу»: natasha's place «Миле Медичу», which the
    tagger reads in two other cases)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if last is not None and last.label_ == "PER" and span.label_ == "LOC" and len(span) > 1 \
                and span.start == last.end + 1 and span.doc[last.end].text in ("и", ",") \
                and _a_persons_name(span, models) and models.gazetteer.lookup(span[-1].lemma_) is None:
            cases = _dictionary_cases(last[-1], models)
            if all(cases & _dictionary_cases(token, models) for token in span) \
                    and not any("Geox" in parse.tag for token in span for parse in models.vocab.parse(token.lower_)):
                span = Span(span.doc, span.start, span.end, label="PER")
        found.append(span)
    return found


def _dictionary_cases(token: Token, models: Resources) -> set[str]:
    """The cases the dictionary reads a word in, of all its readings."""
    return {parse.tag.case for parse in models.vocab.parse(token.lower_) if parse.tag.case}


def _surnames_found_again(spans: list[Span], models: Resources) -> list[Span]:
    """A surname alone that natasha left untagged, of a person it found named in full in the same text, in any case:
    that person again («Путин подписал закон …» heading a text about «Президент России Владимир Путин»); not a
    surname the dictionary reads as an adjective, which names other things too («Белый», «Толстой»)."""
    if not spans:
        return spans
    doc = spans[0].doc
    named = [span for span in spans if span.label_ == "PER" and len(span) > 1 and span[-1].is_alpha
             and is_cap(span[-1]) and not span[-1].text.isupper() and len(span[-1].text) > 2
             and not _an_adjective(span[-1], models)]
    # a surname as written and without a case's ending («Владимира Путина»: Путин), in each case's form
    surnames = {form for span in named for form in (span[-1].text, _without_case_ending(span[-1].text))}
    forms = surnames | {surname + ending for surname in surnames for ending in _SURNAME_ENDINGS}
    given = {span[0].text for span in named if span[0].is_alpha}  # («Виктор Понедельник»: «Виктор»)
    if not surnames:
        return spans
    tagged = {index for span in spans for index in range(span.start, span.end)}
    found = list(spans)
    for token in doc:
        if token.i in tagged or token.text not in forms or not is_cap(token) or token.text.isupper() \
                or token.i + 1 < len(doc) and is_cap(doc[token.i + 1]) and doc[token.i + 1].is_alpha:
            continue
        start = token.i
        while start > 1 and doc[start - 1].text == "." and _INITIALS_NAME.match(doc[start - 2].text) \
                and start - 2 not in tagged:
            start -= 2  # its initials («Б.Обама»)
        if start == token.i and start > 0 and doc[start - 1].text in given and start - 1 not in tagged:
            start -= 1  # its given name, the person's
        if start == token.i and start > 0 and (is_cap(doc[start - 1]) and doc[start - 1].is_alpha
                                               or start > 1 and abbreviated_place(doc, start - 2, models.lexicons)):
            continue  # another name's last word; a town's after «г.» («Ю.А. Гагарин … г. Гагарин»)
        found.append(Span(doc, start, token.i + 1, label="PER"))
    return sorted(found, key=lambda span: (span.start, -span.end))


def _without_case_ending(surname: str) -> str:
    """A surname without the ending of an oblique case it may have («Путина», «Путиным»: Путин)."""
    for ending in _SURNAME_ENDINGS:
        if surname.endswith(ending) and len(surname) - len(ending) >= 3:
            return surname[:-len(ending)]
    return surname


# «Путина», «Путину», «Путиным», «Путине»; the longer first, as `_without_case_ending` takes the first that fits
_SURNAME_ENDINGS = ("ым", "ом", "ой", "ем", "а", "у", "е")


def _with_their_namesakes(spans: list[Span]) -> list[Span]:
    """natasha's organisations that end with «им.» or «имени», each with the person natasha found right after it: the
    one it is named after, whose name is the body's («Театра им. Йозефа Бойса» was «Театра им.» and a person)."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if last is not None and span.label_ == "PER" and last.label_ == "ORG" and span.start == last.end \
                and (last[-1].lower_ == "имени" or len(last) > 1 and last[-2].lower_ == "им" and last[-1].text == "."):
            found[-1] = Span(span.doc, last.start, span.end, label="ORG")
        else:
            found.append(span)
    return found


def _with_its_adjectives(span: Span, lex: Lexicons) -> Span:
    """natasha's organisation named by an acronym with the capitalised adjectives right before it, which it left out
    («Смоленская ТПП», «Витебской ТПП»: a chamber of that region; not a sentence's first word, where any adjective has
    its capital: «Российский МИД заявил …»; a line's first word is a listed name's). Not an acronym that names no
    organisation («Западные СМИ»)."""
    if span.label_ != "ORG" or not is_acronym(span[0]) or span.text in lex.not_organisations:
        return span
    start = span.start
    doc = span.doc
    while start > 0 and doc[start - 1].pos_ == "ADJ" and is_cap(doc[start - 1]) and not doc[start - 1].text.isupper():
        start -= 1
        if start > 0 and starts_a_sentence(doc, start) and not starts_a_line(doc, start):
            return span  # (a text's first word is a line's)
    return span if start == span.start else Span(doc, start, span.end, label="ORG")


def _with_its_body(span: Span, models: Resources) -> Span:
    """natasha's person or place of one word that is a town's adjective, with the body's word after it in its case
    (lowercase adjectives between), is that body: «с Гомельским и Брестским облисполкомами», «Брестским областным
    исполнительным комитетом» (natasha: the person «Брестским»; `_sharing_a_noun` makes the coordinated ones bodies
    too). Not where another name of natasha's holds the word."""
    doc = span.doc
    if span.label_ not in ("PER", "LOC") or len(span) != 1 or not is_cap(span[0]) \
            or not _reads_as_adjective(span[0], models) or town_by_adjective(span[0].text, models) is None:
        return span
    noun = span.end
    while noun < len(doc) and doc[noun].is_lower and doc[noun].pos_ == "ADJ" and not _a_bodys_noun(doc[noun], models):
        noun += 1
    if noun >= len(doc) or not doc[noun].is_lower or not models.lexicons.names_body(doc[noun].lemma_) \
            or not _same_case(span[0], doc[noun], models) \
            or any(other.start <= noun < other.end for other in doc.spans[NATASHA_SPANS]):
        return span
    return Span(doc, span.start, noun + 1, label="ORG")


def _same_case(adjective: Token, noun: Token, models: Resources) -> bool:
    """Whether the dictionary reads two words in one case, of any of their readings (the tagger may read a town's
    adjective as a name's: «Брестским»)."""
    cases = {p.tag.case for p in models.vocab.parse(adjective.lower_) if p.tag.POS == "ADJF"}
    return any(p.tag.case in cases for p in models.vocab.parse(noun.lower_) if p.tag.POS == "NOUN")


def _an_adjective_alone(span: Span) -> bool:
    """One word that is an adjective, not an abbreviation nor quoted (a quoted one is a name: «солисткой «Умарины»»):
    no organisation's name."""
    quoted = span.start > 0 and span.doc[span.start - 1].text in OPENING_QUOTES
    return len(span) == 1 and span[0].pos_ == "ADJ" and not span[0].text.isupper() and not quoted


def _a_post_alone(span: Span, models: Resources) -> bool:
    """Whether natasha's organisation or person is a post's words alone, a position and the adjectives before it:
    «Государственным секретарем (Союзного государства)», an official unnamed, no body; «Патриарший Экзарх», no one;
    not «Союзом художников», nor a quoted name («Частному корреспонденту», a newspaper)."""
    lex = models.lexicons
    quoted = span.start > 0 and span.doc[span.start - 1].text in OPENING_QUOTES  # a name: «Частному корреспонденту»
    return span[-1].lemma_ in lex.positions and not lex.names_body(span[-1].lemma_) and not quoted \
        and all(token.pos_ == "ADJ" or _reads_as_adjective(token, models) for token in span[:-1])


_A_LATIN_LETTER = re.compile(f"[{LATIN_LETTERS}]")


def _of_its_units_state(mention: Mention, mentions: list[Mention], doc: Doc, models: Resources) -> Mention:
    """A body whose name names no state, named inside the name of a unit of its that its town gives a state, is of
    that state, no side's of the town («Витебский областной комитет ОО «БРСМ»»: Belarus's; not an interstate body:
    «Представительство Республики Беларусь при Евразийской экономической комиссии» names no town; nor a joint body of
    the states it names: «… отделение Общества дружбы России и Беларуси»)."""
    if mention.type is not EntityType.ORG or mention.within != "org" or mention.country is not None \
            or organisation_kind_of(mention.normal) == "org-international" \
            or _A_LATIN_LETTER.search(mention.normal):
        return mention  # (a name in Latin letters may be a foreign company's: «Смоленский филиал компании «Huawei»»)
    span = token_span(doc, mention.start, mention.stop)
    if span is None or any(models.countries.code(token.lemma_) or models.countries.adjective_code(token.text)
                           for token in span if is_cap(token)):
        return mention
    unit = next((m for m in mentions if m.type is EntityType.ORG and m.within is None and m.start <= mention.start
                 and mention.stop <= m.stop and m is not mention), None)
    if unit is None or unit.town is None or unit.country is None:
        return mention
    whole = token_span(doc, unit.start, unit.stop)
    if whole is not None and any("away" in models.lexicons.head_flags(token.lemma_)
                                 for token in doc[whole.start:span.start]):
        return mention  # a unit kept in another place: «Смоленское представительство Фольксбунда»
    return replace(mention, country=unit.country)


def _a_quotations_head_alone(span: Span, lex: Lexicons) -> bool:
    """Whether natasha's organisation is one word that names a body only with a quoted name after it, without one
    («в Telegram-канале Правительства …»: flag q of `org_heads.tsv`)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return len(span) == 1 and "q" in lex.head_flags(span[0].lemma_) \
        and (after is None or after.text not in OPENING_QUOTES)


def _a_towns_body(span: Span, models: Resources) -> bool:
    """Whether a span is a town's adjective and a body's word in lowercase: «Брестским облисполкомом», or a body's
    short name in capitals no state's or region's: «Смоленская ТПП», «Калининская АЭС»; not a state's adjective
    («Палестинское государство» is a state); or one word that is a town's executive committee («Мингорисполкома»,
    «Витебского горисполкома»'s short form)."""
    if len(span) == 1 and EXECUTIVE_COMMITTEE.search(span[0].lower_):
        return True
    if len(span) != 2 or not is_cap(span[0]) or models.countries.adjective_code(span[0].text) is not None \
            or town_by_adjective(span[0].text, models) is None:
        return False
    word = span[1]
    return word.is_lower and models.lexicons.names_body(word.lemma_) \
        or len(word.text) > 2 and word.text.isupper() and word.text.isalpha() \
        and models.countries.code(word.text) is None and models.gazetteer.lookup(word.text) is None


_FIRM_WORDS = frozenset({"компания", "корпорация", "фирма", "холдинг", "концерн"})


class _Reading:
    """The phases of `extract_docs` over one Doc, and the spans each phase leaves taken for the next."""

    def __init__(self, doc: Doc, text: str, models: Resources) -> None:
        self.doc, self.text, self.models, self.lex = doc, text, models, models.lexicons
        # natasha's entities, made once: spaCy makes each span anew on every pass over the group
        self.natasha = list(doc.spans[NATASHA_SPANS])
        named = find_named(doc, self.lex) + latin_names(doc, self.lex)
        self.barriers = _barriers(doc)
        self.rule_orgs = [cut for c in named if c.label == "ORG" and (cut := self._before_person(c)) is not None]
        self.rule_orgs += self._parents_short_names(self.rule_orgs)
        # states named in full («Королевства Таиланд»), then organisation-shaped names of states ("Российской
        # Федерации"); a body's name goes on to the end of a state's name it ends in, and on with its chain after it
        # («Посольства Королевства | Таиланд | в Российской Федерации»)
        self.states: list[Chunk] = _states_named_in_full(doc, models)
        self.rule_orgs = [c if (state := self._state_cut(c.start, c.stop)) is None
                          else replace(c, stop=chain_after_a_state(doc, c.head, state.stop, self.lex))
                          for c in self.rule_orgs]
        # where an organisation's name may go on: its sentence is parsed before the phases (see `extract_docs`)
        names = [(c.start, c.stop) for c in self.rule_orgs]
        spans = [(c.start, c.stop) for c in named]
        names += [(s.start, s.end) for s in self.natasha if s.label_ == "ORG"
                  and not _overlaps(s.start, s.end, spans)]  # natasha's, where no rule named anything
        self.in_doubt = [stop for start, stop in names if doc[stop - 1].is_alpha
                         and in_doubt(doc, start, stop, self.barriers)]
        self.orgs: list[Chunk] = []
        self.natasha_orgs: list[tuple[Span, int, bool]] = []  # see `_natasha_orgs`, worked out with the places
        self.sites = [c for c in named if c.label == "LOC"]
        events = [(c.start, c.stop, _title_start(doc, c)) for c in named if c.label in ("EVENT", "DOC")]
        # an event's or a document's quoted title (what stands before it may name whose works are shown)
        self.quoted_titles = [(title, stop) for _, stop, title in events if title is not None]
        # events, documents and honorary titles: what lies wholly inside one is no entity of the event
        self.blocked = [(start, stop) for start, stop, _ in events]
        # but a place between an event's head and its quoted title says from where («выставка работ мастеров
        # Смоленской области «Мир керамики Смоленщины»»): places are kept out of the title alone
        self.blocked_places = [(start if title is None else title, stop) for start, stop, title in events]
        self.titles = honorary_titles(doc, self.lex)
        self.blocked += self.titles
        self.blocked_places += self.titles
        self.mentions: list[Mention] = []
        self.taken: list[tuple[int, int]] = []  # organisations' and persons' spans
        self.role_spans: list[tuple[int, int]] = []
        self.person_spans: list[tuple[int, int]] = []
        self.nominatives_before_commas: set[int] = set()  # the commas after a person named in the nominative
        self.plural_post: Mention | None = None  # the last person, where a plural post heads the list they are in
        # that post's words, state and case, which each name of its list takes
        self.plural_head: tuple[str | None, Signal, str | None] = (None, Signal(None, False), None)
        # where no person is named, a place's office (`places`), past a state's name read whole as a body's name goes
        self.post_spans = [(start, stop) if (state := self._state_cut(start, stop)) is None
                           else (start, chain_after_a_state(doc, start, state.stop, self.lex, post=True))
                           for start, stop in office_posts(doc, self.lex)]
        self.place_spans: list[tuple[int, int]] = []

    def _state_cut(self, start: int, stop: int) -> Chunk | None:
        """The state named in full that a name in [start, stop) stops inside of, having begun before it."""
        return next((state for state in self.states if start < state.start < stop < state.stop), None)

    def _parents_short_names(self, chunks: list[Chunk]) -> list[Chunk]:
        """The parent a unit's name ends with, by its short name, natasha's organisation: a body of its own,
        as a parent named in full is («кафедры философии СмолГУ», «философского факультета МГУ», «Института истории
        НАН Беларуси», «факультета ВГУ имени П.М. Машерова»: СмолГУ, МГУ, НАН Беларуси, ВГУ имени П.М. Машерова).
        Not the short name of a body its legal form names («ФГБОУ ВО СмолГУ» is the university itself) nor one
        inside a quotation."""
        doc = self.doc
        states: dict[int, int] | None = None  # worked out for the first parent found: most cells name none
        named = {(chunk.start, chunk.stop) for chunk in chunks}
        persons = {span.start for span in self.natasha if span.label_ == "PER"}
        found = []
        for chunk in chunks:
            words = doc[chunk.start:chunk.stop]
            if is_acronym(doc[chunk.head]) or any(token.text in OPENING_QUOTES for token in words):
                continue
            for whole in self.natasha:
                if whole.label_ != "ORG" or not chunk.head < whole.start < chunk.stop:
                    continue
                # (natasha's name may run on into the name of the holder after the unit's: «кафедры истории России |
                # СмолГУ Кодин | Е.В.»; not into the rest of its own: «палаты РИА Новости»)
                span = doc[whole.start:chunk.stop] if whole.start < chunk.stop < whole.end \
                    and any(chunk.stop <= person <= whole.end for person in persons) else whole
                # (whom it is named after as may be: «факультета ВГУ имени П.М. Машерова»: ВГУ имени П.М. Машерова)
                namesake = next((i for i in range(span.start, span.end) if doc[i].lower_ in ("имени", "им")), span.end)
                # (or by a name of its capitalised words, in the genitive, with no body's word: «Смоленское
                # региональное отделение Российского Красного Креста»)
                if not span.end <= chunk.stop \
                        or not (is_acronym(span[0]) or _COMPOUND_ABBREVIATION.match(span[0].text)
                                or self._named_in_capitals(span)) \
                        or is_acronym(doc[span.start - 1]) \
                        or not all(is_cap(token) for token in doc[span.start:namesake]):
                    continue
                if states is None:
                    states = self._states_in_the_genitive()
                stop = states.get(span.end, span.end)  # with the state it is of: «НАН | Беларуси», «МИД | России»
                if (stop == chunk.stop or stop < chunk.stop and doc[stop].lower_ in ("в", "во")) \
                        and (span.start, stop) not in named:  # (in «в»: a branch's place)
                    # (a name of words heads on its first noun: «Российского Красного | Креста»)
                    head = next((t.i for t in span if t.pos_ in ("NOUN", "PROPN")), span.start) \
                        if self._named_in_capitals(span) else span.start
                    found.append(Chunk(span.start, stop, "ORG", head))
                    named.add((span.start, stop))
            # a parent's letters and its state that end the name after the words its head governs, where natasha's
            # organisation took in more words before them or none («отдела Института истории НАН Беларуси»,
            # «Института истории НАН Беларуси и Института философии …»: НАН Беларуси; not what a body right before
            # deals with: «Союза ММА России»); or that end it alone (`_parents_letters`)
            for index in range(chunk.head + 2, chunk.stop):
                if not is_acronym(doc[index - 1]) and (is_acronym(doc[index]) and index < chunk.stop - 1
                                                       or index == chunk.stop - 1 and self._parents_letters(chunk)):
                    if states is None:
                        states = self._states_in_the_genitive()
                    after = doc[index + 1] if index + 1 < len(doc) else None
                    # (a state's one word natasha took into its organisation: no place of its own)
                    stop = states.get(index + 1) or (index + 2 if after is not None and is_cap(after)
                                                     and case_of(after) == "Gen"
                                                     and self.models.countries.code(after.lemma_) else index + 1)
                    if stop == chunk.stop and (index, stop) not in named:
                        found.append(Chunk(index, stop, "ORG", index))
                        named.add((index, stop))
            # (not a company's own name right after its word: «Концерна Росэнергоатом», «компании Ростелеком»)
            own_name = chunk.head + 1 if doc[chunk.head].lemma_ in self.lex.company_words else None
            for index in range(chunk.head + 1, chunk.stop):
                if (index, index + 1) not in named and index != own_name and (
                        _an_agencys_word(doc[index], self.models) or index == chunk.stop - 1
                        and "in" in self.lex.head_flags(doc[chunk.head].lemma_)
                        and self._short_name_of_its_body_after(replace(chunk, stop=index))):
                    # a Russian body's one word of «Рос…», natasha's or not: «Представительства Россотрудничества в
                    # Республике Узбекистан», «филиала Ростелекома …»; a body's one word the dictionary does not
                    # know that the name of a unit kept in a place ends with: «Смоленского филиала
                    # Финуниверситета» (not whom a university or a government is named after: «университета
                    # Макгилла», «правительства Руснока»)
                    found.append(Chunk(index, index + 1, "ORG", index))
                    named.add((index, index + 1))
        return found

    def _parents_letters(self, chunk: Chunk) -> bool:
        """Whether a unit's name ends with its parent's letters, which do not decline: a unit's head (flag `of`)
        before them («Института Конфуция СмолГУ»; not «Ассоциации агентов ФБР», whose agents they are), and no
        state's or region's letters («Министерства обороны РФ»), nor a common noun's («Комитета по оценке СМИ»)."""
        word = self.doc[chunk.stop - 1].text
        return undeclined_letters(word) and "of" in self.lex.head_flags(self.doc[chunk.head].lemma_) \
            and word not in self.lex.not_organisations and not self.models.countries.code(word) \
            and self.models.gazetteer.lookup(word) is None

    def _states_in_the_genitive(self) -> dict[int, int]:
        """Where natasha's places that are states, in the genitive, end, by where they start («НАН | Беларуси»)."""
        return {state.start: state.end for state in self.natasha if state.label_ == "LOC" and case_of(state[0]) == "Gen"
                and self.models.countries.code(normal_phrase(self.models.vocab, list(state), len(state) - 1))}

    def _named_in_capitals(self, span: Span) -> bool:
        """Whether natasha's organisation is a name of two capitalised words or more in the genitive, no word of
        which heads a body's name, nor a state's name («Российского Красного Креста»; not «Республики Беларусь»)."""
        models = self.models
        return len(span) > 1 and case_of(span[0]) == "Gen" and all(is_cap(token) for token in span) \
            and not any(self.lex.names_body(token.lemma_) for token in span) \
            and not models.countries.code(normal_phrase(models.vocab, list(span), len(span) - 1))

    def _whose_post(self, role: Chunk, start: int, stop: int) -> bool:
        """Whether the person named from `start` to `stop` is whom the post before serves, not its holder: the post's
        head in the nominative, the person's given name in the genitive only, as the dictionary reads it («Ученик
        Эльдара Рязанова»: Рязанов is the teacher; «советник Олега Петрова»); not where the tagger reads the given name
        of a full name as a nominative in its sentence, a foreign name the dictionary knows only as another's genitive
        («Посол Японии Акира Муто»: no «Акир»)."""
        word = self.doc[start].lower_
        if case_of(self.doc[role.head]) != "Nom" or not self.models.vocab.word_is_known(word) \
                or case_of(self.doc[start]) == "Nom" and stop - start > 1:
            return False  # (a name it does not know it guesses at: «Хоакин» is no genitive plural of «Хоакина»)
        # (a person is one: a plural's reading of the name is none of theirs, «Кристины»)
        named = [parse for parse in self.models.vocab.parse(word) if "Name" in parse.tag and "sing" in parse.tag]
        return bool(named) and all("gent" in parse.tag or "accs" in parse.tag for parse in named)

    def _body_named_before(self, role: Chunk) -> Signal | None:
        """The state and side of the body a post names by its word alone, capitalised, at its end, where the text
        named that body in full before: the last one of that word («Советник-посланник Посольства СРВ в РФ Нгуен Ван
        Хунг, первый секретарь Посольства Ле Тхи Ханг»: Vietnam's)."""
        doc, last = self.doc, self.doc[role.stop - 1]
        if role.stop - 1 == role.head or not is_cap(last) or not self.lex.names_body(last.lemma_):
            return None
        stated = {(m.start, m.stop): m for m in self.mentions if m.type is EntityType.ORG and m.country}
        named = [body for chunk in self.orgs if chunk.stop <= role.start and doc[chunk.head].lemma_ == last.lemma_
                 and (body := stated.get(char_span(doc, chunk.start, chunk.stop))) is not None]
        return Signal(named[-1].country, named[-1].smolensk) if named else None

    def _before_person(self, chunk: Chunk) -> Chunk | None:
        """An organisation's name cut before a person the rules' genitive chain ran into ("Совета Федерации
        Виктора Озерова", "Комитета Госдумы по науке … Дмитрий Новиков"); not a person the name is named after:
        inside a quotation, after «имени» or an honorary title ("… имени А.М. Горького", "… музей Героя
        Советского Союза Миная Филипповича Шмырева"), or the leader a government is named after (`led_by`). None
        where nothing named is left: a lowercase unit named by the person alone ("в пресс-службе Ивана Петрова")."""
        doc = self.doc
        # a government named after its leader holds the leader's name, a museum the name of whom it is named for
        leader = led_by(doc, chunk.head, self.lex) or named_for(doc, chunk.head, self.lex)
        inside = next((i for i in range(leader or chunk.head + 1, chunk.stop) if i in self.barriers), None)
        if inside is None or any(doc[i].text in OPENING_QUOTES or doc[i].lower_ in ("имени", "им")
                                 or doc[i].lemma_ in self.lex.honorifics for i in range(chunk.head + 1, inside)):
            return chunk
        stop = inside
        while stop > chunk.head + 1 and not doc[stop - 1].is_alpha:
            stop -= 1
        if not any(is_cap(doc[i]) for i in range(chunk.start, stop)):
            return None
        return replace(chunk, stop=stop)

    def _before_the_title(self, chunk: Chunk) -> Chunk | None:
        """A body named between an event's head and the quotation that ends the event's phrase: with it, where it
        is a name (one word or capitals: «Концерт Смоленского камерного оркестра «Камерата»», «Съезд лидеров …
        организации … «ОПОРА РОССИИ»») or the body an honorary collective («Концерт Заслуженного коллектива
        Республики Беларусь «…»»), or a performing collective named by its kind («концерт ансамбля народного танца
        «Коло»», `troupe` in org_heads.tsv); else without it, the event's title («Выставка Витебского
        художественного музея «Шагал и его время»»: Витебский художественный музей). None for a body wholly inside
        an event's phrase otherwise, or named by no capitalised word («конкурса театральных коллективов «Здесь и
        сейчас»»)."""
        doc = self.doc
        title = next((start for start, stop in self.quoted_titles if chunk.head < start < chunk.stop == stop), None)
        if title is None and self._coordinated_before_a_title(chunk):
            return chunk  # the first of the bodies whose event it is («выставка Смоленского музея-заповедника | и …»)
        kind, flags = self.lex.heads.get(head_lemma(doc[chunk.head], self.lex), ("", frozenset()))
        if title is not None and "troupe" in flags and not _plural(doc[chunk.head], self.models):
            return chunk  # a collective named by its kind in lowercase: «концерт ансамбля народного танца «Коло»»
        if title is None or kind != "org" or "state" in flags or not any(is_cap(t) for t in doc[chunk.start:title]):
            return None  # not «… Российской Федерации «Демография»», a national project's
        quoted = [token for token in doc[title + 1:chunk.stop - 1] if token.is_alpha]
        if len(quoted) == 1 or all(token.text.isupper() for token in quoted) or "title" in flags:
            return chunk
        return replace(chunk, stop=title)

    def _without_the_outer_bodys_town(self, chunk: Chunk) -> Chunk:
        """A body named inside another's name that ends with the other, without the town both end with: the town is
        where the outer body is («Отделения Посольства Республики Беларусь | в г. Смоленске»: the embassy is no
        embassy in Smolensk; «… в Российской Федерации» stays the embassy's)."""
        doc = self.doc
        if not any(outer.start < chunk.start and outer.stop == chunk.stop for outer in self.orgs):
            return chunk
        last = max((i for i in range(chunk.head + 1, chunk.stop - 2) if doc[i].lower_ in ("в", "во")), default=None)
        if last is None or doc[last + 1].lower_ not in ("г", "гор", "город", "городе") \
                or any(token.text in OPENING_QUOTES for token in doc[last:chunk.stop]):
            return chunk
        return replace(chunk, stop=last)

    def _described_as_a_states(self, chunk: Chunk) -> str | None:
        """The state whose adjective in small letters opens a body's name before its common noun and quoted name
        («китайской компанией «Хуавэй»»): what the body is, no word of its name («компания «Хуавэй»», as the row
        may name it again), though it gives the state."""
        doc = self.doc
        first = doc[chunk.start]
        if chunk.head != chunk.start + 1 or chunk.stop - chunk.start < 3 or not first.is_lower \
                or first.pos_ != "ADJ" or not doc[chunk.head].is_lower \
                or doc[chunk.head + 1].text not in OPENING_QUOTES:
            return None
        return self.models.countries.adjective_code(first.lower_)

    def _short_name_of_its_body_after(self, chunk: Chunk) -> bool:
        """Whether a unit's name ends on its head, before the one-word short name of the body it belongs to that the
        dictionary does not know and the tagger reads in no case of a genitive chain («Смоленского филиала |
        Финуниверситета»: not a body «Смоленский филиал» of its own, which every university's branch would be)."""
        doc, after = self.doc, chunk.stop
        return chunk.head == after - 1 and after < len(doc) and "of" in self.lex.head_flags(
            doc[chunk.head].lemma_) and doc[chunk.head].is_lower and is_cap(doc[after]) \
            and doc[after].pos_ == "PROPN" and feature(doc[after], "Animacy") == ("Inan",) \
            and not self.models.vocab.word_is_known(doc[after].lower_) \
            and _GENITIVE_ENDING.search(doc[after].lower_) is not None

    def _lengthened(self, chunk: Chunk) -> Chunk:
        """An organisation's name with the words after it that its syntax says are its own (`nlp.extraction.syntax`)."""
        if not self.doc[chunk.stop - 1].is_alpha:
            return chunk  # a quoted name ends at its closing mark
        if chunk.head + 1 < chunk.stop and self.doc[chunk.head + 1].text in self.lex.education_levels:
            return chunk  # and a school's short name after its form and level (`rules._school_short_name`)
        if named_for(self.doc, chunk.head, self.lex) == chunk.stop:
            return chunk  # and a museum's with whom it is named for («музея Ю.А. Гагарина | делегацией …»)
        if self._short_name_of_its_body_after(chunk):
            return replace(chunk, stop=chunk.stop + 1)
        stop = name_stop(self.doc, chunk.start, chunk.stop, self.models.syntax, self.barriers)
        return chunk if stop == chunk.stop else replace(chunk, stop=stop)

    def _coordinated_before_a_title(self, chunk: Chunk) -> bool:
        """Whether a body named in capitals is coordinated by «и» with the next one, whose name ends where an
        event's quoted title opens («Совместная выставка Смоленского музея-заповедника и Витебского … музея «…»»)."""
        doc, after = self.doc, chunk.stop + 1
        return chunk.stop < len(doc) and doc[chunk.stop].lower_ == "и" \
            and any(is_cap(token) for token in doc[chunk.start:chunk.stop]) \
            and any(c.start == after and any(c.head < start < c.stop == stop for start, stop in self.quoted_titles)
                    for c in self.orgs)

    def _named_by(self, chunk: Chunk, described: bool) -> tuple[list[Token], int]:
        """The words that name an organisation's chunk and where its head is among them: a quotation listed after
        another is named by the words before that one's quotation too («компаний «А» и «Б»»: компания «Б»), without
        the state's adjective that says what the first one is where `described` («белорусских компаний «А» и «Б»»)."""
        doc, first = self.doc, chunk.listed_after
        if first is None:
            return list(doc[chunk.start:chunk.stop]), chunk.head - chunk.start
        quotation = quotation_after_head(doc, first, self.lex)
        start = first.start + described
        return list(doc[start:quotation]) + list(doc[chunk.start:chunk.stop]), first.head - start

    def organisations(self) -> None:
        """Organisations the rules find (legal forms, quoted names, government bodies)."""
        doc, models = self.doc, self.models
        # a unit named in lowercase inside a memorial's name is commemorated there, no party to the event
        # ("Воинское захоронение солдат и офицеров 39-й армии"); a capitalised body stays one ("… комплекс
        # Посольства Республики Беларусь …")
        sites = [(c.start, c.stop) for c in self.sites]
        lengthened = [*map(self._lengthened, self.rule_orgs)]
        # a body's short name a name was lengthened over ends it as in the rules' own name: a body of its own
        # («Комитета по сотрудничеству | с ЮНЕСКО»)
        found = {(c.start, c.stop) for c in self.rule_orgs}
        lengthened += [c for c in self._parents_short_names(
            [c for c, rule in zip(lengthened, self.rule_orgs, strict=True) if c.stop > rule.stop])
            if (c.start, c.stop) not in found]
        self.orgs = [c for c in lengthened if not _inside(c.start, c.stop, sites)
                     or any(is_cap(token) for token in doc[c.start:c.stop])]
        described = _described_after_a_dash(doc, self.orgs)
        in_full = [(c.start, c.stop) for c in self.states]
        for chunk in self.orgs:
            tokens = list(doc[chunk.start:chunk.stop])
            # (a body is nested as found: without an event's title or the state's adjective it lies in no other body
            # for that)
            nested = _inside(chunk.start, chunk.stop, [(c.start, c.stop) for c in self.orgs])
            if _inside(chunk.start, chunk.stop, self.blocked) and not any(t.text == "«" for t in tokens[:2]):
                named_before = self._before_the_title(chunk)
                if named_before is None:
                    continue
                chunk = named_before
            if _within(chunk.start, chunk.stop, described):
                continue  # what the body before the dash is: the same body, its span stays taken
            if planned(doc, chunk.start, self.lex):
                continue  # a body to be made is no party; its span stays taken (the bodies it names are)
            if _within(chunk.start, chunk.stop, in_full):
                continue  # a state's name, or a state's word of it («Союз Мьянма» in «Республики Союз Мьянма»), no body
            states_word = self._described_as_a_states(chunk)
            listed_states_word = None if chunk.listed_after is None else self._described_as_a_states(chunk.listed_after)
            chunk = chunk if states_word is None else replace(chunk, start=chunk.start + 1)
            states_word = states_word or listed_states_word
            chunk = self._without_the_outer_bodys_town(chunk)
            named, head = self._named_by(chunk, listed_states_word is not None)
            normal = normal_phrase(models.vocab, named, head)
            if models.countries.code(normal):  # "Российской Федерации": a state, not a body
                self.states.append(Chunk(chunk.start, chunk.stop, "LOC", chunk.head, source="ner"))
                continue
            signal = country_signal(named, models)
            signal = signal if states_word is None or signal.country else Signal(states_word, False, signal.town)
            if nested and _other_name_after_a_dash(doc, chunk, self.orgs):
                continue  # the body's other name, inside its name: «Народного собрания – Парламента Республики …»
            if nested and normal == doc[chunk.start:chunk.stop].text and any(
                    _the_quotation_of(c, chunk, doc) for c in self.orgs):
                continue  # the whole quotation of a body's name, a name in the nominative, is that body
                # («компании «China Railway …»»; not «пресс-службы «Новой газеты»», a body of its own)
            self.mentions.append(_mention(doc, self.text, chunk.start, chunk.stop, EntityType.ORG, normal,
                                          "rule:org", country=signal.country, smolensk=signal.smolensk,
                                          town=signal.town, within="org" if nested else None))
        self.mentions = [_of_its_units_state(m, self.mentions, doc, models) for m in self.mentions]
        states = {(p.start, p.stop) for p in self.states}
        self.taken += [(c.start, c.stop) for c in self.orgs if not _within(c.start, c.stop, states)]

    def persons(self) -> None:
        """Persons: natasha's, plus initials-and-surname shapes it missed; never inside an organisation's
        name; each with the position the text gives it and the state that position names."""
        doc, models, lex = self.doc, self.models, self.lex
        people = [_without_post_words(doc, s.start, s.end, models) for s in self.natasha
                  if s.label_ == "PER"]
        people = [self._firm_apart(start, _with_the_last_initials_stop(doc, start, stop))
                  for start, stop in _initials_joined(doc, people)]
        # with the word that closes it after the father's name, which natasha may leave out («Алиева Севиндж Рафик
        # кызы»)
        people = [(start, stop + 1) if stop < len(doc) and doc[stop].lower_ in lex.name_closings
                  and not starts_a_line(doc, stop) else (start, stop) for start, stop in people]
        shaped = _person_tokens(doc)
        # natasha's name inside a shape is the shape's («Крутым Дмитрием Николаевичем»)
        people = sorted({next(((a, b) for a, b in shaped if a <= start and stop <= b), (start, stop))
                         for start, stop in people})
        # (not a town named by its first word's initial: «Н. Новгород»)
        people += [p for p in shaped if not _overlaps(*p, people)
                   and not (p[1] - p[0] == 3 and _a_places_name_only(doc[p[1] - 1], models))]
        people += [p for p in self._names_taken_for_places() if not _overlaps(*p, people)]
        people += [p for p in self._names_run_into_bodies() if not _overlaps(*p, people)]
        # "Чрезвычайный и Полномочный Посол": natasha's lone title word is no name, and no one else's either, so
        # it does not end the position before the next name
        people = [(start, stop) for start, stop in people
                  if not (stop - start == 1 and (doc[start].lemma_ in lex.positions or doc[start].pos_ == "ADJ"
                                                 or post_head_after(doc, start, lex) is not None))]
        # a style before a name is no name of its own («с Его Высочеством принцем Фейсалом …»: the name after it
        # is; «Ее Величество» alone names the queen)
        starts = {start for start, _ in people}
        people = [(start, stop) for start, stop in people if not (
            stop - start == 2 and doc[start].lower_ in STYLE_OPENINGS and doc[start + 1].lemma_ in lex.person_titles
            and starts & {stop, stop + 1})]
        # whom a body is named after is no party, nor ends a post before it («декан факультета ВГУ имени П.М.
        # Машерова»)
        namesakes = {(start, stop) for start, stop in people if start > 0 and named_after(doc, start - 1)
                     or start > 1 and not is_cap(doc[start - 1]) and named_after(doc, start - 2)}
        person_tokens = {i for start, stop in people if (start, stop) not in namesakes for i in range(start, stop)}
        names_over_posts = names_above_their_posts(doc, sorted(people), lex, person_tokens)
        inside_names = frozenset(i for c in self.orgs for i in range(c.start + 1, c.stop))
        for start, stop in sorted(people):
            if _overlaps(start, stop, self.taken) or in_place_name(doc, start, lex):
                continue
            if (start, stop) in namesakes:
                continue  # "МХТ им. А. П. Чехова": whom a body is named after, no party (natasha's name holds him)
            if any(c.start <= start and stop <= c.stop
                   and all(is_cap(t) or t.lower_ == "и" for t in doc[c.head + 1:start]) for c in self.sites):
                continue  # whom a site is named for or a memorial honours, right after its head («Памятника М.И.
                # Глинке», «площади Михаила Багаева», «Собор Святого Феодора Ушакова», «памятника Александру
                # Твардовскому и Василию Теркину»): commemorated, no party
            if _inside(start, stop, self.quoted_titles):
                continue  # in an event's or a document's title: no party («Виртуальный выставочный проект
                # «Усадьба Н.М. Пржевальского …»»; not «выставки художника Кирилла Бородина «…»»)
            if commemorated(doc, start, lex, self.titles):
                continue  # "к 185-летию со дня рождения Н.М. Пржевальского": the subject, no party
            tokens = list(doc[start:stop])
            if len(tokens) == 1 and _looks_like_town(doc, start, models):
                continue  # a town natasha took for a surname ("в Гагарине")
            if len(tokens) == 1 and not _may_be_a_lone_name(tokens[0], models):
                continue  # "Оффлайн-встреч", "Герои-гвардейцы", "Витебщины": no one's name
            if len(tokens) == 1 and region_word_at(doc, stop, lex):
                continue  # a district's adjective («Суражский с/с», «Суражский сельсовет»)
            others = person_tokens - set(range(start, stop))
            # (a plural post over the list the name is in goes before a post after the name, the next one's:
            # «заместители Губернатора … А.А. Петров и Б.Б. Сидоров, министр культуры … Н.В. Козлова»)
            listed = self._listed_under_a_plural_post(start)
            # (a list of names each alone on its line with its post on the line below: the line above such a name is
            # the post of the name before it)
            below = post_on_the_next_line(doc, start, stop, lex, others) if names_over_posts else None
            listed_alone = names_over_posts and below is None and alone_on_its_line(doc, start, stop)
            role = below if below is not None else None if listed_alone \
                else role_before(doc, start, lex, others, inside_names)
            if role is not None and role is not below and self._whose_post(role, start, stop):
                role = None
            role = role or (role_after(doc, stop, lex, others) if listed is None else None)
            # (a post a colon ends heads the name or the list of names after it: «Члены жюри: И.И. Сидорова, …»)
            role = role or (self._post_before_a_colon(start, others) if listed is None else None)
            role_text = None
            signal = Signal(None, False)
            if role is None and listed is not None:
                role_text, signal, _ = listed  # «народные артисты … И.И. Иванов и П.П. Петров»: each one's post
            if role is not None:
                role_tokens = list(doc[role.start:role.stop])
                # a bracket in the post tells where, or a body's short name: the post is the words around it
                # («генеральным директором ЗАО «Атлант» (г. Минск)»), though its place names the state
                post_tokens = without_degrees(outside_brackets(role_tokens))
                role_text = _normal_role(models, post_tokens, post_tokens.index(doc[role.head]))
                # (and so does where its holder is from, after it: «эксперт из Республики Узбекистан Ш. Каримов»)
                origin = origin_after_post(doc, role.stop, lex, others, start if role.stop <= start else len(doc))
                signal = country_signal(role_tokens + list(doc[role.stop:origin]), models)
                if signal.country is None:
                    signal = self._body_named_before(role) or signal
                self.role_spans.append((role.start, role.stop))
            # a name stands in the case of the post before it («с Генеральным консулом … Ло Цзиньюнем»; a plural
            # post's, over its list: «члены жюри – И.И. Петров (г. Смоленск), А.А. Козлова (г. Витебск)»), or in the
            # instrumental right after «с» («с В.В. Делбой»)
            # (an acting post's word, «и.о.», «врио», declines not: opening an item, the name is in the nominative;
            # else the tagger's case of «врио» in its sentence, none of «и.о.»)
            posts_case = None if role is None else "Nom" if undeclined_acting(doc[role.head]) and (
                _opens_an_item(doc, role.start) or role.start - 1 in self.nominatives_before_commas) \
                else case_of(doc[role.head])
            case = posts_case if role is not None and role.stop <= start \
                else listed[2] if role is None and listed is not None \
                else "Ins" if start > 0 and doc[start - 1].lower_ in ("с", "со") else None
            # in the nominative where its post is («начальник отдела И.В. Сидорова», not «Губернатора … В.Н.
            # Анохина»), in a list of names after a colon or alone on its line («Участники: И.В. Сидорова, А.А.
            # Петрова»; not «при участии И.В. Петрова, …»), opening a sentence before a woman's verb («Е.А.
            # Смирнова открыла»; not «По приглашению В.Н. Анохина прибыла делегация»), or the subject of a woman's
            # verb before it
            nominative = role is not None and posts_case == "Nom" or role is None and listed is not None \
                and case == "Nom" or _listed_names(doc, start, stop, people, self.role_spans) \
                or opens_a_sentence(doc, start) \
                and stop < len(doc) and _womans_verb(doc[stop]) or _after_a_womans_verb(doc, start)
            normal = normal_person(models.vocab, tokens, nominative, case)
            if nominative and stop < len(doc) and doc[stop].text == ",":
                self.nominatives_before_commas.add(stop)  # the next one's item is in the nominative too
            self.mentions.append(_mention(doc, self.text, start, stop, EntityType.PER, normal, "ner", role=role_text,
                                          country=signal.country, smolensk=signal.smolensk))
            self.taken.append((start, stop))
            self.person_spans.append((start, stop))
            plural = role is not None and _plural(doc[role.head], models) \
                and (role.stop == start or role.stop == start - 1 and doc[role.stop].text == ":")
            self.plural_post = self.mentions[-1] if plural or listed and role is None else None
            if plural and role is not None:
                self.plural_head = (role_text, signal, case_of(doc[role.head]))

    def _post_before_a_colon(self, start: int, others: set[int]) -> Chunk | None:
        """The post that a colon right before a person's name ends, which `role_before` does not read past: a plural
        one, the post of each name of the list it opens («Члены жюри: | И.И. Сидорова, Т.А. Козлова»), or one in the
        nominative opening its line or sentence («Председатель жюри: И.И. Сидорова»; not «Участники встречи с
        Губернатором: …»)."""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ":":
            return None
        post = role_before(doc, start - 1, self.lex, others)
        if post is None or post.stop != start - 1:
            return None
        head = doc[post.head]
        opening = post.start == 0 or starts_a_line(doc, post.start) or opens_a_sentence(doc, post.start)
        return post if _plural(head, self.models) or opening and case_of(head) == "Nom" else None

    def _listed_under_a_plural_post(self, start: int) -> tuple[str | None, Signal, str | None] | None:
        """The post, state and case of the person listed right before one starting at `start` (a comma or «и» between
        them, after the brackets of the one before as may be), where a plural post heads the list: «народные артисты
        Республики Беларусь И.И. Иванов и П.П. Петров», «члены жюри – И.И. Петров (г. Смоленск), А.А. Козлова»."""
        last = self.plural_post
        first = char_span(self.doc, start, start + 1)[0]  # the cell's offset, not the Doc's (`token_span`)
        if last is None or not _LIST_JOIN.fullmatch(self.text, last.stop, first):
            return None
        return self.plural_head

    def _firm_apart(self, start: int, stop: int) -> tuple[int, int]:
        """natasha's person of three words or more right after a firm's word, without its first word: the firm's
        name, unquoted («представителями компании Хуавэй Чжаном Вэем»: компания Хуавэй, and Чжан Вэй), which is
        then an organisation."""
        doc = self.doc
        words = [token for token in outside_brackets(list(doc[start:stop])) if token.is_alpha]  # no Latin spelling
        if len(words) < 3 or start == 0 or not doc[start - 1].is_lower or doc[start - 1].lemma_ not in _FIRM_WORDS \
                or _overlaps(start - 1, start + 1, self.taken) or not doc[start].is_alpha \
                or self.models.vocab.word_is_known(doc[start].lower_) and any(
                    NAME_GRAMS & p.tag.grammemes for p in self.models.vocab.parse(doc[start].lower_)):
            return start, stop  # «компании Бен Кон (Ben Kohn)»: a given name opens it
        normal = normal_phrase(self.models.vocab, list(doc[start - 1:start + 1]), 0)
        self.mentions.append(_mention(doc, self.text, start - 1, start + 1, EntityType.ORG, normal, "rule:org"))
        self.taken.append((start - 1, start + 1))
        return start + 1, stop

    def _names_run_into_bodies(self) -> list[tuple[int, int]]:
        """A person's name natasha ran into an organisation after the body's end the rules found, at its end: two or
        three proper names, none a place's or a state's, after a post that names the body («декан факультета
        русского языка Хэйлунцзянского университета Ван Лин»: natasha's organisation ran on over the dean)."""
        doc = self.doc
        found = []
        for span in self.natasha:
            if span.label_ != "ORG":
                continue
            stop = max((c.stop for c in self.orgs if span.start <= c.start and c.stop < span.end), default=None)
            if stop is None:
                continue
            tail = doc[stop:span.end]
            # (the gazetteer knows many a one-syllable name as some town's: «Ван», «Лин»; the words together are none)
            if not 2 <= len(tail) <= 3 or not on_one_line(doc, stop, span.end) \
                    or not all(token.is_alpha and is_cap(token) and token.pos_ != "ADJ"
                               and self.models.countries.code(token.lemma_) is None for token in tail) \
                    or self.models.gazetteer.lookup(tail.text) is not None \
                    or role_before(doc, tail.start, self.lex, set()) is None:
                continue
            found.append((stop, span.end))
        return found

    def _names_taken_for_places(self) -> list[tuple[int, int]]:
        """A person's name that natasha took into a place, from a given name to the place's end: a bishop's see and
        name ("Митрополит Минский и Заславский Вениамин", "Дорогобужский Исидор"), a state and the name of its
        official after it («Президента Республики Сербской Милорада Додика»)."""
        found = []
        vocab = self.models.vocab
        for span in self.natasha:
            if span.label_ != "LOC" or len(span) < 2 or self.models.gazetteer.lookup(span.text) is not None:
                continue
            for index in range(max(span.start + 1, span.end - 3), span.end):
                # a name of three words at most, none an adjective or a place's («Ата Мекен Жогорку Кенеша
                # Кыргызской Республики» is no one's)
                if not all(token.is_alpha and token.text[:1].isupper() and token.pos_ != "ADJ"
                           and not any("Geox" in p.tag for p in vocab.parse(token.lower_))
                           for token in self.doc[index:span.end]):
                    continue
                parses = vocab.parse(self.doc[index].lower_)
                if "Name" in parses[0].tag and not any("Geox" in p.tag for p in parses) \
                        and (index == span.end - 1 or vocab.word_is_known(self.doc[index].lower_)):
                    found.append((index, span.end))
                    break
        return found

    def places(self) -> None:
        """Places: sites and rule places first, then natasha's, never inside an organisation or an address;
        a place inside a person's position, or inside an unnamed official's post, is marked so."""
        doc, lex = self.doc, self.lex
        chunks = self.states + self.sites + find_places(doc, lex)
        ruled = [(c.start, c.stop) for c in chunks]
        chunks += self._natasha_places()
        self.natasha_orgs = self._natasha_orgs()
        # the words natasha's organisations were lengthened over, where no place of the rules takes them first
        lengthened = [(span.end, stop) for span, stop, _ in self.natasha_orgs
                      if stop > span.end and not _overlaps(span.start, span.end, ruled)]
        # a post's word inside a body's name is the body's («Совета Министров в г. Минске»: the place is the event's)
        posts = [(start, stop) for start, stop in self.post_spans if not _within(start, start + 1, self.taken)]
        for chunk in chunks:
            in_address = after_street(doc, chunk.start, lex) or (chunk.source == "ner" and (
                before_street(doc, chunk.stop, lex) or before_street(doc, chunk.stop - 1, lex)))  # "Эжвинский пр-д"
            # a site's own name may hold what names no entity alone («площади Государственного флага»)
            blocked = [(start, stop) for start, stop in self.blocked_places if not (
                chunk.kind == "site" and chunk.source == "rule" and chunk.start <= start and stop <= chunk.stop)]
            if in_address or _overlaps(chunk.start, chunk.stop, self.taken + blocked + self.place_spans):
                continue
            if _overlaps(chunk.start, chunk.stop, lengthened):
                continue  # the state a body natasha found is of ("… здравоохранения Великобритании")
            within: Nesting | None = "role" if _overlaps(chunk.start, chunk.stop, self.role_spans) \
                else "post" if _inside(chunk.start, chunk.stop, posts) else None
            prefix = 0
            while chunk.start + prefix < chunk.stop and not is_cap(doc[chunk.start + prefix]):
                prefix += 1
            if chunk.kind == "site" and chunk.source == "rule" and chunk.label == "LOC":
                prefix = 0
            elif prefix == 0 and chunk.stop - chunk.start > 1 \
                    and lex.place_prefixes.get((doc[chunk.start].lower_,)) == "city" and is_cap(doc[chunk.start + 1]):
                prefix = 1  # a settlement's word a municipality's quoted name capitalises: «Город Десногорск»
            name_start = chunk.start + prefix if chunk.kind not in ("site",) else chunk.start
            if name_start >= chunk.stop:
                continue
            place = doc[name_start:chunk.stop]
            if chunk.source == "ner" and len(place) == 1 and _of_the_noun_after(place[0], self.models):
                continue  # «Смоленскую делегацию», «минской делегацией»: what the noun is, no place named
            states = _hyphenated_states(place, self.models)
            if states:  # «сотрудничества Россия-Беларусь»: each state, no place of both
                first, _ = char_span(doc, name_start, chunk.stop)
                self.mentions += [Mention(first + offset, first + offset + len(part), EntityType.LOC, part, part,
                                          "ner", kind=PlaceKind.COUNTRY, country=code, within=within)
                                  for offset, part, code in states]
                self.place_spans.append((chunk.start, chunk.stop))
                continue
            head = min(max(chunk.head - name_start, 0), len(place) - 1)
            words = lowers(doc)
            village = any(tuple(words[name_start - size:name_start]) in lex.village_prefixes
                          for size in range(1, min(lex.longest_prefix, name_start) + 1))
            name, kind, signal = _place(place, head, chunk.kind, self.models, village)
            if chunk.kind == "site" and chunk.source == "rule":
                name = _site_word_written_out(doc, chunk.start, chunk.stop, lex) or name
            # a town by its first word's initial: «г. Н. Новгород» is Нижний Новгород, «С.-Петербург»
            rest = _past_an_initial(doc, name_start, chunk.stop)
            initial = _first_words_initial(doc, rest)
            town = self.models.gazetteer.by_initial(doc[initial].text, doc[rest:chunk.stop].text) \
                if initial is not None and chunk.stop - rest == 1 else None
            if town is not None and initial is not None:
                name_start, name, kind = initial, town.name, PlaceKind.CITY
                signal = Signal(town.country, town.smolensk)
            known = self.models.gazetteer.lookup(name) is not None
            # natasha's place that no gazetteer or marker vouches for, or an adjective alone, which may be a region's
            # before a shared word («Брянской, Смоленской и Калужской областей»: not the village of Смоленская)
            if chunk.source == "ner" and kind is PlaceKind.CITY and (not known or len(place) == 1
                                                                      and _adjective_alone(place[0])):
                checked = self._checked(place, name)
                if checked is None and not known:
                    continue
                name, kind, signal = checked or (name, kind, signal)
            titled = name_start > 0 and doc[name_start - 1].lemma_ in lex.region_titles
            if chunk.source == "ner" and kind is PlaceKind.CITY and titled:
                kind = PlaceKind.REGION  # «провинция Ляонин», «префектура Тояма» (a town of that name too)
            if chunk.source == "ner" and kind is not PlaceKind.COUNTRY and name_start > 0 \
                    and lex.place_prefixes.get((doc[name_start - 1].lemma_,)) == "site":
                # a river's or a lake's name after its word, in any case, is a site, of the state the row was held
                # in: «очистка берегов реки Днепр» (not the Ukrainian city Днепр), «по реке Западная Двина»
                kind, signal = PlaceKind.SITE, Signal(None, False)
            if titled and not any(self.models.vocab.word_is_known(token.lower_) for token in place):
                name = place.text  # after its title a foreign name stands in the nominative: «провинции Цзянсу»
            self.mentions.append(_mention(doc, self.text, name_start, chunk.stop, EntityType.LOC, name,
                                          "rule:place" if chunk.source == "rule" else "ner", kind=PlaceKind(kind),
                                          country=signal.country, smolensk=signal.smolensk, within=within,
                                          town=signal.town if kind == PlaceKind.DISTRICT else None))
            self.place_spans.append((chunk.start, chunk.stop))
            if kind is PlaceKind.REGION or kind is PlaceKind.DISTRICT and _plural(doc[chunk.head], self.models):
                self._coordinated_places(chunk, name_start, kind, within)

    def _natasha_places(self) -> list[Chunk]:
        """natasha's places, two coordinated ones as one where the gazetteer knows them whole («Тринидад и
        Тобаго», «Босния и Герцеговина»: one state each)."""
        doc, gazetteer = self.doc, self.models.gazetteer
        # a town natasha took for a person's surname is one of its places («Делегации Шклова и Дубровно»), and so
        # is one it passed over, listed beside one of its places («Делегации Гагарина и Вязьмы») or a word the
        # dictionary knows as a place's name and no person's («в Дне Витебска»)
        tagged = {i for s in self.natasha for i in range(s.start, s.end)}
        spans = [s for s in self.natasha if s.label_ == "LOC"
                 or s.label_ == "PER" and len(s) == 1 and _taken_for_a_surname(doc, s.start, self.models)]
        spans += [doc[i:i + 1] for i, word in enumerate(texts(doc)) if i > 0 and i not in tagged and word.istitle()
                  for token in [doc[i]] if _town_of_russia_or_belarus(token, self.models) is not None  # (few are)
                  and (any(_listed_beside(doc, i, other) and _in_natasha_place(doc, other) for other in (i - 2, i + 2))
                       or _a_places_name_only(token, self.models) and not opens_a_sentence(doc, i))]
        # and a state's letters it passed over («г. Ханой (СРВ)»; it took «(КНР)»)
        spans += [doc[i:i + 1] for i, word in enumerate(texts(doc)) if i not in tagged and len(word) > 1
                  and word.isupper() and self.models.countries.code(word) is not None]
        spans.sort(key=lambda span: span.start)
        chunks: list[Chunk] = []
        index = 0
        while index < len(spans):
            first, stop = spans[index], spans[index].end
            second = spans[index + 1] if index + 1 < len(spans) else None
            if second is not None and second.start == first.end + 1 and doc[first.end].lower_ == "и" \
                    and (gazetteer.lookup(doc[first.start:second.end].text) is not None
                         or gazetteer.lookup(_coordinated_name(doc[first.start:second.end], self.models)) is not None):
                stop = second.end
                index += 1
            chunks.append(Chunk(first.start, stop, "LOC", stop - 1, source="ner"))
            index += 1
        return chunks

    def _coordinated_places(self, chunk: Chunk, name_start: int, kind: PlaceKind, within: Nesting | None) -> None:
        """The regions or districts coordinated before a region's or a district's name, one place each where the
        gazetteer knows them: «Могилевская и Витебская области» names the Могилевская область as well,
        «Руднянского, Велижского и Демидовского муниципальных округов» the Руднянский and the Велижский
        муниципальный округ (a district of the last one's region: `_district_sharing_a_word`)."""
        doc, models = self.doc, self.models
        shared = list(doc[name_start + 1:chunk.stop])  # the word they share, and what follows it in the name

        def named(adjective: Token) -> tuple[str, Place, str | None] | None:
            if kind is PlaceKind.DISTRICT:
                return _district_sharing_a_word(adjective, doc[name_start], shared, models)
            region = models.gazetteer.region(f"{adjective.text} {doc[chunk.head].text}")
            return (region.name, region, None) if region is not None else None

        index = name_start
        kept_out = self.taken + self.blocked_places
        while index >= 2 and doc[index - 1].lower_ in ("и", ",") and is_cap(doc[index - 2]) \
                and _adjective_alone(doc[index - 2]) and not _overlaps(index - 2, index - 1, kept_out):
            place = named(doc[index - 2])
            if place is None:
                break
            if not _overlaps(index - 2, index - 1, self.place_spans):  # natasha may have found it alone
                self.mentions.append(_mention(doc, self.text, index - 2, index - 1, EntityType.LOC, place[0],
                                              "rule:place", kind=kind, country=place[1].country,
                                              smolensk=place[1].smolensk, within=within, town=place[2]))
                self.place_spans.append((index - 2, index - 1))
            index -= 2

    def _checked(self, place: Span, name: str) -> tuple[str, PlaceKind, Signal] | None:
        """natasha's place as the text bears it out, or None: the first of coordinated regions
        ("Могилевская и Витебская области": Могилевская область) or districts, a district's adjective alone, else a
        place only if a word of it is a
        toponym in the dictionary, an abbreviation or a word the dictionary does not know ("Родина", "Телемост",
        "Деловой" are none)."""
        doc, models = self.doc, self.models
        if len(place) == 1 and _adjective_alone(place[0]):
            after = place.end
            while after + 1 < len(doc) and doc[after].lower_ in ("и", ",") and _adjective_alone(doc[after + 1]):
                after += 2
            if after < len(doc) and after > place.end:
                region = models.gazetteer.region(f"{place[0].text} {doc[after].text}")
                if region is not None:
                    return region.name, PlaceKind.REGION, Signal(region.country, region.smolensk)
            if after < len(doc):
                # a district's, before the word it shares with those coordinated after it, or before its own words
                # natasha left out («Демидовского | муниципальных округов»)
                word = next((i for i in range(after, min(after + 2, len(doc)))
                             if doc[i].lemma_ in models.lexicons.region_words), None)
                district = _district_sharing_a_word(place[0], doc[after - 1], list(doc[after:word + 1]), models) \
                    if word is not None else None
                if district is not None:
                    return district[0], PlaceKind.DISTRICT, Signal(district[1].country, district[1].smolensk,
                                                                    district[2])
            return None
        parses = [models.vocab.parse(token.lower_) for token in place]
        toponym = any("Geox" in p.tag for found in parses for p in found)
        unknown = any(not models.vocab.word_is_known(token.lower_) for token in place if token.is_alpha)
        abbreviation = any(token.text.isupper() and len(token.text) > 1 for token in place)  # "ВДНХ"
        if toponym or unknown or abbreviation:
            return name, PlaceKind.CITY, country_signal(list(place), models)
        return None

    def _natasha_orgs(self) -> list[tuple[Span, int, bool]]:
        """natasha's organisations that no rule, person, position, event or document took, and no quotation
        after a word no rule knows (a project, an event); a short name in brackets apart (`_short_name_apart`);
        each with where its name ends (`nlp.extraction.syntax`), lengthened only over words nothing else took, and
        whether it is a state's name, which natasha may tag as an organisation (it stands as it is)."""
        doc, models = self.doc, self.models
        found: list[tuple[Span, int, bool]] = []
        for span in [self._with_its_units_letters(self._before_a_person(part)) for whole in self.natasha
                     for part in _short_name_apart(whole)]:
            if span.label_ != "ORG" or _overlaps(span.start, span.end, self.taken + self.blocked):
                continue
            if _overlaps(span.start, span.end, self.role_spans) and (
                    not ((span.start, span.end) in self.role_spans or _inside(span.start, span.end, self.role_spans))
                    or any(token.lemma_ in self.lex.positions for token in span)):
                continue  # a body inside a position is one ("Начальник УВД Томской области"), the position none
            if span.start > 0 and doc[span.start - 1].text == "«":
                continue
            if acts_on_what_follows(doc, span.start, self.lex):
                continue  # "Организация отдыха детей": an action opening the sentence
            if _common_words_opening_a_sentence(span, models):
                continue  # «Гастроли | Русского драматического театра»
            state = bool(models.countries.code(normal_phrase(models.vocab, list(span), len(span) - 1)))
            stop = span.end
            if not state and span[-1].is_alpha:
                stop = self._over_bodies(span, name_stop(doc, span.start, span.end, models.syntax, self.barriers))
                if stop == span.end:
                    stop = self._over_its_body(span)
            if not state and stop < len(doc) and (is_acronym(span[0]) or len(span) == 1 and is_cap(span[0])):
                stop = self._territory(stop)
            if not state and stop == span.end and stop < len(doc):
                stop = name_after_imeni(doc, stop, self.lex)  # «РГУ | им Косыгина»: natasha's name left him out
            if not state and stop == span.end and is_acronym(span[-1]):
                # «СОШ № 2 г. Смоленска», «ДШИ № 1»: a school is named by its number, as a head marked `num` is
                stop = numbered_end(doc, stop, frozenset(), self.lex) or stop
            if not any(other.start == span.start and other_stop == stop for other, other_stop, _ in found):
                found.append((span, stop, state))  # (a unit natasha named whole too: «ГИБДД УМВД России …»)
        return found

    def _with_its_units_letters(self, span: Span) -> Span:
        """natasha's organisation opening with a body's letters, with the letters of its unit before them, which
        natasha left out («УВМ | УМВД России по Смоленской области»: the tagger read «УВМ» as a common noun); not a
        state's («РФ»), nor a word the lexicon says names no body."""
        doc, start = self.doc, span.start
        if span.label_ != "ORG" or not is_acronym(span[0]):
            return span
        while start > 0 and is_acronym(doc[start - 1]) and not _overlaps(start - 1, start, self.taken + self.blocked) \
                and doc[start - 1].text not in self.lex.not_organisations \
                and self.models.countries.code(doc[start - 1].text) is None:
            start -= 1
        return span if start == span.start else Span(doc, start, span.end, label="ORG")

    def _before_a_person(self, span: Span) -> Span:
        """natasha's organisation up to the first person the rules found inside it: natasha may run a body's name on
        over its head's («ВГУ имени Машерова | И.И. Петров»)."""
        cut = min((start for start, _ in self.person_spans if span.start < start < span.end), default=span.end)
        return span if cut == span.end else Span(self.doc, span.start, cut, label=span.label_)

    def _territory(self, stop: int) -> int:
        """Where a federal body's territorial one ends that a name by its acronym or one word opens: «УМВД России
        | по Смоленской области», «Росреестра | по Смоленской области»; a region, not a state («ООН | по Сирии»:
        what the post deals with)."""
        served = regions_served(self.doc, stop, self.lex)
        if served is None or _overlaps(stop, served, self.taken + self.blocked):
            return stop
        # the first, if «и» joins another
        region = self.doc[stop + 1:natasha_spans(self.doc, "LOC").get(stop + 1, served)]
        if self.models.countries.code(normal_phrase(self.models.vocab, list(region), len(region) - 1)):
            return stop
        return served

    def _over_bodies(self, span: Span, stop: int) -> int:
        """Where natasha's organisation lengthened to `stop` ends: over words nothing else took, or over whole
        organisations the rules found after it, their genitive chain being its own ("Группы высокого уровня |
        Совета Министров Союзного государства": the group's name, the council also a name of its own)."""
        # the position holding the name is no bar to it ("Начальник УВД | Томской области …")
        others = self.taken + self.blocked + [(start, end) for start, end in self.role_spans
                                              if not start <= span.start < span.end <= end]
        if not _overlaps(span.end, stop, others):
            return stop
        bodies = [(c.start, c.stop) for c in self.orgs if c.start < stop and span.end < c.stop]
        rest = [taken for taken in others if taken not in bodies]
        if not bodies or any(start < span.end for start, _ in bodies) or _overlaps(span.end, stop, rest):
            return span.end
        return max(stop, *(end for _, end in bodies))

    def _over_its_body(self, span: Span) -> int:
        """Where natasha's organisation ends that the text goes on with the body it belongs to, in the genitive
        (or after «от», for a body of people sent), where the parse did not join them ("заседание Группы высокого
        уровня | Совета Министров Союзного государства", "в работе Миссии наблюдателей | от Содружества
        Независимых Государств"): two bodies are not named one after the other without a comma or «и», so the
        second is the first's (and a name of its own as well)."""
        doc = self.doc
        at = span.end
        if at < len(doc) and doc[at].lower_ == "от" and any(t.lemma_ in self.lex.from_heads for t in span):
            at += 1
        if at >= len(doc) or case_of(doc[at]) != "Gen":
            return span.end
        named = [(c.start, c.stop) for c in self.orgs] + [
            (s.start, s.end) for s in self.natasha if s.label_ == "ORG"]
        stop = max((end for start, end in named if start == at), default=None)
        if stop is None:
            return span.end
        bodies = [(start, end) for start, end in named if at <= start and end <= stop]
        others = [taken for taken in self.taken + self.blocked + self.role_spans if taken not in bodies]
        return span.end if _overlaps(span.end, stop, others) else stop

    def natasha_organisations(self) -> None:
        """natasha's organisations where no rule found one and no event or document is named."""
        doc, models = self.doc, self.models
        for span, stop, state in self.natasha_orgs:
            if _overlaps(span.start, span.end, self.place_spans):
                continue
            if state:
                name, kind, signal = _place(span, len(span) - 1, None, models)  # "Российской Федерации"
                # (a post's state, as a place natasha finds in one: «Послом ЛНДР И.И. Петровым»)
                within: Nesting | None = "role" if _overlaps(span.start, span.end, self.role_spans) else None
                self.mentions.append(_mention(doc, self.text, span.start, span.end, EntityType.LOC, name, "ner",
                                              kind=PlaceKind(kind), country=signal.country, within=within))
                continue
            tokens = list(doc[span.start:stop])
            if len(tokens) == 1 and "of" in models.lexicons.head_flags(tokens[0].lemma_) \
                    and not (span.start > 0 and doc[span.start - 1].text in OPENING_QUOTES):
                continue  # a body's word alone names none: «начальник отдела Министерства С.С. Сидоров», the
                # ministry the row named before
            # its first noun; not an adjective the tagger reads as a name («Брестским облисполкомом»)
            head = next((i for i, t in enumerate(tokens) if _a_bodys_noun(t, models) or t.pos_ == "PROPN"
                         and not _reads_as_adjective(t, models)), 0)
            signal = country_signal(tokens, models)
            # a body named in one word the dictionary does not know is one body, in the singular where the word may
            # be one («Председатель Белтелерадиокомпании», which the tagger read as a nominative: a plural to the
            # dictionary; not «Росводресурсов», of the plural name «Росводресурсы»)
            one = len(tokens) == 1 and not models.vocab.word_is_known(tokens[0].lower_) \
                and any("sing" in parse.tag for parse in models.vocab.parse(tokens[0].lower_))
            self.mentions.append(_mention(doc, self.text, span.start, stop, EntityType.ORG,
                                          normal_phrase(models.vocab, tokens, head, singular=one), "ner",
                                          country=signal.country, smolensk=signal.smolensk, town=signal.town))
            self.taken.append((span.start, stop))


_LIST_BULLETS = frozenset("•·▪◦‣")


def _short_names_of_syllables(doc: Doc, spans: list[Span], lex: Lexicons) -> list[Span]:
    """natasha's spans, and a body's short name of syllables and capitals that natasha tags nothing, a body: natasha
    tags such a word in some places and not in others («студенты СмолГУ и ВГУ» both, «Участники: студенты СмолГУ»
    none, «СмолГУ, ВитГУ и ГрГУ» the first only). It ends with a capital, as a name of two capitals does not
    («МакКейн»); not a word `not_organisations.tsv` lists («КоАП»), nor one inside a quotation, a title's («альбома
    «ПрикуП»», «фестивале «Голосящий КиВиН — 2017»»; a body's quoted name has its own rules)."""
    shaped = [token.i for token in doc if _SYLLABLES_AND_CAPITALS.match(token.text)
              and token.text not in lex.not_organisations]
    if not shaped:
        return spans  # (most cells have none)
    tagged = {i for span in spans for i in range(span.start, span.end)}
    quotations = [(start, stop) for start in range(len(doc)) if (stop := quote_end(doc, start))]
    found = [Span(doc, i, i + 1, label="ORG") for i in shaped if i not in tagged and not _within(i, i + 1, quotations)]
    return sorted([*spans, *found], key=lambda span: span.start) if found else spans


_SYLLABLES_AND_CAPITALS = re.compile(r"^[А-ЯЁ][а-яё]+(?:[А-ЯЁ]+[а-яё]*)*[А-ЯЁ]$")  # «СмолГУ», «ГомГМУ», «СдПГ»


def _short_names_in_brackets(spans: list[Span], lex: Lexicons) -> list[Span]:
    """natasha's spans, and a body's short name in brackets right after a person that natasha tags nothing, a body
    («Сидорова Е.В. (СГМУ)»: whose person she is); not a state's letters («(РБ)»)."""
    if not spans:
        return spans
    doc = spans[0].doc
    tagged = {i for span in spans for i in range(span.start, span.end)}
    found = list(spans)
    for span in spans:
        index = span.end
        if span.label_ == "PER" and index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text in ")," \
                and index + 1 not in tagged and is_acronym(doc[index + 1]) and len(doc[index + 1]) > 2 \
                and doc[index + 1].text not in lex.not_legal_forms and doc[index + 1].text not in lex.not_organisations:
            found.append(Span(doc, index + 1, index + 2, label="ORG"))
    return sorted(found, key=lambda span: span.start)


def _town_by_its_initial(span: Span, models: Resources) -> Span:
    """natasha's person of an initial and a word that, with the initial for its first word, is a town («В. Луки»:
    Великие Луки), that place."""
    doc = span.doc
    if span.label_ != "PER" or len(span) != 3 or not is_initial(doc, span.start) \
            or models.gazetteer.by_initial(span[0].text, span[2].text) is None:
        return span
    return Span(doc, span.start, span.end, label="LOC")


def _over_its_towns_name(span: Span) -> Span:
    """natasha's organisation ending with «в» goes on over the capitalised name after it, the town it is in
    («Университета в | Нови-Саде»: was «Университет в»); without the «в» where no such name follows. No name ends
    with a preposition."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) < 2 or span[-1].lower_ not in ("в", "во"):
        return span
    stop = span.end
    while stop < len(doc) and is_cap(doc[stop]) and doc[stop].pos_ != "PUNCT" and stop - span.end < 3:
        stop += 1
    return Span(doc, span.start, stop if stop > span.end else span.end - 1, label="ORG")


def _adjectives_of_a_phrase_going_on(span: Span) -> bool:
    """Whether natasha's organisation is adjectives alone, of a phrase that goes on in lowercase after it: no name
    («в Республиканской универсальной | оптово-промышленной ярмарке», a fair's; the rules name a body whose head
    follows)."""
    doc = span.doc
    return span.label_ == "ORG" and all(token.pos_ == "ADJ" for token in span) and span.end < len(doc) \
        and doc[span.end].is_lower and doc[span.end].pos_ in ("ADJ", "NOUN")


def _sole_trader_apart(span: Span, lex: Lexicons) -> list[Span]:
    """natasha's organisation that opens with a sole trader's form and a name after it is the holder's name («ИП
    Петров П.П.»: the person is the party, as `not_organisations.tsv` says of the form alone)."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) < 2 or span[0].text not in lex.sole_trader_forms \
            or not all(is_cap(token) or token.text == "." for token in span[1:]):
        return [span]
    return [Span(doc, span.start + 1, span.end, label="PER")]


def _past_an_initial(doc: Doc, start: int, stop: int) -> int:
    """Where a name's rest starts after an initial that opens the span (natasha's «В. Луки»), else `start`."""
    index = start + 2 if start + 2 < stop and is_initial(doc, start) else start
    return index + 1 if index > start and index + 1 < stop and doc[index].text == "-" else index


def _first_words_initial(doc: Doc, start: int) -> int | None:
    """Where the initial of a name's first word stands right before the rest of the name at `start`, a full stop
    after it and a hyphen as may be («Н. | Новгород», «С.-| Петербург»); None where none does."""
    index = start - 1
    if index >= 0 and doc[index].text == "-":
        index -= 1
    return index - 1 if is_initial(doc, index - 1) else None


def _with_hyphenated_initials(span: Span) -> Span:
    """natasha's person with the whole of a double given name's initials, joined by a hyphen, before or after the
    surname («К.-Ж.К. Токаев», «Токаев К.-Ж.К.»: natasha takes «Ж.К. Токаевым», «Токаев К.»)."""
    if span.label_ != "PER":
        return span
    doc, start, end = span.doc, span.start, span.end
    if is_initial(doc, start) and start >= 3 and doc[start - 1].text == "-" and is_initial(doc, start - 3):
        start -= 3  # «К.-|Ж.К. Токаевым»
    if end + 1 < len(doc) and doc[end - 1].text == "." and doc[end].text == "-" and is_initial(doc, end + 1):
        end += 3  # «Токаев К.-|Ж.К.»
        end += 2 if is_initial(doc, end) else 0
    elif end < len(doc) and doc[end - 1].text == "." and is_initial(doc, end) and doc[end - 2].text == "-":
        end += 2
    return Span(doc, start, end, label="PER") if (start, end) != (span.start, span.end) else span


def _without_a_verb_after_its_initials(span: Span) -> Span:
    """natasha's person of initials and a verb its sentence opens with after them, the initials alone («ИП Петров
    П.П. | Проведено 40 встреч»: the surname stands before them)."""
    doc = span.doc
    cut = next((i for i in range(span.start + 2, span.end) if doc[i].pos_ in ("VERB", "AUX")
                and is_initial(doc, i - 2)), None)
    return Span(doc, span.start, cut, label=span.label_) if span.label_ == "PER" and cut is not None else span


def _apart_at_stray_marks(span: Span) -> list[Span]:
    """natasha's name as the names on either side of a bracket it holds without its partner or of a list's bullet,
    and without a sentence's full stop or a dash at its end: no name holds one («ПАСЕ (», «Бенин)», «Хитли (Гецлаф» in
    a game's account, «Бахрейн • Барбадос • Бермуды», «… в Колумбийском университете. Б.Обама …», «Мишель —»), nor a
    quotation mark without its partner at its edge («СИЗО «»); a place's brackets hold a place of their own
    («Витебской области (РБ)»); a quotation it opens closes in it."""
    doc = span.doc
    cuts: list[int] = []
    opened: list[int] = []
    all_words = texts(doc)
    for index in range(span.start, span.end):
        if all_words[index] == "(":
            opened.append(index)
        elif all_words[index] == ")":
            if opened and span.label_ == "LOC" and index == span.end - 1:
                # a place and its state in brackets at its end: «Витебской области (РБ)» (not another name of it
                # inside: «Кировоградской (Кропивницкой) области»)
                cuts += [opened.pop(), index]
            elif opened:
                opened.pop()
            else:
                cuts.append(index)
        elif all_words[index] in _LIST_BULLETS:
            cuts.append(index)
    if len(span) > 1 and span[-1].text == "." and len(span[-2].text) > 3 and span[-2].is_alpha:
        cuts.append(span.end - 1)  # the sentence's full stop after a word, no abbreviation's («университете.»)
    if len(span) > 1 and span[-1].text.strip("\u00ad") in ("—", "–"):
        cuts.append(span.end - 1)  # a dash after it («дочери Барака и Мишель — Саше»)
    if span.end < len(doc) and doc[span.end].text == "»" and _open_quotes(span) > 0:
        span = Span(doc, span.start, span.end + 1, label=span.label_)  # its quotation's closing mark is its own
        # («Торговый дом «Смоленск»»: natasha's ends before it)
    words = [token.text for token in span]
    if words[-1] == "«" or words[-1] == "»" and "«" not in words:
        cuts.append(span.end - 1)  # a quotation mark without its partner at its end («СИЗО «», «Тель ха-Шомер»»)
    if words[0] == "«" and "»" not in words:
        cuts.append(span.start)  # or at its start («(«Альянс надежды»)»)
    cuts = sorted(cuts + opened)
    if not cuts:
        return [span]
    return _parts_between(span, cuts)


def _open_quotes(span: Span) -> int:
    """How many quotations a span opens and does not close."""
    texts = [token.text for token in span]
    return texts.count("«") - texts.count("»")


def _parts_between(span: Span, cuts: list[int]) -> list[Span]:
    """The parts of a span between the tokens at `cuts`, those with a letter, with the span's label."""
    bounds = [span.start - 1, *cuts, span.end]
    return [Span(span.doc, left + 1, right, label=span.label_) for left, right in zip(bounds, bounds[1:], strict=False)
            if any(character.isalpha() for character in span.doc[left + 1:right].text)]


def _names_apart_at_brackets(span: Span) -> list[Span]:
    """natasha's person or place as the names on either side of the brackets it crosses, as news annotate them:
    a name in another script after it («Джоэл Саймон (Joel Simon)»), the names of a game's account («Хитли
    (Гецлаф)»). A report's person keeps the name in brackets as the same person's («Мухаммадом Али (Mohamed
    Ali)»), and an organisation's short name in brackets is its alias (`_short_name_apart`)."""
    brackets = [index for index in range(span.start, span.end) if span.doc[index].text in "()"]
    if span.label_ == "ORG" or not brackets or brackets[-1] != span.end - 1:
        return [span]  # a nickname inside a name is the name's («James (Buddy) McGirt»)
    return _parts_between(span, brackets)


def _short_name_apart(span: Span) -> list[Span]:
    """natasha's organisation with the short name it defines in brackets at its end, as two names: the short
    one is its alias (`_abbreviations`): "… педагогический университет (МГОПУ)"."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) < 4 or span[-1].text != ")":
        return [span]
    opening = next((i for i in range(span.end - 2, span.start, -1) if doc[i].text == "("), None)
    if opening is None or opening == span.start or ")" in doc[opening + 1:span.end - 1].text:
        return [span]
    stop = opening
    if doc[stop - 1].text in ('"', "»", "”") and stop - 1 > span.start \
            and not any(token.text in OPENING_QUOTES for token in doc[span.start:stop - 1]):
        stop -= 1  # the quotation closing a name natasha took from inside it: «"Движения за …" (MDC)»
    return [Span(doc, span.start, stop, label="ORG"), Span(doc, opening + 1, span.end - 1, label="ORG")]


_LIST_MARKS = frozenset({"-", "–", "—", "•"})


def _listed_under_a_state(doc: Doc, mentions: list[Mention], models: Resources) -> list[Mention]:
    """The bodies and persons listed after a colon that a state's adjective and a noun, or a place or a body, open
    are of that state (and of the Smolensk side after Smolensk's) where their own words name none: «переговоры с
    представителями белорусских предприятий: ОАО «…», ООО «Коблик Групп» (…)», «делегации Республики Беларусь:
    представители …», «Участники от Смоленской области: хореографическая студия «…»»; a side's words and a dash open
    one too («с белорусской стороны – директор ОАО «…» …; с российской стороны – …»), and so does a group's named
    part («8 смоленских компаний, в том числе …»); the list goes on over its items' lines («:⏎- ООО «…»;⏎- …»)."""
    words = lowers(doc)
    for colon in [i for i in range(2, len(doc)) if words[i] in _MAY_OPEN_A_LIST
                  and (_opens_a_list(doc, i) or _opens_a_named_part(doc, i))]:
        state = _state_before(doc, colon, mentions, models)
        if state is None:
            continue
        mentions = _given_state(mentions, *char_span(doc, colon, _list_end(doc, colon)), state)
    return mentions


# what stands between two bodies of one list: a comma, «и» or «, а также», after the brackets of the first
_LIST_JOIN = re.compile(r"(?:\s*\([^()«»]{1,80}\))?\s*(?:,\s*а\s+также|,|и)\s*")


def _listed_after_a_states_word(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """The bodies listed right after a state's adjective and a noun, one after another with a comma or «и» between
    them, are of that state where their own words name none: «с руководителями белорусских предприятий ОАО «…», «…»
    и ООО «…»»; so after a town's or a region's adjective, and of its side («смоленских предприятий ОАО «Кристалл» и
    АО «Шарм»»: Smolensk's) (the list after a colon: `_listed_under_a_state`)."""
    bodies = [m for m in mentions if m.type is EntityType.ORG and m.within is None]
    for place, first in enumerate(bodies):
        span = token_span(doc, first.start, first.stop)
        state = _states_adjective_before(doc, span.start, models) if span is not None else None
        if state is None:
            continue
        last = first
        for body in bodies[place + 1:]:
            if body.start < last.stop or not _LIST_JOIN.fullmatch(text, last.stop, body.start):
                break
            last = body
        mentions = _given_state(mentions, first.start, last.start + 1, state)
    return mentions


def _title_start(doc: Doc, chunk: Chunk) -> int | None:
    """Where an event's or a document's quoted title opens in its phrase, if it has one."""
    return next((i for i in range(chunk.start, chunk.stop) if doc[i].text in OPENING_QUOTES), None)


def _hyphenated_states(place: Span, models: Resources) -> list[tuple[int, str, str]]:
    """The states a word of two joined by a hyphen names, each with where it starts in the word and its code
    («Россия-Беларусь»); none where a part names no state in the nominative."""
    if len(place) != 1 or "-" not in place.text:
        return []
    found, offset = [], 0
    for part in place.text.split("-"):
        code = models.countries.code(part)
        if code is None:
            return []
        found.append((offset, part, code))
        offset += len(part) + 1
    return found


def _other_name_after_a_dash(doc: Doc, chunk: Chunk, orgs: list[Chunk]) -> bool:
    """Whether a body's name opens right after a dash inside another body's name, in the case of the word before the
    dash: the same body's other name in apposition («Народного собрания – Парламента Республики Абхазия»)."""
    dash = chunk.start - 1
    return dash > 0 and doc[dash].text in ("–", "—") and case_of(doc[chunk.start]) == case_of(doc[dash - 1]) \
        and any(c.start < dash and chunk.stop <= c.stop for c in orgs)


def _described_after_a_dash(doc: Doc, orgs: list[Chunk]) -> list[tuple[int, int]]:
    """The spans of what a body named before a dash is, in lowercase after it: the same body described, with the
    bodies its words name («ОАО «МАЗ» – управляющая компания холдинга «БЕЛАВТОМАЗ»»; not «ОАО «Ольса» – ООО
    «Триада»», two bodies)."""
    found = []
    for body in orgs:
        dash = body.stop
        if dash + 1 < len(doc) and doc[dash].text in ("–", "—", "-") and doc[dash + 1].is_lower:
            stops = [c.stop for c in orgs if dash < c.start <= dash + 3 and doc[c.start].is_lower]
            if stops:
                found.append((dash + 1, max(stops)))
    return found


def _womans_verb(token: Token) -> bool:
    """A verb in the past tense of one woman («открыла», «провела»)."""
    return token.pos_ == "VERB" and feature(token, "Gender") == ("Fem",) and feature(token, "Number") != ("Plur",)


def _after_a_womans_verb(doc: Doc, start: int) -> bool:
    """Whether the person named from token `start` is the subject of a woman's verb right before it («Мероприятие
    провела И.В. Сидорова», «приняла участие И.В. Сидорова»): nothing before the verb in its sentence may be its
    subject, a noun or pronoun in the nominative singular not of the neuter. «Делегация посетила И.В. Петрова»,
    «Е.А. Смирнова поздравила И.В. Петрова»: the name is a man's, in the accusative."""
    verb = start - 1
    if verb > 0 and doc[verb].lemma_ == "участие":
        verb -= 1
    if verb < 0 or not _womans_verb(doc[verb]):
        return False
    index = verb
    while index > 0 and not opens_a_sentence(doc, index):
        index -= 1
        token = doc[index]
        if token.pos_ in ("NOUN", "PROPN", "PRON") and case_of(token) == "Nom" \
                and feature(token, "Number") != ("Plur",) and feature(token, "Gender") != ("Neut",):
            return False
    return True


def _adjective_alone(token: Token) -> bool:
    """Whether natasha's place of one word is an adjective, which may be a region's before a shared word: in the
    nominative, or a place's adjective in any case the tagger takes for a name («Витебскую | и Могилевскую
    области»)."""
    return is_adjective(token) or token.pos_ == "PROPN" and PLACE_ADJECTIVE.search(token.lower_) is not None


def _opens_an_item(doc: Doc, index: int) -> bool:
    """Whether token `index` opens a cell, a line, a sentence or what a colon opens: where a participant is named in
    the nominative («Участники: и.о. министра … Е.А. Смирнова»)."""
    return index == 0 or doc[index - 1].text == ":" or starts_a_line(doc, index) or opens_a_sentence(doc, index)


def _listed_names(doc: Doc, start: int, stop: int, people: list[tuple[int, int]],
                  posts: list[tuple[int, int]]) -> bool:
    """Whether the person named over tokens [start, stop) is one of a list of names, each after a comma: one a colon
    opens («Участники: И.В. Сидорова, А.А. Петрова»; not «при участии И.В. Петрова, …»), or a line of names alone that
    a list's mark or the end of a sentence opens («М.П. Иванова» as the whole cell, «– М.П. Иванова, С.В. Петрова;»):
    an enumeration, in the nominative (a man's name in the genitive stands in no such line). A name before it may
    have its post before it (`posts`, the persons' posts found so far: «Члены жюри: режиссер И.И. Сидорова, Т.А.
    Козлова»)."""
    # (each name with the brackets after it as may be: «Члены жюри: Н.И. Иванова (г. Москва), Т.В. Козлова (г. Минск)»)
    ends = {last: first for first, last in people}
    post_starts = {last: first for first, last in posts}
    index = start - 1
    while index >= 0 and doc[index].text == ",":
        before = bracket_start(doc, index - 1) if index > 0 and doc[index - 1].text == ")" else index
        if before not in ends:
            break
        index = post_starts.get(ends[before], ends[before]) - 1
    if index >= 0 and doc[index].text == ":":
        return True
    marked = index >= 0 and doc[index].text in _LIST_MARKS
    index -= marked
    # a line that goes on with a sentence the line before left open is no list («с участием Губернатора …⏎В.Н.
    # Анохина»); one after a line of one name alone is («М.П. Иванова⏎С.В. Петрова»)
    named_line = index + 1 in ends and (ends[index + 1] == 0 or starts_a_line(doc, ends[index + 1]))
    closed = index >= 0 and doc[index].text in (".", ";", ":")
    if index >= 0 and not (starts_a_line(doc, index + 1) and (marked or named_line or closed)):
        return False
    starts = dict(people)
    index = _past_brackets(doc, stop)
    while index + 1 < len(doc) and doc[index].text == "," and index + 1 in starts:
        index = _past_brackets(doc, starts[index + 1])
    if index < len(doc) and doc[index].text in (".", ";"):
        index += 1
    return index == len(doc) or starts_a_line(doc, index)


def _past_brackets(doc: Doc, index: int) -> int:
    """Where the brackets opening at token `index` end, past their «)», if they open there."""
    closing = bracket_end(doc, index) if index < len(doc) and doc[index].text == "(" else None
    return index if closing is None else closing + 1


def _given_state(mentions: list[Mention], first: int, last: int, state: tuple[str, bool]) -> list[Mention]:
    """The bodies and persons starting between characters `first` and `last` whose own words name no state, given
    `state` (its code, and whether the Smolensk side); not an interstate body, which is no state's («директор по
    развитию бизнеса в странах СНГ»)."""
    code, smolensk = state
    return [replace(m, country=code, smolensk=smolensk) if (m.type is EntityType.PER or m.type is EntityType.ORG
                                                           and organisation_kind_of(m.normal) != "org-international")
            and m.country is None and first <= m.start < last else m for m in mentions]


def _placed_in_brackets(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """An organisation or a person whose own words name no state is of the state (and side) of the place in brackets
    right after it: «ансамбль «Каприз» (г. Ярцево, Смоленская область)», «ОАО «Ольса» (г. Минск)», «солист И.И.
    Иванов (Республика Беларусь)»; a person, of the body there («Петрова А.А. (ОАО «Гродно Азот»)»). An adjective
    of the language a body works in names no state of it there («… русского драматического театра им. Н.О. Мамедова
    (Азербайджанская Республика)»). A site there lies
    in that place, and in the town the brackets name if they name one: «Болдинский мужской монастырь (Дорогобужский
    район, с. Болдино)». A settlement the gazetteer does not know lies where the places beside it in its brackets
    do, when they are of one state: «с. Болдино» in the Дорогобужский district, of Russia and of Smolensk's side, or
    the district, region or state in the brackets right after it: «д. Хмелита (Вяземский район)»; and so does an
    organisation whose own words name no state after the places of one state in its brackets: «(г. Гомель,
    выставочный центр «…»)»."""
    places = [m for m in mentions if m.type is EntityType.LOC and m.country]
    found: list[Mention] = []
    for mention in mentions:
        site = mention.type is EntityType.LOC and mention.kind is PlaceKind.SITE
        if mention.type in (EntityType.ORG, EntityType.PER) or site:
            opening = _BRACKET_AFTER.match(text, mention.stop)
            closing = text.find(")", mention.stop)
            inside = [p for p in places if opening and opening.end() <= p.start < closing]
            if not inside and mention.type is EntityType.ORG and in_brackets(text, mention.start) \
                    and (where := _PLACE_AFTER_A_COMMA.match(text, mention.stop)) is not None:
                # the body of the post a bracket holds before where its holder is from: «Петрова А.А. (доцент
                # кафедры истории ВГУ, г. Витебск)»
                inside = [p for p in places if p.start == where.end() and p.stop <= closing]
            if inside and (mention.country is None or site or mention.type is EntityType.ORG
                           and inside[0].country != mention.country and _of_a_culture_only(doc, mention, models)):
                town = next((p.normal for p in inside if p.kind is PlaceKind.CITY), None) if site else mention.town
                mention = replace(mention, country=inside[0].country, smolensk=inside[0].smolensk, town=town)
            elif not inside and mention.type is EntityType.ORG and mention.country is None \
                    and (before := _places_before_in_its_brackets(text, mention, places)):
                # a venue after its town in brackets, or in brackets after its town, as an address names them: «(г.
                # Гомель, выставочный центр «…»)», «г. Минск (Национальный выставочный центр «БелЭкспо»)»
                mention = replace(mention, country=before[0].country, smolensk=all(p.smolensk for p in before))
            elif opening and mention.type is EntityType.PER and mention.country is None \
                    and (body := next((b for b in mentions if b.type is EntityType.ORG and b.country
                                       and b.start == opening.end() and b.stop <= closing), None)) is not None:
                # a person and the body they are from in brackets: «Иванов И.И. (Министерство … Смоленской области)»
                mention = replace(mention, country=body.country, smolensk=body.smolensk)
            if inside and not site:  # the brackets close a list, whatever the last item's own words name
                found = _listed_before(doc, text, found, mention, inside)
        elif mention.type is EntityType.LOC and mention.kind is PlaceKind.CITY and mention.country is None:
            bracket, closing = text.rfind("(", 0, mention.start), text.find(")", mention.stop)
            beside = [p for p in places if bracket < p.start and p.stop <= closing] \
                if 0 <= bracket and ")" not in text[bracket:mention.start] else []
            if not beside and (opening := _BRACKET_AFTER.match(text, mention.stop)) is not None:
                # or in the brackets right after it, where they name what it lies in: «д. Хмелита (Вяземский район)»
                beside = [p for p in places if opening.end() <= p.start and p.stop <= closing
                          and p.kind in (PlaceKind.DISTRICT, PlaceKind.REGION, PlaceKind.COUNTRY)]
            if beside and len({p.country for p in beside}) == 1:
                mention = replace(mention, country=beside[0].country, smolensk=all(p.smolensk for p in beside))
        found.append(mention)
    return found


def _from_the_place_beside(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person whose own words name no state is of the state (and side) of the place «из» names right before the
    name, after the post as may be, or right after it: «гроссмейстер из г. Минска А.В. Ковалев», «профессор из
    Витебска И.И. Петров», «А.В. Ковалев из г. Минска» are Belarus's. So is a body, of the place right after it
    («народный ансамбль «Кудринка» из Оршанского района»), unless it is an interstate one."""
    places = {(m.start, m.stop): m for m in mentions if m.type is EntityType.LOC and m.country}
    ending = {stop: place for (_, stop), place in places.items()}
    starting = {start: place for (start, _), place in places.items()}
    found = []
    for mention in mentions:
        person = mention.type is EntityType.PER
        if mention.country is None and (person or mention.type is EntityType.ORG and mention.within is None
                                        and organisation_kind_of(mention.normal) != "org-international"):
            after = _FROM_A_PLACE.match(text, mention.stop)
            before = _ONLY_SPACES.search(text, 0, mention.start)
            place = starting.get(after.end()) if after else None
            if place is None and person and before is not None and (place := ending.get(before.start())) is not None \
                    and not _FROM_A_PLACE_BEFORE.search(text, 0, place.start):
                place = None
            if place is not None:
                mention = replace(mention, country=place.country, smolensk=place.smolensk)
        found.append(mention)
    return found


# «из» before a place, after a name (with the town's word, short, as may be: «из г. Минска»), or before the place
_FROM_A_PLACE = re.compile(r"[ \t]+из[ \t]+(?:[а-яё]{1,3}\.[ \t]*)?")
_FROM_A_PLACE_BEFORE = re.compile(r"(?:^|\s)из[ \t]+(?:[а-яё]{1,3}\.[ \t]*)?$")
_ONLY_SPACES = re.compile(r"[ \t]*$")


def _common_words_opening_a_sentence(span: Span, models: Resources) -> bool:
    """Whether natasha's organisation is a common noun a sentence's start capitalised, no body's word, and words of
    small letters after it: a name of no body («Гастроли | Русского драматического театра», «Гастроли театра»); not
    an agency's one word («Росавтодору придётся …»), nor a site's address («Страна.ua»)."""
    doc, first = span.doc, span[0]
    if not opens_a_sentence(doc, span.start) or not first.text[:1].isupper() or first.text.isupper() \
            or not all(token.is_lower for token in span[1:]) or _RUSSIAN_AGENCY.match(first.text):
        return False
    if first.pos_ not in ("NOUN", "PROPN") or head_lemma(first, models.lexicons) in models.lexicons.heads:
        return False  # «Главное управление МВД России …», «Правительство сообщило»: what the rules read
    word = first.lower_
    parses = models.vocab.parse(word) if word.isalpha() and models.vocab.word_is_known(word) else []
    return any(p.tag.POS == "NOUN" for p in parses) and not any(NOT_COMMON & p.tag.grammemes for p in parses)


def _an_agencys_word(token: Token, models: Resources) -> bool:
    """Whether a word is a Russian body's one-word name of «Рос(сия)» and what it does, in the genitive
    («Россотрудничества», «Росатома», «Ростелекома»), no adjective, state or town («Российской», «России»,
    «Ростова»)."""
    return _RUSSIAN_AGENCY.match(token.text) is not None and case_of(token) == "Gen" \
        and token.pos_ in ("NOUN", "PROPN") and not _reads_as_adjective(token, models) \
        and models.countries.code(token.lemma_) is None and models.gazetteer.lookup(token.lemma_.title()) is None


def _hosted_by(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """An organisation whose own words name no state (or a language's or a culture's only) is of the state and side
    of the body it is based at, named right after «на базе»: «Центра русского языка на базе Самаркандского
    государственного университета» is Uzbekistan's."""
    hosts = {m.start: m for m in mentions if m.type is EntityType.ORG and m.country}
    found = []
    for mention in mentions:
        based = _BASED_AT.match(text, mention.stop) if mention.type is EntityType.ORG else None
        host = hosts.get(based.end()) if based is not None else None
        if host is not None and host.country != mention.country \
                and (mention.country is None or _of_a_culture_only(doc, mention, models)):
            mention = replace(mention, country=host.country, smolensk=host.smolensk)
        found.append(mention)
    return found


def _in_its_town(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """An organisation about a culture, whose own words name no other state, is of the town it is in, named right
    after it: «Центр белорусской культуры в г. Смоленске» is Russia's, on Smolensk's side (not a body that goes
    there: «… в г. Смоленск»; nor one named for a language only, which may be on tour: «Русский драматический театр в
    г. Ташкенте»)."""
    towns = {m.start: m for m in mentions if m.type is EntityType.LOC and m.kind is PlaceKind.CITY and m.country}
    found = []
    for mention in mentions:
        where = _IN_TOWN.match(text, mention.stop) if mention.type is EntityType.ORG else None
        town = towns.get(where.end()) if where is not None else None
        if town is not None and town.country != mention.country and _in_the_locative(doc, town) \
                and _of_a_culture_only(doc, mention, models, languages=False):
            mention = replace(mention, country=town.country, smolensk=town.smolensk)
        found.append(mention)
    return found


def _in_the_locative(doc: Doc, mention: Mention) -> bool:
    """Whether a mention's last word stands in the prepositional (locative) case: where, not where to."""
    span = token_span(doc, mention.start, mention.stop)
    return span is not None and case_of(span[-1]) in ("Loc", "Dat")


_BASED_AT = re.compile(r"\s+на\s+базе\s+")
_IN_TOWN = re.compile(r"\s+в\s+(?:(?:г\.|городе)\s*)?")


def _places_before_in_its_brackets(text: str, mention: Mention, places: list[Mention]) -> list[Mention]:
    """The places named before a mention inside the brackets that hold it, or the place right before the brackets
    it opens («г. Минск (Национальный выставочный центр «БелЭкспо»)»), where they are of one state; [] else."""
    if not in_brackets(text, mention.start) or ")" not in text[mention.stop:]:
        return []
    bracket = text.rfind("(", 0, mention.start)
    before = [p for p in places if bracket < p.start and p.stop <= mention.start]
    if not before and not text[bracket + 1:mention.start].strip():
        before = [p for p in places if p.stop <= bracket and not text[p.stop:bracket].strip()]
    return before if len({p.country for p in before}) == 1 else []


def _of_a_culture_only(doc: Doc, body: Mention, models: Resources, languages: bool = True) -> bool:
    """Whether the only state a body's name points at is the one of a state's adjective before the culture the body
    is about («Центр белорусской культуры», «Центр китайского языка и культуры»: wherever it is), or (`languages`)
    of a language's adjective in it («Русский драматический театр»: a theatre in Russian, wherever it is)."""
    span = token_span(doc, body.start, body.stop)
    if span is None:
        return False
    lex = models.lexicons
    words = [token for index, token in enumerate(span) if not (languages and token.lemma_ in lex.language_adjectives)
             and not _a_cultures_adjective(span, index, lex)]
    return len(words) < len(span) and country_signal(words, models).country is None


def _listed_before(doc: Doc, text: str, found: list[Mention], placed: Mention,
                   inside: list[Mention]) -> list[Mention]:
    """The bodies or persons listed right before one placed by its brackets, with a comma or «и» between them and
    no brackets of their own, whose own words name no state, given the state of the first place its brackets name:
    brackets that name a state close the list («ОАО «Моготекс», ОАО «Могилевлифтмаш» (г. Могилев, Республика
    Беларусь)»), and so do a town's after quotations listed under one word («ОАО «Гомсельмаш», «Белшина» и
    «Амкодор» (г. Минск)»); a town's after a body of its own words is that body's only («ХК «Динамо-Минск» и ХК
    «Славутич» (г. Смоленск)»). Bodies whose head nouns stand in different cases are no list («с руководством
    корпорации «…», компанией «…» (Индия)»: the brackets are the company's only)."""
    place = inside[0]
    a_state = any(p.kind is PlaceKind.COUNTRY for p in inside)
    found = list(found)
    last = placed
    for index in range(len(found) - 1, -1, -1):
        item = found[index]
        if item.within is not None or item.start >= last.start:
            continue  # a name inside another's
        cases = {_head_case(doc, item), _head_case(doc, last)}
        if item.type is not placed.type or not _BARE_LIST_JOIN.fullmatch(text, item.stop, last.start) \
                or not (a_state or last.text.startswith("«")) or None not in cases and len(cases) > 1:
            break
        if item.country is None:
            found[index] = replace(item, country=place.country, smolensk=place.smolensk)
        last = item
    return found


def _head_case(doc: Doc, mention: Mention) -> str | None:
    """The case of the lowercase noun a mention opens with («компанией «…»»), if it does."""
    span = token_span(doc, mention.start, mention.stop)
    first = span[0] if span is not None else None
    return case_of(first) if first is not None and first.is_lower and first.pos_ == "NOUN" else None


_TOWN_AFTER = re.compile(r"\s*(?:г\.|гор\.|города)\s*")


def _of_the_town_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body named with its town right after it is of that town's state and side: «МБОУ «Средняя школа № 33» г.
    Смоленска» (the legal form said Russia, the town says Smolensk), «ГУО «Средняя школа № 5» г. Орши»; not one of
    another state («Посольство Республики Беларусь г. Москвы»). So is a site, which lies in it («площади Победы г.
    Витебска»)."""
    towns = {m.start: m for m in mentions if m.type is EntityType.LOC and m.kind is PlaceKind.CITY and m.country}
    found = []
    for mention in mentions:
        after = _TOWN_AFTER.match(text, mention.stop) if mention.type is EntityType.ORG \
            or mention.kind is PlaceKind.SITE else None
        town = towns.get(after.end()) if after else None
        if town is not None and mention.country in (None, town.country):
            mention = replace(mention, country=town.country, smolensk=town.smolensk, town=mention.town or town.normal)
        found.append(mention)
    return found


_SPACES = re.compile(r"\s+")
_GENITIVE_ENDING = re.compile(r"(?:[^аеиоуыэюя]а|[ия]|ы)$")  # a noun's genitive singular: «Финуниверситета», «Росатома»


def _of_the_parent_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """A unit named by what it is, with the body it belongs to right after it, is of that body's state and side:
    «вокальная группа «Сударушка» МБУК «Демидовская ЦКС»» (Smolensk's, wherever it performs); not a legal entity
    named right before another («ООО «Альфа» ООО «Бета»», a list that lost its comma)."""
    bodies = {m.start: m for m in mentions if m.type is EntityType.ORG and m.country}
    found = []
    for mention in mentions:
        space = _SPACES.match(text, mention.stop) if mention.type is EntityType.ORG \
            and mention.country is None and not mention.text.split()[0].isupper() else None
        parent = bodies.get(space.end()) if space else None
        if parent is not None:
            mention = replace(mention, country=parent.country, smolensk=parent.smolensk)
        found.append(mention)
    return found


_BARE_LIST_JOIN = re.compile(r"\s*(?:,\s*а\s+также|,|и)\s*")  # between two items of a list, neither bracketed
# after a Latin abbreviation's full stop too («Shandong … Co., Ltd. (КНР)»)
_BRACKET_AFTER = re.compile(r"(?:(?<=[A-Za-z])\.)?\s*\(")
_PLACE_AFTER_A_COMMA = re.compile(r"\s*,\s*(?:(?:г|гор)\.\s*)?")


def in_brackets(text: str, index: int) -> bool:
    """Whether a round bracket opened before `index` is not yet closed there."""
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)
_BEFORE_ITS_STATE = re.compile(r"\s*[,(]?\s*")
_UNPLACED_KINDS = (PlaceKind.REGION, PlaceKind.DISTRICT, PlaceKind.CITY)


def _of_the_state_named_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """A region, district or town of no state the gazetteer knows is of the state named right after it: «провинции
    Шаньдун Китайской Народной Республики», «провинции Хэйлунцзян (КНР)» (the gazetteer's regions are Russia's and
    Belarus's); a district or town, of the region's named right after it, and of its side («д. Кубличи, Витебская
    область», «д. Кубличи Витебской области»)."""
    found = []
    for index, mention in enumerate(mentions):
        if mention.type is EntityType.LOC and mention.kind in _UNPLACED_KINDS and mention.country is None:
            after = next((m for m in mentions[index + 1:] if m.start >= mention.stop), None)
            named = (PlaceKind.COUNTRY,) if mention.kind is PlaceKind.REGION else (PlaceKind.COUNTRY, PlaceKind.REGION)
            if after is not None and after.type is EntityType.LOC and after.kind in named \
                    and after.country and _BEFORE_ITS_STATE.fullmatch(text, mention.stop, after.start):
                mention = replace(mention, country=after.country, smolensk=after.kind is PlaceKind.REGION
                                  and after.smolensk)
        found.append(mention)
    return found


_SPACE_AFTER = re.compile(r" +")


# between a district and the settlement after it in an address: a comma, or an opening bracket («в Краснинском районе
# (д. Гусино)»), and the settlement's word written short
_ADDRESS_JOIN = re.compile(r"\.?\s*[,(]\s*(?:[а-яё]{1,4}\.\s*){0,2}")


def _settled_in_districts(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A settlement named with its district right after it («дер. Микулино Руднянского района»), or after it in an
    address («Витебская обл., Ушачский р-н, д. Кубличи») lies in that district: it is of the district's state and side,
    unless the gazetteer's settlement of that name lies there too (Микулино of the Tver region is another village: its
    point, its side and its identity are not this one's). One no gazetteer knows after its region in an address is of
    the region's state and side («Витебская обл., д. Кубличи»; the region after it: `_of_the_state_named_after`)."""
    districts = {m.start: m for m in mentions if m.type is EntityType.LOC and m.kind is PlaceKind.DISTRICT}
    heads = [m for m in mentions if m.type is EntityType.LOC and m.kind in (PlaceKind.DISTRICT, PlaceKind.REGION)
             and m.country]  # what an address names before a settlement
    found = []
    for mention in mentions:
        if mention.type is not EntityType.LOC or mention.kind is not PlaceKind.CITY or mention.within is not None:
            found.append(mention)
            continue
        space = _SPACE_AFTER.match(text, mention.stop)
        district = districts.get(space.end()) if space else _district_in_its_address(text, mention, districts,
                                                                                      gazetteer)
        head = None if district else next((h for h in heads if h.stop <= mention.start
                                           and _ADDRESS_JOIN.fullmatch(text, h.stop, mention.start)), None)
        known = gazetteer.lookup(mention.normal) if head is not None else None
        if head is not None and head.kind is PlaceKind.DISTRICT and _may_lie_in(mention, head, gazetteer):
            district = head  # not a town that lies elsewhere: a list («Ушачский район, г. Витебск»)
        if district is not None:
            mention = replace(mention, district=district.normal) if gazetteer.lookup(mention.normal, district.normal) \
                else replace(mention, district=district.normal, country=district.country, smolensk=district.smolensk)
        elif head is not None and head.kind is PlaceKind.REGION and known is None and mention.country is None:
            mention = replace(mention, country=head.country, smolensk=head.smolensk)
        found.append(mention)
    return found


def _district_in_its_address(text: str, settlement: Mention, districts: dict[int, Mention],
                             gazetteer: Gazetteer) -> Mention | None:
    """The district named after a settlement and a comma, as an address names them («городской поселок Ушачи,
    Ушачский район, Витебская область»), where the settlement may lie there (`_may_lie_in`)."""
    comma = _COMMA_AFTER.match(text, settlement.stop)
    district = districts.get(comma.end()) if comma else None
    return district if district is not None and _may_lie_in(settlement, district, gazetteer) else None


def _may_lie_in(settlement: Mention, district: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a settlement an address names with a district may lie there: the gazetteer knows none of its name, or
    one there, or only a village or small town elsewhere («д. Микулино, Руднянский район»: not the Tver region's
    Микулино; «аг. Лесное, Витебский район»: not Russia's Лесное). A town too large to be another's namesake, that lies
    elsewhere, is listed beside the district («г. Смоленск, Руднянский район», «Ушачский район, г. Витебск»)."""
    known = gazetteer.lookup(settlement.normal)
    return known is None or known.population < TOWN_POPULATION \
        or gazetteer.lookup(settlement.normal, district.normal) is not None


_COMMA_AFTER = re.compile(r"\s*,\s*")


def _namesakes_of_the_state_named(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A settlement named with its region or state right after it («г. Дзержинск, Минская область», «г. Березовка
    (Республика Беларусь)») is that state's namesake where the gazetteer knows one there, and in the region named if
    one is (Дзержинск of the Nizhny Novgorod region is the largest of the name; in «г. Иваново, Витебская область», a
    list, Belarus's Иваново lies in the Brest region): it is of that state and side, and resolution and description
    take that state's place by its name."""
    places = sorted((m for m in mentions if m.type is EntityType.LOC), key=lambda m: m.start)
    moved: dict[int, Mention] = {}
    for index, mention in enumerate(places):
        if mention.kind is not PlaceKind.CITY or mention.within is not None or mention.district:
            continue
        named: list[Mention] = []
        stop = mention.stop
        for after in places[index + 1:]:  # the places that follow it with nothing but commas and brackets between
            if _BETWEEN_PLACES.fullmatch(text, stop, after.start) is None:
                break
            if after.kind in (PlaceKind.REGION, PlaceKind.COUNTRY) and after.country:
                named.append(after)
            stop = after.stop
        states = {m.country for m in named}
        if len(states) != 1 or (state := states.pop()) == mention.country:
            continue
        namesake = gazetteer.lookup(mention.normal, state=state)
        if namesake is None or namesake.country != state or namesake.latitude is None:
            continue
        regions = [gazetteer.lookup(m.normal) for m in named if m.kind is PlaceKind.REGION]
        if all((apart := km_apart(r, namesake)) is None or apart <= REGION_REACH_KM for r in regions if r is not None):
            moved[id(mention)] = replace(mention, country=state, smolensk=namesake.smolensk)
    return [moved.get(id(m), m) for m in mentions]


# how far a settlement named with its region may lie from the region's point: the largest regions of Belarus and
# Russia's west span ~300 km; and how far the town a region's adjective names may lie from it, in any region of
# Russia, whose Asian ones are vast (Krasnoyarsk lies 840 km from its region's point)
REGION_REACH_KM = 200
REGION_TOWN_REACH_KM = 1000


_BETWEEN_PLACES = re.compile(r"[\s,(]*")


# the words `_opens_a_list` and `_opens_a_named_part` may be true of (a quicker first test)
_MAY_OPEN_A_LIST = frozenset({":", "–", "—", "-", ",", "(", "в", "включая", "среди"})


def _opens_a_named_part(doc: Doc, index: int) -> bool:
    """Whether token `index` opens the named part of a group: the comma or bracket before «в том числе», «включая»,
    «среди них», or that word itself («8 смоленских компаний, в том числе ООО «…», АО «…»», «коллективы Республики
    Беларусь (в том числе …)»)."""
    mark = doc[index].text in (",", "(")
    if index + mark >= len(doc) or not (mark or doc[index - 1].text not in (",", "(")):
        return False
    return _INCLUDING.match(doc.user_data["text"], char_span(doc, index + mark, index + mark + 1)[0]) is not None


def _opens_a_list(doc: Doc, index: int) -> bool:
    """Whether token `index` is a colon, or a dash after a side's words («с белорусской стороны –», «со стороны
    Республики Беларусь –»)."""
    if doc[index].text == ":":
        return True
    return doc[index].text in ("–", "—", "-") and bool(doc[index - 1].whitespace_) \
        and any(token.lemma_ == "сторона" for token in doc[max(0, index - 5):index])


def _list_end(doc: Doc, colon: int) -> int:
    """Where a list after a colon ends: at the next sentence or line that is no item of it (one not opening with a
    dash nor following an item's «;» or «,»), or at the «;» before another list's header («Со стороны Смоленской
    области: …; со стороны Республики Беларусь: …»); one in brackets at the bracket that closes them."""
    if doc[colon].text == "(":
        closing = next((index for index in range(colon + 1, len(doc)) if doc[index].text == ")"), None)
        return len(doc) if closing is None else closing
    end = next((index for index in range(colon + 2, len(doc))
                if (starts_a_sentence(doc, index) or starts_a_line(doc, index)) and doc[index].text not in _LIST_MARKS
                and doc[index - 1].text not in (";", ",", ":")), len(doc))
    following = next((index for index in range(colon + 1, end) if _opens_a_list(doc, index)), None)
    if following is not None:
        stop = next((index for index in range(following - 1, colon, -1) if doc[index].text == ";"), None)
        if stop is not None:
            return stop
    return end


# the words that open a named part of a group, a whole word each (their first words are in `_MAY_OPEN_A_LIST`)
_INCLUDING = re.compile(r"(?:в\s+том\s+числе|включая|среди\s+(?:них|которых))(?!\w)", re.IGNORECASE)


def _state_before(doc: Doc, index: int, mentions: list[Mention], models: Resources) -> tuple[str, bool] | None:
    """The state (and whether the Smolensk side) the words right before token `index` name: a state's adjective
    before a noun («белорусских предприятий», «белорусская делегация»), or a place or a body, a bracket after it as
    may be («делегации Республики Беларусь», «от Смоленской области», «… района Витебской области (Республика
    Беларусь)», «Совета Федерации … (далее – Совет Федерации)»); a body's own words first, which the adjective of
    what it deals with may end («Латвийского общества русской культуры»: Latvia's)."""
    last = index - 2 if doc[index - 1].text == ")" else index - 1
    before = char_span(doc, last, last + 1)[1]
    named = next((m for m in mentions if m.type in (EntityType.LOC, EntityType.ORG) and m.stop == before
                  and m.country), None)
    if named is None or named.country is None:
        return _states_adjective_before(doc, index, models)
    text = doc.user_data["text"]  # the mentions' offsets are the original text's, not the Doc's
    if any(m.type is named.type and m.country not in (None, named.country)
           and _BARE_LIST_JOIN.fullmatch(text, m.stop, named.start) for m in mentions):
        return None  # the last of places of several states («коллективы из России, Беларуси, Сербии и Болгарии:»)
    return named.country, named.smolensk


def _states_adjective_before(doc: Doc, index: int, models: Resources) -> tuple[str, bool] | None:
    """The state (and whether the Smolensk side) whose adjective, or a town's or a region's of its, before a lowercase
    noun, stands right before token `index` («белорусских предприятий»; «смоленских предприятий»: Smolensk's,
    «витебских предприятий»: Belarus's); not a region's name («делегацией Смоленской области | ОАО «Белшина»»: the body
    the delegation visits)."""
    if index < 2 or doc[index - 1].pos_ != "NOUN" or not doc[index - 1].is_lower \
            or doc[index - 1].lemma_ in models.lexicons.region_words:
        return None
    return _adjectives_side(doc[index - 2], models)


def _adjectives_side(token: Token, models: Resources) -> tuple[str, bool] | None:
    """The state (and whether the Smolensk side) an adjective names: a state's («белорусских»), or a town's or a
    region's of that state («смоленских»: Smolensk's)."""
    if token.pos_ != "ADJ":
        return None
    code = models.countries.adjective_code(token.lower_)
    if code is not None:
        return code, False
    place = town_by_adjective(token.text, models)
    return (place.country, place.smolensk) if place is not None and place.country else None


def _delegations_heads(doc: Doc, mentions: list[Mention], models: Resources) -> list[Mention]:
    """The person heading a state's delegation, and the bodies the post named for them holds, are of that state where
    their own words name none: «Визит делегации Объединенных Арабских Эмиратов во главе с владельцем компании Xstrike
    LLC Мухаммадом Али»."""
    words = lowers(doc)
    for index in [i for i in range(2, len(doc) - 3) if words[i:i + 3] == ["во", "главе", "с"]]:
        state = _state_before(doc, index, mentions, models)
        first = char_span(doc, index, index + 1)[0]
        head = next((m for m in mentions if m.type is EntityType.PER and m.start > first), None)
        if state is not None and head is not None:
            mentions = _given_state(mentions, first, head.stop, state)
    return mentions


def _representing(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """The bodies and persons a sentence says represent a place or take part from it, whose own words name no state,
    are of that place's state and side, to the sentence's end: «Смоленскую область представили ансамбль «Русичи» и
    хор «Лира»», «Белорусскую сторону представляли …» (`_state_before`), «Регион представляли …» (the report's own
    region), «От Смоленской области в фестивале приняли участие …» (not of the state the row was held in), «Со
    стороны Республики Беларусь …», «С белорусской стороны …»."""
    if not _REPRESENTING_CUE.search(text):
        return mentions  # (most cells say neither: no word of them need be looked at)
    for token in doc:
        after = token.i + 1  # where the words the side is given to may start
        if token.lemma_ in _REPRESENT and token.pos_ in ("VERB", "AUX") and token.i > 0:
            # (over an adverb before the verb: «Узбекскую сторону также представляли …»)
            verb = token.i - 1 if token.i > 1 and doc[token.i - 1].pos_ == "ADV" else token.i
            side = (SMOLENSK_COUNTRY, True) if doc[verb - 1].lemma_ in _THE_REGION \
                else _state_before(doc, verb, mentions, models)
        elif token.lower_ == "от" and opens_a_sentence(doc, token.i) and token.i + 1 < len(doc):
            first = char_span(doc, token.i + 1, token.i + 2)[0]
            side = next(((m.country, m.smolensk) for m in mentions if m.type is EntityType.LOC and m.start == first
                         and m.country), None)
        elif token.lemma_ == "сторона" and token.i > 0 and doc[token.i - 1].lower_ in ("с", "со") \
                and opens_a_sentence(doc, token.i - 1) and token.i + 1 < len(doc):
            # «Со стороны Республики Беларусь участвовали …», «Со стороны китайской компании ООО «…» – …»: the place
            # or body named first, after the words that say what it is
            named = next((i for i in range(token.i + 1, min(token.i + 4, len(doc))) if not doc[i].is_lower),
                         token.i + 1)
            first = char_span(doc, named, named + 1)[0]
            by = next((m for m in mentions if m.start == first and m.country
                       and m.type in (EntityType.LOC, EntityType.ORG)), None)
            side = None if by is None or by.country is None else (by.country, by.smolensk)
            named_span = None if by is None else token_span(doc, by.start, by.stop)
            after = after if named_span is None else named_span.end
            if by is None and token.i + 2 < len(doc) and doc[token.i + 2].pos_ == "NOUN" \
                    and doc[token.i + 2].is_lower:
                # a state's adjective before a common noun: «Со стороны китайской компании в переговорах участвовали …»
                side, after = _adjectives_side(doc[token.i + 1], models), token.i + 3
        elif token.lemma_ == "сторона" and token.i > 1 and doc[token.i - 2].lower_ in ("с", "со") \
                and opens_a_sentence(doc, token.i - 2):
            side = _adjectives_side(doc[token.i - 1], models)  # «С белорусской стороны в заседании участвовали …»
        else:
            continue
        if side is not None:
            # its members after a dash or a colon: «Со стороны компании ОАО «…» – директор П.П. Петров»,
            # «Белорусскую сторону представляли: …»
            if after < len(doc) and doc[after].text in _HEADER_ENDS:
                after += 1
            # (an initial's full stop ends no sentence: «… И.И. Иванов и начальник управления П.П. Петров»)
            end = next((i for i in range(after + 1, len(doc)) if opens_a_sentence(doc, i)
                        and not is_initial(doc, i - 2)), None)
            mentions = _given_state(mentions, char_span(doc, token.i, token.i + 1)[0],
                                    len(text) if end is None else char_span(doc, end, end + 1)[0], side)
    return mentions


_REPRESENT = frozenset({"представить", "представлять"})
_HEADER_ENDS = frozenset({"–", "—", "-", ":"})  # after a side's name, before its members
_REPRESENTING_CUE = re.compile(r"представ|\bОт\s|\bсторон", re.IGNORECASE)
_THE_REGION = frozenset({"регион", "смоленщина"})  # the report's own region, named without its name


_DEFINITION = re.compile(r"^\s*\(\s*(?:далее\s*[–—-]\s*)?")


def _abbreviations(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """Mark an organisation's short name defined right after it: "ООО «…» (ООО «СТиМ»)", "(далее – ЦПЭ)"; its
    letters alone in brackets name the body whose genitive chain the brackets end that they open like («ФГБОУ ВО
    «Смоленский государственный медицинский университет» Минздрава России (СГМУ)»: the university's, not the
    ministry's), whatever natasha tagged them (a town it does not know: was the place «СГМУ»); and so is one
    capitalised word alone in the brackets that natasha took for a person or a place no gazetteer knows («Народного
    союза Германии по уходу за военными захоронениями (Фольксбунд)»: was the person or the place «Фольксбунд»), one the
    dictionary reads as no person's name."""
    orgs = [m for m in mentions if m.type is EntityType.ORG and m.within is None]
    mentions = [replace(m, type=EntityType.ORG, normal=m.text, role=None, kind=None)
                if (m.type is EntityType.PER or m.type is EntityType.LOC and m.country is None)
                and m.text.isalpha() and text[m.stop:].lstrip().startswith(")")
                and any(o.stop <= m.start and _DEFINITION.fullmatch(text[o.stop:m.start]) for o in orgs)
                and not any(NAME_GRAMS & parse.tag.grammemes for parse in models.vocab.parse(m.text.lower())) else m
                for m in mentions]
    result = []
    for mention in mentions:
        before = next((o for o in orgs if o.stop <= mention.start and o is not mention
                       and _DEFINITION.fullmatch(text[o.stop:mention.start])), None)
        if mention.type is EntityType.ORG and before is not None and _closes_definition(text, mention, mentions):
            # the short name is the body's, and of its state: «… Российской Федерации (далее – Совет Федерации)»
            before = _named_short(text, mention.normal, before, orgs) or before
            mention = replace(mention, alias_of=before.normal, country=mention.country or before.country,
                              smolensk=mention.smolensk or before.smolensk)
        result.append(mention)
    for org in orgs:
        match = re.match(r"\s*\(\s*(далее\s*[–—-]\s*)?([А-ЯЁA-Z]{2,10})\s*\)", text[org.stop:])
        if match is None:
            continue
        start, stop = org.stop + match.start(2), org.stop + match.end(2)
        there = [m for m in result if m.start == start]
        # its letters alone in brackets, opening as its name does, no state's («… электростанции (ХАЭС)»)
        named = org if match.group(1) else _named_short(text, match.group(2), org, orgs)
        if named is None or models.countries.code(match.group(2)) \
                or any(m.type is not EntityType.LOC or models.gazetteer.lookup(m.normal) is not None for m in there):
            continue
        result = [m for m in result if m not in there]
        result.append(Mention(start, stop, EntityType.ORG, match.group(2), match.group(2), "rule:alias",
                              country=named.country, smolensk=named.smolensk, alias_of=named.normal))
    return sorted(result, key=lambda m: (m.start, -m.stop))


def _named_short(text: str, short: str, body: Mention, orgs: list[Mention]) -> Mention | None:
    """The body a short name in brackets right after `body` names: the first of `body` and the bodies before it
    whose genitive chain it ends (nothing but spaces between them) whose name or quoted name opens with the short
    name's first letter; None where none does."""
    chain = [body]
    while (last := next((o for o in orgs if o.stop <= chain[-1].start and not text[o.stop:chain[-1].start].strip()),
                        None)) is not None:
        chain.append(last)
    initial = short.lstrip("«")[:1].upper()
    return next((o for o in chain if initial in (o.text.lstrip("«")[:1].upper(), _quoted_initial(o.text))), None)


def _quoted_initial(name: str) -> str:
    """The first letter of a name's quotation, capitalised; "" where it has none."""
    quote = name.find("«")
    return name[quote + 1:quote + 2].upper() if quote >= 0 else ""


def _closes_definition(text: str, short: Mention, mentions: list[Mention]) -> bool:
    """Whether a short name ends the brackets that define it, alone or with its state:
    "(ООО «СТиМ»)", "(Минприроды России)"."""
    rest = text[short.stop:]
    if rest.lstrip().startswith(")"):
        return True
    state = next((m for m in mentions if m.type is EntityType.LOC and m.kind is PlaceKind.COUNTRY
                  and m.start >= short.stop and not text[short.stop:m.start].strip()), None)
    return state is not None and text[state.stop:].lstrip().startswith(")")


ROLE_SEPARATOR = "; "  # between two titles a phrase gives one after another: two roles


def _normal_role(models: Resources, tokens: list, head: int) -> str:
    """A position in the nominative; a double post ("… – министр …") normalised part by part; two titles one
    after the other ("Патриарший Экзарх всея Беларуси митрополит Минский и Заславский": a lowercase position
    word right after a name) are two roles, joined by ROLE_SEPARATOR."""
    titles: list[list] = [[]]
    agreeing = [feature(tokens[head], "Case"), feature(tokens[head], "Number")] if head < len(tokens) else []
    for index, token in enumerate(tokens):
        # a new title starts in the nominative, or in the case and number of the first one's head, in apposition
        # («председателем Совета ветеранов … России генерал-лейтенантом»); a complement does not («члена Союза
        # художников Беларуси»)
        if index > 0 and any(t.lemma_ in models.lexicons.positions for t in titles[-1]) \
                and token.lemma_ in models.lexicons.positions and token.text.islower() \
                and (feature(token, "Case") == ("Nom",)
                     or [feature(token, "Case"), feature(token, "Number")] == agreeing) \
                and (tokens[index - 1].pos_ == "PROPN" and is_cap(tokens[index - 1])
                     or tokens[index - 1].pos_ in ("NOUN", "PROPN") and case_of(tokens[index - 1]) not in (None, "Nom")
                     and tokens[index - 1].lemma_ not in models.lexicons.positions):
            # (or after the last noun of the chain of the first one's complements: «Военный комиссар Смоленской
            # области полковник», «начальником Управления … по Витебской области генерал-майором юстиции»)
            titles.append([])
        if token.text == "," and any(t.lemma_ in models.lexicons.positions for t in titles[-1]) \
                and any(t.lemma_ in models.lexicons.positions for t in tokens[index + 1:index + 4]):
            titles.append([])  # posts listed with a comma («солиста …, народного артиста …»)
            continue
        titles[-1].append(token)
    found = []
    for number, title in enumerate(titles):
        title_head = head if number == 0 and head < len(title) else next(
            (i for i, t in enumerate(title) if t.lemma_ in models.lexicons.positions), 0)
        found.append(_normal_post(models, title, title_head))
    return ROLE_SEPARATOR.join(found)


def _normal_post(models: Resources, tokens: list, head: int) -> str:
    """One title in the nominative; a double post ("… – министр …") normalised part by part; a part after a dash
    without a post in it names what the words before it name, in their case, as written («Председатель Народного
    собрания – Парламента Республики Абхазия»)."""
    parts: list[list] = [[]]
    for token in tokens:
        if token.text in ("–", "—", "-") and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(token)
    names = []
    titles = []  # whether a part after a dash is a title the person holds beside the post («… – заслуженный артист …»)
    for index, part in enumerate(parts):
        if not part:  # a dash that ends the phrase ("… директор –") opens no second post
            continue
        part_head = head if index == 0 else next(
            (i for i, t in enumerate(part) if t.lemma_ in models.lexicons.positions), None)
        titles.append(index > 0 and part_head is not None
                      and any(t.lemma_ in models.lexicons.held_titles for t in part[:part_head + 1]))
        if part_head is None:
            names.append(join(part, [t.text for t in part]))
            continue
        pieces = _coordinated_posts(part, models.lexicons)
        if len(pieces) > 1:  # each post's head in the nominative: «актёра и режиссёра»: актёр и режиссёр
            names.append(" и ".join(normal_phrase(models.vocab, piece, next(
                i for i, t in enumerate(piece) if t.lemma_ in models.lexicons.positions), singular=True)
                for piece in pieces))
            continue
        names.append(normal_phrase(models.vocab, part, min(part_head, len(part) - 1), singular=True))
    if len(names) > 1 and _a_post_at_the_event(parts[0], models.lexicons):
        # a post at the event before a dash is a title of its own, what the person does there («Модератор –
        # проректор по международной деятельности СмолГУ», «Руководитель делегации – заместитель Губернатора …»)
        return ROLE_SEPARATOR.join([names[0], " – ".join(names[1:])])
    # a title after a dash is a role of its own («художественный руководитель – заслуженный артист России»), as after
    # a comma
    roles = [names[0]] if names else []
    for name, title in zip(names[1:], titles[1:], strict=True):
        if title:
            roles.append(name)
        else:
            roles[-1] = f"{roles[-1]} – {name}"
    return ROLE_SEPARATOR.join(roles)


def _a_post_at_the_event(tokens: list, lex: Lexicons) -> bool:
    """Whether a post's words are a post at the event: a post's word alone («Модератор») or with lowercase words of
    no post nor body after it, what it leads («Руководитель делегации», «Председатель жюри», «Руководитель группы»: a
    group is a body with its quoted name only, flag `q`); not a post of a body or of its unit («заместитель
    председателя Правительства …», «директор департамента», «Начальник отдела»: a unit, flag `of`), which a second
    post after a dash goes on."""
    def of_no_body(lemma: str) -> bool:
        flags = lex.head_flags(lemma)
        return not lex.names_body(lemma) or "q" in flags and "of" not in flags

    return bool(tokens) and tokens[0].lemma_ in lex.positions and all(
        token.is_lower and token.is_alpha and token.lemma_ not in lex.positions and of_no_body(token.lemma_)
        for token in tokens[1:])


def _coordinated_posts(tokens: list, lex: Lexicons) -> list[list]:
    """A post's words cut at each «и» between two posts' bare heads («известный российский актёр | и | режиссёр»),
    the one before it the only post's word of its piece (not a complement's: «член Союза писателей и журналистов»);
    the words whole where none stands."""
    pieces: list[list] = [[]]
    for index, token in enumerate(tokens):
        if token.lower_ == "и" and 0 < index < len(tokens) - 1 \
                and sum(t.lemma_ in lex.positions for t in pieces[-1]) == 1 \
                and all(t.lemma_ in lex.positions and t.pos_ == "NOUN" for t in (tokens[index - 1], tokens[index + 1])):
            pieces.append([])
        else:
            pieces[-1].append(token)
    return pieces


def _natasha_mention(doc: Doc, text: str, span: Span, models: Resources) -> Mention:
    """natasha's own span as a Mention, named by our normaliser."""
    tokens = list(span)
    type_ = EntityType(span.label_)
    if type_ is EntityType.PER:
        return _mention(doc, text, span.start, span.end, type_, normal_person(models.vocab, tokens), "ner")
    head = next((i for i, t in enumerate(tokens) if t.pos_ in ("NOUN", "PROPN")), 0)
    if type_ is EntityType.LOC:
        head = len(tokens) - 1
    return _mention(doc, text, span.start, span.end, type_, normal_phrase(models.vocab, tokens, head), "ner")


def extract(text: str, models: Models | None = None, *, report_rules: bool = False) -> list[Mention]:
    """Persons, organisations and places in any Russian text, with canonical names.

    By default natasha's entities stand as natasha finds them (an organisation's name goes on over the untagged
    words its syntax says are its own, `nlp.extraction.syntax`, a short name in brackets comes apart, a body's
    branch for a region is one name, a quoted name after its descriptor is the quoted name), and the rules only add
    what natasha missed, so ordinary text (news) is read at least as well as by natasha; spans do not overlap. With
    `report_rules` the report conventions apply: the rules replace natasha's spans, organisations nested in others'
    names are kept, and places inside a person's position or an official's post are dropped (as the pipeline does
    for report rows).

    Args:
        text: a report cell, a news item, any Russian text.
        models: from `load_models()`; loaded on the spot when not given (slow: pass them in).
        report_rules: read the text as a report cell.
    """
    models = models or load_models()
    doc = models.nlp(text)
    found = doc.user_data["mentions"][0].mentions
    if report_rules:
        return [m for m in found if not m.in_a_post]
    by_span = {(m.start, m.stop, m.type): m for m in found}
    # a name goes on only over words natasha tagged nothing: the state or body after it is natasha's entity of its
    # own, as news corpora annotate («Конгресса | США», «Института этнологии и антропологии | РАН»)
    barriers = _barriers(doc) | frozenset(i for span in doc.spans[NATASHA_SPANS] for i in range(span.start, span.end))
    result: list[Mention] = [by_span.get((m.start, m.stop, m.type), m)
                             for m in _regional_branches(doc, text, found, models.resources)]
    for span in [_with_states_adjective(_without_title_words(part, models.resources), models.resources)
                 for whole in doc.spans[NATASHA_SPANS] for part in _names_apart_at_brackets(whole)]:
        own = _natasha_mention(doc, text, span, models.resources)
        if any(m.start <= own.start and own.stop <= m.stop for m in result):
            continue  # in an organisation's lengthened name, or in a regional branch's
        if own.type is EntityType.ORG:
            parts = [_natasha_mention(doc, text, part, models.resources) for part in _short_name_apart(span)]
            if len(parts) > 1:  # a short name in brackets apart, as the rules read it (`_short_name_apart`)
                result += [by_span.get((part.start, part.stop, part.type), part) for part in parts]
                continue
            # natasha's organisation lengthened over the words its syntax says are its own (`nlp.extraction.syntax`);
            # named as the rules name that span where they found it
            stop = name_stop(doc, span.start, span.end, models.resources.syntax, barriers) \
                if span[-1].is_alpha and not models.countries.code(own.normal) else span.end
            if stop > span.end:
                longer = _natasha_mention(doc, text, Span(doc, span.start, stop, label="ORG"), models.resources)
                result.append(by_span.get((longer.start, longer.stop, longer.type), longer))
                continue
        result.append(by_span.get((own.start, own.stop, own.type), own))
    covered = [(m.start, m.stop) for m in result]
    result += [m for m in found if m.within is None and not _overlaps(m.start, m.stop, covered) and _news_name(m, text)]
    result = [_as_its_government(doc, _quoted_name(doc, text, m), models.resources) for m in result]
    result += _in_latin_letters_after(text, result)
    result += _parts_of_the_world(doc, text, result, models.resources)
    return sorted(result, key=lambda m: (m.start, -m.stop))


_PLACING = frozenset({"в", "во", "на", "у", "перед", "возле", "около", "над", "под"})  # before a building where


def _as_its_government(doc: Doc, mention: Mention, models: Resources) -> Mention:
    """A government's seat that natasha tags as a place is the government in news («Кремль объявил», «советником
    Белого дома»: `nlp/lexicon/seats_of_power.tsv`), unless the text places something in it or at it («выступал в
    Белом доме», «перед Белым домом»: the building, a place in factRuEval)."""
    span = token_span(doc, mention.start, mention.stop) if mention.type is EntityType.LOC else None
    if span is None or tuple(token.lemma_ for token in span) not in models.lexicons.seats_of_power \
            or span.start > 0 and doc[span.start - 1].lower_ in _PLACING:
        return mention
    return replace(mention, type=EntityType.ORG, kind=None)


def _parts_of_the_world(doc: Doc, text: str, mentions: list[Mention], models: Resources) -> list[Mention]:
    """A part of the world named in one word that natasha passes over is a place in news, which annotate it
    («чемпионом Европы», «Лиги Европы»: natasha's model tags «Европы» after «из», not after a title); a report
    takes none (`nlp/lexicon/world_regions.tsv`)."""
    taken = [(m.start, m.stop) for m in mentions]
    found = []
    for token in doc:
        if not is_cap(token) or fold(token.lemma_) not in models.lexicons.world_regions \
                or token.i > 0 and is_cap(doc[token.i - 1]) and doc[token.i - 1].pos_ == "ADJ":
            continue  # «Латинской Америки» is one name
        start, stop = char_span(doc, token.i, token.i + 1)
        if not _overlaps(start, stop, taken):
            found.append(Mention(start, stop, EntityType.LOC, text[start:stop], token.lemma_.capitalize(),
                                 "rule:place"))
    return found


_DESCRIPTOR_WORDS = 2  # «ООО УК «Металлоинвест»», «американская фирма «Спейс адвентчерс»»


def _quoted_name(doc: Doc, text: str, mention: Mention) -> Mention:
    """An organisation's name in quotation marks after a word or two that say what it is (a legal form, a kind of
    body: «ОАО «Газпром»», «Концерн «Майкрософт»», «ООО УК «Металлоинвест»») is the quoted name alone, as news
    corpora annotate it (factRuEval and NEREL both: the words before it are a descriptor, as «мэрии» of «мэрии
    Москвы»); a report keeps them, as its conventions ask."""
    span = token_span(doc, mention.start, mention.stop) if mention.type is EntityType.ORG else None
    if span is None:
        return mention
    opening = next((i for i in range(span.start + 1, min(span.end, span.start + _DESCRIPTOR_WORDS + 1))
                    if doc[i].text == "«"), None)
    if opening is None or not (is_acronym(doc[opening - 1]) or doc[opening - 1].pos_ == "NOUN") \
            or not all(t.is_alpha for t in doc[span.start:opening]):
        return mention
    last = span.end - 1 if doc[span.end - 1].text in CLOSING_QUOTES else span.end
    if last <= opening + 1 or doc[opening + 1].text[:1].islower():
        return mention
    start, stop = char_span(doc, opening + 1, last)
    return replace(mention, start=start, stop=stop, text=text[start:stop], normal=text[start:stop])


def _with_states_adjective(span: Span, models: Resources) -> Span:
    """natasha's organisation with the state's adjective before it, as both news corpora annotate a body the state
    names so: «японского МИДа», «российском министерстве финансов», «японским парламентом»."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if span.label_ != "ORG" or before is None or not before.is_lower or before.pos_ != "ADJ" \
            or models.countries.adjective_code(before.lower_) is None:
        return span
    return Span(span.doc, span.start - 1, span.end, label="ORG")




def _without_title_words(span: Span, models: Resources) -> Span:
    """natasha's person without the capitalised words before the name that say who the person is, as news annotate
    the name alone: a post, a title or a kinship opening a sentence («Император Акихито», «Принц Филипп», «Сын
    А.Лукашенко»: `positions.tsv`, `person_titles.tsv`; not a post's word that is a given name too: «Раис Ханнанов»),
    an age («34-летний ТиДжей»)."""
    lex, doc, start = models.lexicons, span.doc, span.start
    while span.label_ == "PER" and span.end - start > 1 and doc[start + 1].text[:1].isupper() \
            and (AGE.match(doc[start].text) or doc[start].text[:1].isupper()
                 and (doc[start].lemma_ in lex.positions and not _a_given_name(doc[start], models)
                      or _a_title_before_a_name(doc, start, span.end, models))):
        start += 1
    if start == span.start or span.end - start == 1 and _an_adjective(doc[start], models):
        return span  # «Принц Кембриджский»: the title is the name
    return Span(doc, start, span.end, label="PER")


def _a_title_before_a_name(doc: Doc, index: int, stop: int, models: Resources) -> bool:
    """Whether the word at `index` of a person's words ending at `stop` is a title before the name
    (`person_titles.tsv`: «Принц Филипп», «Его Превосходительство Драган Солак»); not a plural, which names a group of
    the name's (the «Братьев Куэй»), nor one before an adjective alone, which is the name («Принц Кембриджский»)."""
    return doc[index].lemma_ in models.lexicons.person_titles \
        and not all(parse.tag.number == "plur" for parse in models.vocab.parse(doc[index].lower_)) \
        and not (stop - index == 2 and _an_adjective(doc[index + 1], models))


def _an_adjective(token: Token, models: Resources) -> bool:
    """Whether the tagger or, first of its readings, the dictionary reads a word as an adjective."""
    return token.pos_ == "ADJ" or models.vocab.parse(token.lower_)[0].tag.POS == "ADJF"


def _regional_branches(doc: Doc, text: str, found: list[Mention], models: Resources) -> list[Mention]:
    """A body's branch for a region, whole, from natasha's first name in it: «ГУ МЧС России по Санкт-Петербургу»,
    «Главное управление МВД России по Нижегородской области», «(пресс-службы) МЧС по Санкт-Петербургу и
    Ленобласти». natasha tags its parts (the office, the ministry, the places) apart, and news corpora name the
    branch as one body, where they name «Конгресса США» a body and a state: the rules' name ends in the places served,
    after «по», all natasha's places."""
    natasha = doc.spans[NATASHA_SPANS]
    branches: list[Span] = []
    for mention in found:
        span = token_span(doc, mention.start, mention.stop) if mention.type is EntityType.ORG else None
        served = next((i for i in range(span.end - 2, span.start, -1) if doc[i].lower_ == "по"), None) \
            if span is not None else None
        if span is None or served is None:
            continue
        inside = [s for s in natasha if span.start <= s.start and s.end <= span.end]
        places = {i for s in inside if s.label_ == "LOC" and s.start > served for i in range(s.start, s.end)}
        if not inside or inside[0].label_ != "ORG" or inside[0].end > served \
                or any(s.start < span.end and span.start < s.end and s not in inside for s in natasha) \
                or any(s.label_ == "PER" for s in inside) \
                or not all(i in places or doc[i].lower_ == "и" for i in range(served + 1, span.end)):
            continue
        branches.append(Span(doc, inside[0].start, span.end, label="ORG"))
    return [_natasha_mention(doc, text, branch, models) for branch in branches
            if not any(o.start <= branch.start and branch.end <= o.end and o != branch for o in branches)]


# a name in Latin letters, the whole of a bracket right after a name (its closing quotation mark or the bracket of
# its short name between them: «Комитет защиты журналистов (КЗЖ) (Committee to Protect Journalists)»)
_LATIN_AFTER = re.compile(rf"[»\"”)]?[ \t]*\([ \t]*([{LATIN_LETTERS}][{LATIN_LETTERS}0-9]*"
                          rf"(?:[ .&'’-]+[{LATIN_LETTERS}0-9]+)*\.?)[ \t]*\)")


def _in_latin_letters_after(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name in Latin letters in brackets right after a name is that one's in another script, and news name it
    apart, of the same kind («Международная амнистия (Amnesty International)», «Джеймс Форд (James Ford)»), where
    nothing else is named in the brackets (natasha's model tags no Latin name)."""
    taken = [(m.start, m.stop) for m in mentions]
    found = []
    for mention in mentions:
        after = _LATIN_AFTER.match(text, mention.stop)
        if after is None or not after.group(1)[0].isupper() or _overlaps(after.start(1), after.end(1), taken):
            continue
        name = after.group(1)
        found.append(Mention(after.start(1), after.end(1), mention.type, name, name, "rule:alias",
                             kind=mention.kind, country=mention.country))
    return found


def _news_name(mention: Mention, text: str) -> bool:
    """Whether a name the rules found, and natasha did not, is one news would annotate: not a building or a
    monument (news corpora keep facilities apart from places), not a run over a line break, not a quotation
    taken for a name (a quoted part that starts in lowercase: «не оправдал возложенных на него надежд»; an
    organisation's words inside quotation marks of their own: «Большой оркестр праздничной помощи», an event)."""
    if "\n" in mention.text or mention.kind is PlaceKind.SITE:
        return False
    if mention.type is EntityType.ORG and text[:mention.start].rstrip().endswith(OPENING_QUOTES):
        return False
    quoted = re.search(r"[«\"„“]\s*(\w)", mention.text)
    return not (mention.type is EntityType.ORG and quoted and quoted.group(1).islower())
