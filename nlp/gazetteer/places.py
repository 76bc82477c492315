"""The gazetteer and place lookups: states, regions and settlements (nlp/lexicon/places.tsv, from GeoNames and
ISO 3166), districts of Russia and Belarus and the regions' Wikidata ids (divisions.tsv, ODbL), and the
districts' OKTMO codes (district_codes.tsv, CC BY-SA)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from nlp.gazetteer.countries import fold
from nlp.records import PlaceKind
from nlp.resources import lexicon

_ADJECTIVE_ENDING = re.compile(
    r"(?:ск|цк)(?:ая|ий|ой|ого|ому|им|ом|ую|ое|ые|ие|их|ими|ых|ым|ей)$|(?:ск|цк)$")
# a region's colloquial name, its adjective's stem and «-щина» or «-чина»: Смоленщина, Витебщины, Белгородчина
_LAND = re.compile(r"(\w{3,}?)[щч]ин(?:а|ы|е|у|ой)")
NEAR = ("RU", "BY")
# A district named without its region is first looked for here: the reports' own region and its neighbours.
NEIGHBOURS = ("RU-SMO", "BY-VI", "BY-MA", "RU-BRY", "RU-KLU", "RU-TVE", "RU-PSK", "RU-MOS")
_DISTRICT_WORDS = ("район", "р-н", "округ")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: PlaceKind
    country: str
    smolensk: bool
    latitude: float | None
    longitude: float | None
    ref: str  # "geonames:625144", "iso3166-2:RU-SMO", "district:BY-VI:Ушачский район"
    population: int
    region: str | None = None  # a district's region (ISO 3166-2)
    ids: tuple[str, ...] = ()  # open identifiers: "wikidata:Q…", "osm:relation/…", "oktmo:…"

    @property
    def geonames(self) -> str | None:
        """The GeoNames id, where the place has one."""
        return self.ref.removeprefix("geonames:") if self.ref.startswith("geonames:") else None


# how far a settlement may lie from its district's point (a district's centroid): the largest districts of
# Smolensk's neighbourhood span about 80 km
DISTRICT_REACH_KM = 60


def km_apart(one: Place, other: Place) -> float | None:
    """How far apart two places' points lie, in kilometres; None where either has no point."""
    if one.latitude is None or one.longitude is None or other.latitude is None or other.longitude is None:
        return None
    return distance_km(one.latitude, one.longitude, other.latitude, other.longitude)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres.

    >>> round(distance_km(54.78, 32.05, 53.90, 27.57))  # Смоленск to Минск
    306
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(chord))


# the least population of a town a quoted name starts with, or is, that names its place: smaller towns' names are
# as often ordinary words
_NAME_PREFIX_TOWN = 50_000
_WHOLE_NAME_TOWN = 10_000
_OWN_NAME_PREFIX_TOWN = 10_000  # a town of the reports' own region («Гагаринконсервмолоко»: Гагарин, 29 000;
# «Дорогобужкотломаш»: Дорогобуж, 12 000)


