"""Rules for what natasha misses in these reports: organisations, officials' roles, places.

All rules work on the tokens of a spaCy Doc made by `nlp.extraction.ner` (natasha's tokens with
their morphology) and return token spans; the words they look for are data files in
`nlp/lexicon/`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token

from nlp.extraction.morph import feature
from nlp.extraction.ner import (
    NATASHA_SPANS,
    doc_words,
    starts_a_line,
    starts_a_sentence,
    wraps_a_line,
)
from nlp.gazetteer.countries import fold, load_countries
from nlp.records import PlaceKind
from nlp.resources import lexicon

ChunkLabel = Literal["ORG", "LOC", "EVENT", "DOC", "ROLE"]

_ABBREVIATION = re.compile(r"^[А-ЯЁ]{2,9}$")
_STATES_COMPOUND = re.compile(r"^[а-яё]+[сц]ко-[а-яё]+$")  # «российско-белорусский», «германско-российский»
_QUOTE_OPEN, _QUOTE_CLOSE = "«", "»"
OPENING_QUOTES = ("«", '"', "„", "“")  # the marks a quotation opens with, in the texts read
CLOSING_QUOTES = ("»", '"', "”", "“")  # and those it closes with
_MAX_QUOTE = 40
_CHAIN_POS = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}
_SUBJECT_PREPOSITIONS = {"за", "с", "со"}  # inside what a body deals with: «по надзору за …», «по борьбе с …»
_STOP = {",", ";", ":", "(", ")", ".", "!", "?", "—"}


class PostHeads(frozenset[str]):
    """The heads (lemmas) of posts; a word of two joined by a hyphen is one by its first part too
    («тренер-преподаватель», «врач-кардиолог», «учитель-логопед»), and a post after a post's prefix the lexicon
    lists with its hyphen is one («вице-мэр», «обер-бургомистр»)."""

    def __contains__(self, lemma: object) -> bool:
        if frozenset.__contains__(self, lemma) or not isinstance(lemma, str) or "-" not in lemma:
            return frozenset.__contains__(self, lemma)
        first, _, rest = lemma.partition("-")
        return frozenset.__contains__(self, first) or frozenset.__contains__(self, first + "-") \
            and frozenset.__contains__(self, rest)

    def participle(self, word: str) -> bool:
        """Whether a word is a form of a post made of a participle («управляющим»: управляющий), which the tagger
        reads as the verb's: its stem before an adjective's ending (`FULL_ADJECTIVE`) makes a post's head."""
        ending = FULL_ADJECTIVE.search(word)
        return ending is not None and any(frozenset.__contains__(self, word[:ending.start()] + head)
                                          for head in ("ий", "ый"))


@dataclass(frozen=True, slots=True)
class Lexicons:
    heads: dict[str, tuple[str, frozenset[str]]]
    positions: PostHeads
    office_posts: frozenset[str]  # posts that hold a place's office: the place after one is the post's ("глава")
    honorifics: frozenset[str]  # heads of honorary titles: what follows them in the genitive is the title's
    commemorations: frozenset[tuple[str, ...]]  # lemmas after which a person is commemorated ("с день рождение")
    awards: frozenset[str]  # an award's nouns, which a person in the genitive names («медаль Франциска Скорины»)
    creations: frozenset[str]  # nouns of making a body: the organisation they govern is planned ("создание")
    former: frozenset[str]  # states and bodies that no longer exist, folded: history's subjects, no parties ("ссср")
    world_regions: frozenset[str]  # parts of the world, folded: no place of an event ("европа")
    currencies: frozenset[str]  # currencies' lemmas: the state named with one is a price's («долларов США»)
    confessions: frozenset[str]  # adjectives that make a church (flag "faith") a religious body, not a building
    meeting_adjectives: frozenset[str]  # adjectives that make a head with the flag "meet" a meeting ("торжественный")
    name_participles: frozenset[str]  # verbs whose lowercase participle is a name's adjective ("управлять")
    joint_adjectives: frozenset[str]  # adjectives of a joint body, whose name lists its members ("межпарламентский")
    not_organisations: frozenset[str]  # words natasha tags as an organisation that name none ("СМИ")
    sole_trader_forms: frozenset[str]  # of those, a sole trader's form before the holder's name ("ИП")
    unions_of_states: frozenset[tuple[str, ...]]  # lemmas of unions natasha tags as a place ("европейский союз")
    seats_of_power: frozenset[tuple[str, ...]]  # lemmas of seats news name for a government ("белый дом")
    person_titles: frozenset[str]  # words before a name that say who one is, no post ("принц", "сын")
    held_titles: frozenset[str]  # a title's words, a post a person holds beside another ("народный", "профессор")
    name_stops: frozenset[str]  # nouns a name's genitive chain never takes ("созыв")
    dated_stops: frozenset[str]  # nor these, in small letters after a word that dates them ("прошлого года")
    po_adverbials: frozenset[str]  # nouns that after «по» say why or how, not what a body deals with ("итог")
    dative_objects: frozenset[str]  # nouns whose object in a name is in the dative («помощи | детям»)
    language_adjectives: frozenset[str]  # a language's adjectives, no state's where brackets name one («русский»)
    culture_nouns: frozenset[str]  # nor is a state's adjective before these, the culture's («языка», «культуры»)
    friendship_nouns: frozenset[str]  # a compound of states' adjectives before these names its first state's body
    company_words: frozenset[str]  # nouns that call a company by what it is, its own name after them («концерн»)
    name_particles: frozenset[str]  # lowercase particles inside a person's name ("ван", "фон")
    name_closings: frozenset[str]  # a particle that closes a name after the father's name («оглы», «кызы»)
    from_heads: frozenset[str]  # heads of bodies of people sent, whose name goes on with «от» ("миссия")
    education_levels: frozenset[str]  # what follows a school's legal form before its name («ВО», «ДПО»)
    group_nouns: frozenset[str]  # plural nouns naming a side's bodies as a group («смоленских предприятий»)
    collective_nouns: frozenset[str]  # those that name a group in the singular too («бизнеса Вьетнама»)
    legal_forms: frozenset[str]  # the abbreviations of `legal_forms.tsv` («ООО», «ОАО»)
    latin_keys: frozenset[str]  # words that make a run of capitalised Latin words an organisation's name
    latin_forms: frozenset[str]  # legal forms among them, which may follow the name after a comma ("Co., Ltd.")
    latin_links: frozenset[str]  # words that stand between a Latin name's capitalised words ("of", "&")
    latin_dotted: frozenset[str]  # legal forms written with full stops, lowercase ("a.ş.", "s.p.a.")
    place_prefixes: dict[tuple[str, ...], str]
    site_words_written_out: dict[tuple[str, ...], str]  # «пл.»: площадь
    village_prefixes: frozenset[tuple[str, ...]]  # those that say the place is a village («д.», «село»)
    street_prefixes: frozenset[tuple[str, ...]]
    region_words: dict[str, str]
    region_titles: frozenset[str]  # nouns before a region's own name ("провинция"): natasha's place after one
    not_legal_forms: frozenset[str]
    state_words: dict[str, str]  # words that open only one state's bodies, and that state ("ЧУП": BY, "ФГБОУ": RU)
    longest_prefix: int  # words in the longest place or street prefix: how far the prefix rules look
    prefix_starts: frozenset[str]  # the first words of place and street prefixes: where one may begin

    def names_body(self, lemma: str) -> bool:
        """Whether a word is the head noun of an organisation's name (`org_heads.tsv`, class org)."""
        return self.heads.get(lemma, ("",))[0] == "org"

    def head_flags(self, lemma: str) -> frozenset[str]:
        """What a head noun's name goes on with or names (`org_heads.tsv`'s flags); none for another word."""
        return self.heads.get(lemma, ("", frozenset()))[1]


def _words(text: str) -> tuple[str, ...]:
    """A prefix as the tokens razdel makes of it: "г." -> ("г", ".")."""
    return tuple(re.findall(r"[\w-]+|\.", text.lower()))


@cache
def load_lexicons() -> Lexicons:
    heads = {row[0]: (row[1], frozenset(filter(None, (row[2] if len(row) > 2 else "").split(","))))
             for row in lexicon("org_heads")}
    place_prefixes = {_words(row[0]): row[1] for row in lexicon("place_prefixes")}
    street_prefixes = frozenset(_words(row[0]) for row in lexicon("street_prefixes"))
    return Lexicons(
        heads=heads,
        positions=PostHeads(row[0] for row in lexicon("positions")),
        office_posts=frozenset(row[0] for row in lexicon("office_posts")),
        honorifics=frozenset(row[0] for row in lexicon("honorifics")),
        commemorations=frozenset(tuple(row[0].split()) for row in lexicon("commemorations")),
        awards=frozenset(row[0] for row in lexicon("awards")),
        creations=frozenset(row[0] for row in lexicon("creations")),
        former=frozenset(fold(row[0]) for row in lexicon("former")),
        world_regions=frozenset(fold(row[0]) for row in lexicon("world_regions")),
        currencies=frozenset(row[0] for row in lexicon("currencies")),
        confessions=frozenset(row[0] for row in lexicon("confessions")),
        meeting_adjectives=frozenset(row[0] for row in lexicon("meeting_adjectives")),
        name_participles=frozenset(row[0] for row in lexicon("name_participles")),
        joint_adjectives=frozenset(row[0] for row in lexicon("joint_adjectives")),
        not_organisations=frozenset(row[0] for row in lexicon("not_organisations")),
        sole_trader_forms=frozenset(row[0] for row in lexicon("not_organisations") if row[1:] == ("form",)),
        unions_of_states=frozenset(tuple(row[0].split()) for row in lexicon("unions_of_states")),
        seats_of_power=frozenset(tuple(row[0].split()) for row in lexicon("seats_of_power")),
        person_titles=frozenset(row[0] for row in lexicon("person_titles")),
        held_titles=frozenset(row[0] for row in lexicon("held_titles")),
        name_stops=frozenset(row[0] for row in lexicon("name_stops") if row[1:] != ("dated",)),
        dated_stops=frozenset(row[0] for row in lexicon("name_stops") if row[1:] == ("dated",)),
        po_adverbials=frozenset(row[0] for row in lexicon("po_adverbials")),
        dative_objects=frozenset(row[0] for row in lexicon("dative_objects")),
        language_adjectives=frozenset(row[0] for row in lexicon("language_adjectives")),
        culture_nouns=frozenset(row[0] for row in lexicon("culture_nouns")),
        friendship_nouns=frozenset(row[0] for row in lexicon("friendship_nouns")),
        company_words=frozenset(row[0] for row in lexicon("company_words")),
        name_particles=frozenset(row[0] for row in lexicon("name_particles")),
        name_closings=frozenset(row[0] for row in lexicon("name_particles") if len(row) > 1),
        from_heads=frozenset(row[0] for row in lexicon("from_heads")),
        education_levels=frozenset(row[0] for row in lexicon("education_levels")),
        group_nouns=frozenset(row[0] for row in lexicon("group_nouns")),
        collective_nouns=frozenset(row[0] for row in lexicon("group_nouns") if row[1:] == ("collective",)),
        legal_forms=frozenset(row[1] for row in lexicon("legal_forms") if row[1].isupper()),  # (not «Союз»)
        latin_keys=frozenset(row[0] for row in lexicon("latin_org_words") if row[1] in ("key", "form")),
        latin_forms=frozenset(row[0] for row in lexicon("latin_org_words") if row[1] == "form"),
        latin_links=frozenset(row[0] for row in lexicon("latin_org_words") if row[1] == "link"),
        latin_dotted=frozenset(row[0].lower() for row in lexicon("latin_org_words") if row[1] == "dotted"),
        place_prefixes=place_prefixes,
        site_words_written_out={_words(row[0]): row[3] for row in lexicon("place_prefixes") if row[3:]},
        village_prefixes=frozenset(_words(row[0]) for row in lexicon("place_prefixes") if row[2:] == ("village",)),
        street_prefixes=street_prefixes,
        region_words={row[0]: row[1] for row in lexicon("region_words")},
        region_titles=frozenset(row[0] for row in lexicon("region_titles")),
        not_legal_forms=frozenset(row[0] for row in lexicon("not_legal_forms")),
        state_words={row[0]: row[1] for row in lexicon("state_words")},
        longest_prefix=max(map(len, [*place_prefixes, *street_prefixes])),
        prefix_starts=frozenset(prefix[0] for prefix in [*place_prefixes, *street_prefixes]),
    )


@dataclass(frozen=True, slots=True)
class Chunk:
    """A token span found by a rule: [start, stop), what it names, and its head token."""

    start: int
    stop: int
    label: ChunkLabel
    head: int
    kind: PlaceKind | None = None
    source: Literal["rule", "ner"] = "rule"
    # a quotation listed after another under the words that name both («компаний «А», «Б» и «В»»): that first
    # name, whose words before its quotation are this one's too
    listed_after: Chunk | None = None


def case_of(token: Token) -> str | None:
    cases = feature(token, "Case")
    return cases[0] if cases else None


def is_cap(token: Token) -> bool:
    return token.text[:1].isupper()


def is_acronym(token: Token) -> bool:
    """A word of capitals: "МХТ", "ОАО", "РФ"."""
    return _acronym_word(token.text)


def _acronym_word(word: str) -> bool:
    return _ABBREVIATION.match(word) is not None


def is_abbreviation(token: Token, lex: Lexicons) -> bool:
    """An acronym that may be a legal form ("ОАО"; not one of `not_legal_forms.tsv`), or one state's legal form
    written with a small letter too (`state_words.tsv`: «ОсОО»)."""
    return _abbreviation_word(token.text, lex)


def _abbreviation_word(word: str, lex: Lexicons) -> bool:
    """`is_abbreviation` of a word."""
    return _acronym_word(word) and word not in lex.not_legal_forms \
        or _MIXED_CASE_FORM.match(word) is not None and word in lex.state_words


_MIXED_CASE_FORM = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё]{1,8}[А-ЯЁ]$")  # «ОсОО»


def quote_end(doc: Doc, start: int) -> int | None:
    """Index after the quotation opening at `start`; nested «…«…» share one closing mark."""
    words = texts(doc)
    if words[start] not in (_QUOTE_OPEN, '"', "“", "„"):
        return None
    if words[start] == '"' and start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].is_alpha:
        return None  # a straight mark glued to the word before it closes a quotation: `… администрации". Местные`
    closing = _QUOTE_CLOSE if words[start] == _QUOTE_OPEN else None
    depth = 1
    for index in range(start + 1, min(len(words), start + _MAX_QUOTE)):
        text = words[index]
        if text == (closing or text) and text in CLOSING_QUOTES:
            depth -= 1
            # «A «B» closes both with one mark, unless a second one follows
            while depth > 0 and index + 1 < len(words) and words[index + 1] == text:
                index += 1
                depth -= 1
            if depth > 0 and closing and _balanced_quotes(doc, start):
                continue  # each opened quotation closes with its own mark in this sentence: «К 55-летию … ансамбля
                # «Песняры» под руководством … Владимира Мулявина»
            return index + 1
        if text == _QUOTE_OPEN:
            depth += 1
    return None


def quote_start(doc: Doc, closing: int) -> int | None:
    """Index of the mark opening the (outermost) quotation that the mark at `closing` closes."""
    found = None
    for index in range(closing - 1, max(-1, closing - _MAX_QUOTE), -1):
        if doc[index].text in OPENING_QUOTES and quote_end(doc, index) == closing + 1:
            found = index
    return found


def _balanced_quotes(doc: Doc, start: int) -> bool:
    """Whether as many «» marks close as open from `start` to the end of its sentence (or line): nested quotations
    then close each with its own mark, not «A «B» both with one."""
    opened = closed = 0
    words = texts(doc)
    for index in range(start, min(len(doc), start + _MAX_QUOTE)):
        text = words[index]
        if index > start and (text in (".", ";", "!", "?") or starts_a_line(doc, index)):
            break
        opened += text == _QUOTE_OPEN
        closed += text == _QUOTE_CLOSE
    return opened == closed


def is_initial(doc: Doc, index: int) -> bool:
    """Whether the token at `index` is an initial: one capital, a full stop after it («В.»)."""
    words = texts(doc)
    return 0 <= index < len(words) - 1 and len(words[index]) == 1 and words[index].isupper() \
        and words[index + 1] == "."


def _is_gen(token: Token) -> bool:
    # a pronoun's determiner in the genitive begins a clause's object, not a name's genitive ("администрации
    # Архангельской области никаких комментариев"); a participle agrees as an adjective does ("… республиканского
    # объединенного краеведческого музея")
    return (case_of(token) == "Gen" or _inflected_name(token) or _caseless_genitive(token)) \
        and (token.pos_ in _CHAIN_POS or _participle(token)) and not (token.pos_ == "DET" and token.is_lower)


def _caseless_genitive(token: Token) -> bool:
    """A compound adjective the tagger leaves without a case, with a genitive's ending, capitalised («Смоленского
    отделения Российско-белорусского делового совета») or before a noun in the genitive («… отделения Общества
    российско-китайской дружбы»)."""
    doc, after = token.doc, token.i + 1
    return _caseless_compound(token, "Gen") and (is_cap(token) or after < len(doc) and doc[after].pos_ == "NOUN"
                                                 and case_of(doc[after]) == "Gen")


def _caseless_compound(token: Token, case: str | None) -> bool:
    """Whether a compound adjective the tagger leaves without a case has an ending of `case` (UD's name)."""
    endings = ADJECTIVE_CASE_ENDINGS.get(case or "")
    return endings is not None and case_of(token) is None and token.pos_ == "ADJ" and "-" in token.text \
        and endings.search(token.lower_) is not None


# an adjective's endings in each case, whatever its gender and number
ADJECTIVE_CASE_ENDINGS = {case: re.compile(f"(?:{endings})$") for case, endings in {
    "Nom": "[ыи]й|ой|[ая]я|[ое]е|[ыи]е", "Gen": "[ое]го|[ое]й|[ыи]х", "Dat": "[ое]му|[ое]й|[ыи]м",
    "Acc": "[ыи]й|ой|[ое]го|[ую]ю|[ое]е|[ыи]е|[ыи]х", "Ins": "[ыи]м|[ое]й|[ое]ю|[ыи]ми",
    "Loc": "[ое]м|[ое]й|[ыи]х"}.items()}


def _participle(token: Token) -> bool:
    return token.pos_ == "VERB" and feature(token, "VerbForm") == ("Part",)


def _inflected_name(token: Token) -> bool:
    """A capitalised noun the tagger took for a nominative singular though its form is not its lemma's: an oblique
    form, after a name's genitive chain its genitive ("суд центрального округа Сеула")."""
    return token.pos_ == "PROPN" and is_cap(token) and case_of(token) == "Nom" \
        and feature(token, "Number") == ("Sing",) and token.lower_.replace("ё", "е") != token.lemma_


