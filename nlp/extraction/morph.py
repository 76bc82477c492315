"""natasha's lemmatizer (pymorphy2's analyser), reading pymorphy2's Russian dictionary from the package that
ships it."""

from __future__ import annotations

import os
from functools import cache, lru_cache

import pymorphy2_dicts_ru
from natasha import MorphVocab
from natasha.morph.vocab import CACHE_SIZE, MorphForm
from pymorphy2 import MorphAnalyzer
from spacy.tokens import Token

from nlp.resources import lexicon


class RussianMorphVocab(MorphVocab):
    """natasha's `MorphVocab`, its dictionary found without pkg_resources. Left to find it, pymorphy2 asks
    pkg_resources for a fresh list of every installed distribution's entry points: ~0.2 s in each process
    that loads it (each that extracts, a brief's first Russian). A path set in PYMORPHY2_DICT_PATH still
    wins, as in pymorphy2.

    Where the dictionary reads a word as two lexemes alike in score, the one `second_lemmas.tsv` names comes
    second («Временным»: временный before «временной»), for the lemma and the nominative both."""

    @classmethod
    def choose_dictionary_path(cls, path: str | None = None, lang: str | None = None) -> str:
        if path is None and lang == "ru" and cls.DICT_PATH_ENV_VARIABLE not in os.environ:
            return pymorphy2_dicts_ru.get_path()
        return super().choose_dictionary_path(path, lang)

    def _ordered_parse(self, word: str) -> list[MorphForm]:
        second = _second_lemmas()
        return sorted(MorphAnalyzer.parse(self, word), key=lambda form: (-form.score, form.normal_form in second))

    parse = lru_cache(CACHE_SIZE)(_ordered_parse)
    __call__ = parse
    # the rules ask of the same words often (~15,000 times in two reports)
    word_is_known = lru_cache(CACHE_SIZE)(MorphAnalyzer.word_is_known)


@cache
def _second_lemmas() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("second_lemmas"))


# (the tagger's analysis's key, a feature's name) -> its values: spaCy's `MorphAnalysis.get` parses its strings
# anew on every call (~1.8 µs, the rules ask ~20,000 times a report); a text has a few hundred analyses
_FEATURES: dict[tuple[int, str], tuple[str, ...]] = {}
_FEATURES_KEPT = 100_000


def feature(token: Token, name: str) -> tuple[str, ...]:
    """The values the tagger gave a token's feature ("Case" -> ("Gen",)); () for none."""
    morph = token.morph
    key = (hash(morph), name)  # the hash of its features' string
    found = _FEATURES.get(key)
    if found is None:
        if len(_FEATURES) > _FEATURES_KEPT:
            _FEATURES.clear()
        found = _FEATURES[key] = tuple(morph.get(name, []))
    return found
