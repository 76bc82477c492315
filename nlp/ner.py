"""natasha inside spaCy: natasha's tokens, morphology and NER become a spaCy Doc."""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from natasha import Doc as NatashaDoc
from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

NATASHA_SPANS = "natasha"


@dataclass(frozen=True, slots=True)
class Natasha:
    """natasha's models, loaded once (see `load_natasha`)."""

    segmenter: Segmenter
    morph_tagger: NewsMorphTagger
    ner_tagger: NewsNERTagger
    morph_vocab: MorphVocab


def load_natasha() -> Natasha:
    """Load natasha's segmenter, news embedding, morphology and NER taggers (about 2 s)."""
    embedding = NewsEmbedding()
    return Natasha(Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab())


class NatashaTokenizer:
    """A spaCy tokenizer whose tokens are natasha's (razdel) tokens, so both agree on offsets.

    It also runs natasha's morphology and NER, since both need natasha's own
    Doc: tokens get `pos_` and `morph`, and natasha's entities are stored as
    `doc.spans["natasha"]` for the rule components to refine.
    """

    def __init__(self, vocab: Vocab, natasha: Natasha) -> None:
        self.vocab = vocab
        self.natasha = natasha

    def __call__(self, text: str) -> Doc:
        source = NatashaDoc(text)
        source.segment(self.natasha.segmenter)
        source.tag_morph(self.natasha.morph_tagger)
        source.tag_ner(self.natasha.ner_tagger)
        tokens = source.tokens
        for token in tokens:
            token.lemmatize(self.natasha.morph_vocab)
        words = [token.text for token in tokens]
        spaces = [bool(nxt.start > token.stop) for token, nxt in zip(tokens, tokens[1:], strict=False)]
        spaces.append(bool(tokens) and len(text) > tokens[-1].stop)
        morphs = ["|".join(f"{k}={v}" for k, v in sorted(token.feats.items())) or "" for token in tokens]
        doc = Doc(self.vocab, words=words, spaces=spaces, pos=[token.pos or "X" for token in tokens],
                  morphs=morphs, lemmas=[(token.lemma or token.text).replace("ё", "е") for token in tokens])
        # the text may have runs of spaces that razdel skips: map character offsets, not joined words
        starts = {token.start: i for i, token in enumerate(tokens)}
        stops = {token.stop: i for i, token in enumerate(tokens)}
        spans = []
        for span in source.spans:
            if span.start in starts and span.stop in stops:
                spans.append(Span(doc, starts[span.start], stops[span.stop] + 1, label=span.type))
        doc.spans[NATASHA_SPANS] = spans
        doc.user_data["offsets"] = [(token.start, token.stop) for token in tokens]
        return doc


def make_pipeline(natasha: Natasha) -> Language:
    """spaCy's blank Russian pipeline with natasha as tokenizer, tagger and NER."""
    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaTokenizer(nlp.vocab, natasha)
    return nlp


def char_span(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """Character offsets in the original text of tokens [start, stop)."""
    offsets = doc.user_data["offsets"]
    return offsets[start][0], offsets[stop - 1][1]