_FOUND_KEPT = 100_000


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    by_stem: dict[str, tuple[Place, ...]]
    districts: dict[str, tuple[Place, ...]]  # adjective stem -> districts, the reports' neighbourhood first
    regions: dict[str, str]  # adjective stem of a region's name -> its ISO 3166-2 code
    by_ref: dict[str, Place]
    states: dict[str, Place]  # ISO 3166-1 code -> the state
    # (a name's first letter, the rest after its first word) -> the first words of the names of two words or more so
    # made, or of a hyphened first word («санкт-петербург»): the names a text writes with their first word's initial
    first_words: dict[tuple[str, str], tuple[str, ...]]
    # what `lookup`, `district`, `by_prefix` and `by_adjective` found for each question asked: a report's events
    # name the same places again and again, the rules ask of each word, describing each event asks again (a 30×
    # build asked ~50,000 times)
    found: dict[tuple, Place | None] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, name: str, district: str | None = None, state: str | None = None,
               kind: str | None = None) -> Place | None:
        """The most likely place of that name (Russia and Belarus first, then the largest; a village there after a
        city abroad, `_namesake_order`); a district in any case form and style («р-н», «муниципальный округ»),
        within the region named after it if any. Named with its district (`district`: «дер. Микулино Руднянского
        района»), only a place that lies there: none of the district's state, nor one farther from the district's
        point than a district reaches (the Tver region's Микулино is another village). Of a `state` the text gives
        it, that state's namesake where it has one («г. Дзержинск, Минская область»). Of a `kind`, the place of
        that kind where one of the name has it («провинция Цзилинь», not the city of Цзилинь).

        >>> g = load_gazetteer()
        >>> g.lookup("Могилев").country, g.lookup("смоленск").smolensk, g.lookup("Нетакогоместа") is None
        ('BY', True, True)
        >>> g.lookup("Руднянского муниципального округа").region, g.lookup("Ушачский р-н").region
        ('RU-SMO', 'BY-VI')
        >>> g.lookup("Кировский район").region, g.lookup("Кировского района Калужской области").region
        ('BY-MA', 'RU-KLU')
        >>> g.lookup("Кировский район (Калужская область)").region
        'RU-KLU'
        >>> g.lookup("Рудня", "Руднянского района").name, g.lookup("Рудня", "Ушачский район")
        ('Рудня', None)
        >>> g.lookup("Микулино").smolensk, g.lookup("Микулино", "Руднянского района")
        (False, None)
        >>> g.lookup("Дзержинск").country, g.lookup("Дзержинск", state="BY").country
        ('RU', 'BY')
        >>> g.lookup("Витебск", state="RU").country  # no Russian namesake
        'BY'
        >>> g.lookup("Цзилинь").ref, g.lookup("Цзилинь", kind="region").ref
        ('geonames:2036502', 'iso3166-2:CN-JL')
        """
        return self._remembered(self._lookup, "lookup", name, district, state, kind)

    def _remembered(self, find: Callable[..., Place | None], *question: object) -> Place | None:
        """What `find` answers to a question (a name of its own, then `find`'s arguments), worked out once."""
        if question not in self.found:
            if len(self.found) > _FOUND_KEPT:
                self.found.clear()  # (a long-lived process asks of ever other names)
            self.found[question] = find(*question[1:])
        return self.found[question]

    def _lookup(self, name: str, district: str | None, state: str | None, kind: str | None) -> Place | None:
        folded = fold(name)
        if (land := self._land(folded)) is not None:
            return land  # «Смоленщина» is the Smolensk region, whatever village bears the name
        places = self.by_name.get(folded)
        if places and kind is not None:
            places = tuple(p for p in places if p.kind == kind) or places
        place = next((p for p in places if p.country == state), places[0]) if places \
            else self.district(name) or self.region(name)
        return place if place is None or district is None or self.lies_in(place, district) else None

    def village(self, name: str) -> Place | None:
        """The settlement of Russia or Belarus of that name, where the text calls it a village («д. Воля»), however
        large a city abroad by its name is.

        >>> g = load_gazetteer()
        >>> g.lookup("Воля").country, g.village("Воля").country, g.village("Витебск").country, g.village("Рим")
        ('PL', 'RU', 'BY', None)
        """
        return next((p for p in self.by_name.get(fold(name), ()) if p.country in NEAR and p.kind == "city"), None)

    def region(self, name: str) -> Place | None:
        """A region of Russia or Belarus in any case form, or by its colloquial name: "Нижегородской области" ->
        Нижегородская область, "Смоленщины" -> Смоленская область.

        >>> g = load_gazetteer()
        >>> g.region("Нижегородская области").ref, g.region("Смоленщины").name, g.region("Брестчина").name
        ('iso3166-2:RU-NIZ', 'Смоленская область', 'Брестская область')
        >>> g.region("Духовщина") is None  # a town, no region's land
        True
        """
        words = fold(name).split()
        if len(words) == 1:
            return self._land(words[0])
        if len(words) != 2 or not _REGION_NOUN.fullmatch(words[1]):  # not «облисполкомом», «крае…»
            return None
        code = self.regions.get(_ADJECTIVE_ENDING.sub("", words[0]))
        return self.by_ref.get(f"iso3166-2:{code}") if code else None

    def _land(self, word: str) -> Place | None:
        """The region a folded word is the colloquial name of («смоленщине»), if any."""
        land = _LAND.fullmatch(word)
        code = self.regions.get(land.group(1)) if land else None
        return self.by_ref.get(f"iso3166-2:{code}") if code else None

    def district(self, name: str, *, only: bool = False, region: str | None = None) -> Place | None:
        """A district by its adjective and the word for a district, and the region named after them; `only`: where
        no other district has the name («Мстиславский район»; not «Ленинский район», a district of many towns);
        `region`: the one of the region of that code (a district named beside another of the region)."""
        return self._remembered(self._district, "district", name, only, region)

    def _district(self, name: str, only: bool, region: str | None) -> Place | None:
        words = fold(name).replace("(", " ").replace(")", " ").split()
        at = next((i for i, w in enumerate(words) if i and w.startswith(_DISTRICT_WORDS)), None)
        if at is None or not (at == 1 or at == 2 and words[1].startswith("муниципальн")):
            return None
        places = self.districts.get(_ADJECTIVE_ENDING.sub("", words[0]), ())
        if region is not None:
            places = tuple(p for p in places if p.region == region)
        if only and len(places) > 1:
            return None
        rest = words[at + 1:]
        if len(rest) == 1:
            return None  # a town's district, named with its town («Ленинский район (Минск)»): none of a region's
        if rest:
            region = self.regions.get(_ADJECTIVE_ENDING.sub("", rest[0]))
            places = tuple(p for p in places if p.region == region)
        return places[0] if places else None

    def lies_in(self, place: Place, district: str) -> bool:
        """Whether a place can lie in the district of that name (a district no one knows says nothing against it)."""
        if (found := self.district(district)) is None:
            return True
        if found.country != place.country:
            return False
        apart = km_apart(found, place)
        return apart is None or apart <= DISTRICT_REACH_KM

    def region_of(self, place: Place) -> Place | None:
        """The region a district lies in."""
        return self.by_ref.get(f"iso3166-2:{place.region}") if place.region else None

    def by_initial(self, initial: str, rest: str) -> Place | None:
        """The town whose name's first word the text writes by its initial, the rest in full, the largest of that
        name: «Н. Новгород» is Нижний Новгород, not Новгород; «С.-Петербург» Санкт-Петербург; «В. Луки» Великие Луки.

        >>> g = load_gazetteer()
        >>> g.by_initial("Н", "Новгород").name, g.by_initial("С", "Петербург").name, g.by_initial("В", "Луки").name
        ('Нижний Новгород', 'Санкт-Петербург', 'Великие Луки')
        """
        first, tail = fold(initial), fold(rest)
        found = [place for places in (self.by_name.get(f"{start} {tail}", ()) + self.by_name.get(f"{start}-{tail}", ())
                                      for start in self.first_words.get((first, tail), ()))
                 for place in places if place.kind == "city"]
        return max(found, key=lambda place: place.population, default=None)

    def by_prefix(self, word: str, whole: bool = True) -> Place | None:
        """A sizeable town of Russia or Belarus a compound name starts with, or (`whole`) a town the name is:
        "Могилевлифтмаш" -> Могилев, "Дорогобуж" -> Дорогобуж (a whole word may be a smaller town's name than a
        compound's start).

        >>> g = load_gazetteer()
        >>> g.by_prefix("Могилевлифтмаш").name, g.by_prefix("Дорогобуж").name, g.by_prefix("Лазертаг")
        ('Могилев', 'Дорогобуж', None)
        >>> g.by_prefix("Центральный").name, g.by_prefix("Центральный", whole=False)
        ('Центральный', None)
        >>> g.by_prefix("Гагаринконсервмолоко").name, g.by_prefix("Марксистский"), g.by_prefix("Самарканд")
        ('Гагарин', None, None)
        >>> g.by_prefix("Дорогобужкотломаш").name, g.by_prefix("Починокагро")
        ('Дорогобуж', None)
        """
        return self._remembered(self._by_prefix, "prefix", word, whole)

    def _by_prefix(self, word: str, whole: bool) -> Place | None:
        folded = fold(word)
        abroad = self.by_name.get(folded)
        if abroad and abroad[0].country not in NEAR:
            return None  # a town abroad by its whole name, no compound of a shorter one's («Самарканд»: no Самара)
        for length in range(min(len(folded), 14) if whole else min(len(folded) - 1, 14), 4, -1):
            places = self.by_name.get(folded[:length])
            if not places or places[0].country not in NEAR or places[0].kind != "city":
                continue
            sizeable = _WHOLE_NAME_TOWN if length == len(folded) \
                else _OWN_NAME_PREFIX_TOWN if places[0].smolensk else _NAME_PREFIX_TOWN
            if places[0].population >= sizeable:
                return places[0]
        return None

    def by_adjective(self, adjective: str) -> Place | None:
        """The settlement an adjective is made from: "Витебская" -> Витебск, "Лиозненского" -> Лиозно.

        >>> g = load_gazetteer()
        >>> g.by_adjective("Витебской").name, g.by_adjective("Лиозненский").name, g.by_adjective("Калужский").name
        ('Витебск', 'Лиозно', 'Калуга')
        >>> g.by_adjective("Карагандинская").name, g.by_adjective("Пушкинский").name
        ('Караганда', 'Пушкино')
        >>> g.by_adjective("Бакинский").name, g.by_adjective("Ханойского").name, g.by_adjective("Шымкентский").name
        ('Баку', 'Ганой', 'Чимкент')
        >>> g.by_adjective("Московской").name, g.by_adjective("Вяземский").name
        ('Москва', 'Вязьма')
        >>> g.by_adjective("Славянский"), g.by_adjective("Советского")  # (not_town_adjectives.tsv)
        (None, None)
        """
        return self._remembered(self._by_adjective, "adjective", adjective)

    def _by_adjective(self, adjective: str) -> Place | None:
        word = fold(adjective)
        if _ADJECTIVE_ENDING.sub("", word) in _not_town_stems():
            return None  # a people's, a land's or an idea's, which towns are named after («Славянский»: no Славянск)
        if land := _LAND.fullmatch(word):  # "Витебщина" is the land around Витебск
            return self.lookup(land.group(1) + "ск")
        stem = _ADJECTIVE_ENDING.sub("", word)
        if stem == word:
            return None  # not an adjective of a place
        # a fleeting vowel: Дубровно -> Дубровенский, Лиозно -> Лиозненский, Гродно -> Гродненский
        candidates = [stem, stem.rstrip("ь")]
        if stem[-2:-1] in ("е", "о"):
            candidates.append(stem[:-2] + stem[-1:])
        if stem[-2:-1] == "е":  # … or a soft sign: Вязьма -> Вяземский
            candidates.append(stem[:-2] + "ь" + stem[-1:])
        if stem.endswith(("ен", "ан", "ян")):  # Лиозно -> Лиозненский, Орша -> Оршанский, Рудня -> Руднянский
            candidates.append(stem[:-2])
        if stem.endswith("е"):
            candidates.append(stem[:-1])
        if stem[-1:] in _ALTERNATING:  # a consonant that alternates: Калуга -> Калужский, Рига -> Рижский
            candidates.append(stem[:-1] + _ALTERNATING[stem[-1]])
        if stem.endswith("ин") and len(stem) >= MIN_IN_STEM + 2:  # Караганда -> Карагандинский, Астана -> Астанинский
            candidates.append(stem[:-2])
        # of the towns the stems name, the reports' own region's first («Вяземская СШ»: Вязьма, not the town
        # Вяземский in the Khabarovsk krai, whose name is the adjective itself)
        # (then a big city before a smaller town: «Московский» is Москва's, not the town Московский's, whose name is
        # the adjective itself)
        named = [self.by_stem[key] for key in candidates if len(key) >= 3 and key in self.by_stem]
        if named:
            return next((place for places in named for place in places if place.smolensk),
                        next((places[0] for places in named if places[0].population >= BIG_CITY), named[0][0]))
        # a big city's «-у» (which `_stem` keeps) gives way to «-ин»: Баку -> Бакинский (not «Вертинский»: Верту)
        found = self.by_stem.get(stem[:-2] + "у") if stem.endswith("ин") else None
        return found[0] if found and found[0].population >= BIG_CITY else None


