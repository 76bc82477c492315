"""Identity: one stable IRI per real-world person, organisation or place across events and reports."""

from __future__ import annotations

import csv
import hashlib
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from nlp.gazetteer.countries import fold
from nlp.gazetteer.places import Gazetteer
from nlp.records import Entity, EntityType, PlaceKind
from nlp.resources import lexicon
from ontology import ENTITY_BASE

_TRANSLIT = str.maketrans(dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True)))
_QUOTED = re.compile(r"«(.+)»?$")
_KIND_PATH = {EntityType.PER: "person", EntityType.ORG: "org", EntityType.LOC: "place"}


@lru_cache(maxsize=100_000)  # every event's places and towns are minted again as it is described
def slug(text: str) -> str:
    """A lowercase Latin slug of a Russian name, or of a name in Latin letters, accented ones without their marks.

    >>> slug("ОАО «Минский автомобильный завод»"), slug("В.Н. Анохин"), slug("Koç Holding A.Ş."), slug("Łódź")
    ('oao-minskiy-avtomobilnyy-zavod', 'v-n-anokhin', 'koc-holding-a-s', 'lodz')
    """
    latin = text.lower().translate(_TRANSLIT)
    latin = re.sub(r"[ыи]й\b", lambda m: "iy" if m.group()[0] == "и" else "yy", latin)
    if not latin.isascii():  # «ç», «ş», «ü»: the letter without its mark; «ß», «ł» and the like by _UNMARKED
        latin = "".join(c for c in unicodedata.normalize("NFKD", latin.translate(_UNMARKED))
                        if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


# Latin letters no decomposition takes a mark off
_UNMARKED = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
                           "ð": "d"})


def mint_iri(kind: EntityType, *parts: str) -> str:
    """The IRI of an entity from its normalised identity; the same parts give the same IRI.

    >>> mint_iri(EntityType.PER, "анохин", "в.н.")
    'https://w3id.org/smolensk-ties/id/person/anokhin-v-n'
    """
    return f"{ENTITY_BASE}{_KIND_PATH[kind]}/{slug('-'.join(p for p in parts if p)) or 'x'}"


@cache
def _legal_forms() -> tuple[tuple[str, str], ...]:
    """Legal forms, folded, longest first (made once: every organisation name is looked up)."""
    return tuple(sorted(((fold(full), abbr) for full, abbr in lexicon("legal_forms")), key=lambda p: -len(p[0])))


@lru_cache(maxsize=1 << 16)  # a name is parted for every mention of it, by resolution and the description
def org_parts(name: str) -> tuple[str, str]:
    """(legal form abbreviation, the name without it), quotes unified and case folded.

    >>> org_parts("общество с ограниченной ответственностью «Триада»")
    ('ООО', 'триада')
    >>> org_parts("ОАО «Управляющая компания холдинга «Бобруйскагромаш»")
    ('ОАО', 'управляющая компания холдинга бобруйскагромаш')
    """
    text = re.sub(r"[\"“”„]", "«", name).strip()
    folded = fold(text)
    for full, abbr in _legal_forms():
        if folded.startswith(full + " «"):
            return abbr, _bare(text[len(full):])
    head, _, rest = text.partition("«")
    words = head.split()
    if rest and words and all(w.isupper() for w in words):
        return " ".join(words), _bare(rest)
    if not rest and len(words) > 2 and words[0].isupper() and words[1] in _education_levels():
        return " ".join(words[:2]), _bare(" ".join(words[2:]))  # «ФГБОУ ВО СмолГУ»: a school's short name
    if not rest and len(words) > 1 and words[0] in _company_forms() and not words[1].isupper():
        # «ОАО Минский автомобильный завод», «ПАО Сбербанк» unquoted (not «ГУ МЧС России», «ГУ Банка России»: an
        # institution's form stands before a quotation, and «ГУ» alone is a main department)
        return words[0], _bare(" ".join(words[1:]))
    return "", _bare(text)


@cache
def _company_forms() -> frozenset[str]:
    """The abbreviations of the legal forms of companies, societies and enterprises («ООО», «ПАО», «РУП»), not of
    institutions («ГУ», «УО»), nor a form written as a word, which names one only before a quotation («Союз
    художников» is no union «художников»)."""
    return frozenset(abbr for full, abbr in _legal_forms() if "учреждени" not in full and abbr.isupper())


@cache
def _education_levels() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("education_levels"))


def _bare(text: str) -> str:
    """The name folded, quotes gone, a state's official name in it shortened (its identity, not its label)."""
    bare = fold(re.sub(r"[«»]", " ", text))
    for official, short in _state_names():
        if official in bare:
            bare = whole_word(official).sub(short, bare)
    return bare


@cache
def whole_word(words: str) -> re.Pattern[str]:
    """A word or words as a whole, not inside another word nor a hyphen's compound («РБ» is not in «РБ-Инвест»)."""
    return re.compile(rf"(?<![\w-]){re.escape(words)}(?![\w-])")


@cache
def _state_names() -> tuple[tuple[str, str], ...]:
    """Longest first: a name inside another is read in it last («Демократической Республики Конго» is not
    «Демократической» with «Республики Конго»)."""
    names = ((fold(row[0]), fold(row[1])) for row in lexicon("state_names_in_names"))
    return tuple(sorted(names, key=lambda pair: -len(pair[0])))


@cache
def _state_codes() -> dict[str, str]:
    """A state's short name in the genitive, folded -> its ISO code ("беларуси" -> BY)."""
    return {fold(row[1]): row[2] for row in lexicon("state_names_in_names")}


def acronym(name: str) -> str:
    """Initial letters of the words of a name: "Минский автомобильный завод" -> "МАЗ"."""
    return "".join(w[0] for w in re.findall(r"[А-Яа-яЁё]+", name) if len(w) > 2).upper()


@dataclass(frozen=True, slots=True)
class Alias:
    relation: str
    type: EntityType
    name: str
    other: str