def _name_after_imeni(doc: Doc, index: int, lex: Lexicons) -> int:
    """Skip "имени В.И. Ленина" / "им. К.Г. Разумовского" / "имени Тенишевых": a title, initials, then names (after
    initials only the surname: «… имени Н. П. Акимова | Татьяна Казакова»), on the same line."""
    while index + 1 < len(doc) and doc[index].is_lower and doc[index].lemma_ in lex.positions \
            and (is_initial(doc, index + 1) or is_cap(doc[index + 1])):
        index += 1  # the title before the name: «имени академика И.Г. Петровского», «имени маршала Г.К. Жукова»
    initials = index
    while index < len(doc) and is_initial(doc, index):
        index += 2
    last = index + 1 if index > initials else len(doc)
    while index < min(last, len(doc)) and is_cap(doc[index]) and doc[index].pos_ in ("PROPN", "NOUN", "ADJ") \
            and len(doc[index].text) > 1 and not starts_a_line(doc, index):
        index += 1
        if index + 1 < len(doc) and doc[index].lower_ in lex.name_particles and is_cap(doc[index + 1]):
            index += 1  # "имени Людвига ван Бетховена"
    return index


def _chain(doc: Doc, index: int, flags: frozenset[str], lex: Lexicons) -> int:
    """Extend a noun phrase to the right over its genitive dependents and the like.

    A "в <place>" complement belongs to a head that may take one (flag "in"): the phrase's own, or one in its
    genitive chain ("отделение Посольства … в Российской Федерации в г. Смоленске": two heads, two places);
    one head, one place ("Посольство … в Российской Федерации", not "… в г. Смоленске" after it)."""
    places = 1 if "in" in flags else 0
    joint = "joint" in flags  # a joint body's members are coordinated in capitals, in its chain too
    first = index
    # (what each step asks of the cell's words and name stops, fetched once)
    words, stops = lowers(doc), name_stop_tokens(doc, lex)
    while index < len(doc):
        token = doc[index]
        lower = words[index]
        nxt = doc[index + 1] if index + 1 < len(doc) else None
        if is_initial(doc, index):
            break  # "… Российской Федерации А.Л. Оверчук": a person's initials start here
        if starts_a_line(doc, index):
            break  # a name ends with its line (a cell's list, a title)
        if _person_named(doc, index):
            break  # a person natasha found starts here («… ХДС в Шлезвиг-Гольштейне | Кристиан фон Беттихер»)
        if index in stops:
            break  # "… Республики Беларусь | восьмого созыва"
        if post_after_name(doc, index, lex):
            break  # "… Правительства Российской Федерации | Руководителя Аппарата …": the next party's post
        if abbreviated_place(doc, index, lex) and index > 0 and (doc[index - 1].pos_ in ("NOUN", "PROPN", "ADJ")
                                                                 or doc[index - 1].like_num):
            index += 3  # "Администрация г. Смоленска", "Набережная р. Днепр", «школы № 2 г. Смоленска»: the place is
            # the name's
        elif lower in ("имени", "им") and nxt is not None:
            index = _past_namesake(doc, index, lex)  # inside a chain «им» is no pronoun
            if index in natasha_spans(doc, "PER"):
                break  # the holder of a post the name is of, in any case («директор театра кукол им. Д.Н.
                # Светильникова | Петрова О.В.»)
        elif _is_gen(token):
            if common_after_place(doc, index):
                break
            chain_flags = lex.head_flags(token.lemma_)
            if "in" in chain_flags:
                places += 1  # a head in the chain that may take a place of its own ("Посольства")
            joint = joint or "joint" in chain_flags
            index += 1
        elif (index > first and doc[index - 1].lemma_ in lex.dative_objects and _is_gen(doc[index - 1])
              or index == first and "honour" in flags) and (dative := _dative_object_end(doc, index)) is not None:
            index = dative  # what the help is given to («Фонда помощи | детям»), whom a memorial honours
            # («Памятника | воинам-интернационалистам»): its genitives go on after it («героям Отечественной войны»)
        elif index > first and doc[index - 1].lemma_ == "война" and (years := _war_years_end(doc, index)) is not None:
            index = years  # a war is named by its years («Отечественной войны | 1812 года»)
        elif token.pos_ == "PROPN" and index > 0 and doc[index - 1].lemma_ == "республика":
            index += 1  # "Республики Беларусь": natasha reads Беларусь as nominative
        elif index > 0 and doc[index - 1].lemma_ == "республика" and _two_word_state(doc, index):
            index += 2  # «Республики Южная Осетия», «Республики Северная Македония»: the name stays nominative
        elif token.text in ("-", "–") and index > first and nxt is not None and _compound(doc[index - 1], nxt, lex):
            index += 2  # a compound noun written with spaces round its hyphen («Организации стран - экспортеров нефти»)
        elif index > first and _parents_letters(doc, index, lex):
            index += 1  # the parent a unit is of, by its letters, which the tagger reads in any case («Института
            # Конфуция | СмолГУ», «кафедры истории | ВГУ»)
        elif _own_name(doc, index, lex):
            index += 1  # a capitalised body's own name, in whatever case the tagger reads it («Университета
            # Нешателя», «Университета Уэйк Форест»)
            while index < len(doc) and _cyrillic_name(doc[index]) and not starts_a_line(doc, index) \
                    and not _person_named(doc, index):
                index += 1
        elif lower == "и" and nxt is not None and _is_gen(nxt) \
                and (not is_cap(nxt) or joint and a_member(doc, max(0, first - 1), index + 1, lex)) \
                and not lowercase_body_word(doc[index - 1], lex) and not post_after(doc, index + 1, lex) \
                and not _genitive_after_another_case(doc, index) \
                and (is_cap(nxt) or not _named_before(doc, index, lex)) and not _quoted_head_after(doc, index, lex):
            index += 2  # "… сельского хозяйства и продовольствия"; not "… палаты и предприятий …": another party;
            # a joint body's members («Межпарламентской комиссии Совета Федерации … и Совета Республики …»)
        elif lower == "и" and "po" in flags and nxt is not None and nxt.lower_ == "по" and index > first \
                and doc[index - 1].is_lower and _is_gen(doc[index - 1]) and index + 2 < len(doc) \
                and doc[index + 2].is_lower:
            index = _subject_end(doc, index + 2, lex, joint)  # what the head is of, and what it deals with:
            # «главное управление идеологической работы и по делам молодежи Витебского облисполкома»
        elif lower == "при" and "pri" in flags and nxt is not None and (is_cap(nxt) or nxt.lemma_ in lex.positions):
            # the body or post it is attached to, with its adjectives in its case («… при Каролинском медицинском
            # институте», «… при президенте РФ»)
            index += 1
            case = case_of(doc[index])
            while index < len(doc) and (is_cap(doc[index]) or _is_gen(doc[index]) or case_of(doc[index]) == case) \
                    and doc[index].pos_ in _CHAIN_POS:
                index += 1
        elif lower in ("в", "во") and places > 0 and nxt is not None \
                and (is_cap(nxt) or (nxt.lower_, ".") in lex.place_prefixes  # "… в г. Смоленске"
                     or (nxt.lemma_,) in lex.place_prefixes and index + 2 < len(doc) and is_cap(doc[index + 2])):
            places -= 1
            index += 1
            while index < len(doc) and ((is_cap(doc[index]) and doc[index].pos_ in _CHAIN_POS)
                                        or (case_of(doc[index]) in ("Loc", "Gen") and doc[index].pos_ in _CHAIN_POS)
                                        or doc[index].text in ("г", ".")):
                if doc[index].text == "." and not (index > 0 and doc[index - 1].text == "г") \
                        or is_initial(doc, index) or _person_named(doc, index) or _full_name_at(doc, index):
                    break  # a full stop ends it, and a person's initials or name start after it
                index += 1
        elif lower == "в" and "honour" in flags and nxt is not None and nxt.lower_ == "честь" and index == first:
            index = _subject_end(doc, index + 2, lex)  # whom a memorial honours, as what a body deals with
        elif lower == "по" and "po" in flags and "parent" not in flags \
                and (served := regions_served(doc, index, lex)) is not None:
            index = served
        elif lower == "по" and "po" in flags and nxt is not None and not is_cap(nxt):
            index = _subject_end(doc, index + 1, lex, joint)
        elif token.text == "," and _listed(doc, index) and doc[index - 1].is_lower \
                and (doc[index - 1].pos_ == "ADJ" or doc[index - 1].pos_ == "NOUN"
                     and _opens_chain(doc, first, index - 1, lex) and doc[index - 1].lemma_ not in lex.region_words):
            # adjectives listed before their noun («Центра химической, биологической … и ядерной обороны»), or what
            # the head is of, its first word or words («Министерства образования, науки и молодежной политики»,
            # «Министерства высшего образования, науки и инноваций»; not after a place: «Администрации Смоленской
            # области, | общественных организаций и молодежи»)
            index += 1
        else:
            break
    while index > first and (doc[index - 1].pos_ == "ADJ" or _participle(doc[index - 1])) and doc[index - 1].is_lower:
        index -= 1  # an adjective without its noun is none of the name's («… Узбекистана | расположенного на …»)
    return index


def _dative_object_end(doc: Doc, index: int) -> int | None:
    """Where a lowercase noun in the dative, after its adjectives in that case, ends when it starts at `index`
    («детям», «малым предприятиям», «детям-инвалидам», «семье и детям»); None when none does."""
    end = index
    while end < len(doc) and doc[end].is_lower and case_of(doc[end]) == "Dat" and doc[end].pos_ == "ADJ":
        end += 1
    if end >= len(doc) or not doc[end].is_lower or doc[end].pos_ != "NOUN" or case_of(doc[end]) != "Dat":
        return None
    end += 1
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower and case_of(doc[end + 1]) == "Dat":
        end += 2  # a compound noun in its parts («детям - инвалидам»)
    if end + 1 < len(doc) and doc[end].lower_ == "и" and (more := _dative_object_end(doc, end + 1)) is not None:
        return more  # coordinated objects («семье и детям»)
    return end


_YEARS = re.compile(r"\d{4}(?:[-–—]\d{4})?")  # a year, or a range of them written as one word («1941-1945»)
_DASHES = frozenset({"-", "–", "—"})
_LAST_CENTURY = 2000  # a war named by its years is history: a later year after «войны» dates the sentence


def _war_years_end(doc: Doc, index: int) -> int | None:
    """Where the years a war is named by end when they start at `index`, right after the war's noun: a year of the
    past century or before, or a range, and the word «год» («1812 года», «1941-1945 годов», «1941 – 1945 гг.»);
    None where no such years do («… войны | 2024 года»: the sentence's date)."""
    end = index
    while end < len(doc) and (_YEARS.fullmatch(doc[end].text) or end > index and doc[end].text in _DASHES):
        end += 1
    if end == index or end >= len(doc) or starts_a_line(doc, end) or int(doc[index].text[:4]) >= _LAST_CENTURY:
        return None
    if doc[end].lower_ in ("гг", "г"):
        return end + 2 if end + 1 < len(doc) and doc[end + 1].text == "." else end + 1
    return end + 1 if doc[end].lemma_ == "год" else None


def _closes_a_wars_years(doc: Doc, index: int) -> bool:
    """Whether the word «год» at `index` closes the years a war is named by (`_war_years_end`)."""
    start = index
    while start > 0 and (_YEARS.fullmatch(doc[start - 1].text) or doc[start - 1].text in _DASHES):
        start -= 1
    return 0 < start < index and doc[start - 1].lemma_ == "война" and _war_years_end(doc, start) is not None


def chain_after_a_state(doc: Doc, head: int, state_stop: int, lex: Lexicons, post: bool = False) -> int:
    """Where a body's or a post's name headed at `head` ends when it goes on past the end of a state's name read
    whole, inside which its genitive chain stopped (the tagger reads the state's own name as a nominative):
    «Посольства Королевства Таиланд | в Российской Федерации», «Послом Королевства Таиланд | в Российской Федерации»."""
    return _chain(doc, state_stop, _POST_FLAGS if post else _head_flags(doc, head, lex), lex)


_POST_FLAGS = frozenset({"in", "po"})  # what a post's chain takes: its place («Посол … в …»), what it deals with


def _two_word_state(doc: Doc, index: int) -> bool:
    """Whether a state's name of two capitalised words, an adjective and its noun in the nominative, starts at
    `index` after «Республики» («Южная Осетия», «Северная Македония», «Южный Судан»)."""
    if index + 1 >= len(doc):
        return False
    adjective, noun = doc[index], doc[index + 1]
    return adjective.pos_ == "ADJ" and is_cap(adjective) and is_cap(noun) and noun.pos_ in ("PROPN", "NOUN") \
        and case_of(adjective) == "Nom" and agrees(adjective, noun) and not _person_named(doc, index + 1)


def past_adjectives(doc: Doc, index: int, lowercase: bool = False) -> int:
    """The first token from `index` on that is no adjective (in small letters, with `lowercase`): the noun they go
    with, or the end of the doc."""
    while index < len(doc) and doc[index].pos_ == "ADJ" and (doc[index].is_lower or not lowercase):
        index += 1
    return index