@cache
def _not_town_stems() -> frozenset[str]:
    return frozenset(_ADJECTIVE_ENDING.sub("", row[0]) for row in lexicon("not_town_adjectives"))


_ALTERNATING = {"ж": "г", "ч": "к", "ш": "х"}  # an adjective's consonant -> its noun's
_REGION_NOUN = re.compile(r"обл\.?|област(?:ь|и|ью|ей|ям|ями|ях)|кра(?:й|я|ю|ем|е|ев|ям|ями|ях)")
MIN_IN_STEM = 5  # a stem left by «-ин» shorter than this names too many towns («Ленинский»: лен)


def _name_stems(name: str, population: int) -> set[str]:
    """The stems a town's adjective is made of: its noun's («Набережные Челны»: челн) and, for a town, that of the
    first part of a hyphenated name («Ростов-на-Дону», «Каменск-Уральский»: ростов, камен), the second after «Санкт-»
    (петербург), and of the noun before
    an adjective after it («Ростов Великий»); not a village's («Кременчуг-Константиновский» of 1,603 inhabitants
    is not what «Кременчугский» names)."""
    words = name.split()
    nouns = {words[-1]}
    if population < SMALL_TOWN:
        return {_stem(words[-1])}
    parts = words[-1].split("-")
    if len(parts) > 1 and len(parts[0]) > 4 and (parts[1] in ("на", "ан") or _ADJECTIVE_TAIL.search(parts[-1])):
        nouns.add(parts[0])
    if len(parts) == 2 and parts[0] == "Санкт":  # «Петербургский» is Санкт-Петербург's
        nouns.add(parts[1])
    if len(words) > 1 and len(words[0]) > 4 and _ADJECTIVE_TAIL.search(words[-1]):
        nouns.add(words[0])
    return {_stem(noun) for noun in nouns}


