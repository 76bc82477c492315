"""natasha inside spaCy: natasha's tokens, morphology and NER become a spaCy Doc."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import spacy
from natasha import Doc as NatashaDoc
from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
from slovnet.bio import bio_spans
from slovnet.span import Span as SlovnetSpan
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

NATASHA_SPANS = "natasha"
CELL_SEPARATOR = "\n\n.\n\n"
LEMMA_CACHE = 200_000  # lemmas kept; cleared when full


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
        self.lemmas: dict[tuple, str] = {}  # (word, part of speech, features) -> lemma: words repeat a lot
        self.morphs: dict[tuple, str] = {}  # features -> spaCy's morphology string

    def __call__(self, text: str) -> Doc:
        return self.cells([text])[0]

    def cells(self, texts: list[str]) -> list[Doc]:
        """One Doc per text of one table row (see `rows`)."""
        return self.rows([texts])[0]

    def rows(self, rows: list[list[str]]) -> list[list[Doc]]:
        """One Doc per cell of each row, natasha's taggers run once over all the rows.

        A row's cells are joined with a full stop between blank lines, which ends a sentence and
        keeps one cell's words from reading as the next one's context; no token or entity crosses a
        cell's edge. Then every sentence of every row goes to the morphology tagger and every row
        to the NER, each in one call, shortest first: the taggers cost much per batch and pad a
        batch to its longest item, so a report's rows together, sorted, take about 60% of a call
        per row, with the same tags (see `tag_morphology`).
        """
        sources, edges = [], []
        for texts in rows:
            row_edges, offset = [], 0
            for text in texts:
                row_edges.append((offset, offset + len(text)))
                offset += len(text) + len(CELL_SEPARATOR)
            source = NatashaDoc(CELL_SEPARATOR.join(texts))
            source.segment(self.natasha.segmenter)
            sources.append(source)
            edges.append(row_edges)
        tag_morphology(self.natasha.morph_tagger, [sentence for source in sources for sentence in source.sents])
        entities = entity_spans(self.natasha.ner_tagger, [source.tokens for source in sources])
        return [self._cells(texts, source.tokens, row_entities, row_edges)
                for texts, source, row_entities, row_edges in zip(rows, sources, entities, edges, strict=True)]

    def _cells(self, texts: list[str], tokens: list, entities: list, edges: list[tuple[int, int]]) -> list[Doc]:
        """A row's tagged tokens and entities cut back into its cells' Docs, with lemmas."""
        lemmas, morphs = [], []
        for token in tokens:
            feats = tuple(sorted(token.feats.items()))
            key = (token.text, token.pos, feats)
            lemma = self.lemmas.get(key)
            if lemma is None:
                if len(self.lemmas) > LEMMA_CACHE:
                    self.lemmas.clear()
                lemma = self.lemmas[key] = self.natasha.morph_vocab.lemmatize(token.text, token.pos, token.feats)
            lemmas.append((lemma or token.text).replace("ё", "е"))
            morph = self.morphs.get(feats)
            if morph is None:  # a few hundred feature sets in all
                morph = self.morphs[feats] = "|".join(f"{k}={v}" for k, v in feats)
            morphs.append(morph)
        firsts = [token.start for token in tokens]
        docs = []
        for text, (start, stop) in zip(texts, edges, strict=True):
            # the cell's tokens: those from its first character to its last (tokens are in text order)
            low, high = bisect_left(firsts, start), bisect_left(firsts, stop)
            spans = [span for span in entities if start <= span.start and span.stop <= stop]
            docs.append(self._doc(text, tokens[low:high], lemmas[low:high], morphs[low:high], spans, start))
        return docs

    def _doc(self, text: str, tokens: list, lemmas: list[str], morphs: list[str], spans: list, start: int) -> Doc:
        """The spaCy Doc of one cell: its natasha tokens and entities, offsets from the cell's start."""
        offsets = [(token.start - start, token.stop - start) for token in tokens]
        spaces = [nxt[0] > here[1] for here, nxt in zip(offsets, offsets[1:], strict=False)]
        spaces.append(bool(tokens) and len(text) > offsets[-1][1])
        doc = Doc(self.vocab, words=[token.text for token in tokens], spaces=spaces,
                  pos=[token.pos or "X" for token in tokens], morphs=morphs, lemmas=lemmas)
        # the text may have runs of spaces that razdel skips: map character offsets, not joined words
        starts = {begin: i for i, (begin, _) in enumerate(offsets)}
        stops = {end: i for i, (_, end) in enumerate(offsets)}
        doc.spans[NATASHA_SPANS] = [Span(doc, starts[span.start - start], stops[span.stop - start] + 1, label=span.type)
                                    for span in spans if span.start - start in starts and span.stop - start in stops]
        doc.user_data["offsets"] = offsets
        return doc


def tag_morphology(tagger: NewsMorphTagger, sentences: list) -> None:
    """natasha's morphology on each sentence's tokens, as `Doc.tag_morph` gives it, shortest first.

    The tagger pads the sentences of a batch to the longest one and computes the padding too; in
    text order a two-word sentence may share its batch with one of sixty words. Padding is zero
    after every layer of the tagger, so the order changes no tag (tested), only the work.
    """
    order = sorted(range(len(sentences)), key=lambda index: len(sentences[index].tokens))
    markups = tagger.map([[token.text for token in sentences[index].tokens] for index in order])
    for index, markup in zip(order, markups, strict=True):
        for token, tagged in zip(sentences[index].tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats


def entity_spans(tagger: NewsNERTagger, texts: list[list]) -> list[list[SlovnetSpan]]:
    """natasha's NER over each text's tokens, already cut, as `Doc.tag_ner` finds it; shortest first.

    `tag_ner` gives the tagger the text, which cuts it into words again with the same razdel
    tokenizer the segmenter used; the words are handed over instead, and the texts go in batches
    by length, as in `tag_morphology` (the same spans, tested).
    """
    order = [index for index in sorted(range(len(texts)), key=lambda index: len(texts[index])) if texts[index]]
    infer = tagger.infer
    tags = infer.decoder(infer.process(infer.encoder([[token.text for token in texts[index]] for index in order])))
    spans: list[list[SlovnetSpan]] = [[] for _ in texts]
    for index, text_tags in zip(order, tags, strict=True):
        spans[index] = list(bio_spans(texts[index], text_tags))
    return spans


def make_pipeline(natasha: Natasha) -> Language:
    """spaCy's blank Russian pipeline with natasha as tokenizer, tagger and NER."""
    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaTokenizer(nlp.vocab, natasha)
    return nlp


def char_span(doc: Doc, start: int, stop: int) -> tuple[int, int]:
    """Character offsets in the original text of tokens [start, stop)."""
    offsets = doc.user_data["offsets"]
    return offsets[start][0], offsets[stop - 1][1]
