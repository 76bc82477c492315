"""The Russian a brief needs beyond graph/russian.py: names in the instrumental case ("с Республикой
Беларусь") and periods written out ("за период с I квартала 2024 г. по II квартал 2025 г.")."""

from __future__ import annotations

import re
from functools import cache

from natasha import MorphVocab
from pymorphy2.analyzer import Parse

from graph.russian import ROMAN_QUARTERS


@cache
def _morph() -> MorphVocab:
    """natasha's analyser (pymorphy2's, made to load on Python 3.11), once."""
    return MorphVocab()


def _inflect(word: str, case: str, agree: set[str] | None = None) -> str | None:
    morph = _morph()
    for parse in morph.parse(word):
        if parse.tag.case != "nomn" or not ({"NOUN", "ADJF", "PRTF"} & {parse.tag.POS}):
            continue
        grammemes = {case} | ({g for g in agree if g} if agree else set())
        form = Parse.inflect(parse, grammemes)  # with OpenCorpora grammemes, not natasha's UD names
        if form is not None:
            text = form.word
            return text[:1].upper() + text[1:] if word[:1].isupper() else text
    return None


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
            return " ".join(out + words[index:])
        parses = [p for p in _morph().parse(word) if p.tag.case == "nomn"]
        noun = next((p for p in parses if p.tag.POS == "NOUN"), None)
        adjective = next((p for p in parses if p.tag.POS in ("ADJF", "PRTF")), None)
        if adjective is not None and (noun is None or index + 1 < len(words) and _adjective_before_noun(words)):
            out.append(_inflect(word, "ablt", {adjective.tag.number, adjective.tag.gender}) or word)
            continue
        if noun is not None:
            head = _inflect(word, "ablt", {noun.tag.number}) or word
            return " ".join(out + [head] + words[index + 1:])
        return " ".join(out + words[index:])
    return " ".join(out)


def _adjective_before_noun(words: list[str]) -> bool:
    return any(p.tag.POS == "NOUN" for w in words[1:] for p in _morph().parse(w)[:1])


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