_ADJECTIVE_TAIL = re.compile(r"(?:ий|ый|ой|ая|ое|ие|ые)$")


def _stem(name: str) -> str:
    word = fold(name)
    stem = _ADJECTIVE_ENDING.sub("", word)
    return stem if stem != word else word.rstrip("оаеьиыя")


# A place of Russia or Belarus comes before its namesakes abroad (the reports' own villages and towns), but a village
# or small town (under SMALL_TOWN) comes after a city abroad of BIG_CITY or more: «Берлин», «Париж», «Варна» in a
# report are the capitals and the port, not villages of the Urals of 613, 2,200 and 9,906 inhabitants.
SMALL_TOWN = 10_000
BIG_CITY = 100_000


def _namesake_order(place: Place) -> tuple[int, int]:
    near = place.country in NEAR
    tier = 0 if near and place.population >= SMALL_TOWN else 1 if not near and place.population >= BIG_CITY \
        else 2 if near else 3
    return tier, -place.population


def _district_order(place: Place) -> tuple:
    near = NEIGHBOURS.index(place.region) if place.region in NEIGHBOURS else len(NEIGHBOURS)
    return (near, place.country not in NEAR, place.region or "", place.name)


def _districts() -> list[Place]:
    """The districts of divisions.tsv with their OKTMO codes from district_codes.tsv."""
    oktmo = {(region, name): code for region, name, code in lexicon("district_codes")}
    return [Place(name, PlaceKind.DISTRICT, country, region == "RU-SMO", float(lat), float(lon),
                  f"district:{region}:{name}", 0, region,
                  tuple(ids.split()) + ((f"oktmo:{oktmo[(region, name)]}",) if (region, name) in oktmo else ()))
            for name, kind, country, region, lat, lon, ids, _point in lexicon("divisions") if kind == "district"]


