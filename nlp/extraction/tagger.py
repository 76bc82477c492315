"""natasha's taggers (slovnet's morphology and NER models) run over many texts at once, with their own weights.

slovnet pads each batch of eight texts to its longest one and, in every layer, copies each word's window of
neighbours before one matrix product (`slovnet.exec.model.Conv1d`). Here the texts of a batch lie end to end,
as many rows of zeros between them as a convolution reaches (one), and each layer is one matrix product over
every word: a window's products are summed from the rows around it. What a text's words see of the texts
around them is what slovnet gives them (zeros), so each text is tagged as alone; the arithmetic differs only in
the order of float sums, which moved no tag (tested against slovnet's own `tag_morph`, `tag_ner` and each text
alone; the samples' events and both news corpora's spans are unchanged).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from slovnet.exec.infer import Infer
from slovnet.exec.model import CRF, Conv1d, NavecEmbedding, Tag

BATCH_WORDS = 4096  # words a product goes over at most: a smaller one runs slower, a larger one needs more memory

Encoded = tuple[list[int], list[int]]  # a text's words' ids in the tagger's vocabularies of words and of shapes


@dataclass(frozen=True, slots=True)
class _Layer:
    """A convolution, its ReLU and its batch norm: the kernel's columns side by side (in × kernel·filters)."""

    kernel: numpy.ndarray
    bias: numpy.ndarray
    width: int
    mean: numpy.ndarray
    std: numpy.ndarray
    scale: numpy.ndarray
    shift: numpy.ndarray

    @property
    def filters(self) -> int:
        """The layer's outputs a word: the kernel's columns hold `width` products of this many each."""
        return self.kernel.shape[1] // self.width


