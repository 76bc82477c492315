"""natasha inside spaCy: natasha's tokens, morphology and NER become a spaCy Doc."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import cast

import numpy
import razdel
import razdel.substring
import spacy
from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
from pymorphy2.analyzer import Parse
from pymorphy2.tagset import OpencorporaTag
from slovnet.bio import B, I, bio_spans, parse_bio
from slovnet.conll import parse_conll_tag
from slovnet.exec.infer import Infer
from slovnet.shape import word_shape
from slovnet.span import Span as SlovnetSpan
from spacy.attrs import LEMMA, MORPH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.types import Ints2d

from nlp.extraction.morph import RussianMorphVocab
from nlp.extraction.tagger import CnnTagger, Encoded, cnn_tagger

NATASHA_SPANS = "natasha"
CELL_SEPARATOR = "\n\n.\n\n"
LEMMA_CACHE = 200_000  # lemmas kept; cleared when full
CODES_CACHE = 200_000  # words' ids in a tagger's vocabularies kept; cleared when full

WordCodes = dict[str, tuple[int, int]]  # a word -> its ids in a tagger's vocabularies of words and of shapes


@dataclass(frozen=True, slots=True)
class Natasha:
    """natasha's models, loaded once (see `load_natasha`)."""

    segmenter: Segmenter
    # natasha's own taggers: the pipeline runs their weights as `morph_cnn` and `ner_cnn`; these are kept as the
    # reference the benchmark and the tests measure those against (`Doc.tag_morph`, `Doc.tag_ner`)
    morph_tagger: NewsMorphTagger
    ner_tagger: NewsNERTagger
    morph_vocab: RussianMorphVocab
    syntax_parser: NewsSyntaxParser
    morph_cnn: CnnTagger  # the two taggers' weights as the pipeline runs them (`nlp.extraction.tagger`)
    ner_cnn: CnnTagger


@cache
def load_natasha() -> Natasha:
    """Load natasha's segmenter, news embedding, morphology and NER taggers and syntax parser, once per process."""
    embedding = NewsEmbedding()
    morph, ner = NewsMorphTagger(embedding), NewsNERTagger(embedding)
    return Natasha(Segmenter(), morph, ner, RussianMorphVocab(), NewsSyntaxParser(embedding),
                   cnn_tagger(morph.infer), cnn_tagger(ner.infer))


class NatashaTokenizer:
    """A spaCy tokenizer whose tokens and sentences are natasha's (razdel's), so both agree on offsets.

    Runs of spaces and line breaks that razdel skips are not tokens: each token's character offsets in
    the text are kept in `doc.user_data["offsets"]`. razdel is called as natasha's `Doc.segment` calls it,
    without the two records natasha makes of each token (~3% of extracting the samples; the same tokens
    and sentences, tested).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        tokens = list(razdel.tokenize(text))
        offsets = [(token.start, token.stop) for token in tokens]
        firsts = sentence_firsts(offsets, razdel.sentenize(text) if text else ())
        spaces = [nxt[0] > here[1] for here, nxt in zip(offsets, offsets[1:], strict=False)]
        if offsets:
            spaces.append(len(text) > offsets[-1][1])
        doc = Doc(self.vocab, words=[token.text for token in tokens], spaces=spaces,
                  sent_starts=[start in firsts for start, _ in offsets])
        doc.user_data["offsets"] = offsets
        doc.user_data["text"] = text
        return doc


def sentence_firsts(offsets: list[tuple[int, int]], sentences: Iterable[razdel.substring.Substring]) -> set[int]:
    """Where the first token of each sentence starts: the tokens are handed out to the sentences in order,
    each to the sentence it lies within, as natasha's `envelop_sent_tokens` does."""
    firsts: set[int] = set()
    index = 0
    for sentence in sentences:
        first = None
        while index < len(offsets):
            start, stop = offsets[index]
            index += 1
            if start < sentence.start:
                continue
            if stop > sentence.stop:
                index -= 1
                break
            first = start if first is None else first
        if first is not None:
            firsts.add(first)
    return firsts