def _quoted_head_after(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the «и» at `index` goes on with another named thing: a head noun, its adjectives before it, and its
    quoted name («Успенского собора | и мемориального комплекса «Хатынь»»: two sites, not one)."""
    noun = past_adjectives(doc, index + 1)
    return noun + 1 < len(doc) and _head_word(doc[noun].lemma_, lex) in lex.heads \
        and doc[noun + 1].text == _QUOTE_OPEN


def _named_before(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a place or a name ends right before token `index` («… Смоленской области | и главного управления
    …», «… Республики Беларусь | и …»): what a body deals with comes before them, so a lowercase genitive
    coordinated after them is another party."""
    before = doc[index - 1]
    return is_cap(before) or before.lemma_ in lex.region_words


def post_after_name(doc: Doc, index: int, lex: Lexicons) -> bool:
    """A capitalised post right after a capitalised word of a name: official texts capitalise posts, and the
    name before it is complete («… Российской Федерации | Руководителя Аппарата …»); not after another post or
    a unit a post's office is («Аппарата Губернатора …», «Администрации Президента …», «… представителя
    Президента …»)."""
    if index == 0 or lemmas(doc)[index] not in lex.positions:
        return False  # (no post's word: most words)
    token, before = doc[index], doc[index - 1]
    office = lex.head_flags(before.lemma_) & {"leader", "post", "of"}
    return token.lemma_ in lex.positions and is_cap(token) and is_cap(before) \
        and before.lemma_ not in lex.positions and not office


def _compound(before: Token, after: Token, lex: Lexicons) -> bool:
    """Two lowercase nouns in the plural and one case round a spaced hyphen: one compound («стран - экспортеров»),
    not a dash before the next party's post («… области – министра …»)."""
    return all(token.pos_ == "NOUN" and token.is_lower and feature(token, "Number") == ("Plur",)
               for token in (before, after)) and case_of(before) == case_of(after) and after.lemma_ not in lex.positions


def _own_name(doc: Doc, index: int, lex: Lexicons) -> bool:
    """A Cyrillic proper noun right after a capitalised body's head outside quotation marks: the body's name
    («Университета Нешателя»), which the tagger may read in no case the chain knows."""
    head = doc[index - 1]
    return index > 1 and _cyrillic_name(doc[index]) and is_cap(head) and lex.names_body(head.lemma_) \
        and doc[index - 2].text not in OPENING_QUOTES


def _parents_letters(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the word at `index`, after a genitive, is a body's short name that does not decline
    (`undeclined_letters`), not a legal form opening a quoted name («… предприятия | ОАО «Белшина»»)."""
    word = doc[index].text
    return undeclined_letters(word) and word not in lex.legal_forms and _is_gen(doc[index - 1]) \
        and not (index + 1 < len(doc) and doc[index + 1].text in OPENING_QUOTES)


def undeclined_letters(word: str) -> bool:
    """Whether a word is a body's short name of letters that does not decline: its last letter a capital («СмолГУ»,
    «ВГУ»; not «Минобрнауки», «МИДа»)."""
    return _SHORT_NAME.match(word) is not None and word[-1].isupper()


def _cyrillic_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and is_cap(token) and not latin_word(token.text)


def regions_served(doc: Doc, index: int, lex: Lexicons) -> int | None:
    """Where the regions a body serves end, if «по» at `index` opens them: places natasha found, in the dative
    («управления ФСБ по Чечне», «… по Санкт-Петербургу и Ленинградской области»), or regions' adjectives sharing
    their word («… по Брянской, Смоленской и Калужской областям»)."""
    if doc[index].lower_ != "по":
        return None
    if (shared := _regions_sharing_a_word(doc, index + 1, lex)) is not None:
        return shared
    regions = natasha_spans(doc, "LOC")
    if index + 1 not in regions or case_of(doc[index + 1]) != "Dat":
        return None
    index = regions[index + 1]
    while index + 1 < len(doc) and doc[index].lower_ == "и" and index + 1 in regions \
            and case_of(doc[index + 1]) == "Dat":
        index = regions[index + 1]
    return index


def _regions_sharing_a_word(doc: Doc, index: int, lex: Lexicons) -> int | None:
    """Where capitalised adjectives listed before one plural region's word in the dative end, from `index`
    («Брянской, Смоленской и Калужской областям»; the tagger may read an adjective's «-ой» in another case)."""
    adjectives = 0
    while index + 1 < len(doc) and is_cap(doc[index]) and doc[index].pos_ == "ADJ":
        adjectives += 1
        index += 1
        if doc[index].lower_ in (",", "и") and index + 1 < len(doc) and is_cap(doc[index + 1]):
            index += 1
    words = lex.region_words
    if adjectives < 2 or index >= len(doc) or doc[index].lemma_ not in words or case_of(doc[index]) != "Dat" \
            or "Plur" not in feature(doc[index], "Number"):
        return None
    return index + 1


def abbreviated_place(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a place's name starts at token `index` with its abbreviated word: "г. Смоленска", "р. Днепр"."""
    return (lowers(doc)[index], ".") in lex.place_prefixes and index + 2 < len(doc) and doc[index + 1].text == "." \
        and is_cap(doc[index + 2]) and doc[index + 2].pos_ in _CHAIN_POS


def common_after_place(doc: Doc, index: int) -> bool:
    """Whether token `index` is a common noun right after a place natasha found: no part of a name the place ends
    («… Российской Федерации | информации, необходимой …», «… банка Швеции | памяти …»: the clause's words)."""
    if not (doc[index].is_lower and doc[index].pos_ == "NOUN" and doc[index - 1].pos_ in ("NOUN", "PROPN")):
        return False  # not after a place's adjective («Гродненского облисполкома»), not an adjective whose noun
        # may head another part of the name («… коллектив Республики Беларусь образцового театра …»)
    return index in natasha_spans(doc, "LOC").values()


def _person_named(doc: Doc, index: int) -> bool:
    """Whether a person natasha found is named in the nominative from token `index`: the clause's subject, no
    part of a name before it (one in the genitive may be: «музей Героя Советского Союза Миная … Шмырева»)."""
    return index in natasha_spans(doc, "PER") and case_of(doc[index]) == "Nom"


def _full_name_at(doc: Doc, index: int) -> bool:
    """Whether a person natasha found by two words or more starts at token `index`, in any case: no town's second
    word («в г. Смоленске | Ирины Владимировны Новиковой»)."""
    return natasha_spans(doc, "PER").get(index, index) - index >= 2


def natasha_spans(doc: Doc, label: str) -> dict[int, int]:
    """Where each of natasha's entities of a type starts, and where it stops; worked out once per Doc."""
    key = f"natasha {label} spans"
    spans = doc.user_data.get(key)
    if spans is None:
        spans = doc.user_data[key] = {s.start: s.end for s in doc.spans[NATASHA_SPANS] if s.label_ == label}
    return spans


def post_after(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the words from `index` are a post («и первого заместителя …»): its adjectives, then its noun."""
    index = _past_adjectives(doc, index)
    return index < len(doc) and doc[index].lemma_ in lex.positions


def _subject_end(doc: Doc, index: int, lex: Lexicons, joint: bool = False) -> int:
    """Where what a body deals with (after its «по») or whom a memorial honours (after «в честь»), starting at token
    `index`, ends: the words `_in_subject` takes, and the place a body serves («ГУ МВД России по г. Москве»)."""
    while index < len(doc):
        if abbreviated_place(doc, index, lex):
            index += 3
        elif _in_subject(doc, index, joint):
            index += 1
        else:
            break
    return index


def _in_subject(doc: Doc, index: int, joint: bool = False) -> bool:
    """Whether token `index` goes on what a body deals with, the words after its «по»: a noun phrase's word,
    «и» before a lowercase one that is no post (or, in a joint body's name, a genitive: the states whose body it is,
    «… водных объектов Российской Федерации и Республики Беларусь»), a comma inside a list closed by «и»; not a
    capitalised nominative, which opens another name ("Агентство по страхованию вкладов | Банк России …")."""
    token = doc[index]
    if token.lower_ == "и":
        return index + 1 < len(doc) and (not is_cap(doc[index + 1]) or joint and _is_gen(doc[index + 1])) \
            and not post_after(doc, index + 1, load_lexicons()) and not _genitive_after_another_case(doc, index) \
            and not of_a_body_after(doc, index + 1, load_lexicons())
    if token.text == ",":
        return _listed(doc, index)
    if token.lower_ in _SUBJECT_PREPOSITIONS:  # what the action after «по» deals with: «по контролю за оборотом …»
        return index + 1 < len(doc) and doc[index + 1].is_lower and doc[index + 1].pos_ in _CHAIN_POS \
            and doc[index - 1].pos_ == "NOUN" and doc[index - 2].lower_ == "по"
    return token.pos_ in _CHAIN_POS and not (is_cap(token) and case_of(token) == "Nom" and not _inflected_name(token))


def _genitive_after_another_case(doc: Doc, conjunction: int) -> bool:
    """Whether the «и» at `conjunction` joins a noun phrase in the genitive to a noun in another case: no word of
    the same list, but another party governed by what governs the name («коллегий Департамента … по образованию и
    науке | и главного управления по образованию …»; not «по делам молодежи и спорта»)."""
    before, noun = doc[conjunction - 1], past_adjectives(doc, conjunction + 1, lowercase=True)
    return noun < len(doc) and before.pos_ == "NOUN" and case_of(before) not in (None, "Gen") \
        and doc[noun].pos_ == "NOUN" and _is_gen(doc[noun])


def _opens_chain(doc: Doc, first: int, noun: int, lex: Lexicons) -> bool:
    """Whether the noun at `noun` is the first of a chain starting at `first`, or of a body's word in it, after
    lowercase adjectives only («образования», «высшего образования»; «Управления Федеральной службы | государственной
    регистрации»)."""
    if first > noun:
        return False
    opening = max((i + 1 for i in range(first, noun) if lex.names_body(doc[i].lemma_)), default=first)
    return all(doc[i].pos_ == "ADJ" and doc[i].is_lower for i in range(opening, noun))


def _listed(doc: Doc, comma: int) -> bool:
    """Whether a comma goes on a list closed by «и» («комитет … по природным ресурсам, собственности и земельным
    отношениям», «… по вопросам семьи, женщин и детей»): lowercase words in the case of the word before the comma,
    none naming a body, up to an «и» before one more."""
    case = case_of(doc[comma - 1])
    index = comma + 1
    while index < len(doc) and doc[index].is_lower and doc[index].pos_ in _CHAIN_POS:
        if doc[index].pos_ == "NOUN" and (case_of(doc[index]) != case or lowercase_body_word(doc[index],
                                                                                              load_lexicons())):
            return False  # another case, or another party («Министерства культуры, | общественных организаций …»)
        index += 1
        if index < len(doc) and doc[index].text == ",":
            index += 1
        elif index + 1 < len(doc) and doc[index].lower_ == "и":
            # (or what the body deals with: «отдел идеологической работы, культуры и по делам молодежи»)
            return index > comma + 1 and doc[index + 1].is_lower and (
                doc[index + 1].pos_ in _CHAIN_POS or doc[index + 1].lower_ == "по" and index + 2 < len(doc)
                and doc[index + 2].is_lower)
    return False


def lowercase_body_word(token: Token, lex: Lexicons) -> bool:
    """Whether a lowercase word heads an organisation's name («палаты»): what is coordinated with it is another
    party («… палаты и предприятий …»); a capitalised one may be a state's name («Федерации и Республики …»)."""
    return token.is_lower and lex.names_body(token.lemma_)


def of_a_body_after(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a lowercase noun has a body's capitalised head word right after it: a common noun of another body's
    («… по культуре и коллегии | Министерства культуры …»), no word of what a name deals with."""
    after = index + 1
    return doc[index].is_lower and doc[index].pos_ == "NOUN" and after < len(doc) and is_cap(doc[after]) \
        and lex.names_body(doc[after].lemma_)


def name_stop_tokens(doc: Doc, lex: Lexicons) -> frozenset[int]:
    """The tokens no name goes on over: a name-stop noun (`name_stops.tsv`) and the adjectives before it
    («восьмого созыва»), and «по» with a lowercase noun after it that says why or how (`po_adverbials.tsv`:
    «… | по итогам года»; not «Комитетом по Оценке СМИ»); worked out once per Doc (the rules' chains and the
    parser's names both ask)."""
    found = doc.user_data.get("name stops")
    if found is None:
        stops: set[int] = set()
        for index, lemma in enumerate(lemmas(doc)):
            dated = lemma in lex.dated_stops and doc[index].is_lower and index > 0 and (
                doc[index - 1].is_lower and doc[index - 1].pos_ in ("ADJ", "DET") or doc[index - 1].like_num) \
                and not _closes_a_wars_years(doc, index)
            if lemma not in lex.name_stops and not dated and not (lemma in lex.po_adverbials and doc[index].is_lower):
                continue
            before = index - 1
            while before >= 0 and (doc[before].pos_ == "ADJ" or dated and before == index - 1):
                before -= 1  # «восьмого созыва», «по предварительным итогам», «этого года», «2024 года»
            if lemma in lex.name_stops or dated:
                stops.update(range(before + 1, index + 1))
            elif before >= 0 and doc[before].lower_ == "по":
                stops.update(range(before, index + 1))
        found = doc.user_data["name stops"] = frozenset(stops)
    return found


def _left(doc: Doc, head: int, lex: Lexicons) -> int:
    """Extend a noun phrase to the left over the adjectives that agree with its head."""
    start = head
    while start > 0:
        token = doc[start - 1]
        if ORDINAL.match(token.text):
            return start - 1  # a unit's number opens its name: "1-й армии", "2-й гвардейской армии"
        if (decorated := decoration_before(doc, start)) is not None and decorated > 0 \
                and _agrees(doc, doc[decorated - 1], head, lex):
            start = decorated - 1  # the orders it was awarded stand among its adjectives («Московского ордена Ленина
            # института»)
        elif _agrees(doc, token, head, lex):
            start -= 1
        elif token.lower_ == "и" and start < head and start >= 2 and doc[start - 2].pos_ == "ADJ" \
                and _agrees(doc, doc[start - 2], head, lex):
            start -= 2  # adjectives joined by «и» name it together: «Деловой и культурный комплекс»
        else:
            break
    if doc[start].is_lower:
        # a name opens with its capital, what is lowercase before it describes the body ("левоцентристской
        # Демократической партии", "городского Департамента культуры"); a capital before them holds them
        # ("Национального академического Большого театра")
        start = next((i for i in range(start, head + 1) if is_cap(doc[i])), start)
    return start


def a_member(doc: Doc, start: int, index: int, lex: Lexicons) -> bool:
    """Whether the capitalised word at `index`, after «и» in a joint body's name from `start`, opens another member
    of it: a state («Союза Беларуси и России», «… Российской Федерации и Республики Беларусь») or a body named as one
    before it is («Совета Федерации … и Совета Республики …»); not another body after it («Витебского областного Союза
    женщин и Республиканского общественного объединения …», «Совета Министров Союзного государства и Высшего
    Евразийского экономического совета»; nor a body whose adjective only is one before it: «Витебского отделения
    Белорусской железной дороги и Белорусского республиканского союза молодежи»)."""
    word = doc[index]
    named_before = {doc[i].lemma_ for i in range(start, index - 1) if is_cap(doc[i])}
    # (a body's head the tagger reads as a name opens no member but one named as one before is: «Союза молодежи
    # Хошимина и Посольства Российской Федерации» are two bodies)
    if word.pos_ == "PROPN" and not lex.names_body(word.lemma_) or word.lemma_ in lex.region_words \
            or word.pos_ != "ADJ" and word.lemma_ in named_before:
        return True
    # or a state's body of a word a member before is named by, after its adjectives («Межпарламентской комиссии
    # Федерального Собрания Российской Федерации и Национального собрания Республики Беларусь»)
    noun = past_adjectives(doc, index)
    return noun + 1 < len(doc) and doc[noun].lemma_ in named_before and lex.names_body(doc[noun].lemma_) \
        and _state_named_at(doc, noun + 1)


def _legal_form_before(doc: Doc, start: int, lex: Lexicons) -> int:
    """Where a body's name opens with the legal form written before it unquoted: a known form («ОАО Минский
    автомобильный завод») or a school's form and level («ФГБОУ ВО Российский университет дружбы народов»)."""
    if not is_cap(doc[start]):
        return start
    if start >= 2 and doc[start - 1].text in lex.education_levels and is_abbreviation(doc[start - 2], lex):
        return start - 2
    return start - 1 if start >= 1 and doc[start - 1].text in lex.legal_forms else start


def _agrees(doc: Doc, token: Token, head: int, lex: Lexicons) -> bool:
    """Whether a word before a head noun is an adjective of its name, agreeing with it."""
    if token.pos_ not in ("ADJ", "VERB", "PROPN"):
        return False  # (each reading below is of one of these: a quicker test)
    # a capitalised compound adjective ("Российско-Белорусской") often has no case from the tagger
    cased = case_of(token) is not None or (is_cap(token) and "-" in token.text)
    # a position noun the tagger took for an adjective is no part of the name ("заместителем
    # Председателя Совета Федерации": the council)
    position = token.lemma_ in lex.positions and not _ADJECTIVE_ENDING.search(token.lemma_)
    # a lowercase participle is a clause's, no part of the name ("созданном Следственном комитете"), but for one
    # of `name_participles.tsv` («управляющей компании»)
    agreed = token.pos_ == "ADJ" or (token.pos_ == "VERB" and (is_cap(token) or token.lemma_ in lex.name_participles))
    if _compound_name_fits(token, doc[head]):
        return True
    if token.pos_ == "PROPN" and is_cap(token) and PLACE_ADJECTIVE.search(token.lower_):
        # a town's adjective the tagger took for a surname, before a word that only a town's adjective opens
        # («Кричевский райисполком», «Быховского районного …»; not «направил Ковальский комитету»); a state's, before
        # the rest of its official name in its case («Лаосской Народно-Демократической Республики»)
        after = doc[token.i + 1]
        return _AFTER_PLACE_ADJECTIVE.match(after.lower_) is not None or doc[head].lemma_ == "республика" \
            and is_cap(after) and case_of(token) is not None and case_of(token) == case_of(doc[head])
    # only a word with an adjective's ending: the tagger reads a verb a sentence opens with as an adjective, even in
    # the case of the name after it («Выступил Смоленский камерный оркестр», «Окончил философский факультет»); a
    # capitalised word the tagger cased otherwise, or an inanimate noun's adjective its nominative for accusative
    # («английское отделение»: spelt alike), still agrees
    form = _ADJECTIVE_FORM.search(token.lower_) is not None
    # (a participle in another case is a clause's, capitalised by a sentence's start: «Поддерживаемый Кремлём»)
    clause = token.pos_ == "VERB" and case_of(token) != case_of(doc[head])
    return agreed and cased and form and not position and not clause and token.text not in _STOP \
        and (case_of(token) == case_of(doc[head]) or (is_cap(token) or _nom_acc(token, doc[head])
                                                      or _feminine_oblique(token, doc[head]))
             and _same_number(token, doc[head])) or _caseless_compound_fits(token, doc[head])


def _caseless_compound_fits(token: Token, head: Token) -> bool:
    """A lowercase compound adjective the tagger leaves without a case, with an ending of its head's case
    («Республиканского научно-практического центра»)."""
    return token.is_lower and _caseless_compound(token, case_of(head))


def _compound_name_fits(token: Token, head: Token) -> bool:
    """A capitalised compound adjective the tagger took for a name, in whatever case, with an ending of its head's
    case («в Спасо-Евфросиниевский женский монастырь»: a name in the prepositional, by the tagger)."""
    endings = ADJECTIVE_CASE_ENDINGS.get(case_of(head) or "")
    return token.pos_ == "PROPN" and is_cap(token) and "-" in token.text and endings is not None \
        and endings.search(token.lower_) is not None


# an ordinal in figures, its number apart: «1-й», «52-го», «2-ая»
ORDINAL = re.compile(r"^(\d+)-(?:й|я|е|го|му|м|х|ю|ой|ый|ий|ая|ое|ую|ые|ых|ым|ми)$")
# a Belarusian executive committee's word, which only a town's or a district's adjective opens: «райисполком»,
# «Мингорисполком», «Витоблисполком»
EXECUTIVE_COMMITTEE = re.compile(r"(?:обл|гор|рай)исполком")
_AFTER_PLACE_ADJECTIVE = re.compile(rf"{EXECUTIVE_COMMITTEE.pattern}|районн|областн|городск")
# the endings of a town's or a district's adjective («Кричевский», «Горецкого»), which surnames share
PLACE_ADJECTIVE = re.compile(r"[сц]к(?:ий|ой|ая|ое|ие|ого|ому|им|ом|ую|их|ими)$")
_ADJECTIVE_FORM = re.compile(r"(?:[ыиоя]й|[ая]я|[оеыи]е|[ое]го|[ое]му|[ыи]ми?|[оеё]м|[ую]ю|[ыи]х|[оеё]й)$")


def _is_joint(token: Token, lex: Lexicons) -> bool:
    """Whether an adjective makes the body it describes a joint one, named with its members
    (`joint_adjectives.tsv`, or a compound of two states' adjectives: «Российско-Белорусской»)."""
    return token.lemma_ in lex.joint_adjectives or _STATES_COMPOUND.match(token.lower_) is not None


def _same_number(adjective: Token, noun: Token) -> bool:
    """Whether an adjective has its noun's number, where the tagger gives both ("Предложенные Центром": no); a noun
    the tagger took for a verb has a verb's number («Брестским облисполкомом»), which says nothing, and so does a
    plural it gives a noun with a singular's ending no plural has («Минским облисполкомом»: read as a dative
    plural)."""
    left, right = feature(adjective, "Number"), feature(noun, "Number")
    return not left or not right or left == right or noun.pos_ == "VERB" \
        or right == ("Plur",) and _singular_ending(noun)


def _singular_ending(noun: Token) -> bool:
    """Whether a noun ends as a masculine's or a neuter's instrumental singular, which no plural of theirs does
    (a feminine's genitive plural may: «проблем», «систем»)."""
    return noun.lower_.endswith(("ом", "ем", "ём")) and not noun.lemma_.endswith(("а", "я"))


def _nom_acc(adjective: Token, noun: Token) -> bool:
    """Whether the tagger read one of an inanimate noun and its adjective as nominative, the other as accusative."""
    return {case_of(adjective), case_of(noun)} == {"Nom", "Acc"} and feature(noun, "Animacy") == ("Inan",)


_OBLIQUE = frozenset({"Gen", "Dat", "Ins", "Loc"})


def _feminine_oblique(adjective: Token, noun: Token) -> bool:
    """Whether an adjective in «-ой»/«-ей» comes before a feminine noun in the singular of a case other than the
    nominative or the accusative, where that ending is one of every such case and the tagger may read another
    («Смоленской областной универсальной научной библиотекой»: «областной» read as a genitive)."""
    return adjective.lower_.endswith(("ой", "ей")) and case_of(adjective) in _OBLIQUE \
        and case_of(noun) in _OBLIQUE and feature(noun, "Gender") == ("Fem",) and feature(noun, "Number") == ("Sing",)


def _quoted_after_legal_form(doc: Doc, head: int, lex: Lexicons) -> Chunk | None:
    """An organisation named by a legal form and a quoted name: "ОАО «Ольса»", "ОГБОУ ВО «…»"; a school's form
    and level and its short name («ФГБОУ ВО СмолГУ», «ОГАУ ДПО СОИРО»: `_school_short_name`); or a known legal form
    and a name of one word unquoted («ПАО Сбербанк»: `_one_word_name_after`)."""
    if head > 0 and is_abbreviation(doc[head - 1], lex):
        return None  # the second word of "ОГБОУ ВО «…»"
    index = head + 1
    if index < len(doc) and is_abbreviation(doc[index], lex):
        index += 1  # ОГБОУ ВО «…», ГБУК НО «…»
    end = quote_end(doc, index) if index < len(doc) else None
    if end is None and index == head + 2 and doc[head + 1].text in lex.education_levels:
        end = _school_short_name(doc, index, lex)
    if end is None and index == head + 1 and doc[head].text in lex.legal_forms:
        end = _one_word_name_after(doc, index)
    if end is not None and any(doc[i].text == "№" for i in range(index, end)):
        end = _numbered_units_town(doc, end, lex)
    if end is None and index == head + 1:
        end = _numbered_or_a_towns(doc, index, lex)
    return Chunk(head, end, "ORG", head) if end else None


def _numbered_or_a_towns(doc: Doc, index: int, lex: Lexicons) -> int | None:
    """Where a body named by its kind's letters alone ends, the acronym before `index` followed by its number, its
    town in the genitive after it as may be («СШ № 5 г. Витебска», «ДШИ № 1»), or by its town alone («ДЮСШ г.
    Орши»); None otherwise, and for letters that name no body («СМИ г. Смоленска»)."""
    if doc[index - 1].text in lex.not_organisations:
        return None
    if index + 1 < len(doc) and doc[index].text == "№" and doc[index + 1].like_num:
        return _numbered_units_town(doc, index + 2, lex)
    town = _numbered_units_town(doc, index, lex)
    return town if town > index else None


def _numbered_units_town(doc: Doc, end: int, lex: Lexicons) -> int:
    """Where a numbered unit's name ends that its town in the genitive goes on after its quoted name: every town has
    its «СШ № 2» («МБОУ «СШ № 2» г. Смоленска», «МБДОУ «Детский сад № 5» г. Рославля»); not a town in the
    nominative, an address's."""
    if end < len(doc) and abbreviated_place(doc, end, lex) and doc[end].lower_ == "г" \
            and doc[end + 2].lower_.replace("ё", "е") != doc[end + 2].lemma_.replace("ё", "е"):  # (inflected)
        return end + 3
    return end


_SHORT_NAME = re.compile(r"^(?:[А-ЯЁ]{2,9}|[А-ЯЁ][а-яё]+[А-ЯЁ][А-ЯЁа-яё]*)$")  # «СГМУ», «СмолГУ», «МосГУ»


def _school_short_name(doc: Doc, index: int, lex: Lexicons) -> int | None:
    """Where a school's short name after its form and level ends: capitalised adjectives and an acronym («Смоленская
    ГСХА», «СмолГУ»), and its number; None where no acronym ends it. The body it is of stays apart, as after a
    quoted name («ФГБОУ ВО СГМУ | Минздрава России»)."""
    stop = index
    while stop < len(doc) and is_cap(doc[stop]) and doc[stop].pos_ == "ADJ" and not _SHORT_NAME.match(doc[stop].text):
        stop += 1
    if stop >= len(doc) or not _SHORT_NAME.match(doc[stop].text) or starts_a_line(doc, stop):
        return None
    return numbered_end(doc, stop + 1, frozenset(), lex) or stop + 1


_BOARDS = frozenset({("совет", "директоров")})  # a company's board, named by its head and the word after it


def _title_after_coordinated_bodies(doc: Doc, index: int, flags: frozenset[str], lex: Lexicons) -> int | None:
    """Where the quoted title of an event ends that follows the bodies coordinated by «и» in its chain, whose event
    it is, from the «и» at `index` on («Совместная выставка Смоленского музея-заповедника | и Витебского областного
    краеведческого музея «Память и время»»: the exhibition's title, no name of the second museum); None where no
    quotation follows them."""
    coordinated = index
    while coordinated + 1 < len(doc) and doc[coordinated].lower_ == "и" and is_cap(doc[coordinated + 1]) \
            and _is_gen(doc[coordinated + 1]):
        coordinated = _chain(doc, coordinated + 1, flags, lex)
    return quote_end(doc, coordinated) if index < coordinated < len(doc) else None


def named_phrase(doc: Doc, head: int, lex: Lexicons) -> Chunk | None:
    """The organisation, site, event or document a head noun (or legal form) opens, if named."""
    token = doc[head]
    if is_abbreviation(token, lex):
        return _quoted_after_legal_form(doc, head, lex)
    lemma = head_lemma(token, lex)
    if lemma not in lex.heads:
        return None
    klass, flags = lex.heads[lemma]
    start = _left(doc, head, lex)
    if label_of(klass) == "ORG":
        start = _legal_form_before(doc, start, lex)
    if "cultural" in flags and not any("культурн" in doc[i].lower_ for i in range(start, head)):
        return None  # «Гагаузская автономия»: a territory, no body
    if "meet" in flags and any(doc[i].lemma_ in lex.meeting_adjectives for i in range(start, head)):
        klass = "event"  # «Торжественное собрание «…»»: a meeting, not a body
    if "grave" in flags and head + 1 in natasha_spans(doc, "PER"):
        return None  # «к могиле Бориса Ельцина»: the person's grave, no site
    if "lot" in flags and start == head and token.is_lower and head + 1 < len(doc) and doc[head + 1].is_lower \
            and doc[head + 1].pos_ in ("NOUN", "ADJ") and case_of(doc[head + 1]) == "Gen":
        return None  # «партию оборудования производства компании «Mindray»»: a lot of goods, no party
    if "state" in flags and start == head > 0 and doc[head - 1].pos_ in ("NOUN", "PROPN") and is_cap(token) \
            and head + 1 < len(doc) and is_cap(doc[head + 1]):
        return None  # "Совета Федерации Федерального Собрания": the state the body before is of
    if "post" in flags and start > 0 and doc[start - 1].lemma_ in lex.positions and not is_cap(token):
        return None  # "руководитель аппарата …": the post's, the body after it the party (a capital names the
        # unit itself: «Руководителя Аппарата Правительства Российской Федерации»)
    if start > 0 and doc[start - 1].lemma_ in lex.positions and not is_cap(token) and head + 1 < len(doc) \
            and (lemma, doc[head + 1].lower_) in _BOARDS:
        return None  # «председатель совета директоров корпорации «…»»: the board is the post's, the company the party
    if head + 1 < len(doc) and is_abbreviation(doc[head + 1], lex) \
            and not any(is_cap(doc[i]) for i in range(start, head + 1)) \
            and not ("of" in flags and _short_name(doc, head + 1, lex)):
        # "музей АО «ПО «Кристалл»": a word describing the organisation named next; but a branch of it named by its
        # place or its own quoted name is one («филиала АО «Россельхозбанк» в г. Смоленске», «филиал ПАО «Россети
        # Центр» – «Смоленскэнерго»»; the parent is one too)
        branch = _branch_of(doc, head, lex) if "in" in flags and "of" in flags else None
        return Chunk(start, branch, "ORG", head) if branch is not None else None
    if any(_is_joint(doc[i], lex) for i in range(start, head)):
        flags = flags | {"joint"}
    if start > 0 and case_of(token) == "Gen" and lex.names_body(head_lemma(doc[start - 1], lex)):
        # the parent in a unit's name: the regions the unit serves are the unit's («Управления Федеральной налоговой
        # службы | по Смоленской области»: the service is federal)
        flags = flags | {"parent"}
    index = head + 1
    if lemma == "общество" and doc[index:index + 3].text.lower() in (
            "с ограниченной ответственностью", "с дополнительной ответственностью"):
        index += 3
    index = _over_its_other_name(doc, head, _chain(doc, index, flags, lex), flags, lex)
    namesake = named_for(doc, head, lex)
    if namesake is not None:
        index = max(index, namesake)  # the person a museum is named for is its name's: «музея Ю.А. Гагарина»
    leader = led_by(doc, head, lex)
    if leader is not None:
        index = max(index, leader)
        if token.is_lower:
            start = head  # a government named by its leader: what is lowercase before it describes it
            # («беспартийном | правительстве Яна Фишера», «предыдущем | кабинете Синдзо Абэ»)
    # a unit of a body named by its short name: "философский факультет МГУ"; one that is no body without a name of
    # its own, by one of small letters too («кафедры истории России СмолГУ»; not «агентства БелТА», which is БелТА)
    if "of" in flags and _short_name(doc, index, lex, mixed="q" in flags):
        index += 1
    numbered = "num" in flags and ORDINAL.match(doc[start].text) is not None
    if "num" in flags and (after := numbered_end(doc, index, flags, lex)) is not None:
        index, numbered = after, True  # "исправительной колонии № 5", "школы № 1 Махачкалы"
    # a region's word without its adjective is named after it ("Университета штата Огайо"), not one after an
    # adjective ("… Смоленской области Анохин")
    region_word = doc[index - 1].lemma_ in lex.region_words and doc[index - 2].pos_ != "ADJ"
    if index - 1 > head and index < len(doc) and ((doc[index - 1].lemma_,) in lex.place_prefixes or region_word) \
            and doc[index - 1].is_lower and is_cap(doc[index]) and doc[index].pos_ in ("PROPN", "NOUN"):
        # a chain never ends on a place word whose name the tagger left out of it ("… матери города Рудни"):
        # the town is an organisation's ("Администрации города Рудни"), a site's own place besides it
        index = index + 1 if label_of(klass) == "ORG" else index - 1
    elif label_of(klass) != "ORG" and index - 2 > head and (doc[index - 2].lemma_,) in lex.place_prefixes \
            and doc[index - 2].is_lower and is_cap(doc[index - 1]):
        index -= 2  # the chain took the town's name too ("… матери города Рудни"): a site's place is besides it
    elif label_of(klass) != "ORG" and index - 3 > head and abbreviated_place(doc, index - 3, lex) \
            and lex.place_prefixes[(doc[index - 3].lower_, ".")] == "city":
        index -= 3  # and with its word abbreviated («площади Победы г. Витебска»; not a river: «Набережная р. Днепр»)
    back = index
    while back - 1 > head and is_abbreviation(doc[back - 1], lex):
        back -= 1
    parent = _parent_after(doc, back, lex) if back < index else None
    if parent is not None:
        index = back  # "отделом … ГБУК «…»", "… АНО ЦСПИ «…»": the quotation names the legal form's organisation
    else:
        parent = _parent_after(doc, index, lex)
    # a body named by its own word has its name: a quotation after it names something else («… Концерна
    # Росэнергоатом «Лига Дружбы Россия – Беларусь»»: the league)
    own_named = head + 1 < index and _own_name(doc, head + 1, lex)
    # (nor a quotation on the next line, but after the head alone at its line's end: a list's next item, a caption:
    # «… памятник героям Великой Отечественной войны⏎«Георгиевская ленточка»»; not «компании⏎«Белшина»»)
    end = quote_end(doc, index) if index < len(doc) and parent is None and not own_named \
        and (not starts_a_line(doc, index) or index == head + 1 and wraps_a_line(doc, index)) else None
    if label_of(klass) in ("EVENT", "DOC"):
        # its quotation is its title, whatever it opens with: nothing in «О ходе работы по расширению … поста «Красная
        # Горка»» is a party to the event; nor a holiday's places («Дню единения народов России и Белоруссии»)
        # (a day named by a place straight after it is the place's, which takes part: «в Дне Гродненской области»;
        # «Дни культуры …»: days of an event, no holiday)
        if end is None and "holiday" in flags and is_cap(token) and index > head + 1 \
                and _names_a_holiday(doc, head, lex) and "Plur" not in feature(token, "Number"):
            while index + 1 < len(doc) and doc[index].lower_ == "и" and is_cap(doc[index + 1]) \
                    and case_of(doc[index + 1]) == "Gen":  # «… народов России и Белоруссии»
                index = max(index + 2, _chain(doc, index + 1, flags, lex))
            end = index
        if end is None:
            end = _title_after_coordinated_bodies(doc, index, flags, lex)
        return Chunk(head, end if end is not None else head + 1, label_of(klass), head)
    if index + 1 < len(doc) and (doc[index + 1].pos_ == "ADP" or doc[index + 1].is_lower):
        end = None  # «О результатах…» is a title, «будет и впредь …» someone's words: no organisation's name
    quoted = end is not None
    if quoted and index > head + 1 and _plural(token) and label_of(klass) == "ORG":
        return None  # "профильные комитеты Общероссийской … организации … «ОПОРА РОССИИ»": the quotation is the body's
    if end is not None:
        index = end
        nested = _nested_parent(doc, index, lex)
        if nested is not None:
            index = nested.stop
        elif (region := _municipalitys_region(doc, index, lex)) is not None:
            index = region
    label = label_of(klass)
    if "body" in flags and head + 1 < index and is_cap(doc[head + 1]) and case_of(doc[head + 1]) == "Gen" \
            and lex.names_body(head_lemma(doc[head + 1], lex)):
        label = "ORG"  # a body's own complex is one of its units: «Деловой и культурный комплекс Посольства …»
    if "faith" in flags and any(doc[i].lemma_ in lex.confessions for i in range(start, head)):
        label = "ORG"  # a church as a religious body: "Русская православная церковь"
    # a unit named by the body it belongs to, lowercase as it may be: "министерство культуры Польши",
    # "философский факультет МГУ", "пресс-служба полиции РА" (the body's own name stays one too)
    # (not by a body's word alone, the body the text named before: «начальник отдела Министерства С.С. Сидоров»)
    genitives = list(_genitives(doc, head + 1, index))
    unit = label == "ORG" and "of" in flags and any(is_cap(doc[i]) for i in genitives) \
        and not (len(genitives) == 1 and "of" in _head_flags(doc, genitives[0], lex) and index == genitives[0] + 1)
    # or by what it deals with and the body after that («отдел по вопросам миграции УМВД России по Смоленской
    # области», «отдел идеологической работы, культуры и по делам молодежи Оршанского райисполкома»)
    po = next((i for i in range(head + 1, index) if doc[i].lower_ == "по"), None)
    unit = unit or label == "ORG" and {"of", "by"} <= flags and po is not None \
        and not any(is_cap(doc[i]) for i in range(head + 1, po)) and any(is_cap(doc[i]) for i in range(po + 1, index))
    if "q" in flags and not quoted and not unit:
        return None
    # unquoted, a name needs a capital on the head or an adjective before it: "Витебский областной
    # исполнительный комитет", not "образовательные организации Смоленской области"
    # or named after someone: "институт русского языка имени А. С. Пушкина"
    # a common noun for a body is not named by the capital a sentence's start gives it ("Местная полиция"), but a
    # town's adjective is a capital of its own («Смоленская крепостная стена»)
    capitals = range(start + 1 if "gen" in flags and opens_a_sentence(doc, start) else start, head + 1)
    named = unit or numbered or leader is not None or namesake is not None or any(is_cap(doc[i]) for i in capitals) \
        or any(named_after(doc, i) for i in range(head + 1, index)) if label == "ORG" else \
        any(is_cap(doc[i]) for i in range(capitals.start, index)) or PLACE_ADJECTIVE.search(doc[start].lower_) \
        is not None and is_cap(doc[start])
    if label == "ORG" and not named and "by" in flags:
        # a unit named by what it deals with: "комитета по обороне", "комиссии по делам несовершеннолетних"
        named = any(doc[i].lower_ == "по" for i in range(head + 1, index))
    if label == "ORG" and not named and "in" in flags:
        # a branch of a named body in a place: "отделение Посольства Республики Беларусь … в г. Смоленске"
        within = [i for i in range(head + 1, index) if doc[i].lower_ in ("в", "во")]
        named = bool(within) and any(is_cap(doc[i]) for i in range(head + 1, within[0]))
    if not quoted and (index - start < 2 or not named or _plural(token)):
        return None
    if not quoted and "act" in flags and start == head and opens_a_sentence(doc, head) \
            and not any(is_cap(doc[i]) for i in range(head + 1, index)):
        return None  # "Организация площадки": an action, capitalised by the sentence's start
    if (not quoted or doc[head].is_lower) and start == head and acts_on_what_follows(doc, head, lex):
        return None  # "Организация отдыха детей Республики Беларусь"; the quotation a lowercase one's object
        # holds is another body's («организация гастролей … ансамбля песни и танца «Алан»»)
    if not quoted and "act" in flags and start == head and _action_of_noun(doc, head, lex):
        return None  # "органов управления Республики Беларусь", "форм организации": an action a noun before governs
    if not quoted and "act" in flags and start == head and head > 0 and doc[head - 1].lower_ == "под":
        return None  # «хор под управлением заслуженного деятеля искусств РФ В.Е. Иванова»: led by him
    if parent is not None and label == "ORG":
        index = parent  # a branch named with its parent: "Оршанский колледж УО «…»" (the parent is one too)
    return Chunk(start, index, label, head, kind=PlaceKind.SITE if label == "LOC" else None)


def _plural(noun: Token) -> bool:
    """Whether the tagger reads a noun in the plural; not one it took for a verb, whose number is a verb's («Брестским
    облисполкомом»), nor one with a singular's ending no plural has («Минским облисполкомом», read as a dative
    plural)."""
    return "Plur" in feature(noun, "Number") and noun.pos_ != "VERB" and not _singular_ending(noun)


def numbered_end(doc: Doc, index: int, flags: frozenset[str], lex: Lexicons) -> int | None:
    """Where a unit's number («№ 5») at `index` and what names it after the number end («№ 1 Махачкалы», «№ 2 г.
    Смоленска»); None where no number stands there."""
    if index + 1 < len(doc) and doc[index].text == "№" and doc[index + 1].like_num:
        return _chain(doc, index + 2, flags, lex)
    return None


def _municipalitys_region(doc: Doc, end: int, lex: Lexicons) -> int | None:
    """Where the region after a municipality's quoted name ends, which is part of the body's name («Администрация
    муниципального образования «Вяземский район» Смоленской области»): an adjective and a region's word in the
    genitive right after a quotation whose last word is a district's; None otherwise."""
    if end + 1 >= len(doc) or end < 2 or doc[end - 2].lemma_ not in lex.region_words:
        return None
    adjective, word = doc[end], doc[end + 1]
    if not (is_cap(adjective) and adjective.pos_ == "ADJ" and word.lemma_ in lex.region_words
            and case_of(word) == "Gen"):
        return None
    return end + 2


def _branch_of(doc: Doc, head: int, lex: Lexicons) -> int | None:
    """Where a branch's name ends, a unit's lowercase head at `head` followed by its parent's legal form and quoted
    name, then the branch's place («… в г. Смоленске») or its own quoted name after a dash («… – «Смоленскэнерго»»);
    None where neither follows."""
    parent = _quoted_after_legal_form(doc, head + 1, lex)
    if parent is None or parent.stop + 1 >= len(doc):
        return None
    after = parent.stop
    if doc[after].text in ("–", "—", "-"):
        return quote_end(doc, after + 1)
    if doc[after].lower_ not in ("в", "во"):
        return None
    placed = _chain(doc, after, frozenset({"in"}), lex)
    return placed if placed > after + 1 else None


def _names_a_holiday(doc: Doc, head: int, lex: Lexicons) -> bool:
    """Whether the words after a holiday's head name a holiday, not the place whose day it is: a lowercase word
    («Дню единения народов …», «ко Дню независимости Республики Беларусь»), or a capitalised noun before a state's
    or a place's name, as the holiday is written in Belarus («Дню Независимости Республики Беларусь», «Дню
    Конституции Республики Беларусь», «Дня Государственного флага Республики Беларусь»); not a region's adjective
    and word («Дне Гродненской области») nor a place alone («Дне Витебска», «Дню Республики»)."""
    if doc[head + 1].is_lower:
        return True
    noun = head + 1
    while noun < len(doc) and is_cap(doc[noun]) and doc[noun].pos_ == "ADJ":
        noun += 1  # «Дня Государственного флага Республики Беларусь»
    return noun + 1 < len(doc) and doc[noun].pos_ in ("NOUN", "PROPN") and doc[noun].lemma_ not in lex.region_words \
        and is_cap(doc[noun + 1]) and case_of(doc[noun + 1]) in ("Gen", "Nom")


def led_by(doc: Doc, head: int, lex: Lexicons) -> int | None:
    """Where the leader a government is named after ends (flag "leader"): a person natasha found right after the
    head, or after the leader's post, in the genitive («Администрация Дональда Трампа», «администрации президента
    Билла Клинтона», «правительство Яна Фишера», «Правительство действующего премьер-министра Сооронбая
    Жээнбекова»)."""
    if "leader" not in _head_flags(doc, head, lex):
        return None
    post = head + 1
    while post < len(doc) and doc[post].is_lower and (doc[post].pos_ == "ADJ" or _participle(doc[post])):
        post += 1  # «правительство действующего премьер-министра …»
    index = post if post < len(doc) and doc[post].lemma_ in lex.positions else head
    persons = natasha_spans(doc, "PER")
    # the name's words in the genitive, not its initials, which the tagger reads in any case («с главой Администрации
    # И.И. Ивановым» is the head of an administration, no government named after him); nor a name by its initials
    # after a post the head is of, whatever case its surname may be read in: the post's holder («управляющей делами
    # Администрации И.И. Ивановой», a woman's surname the same in the genitive and the instrumental)
    if index + 1 not in persons or not any(case_of(doc[i]) == "Gen" and len(doc[i].text) > 1
                                           for i in range(index + 1, persons[index + 1])):
        return None
    if index == head and is_initial(doc, head + 1) and _after_a_post(doc, head, lex):
        return None
    return persons[index + 1]


def _after_a_post(doc: Doc, head: int, lex: Lexicons) -> bool:
    """Whether a post stands right before the word at `head` («главой | Администрации», «управляющей делами |
    Администрации»)."""
    before = head - 2 if head > 1 and doc[head - 1].lower_ == "делами" else head - 1
    return before >= 0 and (doc[before].lemma_ in lex.positions or _post_participle(doc, before, lex))


def _over_its_other_name(doc: Doc, head: int, index: int, flags: frozenset[str], lex: Lexicons) -> int:
    """Where a body's name ends that gives the body's other name in apposition, in brackets or after a dash, before
    the genitive chain both are of: the whole name («Государственного Собрания (Ил Тумэн) Республики Саха»,
    «Народного Собрания (Парламента) Республики Дагестан», «Народного собрания – Парламента Республики Абхазия»);
    `index` where no such name and chain follow (a short name in brackets is a name apart: «(ГД)»)."""
    if index + 3 >= len(doc) or doc[index].text not in ("(", "–", "—") \
            or not lex.names_body(head_lemma(doc[head], lex)) \
            or not any(is_cap(token) for token in doc[_left(doc, head, lex):head + 1]):
        return index
    if doc[index].text == "(":
        close = next((i for i in range(index + 2, min(index + 5, len(doc))) if doc[i].text == ")"), None)
        words = list(doc[index + 1:close]) if close is not None else []
        # (or the other word for its chain's last, in small letters in its case: «Конфедерации промышленников и
        # предпринимателей (нанимателей) Республики Беларусь»)
        in_small_letters = bool(words) and index > head + 1 and case_of(doc[index - 1]) is not None \
            and all(token.is_alpha and token.is_lower for token in words) \
            and case_of(words[0]) == case_of(doc[index - 1])
        capitalised = all(is_cap(token) and token.is_alpha and not token.text.isupper() for token in words)
        if close is None or not in_small_letters and not capitalised:
            return index
        after = close + 1
    elif doc[index].text in ("–", "—"):
        other_word = doc[index + 1]
        if not (is_cap(other_word) and other_word.pos_ in ("NOUN", "PROPN") and not other_word.text.isupper()
                and case_of(other_word) == case_of(doc[head])):
            return index
        after = index + 2
    else:
        return index
    if after >= len(doc) or not is_cap(doc[after]) or case_of(doc[after]) != "Gen":
        return index
    stop = _chain(doc, after, flags, lex)
    return stop if stop > after else index


def named_for(doc: Doc, head: int, lex: Lexicons) -> int | None:
    """Where the person a memorial body is named for ends (flag "namesake"): initials and a surname, or natasha's
    person, in the genitive right after the head or after the lowercase genitives of its name («музея Ю.А. Гагарина»,
    «Дом-музей М.И. Глинки», «Музей скульптуры С.Т. Коненкова», «музея Юрия Гагарина»); or the person a memorial
    honours (flag "honour"), in the dative right after it («Памятника М.И. Глинке»); None after a post, whose
    holder the person then is («директора музея И.И. Петрова»)."""
    flags = _head_flags(doc, head, lex)
    if "namesake" not in flags and "honour" not in flags:
        return None
    case = "Gen" if "namesake" in flags else "Dat"
    start = _left(doc, head, lex)
    if start > 0 and doc[start - 1].lemma_ in lex.positions:
        return None
    index = head + 1
    while case == "Gen" and index < len(doc) and doc[index].is_lower and doc[index].pos_ == "NOUN" \
            and case_of(doc[index]) == "Gen":
        index += 1  # «Музей скульптуры | С.Т. Коненкова»
    end = _person_in_case(doc, index, case)
    # (a memorial honours several: «Памятника Александру Твардовскому и Василию Теркину»)
    while case == "Dat" and end is not None and end + 1 < len(doc) and doc[end].lower_ == "и" \
            and (more := _person_in_case(doc, end + 1, case)) is not None:
        end = more
    return end


def _person_in_case(doc: Doc, index: int, case: str) -> int | None:
    """Where a person named in `case` from `index` on ends: initials and a surname, or natasha's person; None where
    none is."""
    stop = index
    while stop < len(doc) and is_initial(doc, stop) and stop - index < 4:
        stop += 2
    if stop > index:
        if stop >= len(doc) or not is_cap(doc[stop]):
            return None
        # (the tagger may read the surname as a nominative, its initials in the genitive: «С.Т. Коненкова»)
        surname = case_of(doc[stop])
        return stop + 1 if surname == case or surname in (None, "Nom") and case_of(doc[index]) == case else None
    person = natasha_spans(doc, "PER").get(index)
    if person is None or not all(case_of(token) == case for token in doc[index:person] if token.is_alpha):
        return None
    return person


def acts_on_what_follows(doc: Doc, head: int, lex: Lexicons) -> bool:
    """Whether a head with the flag "obj", opening a sentence, names an action on the lowercase genitive right
    after it («Организация отдыха детей Республики Беларусь», «Объединение усилий Смоленской и Витебской
    областей»), not a body, whose name goes on with a capital («Организация Объединенных Наций»); in lowercase
    anywhere, before a genitive of no living beings («Обсуждена организация гастролей Государственного ансамбля …»;
    not «организация ветеранов …»)."""
    after = head + 1
    return "obj" in _head_flags(doc, head, lex) and after < len(doc) \
        and doc[after].is_lower and doc[after].pos_ in ("NOUN", "ADJ") and case_of(doc[after]) == "Gen" \
        and (opens_a_sentence(doc, head) or doc[head].is_lower and "Inan" in feature(doc[after], "Animacy"))


def _action_of_noun(doc: Doc, head: int, lex: Lexicons) -> bool:
    """Whether a head in the genitive hangs from a common noun right before it, as an action does ("органов
    управления", "систем управления"), not from a position ("начальник управления ФСБ") or a name's head."""
    if head == 0 or case_of(doc[head]) != "Gen":
        return False
    before = doc[head - 1]
    return before.pos_ == "NOUN" and before.is_lower and before.lemma_ not in lex.positions \
        and before.lemma_ not in lex.heads


def _short_name(doc: Doc, index: int, lex: Lexicons, *, mixed: bool = False) -> bool:
    """Whether a body's short name stands here ("МГУ"; of small letters too where `mixed`: «СмолГУ»), not a legal
    form opening a quotation ("АО «…»"), nor what no body's is ("аппарат ИВЛ": a device; natasha tags no organisation
    there)."""
    return index < len(doc) \
        and (is_abbreviation(doc[index], lex) or mixed and _SHORT_NAME.match(doc[index].text) is not None) \
        and _quoted_after_legal_form(doc, index, lex) is None \
        and any(start <= index < stop for start, stop in natasha_spans(doc, "ORG").items())


def named_after(doc: Doc, index: int) -> bool:
    """Whether a word opens the name of someone a body is named after: «имени», «им.», and «им» between a
    capitalised name and a capitalised one («РГУ им Косыгина»; not the pronoun: «банка им на полгода»), not «от имени»,
    on someone's behalf («От имени Посла … А.Н. Рогожника»)."""
    words = lowers(doc)
    word = words[index]
    if word != "им" or index + 1 >= len(doc):
        return word == "имени" and not (index > 0 and words[index - 1] == "от")
    return doc[index + 1].text == "." or index > 0 and is_cap(doc[index - 1]) and is_cap(doc[index + 1])


def name_after_imeni(doc: Doc, index: int, lex: Lexicons) -> int:
    """Where the name of someone a body is named after ends, if it opens at `index` (`named_after`)."""
    return _past_namesake(doc, index, lex) if named_after(doc, index) else index


_DECORATION = frozenset({"ордена", "орденов"})
_DECORATION_WORDS = 10  # the longest: «орденов Октябрьской Революции и Трудового Красного Знамени»


def past_decoration(tokens: Doc | Span | Sequence[Token], index: int) -> int:
    """Where the names of the orders a body was awarded, opening at `index`, end; `index` where none opens there.
    They are capitalised, joined by «и» or a comma and a next «ордена» («Белорусская государственная ордена
    Октябрьской Революции и Трудового Красного Знамени сельскохозяйственная академия», «Московский ордена Ленина
    институт», «… ордена Дружбы народов …»), and name no town nor state of the body (no Красный in «Красного
    Знамени»)."""
    if tokens[index].text not in _DECORATION or index + 1 >= len(tokens) \
            or not (is_cap(tokens[index + 1]) or tokens[index + 1].text in OPENING_QUOTES):
        return index
    stop, last = index + 1, min(len(tokens), index + _DECORATION_WORDS)
    while stop < last:
        word = tokens[stop]
        if word.text in OPENING_QUOTES:
            stop = next((i + 1 for i in range(stop + 1, last) if tokens[i].text in CLOSING_QUOTES), stop)
            if tokens[stop - 1].text not in CLOSING_QUOTES:
                break
        elif is_cap(word) and word.is_alpha or word.text == "народов" and tokens[stop - 1].text == "Дружбы":
            stop += 1
        elif word.text in ("и", ",") and stop + 1 < len(tokens) and (
                is_cap(tokens[stop + 1]) or tokens[stop + 1].text in _DECORATION):
            stop += 2 if tokens[stop + 1].text in _DECORATION else 1
        else:
            break
    return stop if stop > index + 1 else index


def decoration_before(tokens: Doc | Span | Sequence[Token], stop: int) -> int | None:
    """Where the names of the orders a body was awarded that end right before `stop` open (`past_decoration`)."""
    return next((index for index in range(stop - 2, max(stop - _DECORATION_WORDS, -1), -1)
                 if tokens[index].text in _DECORATION and past_decoration(tokens, index) == stop), None)


def _past_namesake(doc: Doc, index: int, lex: Lexicons) -> int:
    """Where the name after «имени» / «им.» / «им» at `index` ends."""
    return _name_after_imeni(doc, index + (2 if doc[index + 1].text == "." else 1), lex)


_COMPLEMENTS = frozenset({"в", "во", "по", "при"})


def _genitives(doc: Doc, start: int, stop: int) -> range:
    """The words of a name's chain before its first complement ("в <place>", "по <what>", "при <body>"): the bodies
    a unit may belong to ("филиал в Липецкой области" is named by no body)."""
    for index in range(start, stop):
        if doc[index].lower_ in _COMPLEMENTS:
            return range(start, index)
    return range(start, stop)


def opens_a_sentence(doc: Doc, index: int) -> bool:
    """Whether a token opens a sentence or a line (a cell's text starts many), as natasha's segmenter and the
    text's line breaks say (a cell cut from a row keeps both, not spaCy's sentence marks)."""
    return index == 0 or doc[index - 1].text in (".", "!", "?", ":", ";", "-", "–", "—", "•") \
        or starts_a_line(doc, index) or starts_a_sentence(doc, index)


def _parent_after(doc: Doc, index: int, lex: Lexicons) -> int | None:
    """Where a parent organisation named by its legal form and a quotation ends, if one follows a name
    at `index` ("… колледж УО «Витебский государственный университет …»", "… (филиал) ФГБОУ ВО «…»")."""
    if [token.lower_ for token in doc[index:index + 3]] == ["(", "филиал", ")"]:
        index += 3
    if index >= len(doc) or not is_abbreviation(doc[index], lex):
        return None
    chunk = _quoted_after_legal_form(doc, index, lex)
    return chunk.stop if chunk is not None else None


def _one_word_name_after(doc: Doc, index: int) -> int | None:
    """Where a known legal form's unquoted name of one capitalised word ends, if one is at `index` («отделением ПАО
    Сбербанк», «филиалом АО Россельхозбанк»); None where more words of a name go on (a name the chain cannot tell
    the end of) or none is there, or the word is an acronym or a place's name («УК РФ», «УК России»: a state's code,
    not a body «УК»)."""
    if index >= len(doc) or not is_cap(doc[index]) or not doc[index].is_alpha or doc[index].text.isupper() \
            or len(doc[index]) < 2 or doc[index].pos_ not in ("PROPN", "NOUN") or starts_a_line(doc, index) \
            or index in natasha_spans(doc, "LOC"):
        return None  # (a place's name: «УК России», a code)
    after = doc[index + 1] if index + 1 < len(doc) else None
    if after is not None and (is_cap(after) and len(after) > 1 or after.pos_ in ("NOUN", "ADJ") and after.is_lower):
        return None  # the name goes on: «ОАО Минский автомобильный завод», «ООО Смоленские окна»
    return index + 1


_LABELS: dict[str, ChunkLabel] = {"org": "ORG", "site": "LOC", "event": "EVENT", "doc": "DOC", "symbol": "DOC"}


def label_of(klass: str) -> ChunkLabel:
    return _LABELS[klass]


def _nested_parent(doc: Doc, index: int, lex: Lexicons) -> Chunk | None:
    """A parent organisation in the genitive right after a quoted name (a branch of it)."""
    probe = index
    while probe < len(doc) and doc[probe].pos_ == "ADJ" and case_of(doc[probe]) == "Gen":
        probe += 1
    if probe < len(doc) and case_of(doc[probe]) == "Gen" and lex.names_body(doc[probe].lemma_):
        parent = named_phrase(doc, probe, lex)
        if parent is not None and parent.start == index and quote_end(doc, parent.stop - 1) is None:
            return parent
    return None


def office_posts(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """The spans of posts that hold a place's office (`office_posts.tsv`) with the genitive chain after them («Главы
    города Смоленска по строительству», «мэр Витебска»): whatever place lies inside one is the post's."""
    found = []
    words = lemmas(doc)
    for index, lemma in enumerate(words):
        # a post of one word, or of an adjective and a noun («торговый представитель»)
        if (lemma in lex.office_posts or index > 0 and f"{words[index - 1]} {lemma}" in lex.office_posts) \
                and doc[index].pos_ in ("NOUN", "PROPN"):
            end = _chain(doc, index + 1, _POST_FLAGS, lex)
            if end > index + 1:
                found.append((index, end))
    return found


def commemorated(doc: Doc, start: int, lex: Lexicons, titles: list[tuple[int, int]]) -> bool:
    """Whether the person named from token `start` is commemorated, not present: right after the words of
    `commemorations.tsv`, over lowercase words describing them, an honorary title and a person coordinated before
    («к 185-летию со дня рождения Н.М. Пржевальского», «посвященная летчику-космонавту Ю.А. Гагарину», «в честь Героя
    Советского Союза …», «по произведениям Янки Купалы и Якуба Коласа»), or
    in the genitive after an award's noun, named in full, the award's name («медаль Франциска Скорины»; `awards.tsv`;
    not a surname alone nor initials, whose award it is: «золотой медали Остапчук»)."""
    words = lemmas(doc)
    index, described = start, 0
    while index > 0:
        if any(tuple(words[max(0, index - len(phrase)):index]) == phrase for phrase in lex.commemorations):
            return True
        if words[index - 1] in lex.awards and case_of(doc[start]) == "Gen" and not is_initial(doc, start) \
                and start + 1 < len(doc) and doc[start + 1].is_alpha and is_cap(doc[start + 1]):
            return True
        title = next((first for first, stop in titles if stop == index), None)
        if title is not None:
            index = title
        elif doc[index - 1].is_lower and doc[index - 1].pos_ in ("NOUN", "ADJ") and described < 3:
            index, described = index - 1, described + 1
        elif index > 1 and doc[index - 1].lower_ == "и" and is_cap(doc[index - 2]):
            # the second of two coordinated persons is commemorated with the first («по произведениям Янки Купалы и
            # Якуба Коласа», «в честь М.А. Егорова и А.П. Берестова»)
            index -= 1
            while index > 0 and (is_cap(doc[index - 1]) or doc[index - 1].text == ".") and start - index < 8:
                index -= 1
        else:
            break
    return False


def planned(doc: Doc, start: int, lex: Lexicons) -> bool:
    """Whether the organisation named from token `start` is what a noun of making governs (`creations.tsv`), in its
    clause: a body that does not exist yet («создание в г. Смоленске первого … центра …»). Not one after a
    preposition («совместного с ОАО «МАЗ» …»: a partner in the making), nor past a verb."""
    if start == 0 or doc[start - 1].pos_ == "ADP" or case_of(doc[start]) not in ("Gen", None):
        return False
    index = start - 1
    while index >= 0 and doc[index].pos_ not in ("VERB", "AUX") and (
            doc[index].text not in _STOP or doc[index].text == "." and not starts_a_sentence(doc, index + 1)):
        if doc[index].lemma_ in lex.creations:  # (the stop of an abbreviation goes on the clause: «в г. Смоленске»)
            return True
        if doc[index].pos_ in ("NOUN", "PROPN") and case_of(doc[index]) == "Gen":
            return False  # a noun in the genitive chain governs it: «… центра Союзного государства»
        index -= 1
    return False


def honorary_titles(doc: Doc, lex: Lexicons) -> list[tuple[int, int]]:
    """The spans of honorary titles: a capitalised head ("Героя", "Героями") with the genitive chain after it
    ("Советского Союза", "Социалистического Труда"), which names no place or organisation of the event."""
    found = []
    words = texts(doc)
    for index, lemma in enumerate(lemmas(doc)):
        if lemma in lex.honorifics and words[index][:1].isupper() and not abbreviated_place(doc, index + 1, lex):
            # (not a town after its abbreviated word, where a site's name ends: «сквере Памяти Героев | г. Смоленска»)
            end = _chain(doc, index + 1, frozenset(), lex)
            if end > index + 1:
                found.append((index, end))
    return found


def find_named(doc: Doc, lex: Lexicons) -> list[Chunk]:
    """Every organisation, site, event and document phrase, nested ones included."""
    words = texts(doc)
    quotes = [(i, end) for i, word in enumerate(words) if word == _QUOTE_OPEN and (end := quote_end(doc, i))]
    chunks = []
    for index, lemma in enumerate(lemmas(doc)):
        if lemma not in lex.heads and ("-" not in lemma or _head_word(lemma, lex) not in lex.heads) \
                and not _abbreviation_word(words[index], lex):
            continue  # no head noun nor legal form: `named_phrase` would find nothing (a quicker test)
        chunk = named_phrase(doc, index, lex)
        if chunk is None:
            continue
        if any(q_start < chunk.start and chunk.stop <= q_stop and _named_by_word_before(doc, q_start)
               for q_start, q_stop in quotes):
            continue  # «Управляющая компания холдинга «…»» is the name of the ОАО around it
        chunks.append(chunk)
    found = [_without_outer_subject(doc, chunk, chunks, lex) for chunk in _apposed_to_titles(doc, chunks, lex)]
    # a listed quotation that is a body's name of its own words stays that name («СОГБУ «…», «Клуб золотого
    # возраста»», «ОГБОУ ВО «…» и «Смоленская государственная академия …»»: no legal form is guessed for it)
    named_inside = {c.start - 1 for c in found if c.label == "ORG"}
    listed = [item for chunk in found for item in _listed_quotations(doc, chunk, lex) if item.start not in named_inside]
    return found + listed


_LIST_LABELS = frozenset({"ORG", "EVENT", "DOC"})


def quotation_after_head(doc: Doc, chunk: Chunk, lex: Lexicons) -> int | None:
    """Where the quotation opens that ends `chunk` right after its head word (and the legal forms after it): the
    name in «компаний «А»», «ОГБОУ ВО «А»»; None for a name of other words."""
    index = chunk.head + 1
    while index < chunk.stop and is_abbreviation(doc[index], lex):
        index += 1
    return index if index < chunk.stop and quote_end(doc, index) == chunk.stop else None


def _listed_quotations(doc: Doc, chunk: Chunk, lex: Lexicons) -> list[Chunk]:
    """The quoted names listed right after a name that a plural word or a legal form opens, after a comma, «и»
    or «, а также»: «ансамблей «Славяне», «Русичи» и «Кривичи»», «ОАО «Гомсельмаш», «Белшина» и «Амкодор»» (each
    a body of the list's words). A singular word names one body, whose quotation a title may follow
    («ансамбль «Славяне», «Калинка» в исполнении …» is no list of bodies)."""
    head = doc[chunk.head]
    if chunk.label not in _LIST_LABELS or quotation_after_head(doc, chunk, lex) is None:
        return []
    # (a feminine's or a neuter's genitive singular is its nominative plural: «компании «А», «Б» и «В»», «компании
    # «А» и «Б»», whose list of more, the last joined by «и», says it is the plural: a quotation coordinated with a
    # body's names another body of the word, whatever its case)
    homonym = head.is_lower and _a_plurals_form_too(head) and _coordinated_quotations(doc, chunk.stop)
    if not is_abbreviation(head, lex) and not (head.is_lower and "Plur" in feature(head, "Number")) \
            and not homonym:
        return []
    listed = []
    index = _after_brackets(doc, chunk.stop)
    while index < len(doc):
        if doc[index].text == "," and [t.lower_ for t in doc[index + 1:index + 3]] == ["а", "также"]:
            index += 3
        elif doc[index].text == "," or doc[index].lower_ == "и":
            index += 1
        else:
            break
        end = quote_end(doc, index) if index + 1 < len(doc) else None
        first = doc[index + 1].text[:1] if end else ""
        if end is None or not (first.isupper() or first.isdigit()):
            break
        listed.append(Chunk(index, end, chunk.label, index, listed_after=chunk))
        index = _after_brackets(doc, end)
    return listed


def _a_plurals_form_too(noun: Token) -> bool:
    """Whether a feminine's or a neuter's singular form is its nominative plural too («компании», «организации»,
    «предприятия», «фирмы»): the genitive singular the tagger may read."""
    word, lemma = noun.lower_, noun.lemma_
    return any(lemma.endswith(single) and word == lemma[:-len(single)] + plural
               for single, plural in _PLURALS_ALIKE)


_PLURALS_ALIKE = (("ия", "ии"), ("ие", "ия"), ("а", "ы"), ("а", "и"), ("о", "а"), ("е", "я"))


def _coordinated_quotations(doc: Doc, index: int) -> bool:
    """Whether quotations follow token `index`, the last joined by «и»: «, «Б» и «В»», « и «Б»»."""
    count, joined = 0, False
    while index + 1 < len(doc) and (doc[index].text == "," or doc[index].lower_ == "и"):
        joined = doc[index].lower_ == "и"
        end = quote_end(doc, index + 1)
        if end is None:
            break
        count, index = count + 1, end
    return count >= 1 and joined


_BRACKETED = 12  # the most words an item's brackets hold: a town, a region, a state


def _after_brackets(doc: Doc, index: int) -> int:
    """Past the brackets at token `index` that say where a listed item is from («… «Сударушка» (г. Витебск), …»),
    or `index` where none open there."""
    if index >= len(doc) or doc[index].text != "(":
        return index
    for inside in range(index + 1, min(len(doc), index + _BRACKETED)):
        if doc[inside].text == ")":
            return inside + 1
        if doc[inside].text in ("(", *OPENING_QUOTES):
            break
    return index


def _apposed_to_titles(doc: Doc, chunks: list[Chunk], lex: Lexicons) -> list[Chunk]:
    """An honorary collective's title and the body named with a quotation right after it, in apposition, as one
    name (heads marked `title`): «Заслуженный любительский коллектив Республики Беларусь | народная студия эстрадного
    пения «Креатив»»; in the genitive the title's chain holds the body already («… коллектива Республики Беларусь
    образцового театра танца «Премьер-Спонайд»»), which is then no name of its own."""
    found = list(chunks)
    for title in chunks:
        if title.label != "ORG" or "title" not in _head_flags(doc, title.head, lex):
            continue
        for body in chunks:
            if body is title or body.label != "ORG" or doc[body.stop - 1].text != _QUOTE_CLOSE or body not in found:
                continue
            # the tagger may read an inanimate noun's nominative as accusative and the other's not
            cases = {case_of(doc[title.head]), case_of(doc[body.head])}
            agreeing = len(cases) == 1 or cases == {"Nom", "Acc"}
            if body.start == title.stop and doc[title.stop - 1].is_alpha and agreeing and title in found:
                found[found.index(title)] = replace(title, stop=body.stop)
                found.remove(body)
            elif title.head < body.start and body.stop == title.stop:
                found.remove(body)
    # a title no body follows, capitalised by a sentence's start alone, names no one: «Театральный коллектив из
    # Республики Беларусь представил драму …»
    return [chunk for chunk in found if not (chunk in chunks and chunk.label == "ORG"
                                             and "title" in _head_flags(doc, chunk.head, lex)
                                             and opens_a_sentence(doc, chunk.start)
                                             and not any(is_cap(t) for t in doc[chunk.start + 1:chunk.stop]))]


def head_lemma(token: Token, lex: Lexicons) -> str:
    """The word a head noun is looked up by in `org_heads.tsv` (`_head_word` of its lemma)."""
    return _head_word(token.lemma_, lex)


def _head_word(lemma: str, lex: Lexicons) -> str:
    """The word a lemma is looked up by in `org_heads.tsv`: itself, a compound's first part («музей-заповедник»),
    else its last («IT-компания», «бизнес-инкубатор»)."""
    if lemma in lex.heads:
        return lemma
    parts = lemma.split("-")
    return parts[0] if parts[0] in lex.heads or parts[-1] not in lex.heads else parts[-1]


def _head_flags(doc: Doc, head: int, lex: Lexicons) -> frozenset[str]:
    return lex.head_flags(head_lemma(doc[head], lex))


def _without_outer_subject(doc: Doc, chunk: Chunk, chunks: list[Chunk], lex: Lexicons) -> Chunk:
    """A body named inside another's genitive chain, without what is the outer body's: what it deals with
    («комитета Совета Федерации по экономической политике» holds the council «Совета Федерации», the committee's
    «по …» is not its), or the quotation that names an outer body of a common noun, where the inner one is named
    without it («центра Союзного государства «Союзный Дом»»: the centre is «Союзный Дом»; not «… государственного
    предприятия «НПЦ по геологии»», whose enterprise the quotation names, nor a unit named by the body after it,
    flag `of`: «отделения Общероссийской общественной организации … «ОПОРА РОССИИ»», nor a branch named by the
    word of the body it is a branch of: «Смоленская областная организация Общероссийской общественной организации
    «Всероссийское общество инвалидов»»). A region's body named by its region alone keeps the «по …» after it: the
    outer one is its unit («отдела Департамента Смоленской области по внутренней политике»)."""
    outers = [outer for outer in chunks if outer.start < chunk.start and outer.stop == chunk.stop
              and outer.label == "ORG"]
    quote = next((i for i in range(chunk.head + 1, chunk.stop) if doc[i].text in OPENING_QUOTES), None)
    if quote is not None and any(doc[outer.head].is_lower and outer.head < chunk.start
                                 and "of" not in _head_flags(doc, outer.head, lex)
                                 and doc[outer.head].lemma_ != doc[chunk.head].lemma_ for outer in outers) \
            and not is_abbreviation(doc[chunk.head], lex) and doc[quote - 1].is_alpha \
            and any(is_cap(doc[i]) for i in range(chunk.start, chunk.head + 1)):
        return replace(chunk, stop=quote)
    if not any("po" in _head_flags(doc, outer.head, lex) for outer in outers):
        return chunk
    po = next((i for i in range(chunk.head + 1, chunk.stop) if doc[i].lower_ == "по"), None)
    if po is None or any(doc[i].text in OPENING_QUOTES for i in range(chunk.start, po)):
        return chunk  # inside a quoted name «по» is the name's own («… «Республиканский центр по гидрометеорологии …»»)
    between = doc[chunk.head + 1:po]
    if any(token.is_lower and token.lemma_ in lex.region_words for token in between) \
            and all(token.is_lower and token.lemma_ in lex.region_words or is_cap(token) and token.pos_ == "ADJ"
                    for token in between):
        return chunk  # a region's body named by its region alone is named by what it deals with: «отдела
        # Департамента Смоленской области по внутренней политике» holds that department
    return replace(chunk, stop=po)


LATIN_LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"  # Latin letters, the accented alphabets' too (Koç, Škoda, Müller, Nguyễn)
_LATIN_WORD = re.compile(rf"[{LATIN_LETTERS}][{LATIN_LETTERS}0-9-]*")
_LATIN_DOTTED = re.compile(rf"[{LATIN_LETTERS}]{{1,2}}")  # a letter or two of a dotted legal form («A.Ş.», «S.p.A.»)


def latin_word(word: str) -> bool:
    """Whether a word is a capitalised word of Latin letters (digits and hyphens inside)."""
    return word[:1].isupper() and _LATIN_WORD.fullmatch(word) is not None


def latin_names(doc: Doc, lex: Lexicons) -> list[Chunk]:
    """Organisations named in Latin letters, which natasha's Russian model does not tag: a run of two or more
    capitalised Latin words ("of", "&", "de"… between them, "King’s" one word) holding a word organisations'
    names are made of (`latin_org_words.tsv`): "Human Rights Watch", "Bank of Montreal", "The Washington Post", or
    ending with a legal form written with full stops ("Koç Holding A.Ş.", "Škoda Auto a.s.")."""
    words = texts(doc)
    chunks = []
    index = 0
    while index < len(words):
        if not latin_word(words[index]):
            index += 1
            continue
        stop = index + 1
        dotted: int | None = None
        while stop < len(words):
            nxt = words[stop + 1] if stop + 1 < len(words) else ""
            if (dotted := _dotted_form_end(doc, words, stop, lex)) is not None:
                break  # its letters are no words of the name («Koç Holding | A.Ş.»)
            if latin_word(words[stop]) or words[stop] in lex.latin_links and latin_word(nxt):
                stop += 1
            elif words[stop] in ("’", "'") and nxt == "s" and not doc[stop - 1].whitespace_:
                stop += 2  # "King’s College London"
            elif (comma := _legal_form_after(doc, words, stop, lex)) is not None:
                stop = comma + 2  # "Huawei Technologies Co., Ltd."
            else:
                break
        if dotted is not None:
            chunks.append(Chunk(index, dotted, "ORG", stop - 1))
            stop = dotted
        elif stop - index >= 2 and any(word in lex.latin_keys for word in words[index:stop]):
            chunks.append(Chunk(index, stop, "ORG", stop - 1))
        index = stop
    return chunks


def _dotted_form_end(doc: Doc, words: list[str], start: int, lex: Lexicons) -> int | None:
    """Where a legal form written with full stops and no spaces ends that starts at `start` after a Latin name («A.Ş.»,
    «S.p.A.», «s.r.o.»: `latin_org_words.tsv`, kind dotted), after its last full stop; None where none starts there."""
    stop = start
    while stop + 1 < len(words) and _LATIN_DOTTED.fullmatch(words[stop]) and words[stop + 1] == "." \
            and not doc[stop].whitespace_:
        stop += 2
        if "".join(words[start:stop]).lower() in lex.latin_dotted:
            return stop
        if doc[stop - 1].whitespace_:
            break
    return None


def _legal_form_after(doc: Doc, words: list[str], stop: int, lex: Lexicons) -> int | None:
    """Where the comma stands that a Latin name's legal form follows ("Co., Ltd", "Shandong Group, Inc"), the
    full stop of an abbreviation before it written close ("Co."); None where no legal form comes."""
    comma = stop + 1 if words[stop] == "." and not doc[stop - 1].whitespace_ else stop
    if comma + 1 < len(words) and words[comma] == "," and words[comma + 1] in lex.latin_forms:
        return comma
    return None


def _named_by_word_before(doc: Doc, quote: int) -> bool:
    """Whether a quotation names what a word before it opens (a legal form, a head noun, a title: "ОАО «…»",
    "Телемост «…»"): a name in apposition, in the nominative; not one standing alone after a comma, a
    conjunction or on a line of its own («Клуб золотого возраста», «… и «Комитет по защите журналистов»»), nor
    one in an oblique case, a complement with a name of its own («представитель «Национального союза …»»)."""
    if quote == 0 or quote + 1 >= len(doc) or doc[quote - 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    return case_of(doc[quote + 1]) in (None, "Nom") or not doc[quote + 1].is_alpha


def lowers(doc: Doc) -> list[str]:
    """The lowercased words of a doc, made once per doc (the rules compare word runs often)."""
    words = doc.user_data.get("lowers")
    if words is None:
        words = doc.user_data["lowers"] = [word.lower() for word in texts(doc)]
    return words


def texts(doc: Doc) -> list[str]:
    """The words of a doc, made once per doc: the rules look at every word several times, and a list is read
    much quicker than spaCy's tokens are made."""
    words = doc.user_data.get("texts")
    if words is None:
        made_by_natasha = "text" in doc.user_data and "offsets" in doc.user_data
        words = doc.user_data["texts"] = doc_words(doc) if made_by_natasha else [token.text for token in doc]
    return words


def lemmas(doc: Doc) -> list[str]:
    """The lemmas of a doc's words, made once per doc (see `texts`)."""
    found = doc.user_data.get("lemmas")
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data["lemmas"] = [strings[key] for key in doc.to_array(LEMMA).tolist()]
    return found


def _match_prefix(doc: Doc, index: int, prefixes, longest: int, starts: frozenset[str]) -> int:
    """Length in tokens of the longest prefix from `prefixes` starting at `index` (0 if none); `starts` holds
    the prefixes' first words (a quicker first test)."""
    words = lowers(doc)
    if index >= len(words) or words[index] not in starts:
        return 0
    for length in range(min(longest, len(words) - index), 0, -1):  # a cut slice is no prefix
        if tuple(words[index:index + length]) in prefixes:
            return length
    return 0


def _initial_and_a_word(doc: Doc, start: int) -> int | None:
    """Where a capital's initial, a hyphen as may be, and a capitalised word from `start` end («Н. Новгород», «С.-
    Петербург»), on one line; None where they do not stand there."""
    if not (start + 2 < len(doc) and is_initial(doc, start)):
        return None
    word = start + 3 if doc[start + 2].text == "-" else start + 2
    persons = natasha_spans(doc, "PER")
    if word >= len(doc) or not is_cap(doc[word]) or not doc[word].is_alpha or starts_a_line(doc, word) \
            or any(low <= i < high for i in (start, word) for low, high in persons.items()):
        return None  # (a person's initial and surname: «г. А. Иванов», after a year's «г.»)
    return word + 1


def find_places(doc: Doc, lex: Lexicons) -> list[Chunk]:
    """Settlements after "г.", "пос.", "с.", "дер."…, and regions ("Смоленская область")."""
    chunks = []
    words = lowers(doc)
    for index, lemma in enumerate(lemmas(doc)):
        if words[index] not in lex.prefix_starts and words[index] != "с" and (lemma,) not in lex.village_prefixes \
                and lemma not in lex.region_words and lemma != "республика":
            continue  # no place's word, no region's, no village council's (a quicker test: most words)
        length = _match_prefix(doc, index, lex.place_prefixes, lex.longest_prefix, lex.prefix_starts)
        if length and not _place_prefix_here(doc, index, length):
            length = 0
        # a settlement's word in any case («в агрогородке Ореховск», which natasha takes for a person); not a
        # plural («одного из сёл | Киевской области»), nor a site's word, which is the site's name («реку Нарву»)
        declined = not length and _declined_settlement_word(doc, index, lex)
        if length or declined:
            kind = lex.place_prefixes[(lemma,) if declined else tuple(lowers(doc)[index:index + length])]
            length = length or 1
            start = stop = index + length
            if (shortened := _initial_and_a_word(doc, start)) is not None:
                # a name by its first word's initial: «г. Н. Новгород», «г. С.-Петербург»
                chunks.append(Chunk(index, shortened, "LOC", shortened - 1, kind=PlaceKind(kind) if kind else None))
                continue
            # a name ends with its line («г. Минск⏎Республика Беларусь»)
            while stop < len(doc) and is_cap(doc[stop]) and doc[stop].pos_ != "PUNCT" and stop - start < 3 \
                    and not doc[stop].text.isupper() and not (stop > start and region_word_at(doc, stop + 1, lex)) \
                    and not (stop > start and (starts_a_line(doc, stop) or _full_name_at(doc, stop)
                                               or _state_named_at(doc, stop))):
                stop += 1
            if stop > start:
                chunks.append(Chunk(index, stop, "LOC", stop - 1, kind=PlaceKind(kind) if kind else None))
            continue
        if index > 0 and _village_council_at(doc, index) and is_cap(doc[index - 1]) \
                and PLACE_ADJECTIVE.search(doc[index - 1].lower_):
            chunks.append(Chunk(index - 1, index + 3, "LOC", index - 1, kind=PlaceKind.DISTRICT))  # «Суражский с/с»
            continue
        if lemma not in lex.region_words and lemma != "республика":
            continue  # neither a region's word nor a republic (a quicker test)
        token = doc[index]
        region = lex.region_words.get(lemma)
        # (not a kind's title before a name in apposition, in the nominative: «Автономного района | Внутренняя
        # Монголия»; a place's adjective names one: «Ленинского района Минска»)
        titled = index + 1 < len(doc) and is_cap(doc[index + 1]) and case_of(doc[index + 1]) == "Nom" \
            and case_of(token) != "Nom" and index > 0 and not PLACE_ADJECTIVE.search(doc[index - 1].lower_)
        # (an adjective the tagger does not know it reads as a name, whose gender and its noun's it guesses:
        # «Ферганского вилоята», «Ахалского велаята»)
        named = index > 0 and doc[index - 1].pos_ == "PROPN" \
            and PLACE_ADJECTIVE.search(doc[index - 1].lower_) is not None
        agreeing = index > 0 and agrees(doc[index - 1], token, gender=not named)
        if region and index > 0 and (doc[index - 1].pos_ == "ADJ" or named) and is_cap(doc[index - 1]) \
                and not titled and (agreeing or _last_of_coordinated(doc, index)):
            # (the last of coordinated ones alone: each is a place of its own)
            start = min(_left(doc, index, lex), index - 1) if agreeing else index - 1
            if token.lemma_ == "республика":
                stop = index + 1
                persons = natasha_spans(doc, "PER")  # «… Республики Узбекистан Шухратбек Абдурахманов»
                while stop < len(doc) and doc[stop].pos_ == "PROPN" and is_cap(doc[stop]) and stop not in persons:
                    stop += 1
                chunks.append(Chunk(start, stop, "LOC", index, kind=PlaceKind.REGION))
            else:
                chunks.append(Chunk(start, index + 1, "LOC", index, kind=PlaceKind(region)))
        elif token.lemma_ == "республика" and is_cap(token) and index + 1 < len(doc) and is_cap(doc[index + 1]) \
                and doc[index + 1].pos_ in ("PROPN", "ADJ", "NOUN"):
            stop = index + 1
            persons = natasha_spans(doc, "PER")
            while stop < len(doc) and is_cap(doc[stop]) and doc[stop].pos_ in ("PROPN", "ADJ", "NOUN") \
                    and stop - index <= 3 and stop not in persons:
                stop += 1
            chunks.append(Chunk(index, stop, "LOC", index, kind=PlaceKind.REGION))
    return chunks


def _last_of_coordinated(doc: Doc, noun: int) -> bool:
    """Whether the adjective before a plural noun is the last of capitalised ones coordinated before it, each
    singular in the noun's case («Ленинского и Заднепровского | районов»)."""
    adjective, before = doc[noun - 1], doc[noun - 3] if noun > 2 else None
    return before is not None and doc[noun - 2].lower_ in ("и", ",") and is_cap(before) and before.pos_ == "ADJ" \
        and feature(doc[noun], "Number") == ("Plur",) and feature(adjective, "Number") == ("Sing",) \
        and case_of(adjective) == case_of(doc[noun]) == case_of(before)


def _state_named_at(doc: Doc, index: int) -> bool:
    """Whether a state's name opens at `index`: «Республика …» or a state's own name in any case, which ends the
    name of a town before it («г. Могилева | Республики Беларусь», «г. Ош | Кыргызстан»)."""
    lemma = lemmas(doc)[index]
    return lemma == "республика" or load_countries().code(lemma) is not None


def region_word_at(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a region's or district's word (of one or two words: «района», «муниципального округа») is at
    `index`."""
    if index >= len(doc):
        return False
    return doc[index].lemma_ in lex.region_words or _village_council_at(doc, index) \
        or index + 1 < len(doc) and f"{doc[index].lemma_} {doc[index + 1].lemma_}" in lex.region_words


def _village_council_at(doc: Doc, index: int) -> bool:
    """Whether a village council's word written short, «с/с», is at `index` (Belarus's «сельсовет»)."""
    return lowers(doc)[index:index + 3] == ["с", "/", "с"]


_NOT_A_PLACE_NAME = ("ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "VERB", "AUX")


def _declined_settlement_word(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a village's word of `place_prefixes.tsv`, singular, in a case of its own, stands at `index` before
    a capitalised name that no region's word follows (not «города», as in a post: «мэр города Лужков»)."""
    if (lemmas(doc)[index],) not in lex.village_prefixes:
        return False  # (most words: no token need be made)
    token = doc[index]
    return token.pos_ == "NOUN" and token.is_lower \
        and "Plur" not in feature(token, "Number") and index + 1 < len(doc) and is_cap(doc[index + 1]) \
        and not region_word_at(doc, index + 2, lex)


def _place_prefix_here(doc: Doc, index: int, length: int) -> bool:
    """Whether "г.", "д.", "с."… at `index` abbreviates a kind of place here, and not: a year ("в 2013 г.
    Этот…"; not a number after «№»), "и т. д.", an initial ("Д.Медведев": a capital letter glued to the name;
    "А. П. Чехова": a capital letter after another initial; one right after a name on its line: «депутат Парламента
    Республики Молдова Г. Попша»), or a prefix before a word that names nothing ("… т. д. От имени…")."""
    words = lowers(doc)
    after = index + length
    if index > 0 and doc[index - 1].like_num and words[index] in ("г", "гг") \
            and not (index > 1 and doc[index - 2].text == "№"):  # «школа № 2 г. Рославля»: a number, no year
        return False
    if index > 1 and words[index - 1] == "." and words[index - 2] == "т":
        return False
    dot = doc[index + 1] if index + 1 < len(doc) and doc[index + 1].text == "." else None
    if doc[index].text.isupper() and len(doc[index].text) == 1 and dot is not None \
            and (not dot.whitespace_ or index > 1 and is_initial(doc, index - 2)
                 or index > 0 and is_cap(doc[index - 1]) and doc[index - 1].is_alpha and not starts_a_line(doc, index)):
        return False
    # a capitalised word the tagger took for a verb is a name here («в г. Ташкент Республика Узбекистан»), but not
    # one that opens a line
    return after < len(doc) and (doc[after].pos_ not in _NOT_A_PLACE_NAME
                                 or doc[after].pos_ == "VERB" and is_cap(doc[after]) and not starts_a_line(doc, after))


def agrees(adjective: Token, noun: Token, gender: bool = True) -> bool:
    """Whether an adjective agrees with the noun after it, as a region's name does ("Смоленская область",
    "Витебской области"): not a capitalised word that only stands before it ("Уроженец штата").

    Features the tagger left out are not held against it, nor, without `gender`, the genders it guessed."""
    genders = ("Gender",) if gender and feature(noun, "Number") == ("Sing",) else ()
    for name in ("Case", "Number") + genders:
        left, right = feature(adjective, name), feature(noun, name)
        if left and right and left != right and not (name == "Case" and _nom_acc(adjective, noun)):
            return False  # one form of an inanimate noun's nominative and accusative: «Заднепровский район»
    return True


def after_street(doc: Doc, start: int, lex: Lexicons) -> bool:
    """Whether a span is preceded by a street word ("ул. Шкадова"): part of an address."""
    return _ends_with(doc, start, lex.street_prefixes, lex.longest_prefix)


def before_street(doc: Doc, stop: int, lex: Lexicons) -> bool:
    """Whether a span is followed by a street word ("Эжвинский пр-д"): part of an address."""
    return _match_prefix(doc, stop, lex.street_prefixes, lex.longest_prefix, lex.prefix_starts) > 0


def after_place_prefix(doc: Doc, start: int, lex: Lexicons) -> bool:
    """Whether a place's word stands right before token `start`, as written or in any case («в агрогородке | …»)."""
    return _ends_with(doc, start, lex.place_prefixes, lex.longest_prefix) or start > 0 \
        and _declined_settlement_word(doc, start - 1, lex)


def in_place_name(doc: Doc, start: int, lex: Lexicons) -> bool:
    """Whether a word stands after a place word, or after capitalised adjectives after one: "г. Великие Луки"
    (natasha takes "Луки" for a person), "пос. Красный Бор"; not "г. Смоленске А.В. Андреев", nor a person natasha
    finds by two words or more («г. Смоленске Ирины Владимировны Новиковой», «Смоленске» taken for an adjective)."""
    if _full_name_at(doc, start):
        return False
    while True:
        if after_place_prefix(doc, start, lex):
            return True
        if start == 0 or not is_cap(doc[start - 1]) or doc[start - 1].pos_ != "ADJ":
            return False
        start -= 1


def _ends_with(doc: Doc, start: int, prefixes, longest: int) -> bool:
    """Whether one of `prefixes` ends just before token `start`."""
    words = lowers(doc)
    return any(tuple(words[start - length:start]) in prefixes for length in range(1, min(longest, start) + 1))


def is_adjective(token: Token) -> bool:
    """An adjective, also when natasha tags a capitalised one as a name ("Полномочный Посол", "Могилевская")."""
    return token.pos_ == "ADJ" or bool(_ADJECTIVE_ENDING.search(token.lower_)) and token.pos_ in ("PROPN", "NOUN")


_ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя)$")  # nominative singular: masculine, feminine


_BRACKET_WORDS = 12  # the most words a bracket inside a post holds


def bracket_start(doc: Doc, closing: int) -> int | None:
    """Index of the «(» that the «)» at `closing` closes, if the bracket is short and holds no verb."""
    for index in range(closing - 1, max(-1, closing - _BRACKET_WORDS - 1), -1):
        if doc[index].text == "(":
            return index
        if doc[index].text == ")" or doc[index].pos_ in ("VERB", "AUX"):
            return None
    return None


def _past_adjectives(doc: Doc, index: int) -> int:
    """The first token from `index` on that is no adjective: a post's head after its adjectives."""
    while index < len(doc) and doc[index].pos_ == "ADJ":
        index += 1
    return index


def bracket_end(doc: Doc, opening: int, words: int | None = None) -> int | None:
    """Index of the «)» that closes the «(» at `opening`, if the bracket is short (`words` at most, a bracket
    inside a post's by default) and holds no verb."""
    for index in range(opening + 1, min(len(doc), opening + (words or _BRACKET_WORDS) + 2)):
        if doc[index].text == ")":
            return index
        if doc[index].text == "(" or doc[index].pos_ in ("VERB", "AUX"):
            return None
    return None


STYLE_OPENINGS = frozenset({"его", "ее", "её", "их"})  # a style's first word: «Его Высочество», «Их Величества»


def role_before(doc: Doc, person_start: int, lex: Lexicons, blocked: set[int],
                names: frozenset[int] = frozenset()) -> Chunk | None:
    """The position phrase right before a person ("заместитель председателя Правительства … А.В. Стрельцов"), before
    the form of address before the name and the style before that, which are no words of the post («… консулом … г-ном
    Е.Б. Омаровым», «… Послом … Его Превосходительством г-ном Драганом Солаком»), and the person's age («председатель
    … 43-летний Евгений Шевчук»); none where those open a line (a paragraph «68-летний Иван Тимохин …»: the line
    before is no post of his). `names`: the tokens inside bodies' names, after their first, where no word ends it."""
    name_start = person_start
    if person_start > 0 and AGE.match(doc[person_start - 1].text):
        person_start -= 1
    if person_start > 0 and ADDRESS_FORM.match(doc[person_start - 1].lower_):
        person_start -= 1
    if person_start > 1 and doc[person_start - 1].lemma_ in lex.person_titles \
            and doc[person_start - 2].lower_ in STYLE_OPENINGS:  # a style: «Его Превосходительством»
        person_start -= 2
    person_start = _degree_start(doc, person_start)
    if person_start < name_start and starts_a_line(doc, person_start):
        return None
    index = person_start - 1
    leftmost = None
    post_stop = person_start
    while index >= 0 and person_start - index <= 30:
        token = doc[index]
        if leftmost is None and post_stop == person_start \
                and origin_after_post(doc, index, lex, blocked, person_start) == person_start:
            post_stop = index  # where the holder is from is no word of the post: «эксперт | из Республики Узбекистан
            index -= 1  # Ш. Каримов»
            continue
        if token.text in CLOSING_QUOTES and (opening := quote_start(doc, index)) is not None:
            index = opening - 1  # a body's quoted name in the post, whatever it holds («… имени П.М. Машерова»)
            continue
        if token.text == ")" and (opening := bracket_start(doc, index)) is not None:
            index = opening - 1  # where the body is, or its short name: «директором ЗАО «Атлант» (г. Минск) …»
            continue
        if (qualified := _post_head_before(doc, index, leftmost == index + 1)) is not None:
            leftmost = index = qualified  # «врио», «и.о.», «исполняющего обязанности», «зам.»: the post's head
            index -= 1
            continue
        if leftmost is None and token.is_lower and (dash := _description_dash(doc, index, lex)) is not None:
            index = dash - 1  # the body described after a dash: «директором ОАО «МТЗ» – управляющей компании …»
            continue
        if (honoured := _honoured_ending(doc, index, lex)) is not None:
            index = honoured - 1  # whom a body in the post is named after: «ректором ГГУ им. Ф. Скорины …»
            continue
        if token.text == "," and leftmost is not None and (degree := _degree_start(doc, index)) < index:
            index = degree  # an academic degree between two posts, no post of its own: «академик НАН Беларуси,
            continue  # доктор технических наук, профессор И.И. Иванов»
        if token.text == "," and leftmost is not None and _a_title(doc, index + 1, leftmost, lex) \
                and _post_before_a_comma(doc, index, leftmost, lex, blocked):
            index -= 1  # another post of the person's, in the same case: «солиста Большого театра Беларуси, народного
            continue  # артиста Республики Беларусь В.В. Громова»
        if _post_participle(doc, index, lex):
            leftmost = index  # «Управляющий делами Губернатора …», which the tagger reads as the verb's participle
            index -= 1
            continue
        if token.text == "," and leftmost is None and index > 0 and doc[index - 1].is_lower \
                and doc[index - 1].pos_ in ("NOUN", "ADJ") and _listed(doc, index):
            index -= 1  # a comma of a list closed by «и» in the post's complement: «заместитель хокима … по вопросам
            continue  # инвестиций, промышленности и торговли Бахтиёр Хамидов»
        if token.text == "," and leftmost == index + 1 and _a_bare_post(doc, index - 1, lex) and _listed(doc, index):
            index -= 1  # a comma of a list of posts' bare heads closed by «и»: «актёр, продюсер и сценарист Нанни
            continue  # Моретти»
        if token.text in (".", ",") and index > 0 and (
                doc[index - 1].text in lex.latin_forms if token.text == "." else
                index + 1 < person_start and doc[index + 1].text in lex.latin_forms):
            index -= 1  # a Latin legal form's full stop, or the comma before one: «директор компании Huawei
            continue  # Technologies Co., Ltd. Ли Вэй»
        if _a_names_participle(doc, index, person_start, lex) and index not in blocked:
            index -= 1  # «Послом Объединенных Арабских Эмиратов …», «Соединенных Штатов Америки», «директор управляющей
            continue  # компании …»
        if index in blocked or token.pos_ in ("VERB", "AUX", "PRON") or (token.text in _STOP and token.text != "."):
            break
        if token.text == "." and not (index > 0 and doc[index - 1].text in _CUT_SHORT_IN_POSTS):
            break
        # «во главе с …» opens another phrase; «ВО» of «ФГБОУ ВО» (высшего образования) is a legal form's
        # and a preposition no post holds opens what the post's sentence says of it («заседании Совета Министров …
        # | под председательством Председателя Правительства … М.В. Мишустина»)
        # (but «и» between two posts' bare heads joins two posts of one person: «актриса и продюсер Николь Кидман»)
        coordinated = token.lower_ == "и" and leftmost == index + 1 and _a_bare_post(doc, index - 1, lex)
        # (a place in the locative after «во» is where the post is: «руководителя Представительства Россотрудничества
        # во Вьетнаме …»; «во время …» is not)
        # (none inside a body's name the rules found: «… Китайского народного общества дружбы с заграницей …»)
        if index not in names and (
                token.lower_ == "с" or token.lower_ == "во" and not token.text.isupper()
                and not (index + 1 < person_start and is_cap(doc[index + 1]) and case_of(doc[index + 1]) == "Loc")
                or token.lower_ == "и" and leftmost is not None and not coordinated
                or token.lower_ in _NO_POSTS_PREPOSITIONS):
            break
        if token.lemma_ in lex.positions and token.pos_ in ("NOUN", "PROPN", "ADJ"):
            leftmost = index
            if is_cap(token) and index > 0 and doc[index - 1].pos_ == "PROPN" and case_of(doc[index - 1]) == "Nom" \
                    and doc[index - 1].lemma_ not in lex.positions:
                break  # a capitalised post after a name in the nominative opens a phrase of its own («… колледжа
                # Керчь | Глава Республики Крым Сергей Аксёнов»)
        if starts_a_line(doc, index) and not (leftmost is None and wraps_a_line(doc, index)
                                               and case_of(doc[index]) == "Gen" and index not in blocked):
            break  # nor does a post go on over a line's start (a title, a caption before the paragraph it heads),
            # but a post's complement on the line above the name goes on to the post over it («Заместитель
            # Губернатора⏎Смоленской области⏎Иванов И.И.»)
        index -= 1
    if leftmost is None:
        return None
    start = leftmost
    head = doc[leftmost]
    if start > 1 and doc[start - 1].text == "." and doc[start - 2].lower_ in _ADJECTIVES_SHORTENED:
        start -= 2  # «ген. директора»
    if start > 0 and doc[start - 1].lower_ == "временно":
        start -= 1  # «временно исполняющего обязанности …»
    while start > 0 and start - 1 not in blocked and (_post_adjective(doc[start - 1], head) or (
            doc[start - 1].lower_ == "и" and start > 1 and start - 2 not in blocked
            and _post_adjective(doc[start - 2], head))):
        start -= 1
    if start < leftmost and start > 0 and (acting := _post_head_before(doc, start - 1, True)) is not None \
            and not blocked.intersection(range(acting, start)):
        start = leftmost = acting  # the acting one's, or a deputy's, before the adjectives: «и.о. Генерального
        # консула …», «зам. Генерального директора …»
    if head.pos_ == "ADJ" and FULL_ADJECTIVE.search(head.lower_) and leftmost + 1 < person_start \
            and doc[leftmost + 1].pos_ == "NOUN" and agrees(head, doc[leftmost + 1]):
        leftmost += 1  # a post's adjective heads nothing before its noun: «главным менеджером …» is a manager's
        # (a noun the tagger reads as an adjective does: «Вице-руководитель отделения …»)
    if starts_a_line(doc, name_start) and _in_apposition_after_a_name(doc, start, blocked):
        return None  # the end of the line above, its own name's: «Иванов Иван Иванович, заместитель министра …⏎
        # Сидоренко Ольга Петровна, …» (a post alone on its line above a name is the name's)
    return Chunk(start, post_stop, "ROLE", leftmost)


def origin_after_post(doc: Doc, index: int, lex: Lexicons, blocked: set[int], limit: int) -> int:
    """Where the words naming the place a post's holder is from end, with «из» at `index` right after the post's
    noun («эксперт из Республики Узбекистан», «профессор из г. Минска»): a place of capitalised words and no body or
    post, no further than `limit`; `index` where none is named there."""
    if index >= len(doc) or doc[index].lower_ != "из" or index == 0 or doc[index - 1].lemma_ not in lex.positions \
            or doc[index - 1].pos_ != "NOUN":
        return index
    stop = index + 1
    while stop < limit and stop - index <= 8 and stop not in blocked and not starts_a_line(doc, stop) \
            and doc[stop].pos_ not in ("VERB", "AUX", "PRON") \
            and (doc[stop].text not in _STOP or doc[stop].text == "." and doc[stop - 1].lower_ in _CUT_SHORT_IN_POSTS):
        stop += 1
    words = doc[index + 1:stop]
    if not any(is_cap(token) for token in words) or any(
            token.lemma_ in lex.heads or token.lemma_ in lex.positions or token.text in OPENING_QUOTES
            for token in words):
        return index
    return stop


def _in_apposition_after_a_name(doc: Doc, index: int, people: set[int]) -> bool:
    """Whether a post at `index` follows a person's name on its line, a comma or a dash between them."""
    before = index - 1
    while before >= 0 and doc[before].text in (",", "–", "—", "-") and not starts_a_line(doc, before + 1):
        before -= 1
    return before < index - 1 and before in people and not starts_a_line(doc, before + 1)


# (not «за», «без», «о», which bodies' names hold: «Управления по контролю за оборотом наркотиков», «Врачи без границ»)
_NO_POSTS_PREPOSITIONS = frozenset({"под", "через", "после", "перед", "около"})


def _a_names_participle(doc: Doc, index: int, stop: int, lex: Lexicons) -> bool:
    """Whether the participle at `index` opens a name: capitalised, inside a line, before a capitalised word it agrees
    with, which is not past `stop` («Объединенных Арабских Эмиратов», «Соединенного Королевства»); or one of
    `name_participles.tsv`, in small letters, before a lowercase noun it agrees with («управляющей компании»)."""
    token = doc[index]
    after = index + 1
    if not _participle(token) or after >= stop or starts_a_line(doc, index) or not agrees(token, doc[after]):
        return False
    return is_cap(doc[after]) if is_cap(token) else token.lemma_ in lex.name_participles and doc[after].is_lower


def _post_participle(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the participle at `index` is a post made of it: no word after it that it agrees with as a participle
    does («управляющим делами», «уполномоченного по …»; not «управляющей компании», «управляющий директор»)."""
    token = doc[index]
    if not _participle(token) or not lex.positions.participle(token.lower_):
        return False
    after = doc[index + 1] if index + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ") or not agrees(token, after)


# words a post holds cut short with a full stop, which ends no sentence there: «г. Смоленска», «им. …», «Смоленской
# обл.», «Республики Беларусь» as «Респ.»
_CUT_SHORT_IN_POSTS = frozenset({"г", "им", "обл", "респ"})


def _a_bare_post(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether the word at `index` is a post's head noun alone, with no complement after it («актриса | и …»)."""
    return index >= 0 and doc[index].lemma_ in lex.positions and doc[index].pos_ == "NOUN"


def _a_title(doc: Doc, start: int, head: int, lex: Lexicons) -> bool:
    """Whether the post from `start` to its head is a title a person holds beside a post (`held_titles.tsv`)."""
    return any(doc[i].lemma_ in lex.held_titles for i in range(start, head + 1))


def _post_before_a_comma(doc: Doc, comma: int, head: int, lex: Lexicons, blocked: set[int]) -> bool:
    """Whether the words before a comma are a post of the person's too: a post's head in the case of the post after
    the comma opens them, lowercase (no list's item that opens with a capital), and nothing but a post's words stand
    between (no name, verb or stop). In the nominative, only a post that opens its sentence, its line or an item
    after a semicolon («Художественный руководитель театра, заслуженный артист Российской Федерации А.В. Петров»),
    or a title itself («академик НАН Беларуси, профессор …»): elsewhere an unnamed official may stand before the
    comma."""
    case = case_of(doc[head])
    index = comma - 1
    while index >= 0 and comma - index <= 12 and index not in blocked and doc[index].text not in _STOP \
            and doc[index].pos_ not in ("VERB", "AUX", "PRON") and not is_initial(doc, index):
        token = doc[index]
        # (capitalised by its sentence's start as may be)
        if token.lemma_ in lex.positions and token.pos_ in ("NOUN", "PROPN") \
                and (token.is_lower or opens_a_sentence(doc, index)):
            if case is None or case_of(token) != case:
                return False
            start = index
            while start > 0 and doc[start - 1].pos_ == "ADJ" and case_of(doc[start - 1]) == case:
                start -= 1
            # (or a title itself: «академик НАН Беларуси, профессор …»)
            return case != "Nom" or opens_a_sentence(doc, start) or _a_title(doc, start, comma - 1, lex)
        index -= 1
    return False


def _honoured_ending(doc: Doc, end: int, lex: Lexicons) -> int | None:
    """Where «имени» or «им.» opens the name of someone a body is named after that ends at token `end` («… имени
    П.М. Машерова», «им. Ф. Скорины»), if one does."""
    words = lowers(doc)
    return next((start for start in range(end - 1, max(end - 8, -1), -1) if words[start] in ("им", "имени")
                 and named_after(doc, start) and name_after_imeni(doc, start, lex) == end + 1), None)


# an academic degree written before a name, no word of the post: «к.б.н.», «д.и.н.», «к.ф.-м.н.», «канд. экон. наук»,
# «кандидат исторических наук», «PhD»
_DEGREE = re.compile(r"(?:(?:к|д|канд|докт)\.\s?(?:[а-яё]{1,6}\.(?:\s?-\s?[а-яё]{1,6}\.)?\s?){1,2}(?:н\.|наук)"
                     r"|(?:кандидат|доктор)\w*\s+(?:[а-яё-]+\s+){1,2}наук|PhD)", re.IGNORECASE)


def _degree_start(doc: Doc, person_start: int) -> int:
    """Where an academic degree right before a person's name starts, with the comma before it («профессор кафедры
    истории, д.и.н. И.И. Иванов»); `person_start` where none stands there."""
    if person_start == 0 or doc[person_start - 1].text not in (".", "наук", "PhD"):
        return person_start  # (every degree ends so: most names have none, and are passed at once)
    for start in range(person_start - 1, max(person_start - 12, 0) - 1, -1):
        if _DEGREE.fullmatch(doc[start:person_start].text):
            return start - 1 if start > 0 and doc[start - 1].text == "," else start
    return person_start


def without_degrees(tokens: list[Token]) -> list[Token]:
    """A post's words without an academic degree listed between commas in it, and the comma after it («ректор СмолГУ,
    к.и.н., доцент»: ректор СмолГУ, доцент)."""
    kept: list[Token] = []
    index = 0
    while index < len(tokens):
        if tokens[index].text == "," and kept:
            stop = next((i for i in range(index + 2, min(index + 12, len(tokens))) if tokens[i].text == ","), None)
            if stop is not None and _DEGREE.fullmatch(tokens[0].doc[tokens[index + 1].i:tokens[stop - 1].i + 1].text):
                index = stop
                continue
        kept.append(tokens[index])
        index += 1
    return kept


AGE = re.compile(r"^\d+-летн")  # a person's age before the name: «43-летний»
# how a person is addressed before the name: «г-ном», «господина», «госпожой», «мистером», «мадам»
ADDRESS_FORM = re.compile(r"^(?:г-(?:н|на|ну|ном|не|жа|жи|же|жу|жой)|господ(?:ин|ина|ину|ином|ине)|госпож(?:а|и|е|у|ой)"
                          r"|мистер(?:а|у|ом|е)?|миссис|мисс|мадам)$")


def _description_dash(doc: Doc, end: int, lex: Lexicons) -> int | None:
    """The dash that opens a body's description ending at token `end`, if one does: lowercase words, no post among
    them, after a dash after a quoted name («ОАО «МТЗ» – управляющей компании холдинга»; not «… – председатель
    правления»)."""
    start = end
    while start > 0 and doc[start].is_lower:
        if doc[start].lemma_ in lex.positions:
            return None
        start -= 1
    return start if start < end and doc[start].text in ("–", "—") and start > 0 \
        and doc[start - 1].text in CLOSING_QUOTES else None


_HEADS_SHORTENED = frozenset({"зам", "нач", "зав", "пред", "рук"})  # «зам. председателя», «нач. отдела»
_ADJECTIVES_SHORTENED = frozenset({"ген"})  # «ген. директора»


def _post_head_before(doc: Doc, end: int, before_a_post: bool) -> int | None:
    """Where a post's head that the positions' lexicon does not hold starts, if one ends at token `end`: a head
    written short («зам. председателя …», «нач. отдела …»), or, `before_a_post` word, the acting («врио», «и.о.»,
    «исполняющего обязанности»): «и.о. министра культуры …» is no minister, «зам. председателя …» no chairman."""
    words = lowers(doc)[max(0, end - 3):end + 1]
    if len(words) >= 2 and words[-1] == "." and words[-2] in _HEADS_SHORTENED:
        return end - 1
    if not before_a_post:
        return None
    if words[-1] == "врио":
        return end
    if words[-4:] == ["и", ".", "о", "."]:
        return end - 3  # (`undeclined_acting` knows these two heads)
    if doc[end].lemma_ == "обязанность" and end > 0 and doc[end - 1].lemma_ in ("исполнять", "исполняющий"):
        return end - 1
    return None


def undeclined_acting(head: Token) -> bool:
    """Whether a post's head `_post_head_before` found is an acting one's word that declines not («врио», the «и» of
    «и.о.»; «исполняющего обязанности» does): the post says no case of the name after it."""
    return head.lower_ in ("врио", "и")


# the endings of an adjective's full forms (a verb's past «Выступил», a noun «Мастер-класс» have none)
FULL_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей)$")


def _post_adjective(token: Token, head: Token) -> bool:
    """An adjective opening a post («Чрезвычайный и Полномочный Посол»), in the case of its head: not a verb the
    tagger took for one at a sentence's start («Выступил ректор …»), nor a noun («Мастер-класс члена …»)."""
    if not FULL_ADJECTIVE.search(token.lower_):
        return False
    if is_adjective(token):
        # (an animate head's genitive is its accusative: the tagger may read either, «и.о. Генерального консула»)
        return case_of(head) is None or case_of(token) in (None, case_of(head)) \
            or {case_of(token), case_of(head)} == {"Gen", "Acc"} and feature(head, "Animacy") == ("Anim",)
    # one the tagger takes for a name, capitalised, in the head's case («Генеральным консулом»; not «Участие и.о. …»)
    return token.pos_ in ("PROPN", "NOUN") and is_cap(token) and case_of(head) is not None \
        and case_of(token) == case_of(head)


def post_head_after(doc: Doc, start: int, lex: Lexicons) -> int | None:
    """The head of a post whose adjectives open at `start`, capitalised ones the tagger takes for names too and
    adjectives coordinated, in the head's case («…, Чрезвычайным и Полномочным | Послом …»); None where no post's
    head follows them."""
    index = start
    while index < len(doc) and FULL_ADJECTIVE.search(doc[index].lower_) and doc[index].lemma_ not in lex.positions \
            and (is_adjective(doc[index]) or is_cap(doc[index]) and doc[index].pos_ in ("PROPN", "NOUN")):
        index += 1
        if index + 1 < len(doc) and doc[index].lower_ == "и" and FULL_ADJECTIVE.search(doc[index + 1].lower_):
            index += 1
    if index > start and index < len(doc) and doc[index].lemma_ in lex.positions \
            and all(_post_adjective(doc[i], doc[index]) for i in range(start, index) if doc[i].lower_ != "и"):
        return index
    return None


def role_after(doc: Doc, person_stop: int, lex: Lexicons, blocked: set[int]) -> Chunk | None:
    """The position in apposition after a person: "А.В. Казаков, советник Губернатора Смоленской области", or in
    brackets after the name, all the bracket holds: "Казаков А.В. (советник Губернатора Смоленской области)"."""
    index = person_stop
    person_case = _names_case(doc, person_stop)
    if index + 1 < len(doc) and doc[index].text == "(":
        return _role_in_brackets(doc, index, lex, blocked, person_case)
    if index + 1 >= len(doc) or doc[index].text not in (",", "–", "—"):
        return None
    start = index + 1
    head = post_head_after(doc, start, lex)
    # a post's noun written as its lemma heads the post, in the nominative, whatever the tagger read in a word it
    # hardly knows («Каримов Б.Т. – хоким области»: a genitive adjective to the tagger); not an adjective's
    # («главный специалист»)
    as_written = start < len(doc) and doc[start].lemma_ in lex.positions and doc[start].lower_ == doc[start].lemma_ \
        and not _ADJECTIVE_ENDING.search(doc[start].lower_)
    head = start if as_written else _past_adjectives(doc, start) if head is None else head
    # in the nominative, or in the person's case, in apposition («с Чжаном Вэем, заместителем мэра г. Харбина»);
    # one person's, not a plural that names the next ones («С.А. Хахомов, представители УО «…»»; but «И.И. Петрова,
    # директора ООО …» is a genitive the tagger may read as a plural)
    # (a head written as its lemma is singular, whatever number the tagger read in a word it hardly knows: «Каримов
    # Б.Т. – хоким Самаркандской области»)
    plural = feature(doc[head], "Number") == ("Plur",) and doc[head].lower_ != doc[head].lemma_ \
        if head < len(doc) else False
    if head >= len(doc) or doc[head].lemma_ not in lex.positions \
            or not as_written and case_of(doc[head]) not in (None, "Nom", person_case,
                                                             *_ANIMATE_ALIKE.get(person_case or "", ())) \
            or plural and (person_case in (None, "Nom") or any(feature(doc[i], "Number") == ("Plur",)
                                                               for i in range(start, head))):
        return None  # (a plural its adjectives say is one too: «Обамы — видные деятели Вашингтона, включая …»)
    stop = head + 1
    # (the post ends with its line: «Иванов Иван Иванович, заместитель министра …⏎Сидоренко Ольга Петровна, …»; but
    # a post's head alone at its line's end goes on with its complement on the next: «…, заместитель⏎Губернатора …»)
    while stop < len(doc) and stop not in blocked and doc[stop].pos_ not in ("VERB", "AUX", "PRON") \
            and (not starts_a_line(doc, stop) or stop == head + 1 and wraps_a_line(doc, stop)
                 and case_of(doc[stop]) == "Gen") \
            and (doc[stop].text not in _STOP or (doc[stop].text == "." and doc[stop - 1].text in ("г", "им"))):
        if stop == head + 1 and origin_after_post(doc, stop, lex, blocked, len(doc)) > stop:
            break  # where the holder is from: «Ш. Каримов, эксперт | из Республики Узбекистан»
        if doc[stop].lower_ in ("имени", "им") and stop + 1 < len(doc):
            stop = _past_namesake(doc, stop, lex)  # whom the body is named after («ВГУ имени П.М. Машерова»)
            continue
        if is_initial(doc, stop):
            return None  # the next person's name: a list of officials, not an apposition
        stop += 1
        if stop < len(doc) and doc[stop].text == "," and doc[stop - 1].is_lower \
                and doc[stop - 1].pos_ in ("NOUN", "ADJ") and _listed(doc, stop):
            stop += 1  # a comma of a list closed by «и» in the post's complement: «…, начальник управления
            # Министерства инвестиций, промышленности и торговли Республики Узбекистан»
    if stop in blocked and not starts_a_line(doc, stop) and _holder_named_at(doc, stop, head, blocked):
        return None  # «И.И. Петров, заместитель Губернатора … В.В. Иванов»: the post of the next person named
    if stop < len(doc) and doc[stop].text == "(" and (closing := bracket_end(doc, stop)) is not None:
        stop = closing + 1  # where the body is: «…, генеральным директором ЗАО «Атлант» (г. Минск)»
    return Chunk(start, stop, "ROLE", head)


def post_on_the_next_line(doc: Doc, person_start: int, person_stop: int, lex: Lexicons,
                          blocked: set[int]) -> Chunk | None:
    """The post alone on the line below a name alone on its line («Анохин Василий Николаевич⏎Губернатор Смоленской
    области»), its head in the nominative; none where a name follows it on its line (the next one's post) or a verb
    (a sentence: «В.Н. Анохин⏎Губернатор … провел встречу»)."""
    if not (alone_on_its_line(doc, person_start, person_stop) and _opens_with_a_post(doc, person_stop, lex)):
        return None
    head = _past_adjectives(doc, person_stop)
    stop = head + 1
    while stop < len(doc) and not starts_a_line(doc, stop) and stop not in blocked \
            and doc[stop].pos_ not in ("VERB", "AUX"):
        stop += 1
    if stop < len(doc) and not starts_a_line(doc, stop) or case_of(doc[head]) not in (None, "Nom"):
        return None  # a name or a verb on its line: a sentence, or the next one's post
    while stop > head + 1 and doc[stop - 1].text in (",", ";", "."):
        stop -= 1
    return Chunk(person_stop, stop, "ROLE", head)


def names_above_their_posts(doc: Doc, people: list[tuple[int, int]], lex: Lexicons, blocked: set[int]) -> bool:
    """Whether a text lists names each alone on its line with its post on the line below: its first person is alone
    on its line, a post is alone on the line below it, and none opens the line above it (where a post alone on the
    line above is the name's: «Губернатор Смоленской области⏎В.Н. Анохин»)."""
    if not people:
        return False
    start, stop = people[0]
    if post_on_the_next_line(doc, start, stop, lex, blocked) is None:
        return False
    above = start - 1
    while above > 0 and not starts_a_line(doc, above):
        above -= 1
    return start == 0 or not _opens_with_a_post(doc, above, lex)


def alone_on_its_line(doc: Doc, start: int, stop: int) -> bool:
    """Whether tokens [start, stop) are a line of their own (a list's punctuation after them aside)."""
    while stop < len(doc) and doc[stop].text in (",", ";") and not starts_a_line(doc, stop):
        stop += 1
    return (start == 0 or starts_a_line(doc, start)) and stop < len(doc) and starts_a_line(doc, stop)


def _opens_with_a_post(doc: Doc, index: int, lex: Lexicons) -> bool:
    """Whether a post's head, after its adjectives, opens the words from `index`."""
    head = _past_adjectives(doc, index)
    return head < len(doc) and doc[head].lemma_ in lex.positions


def _names_case(doc: Doc, person_stop: int) -> str | None:
    """The case of a person's name ending at `person_stop`: its last word's that is no initial («Петровой А.С.»:
    the surname's)."""
    index = person_stop - 1
    while index > 0 and (doc[index].text == "." or is_initial(doc, index)):
        index -= 1
    return case_of(doc[index])


def _holder_named_at(doc: Doc, start: int, head: int, persons: set[int]) -> bool:
    """Whether the person whose name starts at token `start` holds the post headed at `head` before it: the name
    stands in the post's case (not the genitive of whom the post serves: «советник Губернатора Смоленской области
    В.Н. Анохина»)."""
    last = start
    while last + 1 in persons:
        last += 1
    return _names_case(doc, last + 1) == case_of(doc[head])  # («Иванов П.П.»: the surname's, not the stop's)


# an animate noun's accusative is its genitive («при участии И.И. Петрова, директора …»: the tagger may read
# either)
_ANIMATE_ALIKE = {"Gen": ("Acc",), "Acc": ("Gen",)}


def _role_in_brackets(doc: Doc, opening: int, lex: Lexicons, blocked: set[int],
                      person_case: str | None) -> Chunk | None:
    """A post that a bracket right after a person holds, its head in the nominative («(Губернатор Смоленской
    области)») or in the person's case («Петровой А.С. (директору …)»); not a place, «(г. Минск)», nor a name in
    other letters; all of it or up to the comma before where the person is from («(доцент кафедры истории ВГУ им.
    П.М. Машерова, г. Витебск)»: the town is a place)."""
    closing = bracket_end(doc, opening, _POST_BRACKET_WORDS)
    head = _past_adjectives(doc, opening + 1)
    if closing is None or head >= closing or doc[head].lemma_ not in lex.positions \
            or case_of(doc[head]) not in (None, "Nom", person_case) \
            or any(i in blocked for i in range(opening + 1, closing)):
        return None
    where = next((i for i in range(head + 1, closing - 1) if doc[i].text == ","
                  and (abbreviated_place(doc, i + 1, lex) or _state_named_at(doc, i + 1))), closing)
    return Chunk(opening + 1, where, "ROLE", head)


# the most words a bracket after a name holds: a post and where its holder is from, a body named after someone in
# it as may be («(доцент кафедры истории ВГУ им. П.М. Машерова, г. Витебск)»)
_POST_BRACKET_WORDS = 24
