"""The Russian a brief needs beyond graph/russian.py: names in the instrumental case ("с Республикой
Беларусь") and periods written out ("за период с I квартала 2024 г. по II квартал 2025 г.")."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from pymorphy2.analyzer import Parse

from graph.russian import ROMAN_QUARTERS

if TYPE_CHECKING:
    from nlp import RussianMorphVocab


@cache
def _morph() -> RussianMorphVocab:
    """natasha's analyser (pymorphy2's, made to load on Python 3.11), once."""
    from nlp import RussianMorphVocab  # here: natasha is imported when a brief first needs its Russian

    return RussianMorphVocab()


def _instrumental_of(word: str, parse, agree: set[str]) -> str:
    """A word of a name in the instrumental, agreeing in number (and gender): the word itself if it will not."""
    form = Parse.inflect(parse, {"ablt"} | {g for g in agree if g})  # OpenCorpora grammemes, not natasha's
    if form is None:
        return word
    return form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word


def instrumental(name: str) -> str:
    """A name after "с": the head noun and the adjectives before it take the instrumental case; what follows the
    head (a genitive, an apposition, a quoted name) and abbreviations stay as they are.

    >>> instrumental("Республика Беларусь"), instrumental("Китайская Народная Республика")
    ('Республикой Беларусь', 'Китайской Народной Республикой')
    >>> instrumental("Витебский областной исполнительный комитет"), instrumental("ОАО «Могилевлифтмаш»")
    ('Витебским областным исполнительным комитетом', 'ОАО «Могилевлифтмаш»')
    >>> instrumental("Беларусь"), instrumental("Посольство Республики Беларусь в Российской Федерации")
    ('Беларусью', 'Посольством Республики Беларусь в Российской Федерации')
    """
    words = name.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        if not re.fullmatch(r"[А-ЯЁа-яё-]+", word) or word.isupper():
            break  # a quoted name, an abbreviation: as it is
        parses = [p for p in _morph().parse(word) if p.tag.case == "nomn"]
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        adjective = next((p for p in parses if p.tag.POS in ("ADJF", "PRTF")), None)
        noun_follows = any(p.tag.POS == "NOUN" for w in words[index + 1:] for p in _morph().parse(w)[:1])
        if adjective is not None and (noun is None or noun_follows):
            out.append(_instrumental_of(word, adjective, {adjective.tag.number, adjective.tag.gender}))
            continue
        if noun is not None:  # the head: what follows it stays as it is
            out.append(_instrumental_of(word, noun, {noun.tag.number}))
            index += 1
        break
    else:
        return " ".join(out)
    return " ".join(out + words[index:])


def quarter_words(period: str, case: str = "nomn") -> str:
    """ "II квартал 2025 г." (nominative, as "за" takes it) or "II квартала 2025 г." (genitive, after "с")."""
    year, number = period[:4], int(period[-1])
    return f"{ROMAN_QUARTERS[number - 1]} {'квартала' if case == 'gent' else 'квартал'} {year} г."


def period_phrase(first: str, last: str) -> str:
    """ "за II квартал 2025 г." or "за период с I квартала 2024 г. по II квартал 2025 г."

    >>> period_phrase("2025-Q2", "2025-Q2"), period_phrase("2024-Q1", "2025-Q2")
    ('за II квартал 2025 г.', 'за период с I квартала 2024 г. по II квартал 2025 г.')
    """
    if first == last:
        return f"за {quarter_words(first)}"
    return f"за период с {quarter_words(first, 'gent')} по {quarter_words(last)}"