def _first_words(names: Iterable[str]) -> dict[tuple[str, str], tuple[str, ...]]:
    """`Gazetteer.first_words` of these folded names."""
    found: dict[tuple[str, str], set[str]] = {}
    for name in names:
        first, separator, rest = name.partition(" ")
        if not separator:
            first, separator, rest = name.partition("-")
        if separator and rest and first:
            found.setdefault((first[0], rest), set()).add(first)
    return {key: tuple(sorted(starts)) for key, starts in found.items()}


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer once."""
    by_name: dict[str, list[Place]] = {}
    by_stem: dict[str, list[Place]] = {}
    spelt: dict[Place, list[str]] = {}
    region_ids = {region: tuple(ids.split()) for _n, kind, _c, region, _la, _lo, ids, _p in lexicon("divisions")
                  if kind == "region"}
    by_ref: dict[str, Place] = {}
    for name, aliases, kind, country, smolensk, lat, lon, ref, population in lexicon("places"):
        place = Place(name, PlaceKind(kind), country, smolensk == "1", float(lat) if lat else None,
                      float(lon) if lon else None, ref, int(population),
                      ids=region_ids.get(ref.removeprefix("iso3166-2:"), ()))
        by_ref[ref] = place
        for form in [name, *filter(None, aliases.split(","))]:
            by_name.setdefault(fold(form), []).append(place)
        if kind == "city":
            for stem in _name_stems(name, int(population)):
                by_stem.setdefault(stem, []).append(place)
            if country not in NEAR and int(population) >= BIG_CITY:
                spelt[place] = [alias for alias in aliases.split(",") if alias]
    # a big city abroad by its other spellings, where no town's name has the stem: the gazetteer's name may be a
    # transcription no report uses («Ганой» for Ханой, «Чимкент» for Шымкент: «Ханойский», «Шымкентский»); not
    # Russia's and Belarus's, whose other names are their former ones (Тольятти was «Ставрополь»)
    for place, spellings in spelt.items():
        for stem in {stem for spelling in spellings for stem in _name_stems(spelling, place.population)} - set(by_stem):
            by_stem[stem] = [place]
    # a region abroad named by one noun, by its adjective where no town's name has its stem («Хэйлунцзянский
    # университет», «Шаньдунской провинции»: China's; the adjectives of the «-ская область» others are their towns');
    # not a name ending in a vowel, whose adjective may be a people's («Гагаузская автономия»: Gagauzia itself)
    for place in by_ref.values():
        if place.kind == "region" and place.country not in NEAR and " " not in place.name \
                and not fold(place.name).endswith(("о", "а", "е", "и", "ы", "я")):
            by_stem.setdefault(_stem(place.name), [place])
    for adjective, town in lexicon("town_adjectives"):  # «Ельнинский»: Ельня, whose stem gives no such adjective
        place = next(p for p in by_name[fold(town)] if p.kind == "city")
        by_stem.setdefault(_ADJECTIVE_ENDING.sub("", fold(adjective)), []).append(place)
    for code, names in lexicon("region_names"):  # «Татарстан», «Подмосковье»: ISO 3166-2 names none so
        region = by_ref[f"iso3166-2:{code}"]
        for form in names.split(","):
            by_name.setdefault(fold(form), []).append(region)
    districts: dict[str, list[Place]] = {}
    for place in _districts():
        by_ref[place.ref] = place
        stem = _ADJECTIVE_ENDING.sub("", fold(place.name.split()[0]))
        districts.setdefault(stem, []).append(place)
    regions = {_ADJECTIVE_ENDING.sub("", fold(p.name.split()[0])): p.ref.removeprefix("iso3166-2:")
               for p in by_ref.values() if p.kind == "region" and p.ref.startswith("iso3166-2:")}
    for name, others, country, kind, lat, lon in lexicon("place_overrides"):
        place = Place(name, PlaceKind(kind), country, False, float(lat), float(lon), f"name:{name}", 0)
        by_ref[place.ref] = place
        for form in [name, *filter(None, others.split(","))]:
            by_name[fold(form)] = [place]
    # an adjective's stem («Русский», «Старый», «Мирный») points at a town of Russia or Belarus wherever one has it
    return Gazetteer({k: tuple(sorted(v, key=_namesake_order)) for k, v in by_name.items()},
                     {k: tuple(sorted(v, key=lambda p: (p.country not in NEAR, -p.population)))
                      for k, v in by_stem.items()},
                     {k: tuple(sorted(v, key=_district_order)) for k, v in districts.items()}, regions, by_ref,
                     {p.country: p for p in by_ref.values() if p.kind == "country"}, _first_words(by_name))
