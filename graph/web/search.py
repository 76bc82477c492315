"""Search over the store's persons, organisations and places by any name they go by, in any case form.

The index holds every entity with its label, the other names the graph gives it (alternative labels,
and each form in which a report wrote it: "Могилевской области"), and the acronym of its name ("МАЗ").
A query matches a name when each of its words matches a word of the name: as the start of it (what
is being typed: "Могил"), or by the same stem (Snowball's Russian stemmer: "Могилевской" finds
"Могилевская"); ё is е and case does not count. Built once per state of the store, held in memory.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from graph.network.partners import interstate_bodies
from graph.query import internal_query
from graph.russian import alphabetical
from graph.stores import Readable
from graph.stores.results import is_true
from graph.web.pages import KIND_OF_CLASS, KIND_PRECEDENCE, side_of
from graph.web.paths import page_of
from nlp import acronym

KIND_ORDER = ("org", "person", "place", "country")  # the order of the groups on the results page
_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
_QUOTED = re.compile(r"«([^«»]+)»")
_STEM_PREFIX = 5  # a stem this long may match the start of a longer one ("област" in "областн")


@dataclass(frozen=True, slots=True)
class Entry:
    """One entity as search shows it: its page, name, kind, side, state and number of events."""

    iri: str
    page: str
    label: str
    kind: str  # org, person, place, country
    smolensk: bool
    country: str | None  # ISO code
    country_label: str | None
    events: int
    interstate: bool = False  # a body of several states, or a person of no state who holds a post in one

    @property
    def side(self) -> str:
        return side_of(self.smolensk, self.country, self.interstate)


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    name: str  # the name that matched (the label, or another name the entity goes by)
    rank: tuple[int, int, tuple[str, str, str]]


_STEMMING = threading.Lock()


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("russian")


def words(text: str) -> list[str]:
    """The words of a text, lowercase, ё as е.

    >>> words("Могилёвская  область, МАЗ-2")
    ['могилевская', 'область', 'маз', '2']
    """
    return [word.lower().replace("ё", "е") for word in _WORD.findall(text)]


@lru_cache(maxsize=1 << 16)  # names share their words: at 100× the samples 97,054 words stemmed to build the index
def stem(word: str) -> str:
    """The word's Snowball stem. The stemmer keeps the word it works on in itself: one word at a time, whichever
    request's thread asks."""
    with _STEMMING:
        return _stemmer().stemWord(word)


def word_matches(query: str, query_stem: str, word: str, word_stem: str) -> bool:
    """A query word matches a name's word by its start, or by stem.

    >>> word_matches("могил", stem("могил"), "могилевлифтмаш", stem("могилевлифтмаш"))
    True
    >>> word_matches("могилевской", stem("могилевской"), "могилевская", stem("могилевская"))
    True
    >>> word_matches("могилевской", stem("могилевской"), "могилев", stem("могилев"))
    False
    """
    return word.startswith(query) or word_stem == query_stem or (
        len(query_stem) >= _STEM_PREFIX and word_stem.startswith(query_stem))


class SearchIndex:
    """The entities of one state of the store, searchable by name."""

    def __init__(self, entries: list[Entry], names: dict[str, set[str]]) -> None:
        self.entries = entries
        self.by_iri = {entry.iri: entry for entry in entries}
        # each name as (words, stems), under the first letter of each of its words, to look at few names
        self.by_letter: dict[str, list[tuple[Entry, str, tuple[str, ...], tuple[str, ...]]]] = defaultdict(list)
        for entry in entries:
            for name in sorted(names.get(entry.iri, set()) | {entry.label}):
                name_words = tuple(words(name))
                if not name_words:
                    continue
                item = (entry, name, name_words, tuple(stem(w) for w in name_words))
                for letter in {w[0] for w in name_words}:
                    self.by_letter[letter].append(item)

    @classmethod
    def load(cls, store: Readable) -> SearchIndex:
        """The index of what a store holds: five queries, whatever the store's size."""
        # an entity has a row per class, state and side it is given: the rows are merged the same way
        # whatever order a server returns them in (a state over a place, the most events, the first code)
        merged: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in store.results(internal_query("search-entries").bind()).rows:
            value = {key: term["value"] for key, term in row.items()}
            if KIND_OF_CLASS.get(value["class"]) and page_of(value["entity"]):
                merged[value["entity"]].append(value)
        events: dict[str, set[str]] = defaultdict(set)
        for row in store.results(internal_query("search-events").bind()).rows:
            events[row["entity"]["value"]].add(row["event"]["value"])
        found: dict[str, Entry] = {}
        interstate = interstate_bodies(store)
        for iri, values in merged.items():
            kind = min((KIND_OF_CLASS[v["class"]] for v in values), key=KIND_PRECEDENCE.index)
            states = sorted((v["code"], v.get("countryLabel", "")) for v in values if v.get("code"))
            code, state = states[0] if states else (None, None)
            found[iri] = Entry(iri, page_of(iri) or "", min(v["label"] for v in values), kind,
                               any(is_true(v.get("smolensk")) for v in values), code, state or None,
                               len(events.get(iri, ())), iri in interstate)
        names: dict[str, set[str]] = defaultdict(set)
        # every other name: the alternative labels, and each form the rows write the entity in (as the review
        # reads them)
        other = [(row["entity"]["value"], row["name"]["value"])
                 for row in store.results(internal_query("search-names").bind()).rows]
        other += [(row["agent"]["value"], row["text"]["value"])
                  for row in store.results(internal_query("review-forms").bind()).rows]
        for entity, name in other:
            if entity in found:
                names[entity].add(name)
        for entry in found.values():
            if entry.kind == "org":
                quoted = _QUOTED.search(entry.label)
                short = acronym(quoted.group(1) if quoted else entry.label)
                if len(short) >= 2:
                    names[entry.iri].add(short)
        return cls(sorted(found.values(), key=lambda e: e.iri), names)

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        """The entities a query finds, best first: a name that starts like the query, then more events."""
        query_words = words(query)
        if not query_words:
            return []
        stems = [stem(w) for w in query_words]
        best: dict[str, Hit] = {}
        for entry, name, name_words, name_stems in self.by_letter.get(query_words[0][0], []):
            if not all(any(word_matches(q, s, w, ws) for w, ws in zip(name_words, name_stems, strict=True))
                       for q, s in zip(query_words, stems, strict=True)):
                continue
            # a name said whole first, then one that starts as typed (the label before other names), then the rest
            if name_words == tuple(query_words):
                tier = 0
            elif name_words[0].startswith(query_words[0]):
                tier = 1 if name == entry.label else 2
            else:
                tier = 3
            rank = (tier, -entry.events, alphabetical(entry.label))
            known = best.get(entry.iri)
            if known is None or rank < known.rank:
                best[entry.iri] = Hit(entry, name, rank)
        hits = sorted(best.values(), key=lambda hit: hit.rank)
        return hits[:limit] if limit is not None else hits

    def suggest(self, query: str, per_kind: int = 5) -> dict[str, list[Hit]]:
        """The best few hits of each kind; the kind of the best hit first."""
        grouped: dict[str, list[Hit]] = {}
        for hit in self.search(query):  # best first, so each kind's first hit is its best
            hits = grouped.setdefault(hit.entry.kind, [])
            if len(hits) < per_kind:
                hits.append(hit)
        return grouped
