"""natasha's taggers run over many texts at once (nlp/extraction/tagger.py), against slovnet running each alone."""

import numpy
import pytest
from slovnet.exec.model import CRF, Weight

from nlp.extraction import tagger as cnn
from nlp.extraction.ner import word_encoder


def _alone(infer, encoded) -> list[int]:
    """slovnet's tags of one text, given alone to its own model and decoder."""
    return [int(tag) for tag in next(iter(infer.process([infer.encoder.input([encoded])])))]


@pytest.fixture(scope="module")
def texts(models, sample_reports) -> list[list[str]]:
    """The words of each of a report's cells, with a cell of no words and one of a single word among them."""
    from natasha import Doc

    words = []
    for text in [cell.text for event in sample_reports[1].events[:40] for cell in event.cells if cell.text]:
        doc = Doc(text)
        doc.segment(models.natasha.segmenter)
        words.append([token.text for token in doc.tokens])
    return words[:5] + [[], ["Минск"]] + words[5:]


@pytest.mark.parametrize("kind", ["morph", "ner"])
def test_texts_tagged_together_in_runs_of_any_size_are_tagged_as_each_alone(models, texts, kind, monkeypatch):
    runner = getattr(models.natasha, f"{kind}_cnn")
    encoded = list(map(word_encoder(runner.infer, None), texts))
    alone = [_alone(runner.infer, text) if text[0] else [] for text in encoded]
    assert sum(map(len, alone)) > 2000
    assert runner.tag(encoded) == alone
    # runs cut short: a long text alone in its run, the others a few to a run
    monkeypatch.setattr(cnn, "BATCH_WORDS", 50)
    assert max(map(len, texts)) > 50
    assert runner.tag(encoded) == alone


def test_the_ner_decodes_as_slovnets_crf_over_texts_of_every_length():
    generator = numpy.random.default_rng(7)
    transitions = generator.normal(size=(5, 5)).astype(numpy.float32)
    lengths = [1, 9, 3, 17, 2, 9, 1, 30]
    emissions = [generator.normal(size=(length, 5)).astype(numpy.float32) for length in lengths]
    crf = CRF(Weight((5, 5), "float32", transitions))
    padded = numpy.zeros((len(lengths), max(lengths), 5), dtype=numpy.float32)
    mask = numpy.zeros((len(lengths), max(lengths)), dtype=bool)
    for row, scores in enumerate(emissions):
        padded[row, :len(scores)] = scores
        mask[row, :len(scores)] = True
    expected = [tags.tolist() for tags in crf.decode(padded, mask)]
    assert cnn.viterbi(emissions, transitions) == expected
