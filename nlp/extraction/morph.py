"""natasha's lemmatizer (pymorphy2's analyser), reading pymorphy2's Russian dictionary from the package that
ships it."""

from __future__ import annotations

import os

import pymorphy2_dicts_ru
from natasha import MorphVocab


class RussianMorphVocab(MorphVocab):
    """natasha's `MorphVocab`, its dictionary found without pkg_resources. Left to find it, pymorphy2 asks
    pkg_resources for a fresh list of every installed distribution's entry points: ~0.2 s in each process
    that loads it (each that extracts, a brief's first Russian). A path set in PYMORPHY2_DICT_PATH still
    wins, as in pymorphy2."""

    @classmethod
    def choose_dictionary_path(cls, path: str | None = None, lang: str | None = None) -> str:
        if path is None and lang == "ru" and cls.DICT_PATH_ENV_VARIABLE not in os.environ:
            return pymorphy2_dicts_ru.get_path()
        return super().choose_dictionary_path(path, lang)
