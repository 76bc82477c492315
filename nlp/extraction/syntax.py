"""An organisation's name bounded by its syntax: natasha's dependency parser, run only where a name's end is in doubt.

A name found by natasha or by the rules may stop short of words that belong to it: a complement with «по», «при»,
«с», «за» ("Европейского суда | по правам человека", "Фонда борьбы | с коррупцией"), a genitive chain the
morphology left uncased, the state the body is of ("Национальной системы здравоохранения | Великобритании"). The
parser says whether the words after the name hang from it; only the sentence (or list item) holding such a name
is parsed, once.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from natasha import NewsSyntaxParser
from spacy.tokens import Doc

from nlp.extraction.morph import feature
from nlp.extraction.ner import WordCodes, doc_words, sentence_starts, tag_pairs
from nlp.extraction.rules import (
    OPENING_QUOTES,
    a_member,
    abbreviated_place,
    common_after_place,
    is_acronym,
    is_cap,
    load_lexicons,
    lowercase_body_word,
    natasha_spans,
    past_adjectives,
    post_after_name,
)
from nlp.gazetteer.countries import state_code

_UNITS = "syntax units"  # doc.user_data: the first token of each stretch parsed as one (see `_units`)
PARSES = "syntax"  # doc.user_data: a unit's first token -> (heads, relations) of its tokens, doc-wide indices

# relations by which a word belongs to the name it hangs from: genitive and prepositional complements, agreed
# adjectives, numbers, names in several words, coordination inside a complement ("… в сфере связи и информационных
# технологий"); not clauses, objects, adverbs or appositions
_NAME_RELATIONS = frozenset({"nmod", "amod", "case", "cc", "conj", "flat", "flat:name", "flat:foreign", "fixed",
                             "nummod", "nummod:gov", "compound", "det", "punct"})
# prepositions that open a complement of an official name ("Комитет по…", "Палата при…", "Фонд борьбы с…",
# "Движение за…", "Агентство для…", "Комиссия от…", a document's "Организация Договора о…"); «в», «на», «из» mostly
# tell where or whence instead
NAME_PREPOSITIONS = frozenset({"по", "при", "с", "со", "за", "для", "от", "против", "о", "об"})
# past any other word, even inside a complement, «о» opens a subject: what an agreement with the body is about
# («Соглашение с Могилевским облисполкомом | о сотрудничестве», «с Государственным комитетом по науке | о …»)
_ABOUT = frozenset({"о", "об", "обо"})
_INNER_PUNCT = frozenset({",", "-", "–"})  # inside a name only between its words ("связи, информационных технологий")
_MAX_WORDS = 25  # a name the parser lengthens stays within this many tokens


@dataclass
class Syntax:
    """natasha's dependency parser with its words' codes kept (see `nlp.extraction.ner.tag_pairs`); parses on demand."""

    parser: NewsSyntaxParser
    codes: WordCodes = field(default_factory=dict)

    def unit(self, doc: Doc, index: int) -> tuple[int, list[int], list[str]]:
        """The first token of the sentence or list item holding token `index` (see `_units`), and each of its
        tokens' head (a doc index, -1 for the root) and relation; parsed the first time it is asked for."""
        first = _unit_of(_units(doc), index)
        parses = doc.user_data.setdefault(PARSES, {})
        if first not in parses:
            self.parse_docs([(doc, [index])])
        return first, *parses[first]

    def parse_docs(self, wanted: list[tuple[Doc, list[int]]]) -> None:
        """Parse, in one batch, the units of each Doc holding its indices that are not parsed yet (the cells
        of a row together: much of the parser's cost is per call)."""
        todo = []
        for doc, indices in wanted:
            parses = doc.user_data.setdefault(PARSES, {})
            starts = _units(doc)
            for first in sorted({first for index in indices if (first := _unit_of(starts, index)) not in parses}):
                after = bisect_right(starts, first)
                todo.append((doc, first, starts[after] if after < len(starts) else len(doc)))
        if not todo:
            return
        rels = self.parser.infer.decoder.rels_vocab
        parsed = tag_pairs(self.parser.infer, [doc_words(doc)[first:stop] for doc, first, stop in todo], self.codes)
        for (doc, first, _), (heads, relations) in zip(todo, parsed, strict=True):
            doc.user_data[PARSES][first] = ([first + head - 1 if head else -1 for head in heads],
                                            [rels.decode(relation) for relation in relations])