@dataclass(frozen=True, slots=True)
class CnnTagger:
    """A slovnet tagger's weights, laid out once for `tag` (see `cnn_tagger`)."""

    infer: Infer
    indexes: numpy.ndarray  # the word embedding's centroid of each word in each of its sub-vectors
    codes: numpy.ndarray  # the sub-vectors' centroids
    shapes: numpy.ndarray  # the shape embedding
    layers: tuple[_Layer, ...]
    projection: numpy.ndarray
    projection_bias: numpy.ndarray
    transitions: numpy.ndarray | None  # the NER's CRF; None for a tagger that takes each word's likeliest tag

    @property
    def gap(self) -> int:
        """Rows of zeros between two texts: the widest convolution's reach."""
        return max(layer.width // 2 for layer in self.layers)

    def tag(self, texts: list[Encoded]) -> list[list[int]]:
        """Each text's tag ids, as slovnet's `Infer.process` gives them."""
        tags: list[list[int]] = [[] for _ in texts]
        for batch in _batches(texts):
            emissions = self._emissions([texts[index] for index in batch])
            if self.transitions is None:
                found = [scores.argmax(-1).tolist() for scores in emissions]
            else:
                found = viterbi(emissions, self.transitions)
            for index, text_tags in zip(batch, found, strict=True):
                tags[index] = text_tags
        return tags

    def _emissions(self, texts: list[Encoded]) -> list[numpy.ndarray]:
        """Each text's scores of every tag for every word (words × tags)."""
        lengths = [len(words) for words, _ in texts]
        starts = numpy.cumsum([self.gap] + [length + self.gap for length in lengths[:-1]])
        rows = int(starts[-1]) + lengths[-1] + self.gap
        live = numpy.zeros(rows, dtype=bool)
        for start, length in zip(starts.tolist(), lengths, strict=True):
            live[start:start + length] = True
        words = numpy.fromiter((word for text, _ in texts for word in text), dtype=numpy.int64, count=sum(lengths))
        shapes = numpy.fromiter((shape for _, text in texts for shape in text), dtype=numpy.int64, count=len(words))
        unique, inverse = numpy.unique(words, return_inverse=True)
        vectors = self.codes[numpy.arange(self.codes.shape[0]), self.indexes[unique]].reshape(len(unique), -1)
        x = numpy.zeros((rows, vectors.shape[1] + self.shapes.shape[1]), dtype=numpy.float32)
        x[live, :vectors.shape[1]] = vectors[inverse]
        x[live, vectors.shape[1]:] = self.shapes[shapes]
        between = ~live
        for layer in self.layers:
            x = _convolved(x, layer, between)
        scores = x @ self.projection + self.projection_bias
        return [scores[start:start + length] for start, length in zip(starts.tolist(), lengths, strict=True)]


def _convolved(x: numpy.ndarray, layer: _Layer, between: numpy.ndarray) -> numpy.ndarray:
    """One layer over the rows of `x`: convolution, ReLU, batch norm, the rows between texts zero again."""
    products = x @ layer.kernel
    rows, filters, reach = len(x), layer.filters, layer.width // 2
    output = numpy.zeros((rows, filters), dtype=numpy.float32)
    inner = output[reach:rows - reach]
    # the output at a row: the sum over the kernel's columns j of column j's product at the row j - reach away
    inner[:] = products[0:rows - 2 * reach, 0:filters]
    for column in range(1, layer.width):
        inner += products[column:rows - 2 * reach + column, column * filters:(column + 1) * filters]
    inner += layer.bias
    numpy.maximum(output, 0, out=output)
    output -= layer.mean
    output /= layer.std
    output *= layer.scale
    output += layer.shift
    output[between] = 0
    return output


def _batches(texts: list[Encoded]) -> Iterator[list[int]]:
    """The indexes of the texts with words, in runs of at most `BATCH_WORDS` words (a longer text alone)."""
    batch: list[int] = []
    words = 0
    for index, (text, _) in enumerate(texts):
        if not text:
            continue
        if batch and words + len(text) > BATCH_WORDS:
            yield batch
            batch, words = [], 0
        batch.append(index)
        words += len(text)
    if batch:
        yield batch


def viterbi(emissions: list[numpy.ndarray], transitions: numpy.ndarray) -> list[list[int]]:
    """Each text's likeliest tags under a CRF, as slovnet's `CRF.decode` finds them (its sums in its order),
    over every text at once: the texts longest first, so that those still going at a word are the first ones,
    their scores one after the other (no padding to the longest)."""
    order = sorted(range(len(emissions)), key=lambda index: -len(emissions[index]))
    lengths = numpy.array([len(emissions[index]) for index in order])
    scores = numpy.concatenate([emissions[index] for index in order])
    starts = numpy.concatenate([[0], numpy.cumsum(lengths[:-1])])
    going = (lengths[:, None] > numpy.arange(lengths[0])).sum(0).tolist()  # texts still going at each word
    score = scores[starts]
    history = []
    for word in range(1, len(going)):
        active = going[word]
        sums = score[:active, :, None] + transitions + scores[starts[:active] + word][:, None, :]
        best = sums.argmax(1)
        score[:active] = numpy.take_along_axis(sums, best[:, None, :], 1)[:, 0]
        history.append(best)
    tags = numpy.zeros(len(scores), dtype=numpy.int64)
    last = score.argmax(-1)
    tags[starts + lengths - 1] = last
    for word in range(len(going) - 1, 0, -1):
        active = going[word]
        last[:active] = history[word - 1][numpy.arange(active), last[:active]]
        tags[starts[:active] + word - 1] = last[:active]
    found: list[list[int]] = [[] for _ in emissions]
    for row, index in enumerate(order):
        found[index] = tags[starts[row]:starts[row] + lengths[row]].tolist()
    return found


def cnn_tagger(infer: Infer) -> CnnTagger:
    """A slovnet morphology or NER tagger's weights laid out for `CnnTagger.tag`."""
    model: Tag = infer.model
    word = model.emb.word
    assert isinstance(word, NavecEmbedding)
    layers = []
    for layer in model.encoder.layers:
        conv: Conv1d = layer.conv
        _, _, width = conv.weight.shape
        assert conv.padding == width // 2 and width % 2 == 1, "a convolution that keeps the text's length"
        kernel = numpy.concatenate([conv.weight.array[:, :, column].T for column in range(width)], axis=1)
        layers.append(_Layer(numpy.ascontiguousarray(kernel), conv.bias.array, width,
                             layer.norm.mean.array, layer.norm.std.array, layer.norm.weight.array,
                             layer.norm.bias.array))
    crf = getattr(model.head, "crf", None)
    return CnnTagger(infer, word.indexes.array, word.codes.array, model.emb.shape.weight.array, tuple(layers),
                     model.head.proj.weight.array, model.head.proj.bias.array,
                     crf.transitions.array if isinstance(crf, CRF) else None)
