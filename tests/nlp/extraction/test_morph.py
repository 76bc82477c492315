"""natasha's lemmatizer reading pymorphy2's Russian dictionary from its package (nlp/extraction/morph.py)."""

import subprocess
import sys
from pathlib import Path

from natasha import MorphVocab

from nlp.extraction.morph import RussianMorphVocab

WORDS = ["Смоленской", "губернатором", "делегации", "Могилеве", "белорусских", "Оршанского", "Сергеевичем"]


def _analyses(vocab: MorphVocab, word: str) -> list[tuple[str, str, float]]:
    return [(form.normal_form, str(form.tag), form.score) for form in vocab.parse(word)]


def test_it_reads_the_dictionary_pymorphy2_finds_and_parses_alike():
    ours, natashas = RussianMorphVocab(), MorphVocab()
    assert ours.dictionary.path == natashas.dictionary.path
    assert [_analyses(ours, word) for word in WORDS] == [_analyses(natashas, word) for word in WORDS]
    assert ours.lemmatize("Смоленской", "ADJ", {}) == "смоленский"


def test_loading_natasha_does_not_ask_pkg_resources():
    """pymorphy2 left to find its dictionary imports pkg_resources and lists every installed distribution's
    entry points, a few tenths of a second in each process that extracts."""
    script = ("import sys\nfrom nlp.extraction.ner import load_natasha\nload_natasha()\n"
              "print('pkg_resources' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).parents[3])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]


def test_a_dictionary_named_in_the_environment_still_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(RussianMorphVocab.DICT_PATH_ENV_VARIABLE, str(tmp_path))
    assert RussianMorphVocab.choose_dictionary_path(None, "ru") == str(tmp_path)
    monkeypatch.delenv(RussianMorphVocab.DICT_PATH_ENV_VARIABLE)
    assert RussianMorphVocab.choose_dictionary_path(None, "ru") == MorphVocab().dictionary.path


def test_of_two_lexemes_alike_in_score_the_one_names_use_comes_first():
    ours, natashas = RussianMorphVocab(), MorphVocab()
    # pymorphy2 reads «временным» as «временной» (of time) first, and as «временный» as often
    assert natashas.lemmatize("временным", "ADJ", {"Case": "Ins"}) == "временной"
    assert ours.lemmatize("временным", "ADJ", {"Case": "Ins"}) == "временный"
    assert sorted(_analyses(ours, "временным")) == sorted(_analyses(natashas, "временным"))


def test_a_tokens_features_are_the_taggers_whichever_token_asked_first(models):
    """`feature` keeps each analysis's values: the same word in two cases gives each its own, and a feature the
    tagger left out is none."""
    from nlp.extraction.morph import feature

    doc = models.nlp("Делегация Смоленской области прибыла. В Смоленской области прошел форум.")
    for _ in range(2):  # the second time from what was kept
        for token in doc:
            for name in ("Case", "Number", "Gender", "Animacy", "VerbForm", "Person"):
                assert feature(token, name) == tuple(token.morph.get(name, []))
    cases = {feature(token, "Case") for token in doc if token.text == "области"}
    assert cases == {("Gen",), ("Loc",)}


def test_a_phrase_with_the_same_words_tagged_otherwise_is_read_anew(models):
    """The nominative of a phrase is kept by its words and their tags: «стали» as steel's genitive is «сталь», the
    same word tagged a plural nominative stays as it is, whichever was asked first."""
    from spacy.tokens import Doc

    from nlp.extraction.normalize import normal_phrase

    def steel(morph: str) -> list:
        return list(Doc(models.nlp.vocab, words=["стали"], pos=["NOUN"], morphs=[morph], lemmas=["сталь"]))
    genitive, plural = "Case=Gen|Gender=Fem|Number=Sing", "Case=Nom|Gender=Fem|Number=Plur"
    assert [normal_phrase(models.vocab, steel(morph), 0) for morph in (genitive, plural, genitive, plural)] \
        == ["сталь", "стали", "сталь", "стали"]