def _units(doc: Doc) -> list[int]:
    """Where each stretch of a Doc parsed as one begins: a sentence, and within it each item of a list cut by
    semicolons or line breaks (a report's cell of participants is one sentence of a hundred words, and the
    parser reads each item better alone)."""
    units = doc.user_data.get(_UNITS)
    if units is None:
        text, offsets, words = doc.user_data["text"], doc.user_data["offsets"], doc_words(doc)
        items = {index for index in range(1, len(doc)) if words[index - 1] == ";"
                 or "\n" in text[offsets[index - 1][1]:offsets[index][0]]}
        units = doc.user_data[_UNITS] = sorted(items.union(sentence_starts(doc)))
    return units


def _unit_of(starts: list[int], index: int) -> int:
    return starts[bisect_right(starts, index) - 1] if starts and starts[0] <= index else 0


def name_stop(doc: Doc, start: int, stop: int, syntax: Syntax, barriers: frozenset[int]) -> int:
    """Where the name in tokens [start, stop) ends once the words that hang from it are added: each next word
    joins while its path of heads reaches the name through relations a name is made of, a preposition on the
    way opens a name's complement (`NAME_PREPOSITIONS`), and no verb, person (`barriers`), quotation or bracket
    comes first; a comma or dash only between two words that join. A word coordinated with the name's own head
    is another name ("Министерство культуры и Министерство образования"), not part of this one."""
    if not in_doubt(doc, start, stop, barriers):
        return stop
    first, heads, relations = syntax.unit(doc, stop)
    last = first + len(heads)
    if start < first:
        return stop
    roots = {i for i in range(start, stop) if not start <= heads[i - first] < stop}
    own = _outside_complements(start, stop, heads, relations, first)
    sent_from = any(doc[i].lemma_ in load_lexicons().from_heads for i in own)  # «от» goes on a mission's name only
    joined = set(range(start, stop))
    end = index = stop
    while index < min(last, start + _MAX_WORDS):
        if index in barriers or doc[index].text in (*OPENING_QUOTES, "(") or common_after_place(doc, index):
            break  # a person, a quotation, the clause's word after a place
        if doc[index].text in _INNER_PUNCT:
            index += 1
            continue
        if post_after_name(doc, index, load_lexicons()):
            break  # the next party's post («… Российской Федерации | Руководителя Аппарата …»)
        if doc[index].lower_ == "и" and index + 1 < len(doc) and is_cap(doc[index + 1]) \
                and not a_member(doc, start, index + 1, load_lexicons()):
            break  # another body's capitalised name («Совета Министров Союзного государства | и Высшего Евразийского
            # экономического совета»), not a state or a body named as one of the name's («… Беларуси и России»)
        if _about(doc, index) or _who_took_part(doc, index) or _for_another_bodys_people(doc, index):
            break
        if doc[index].pos_ == "ADP" and (not _may_continue(doc, start, index) or index + 1 < len(doc)
                                         and doc[index + 1].pos_ in ("PRON", "DET") and doc[index + 1].is_lower):
            break  # a preposition no name's complement opens («Коллегии Минобороны России | во главе с …»), or
            # one before a pronoun, the clause's («… корпорацией | для своих сотрудников»)
        if not _hangs_from(index, own, joined, roots, (heads, relations, first), doc) \
                or doc[index].lower_ == "от" and not sent_from:
            break
        if abbreviated_place(doc, index, load_lexicons()):
            index += 2  # the abbreviation's full stop and the place's name with it: «… по г. Москве»
        joined.update(range(end, index + 1))
        index += 1
        if doc[index - 1].pos_ not in ("CCONJ", "ADP"):
            end = index  # a name never ends on «и» or a preposition whose word did not join
    # a place's name of capitalised words joins whole: the parse may hang its last word from none of the name's
    # («МЧС Республики | Беларусь» where the cell ends)
    return next((high for low, high in natasha_spans(doc, "LOC").items()
                 if stop <= low < end < high and all(is_cap(doc[i]) for i in range(low, high))), end)


def _who_took_part(doc: Doc, index: int) -> bool:
    """Whether the words at `index` say who took part, led or helped, which no name goes on with («Совета Федерации …
    по вопросам межрегионального сотрудничества | с участием председателя …», «при участии», «под председательством»,
    «Могилевский областной исполнительный комитет | при (финансовой) поддержке Посольства …»)."""
    noun = past_adjectives(doc, index + 1, lowercase=True)
    return noun < len(doc) and (doc[index].lower_, doc[noun].lemma_) in _TOOK_PART


def _for_another_bodys_people(doc: Doc, index: int) -> bool:
    """Whether the words at `index` say whom an action is for, people of a body named after them, which no name goes
    on with («… колледжа искусств | для учащихся Витебского государственного музыкального колледжа»; not «Центр для
    детей-сирот», whom the body is for)."""
    noun = past_adjectives(doc, index + 1, lowercase=True)
    return doc[index].lower_ == "для" and noun + 1 < len(doc) and doc[noun].is_lower \
        and feature(doc[noun], "Animacy") == ("Anim",) and is_cap(doc[noun + 1]) \
        and feature(doc[noun + 1], "Case") == ("Gen",)


