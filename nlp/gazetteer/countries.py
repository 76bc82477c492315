"""Countries by name, short form, abbreviation or adjective, from pycountry plus a lexicon."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pycountry

from nlp.resources import lexicon

SMOLENSK_COUNTRY = "RU"
STEM_START = 5  # the shortest adjective stem ("финск")


@lru_cache(maxsize=100_000)  # the rules fold the same words thousands of times a report
def fold(text: str) -> str:
    """Lowercase, ё as е, whitespace collapsed: the key names are compared on.

    >>> fold("Объединённые  Арабские Эмираты")
    'объединенные арабские эмираты'
    """
    return " ".join(text.lower().replace("ё", "е").split())


@dataclass(frozen=True, slots=True)
class CountryTable:
    """Country names (folded, nominative) and adjective stems, each with its ISO alpha-2 code."""

    names: dict[str, str]
    # adjective stems with their codes, by their first STEM_START letters (longest stems first): a word is
    # compared with the few stems that share its start
    adjectives: dict[str, tuple[tuple[str, str], ...]]
    preferred: dict[str, str]
    official: dict[str, str]  # the official name, where pycountry has one («Республика Беларусь» of BY)
    latin: dict[str, str]  # a state's English name or adjective in a Latin name («China», «Vietnamese»)
    seen: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)  # words looked up
    openings: frozenset[str] = frozenset()  # the first letters of names of several words (`opens_a_name`)

    def code(self, name: str) -> str | None:
        """The code of a country name in the nominative (any letter case).

        >>> table = load_countries()
        >>> table.code("Республика Беларусь"), table.code("ОАЭ"), table.code("Китай"), table.code("Смоленск")
        ('BY', 'AE', 'CN', None)
        """
        return self.names.get(fold(name))

    def opens_a_name(self, word: str) -> bool:
        """Whether a word may open a state's name of several words, by its first letters, in any case.

        >>> t = load_countries()
        >>> t.opens_a_name("Объединенных"), t.opens_a_name("Соединенного"), t.opens_a_name("Смоленской")
        (True, True, False)
        """
        return fold(word)[:_OPENING] in self.openings

    def latin_code(self, word: str) -> str | None:
        """The state a capitalised word of a name in Latin letters names in English.

        >>> t = load_countries()
        >>> t.latin_code("China"), t.latin_code("Vietnamese"), t.latin_code("china"), t.latin_code("Air")
        ('CN', 'VN', None, None)
        """
        return self.latin.get(word) if word[:1].isupper() else None

    def adjective_code(self, word: str) -> str | None:
        """The country a word like "белорусских" or "Российско-германской" names by adjective: of a compound's, the
        first foreign one (a Russian-German chamber is Germany's partner body, as the guidelines' gold has it).

        >>> table = load_countries()
        >>> table.adjective_code("белорусских"), table.adjective_code("смоленских")
        ('BY', None)
        >>> table.adjective_code("Российско-германской"), table.adjective_code("российскими")
        ('DE', 'RU')
        """
        codes = self.adjective_codes(word)
        return next((code for code in codes if code != "RU"), codes[0] if codes else None)

    def adjective_codes(self, word: str) -> tuple[str, ...]:
        """The countries each part of an adjective names, in order: «Российско-белорусской» -> RU, BY; a state's
        adjective after «все» names its state («Всекитайской ассоциации дружбы с Россией»: China's).

        >>> load_countries().adjective_codes("Всекитайской"), load_countries().adjective_codes("всемирной")
        (('CN',), ())
        """
        if word in self.seen:
            return self.seen[word]
        found = tuple(code for part in fold(word).split("-")
                      if (code := self._stem_code(part) or self._stem_code(part.removeprefix("все"))))
        self.seen[word] = found
        return found

    def _stem_code(self, part: str) -> str | None:
        """The country whose adjective's stem a word opens with, and goes on after."""
        return next((code for stem, code in self.adjectives.get(part[:STEM_START], ())
                     if part.startswith(stem) and len(part) > len(stem)), None)


@cache
def load_countries() -> CountryTable:
    """Every ISO 3166-1 state by its Russian names from pycountry, plus the lexicon's forms; labelled by pycountry's
    name or, where a Russian reader calls the state otherwise, by `state_labels.tsv`'s."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    names: dict[str, str] = {}
    preferred: dict[str, str] = {}
    official: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if english:
                local = russian.gettext(english)
                if re.search("[а-яА-Я]", local):
                    names.setdefault(fold(local), country.alpha_2)
                    preferred.setdefault(country.alpha_2, local.replace("ё", "е"))
                    if attribute == "official_name":
                        official[country.alpha_2] = local.replace("ё", "е")
    for code, label in lexicon("state_labels"):
        names[fold(label)] = code
        preferred[code] = label
    adjectives: list[tuple[str, str]] = []
    for code, forms, stems in lexicon("countries"):
        for form in forms.split(","):
            names[fold(form)] = code
        preferred.setdefault(code, forms.split(",")[0].strip())
        adjectives.extend((stem.strip(), code) for stem in stems.split(",") if stem.strip())
    adjectives.sort(key=lambda pair: -len(pair[0]))
    if any(len(stem) < STEM_START for stem, _ in adjectives):
        raise ValueError(f"nlp/lexicon/countries.tsv: an adjective stem shorter than {STEM_START} letters")
    by_start: dict[str, list[tuple[str, str]]] = {}
    for stem, code in adjectives:
        by_start.setdefault(stem[:STEM_START], []).append((stem, code))
    latin = {word: code for word, code in lexicon("latin_state_words")}
    openings = frozenset(name.split()[0][:_OPENING] for name in names if " " in name)
    return CountryTable(names, {start: tuple(stems) for start, stems in by_start.items()}, preferred, official, latin,
                        openings=openings)


_OPENING = 5  # the letters of a word that opens a state's name of several words, the same in any case


def state_code(text: str) -> str | None:
    """The ISO alpha-2 code of a state given by its code or its Russian name (nominative, short or official).

    >>> state_code("by"), state_code("Беларусь"), state_code("Республика Беларусь"), state_code("Смоленск")
    ('BY', 'BY', 'BY', None)
    """
    text = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        code = text.upper()
        return code if pycountry.countries.get(alpha_2=code) else None
    return load_countries().code(text)


def state_name(code: str) -> str:
    """A state's Russian name as the graph labels it: "BY" -> "Беларусь"; the code where the table has none.

    >>> state_name("BY"), state_name("CN"), state_name("US"), state_name("VE")
    ('Беларусь', 'Китай', 'США', 'Венесуэла')
    """
    return load_countries().preferred.get(code, code)


def official_name(code: str) -> str:
    """A state's official Russian name, as a title names it: "BY" -> "Республика Беларусь".

    >>> official_name("BY"), official_name("CN")
    ('Республика Беларусь', 'Китайская Народная Республика')
    """
    for name, aliases, kind, country, *_ in lexicon("places"):
        if kind == "country" and country == code:
            return aliases.split(",")[0] if aliases else name
    return load_countries().preferred.get(code, code)
