"""Canonical names in the nominative, by morphology: persons, organisations, places, roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from natasha import MorphVocab
from pymorphy2.analyzer import Parse
from spacy.tokens import Token

from nlp.extraction.morph import feature
from nlp.extraction.rules import OPENING_QUOTES, ORDINAL, PLACE_ADJECTIVE, decoration_before
from nlp.resources import lexicon

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_INNER_CAPITAL = re.compile(r"[а-яё][А-ЯЁ]")  # a capital after a lowercase letter: «СмолГУ»
# the endings of surnames that do not decline: Tajik and Azerbaijani ones made with «сын»: «Ахмадзода», «Рахимзаде»
_INDECLINABLE_SURNAME = re.compile(r"(?:зода|заде)$")
_INITIALS = re.compile(r"^(?:(?:[А-ЯЁA-Z]|Дж)\.(?:-[А-ЯЁA-Z]\.)?\s?){1,2}$")
# Surname endings no nominative has, for names the dictionary does not know (Зарубицким -> Зарубицкий).
_OBLIQUE_SURNAME = ((r"([сц]к)(?:ого|ому|им|ом)$", r"\1ий"), (r"([сц]к)(?:ой|ую)$", r"\1ая"),
                    (r"(ов|ев|ёв|ин|ын)(?:ым|ом|ому|у)$", r"\1"), (r"(ов|ев|ин|ын)ой$", r"\1а"),
                    (r"([бвгджзклмнпрстфхцчшщ])(?:ом|ому)$", r"\1"))
# and those a nominative has too (Гунба, not the genitive of «Гунб»), read so only where the tagger reads no nominative
_OBLIQUE_OR_NOMINATIVE_SURNAME = ((r"([бвгджзклмнпрстфхцчшщ])(?:а|у)$", r"\1"),)
NAME_GRAMS = frozenset({"Name", "Surn", "Patr"})  # the dictionary's marks of a person's name
# Endings of a man's surname in an oblique case that no nominative has, whatever the dictionary guesses: its guess
# of an unknown «Зарубицким» as a woman's surname that does not decline is not taken.
_NEVER_NOMINATIVE = re.compile(r"(?:[сц]к(?:ого|ому|им)|(?:ов|ев|ёв|ин|ын)(?:ым|ому))$")


def _inflect(parse: Parse, grams: set[str]) -> Parse | None:
    """Inflect with OpenCorpora grammemes (natasha's MorphForm.inflect expects UD ones)."""
    return _inflect_once(parse, frozenset(grams))


@lru_cache(maxsize=100_000)
def _inflect_once(parse: Parse, grams: frozenset[str]) -> Parse | None:
    if "Supr" in parse.tag:
        # a superlative's lexeme holds its other superlatives: the form of the written one («Высшего»: высший, not
        # «высочайший»; «лучшего»: лучший, not «наихороший»)
        forms = [form for form in parse.lexeme if "Supr" in form.tag and grams <= form.tag.grammemes]
        if forms:
            return max(forms, key=lambda form: _shared_start(form.word, parse.word))
    return Parse.inflect(parse, set(grams))  # the names of a corpus repeat: each form is made once


def _shared_start(one: str, other: str) -> int:
    """How many letters two words open with alike."""
    return next((index for index, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
                min(len(one), len(other)))


def shape_like(word: str, original: str) -> str:
    """`word` with the letter case of `original`, and no ё where the original had none.

    >>> shape_like("министерство", "Министерства"), shape_like("могилёв", "МОГИЛЕВЕ")
    ('Министерство', 'МОГИЛЕВ')
    >>> shape_like("аль-нуайми", "аль-Нуайми"), shape_like("ростов-на-дону", "Ростове-на-Дону")
    ('аль-Нуайми', 'Ростов-на-Дону')
    """
    if "ё" not in original.lower():
        word = word.replace("ё", "е")
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts, shapes = word.split("-"), original.split("-")
    if len(parts) > 1 and len(parts) == len(shapes):  # each part as written: «аль-Нуайми», «Ростов-на-Дону»
        return "-".join(shape_like(part, shape) if shape else part for part, shape in zip(parts, shapes, strict=True))
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _parse(vocab: MorphVocab, token: Token, gender: str | None = None, surname: bool = False, noun: bool = False):
    """The pymorphy parse of a token that best fits spaCy's tags (case, gender, part of speech); `noun`: the token
    heads a phrase, so a noun's reading goes first whatever the tagger took it for («Хоким …», tagged an adjective,
    is no form of «хокий»)."""
    return _best_parse(vocab, token.text.lower(), _tagged_case(token), token.pos_, token.lemma_, gender, surname, noun)


@lru_cache(maxsize=50_000)  # a report names its bodies and places again and again, in the same words and cases
def _best_parse(vocab: MorphVocab, word: str, case: str | None, pos: str, lemma: str, gender: str | None,
                surname: bool, noun: bool):
    """`_parse` of a word with the tagger's case, part of speech and lemma."""
    parses = vocab.parse(word)
    known = vocab.word_is_known(word)
    wanted_pos = {"NOUN", "PROPN"} if noun or pos in ("NOUN", "PROPN") else {"ADJ"} if pos == "ADJ" else None

    def score(parse) -> tuple:
        tag = parse.tag
        return (
            surname and ("Surn" in tag or "Name" in tag),
            not surname or "plur" not in tag,
            wanted_pos is None or parse.pos in wanted_pos or (parse.pos == "NOUN" and "NOUN" in (wanted_pos or ())),
            case is None or case in tag,
            gender is None or gender in tag or "plur" in tag,
            "nomn" not in tag if case not in (None, "nomn") else True,
            _parts_are_lemmas(vocab, parse.normal_form),
            parse.score,
            # between readings the dictionary finds as likely, the tagger's word: «парке» is a park's, no «парка»'s
            # (a coat's); of a word the dictionary knows (its guesses at others are the tagger's too: «Наньпине»)
            known and parse.normal_form == lemma,
        )
    return max(parses, key=score) if parses else None


def _parts_are_lemmas(vocab: MorphVocab, lemma: str) -> bool:
    """Whether a compound's lemma is of its parts' lemmas: «крепость-герой», not «крепости-герой», the dictionary's
    other guess at «крепости-героя» (whose first part then stays as written); true of a word of one part."""
    first, _, rest = lemma.partition("-")
    return not rest or any(parse.normal_form == first for parse in vocab.parse(first))


def nominative(vocab: MorphVocab, token: Token, gender: str | None = None, *, singular: bool = False,
               noun: bool = False) -> str:
    """The token's word in the nominative, keeping number (unless `singular`) and (for adjectives) the head's
    gender; `noun`: the token heads its phrase."""
    if _INNER_CAPITAL.search(token.text):
        return token.text  # an abbreviation made of words' parts does not decline: «СмолГУ», «КазФУ»
    if (ordinal := ORDINAL.match(token.text)) is not None:
        # an ordinal in figures, which the dictionary may not know: «52-го отдельного … батальона» -> 52-й
        return f"{ordinal[1]}-{_ORDINAL_ENDINGS.get(gender or '', 'й')}"
    parse = _parse(vocab, token, gender, noun=noun)
    if parse is not None and (token.pos_ in ("NOUN", "PROPN") or token.text[:1].isupper()) \
            and parse.tag.POS not in ("NOUN", "ADJF", "PRTF", "NUMR", "NPRO"):
        return token.text  # the dictionary knows no noun of it: «Кубличи» is no imperative of «кубличить»
    plural = parse is not None and "plur" in parse.tag
    if singular and plural and parse is not None:
        # an adjective's singular has its head's gender («государственных университетов» -> государственный)
        gendered = gender and parse.tag.POS in ("ADJF", "PRTF") and _inflect(parse, {"nomn", "sing", gender})
        if one := gendered or _inflect(parse, {"nomn", "sing"}):
            return shape_like(one.word, token.text)
    if parse is None or "nomn" in parse.tag and (gender is None or gender in parse.tag or plural):
        return token.text
    grams = {"nomn"}
    if gender and parse.tag.POS in ("ADJF", "PRTF") and "plur" not in parse.tag:
        grams.add(gender)
    inflected = _inflect(parse, grams) or _inflect(parse, {"nomn"})
    if inflected is None:
        return token.text
    return shape_like(_first_part_declined(vocab, inflected.word, token.text.lower(), parse), token.text)


_ORDINAL_ENDINGS = {"femn": "я", "neut": "е"}  # a masculine's and a plural's: «-й»


NOT_COMMON = frozenset({"Fixd", "Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})  # a noun's marks that it is a name,
# or does not decline: no common noun's first part that declines («Али-Юрта» is no «Аля-Юрт»)


def _first_part_declined(vocab: MorphVocab, word: str, written: str, parse: Parse) -> str:
    """A compound noun's nominative `word` with its first part declined too, where the dictionary's only reading of
    the compound left it as `written` though the part is a noun of the compound's case and number («Дома-музея»:
    дом-музей, whose lemma the dictionary gives as «дома-музей»); `word` otherwise («пресс-службы», «кафе-бара»)."""
    first, _, rest = word.partition("-")
    if not rest or parse.tag.POS != "NOUN" or first != written.partition("-")[0] \
            or not vocab.word_is_known(first):
        return word
    part = next((p for p in vocab.parse(first) if p.tag.POS == "NOUN" and parse.tag.case in p.tag
                 and parse.tag.number in p.tag and not NOT_COMMON & p.tag.grammemes), None)
    declined = _inflect(part, {"nomn"}) if part is not None else None
    return f"{declined.word}-{rest}" if declined is not None else word


def head_gender(vocab: MorphVocab, token: Token) -> str | None:
    parse = _parse(vocab, token)
    if parse is None:
        return None
    for gram in ("masc", "femn", "neut"):
        if gram in parse.tag:
            return gram
    return _tagged_gender(token)


def _tagged_gender(token: Token) -> str | None:
    """The gender the tagger gave a token, in the dictionary's grammeme ("masc"), if any."""
    return _GENDERS.get((feature(token, "Gender") or [""])[0])


def _tagged_case(token: Token) -> str | None:
    """The case the tagger gave a token, in the dictionary's grammeme ("gent"), if any."""
    return _CASES.get((feature(token, "Case") or [""])[0])


def join(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Words joined with the spacing their tokens had ("«ПО «Кристалл»", "В.Н. Анохин"), and a space between a
    word and the quotation opening right after it, as the reports print names («ОАО«Белшина»»: ОАО «Белшина»)."""
    parts = []
    for index, (token, word) in enumerate(zip(tokens, words, strict=True)):
        parts.append(word)
        if index < len(tokens) - 1 and (token.whitespace_ or token.is_alpha and tokens[index + 1].text == "«"):
            parts.append(" ")
    return "".join(parts)


def shared_noun_names(vocab: MorphVocab, firsts: Sequence[Token], shared: Sequence[Token], noun: Token,
                      rest: Sequence[Token]) -> list[str]:
    """The names of the bodies that coordinated adjectives share a plural noun of, each in the nominative singular:
    «Гомельского, Могилевского и Витебского облисполкомов» -> «Гомельский облисполком», …; «Смоленского и
    Витебского государственных университетов» -> «Смоленский государственный университет», ….
    `shared`: the adjectives between the coordinated ones and the noun; `rest`: the words after the noun."""
    gender = head_gender(vocab, noun)
    words = [nominative(vocab, token, gender, singular=True) for token in shared]
    tail = " ".join([*words, nominative(vocab, noun, singular=True)])
    after = f" {join(rest, [t.text for t in rest])}" if rest else ""
    return [f"{nominative(vocab, first, gender, singular=True)} {tail}{after}" for first in firsts]


# an abbreviation with a case's ending: «МИДа», «МИДе», «ЦИКом» (the nominative has none)
_ABBREVIATION_IN_A_CASE = re.compile(r"^([А-ЯЁ]{2,})(?:а|у|е|ом|ы|ов|ам|ами|ах)$")


# (the morphology, the words and their spacing, the head, singular) -> the phrase in the nominative: a report names
# its regions, states and bodies again and again in the same words and cases (~60% of the phrases of the samples)
_PHRASES: dict[tuple, str] = {}
_PHRASES_KEPT = 50_000


def normal_phrase(vocab: MorphVocab, tokens: Sequence[Token], head: int, *, singular: bool = False) -> str:
    """A noun phrase in the nominative: the head and the adjectives before it inflect, the rest stays; `singular`:
    in the singular too (one person's post: «солисты И.И. Иванов, …» -> солист).

    "Витебского областного исполнительного комитета" -> "Витебский областной исполнительный комитет";
    "Министерства сельского хозяйства и продовольствия" -> "Министерство сельского хозяйства и продовольствия".
    """
    if not tokens:
        return ""
    # (all it reads of a token is its word, spacing, part of speech, features and lemma: no context)
    key = (vocab, head, singular, tuple((t.text, t.whitespace_, t.pos_, hash(t.morph), t.lemma_) for t in tokens))
    found = _PHRASES.get(key)
    if found is None:
        if len(_PHRASES) > _PHRASES_KEPT:
            _PHRASES.clear()
        found = _PHRASES[key] = _normal_phrase(vocab, tokens, head, singular)
    return found


def _normal_phrase(vocab: MorphVocab, tokens: Sequence[Token], head: int, singular: bool) -> str:
    head = max(0, min(head, len(tokens) - 1))
    words = [token.text for token in tokens]
    in_a_case = _ABBREVIATION_IN_A_CASE.match(tokens[head].text)
    if tokens[head].text.isupper() and len(tokens[head].text) > 1 or in_a_case:
        # an abbreviation: ОАО «…», ГУ «…»; one with a case's ending has none in the nominative («МИДа» -> МИД), and
        # the adjectives before it stand in the nominative of their own gender («японского МИДа» -> японский МИД)
        if in_a_case:
            words[head] = in_a_case.group(1)
        for index in range(head - 1, -1, -1):
            if tokens[index].pos_ != "ADJ":
                break
            words[index] = nominative(vocab, tokens[index], _tagged_gender(tokens[index]), singular=singular)
        return join(tokens, words)
    gender = head_gender(vocab, tokens[head])
    # a plural word before a quoted name names one body of a list: «с компаниями «X» и «Y»» -> компания «X»
    # (its adjectives with it: «музыкальных групп «А» и «Б»» -> музыкальная группа «Б»)
    quoted = head + 1 < len(tokens) and tokens[head + 1].text in OPENING_QUOTES and tokens[head].is_lower
    singular = singular or quoted
    words[head] = nominative(vocab, tokens[head], singular=singular, noun=True)
    cases = feature(tokens[head], "Case")
    case = _CASES.get(cases[0]) if cases else None
    index = head - 1
    while index >= 0:
        token = tokens[index]
        if (decorated := decoration_before(tokens, index + 1)) is not None:
            index = decorated  # the orders it was awarded stay as written («Московский ордена Ленина институт»)
        elif token.pos_ in ("ADJ", "VERB", "DET", "NUM") or token.text.lower() == "и":
            if token.text.lower() != "и":
                words[index] = nominative(vocab, token, gender, singular=singular)
        elif (reading := _agreed_adjective(vocab, token, case, gender)) is not None:
            words[index] = _agreed_nominative(reading, gender, token.text)
        else:
            break
        index -= 1
    # the body's other name in apposition right after its head, in brackets or after a dash, stands in its case
    # («Народного Собрания (Парламента) …» -> «Народное Собрание (Парламент) …», «… – Курултая …» -> «… – Курултай …»)
    other = head + 2
    if other < len(tokens) and tokens[head + 1].text in ("(", "–", "—") and tokens[other].text[:1].isupper() \
            and not tokens[other].text.isupper() and tokens[other].pos_ in ("NOUN", "PROPN") \
            and case is not None and feature(tokens[other], "Case") == cases:
        words[other] = nominative(vocab, tokens[other], singular=singular)
    # capitalised adjectives right after the head that agree with it are its name's, where they end the phrase or
    # «и» follows them («Республики Сербской» -> «Республика Сербская»; «митрополитом Минским и Заславским»;
    # «Патриарха Московского и всея Руси» -> «Патриарх Московский и всея Руси»; not «Республики Южной Осетии», where
    # «Южной» is «Осетии»'s)
    after: dict[int, Parse] = {}
    stop = head + 1
    while stop < len(tokens):
        if tokens[stop].lower_ not in ("и", ","):
            reading = _agreed_adjective(vocab, tokens[stop], case, gender, any_part=True,
                                        singular="Sing" in feature(tokens[head], "Number")) \
                or _coordinated_like(vocab, tokens, stop, after)
            if reading is None:
                break
            after[stop] = reading
        stop += 1
    while after and tokens[stop - 1].lower_ in ("и", ","):
        stop -= 1
    if after and (stop == len(tokens) or tokens[stop].lower_ in ("и", ",")):
        for index, reading in after.items():
            words[index] = _agreed_nominative(reading, gender, tokens[index].text)
    return join(tokens, words)


def _coordinated_like(vocab: MorphVocab, tokens: Sequence[Token], index: int, after: dict[int, Parse]) -> Parse | None:
    """A capitalised word coordinated with an agreeing adjective before it and ending as it does, read in its case
    whatever else the dictionary knows it as («митрополитом Минским и Заславским»: «Заславским», a surname to it)."""
    before = after.get(index - 2)
    if before is None or tokens[index - 1].lower_ != "и" or not tokens[index].text[:1].isupper() \
            or tokens[index].lower_[-3:] != tokens[index - 2].lower_[-3:]:
        return None
    grams = {gram for gram in ("nomn", "gent", "datv", "accs", "ablt", "loct", "masc", "femn", "neut", "sing", "plur")
             if gram in before.tag}
    return next((parse for parse in vocab.parse(tokens[index].lower_) if grams <= parse.tag.grammemes), None)


def _agreed_nominative(reading: Parse, gender: str | None, written: str) -> str:
    """An adjective agreeing with its head, in the nominative of the head's gender, shaped as written."""
    inflected = _inflect(reading, {"nomn", gender} if gender and "plur" not in reading.tag else {"nomn"})
    return shape_like(inflected.word, written) if inflected else written


def _agreed_adjective(vocab: MorphVocab, token: Token, case: str | None, gender: str | None,
                      any_part: bool = False, singular: bool = False) -> Parse | None:
    """A capitalised word that the tagger took for a name (or for anything, `any_part`) but the dictionary reads as
    an adjective agreeing with the head ("Кыргызской Республики": Кыргызская Республика), in the singular where the
    head is (`singular`: «храме | Всех Святых» is no «храм Все Святые»); None otherwise."""
    if not any_part and token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or case is None:
        return None
    parses = vocab.parse(token.text.lower())
    # a town's adjective the dictionary knows only as a surname of an adjective's declension («Быховского
    # райисполкома»: Быховский)
    surname = PLACE_ADJECTIVE.search(token.text.lower()) is not None
    return next((parse for parse in parses if (parse.tag.POS == "ADJF" or surname and "Surn" in parse.tag)
                 and case in parse.tag and (gender is None or gender in parse.tag or "plur" in parse.tag)
                 and not (singular and "plur" in parse.tag)), None)


def _double_surname(vocab: MorphVocab, token: Token, nominative: bool) -> str | None:
    """A double surname in the nominative, each part as a surname of the case and gender the parts share
    («Петрова-Водкина» -> Петров-Водкин, «Кузьминой-Карповой» -> Кузьмина-Карпова); None where the parts are
    not both surnames the dictionary reads so (the whole word read as one: «Водкина» as a place's «Водкино»).
    The case is the tagger's (the nominative where the name is known to stand in it), or where the parts are no
    surnames of it, one they share: the tagger may read a hyphenated word it does not know as a nominative
    («Сидоровым-Кузнецовым»)."""
    parts = token.text.split("-")
    if len(parts) != 2 or not all(part[:1].isupper() for part in parts):
        return None
    tagged = "nomn" if nominative else _tagged_case(token)
    for case in (tagged, *([] if tagged is None else [None])):
        readings = [[p for p in vocab.parse(part.lower()) if {"Surn"} & p.tag.grammemes and "sing" in p.tag
                     and (case is None or case in p.tag)] for part in parts]
        if case is None:  # (of the readings, those in a case both parts may be in)
            shared_cases = set.intersection(*({p.tag.case for p in found} for found in readings))
            readings = [[p for p in found if p.tag.case in shared_cases] for found in readings]
        genders = [{g for p in found for g in ("masc", "femn") if g in p.tag} for found in readings]
        shared = genders[0] & genders[1]
        gender = "masc" if "masc" in shared else "femn" if shared else None
        if gender is not None:
            break
    else:
        return None
    words = []
    for part, found in zip(parts, readings, strict=True):
        parse = next(p for p in found if gender in p.tag)
        inflected = _inflect(parse, {"nomn", gender})
        words.append(shape_like(inflected.word, part) if inflected else part)
    return "-".join(words)


def surname_nominative(vocab: MorphVocab, token: Token, nominative: bool = False, gender: str | None = None) -> str:
    """A surname (or given name) in the nominative, masculine unless only a feminine reading fits, or the name is
    known to stand in the nominative (`nominative`) and a reading of it does: «Сидорова» is then a woman's. A double
    surname is a surname twice (`_double_surname`). `gender`: the person's, as their given name says. A word the
    dictionary does not know keeps an ending a nominative has too where the tagger reads it as a nominative
    («Выступил Б.В. Гунба», «Нельсон Мандела»; in NEREL's train and dev sets this reads some 130 names right and 15
    wrong: the tagger's nominative of a foreign name in another case, «Андреа Падована»; the case the name's other
    words or its post say fared worse)."""
    if (double := _double_surname(vocab, token, nominative)) is not None:
        return double
    word = token.text
    if _INDECLINABLE_SURNAME.search(word.lower()):
        return word
    oblique = _NEVER_NOMINATIVE.search(word.lower()) is not None
    # the dictionary's guesses at a word it does not know name no person: any reading in the nominative will do
    # («Сэйдзи Маэхара», guessed the genitive of «Маэхар»); so will a common noun's («С.С. Гора», not «Гор»), and a
    # word it reads as no name at all is the name as written («Р. Шарма», not the genitive of «шарм»; «Альфонс Ори»,
    # not a verb's «орь»), but an adjective, which declines as one («Волшебному Алексу»: Волшебный)
    known = vocab.word_is_known(word.lower())
    readings = vocab.parse(word.lower()) if nominative and known else []
    no_name = not any(NAME_GRAMS & p.tag.grammemes or p.tag.POS == "ADJF" for p in readings)
    if nominative and not oblique and (not known or no_name or any(
            "nomn" in p.tag and "sing" in p.tag and ("Surn" in p.tag or "Name" in p.tag or p.tag.POS == "NOUN")
            for p in readings)):
        return word  # a word the dictionary does not know, whatever case it guesses («В.В. Делба», not «Делб»)
    parse = _parse(vocab, token, surname=True)
    tagged = _tagged_case(token)
    if parse is not None and not known and tagged and tagged not in parse.tag:
        parse = None  # a guess in a case the sentence does not put it in («Гансухом», the prepositional of «Гансухой»)
    if parse is not None and gender is not None and "Name" in parse.tag and "Surn" not in parse.tag \
            and _GENDER_OTHER[gender] in parse.tag:
        # a given name of the other gender is no declension of this person's surname: «Мохаммада Рахими» is
        # Рахими, not the genitive of the woman's name «Рахимя»
        return word
    # one person's name is singular: a plural reading is another word's ("Расулов", unknown to the
    # dictionary, read only as the genitive plural of the given name "Расул"), which the patterns below fit
    if parse is not None and "plur" not in parse.tag and not _a_surnames_adjective(parse) \
            and ("Surn" in parse.tag or "Name" in parse.tag or parse.tag.POS == "ADJF"):
        gender = "femn" if "femn" in parse.tag else "masc"
        inflected = None if "nomn" in parse.tag else _inflect(parse, {"nomn", gender}) or _inflect(parse, {"nomn"})
        found = shape_like(inflected.word, word) if inflected else word
        if not (oblique and found.lower() == word.lower()):
            return found
    # a surname that is a common noun, in an oblique case no nominative of it shares («А.Д. Королем»: Король,
    # «Зайцем»: Заяц)
    parses = vocab.parse(word.lower()) if known else []
    noun = next((p for p in parses if p.tag.POS == "NOUN" and "sing" in p.tag), None)
    if noun is not None and not any("nomn" in p.tag for p in parses) \
            and (inflected := _inflect(noun, {"nomn", "sing"})) is not None:
        return shape_like(inflected.word, word)
    for pattern, replacement in (*_OBLIQUE_SURNAME, *(() if tagged == "nomn" else _OBLIQUE_OR_NOMINATIVE_SURNAME)):
        if re.search(pattern, word):
            return re.sub(pattern, replacement, word)
    return word


def _a_surnames_adjective(parse: Parse) -> bool:
    """Whether the dictionary reads a word as an adjective of «-иный» or «-овый», which names no person: a surname of
    «-ин» or «-ов» in an oblique case («Г.Б. Карасиным» is Карасин, no «Карасиный», as «Путиным» is Путин; «Мариной
    Карасиной»; «А.К. Мешковым» is Мешков, no «мешковый»)."""
    return parse.tag.POS == "ADJF" and not NAME_GRAMS & parse.tag.grammemes \
        and parse.normal_form.endswith(("иный", "ыный", "овый", "евый", "ёвый"))


def _surname_in_case(vocab: MorphVocab, token: Token, case: str | None) -> str | None:
    """A surname in the nominative, read in the oblique case the post before it stands in, where the dictionary
    reads it as a surname in that case: «Посла … С.В. Дованова» is a man's genitive, whatever case the tagger gives
    the surname itself (it reads «Дованова» as a nominative); None in the nominative, or where no reading fits."""
    if case in (None, "nomn", "ablt"):
        return None  # the nominative is the surname's own reading; the instrumental's endings are read apart
    parse = next((p for p in vocab.parse(token.text.lower())
                  if "Surn" in p.tag and "sing" in p.tag and case in p.tag), None)
    inflected = _inflect(parse, {"nomn"}) if parse is not None else None
    return shape_like(inflected.word, token.text) if inflected is not None else None


def outside_brackets(tokens: Sequence[Token]) -> list[Token]:
    """The tokens outside round brackets, without the brackets."""
    depth, kept = 0, []
    for token in tokens:
        depth += token.text == "("
        if depth == 0 and token.text != ")":
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept


def normal_person(vocab: MorphVocab, tokens: Sequence[Token], nominative: bool = False, case: str | None = None) -> str:
    """"И.О. Фамилия" when initials are given (either side), else the full name in the nominative. `nominative`: the
    text says the name stands in it (the tagger reads a surname after initials as a man's genitive: «И.В. Сидорова»);
    `case`: the case (UD's name) the words before it say it stands in, where no word of it the dictionary knows says
    («с послом Ло Цзиньюнем»: the post's).

    Brackets (a Latin spelling) are left out: "Мухаммадом Али (Mohamed Ali)" -> "Мухаммад Али".
    """
    kept = outside_brackets(tokens)
    # initials are the single capitals, whatever full stops the text gives them («Е.Э» at a sentence's end, «В.Н..»)
    # and «Дж.», a full stop after it (the English «J.»: «Дж.Коми»)
    afters = [t.text for t in kept[1:]] + [""]
    initial = [re.fullmatch(r"[А-ЯЁA-Z]", t.text) is not None or t.text == "Дж" and after == "."
               for t, after in zip(kept, afters, strict=True)]
    # (a double given name's initials joined by a hyphen stay joined: «К.-Ж.К. Токаев»)
    parts: list[str] = []
    for index, (token, is_initial) in enumerate(zip(kept, initial, strict=True)):
        if is_initial:
            parts.append(f"{token.text}.")
        elif token.text == "-" and parts and index + 1 < len(kept) and initial[index + 1]:
            parts.append("-")
    initials = "".join(parts)
    names = [t for t, is_initial in zip(kept, initial, strict=True)
             if not is_initial and not re.fullmatch(r"\.+|…", t.text) and t.text not in ",-–"]
    if not names:
        return join(kept, [t.text for t in kept])
    if _INITIALS.match(initials):
        # every word beside the initials is the surname, one of two parts where it has two («А.М. Лопес Мартинес»,
        # the Spanish way); a word the dictionary does not know, in the instrumental the post before it stands in
        # («советником … И.И. Ардзинбой»), has that case's ending
        surnames = []
        for name in names:
            surname = None if nominative else _surname_in_case(vocab, name, _CASES.get(case or "")) \
                or _surname_after_a_particle(name, _CASES.get(case or ""))
            # (a double surname's parts both decline: «Сидоровым-Кузнецовым»)
            surname = surname or _double_surname(vocab, name, nominative)
            if surname is None and not nominative and case == "Ins" and not vocab.word_is_known(name.lower_):
                # a name in the instrumental by its ending, or one that does not decline («с Президентом Республики
                # Абхазия Б.В. Гунба», not «Гунб», the genitive's reading)
                surname = instrumental_nominative(vocab, name, "ablt")
            surname = surname or surname_nominative(vocab, name, nominative)
            if surname == name.text and not vocab.word_is_known(surname.lower()):
                surname = instrumental_nominative(vocab, name, _CASES.get(case or "")) or surname
            surnames.append(surname)
        return f"{initials} {' '.join(surnames)}"
    # a word the dictionary reads in an oblique case says the name's; one it reads as a nominative may be a word that
    # does not decline (the first two of «Данг Минь Кхоем»), so the post's case goes first then
    read = _name_case(vocab, names)
    case = read if read not in (None, "nomn") else _CASES.get(case or "") or read
    gender = next((_closings()[token.lower_] for token in names if token.lower_ in _closings()), None) \
        or _surnames_gender(vocab, names) or _given_name_gender(vocab, names)
    foreign = nominative and sum(vocab.word_is_known(token.lower_) for token in names) == 1
    return " ".join(token.text if _particle(token) or foreign and _named_oblique_only(vocab, token)
                    else patronymic_nominative(vocab, token)
                    or _double_surname(vocab, token, nominative)  # (each part declines: «Мельниковой-Соколовой»)
                    or instrumental_nominative(vocab, token, case)
                    or _unknown_name_nominative(vocab, token, case, gender)
                    or surname_nominative(vocab, token, nominative, gender) for token in names)


def _surname_after_a_particle(token: Token, case: str | None) -> str | None:
    """A surname joined to a particle by a hyphen, after a post in the genitive, the dative or the accusative, in the
    nominative: the part after the particle as a man's surname the dictionary does not know, without that case's
    ending («Министра торговли … А. аль-Габбана»: аль-Габбан; the tagger reads the word as a nominative). None
    otherwise («аль-Хашими» does not decline)."""
    particle, hyphen, rest = token.text.partition("-")
    if not hyphen or particle not in _particles() or not rest[:1].isupper() or case not in ("gent", "datv", "accs"):
        return None
    return next((f"{particle}-{re.sub(pattern, replacement, rest)}"
                 for pattern, replacement in (*_OBLIQUE_SURNAME, *_OBLIQUE_OR_NOMINATIVE_SURNAME)
                 if re.search(pattern, rest)), None)


def _named_oblique_only(vocab: MorphVocab, token: Token) -> bool:
    """Whether the dictionary reads a word as a person's name in oblique cases only: where the text puts the name in
    the nominative, and knows no other word of it, a foreign name as written («Посол Японии Акира Муто»: «Акира» is
    no «Акир»'s genitive; not «Волшебному Алексу», whose adjective says its case)."""
    named = [parse for parse in vocab.parse(token.lower_) if NAME_GRAMS & parse.tag.grammemes]
    return bool(named) and vocab.word_is_known(token.lower_) and not any("nomn" in parse.tag for parse in named)


def _particle(token: Token) -> bool:
    """Whether a word of a full name is a particle, which does not decline: a lowercase word inside it («Бингу ва
    Мутарика», «Эдсон Арантис ду Насименту», «Висенте дель Боске»; not a name a particle is joined to, which does:
    «аль-Ахмеда») or one of `name_particles.tsv` capitalised («Хамад бен Джасем Аль Тани»)."""
    return token.text[:1].islower() and "-" not in token.text or token.lower_ in _particles()


@cache
def _particles() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("name_particles"))


@cache
def _closings() -> dict[str, str]:
    """The particles that close a name after the father's name, with the gender they give it («кызы»: femn)."""
    return {row[0]: row[1] for row in lexicon("name_particles") if len(row) > 1}


_GENDER_OTHER = {"masc": "femn", "femn": "masc"}


def _given_name_gender(vocab: MorphVocab, tokens: Sequence[Token]) -> str | None:
    """The gender of a person's name as its first word says, where the dictionary reads that word only as given
    names of one gender («Мохаммада»: a man's)."""
    named = [parse for parse in vocab.parse(tokens[0].text.lower()) if "Name" in parse.tag] if tokens else []
    genders = {gender for parse in named for gender in _GENDER_OTHER if gender in parse.tag}
    return genders.pop() if len(genders) == 1 and len(tokens) > 1 else None


def _surnames_gender(vocab: MorphVocab, tokens: Sequence[Token]) -> str | None:
    """A man's, where the last word of a name the dictionary does not know reads only as a man's noun in an oblique
    case: a declined surname, which a woman's is not («Миле Медичу»: Миле, a man's given name the dictionary knows as
    the woman's «Мила»)."""
    if len(tokens) < 2 or vocab.word_is_known(tokens[-1].lower_):
        return None
    readings = vocab.parse(tokens[-1].lower_)
    return "masc" if readings and all(p.tag.POS == "NOUN" and "masc" in p.tag and "sing" in p.tag
                                      and "nomn" not in p.tag for p in readings) else None


def _name_case(vocab: MorphVocab, tokens: Sequence[Token]) -> str | None:
    """The case a full name stands in, as the dictionary reads a word of it that it knows as a given name, a surname
    or a patronymic in one case only («Иналом»: the instrumental of «Инал»), or guesses one it does not know to be a
    name in the instrumental only; the words of one name share it."""
    for token in tokens:
        word = token.text.lower()
        if not vocab.word_is_known(word):
            continue
        cases = {case for parse in vocab.parse(word) if NAME_GRAMS & parse.tag.grammemes and "sing" in parse.tag
                 for case in _CASES.values() if case in parse.tag}
        if cases == {"gent", "accs"}:
            return "gent"  # a man's genitive, which is his accusative («Сергея»): what the genitive's endings say
        if len(cases) == 1:
            return cases.pop()
    # else a given name the dictionary guesses in the instrumental alone, by its ending («Эбрахимом Раиси»)
    for token in tokens:
        named = [parse for parse in vocab.parse(token.text.lower()) if NAME_GRAMS & parse.tag.grammemes]
        if named and all("ablt" in parse.tag and "sing" in parse.tag for parse in named):
            return "ablt"
    return None


# A word of a name in the instrumental, by its ending, where the dictionary has no reading of it in that case
# (foreign names): a man's «-ом», «-ем», «-ой», «-ей» (Койтером, Кхоем, Святашем, Цзиньюнем, Ардзинбой), a
# woman's «-ой», «-ей», and a woman's surname that declines as an adjective, «-ской» («О.А. Шпилевской»: Шпилевская;
# a man's is «-ским», whatever gender the tagger guesses)
_INSTRUMENTAL = {"masc": ((r"(ов|ев|ёв|ин|ын)ым$", r"\1"), (r"ом$", ""), (r"([аеёиоуыэюя])ем$", r"\1й"),
                          (r"([жшчщц])ем$", r"\1"), (r"ем$", "ь"), (r"([сц]к)ой$", r"\1ая"), (r"ой$", "а"),
                          (r"([жшчщц])ей$", r"\1а"), (r"ей$", "я")),
                 "femn": ((r"([сц]к)ой$", r"\1ая"), (r"ой$", "а"), (r"([жшчщц])ей$", r"\1а"), (r"ей$", "я"))}

# a man's instrumental that only an adjective has, no noun («Довгополым»: Довгополый; «Синим»: Синий)
_ADJECTIVES_INSTRUMENTAL = re.compile(r"(?:ым|им)$")

# what every word in the instrumental singular ends with (a man's, a woman's, a soft-sign noun's)
_INSTRUMENTAL_ENDING = re.compile(r"(?:ом|ем|ём|ой|ей|ою|ею|ью)$")


def instrumental_nominative(vocab: MorphVocab, token: Token, case: str | None) -> str | None:
    """A word of a name whose other words stand in the instrumental (`case`), in the nominative: the dictionary's
    reading in that case where it has one («Штефаном»: Штефан), else by its ending («Ардзинбой»: Ардзинба, which the
    dictionary guesses to be a nominative); None where the name is in another case or the word has none of those
    endings (left to `surname_nominative`)."""
    if case != "ablt":
        return None
    word = token.text
    # (a guess that the word does not decline is no instrumental of another nominative: «И.А. Ахба»)
    parses = [p for p in vocab.parse(word.lower())
              if "ablt" in p.tag and "sing" in p.tag and not _a_surnames_adjective(p) and "Fixd" not in p.tag]
    named = [p for p in parses if NAME_GRAMS & p.tag.grammemes] or parses
    if named and vocab.word_is_known(word.lower()):
        inflected = _inflect(named[0], {"nomn"})
        return shape_like(inflected.word, word) if inflected else None
    if named and named[0].tag.POS == "ADJF" and _ADJECTIVES_INSTRUMENTAL.search(word.lower()) \
            and (inflected := _inflect(named[0], {"nomn", "masc"})) is not None:
        return shape_like(inflected.word, word)  # a man's surname that declines as an adjective («О.В. Довгополым»)
    gender = "femn" if named and "femn" in named[0].tag else (_tagged_gender(token) or "masc")
    for pattern, replacement in _INSTRUMENTAL.get(gender, ()):
        if re.search(pattern, word, re.IGNORECASE):
            return re.sub(pattern, replacement, word, flags=re.IGNORECASE)
    if not parses and not _INSTRUMENTAL_ENDING.search(word.lower()):
        return word  # no instrumental of it: a name that does not decline («Мохаммадом Али Рахими», not «Рахимя»)
    return None


# A man's name of a soft stem, in an oblique case, by its ending: «й» after a vowel (Виная, Сомчаю: Винай, Сомчай), as
# Russian names of that stem decline (Сергея, Николаю), «ь» after a consonant (Плытканя: Плыткань; Игоря); not «-ия»,
# which Georgian surnames end with in every case (Данелия); and of a stem in «-а», in the genitive (Силвы: Силва; not
# «-лы», which Turkic names end with in every case: Гурбангулы)
_UNKNOWN_NAME_ENDINGS = {
    "gent": ((r"([аеёоуыэюя])я$", r"\1й"), (r"([бвдзлмнпрстфц])я$", r"\1ь"), (r"([бвдзмнпрстфц])ы$", r"\1а")),
    "accs": ((r"([аеёоуыэюя])я$", r"\1й"), (r"([бвдзлмнпрстфц])я$", r"\1ь")),
    "datv": ((r"([аеёоуыэюя])ю$", r"\1й"), (r"([бвдзлмнпрстфц])ю$", r"\1ь"))}


def _unknown_name_nominative(vocab: MorphVocab, token: Token, case: str | None, gender: str | None) -> str | None:
    """A word of a man's name the dictionary does not know whose other words stand in the genitive, the accusative or
    the dative (`case`), in the nominative where its ending is one of that case (`_UNKNOWN_NAME_ENDINGS`: «Виная
    Кумара»: Винай Кумар, a foreign given name the dictionary guesses to be an adjective's nominative; «Сергея
    Плытканя»: Сергей Плыткань; «Луиса да Силвы»: Луис да Силва); None otherwise (left to `surname_nominative`),
    and for a woman's name (`gender`, as its given name says, or the tagger's) or a double surname («Галину
    Юркову-Данелия»)."""
    if case is None:  # no word of the name the dictionary knows says it: the tagger's reading in its sentence
        case = _tagged_case(token)
    if case not in _UNKNOWN_NAME_ENDINGS or "-" in token.text or vocab.word_is_known(token.text.lower()) \
            or "femn" in (gender, _tagged_gender(token)):
        return None
    return next((re.sub(pattern, replacement, token.text) for pattern, replacement in _UNKNOWN_NAME_ENDINGS[case]
                 if re.search(pattern, token.text)), None)


def patronymic_nominative(vocab: MorphVocab, token: Token) -> str | None:
    """A patronymic in the nominative, of the gender it has («Петровной» -> Петровна, «Петровичем» -> Петрович);
    None for a word the dictionary does not read as one."""
    parse = next((p for p in vocab.parse(token.text.lower()) if "Patr" in p.tag and "sing" in p.tag), None)
    if parse is None:
        return None
    if "nomn" in parse.tag:
        return token.text
    inflected = _inflect(parse, {"nomn"})
    return shape_like(inflected.word, token.text) if inflected else None