def read_aliases(path: Path | None = None) -> list[Alias]:
    """The curated alias file: `same` merges two names into one entity, `different` keeps them apart (in the
    decisions folder: ontology/, or $TIES_DECISIONS)."""
    from nlp.resolution.corrections import aliases_path

    path = path or aliases_path()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = csv.DictReader(lines)
    return [Alias(row["relation"].strip(), EntityType(row["type"].strip()), row["name"].strip(),
                  row["other"].strip()) for row in rows if row.get("relation")]


class _Groups:
    """Union-find over identity keys, refusing merges the alias file forbids."""

    def __init__(self, forbidden: set[frozenset[tuple]]) -> None:
        self.parent: dict[tuple, tuple] = {}
        self.forbidden = forbidden

    def find(self, key: tuple) -> tuple:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def members(self, root: tuple) -> set[tuple]:
        return {k for k in self.parent if self.find(k) == root}

    def union(self, a: tuple, b: tuple) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if self.forbidden:
            left, right = self.members(root_a), self.members(root_b)
            if any(frozenset((x, y)) in self.forbidden for x in left for y in right):
                return
        self.parent[max(root_a, root_b)] = min(root_a, root_b)


_PATRONYMIC = re.compile(r"(?:вич|вна|ична|ич)$")  # Петрович, Петровна, Ильинична, Ильич


def person_parts(name: str) -> tuple[str, str]:
    """(folded surname, initials) of a person's canonical name; a full name with a patronymic gives its initials, in
    either order, so that it is the same person as the initials' («Василий Николаевич Анохин», «Анохин Василий
    Николаевич»: В.Н. Анохин).

    >>> person_parts("В.Н. Анохин"), person_parts("Мухаммад Али"), person_parts("Иванова Марина Петровна")
    (('анохин', 'в.н.'), ('мухаммад али', ''), ('иванова', 'м.п.'))
    >>> person_parts("К.-Ж.К. Токаев"), person_parts("Касым-Жомарт Кемелевич Токаев")
    (('токаев', 'к.-ж.к.'), ('токаев', 'к.-ж.к.'))
    """
    # («Дж.»: the English «J.»; a double given name's initials joined by a hyphen: «К.-Ж.»)
    match = re.match(r"^((?:(?:[А-ЯЁA-Z]|Дж)\.(?:-[А-ЯЁA-Z]\.)?\s?){1,2})\s*(.+)$", name)
    if match:
        return fold(match.group(2)), match.group(1).replace(" ", "").lower()
    words = name.split()
    if len(words) == 3 and all(word[:1].isupper() for word in words):
        if _PATRONYMIC.search(words[1]):
            given, patronymic, surname = words
        elif _PATRONYMIC.search(words[2]):
            surname, given, patronymic = words
        else:
            return fold(name), ""
        return fold(surname), ("-".join(f"{part[:1]}." for part in given.split("-")) + f"{patronymic[0]}.").lower()
    return fold(name), ""


def identity_key(entity: Entity, gazetteer: Gazetteer) -> tuple:
    """What two mentions must share to be one entity before any merging rule."""
    if entity.type is EntityType.PER:
        return ("PER", *person_parts(entity.name))
    if entity.type is EntityType.LOC:
        if entity.kind is PlaceKind.COUNTRY and entity.country:
            return ("LOC", "country", entity.country)
        place = gazetteer.lookup(entity.name, entity.district, entity.country, entity.kind)
        if place is not None and (entity.kind is None or place.kind == entity.kind):
            if place != gazetteer.lookup(entity.name, entity.district):  # a namesake of the state the text gives
                return ("LOC", "ref", place.ref, place.country)
            return ("LOC", "ref", place.ref)
        # a church is named with its «Свято-» or without («Свято-Успенский собор», «Успенский собор»)
        name = _HOLY.sub("", fold(entity.name)) if entity.kind is PlaceKind.SITE else fold(entity.name)
        if entity.kind is PlaceKind.SITE and entity.town:  # every town has its «площадь Ленина»
            return ("LOC", "site", name, fold(entity.town))
        if entity.district:  # not the gazetteer's namesake: a village of its own district
            return ("LOC", "settled", name, fold(entity.district))
        return ("LOC", str(entity.kind or ""), name)
    return ("ORG", *org_parts(entity.name))


_HOLY = re.compile(r"^свято-\s*")


def _same_name_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """One name under different legal forms ("ГК «СТиМ»", "ООО «СТиМ»") is one organisation; so is a company
    called by what it is with its quoted name («компания «Белшина»» is «ОАО «Белшина»», `company_words.tsv`), one
    named after someone by «им.» or «имени», with initials or names («… им. Ф. Скорины», «… имени Франциска
    Скорины»: `_by_namesakes_surname`), and a
    body whose branch's town is named with its word or without («… в г. Смоленске», «… в городе Смоленске», «… в
    Смоленске»), a body of a town named with the town's word short or not («администрация г. Сухум», «администрация
    города Сухум»), with Russia as the state the mission is in or without («… в Российской Федерации в г. Смоленске»,
    «Посольство Китайской Народной Республики в Российской Федерации»: `_foreign_mission`). The keys stay apart, so
    that an IRI minted from one of them stays as it was."""
    names: dict[tuple, set[str]] = defaultdict(set)
    for key, entity in keyed:
        if key[0] == "ORG":
            names[key].add(entity.name)
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for key in sorted(names):
        bare = key[2]
        called = {called for name in names[key] if (called := company_called(name)) is not None}
        # the words before a quoted name, or their initials («Национальный выставочный центр «БелЭкспо»», «НВЦ
        # «БелЭкспо»»)
        initialled = {f"«{initials}»" for name in names[key] for initials in _initials_before_quote(name, key)}
        for name in {bare, _TOWNS_WORD.sub("в ", _HOST_STATE.sub("", bare)), _foreign_mission(bare),
                     _TOWN_OF.sub("", bare), _by_namesakes_surname(bare), *called, *initialled}:
            by_name[name].append(key)
    for same in by_name.values():
        for other in same[1:]:
            groups.union(same[0], other)


