"""The settlement gazetteer (nlp/lexicon/places.tsv, from GeoNames) and place lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.countries import fold
from nlp.records import PlaceKind
from nlp.resources import lexicon

_ADJECTIVE_ENDING = re.compile(
    r"(?:ск|цк)(?:ая|ий|ой|ого|ому|им|ом|ую|ое|ые|их|ими|ых|ым|ей|ое)$|(?:ск|цк)$")
_REGION_NOUN = re.compile(r"щин(?:а|ы|е|у|ой)$")
NEAR = ("RU", "BY")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: PlaceKind
    country: str
    smolensk: bool
    latitude: float | None
    longitude: float | None
    ref: str  # "geonames:625144", "iso3166-2:RU-SMO"
    population: int

    @property
    def geonames(self) -> str | None:
        """The GeoNames id, where the place has one."""
        return self.ref.removeprefix("geonames:") if self.ref.startswith("geonames:") else None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    by_stem: dict[str, tuple[Place, ...]]

    def lookup(self, name: str) -> Place | None:
        """The most likely settlement of that name (Russia and Belarus first, then the largest).

        >>> g = load_gazetteer()
        >>> g.lookup("Могилев").country, g.lookup("смоленск").smolensk, g.lookup("Нетакогоместа") is None
        ('BY', True, True)
        """
        places = self.by_name.get(fold(name))
        return places[0] if places else None

    def by_prefix(self, word: str) -> Place | None:
        """A sizeable town of Russia or Belarus a compound name starts with: "Могилевлифтмаш" -> Могилев.

        >>> load_gazetteer().by_prefix("Могилевлифтмаш").name, load_gazetteer().by_prefix("Лазертаг")
        ('Могилев', None)
        """
        folded = fold(word)
        for length in range(min(len(folded), 14), 4, -1):
            places = self.by_name.get(folded[:length])
            if places and places[0].country in NEAR and places[0].population >= 50_000 \
                    and places[0].kind == "city":
                return places[0]
        return None

    def by_adjective(self, adjective: str) -> Place | None:
        """The settlement an adjective is made from: "Витебская" -> Витебск, "Лиозненского" -> Лиозно.

        >>> g = load_gazetteer()
        >>> g.by_adjective("Витебской").name, g.by_adjective("Лиозненский").name
        ('Витебск', 'Лиозно')
        """
        word = fold(adjective)
        if match := _REGION_NOUN.search(word):  # "Витебщина" is the land around Витебск
            return self.lookup(word[: match.start()] + "ск")
        stem = _ADJECTIVE_ENDING.sub("", word)
        if stem == word:
            return None  # not an adjective of a place
        # a fleeting vowel: Дубровно -> Дубровенский, Лиозно -> Лиозненский, Гродно -> Гродненский
        candidates = [stem, stem.rstrip("ь")]
        if stem[-2:-1] in ("е", "о"):
            candidates.append(stem[:-2] + stem[-1:])
        if stem.endswith(("ен", "ан", "ян")):  # Лиозно -> Лиозненский, Орша -> Оршанский, Рудня -> Руднянский
            candidates.append(stem[:-2])
        if stem.endswith("е"):
            candidates.append(stem[:-1])
        for key in candidates:
            if len(key) >= 3 and key in self.by_stem:
                return self.by_stem[key][0]
        return None


def _stem(name: str) -> str:
    word = fold(name)
    stem = _ADJECTIVE_ENDING.sub("", word)
    return stem if stem != word else word.rstrip("оаеьиыя")


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer once."""
    by_name: dict[str, list[Place]] = {}
    by_stem: dict[str, list[Place]] = {}
    for name, aliases, kind, country, smolensk, lat, lon, ref, population in lexicon("places"):
        place = Place(name, PlaceKind(kind), country, smolensk == "1", float(lat) if lat else None,
                      float(lon) if lon else None, ref, int(population))
        for form in [name, *filter(None, aliases.split(","))]:
            by_name.setdefault(fold(form), []).append(place)
        if kind == "city":
            by_stem.setdefault(_stem(name.split()[-1]), []).append(place)
    def order(places: list[Place]) -> tuple[Place, ...]:
        return tuple(sorted(places, key=lambda p: (p.country not in NEAR, -p.population)))
    for name, country, kind in lexicon("place_overrides"):
        known = by_name.get(fold(name), [])
        base = known[0] if known else Place(name, PlaceKind(kind), country, False, None, None, f"name:{name}", 0)
        by_name[fold(name)] = [Place(base.name, PlaceKind(kind), country, False, base.latitude, base.longitude,
                                     base.ref, 10**9)]
    return Gazetteer({k: order(v) for k, v in by_name.items()}, {k: order(v) for k, v in by_stem.items()})