def row_doc(nlp: Language, texts: list[str]) -> Doc:
    """The cells of one table row as one Doc, to go through the pipeline together (see `cell_docs`).

    The cells are joined with a full stop between blank lines, which ends a sentence and keeps one
    cell's words from reading as the next one's context; no token or entity crosses a cell's edge.
    """
    edges, offset = [], 0
    for text in texts:
        edges.append((offset, offset + len(text)))
        offset += len(text) + len(CELL_SEPARATOR)
    doc = nlp.make_doc(CELL_SEPARATOR.join(texts))
    doc.user_data["cells"] = (tuple(texts), tuple(edges))
    return doc


def cell_docs(doc: Doc) -> list[tuple[str, Doc]]:
    """A row's tagged tokens and natasha's entities cut back into one Doc per cell, with each cell's text.

    A Doc that is not a row (`row_doc`) is its own one cell.
    """
    if "cells" not in doc.user_data:
        return [(doc.user_data["text"], doc)]
    texts, edges = doc.user_data["cells"]
    offsets = doc.user_data["offsets"]
    firsts = [start for start, _ in offsets]
    words = doc_words(doc)
    tags = doc.to_array([POS, MORPH, LEMMA])
    starts = sentence_starts(doc)
    entities = [(span.start, span.end, span.label_) for span in doc.spans.get(NATASHA_SPANS, [])]
    found = []
    for text, (start, stop) in zip(texts, edges, strict=True):
        # the cell's tokens: those from its first character to its last (tokens are in text order)
        low, high = bisect_left(firsts, start), bisect_left(firsts, stop)
        cell_offsets = [(begin - start, end - start) for begin, end in offsets[low:high]]
        spaces = [nxt[0] > here[1] for here, nxt in zip(cell_offsets, cell_offsets[1:], strict=False)]
        if cell_offsets:
            spaces.append(len(text) > cell_offsets[-1][1])
        cell = Doc(doc.vocab, words=words[low:high], spaces=spaces)
        cell.from_array([POS, MORPH, LEMMA], cast(Ints2d, tags[low:high]))
        cell.spans[NATASHA_SPANS] = [Span(cell, first - low, end - low, label=label)
                                     for first, end, label in entities if low <= first and end <= high]
        cell.user_data["offsets"] = cell_offsets
        cell.user_data["text"] = text
        cell.user_data["sentences"] = [0] + [first - low for first in starts[bisect_left(starts, low + 1):
                                                                                bisect_left(starts, high)]]
        found.append((text, cell))
    return found