def _initials_before_quote(name: str, key: tuple) -> tuple[str, ...]:
    """A name's quotation with the initials of the words before it, where they are two or more («Национальный
    выставочный центр «БелЭкспо»»: «НВЦ белэкспо»), also inside a legal form's quotation («ФГБОУ ВО «Национальный
    исследовательский университет «МЭИ»»: «НИУ мэи»), or with the capitals the name opens with, which its key holds
    as its form («НВЦ «БелЭкспо»», «НИУ «МЭИ»»); none for a name of no quotation."""
    if key[1]:
        found = (f"{key[1]} {key[2]}",) if " " not in key[1] else ()
        inner = name.partition("«")[2]
        return (*found, *_initials_before_quote(inner, ("ORG", "", ""))) if "«" in inner else found
    head, quote, _ = name.partition("«")
    words = re.findall(r"[А-Яа-яЁё]{3,}", head)
    if not quote or len(words) < 2:
        return ()
    return (f"{acronym(head)} {_bare(name[len(head):]).strip()}",)


def _by_namesakes_surname(bare: str) -> str:
    """A folded name's words (`_framed_words`: «им.» as «имени») with whom it is named after without initials, and of
    two words the last: «… им. П.М. Машерова» as «… имени П.М. Машерова», «… имени Франциска Скорины» as «… имени
    Ф. Скорины»; the name as it is where it is named after no one."""
    words = _framed_words(bare)
    if "имени" not in words:
        return bare
    named = words.index("имени") + 1
    namesake = [word for word in words[named:] if not _INITIALS_WORD.fullmatch(word)]
    return " ".join((*words[:named], *(namesake[1:] if len(namesake) == 2 else namesake)))


_INITIALS_WORD = re.compile(r"(?:\w\.)+")  # «п.м.», «ф.»


def _other_name_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A body named with its other name after a dash is the body each name names with the words the second goes on
    with: «Народное Собрание – Парламент Республики Абхазия» is «Народное Собрание Республики Абхазия» and
    «Парламент Республики Абхазия»; «Государственное Собрание – Курултай Республики Башкортостан» is «Государственное
    Собрание Республики Башкортостан»; and so is one with its other name in brackets («Народное Собрание (Парламент)
    Республики Абхазия»).

    >>> groups = _Groups(set())
    >>> names = ["народное собрание – парламент абхазии", "народное собрание абхазии", "парламент абхазии",
    ...          "народное собрание (парламент) абхазии", "народное собрание"]
    >>> _other_name_merges([(("ORG", "", name), None) for name in names], groups)
    >>> [groups.find(("ORG", "", name)) == groups.find(("ORG", "", names[0])) for name in names]
    [True, True, True, True, False]
    """
    by_name: dict[str, list[tuple]] = defaultdict(list)
    for key, _ in keyed:
        if key[0] == "ORG":
            by_name[key[2]].append(key)
    for name, keys in sorted(by_name.items()):
        # (or after its first name in brackets: «Народное Собрание (Парламент) Республики Абхазия»)
        parts = _DASH_BETWEEN.split(_OTHER_NAME_IN_BRACKETS.sub(r" – \1 ", name, count=1))
        if len(parts) != 2 or len(other := parts[1].split()) < 2:
            continue
        # the first name with what the other goes on with after its first word or words, and the other alone
        for same in (*(f"{parts[0]} {' '.join(other[cut:])}" for cut in range(1, len(other))), parts[1]):
            for key in by_name.get(same, ()):
                groups.union(keys[0], key)


_DASH_BETWEEN = re.compile(r"\s[–—-]\s")
# a body's other name of words, in brackets inside its name, before the words the two go on with (not a place, nor
# letters alone: «(г. Минск)», «(РБ)»)
_OTHER_NAME_IN_BRACKETS = re.compile(r"\s\((?![^()]*\.)([а-яё]{4,}(?:\s[а-яё]+){0,2})\)\s(?=\w)")


@lru_cache(maxsize=65536)
def company_called(name: str) -> str | None:
    """The bare quoted name of a company called by what it is («компания «Белшина»»: белшина, as `org_parts` gives
    «ОАО «Белшина»»), or None."""
    called = _COMPANY_CALLED.match(name)
    return _bare(name[called.end() - 1:]) if called and called.group(1).lower() in _company_words() else None


_COMPANY_CALLED = re.compile(r"(\w+)\s+«")


@cache
def _company_words() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("company_words"))


_TOWNS_WORD = re.compile(r"\bв\s+(?:г\.|гор\.|городе\s)\s*(?=\w)")
# a town's word before the town a body is of, short or not («администрация г. Сухум», «администрация города Сухум»)
_TOWN_OF = re.compile(r"(?<![\w-])(?:г\.|гор\.|города\s)\s*(?=\w)")
# Russia as the state a foreign mission is in, before the town its branch is in: «отделение Посольства Республики
# Беларусь в Российской Федерации в г. Смоленске» is «… в г. Смоленске»
_HOST_STATE = re.compile(r"\s+в\s+(?:российской\s+федерации|россии|рф)(?=\s+в\s)")


def _foreign_mission(bare: str) -> str:
    """A foreign state's body named with Russia as the state it is in, without it («посольство китая в россии» is
    «посольство китая»: the embassy a Russian region deals with); any other name as it is."""
    host = _HOST_STATE_LAST.search(bare)
    if host is None:
        return bare
    rest = bare[:host.start()]
    foreign = _MISSION.match(rest) is not None or any(
        code != "RU" and whole_word(short).search(rest)
        for short, code in _state_codes().items())
    return rest if foreign else bare


# Russia as the state a body is in, ending its name («посольство беларуси в россии»)
_HOST_STATE_LAST = re.compile(r"\s+в\s+(?:россии|рф)$")
# a state's mission abroad, which only a foreign state has in Russia («посольство японии»)
_MISSION = re.compile(r"(?:посольств|(?:генеральн\w*\s+)?консульств|генконсульств|торгов\w*\s+представительств"
                      r"|торгпредств)\w*\s")


def _state_suffix_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups, gazetteer: Gazetteer) -> None:
    """A name with its state's name after it is the name without, where that name's own words name a place of
    that state: "Витебский областной исполнительный комитет Республики Беларусь" and "Витебский областной
    исполнительный комитет" (not "Министерство культуры Российской Федерации" and "Министерство культуры", which
    may be any region's). By names alone, as the store keeps its entities: any order of builds merges alike."""
    names: dict[tuple, set[str]] = defaultdict(set)
    for key, entity in keyed:
        if key[0] == "ORG":
            names[key].add(entity.name)
    by_name = {(key[1], key[2]): key for key in names}
    codes = _state_codes()
    for key in names:
        rest, _, last = key[2].rpartition(" ")
        without = by_name.get((key[1], rest)) if last in codes else None
        if without is not None and codes[last] in {_state_named(name, gazetteer) for name in names[without]}:
            groups.union(key, without)