_TOOK_PART = frozenset({("с", "участие"), ("при", "участие"), ("под", "председательство"), ("под", "руководство"),
                        ("при", "поддержка"), ("при", "содействие"), ("при", "помощь"), ("с", "помощь")})


def in_doubt(doc: Doc, start: int, stop: int, barriers: frozenset[int]) -> bool:
    """Whether the name in tokens [start, stop) may go on past `stop` (a quick test: only then is its
    unit parsed): no person follows, and the next word is one a name may go on with."""
    return stop < len(doc) and stop not in barriers and _may_continue(doc, start, stop)


def _may_continue(doc: Doc, start: int, index: int) -> bool:
    """Whether the word after a name in [start, index) could carry it on (a quick test before parsing its
    unit): a preposition opening a name's complement, or any inside a complement the name has; «и»; a
    word in an oblique case."""
    token = doc[index]
    if token.pos_ == "ADP":
        return not _about(doc, index) and (token.lower_ in NAME_PREPOSITIONS
                                           or any(t.pos_ == "ADP" for t in doc[start:index]))
    if token.lower_ == "и":  # coordinated words inside a name's complement agree ("Союза Беларуси и России")
        last, after = doc[index - 1], doc[index + 1] if index + 1 < len(doc) else token
        complement = feature(last, "Case") == ("Gen",) or any(t.pos_ == "ADP" for t in doc[start:index])
        return complement and feature(after, "Case") == feature(last, "Case")
    return token.is_alpha and token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") \
        and "Nom" not in (feature(token, "Case") or (("Nom",) if token.pos_ == "VERB" else ()))


def _about(doc: Doc, index: int) -> bool:
    """Whether token `index` opens what something is about, past a name's end: «о», not after a document's word."""
    return doc[index].lower_ in _ABOUT and not (
        index > 0 and load_lexicons().heads.get(doc[index - 1].lemma_, ("",))[0] == "doc")


def _outside_complements(start: int, stop: int, heads: list[int], relations: list[str], first: int) -> set[int]:
    """The tokens of a name in [start, stop) outside its prepositional complements: "Федеральной службы" of
    "Федеральной службы по надзору"."""
    opened = {heads[i - first] for i in range(start, stop) if relations[i - first] == "case"}
    own = set()
    for index in range(start, stop):
        node, steps = index, 0
        while start <= node < stop and node not in opened and steps < _MAX_WORDS:
            node, steps = heads[node - first], steps + 1
        if not start <= node < stop:
            own.add(index)
    return own


def _hangs_from(index: int, own: set[int], joined: set[int], roots: set[int],
                parse: tuple[list[int], list[str], int], doc: Doc) -> bool:
    """Whether token `index` reaches the joined name by its heads, through a name's relations only; a
    complement of the name's `own` words opens with one of `NAME_PREPOSITIONS`, one inside a complement
    with any ("… по надзору в сфере связи")."""
    heads, relations, first = parse
    node, seen = index, 0
    while seen < _MAX_WORDS:
        head, relation = heads[node - first], relations[node - first]
        if head < 0 or head < index and head not in joined:
            return False
        if relation not in _NAME_RELATIONS and not (relation == "appos" and node == head + 1 and doc[node].is_title):
            return False  # "Республики Беларусь": a name after its head word is the parser's apposition
        if doc[node].pos_ in ("VERB", "AUX") and relation != "amod" or relation == "amod" and node > head:
            return False  # a clause; a participle before its noun is an adjective ("окружающей среды"), one after
            # it opens a clause (", расположенный в …")
        if relation == "case" and doc[node].lower_ not in NAME_PREPOSITIONS and heads[head - first] in own:
            return False
        if relation == "punct" and doc[node].text not in _INNER_PUNCT:
            return False
        if relation == "conj" and (head in roots or lowercase_body_word(doc[head], load_lexicons())
                                   or is_acronym(doc[node]) and state_code(doc[node].text) is None
                                   or is_cap(doc[node]) and load_lexicons().names_body(doc[node].lemma_)):
            return False  # another name coordinated with this one, or another party with a body's head word
            # ("… торгово-промышленной палаты | и предприятий Гродненской области"; not a state's: "Российской
            # Федерации и Республики Беларусь"), or a body's acronym ("Театре имени Ермоловой | и МХТ …"; not a
            # state's: "… Беларуси и РФ"), or another body's capitalised head ("Совета Федерации | и Государственной
            # Думы")
        if head in joined:
            return True
        node, seen = head, seen + 1
    return False