class _Batched:
    """A component that does its work over many Docs at once: `pipe` gives it a batch, `__call__` one Doc."""

    def __call__(self, doc: Doc) -> Doc:
        self.process([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self.process(batch)
                yield from batch
                batch = []
        if batch:
            self.process(batch)
            yield from batch

    def process(self, docs: list[Doc]) -> None:
        raise NotImplementedError


class NatashaMorphology(_Batched):
    """natasha's morphology tagger and lemmatizer: every sentence of a batch in one call (`CnnTagger.tag`)."""

    def __init__(self, natasha: Natasha) -> None:
        self.natasha = natasha
        self.codes: WordCodes = {}
        # the tagger's tag id -> (part of speech, features, spaCy's id of the part, spaCy's id of the features):
        # a few hundred tags in all, each parsed once
        self.tags: dict[int, tuple[str, dict[str, str], int, int]] = {}
        # (word, tag id) -> spaCy's ids of the part of speech, the features and the lemma: words repeat a lot
        self.lemmas: dict[tuple[str, int], tuple[int, int, int]] = {}

    def _tag(self, tag: int, vocab: Vocab) -> tuple[str, dict[str, str], int, int]:
        known = self.tags.get(tag)
        if known is None:
            pos, feats = parse_conll_tag(self.natasha.morph_cnn.infer.decoder.tags_vocab.decode(tag))
            morph = vocab.morphology.add("|".join(f"{k}={v}" for k, v in sorted(feats.items())))
            known = self.tags[tag] = (pos, feats, UPOS[pos or "X"], morph)
        return known

    def process(self, docs: list[Doc]) -> None:
        words = [doc_words(doc) for doc in docs]
        bounds = [[(sentence.start, sentence.end) for sentence in doc.sents] for doc in docs]
        sentences = [row_words[start:end] for row_words, doc_bounds in zip(words, bounds, strict=True)
                     for start, end in doc_bounds]
        tagged = iter(tag_ids(self.natasha.morph_cnn, sentences, self.codes))
        lemmatize = self.natasha.morph_vocab.lemmatize
        for doc, row_words, doc_bounds in zip(docs, words, bounds, strict=True):
            values: list[tuple[int, int, int]] = [(0, 0, 0)] * len(doc)  # an array made once: quicker than filled
            strings = doc.vocab.strings
            for start, _ in doc_bounds:
                for index, tag in enumerate(next(tagged), start):
                    word = row_words[index]
                    known = self.lemmas.get((word, tag))
                    if known is None:
                        pos, feats, pos_id, morph = self._tag(tag, doc.vocab)
                        if len(self.lemmas) > LEMMA_CACHE:
                            self.lemmas.clear()
                        found = (lemmatize(word, pos, feats) or word).replace("ё", "е")
                        noun = self._noun_only(word, doc.vocab) if pos == "VERB" else None
                        if noun is not None or pos == "VERB" and found == word.lower() \
                                and not word.lower().endswith(_VERB_ENDINGS):
                            # a noun the tagger took for a verb, which the dictionary has no verb of: the noun's
                            # lemma («Брестским облисполкомом»: облисполком, not «облисполкомом»), and, where the
                            # dictionary reads it as a noun only, a noun's part and features («губернатор аймака
                            # Дорнод»: a post's words go on over it)
                            found = (lemmatize(word, "NOUN", feats) or word).replace("ё", "е")
                            pos_id, morph = noun or (pos_id, morph)
                        elif pos == "NOUN" and (likeliest := self._likeliest_noun(word, found, doc.vocab)):
                            found, morph = likeliest
                        elif pos == "NOUN" and (read := self._case_its_ending_has(word, found, feats, doc.vocab)):
                            morph = read
                        elif pos == "NOUN":
                            found = self._participle_noun(word) or found
                        elif pos == "PROPN" and (read := self._a_names_case(word, feats, doc.vocab)):
                            morph = read
                        known = self.lemmas[(word, tag)] = (pos_id, morph, strings.add(found))
                    values[index] = known
            doc.from_array([POS, MORPH, LEMMA], cast(Ints2d, numpy.array(values, dtype="uint64").reshape(-1, 3)))

    def _noun_only(self, word: str, vocab: Vocab) -> tuple[int, int] | None:
        """spaCy's ids of a noun's part of speech and of the features the dictionary gives a word it reads as a noun
        only, in its likeliest form; None for a word it reads otherwise too, or not at all."""
        parses = self.natasha.morph_vocab.parse(word.lower())
        if not parses or any(parse.tag.POS != "NOUN" or "Abbr" in parse.tag for parse in parses):
            return None
        return UPOS["NOUN"], _noun_features(parses[0].tag, vocab)

    def _likeliest_noun(self, word: str, found: str, vocab: Vocab) -> tuple[str, int] | None:
        """The lemma and spaCy's id of the features of a word in small letters the tagger read as a noun in a case its
        ending does not have, which left the word its own lemma: the dictionary's likeliest reading's, where that is a
        common noun's («и акиматом г. Костанай», read as a nominative: акимат, in the instrumental)."""
        if found != word or not word.islower():
            return None  # (a capitalised word is a name, whose reading the dictionary only guesses: «Кюнстхал»)
        parses = self.natasha.morph_vocab.parse(found)
        if not parses or parses[0].tag.POS != "NOUN" or parses[0].normal_form == found \
                or {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & parses[0].tag.grammemes:
            return None
        return parses[0].normal_form.replace("ё", "е"), _noun_features(parses[0].tag, vocab)

    def _case_its_ending_has(self, word: str, lemma: str, feats: dict[str, str], vocab: Vocab) -> int | None:
        """spaCy's id of the features of a word in small letters the tagger read as a noun in a case and number its
        form does not have, with the lemma it has: the dictionary's likeliest reading of it (the tagger carries a
        case over a conjunction: «по культуре и управления культуры», read as a dative plural: a genitive)."""
        if not word.islower() or "Case" not in feats or not self.natasha.morph_vocab.word_is_known(word):
            return None
        parses = [parse for parse in self.natasha.morph_vocab.parse(word)
                  if parse.tag.POS == "NOUN" and parse.normal_form.replace("ё", "е") == lemma]
        if not parses or any({"Abbr", "Fixd"} & parse.tag.grammemes for parse in parses):
            return None  # (a word that declines not has every case)
        if any(_fits_the_tags(parse, feats) for parse in parses):
            return None
        return _noun_features(parses[0].tag, vocab)

    def _a_names_case(self, word: str, feats: dict[str, str], vocab: Vocab) -> int | None:
        """spaCy's id of the features of a capitalised word the dictionary reads only as a person's name, a surname
        of one person among its readings (a double surname: each part so, in a case both have), which the tagger read
        in a case and number none of its forms has: the likeliest such surname's reading (after initials the tagger
        may read a surname as a nominative: «с С.И. Сидоровым, министром …», an instrumental; not «Кларин», which
        the dictionary knows only as the plural of «Клара»)."""
        parts = word.split("-")
        if "Case" not in feats or len(parts) > 2 \
                or not all(part[:1].isupper() and part[1:].islower() for part in parts):
            return None
        readings = []
        for part in parts:
            parses = self.natasha.morph_vocab.parse(part.lower()) \
                if self.natasha.morph_vocab.word_is_known(part.lower()) else []
            if not parses or not all({"Surn", "Name", "Patr"} & parse.tag.grammemes for parse in parses):
                return None
            readings.append(parses)
        if any(_fits_the_tags(parse, feats) for parses in readings for parse in parses):
            return None
        surnames = [{parse.tag.case for parse in parses if "Surn" in parse.tag and "sing" in parse.tag}
                    for parses in readings]
        shared = set.intersection(*surnames)
        return next((_noun_features(parse.tag, vocab) for parse in readings[-1]
                     if "Surn" in parse.tag and "sing" in parse.tag and parse.tag.case in shared), None)

    def _participle_noun(self, word: str) -> str | None:
        """The lemma of a noun the dictionary knows only as a participle: its masculine nominative, as a noun made of
        a participle is written («Временным поверенным»: поверенный, not «поверить»; «заведующим»: заведующий)."""
        parses = self.natasha.morph_vocab.parse(word.lower())
        if not parses or parses[0].tag.POS != "PRTF" or any(parse.tag.POS == "NOUN" for parse in parses):
            return None
        inflected = Parse.inflect(parses[0], {"nomn", "sing", "masc"})  # OpenCorpora's grammemes, not natasha's
        return inflected.word.replace("ё", "е") if inflected is not None else None


def _fits_the_tags(parse: Parse, feats: dict[str, str]) -> bool:
    """Whether a dictionary's reading has the case and the number (where it has one) the tagger gave the word."""
    return _CASES.get(parse.tag.case) == feats["Case"] \
        and _NOUN_FEATURES["Number"].get(parse.tag.number) in (None, feats.get("Number"))


def _noun_features(tag: OpencorporaTag, vocab: Vocab) -> int:
    """spaCy's id of the features of a noun the dictionary reads with an OpenCorpora tag."""
    feats = {name: value for name, grams in _NOUN_FEATURES.items() for gram, value in grams.items() if gram in tag}
    return vocab.morphology.add("|".join(f"{k}={v}" for k, v in sorted(feats.items())))


# OpenCorpora's grammemes of a noun as the Universal Dependencies' features natasha's tagger gives
_NOUN_FEATURES = {
    "Animacy": {"anim": "Anim", "inan": "Inan"},
    "Case": {"nomn": "Nom", "gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"},
    "Gender": {"masc": "Masc", "femn": "Fem", "neut": "Neut"},
    "Number": {"sing": "Sing", "plur": "Plur"},
}

# OpenCorpora's cases as the tagger's, the second genitive, accusative and locative («чашка чаю», «в люди», «в лесу»)
# as the first
_CASES = _NOUN_FEATURES["Case"] | {"gen2": "Gen", "acc2": "Acc", "loc2": "Loc"}

# the endings of a verb's forms that its lemma may share (an infinitive, a reflexive one)
_VERB_ENDINGS = ("ть", "ться", "ти", "чь")


class NatashaNER(_Batched):
    """natasha's NER over a batch of Docs in one call (`CnnTagger.tag`); its entities in `doc.spans["natasha"]`."""

    def __init__(self, natasha: Natasha) -> None:
        self.natasha = natasha
        self.codes: WordCodes = {}

    def process(self, docs: list[Doc]) -> None:
        tags = ner_tags(self.natasha.ner_cnn, [doc_words(doc) for doc in docs], self.codes)
        for doc, doc_tags in zip(docs, tags, strict=True):
            doc.spans[NATASHA_SPANS] = [Span(doc, low, high, label=label)
                                        for start, stop, label in token_spans(doc_tags)
                                        for part in line_parts(doc, start, stop)
                                        for low, high in (_persons_apart(doc, *_without_imeni(doc, *part))
                                                          if label == "PER" else [part])
                                        if low < high]


def _without_imeni(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """A person's tokens without the «им.» or «имени» before the name that natasha may take in («хор … им. Г.И.
    Цитовича»: Г.И. Цитовича, whom the choir is named after)."""
    if doc[start].lower_ in ("им", "имени"):
        start += 1 + (start + 1 < stop and doc[start + 1].text == ".")
    return start, stop


def _persons_apart(doc: Doc, start: int, stop: int) -> list[tuple[int, int]]:
    """A person's tokens cut where initials open a second name after the first one's surname: natasha runs whom a
    body is named after into its head after it («театра им. А.П. Чехова В.Ш. Авидзба»: А.П. Чехова, В.Ш. Авидзба)."""
    if not _an_initial(doc, start):
        return [(start, stop)]  # «Иванов И.И.»: the surname first, its initials after it
    cuts = [index for index in range(start + 2, stop - 1)
            if _an_initial(doc, index) and doc[index - 1].is_alpha and len(doc[index - 1]) > 1]
    return list(zip([start, *cuts], [*cuts, stop], strict=True))


def _an_initial(doc: Doc, index: int) -> bool:
    """Whether token `index` is an initial: one capital, a full stop after it («В.»)."""
    return 0 <= index < len(doc) - 1 and len(doc[index].text) == 1 and doc[index].text.isupper() \
        and doc[index + 1].text == "."


def line_starts(doc: Doc) -> list[int]:
    """The tokens a line break comes before, in order (natasha's tagger reads across them); once per Doc."""
    found = doc.user_data.get("line starts")
    if found is None:
        text, offsets = doc.user_data["text"], doc.user_data["offsets"]
        found = doc.user_data["line starts"] = [
            index for index in range(1, len(offsets)) if "\n" in text[offsets[index - 1][1]:offsets[index][0]]]
    return found


def starts_a_line(doc: Doc, index: int) -> bool:
    """Whether a line break comes before token `index`."""
    starts = line_starts(doc)
    found = bisect_left(starts, index)
    return found < len(starts) and starts[found] == index


def wraps_a_line(doc: Doc, index: int) -> bool:
    """Whether token `index` opens a line that goes on the one before it: one line break before it, no blank line,
    and the line before ends in a word (no punctuation that closes an item or a sentence)."""
    if index == 0 or not starts_a_line(doc, index):
        return False
    text, offsets = doc.user_data["text"], doc.user_data["offsets"]
    return text.count("\n", offsets[index - 1][1], offsets[index][0]) == 1 and doc[index - 1].is_alpha


def line_parts(doc: Doc, start: int, stop: int) -> list[tuple[int, int]]:
    """The tokens [start, stop) cut at each line break: a name ends with its line. Each part keeps the type (a
    cell that lists bodies one per line lists names; a news title's last words and the next line's first are
    two names where natasha ran them into one: 89 of its names in the 746 texts of NEREL's train set)."""
    starts = line_starts(doc)
    cuts = starts[bisect_right(starts, start):bisect_left(starts, stop)]
    return list(zip([start, *cuts], [*cuts, stop], strict=True))


def on_one_line(doc: Doc, start: int, stop: int) -> bool:
    """Whether no line break comes between the tokens [start, stop)."""
    return len(line_parts(doc, start, stop)) == 1


def starts_a_sentence(doc: Doc, index: int) -> bool:
    """Whether token `index` opens a sentence (`sentence_starts`: a cell cut from a row keeps them)."""
    starts = sentence_starts(doc)
    found = bisect_left(starts, index)
    return found < len(starts) and starts[found] == index


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence of a Doc made by `NatashaTokenizer`, or of a cell cut from one."""
    starts = doc.user_data.get("sentences")
    if starts is None:
        starts = doc.user_data["sentences"] = [int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1)]
    return starts


def doc_words(doc: Doc) -> list[str]:
    """The words of a Doc made by `NatashaTokenizer`, read from its text (quicker than from its tokens)."""
    text = doc.user_data["text"]
    return [text[start:stop] for start, stop in doc.user_data["offsets"]]


@registry.misc("ties.natasha.v1")
def natasha_models() -> Natasha:
    """natasha's models for the components' configs: loaded once per process."""
    return load_natasha()


@registry.tokenizers("ties.natasha_tokenizer.v1")
def natasha_tokenizer() -> Callable[[Language], NatashaTokenizer]:
    """`NatashaTokenizer` for a pipeline's config (`make_pipeline`)."""
    def create(nlp: Language) -> NatashaTokenizer:
        return NatashaTokenizer(nlp.vocab)
    return create


@Language.factory("natasha_morphology", default_config={"natasha": {"@misc": "ties.natasha.v1"}})
def make_morphology(nlp: Language, name: str, natasha: Natasha) -> NatashaMorphology:
    return NatashaMorphology(natasha)


@Language.factory("natasha_ner", default_config={"natasha": {"@misc": "ties.natasha.v1"}})
def make_ner(nlp: Language, name: str, natasha: Natasha) -> NatashaNER:
    return NatashaNER(natasha)


def _shape(word: str) -> str:
    """slovnet's shape of a word; a symbol or a bullet it knows no shape of, a list's bullet («•», «▪», «➢»), is a
    dash's, the mark it knows lists by: news rarely hold one, and the models then tag no name after it. Not a
    quotation mark or an apostrophe («Victoria’s Secret»), nor a mathematical sign («2×2»).

    >>> _shape("•"), _shape("Петров"), _shape("➢"), _shape("’"), _shape("×")
    ('PUNCT_-', 'RU_Xx', 'PUNCT_-', 'OTHER', 'OTHER')
    """
    shape = word_shape(word)
    bullet = len(word) == 1 and (unicodedata.category(word) == "So" or word in _BULLETS)
    return "PUNCT_-" if shape == "OTHER" and bullet else shape


# bullets Unicode counts as punctuation or as mathematical symbols, not as other symbols («▪», «●», «➢»): not a
# mathematical sign a name holds («2×2»)
_BULLETS = frozenset("•·‣⁃∙→")


def tag_ids(tagger: CnnTagger, texts: list[list[str]], codes: WordCodes | None = None) -> list[list[int]]:
    """A slovnet tagger's tag ids for each text's words, already cut, all texts at once (`CnnTagger.tag`)."""
    return tagger.tag(list(map(word_encoder(tagger.infer, codes), texts)))


def tag_pairs(infer: Infer, texts: list[list[str]],
              codes: WordCodes | None = None) -> list[tuple[list[int], list[int]]]:
    """slovnet's dependency parser on each text's words, already cut: each word's head (1-based, 0 for the root)
    and relation id; the texts go in batches of the encoder's size, shortest first.

    The model pads the texts of a batch to the longest one and computes the padding too; in text order
    a two-word sentence may share its batch with one of sixty words. Padding is zero after every layer
    of the model, so the order changes no parse, only the work.
    """
    encoded = word_encoder(infer, codes)
    order = [index for index in sorted(range(len(texts)), key=lambda index: len(texts[index])) if texts[index]]
    predicted: list[tuple[list[int], list[int]]] = [([], []) for _ in texts]
    for first in range(0, len(order), infer.encoder.batch_size):
        batch = order[first:first + infer.encoder.batch_size]
        for index, (heads, rels) in zip(batch, infer.process([infer.encoder.input([encoded(texts[index])
                                                                                   for index in batch])]),
                                        strict=True):
            predicted[index] = ([int(head) for head in heads], [int(rel) for rel in rels])
    return predicted


def word_encoder(infer: Infer, codes: WordCodes | None) -> Callable[[list[str]], Encoded]:
    """A text's words' ids in a slovnet model's vocabularies of words and of shapes. Each word's are kept in
    `codes`: the model's encoder would work them out again at every occurrence."""
    words_vocab, shapes_vocab = infer.encoder.words_vocab, infer.encoder.shapes_vocab
    codes = {} if codes is None else codes
    if len(codes) > CODES_CACHE:
        codes.clear()

    def encoded(words: list[str]) -> Encoded:
        word_ids, shape_ids = [], []
        for word in words:
            code = codes.get(word)
            if code is None:
                code = codes[word] = (words_vocab.encode(word.lower()), shapes_vocab.encode(_shape(word)))
            word_ids.append(code[0])
            shape_ids.append(code[1])
        return word_ids, shape_ids
    return encoded


def tag_morphology(tagger: CnnTagger, sentences: list[list[str]],
                   codes: WordCodes | None = None) -> list[list[tuple[str, dict]]]:
    """natasha's morphology of each sentence's words, as `Doc.tag_morph` gives it: (part of speech,
    features) per word (see `tag_ids`)."""
    decode = tagger.infer.decoder.tags_vocab.decode
    return [[parse_conll_tag(decode(tag)) for tag in ids] for ids in tag_ids(tagger, sentences, codes)]


def ner_tags(tagger: CnnTagger, texts: list[list[str]], codes: WordCodes | None = None) -> list[list[str]]:
    """natasha's NER tags (BIO) of each text's words, already cut, as `Doc.tag_ner` finds them (see `tag_ids`).

    `tag_ner` gives the tagger the text, which cuts it into words again with the same razdel
    tokenizer the segmenter used; the words are handed over instead (the same spans, tested).
    """
    decode = tagger.infer.decoder.tags_vocab.decode
    return [[decode(tag) for tag in ids] for ids in tag_ids(tagger, texts, codes)]


def entity_spans(tagger: CnnTagger, texts: list[list]) -> list[list[SlovnetSpan]]:
    """natasha's entities in each text's tokens (with `text`, `start`, `stop`), as character spans."""
    tags = ner_tags(tagger, [[token.text for token in tokens] for tokens in texts])
    return [list(bio_spans(tokens, text_tags)) for tokens, text_tags in zip(texts, tags, strict=True)]


def token_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags as (first token, token after the last, type), read as `slovnet.bio.bio_spans` reads them.

    >>> token_spans(["B-ORG", "I-ORG", "O", "I-PER", "B-LOC"])
    [(0, 2, 'ORG'), (4, 5, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    label: str | None = None
    start = stop = 0
    for index, tag in enumerate(tags):
        part, kind = parse_bio(tag)
        if part == I:
            stop = index + 1
            continue
        if label:
            spans.append((start, stop, label))
        label, start, stop = (kind, index, index + 1) if part == B else (None, index, index)
    if label:
        spans.append((start, stop, label))
    return spans


def make_pipeline(natasha: Natasha) -> Language:
    """spaCy's blank Russian pipeline: natasha's tokens, then its morphology and NER as components.

    The components take natasha's models from the registry (`ties.natasha.v1`), which loads them once per
    process: pass the `load_natasha()` models here, so that tokenizer and components share them.
    """
    # natasha's tokenizer named in the config: spaCy's own, made and thrown away, took 0.45 s of every load
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": {"@tokenizers": "ties.natasha_tokenizer.v1"}}})
    nlp.add_pipe("natasha_morphology")
    nlp.add_pipe("natasha_ner")
    return nlp


def char_span(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """Character offsets in the original text of tokens [start, stop)."""
    offsets = doc.user_data["offsets"]
    return offsets[start][0], offsets[stop - 1][1]


def token_span(doc: Doc, start: int, stop: int) -> Span | None:
    """The tokens from the original text's character `start` to `stop`, if tokens start and end there. A Doc's own
    text is not the original (its tokens are joined by one space: a line break or a double space between them is
    one space), so `Doc.char_span` does not read the original's offsets."""
    offsets = doc.user_data["offsets"]
    first = bisect_left(offsets, (start,))
    last = bisect_left(offsets, (stop,), lo=first) - 1
    if first >= len(offsets) or offsets[first][0] != start or last < first or offsets[last][1] != stop:
        return None
    return doc[first:last + 1]