def _state_named(name: str, gazetteer: Gazetteer) -> str | None:
    """The state of the first place a name's capitalised adjective is made from ("Витебский …" -> BY)."""
    for word in re.findall(r"[А-ЯЁ][а-яё]+", name):
        if (place := gazetteer.by_adjective(word)) is not None:
            return place.country
    return None


def _person_merges(keys: Iterable[tuple], groups: _Groups) -> None:
    """Same surname, compatible initials: "Анохин" and "В. Анохин" join "В.Н. Анохин" when only one fits."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key[0] == "PER":
            by_surname[key[1]].add(key[2])
    for surname, initials in by_surname.items():
        full = [i for i in initials if i.count(".") == 2]
        for partial in initials:
            if partial in full:
                continue
            fits = [f for f in full if f.startswith(partial)]
            if len(fits) == 1:
                groups.union(("PER", surname, partial), ("PER", surname, fits[0]))


def _full_name_merges(keys: Iterable[tuple], groups: _Groups) -> None:
    """A full name without a patronymic is the name its given names' initials give, where one such name fits
    ("Алели Мойсес Лопес Мартинес" and "А.М. Лопес Мартинес", "Мухаммад Али" and "М. Али", "Иван Петров" and
    "И.П. Петров", "Атир Давуд Салман аль-Габбан" and "А. аль-Габбан"): one given name, two or three (an Arab's
    own, his father's and grandfather's), then the surname of one word or more. A name that two full names may stand
    for stays apart ("Мухаммад Али", "Махмуд Али": "М. Али")."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key[0] == "PER" and key[2]:
            by_surname[key[1]].add(key[2])
    claims: dict[tuple, set[tuple]] = defaultdict(set)
    for key in keys:
        words = key[1].split() if key[0] == "PER" and not key[2] else []
        for given in (1, 2, 3):
            letters = "".join(f"{word[0]}." for word in words[:given])
            for initials in by_surname.get(" ".join(words[given:]), ()) if len(words) > given else ():
                if letters.startswith(initials) or initials.startswith(letters):
                    claims[("PER", " ".join(words[given:]), initials)].add(key)
    for short, full in claims.items():
        if len(full) == 1:
            groups.union(short, next(iter(full)))


def _reversed_name_merges(keys: Iterable[tuple], groups: _Groups) -> None:
    """A given name and a surname are one person in either order: a list writes the surname first («Солак Драган –
    Посол …»), a sentence the given name («с Послом … Драганом Солаком»)."""
    names = {key[1] for key in keys if key[0] == "PER" and not key[2] and len(key[1].split()) == 2}
    for name in sorted(names):
        given, surname = name.split()
        if f"{surname} {given}" in names:
            groups.union(("PER", name, ""), ("PER", f"{surname} {given}", ""))


# words an abbreviation leaves out: «Министерство промышленности и торговли» is «Минпромторг»
_LINK_WORDS = frozenset({"и", "по", "в", "во", "на", "при", "для", "с", "со", "об", "о"})
_SPAN = (3, 3)  # the words of a full name an abbreviated one shares before its short word, and after it


def _abbreviates(short: str, words: tuple[str, ...]) -> bool:
    """Whether one word abbreviates a name's words other than links (`_content`): it is their starts, in order,
    each of two letters or more, or a capital alone before a capital or the end («Минпромторг», «облисполком»,
    «СмолГУ», «МАЗ»).

    >>> _abbreviates("Минпромторг", _content(("министерство", "промышленности", "и", "торговли")))
    True
    >>> _abbreviates("Минкультуры", _content(("министерство", "культуры", "и", "туризма")))
    False
    """
    short = _LINK_BETWEEN_CAPITALS.sub("", short)  # «РМиЭЧ»: «и» is a link word, which `_content` leaves out
    low = short.lower().replace("ё", "е")
    if len(words) < 2 or low[:1] != words[0][:1]:
        return False
    ends = {0}  # where the pieces so far may end in the short word
    for word in words:
        ends = {stop for start in ends for stop in _pieces(short, low, start, word)}
        if not ends:
            return False
    return len(low) in ends


def shortens(short: str, name: str) -> bool:
    """Whether a body's short name, one word and whom the body is named after, if anyone, stands for a body's name
    (folded, without its legal form): «ВитГУ», «ВГУ имени П.М. Машерова» for «витебский государственный университет
    имени п.м. машерова»; not «МГУ имени М.В. Ломоносова» for «могилевский государственный университет имени а.а.
    кулешова». A short word of three letters at least, a name of three words at least, as `_abbreviates` reads them.

    >>> shortens("ГомГМУ", "гомельский государственный медицинский университет")
    True
    >>> shortens("ВГУ им. П.М. Машерова", "витебский государственный университет имени п.м. машерова")
    True
    >>> shortens("МГУ имени М.В. Ломоносова", "могилевский государственный университет имени а.а. кулешова")
    False
    """
    word, *namesake = _framed_words(fold(short))
    words = _framed_words(name)
    named = _namesake_words(words)
    if namesake and (not named or namesake[-1] != words[-1]):
        return False
    inner = _content(words[:len(words) - named])
    spelt = short.split()[0]
    return len(spelt) >= 3 and len(inner) >= 3 and _abbreviates(spelt, inner)


_LINK_BETWEEN_CAPITALS = re.compile(r"(?<=[А-ЯЁ])(?:и|по|в)(?=[А-ЯЁ])")


def _content(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words an abbreviation stands for: those other than links, a hyphenated word's parts each a word
    («Торгово-промышленная палата»: ТПП), and a compound's written as one (`compound_words.tsv`:
    «сельскохозяйственная академия»: СХА)."""
    return tuple(piece for word in words if word not in _LINK_WORDS for part in word.split("-") if part
                 for piece in _compound_parts(part))


@lru_cache(maxsize=100_000)  # each name's words are looked at again for every name that may abbreviate it
def _compound_parts(word: str) -> tuple[str, ...]:
    """A word's parts an abbreviation takes each by its first letter («сельскохозяйственная»: сельско,
    хозяйственная); the word itself where it is no compound of `compound_words.tsv`."""
    for start, first in _compounds():
        if word.startswith(start):
            return word[:len(first)], word[len(first):]
    return (word,)


@cache
def _compounds() -> tuple[tuple[str, str], ...]:
    return tuple((start, first) for start, first in lexicon("compound_words"))


def _pieces(short: str, low: str, start: int, word: str) -> Iterator[int]:
    """Where a piece of the short word from `start` may end: the piece the start of `word`, of two letters or more,
    or a capital alone before a capital or the end (so that a piece opening with a capital and a lowercase letter
    has two letters or more: `_opening`)."""
    for stop in range(start + 1, min(len(low), start + len(word)) + 1):
        if low[stop - 1] != word[stop - start - 1]:
            return
        if stop - start >= 2 or short[start].isupper() and (stop == len(short) or short[stop].isupper()):
            yield stop


def _opening(short: str) -> int:
    """How many letters a short word's first piece shares with the first word it stands for, at least: one for a
    capital before a capital («МАЗ», «МИД»), else two («Минпромторг», «облисполком»)."""
    return 1 if short[:2].isupper() or len(short) < 2 else 2


def _abbreviation_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A name with one word abbreviating words of another, the rest the same, is that one where no other name fits:
    «ОАО «МАЗ»» and «ОАО «Минский автомобильный завод»», «МИД России» and «Министерство иностранных дел Российской
    Федерации», «Минпромторг России», «Витебский облисполком» and «Витебский областной исполнительный комитет»,
    «Генконсульство Беларуси в Смоленске» and «Генеральное консульство Республики Беларусь в г. Смоленске». A
    short name shares at most three words before its short word («Деловой совет ШОС», «Смоленское региональное
    отделение РКК») and three after it with the full one (a body's town, its state or region, its state and the
    town of a branch), the full one's region and state after it as may be («Лиозненский райисполком»: «… районный
    исполнительный комитет Витебской области Республики Беларусь»), or whom it is named after, however written
    («ОГБУК «СОУНБ им. А.Т. Твардовского»» and «ОГБУК «Смоленская областная универсальная научная библиотека имени
    А.Т. Твардовского»»). By names alone, as the store keeps its entities: any order of builds merges alike."""
    names = {key: entity.name for key, entity in keyed if key[0] == "ORG"}
    # (words before, words after, the first one or two letters) -> the full names with the words between them
    by_frame: dict[tuple, list[tuple[tuple, tuple[str, ...]]]] = defaultdict(list)
    for key in names:
        for words in {_framed_words(key[2]), _without_where_it_is(_framed_words(key[2]))}:
            for before in range(_SPAN[0] + 1):
                for after in {*range(_SPAN[1] + 1), _namesake_words(words)}:
                    inner = _content(words[before:len(words) - after])
                    if len(inner) >= 2:
                        for opening in (1, 2):
                            by_frame[words[:before], words[len(words) - after:], inner[0][:opening]].append(
                                (key, inner))
    found: list[tuple[tuple, set[tuple]]] = []
    for key, name in sorted(names.items()):
        words = _framed_words(key[2])
        spelt = _spelt(name)
        for index, width in itertools.product(range(min(_SPAN[0] + 1, len(words))), (1, 2)):
            head, tail = words[:index], words[index + width:]
            if len(words[index]) < 2 or len(tail) > max(_SPAN[1], _namesake_words(tail)):
                continue
            written = [spelt.get(word, word) for word in words[index:index + width]]
            if width == 2 and (len(written) < 2 or not _acronymic(" ".join(written))):
                continue  # two short words read as one («РНПЦ РМиЭЧ»), not a short word and another
            short = "".join(written)
            candidates = by_frame.get((head, tail, words[index][:_opening(short)]), ())
            fits = {full for full, inner in candidates if full != key and _abbreviates(short, inner)}
            if fits:
                found.append((key, fits))
    # the names that fit may be one organisation's, shortened in part («Минский горисполком» beside «Минский
    # городской исполнительный комитет», both fitting «Мингорисполком»): merged until nothing changes, in an order of
    # their own, each short name joins the one organisation all that fit it are
    merged = True
    while merged:
        merged = False
        for key, fits in found:
            roots = {groups.find(full) for full in fits}
            if len(roots) == 1 and groups.find(key) not in roots:
                groups.union(key, roots.pop())
                merged = True


def _parents_quoted_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A unit named with its parent's legal form and quoted name is the unit named with the parent's words in their
    case, the rest the same: «Смоленское отделение ВТОО «Союз художников России»» and «Смоленское отделение Союза
    художников России». The words are compared by their stems (`_stem`), where one name quotes its parent after the
    unit's words and an abbreviation of capitals.

    >>> groups = _Groups(set())
    >>> names = ["Смоленское отделение ВТОО «Союз художников России»", "Смоленское отделение Союза художников России",
    ...          "Смоленское отделение Союза писателей России"]
    >>> _parents_quoted_merges([(("ORG", *org_parts(name)), Entity("", EntityType.ORG, name)) for name in names],
    ...                        groups)
    >>> [groups.find(("ORG", *org_parts(name))) == groups.find(("ORG", *org_parts(names[0]))) for name in names]
    [True, True, False]
    """
    by_stems: dict[tuple[str, ...], list[tuple]] = defaultdict(list)
    quoting: list[tuple[tuple, tuple[str, ...]]] = []
    for key, entity in keyed:
        if key[0] != "ORG" or key[1]:
            continue
        by_stems[tuple(map(_stem, key[2].split()))].append(key)
        unit, quote, parent = entity.name.partition("«")
        words = unit.split()
        if quote and len(words) > 1 and _PARENTS_FORM.fullmatch(words[-1]) and words[-2].islower():
            quoting.append((key, tuple(map(_stem, _bare(f"{' '.join(words[:-1])} {parent}").split()))))
    for key, stems in quoting:
        for other in by_stems.get(stems, ()):
            groups.union(key, other)


def _namesake_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A body named without whom it is named after is the one named with them, the words before the same, where one
    organisation is so named: «Национальная библиотека Республики Абхазия» and «… им. И.Г. Папаскир»; not where two
    are, named after different people, nor by a name of fewer than three words («Средняя школа»). By names alone,
    as the store keeps its entities: any order of builds merges alike.

    >>> groups = _Groups(set())
    >>> names = ["Смоленский драматический театр", "Смоленский драматический театр им. А.С. Грибоедова",
    ...          "Средняя школа", "Средняя школа имени А.С. Пушкина", "Средняя школа имени Ю.А. Гагарина"]
    >>> _namesake_merges([(("ORG", *org_parts(name)), Entity("", EntityType.ORG, name)) for name in names], groups)
    >>> [groups.find(("ORG", *org_parts(name))) == groups.find(("ORG", *org_parts(names[1]))) for name in names]
    [True, True, False, False, False]
    """
    named: dict[tuple[str, ...], set[tuple]] = defaultdict(set)  # the words before whom -> the keys so named
    plain: list[tuple[tuple, tuple[str, ...]]] = []
    for key, _ in keyed:
        if key[0] != "ORG":
            continue
        words = _framed_words(key[2])
        if (count := _namesake_words(words)) > 0:
            named[words[:len(words) - count]].add(key)
        elif len(words) >= 3:
            plain.append((key, words))
    for key, words in plain:
        roots = {groups.find(other) for other in named.get(words, ())}
        if len(roots) == 1:
            groups.union(key, roots.pop())


def _status_word_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A body named without some of the words that say its rank or level (`status_words.tsv`), the rest the same, is
    the one named with them where one organisation is so named: «Смоленский драматический театр им. А.С.
    Грибоедова» and «Смоленский государственный драматический театр имени А.С. Грибоедова»; not where two are
    («Витебский исполнительный комитет» beside the regional and the town one), nor by the first word («Национальная
    библиотека Беларуси» is no «Библиотека Беларуси»), nor a name of one word left. By names alone, as the store
    keeps its entities: any order of builds merges alike.

    >>> groups = _Groups(set())
    >>> names = ["Смоленский драматический театр", "Смоленский государственный драматический театр",
    ...          "Витебский исполнительный комитет", "Витебский областной исполнительный комитет",
    ...          "Витебский городской исполнительный комитет"]
    >>> _status_word_merges([(("ORG", *org_parts(name)), Entity("", EntityType.ORG, name)) for name in names], groups)
    >>> [groups.find(("ORG", *org_parts(name))) == groups.find(("ORG", *org_parts(names[1]))) for name in names]
    [True, True, False, False, False]
    >>> groups.find(("ORG", *org_parts(names[2]))) == groups.find(("ORG", *org_parts(names[3])))
    False
    """
    by_rest: dict[tuple[str, ...], list[tuple[tuple, tuple[str, ...]]]] = defaultdict(list)
    for key, _ in keyed:
        if key[0] == "ORG":
            words = _framed_words(key[2])
            status = tuple(word for word in words[1:] if _names_a_status(word))
            rest = (words[0], *(word for word in words[1:] if not _names_a_status(word)))
            if len(rest) >= 2:
                by_rest[rest].append((key, status))
    for named in by_rest.values():
        for key, status in named:
            fuller = {groups.find(other) for other, more in named if len(more) > len(status)
                      and not Counter(status) - Counter(more)}
            if len(fuller) == 1:
                groups.union(key, fuller.pop())


def _units_of_one_parent_merges(keyed: Iterable[tuple[tuple, Entity]], groups: _Groups) -> None:
    """A unit named with its parent's name is the unit named with another name of that parent, the words before and
    after the same: «филиал НИУ «МЭИ» в г. Смоленске» and «филиал ФГБОУ ВО «Национальный исследовательский университет
    «МЭИ» в г. Смоленске», the two names of the university being one. A parent is the longest run of the unit's words
    that another organisation is named by, with its legal form or without, with words before it (the unit's own).
    By names alone, as the store keeps its entities: any order of builds merges alike.

    >>> groups = _Groups(set())
    >>> names = ["НИУ «МЭИ»", "ФГБОУ ВО «Национальный исследовательский университет «МЭИ»", "филиал НИУ «МЭИ» в г. "
    ...          "Смоленске", "филиал ФГБОУ ВО «Национальный исследовательский университет «МЭИ» в г. Смоленске",
    ...          "филиал НИУ «МЭИ» в г. Вязьме"]
    >>> keyed = [(("ORG", *org_parts(name)), Entity("", EntityType.ORG, name)) for name in names]
    >>> groups.union(keyed[0][0], keyed[1][0])
    >>> _units_of_one_parent_merges(keyed, groups)
    >>> [groups.find(key) == groups.find(keyed[2][0]) for key, _ in keyed]
    [False, False, True, True, False]
    """
    named: dict[tuple[str, ...], tuple] = {}
    for key, _ in keyed:
        if key[0] == "ORG":
            named.setdefault(tuple(key[2].split()), key)
            if key[1]:
                named.setdefault((*fold(key[1]).split(), *key[2].split()), key)
    units: dict[tuple, list[tuple]] = defaultdict(list)
    for key, _ in keyed:
        if key[0] != "ORG" or key[1]:
            continue
        words = tuple(key[2].split())
        found = next(((start, stop) for width in range(len(words) - 1, 0, -1)
                      for start in range(1, len(words) - width + 1)
                      if (stop := start + width) and words[start:stop] in named), None)
        if found is not None:
            start, stop = found
            parent = groups.find(named[words[start:stop]])
            units[_framed_words(" ".join(words[:start])), parent, _framed_words(" ".join(words[stop:]))].append(key)
    for same in units.values():
        for key in same[1:]:
            groups.union(same[0], key)


def _names_a_status(word: str) -> bool:
    return word.startswith(_status_words())


@cache
def _status_words() -> tuple[str, ...]:
    return tuple(row[0] for row in lexicon("status_words"))


_PARENTS_FORM = re.compile(r"[А-ЯЁ]{2,}")  # a parent's legal form inside a unit's name: «ВТОО», «ФГБОУ»


def _stem(word: str) -> str:
    """A folded word without the last two letters of a case's ending, four letters kept: «союза» and «союз» are
    «союз», «художников» is «художник»."""
    return word[:max(4, len(word) - 2)]


def _framed_words(name: str) -> tuple[str, ...]:
    """A folded name's words, «им.» written out («имени») and a branch's town without its word («в г. Смоленске»: «в
    Смоленске»), as the frames of `_abbreviation_merges` compare them."""
    return tuple("имени" if word in ("им.", "им") else word for word in _TOWNS_WORD.sub("в ", name).split())


def _without_where_it_is(words: tuple[str, ...]) -> tuple[str, ...]:
    """A folded name's words without the region and the state after them that say where the body is («лиозненский
    районный исполнительный комитет витебской области беларуси»: its short name «Лиозненский райисполком» names
    neither); the words as they are where no region ends them."""
    if words and words[-1] in _state_codes():
        words = words[:-1]
    if len(words) > 3 and words[-1] in _REGION_WORDS and _REGION_ADJECTIVE.search(words[-2]):
        return words[:-2]
    return words


_REGION_WORDS = frozenset({"области", "края"})
_REGION_ADJECTIVE = re.compile(r"(?:ской|цкой)$")


def _namesake_words(words: tuple[str, ...]) -> int:
    """How many words at a name's end say whom it is named after («имени а.т. твардовского»: 3), 0 if none do."""
    return len(words) - words.index("имени") if "имени" in words else 0


def _spelt(name: str) -> dict[str, str]:
    """A name's folded words with the capitals the name writes them with («смолгу» in «СмолГУ»: СмолГУ), the
    first spelling of each."""
    spelt: dict[str, str] = {}
    for written in re.findall(r"[А-ЯЁа-яёA-Za-z]+", name):
        spelt.setdefault(fold(written), written)
    return spelt


def _canonical(entities: list[Entity]) -> Entity:
    """The fullest, most informative form among the mentions of one entity; not one that only adds its state's name
    to another's ("… комитет Республики Беларусь" beside "… комитет": the state is the entity's attribute)."""
    bares = {org_parts(entity.name)[1] for entity in entities if entity.type is EntityType.ORG}
    shorts = _state_codes()

    def rank(entity: Entity) -> tuple:
        if entity.type is EntityType.PER:  # «В.Н. Анохин», as the reports name officials, over «Василий Николаевич …»
            initials = person_parts(entity.name)[1]
            return (initials.count("."), entity.name.lower().startswith(initials), len(entity.name), entity.name)
        if entity.type is EntityType.ORG:
            form, bare = org_parts(entity.name)
            rest, _, last = bare.rpartition(" ")
            return (not _acronymic(entity.name.removeprefix(form)) and len(bare) > 6,
                    not (last in shorts and rest in bares),
                    company_called(entity.name) is None, "«" in entity.name, len(entity.name), entity.name)
        return (entity.kind is not None, len(entity.name), entity.name)
    return max(entities, key=rank)


@lru_cache(maxsize=65536)
def _acronymic(name: str) -> bool:
    """Whether a name is short names only, each of two capitals or more («РНПЦ РМиЭЧ», «СмолГУ»), as a full name
    is not («Республиканский научно-практический центр …», «НАН Беларуси»)."""
    return all(_TWO_CAPITALS.search(word) for word in name.strip(" «»").split())


_TWO_CAPITALS = re.compile(r"[А-ЯЁA-Z].*[А-ЯЁA-Z]")


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entity each provisional key resolves to: IRI, canonical name and attributes."""

    entities: dict[tuple, Entity]

    def resolve(self, entity: Entity, gazetteer: Gazetteer) -> Entity:
        """The event's entity with its global IRI and canonical name; roles stay the event's own."""
        found = self.entities[identity_key(entity, gazetteer)]
        return replace(found, roles=entity.roles, mentions=entity.mentions,
                       country=found.country or entity.country)


def _grouped(mentioned: list[tuple[tuple, Entity]], known: list[tuple[tuple, Entity]], aliases: list[Alias],
             definitions: Iterable[tuple[str, str]], gazetteer: Gazetteer) -> _Groups:
    """The identity keys of the entities mentioned and the known ones (each with its key), grouped: what the
    alias file and the text's definitions say first, then persons by initials, same names, names with their state's
    name after them, and acronyms."""
    keys = {key for key, _ in mentioned} | {key for key, _ in known}

    def alias_key(type_: EntityType, name: str) -> tuple:
        return identity_key(Entity(id="", type=type_, name=name), gazetteer)

    forbidden = {frozenset((alias_key(a.type, a.name), alias_key(a.type, a.other)))
                 for a in aliases if a.relation == "different"}
    groups = _Groups(forbidden)
    for key in sorted(keys):
        groups.find(key)
    for alias in aliases:
        if alias.relation == "same":
            groups.union(alias_key(alias.type, alias.name), alias_key(alias.type, alias.other))
    for short, full in definitions:
        groups.union(alias_key(EntityType.ORG, short), alias_key(EntityType.ORG, full))
    _person_merges(sorted(keys), groups)
    _full_name_merges(sorted(keys), groups)
    _reversed_name_merges(keys, groups)
    _same_name_merges([*mentioned, *known], groups)
    _other_name_merges([*mentioned, *known], groups)
    _state_suffix_merges([*mentioned, *known], groups, gazetteer)
    _abbreviation_merges([*mentioned, *known], groups)
    _parents_quoted_merges([*mentioned, *known], groups)
    _namesake_merges([*mentioned, *known], groups)
    _status_word_merges([*mentioned, *known], groups)
    _units_of_one_parent_merges([*mentioned, *known], groups)
    return groups


def _named(mentioned: list[tuple[tuple, Entity]], known: list[tuple[tuple, Entity]], groups: _Groups,
           gazetteer: Gazetteer) -> dict[tuple, Entity]:
    """One entity per group: its canonical name, its IRI (the stored one where the store knows the group,
    else minted from the name, told apart by a hash where two groups would share one), country and side."""
    clusters: dict[tuple, list[Entity]] = defaultdict(list)
    for key, entity in mentioned:
        clusters[groups.find(key)].append(entity)
    existing: dict[tuple, str] = {}
    for key, entity in known:
        root = groups.find(key)
        existing[root] = min(existing.get(root, entity.id), entity.id)
    resolved: dict[tuple, Entity] = {}
    minted: dict[str, list[tuple]] = defaultdict(list)
    for root, members in clusters.items():
        best = _canonical(members)
        iri = existing.get(root, _minted_iri(best, identity_key(best, gazetteer), gazetteer))
        minted[iri].append(root)
        # a foreign state over Russia (a partner met in Smolensk takes Russia from where it was met), but the
        # Smolensk side's own state over all: a Smolensk company at a fair abroad takes that state from its venue
        smolensk = any(m.smolensk for m in members)
        country = next((m.country for m in members if m.smolensk and m.country), None) if smolensk else None
        country = country or next((m.country for m in members if m.country and m.country != "RU"), None) \
            or next((m.country for m in members if m.country), None)
        resolved[root] = Entity(id=iri, type=best.type, name=best.name, country=country, smolensk=smolensk,
                                kind=best.kind)
    # two different entities with one slug: tell them apart by a hash of their identity
    for iri, roots in minted.items():
        if len(roots) > 1 and not any(root in existing for root in roots):
            for root in roots:
                digest = hashlib.sha1(repr(root).encode()).hexdigest()[:6]
                resolved[root] = replace(resolved[root], id=f"{iri}-{digest}")
    return resolved


def minted_iri(entity: Entity, gazetteer: Gazetteer) -> str:
    """The IRI resolution gives an entity of this type and name (for a corrected type)."""
    return _minted_iri(entity, identity_key(entity, gazetteer), gazetteer)


def _minted_iri(best: Entity, key: tuple, gazetteer: Gazetteer) -> str:
    if best.type is EntityType.PER:
        return mint_iri(best.type, key[1], key[2])
    if best.type is EntityType.LOC and key[1] == "country":
        return mint_iri(best.type, "country", key[2])
    if best.type is EntityType.ORG:
        return mint_iri(best.type, key[2])
    if best.type is EntityType.LOC and key[1] == "site" and len(key) == 4:
        return mint_iri(best.type, best.name, best.town or "")
    if best.type is EntityType.LOC and key[1] == "settled":
        return mint_iri(best.type, best.name, best.district or "")
    if best.type is EntityType.LOC and key[1] == "ref" and len(key) == 4:  # «Дзержинск» of Belarus: dzerzhinsk-by
        return mint_iri(best.type, best.name, key[3])
    if best.type is EntityType.LOC and key[1] == PlaceKind.REGION and best.country \
            and gazetteer.lookup(best.name) is not None:  # a region the gazetteer lacks, named like a town it has:
        return mint_iri(best.type, best.name, best.country)  # «провинция Анкона», ankona-it, beside the town
    return mint_iri(best.type, best.name)


def resolve(entities: list[Entity], gazetteer: Gazetteer, aliases: list[Alias] | None = None,
            definitions: Iterable[tuple[str, str]] = (), known: Iterable[Entity] = ()) -> Resolution:
    """Group the provisional entities of all events into real-world entities with stable IRIs.

    `definitions` are (short name, full name) pairs of organisations the text defined
    ("ООО «…» (ООО «СТиМ»)"). The result depends only on the set of entities, not their
    order: ingesting reports in any order, or twice, gives the same IRIs.
    """
    aliases = read_aliases() if aliases is None else aliases
    # each entity's key worked out once: a store's ~13,000 known ones took 0.2 s at 100× the samples
    mentioned = [(identity_key(entity, gazetteer), entity) for entity in entities]
    keyed = [(identity_key(entity, gazetteer), entity) for entity in known]
    groups = _grouped(mentioned, keyed, aliases, definitions, gazetteer)
    resolved = _named(mentioned, keyed, groups, gazetteer)
    # keys named only by the alias file or a definition, with no mention in these reports, resolve to nothing
    return Resolution({key: resolved[root] for key in groups.parent if (root := groups.find(key)) in resolved})
