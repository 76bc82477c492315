"""The summaries every build works out (ontology/summaries.ru) and what the store holds, for `ties summary`.

The partner queries read the summaries rather than the report graphs: profiles, country quarters,
pairs and names, marked with the checksum of the reports they sum up and of how they are worked out.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rdflib import RDF, XSD, Literal, URIRef

from graph.query import internal_query
from graph.rdf.ids import ONTOLOGY_GRAPH, graph_iri
from graph.rdf.vocab import TIES
from graph.russian import alphabetical
from graph.stores.base import Readable, Store, stored_checksums
from graph.stores.results import Term, is_true
from ontology import ENTITY_BASE, SUMMARIES, SUMMARIES_FORGET, SUMMARIES_PARTNERS, SUMMARIES_PROFILES

# raised when the Python here comes to write other summary rows (ties:labelOrder: 2, spaced
# ties:nameOrder: 3, names and counterparts in the Russian alphabetical order: 4): part of their mark
SUMMARIES_FORMAT = 4
SUMMARY_GRAPH = "summary"  # the named graph id/graph/summary holds what ontology/summaries*.ru work out
# between the numbers of neighbouring names (ties:nameOrder) when all are numbered: room for names added later
ORDER_GAP = 1 << 20
_NAME_BATCH = 5_000  # names numbered or forgotten by one update
COUNTERPART_SEPARATOR = "; "  # between the officials' names in a profile's ties:counterpartsText


Pair = tuple[str, str]
Attendance = dict[str, dict[str, bool]]  # event -> its persons and organisations -> of the Smolensk side there
# the attendance over every report graph, of some agents only where given (`attendance` reads it from
# the store; graph.network.parts from what the builds kept of each graph)
ReadAttendance = Callable[[frozenset[str] | None], Attendance]
Named = tuple[str, str | None]  # a name and its language tag
# a profile's figures as summaries-profiles.ru writes them: the variable of the queries that read them, the property
PROFILE_FIGURES = {"label": TIES.partnerName, "country": TIES.countryCode, "events": TIES.eventCount,
                   "firstQuarter": TIES.firstQuarterIndex, "lastQuarter": TIES.lastQuarterIndex,
                   "lastPeriod": TIES.lastPeriod, "quarters": TIES.quartersText, "spheres": TIES.spheresText,
                   "first": TIES.firstStart, "last": TIES.lastEnd}
QUARTER_SEPARATOR, SPHERE_SEPARATOR = ", ", "; "  # between the periods and the spheres of a profile's texts


@dataclass(frozen=True, slots=True)
class StoredProfile:
    """A partner's profile in the store: its IRI, its figures by variable (see PROFILE_FIGURES) and the
    Smolensk officials it met."""

    profile: str
    figures: dict[str, Term]
    names: frozenset[Named]


@dataclass(frozen=True, slots=True)
class Scope:
    """What a few added or replaced reports touch: the persons, organisations and places their graphs
    name, their periods, and the pairs of entities that attend one of their events together (a pair's
    count changes only with such an event). Only summary rows about these change."""

    entities: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()
    pairs: frozenset[Pair] = frozenset()
    # the entities that are or may become partners (profiled already, or not of the Smolensk side in a graph
    # that names them): the profiles' scope, without the officials whose thousands of events no profile reads
    partners: frozenset[str] = frozenset()

    def __or__(self, other: Scope) -> Scope:
        return Scope(self.entities | other.entities, self.periods | other.periods, self.pairs | other.pairs,
                     self.partners | other.partners)


# "# scope: ?x" in the summaries' updates and queries: the variable, bound to the scope's entities, its periods
# or (?g) the report graphs of its periods, a report's id being its period
_SCOPE_MARK = re.compile(r"^[ \t]*# scope: \?(\w+)[ \t]*$", re.MULTILINE)
_SCOPE_OF = {"partner": "partners", "entity": "entities", "agent": "entities", "period": "periods", "g": "graphs"}


def scoped(update: str, scope: Scope | None) -> str:
    """The update with each "# scope: ?x" line made `VALUES ?x { … }` of the scope (left as it is without one)."""
    if scope is None:
        return update

    def values(match: re.Match[str]) -> str:
        variable = match.group(1)
        if variable not in _SCOPE_OF:
            raise ValueError(f"summaries: no scope for ?{variable}")
        if _SCOPE_OF[variable] == "graphs":
            terms = [graph_iri(period).n3() for period in sorted(scope.periods)]
        elif _SCOPE_OF[variable] == "periods":
            terms = [Literal(period).n3() for period in sorted(scope.periods)]
        else:
            terms = [URIRef(entity).n3() for entity in sorted(getattr(scope, _SCOPE_OF[variable]))]
        return f"VALUES ?{variable} {{ {' '.join(terms)} }}"
    return _SCOPE_MARK.sub(values, update)


def touched_by(store: Store, report_ids: Iterable[str]) -> Scope:
    """The scope of what the stored graphs of these reports name (read before they are replaced, and after)."""
    scope = Scope()
    query = internal_query("profiled").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    profiled = {row["partner"]["value"] for row in store.results(query).rows}
    for report_id in report_ids:
        query = internal_query("graph-entities").bind({"graph": str(graph_iri(report_id))})
        rows = store.results(query).rows
        met = _pair_counts(attendance(store, report_id))
        scope |= Scope(frozenset(row["entity"]["value"] for row in rows), frozenset({report_id}), frozenset(met),
                       frozenset(row["entity"]["value"] for row in rows if row["entity"]["value"] in profiled
                                 or "smolensk" not in row or not is_true(row["smolensk"]["value"])))
    return scope


def refresh_summaries(store: Store, scope: Scope | None = None, added: Iterable[str] = (),
                      read_attendance: ReadAttendance | None = None) -> None:
    """Work out what the partner queries read (profiles, country quarters, pairs, names) from every
    report graph (or, with a scope, only the rows about what it names, after removing them), number
    the names in order, and last mark it all with `summary_mark` (a build cut off before the mark leaves
    summaries that the next build sees are stale).

    `added`: with a scope, the reports it comes from when the build added them and wrote no other. The
    profiles, preferred names and counterparts stored are then joined with what the new graphs say
    (`_added_profiles`, `_added_names`, `_join_counterparts`) instead of worked out over every graph.

    `read_attendance`: where the pairs read who attended what (by default a query over every graph)."""
    graph = graph_iri(SUMMARY_GRAPH)
    mark = Literal(summary_mark(stored_checksums(store)))
    additions = sorted(added) if scope is not None else []
    before = _profiles(store, scope.partners) if scope is not None and additions else {}
    names = _preferred_names(store, scope.entities) if scope is not None and additions else {}
    # the summaries' writes reach disk together at the end: one flush, not one after each of their ~16
    # updates and inserts (~7 ms each on a 100× store), and none while the two chains below write side by side
    with store.flushed_at_end():
        if scope is None:
            store.update(f"DROP SILENT GRAPH {graph.n3()}")
        else:
            _run(store, SUMMARIES_FORGET, scope)
        _label_order(store)  # before the profiles, which list spheres in its order
        read = read_attendance or (lambda agents: attendance(store, agents=agents))
        if scope is not None and additions:
            preferred, rename = _added_names(store, scope, names, additions)
            _side_by_side(lambda: _profiles_added(store, scope, before, preferred, additions),
                          lambda: _others_whole(store, replace(scope, entities=rename), read))
        else:
            _side_by_side(lambda: _profiles_whole(store, scope), lambda: _others_whole(store, scope, read))
        _name_order(store)
        store.insert(SUMMARY_GRAPH, f"{graph.n3()} {TIES.reportsChecksum.n3()} {mark.n3()} .")


def _run(store: Store, update: Path, scope: Scope | None) -> None:
    """One of the summaries' files of updates (ontology/summaries*.ru), for the scope: statement by statement."""
    for statement in statements(scoped(update.read_text(encoding="utf-8"), scope)):
        store.update(statement)


# what parts the statements of the summaries' files: a line holding only ";"
_STATEMENT_END = re.compile(r"^;[ \t]*$", re.MULTILINE)
_PROLOGUE_LINE = re.compile(r"^[ \t]*(?:PREFIX|BASE)\b.*$", re.MULTILINE | re.IGNORECASE)
_CONTENT_LINE = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE)


def statements(update: str) -> list[str]:
    r"""The statements of a SPARQL Update written as the summaries' files are (each ended by a line holding only
    ";"), each with the prologue of the first (its PREFIX and BASE lines), to be run one after the other. Sent as
    one request they are one transaction, in which each statement reads the store through the writes still
    pending of those before it: summaries.ru over a 100× store took 9.9–10.8 s so, 6.1 s statement by statement
    (the same quads).

    >>> statements("PREFIX x: <urn:x:>\nINSERT DATA { x:a x:b x:c }\n;\nINSERT DATA { x:d x:e x:f }\n;\n")
    ['PREFIX x: <urn:x:>\nINSERT DATA { x:a x:b x:c }\n', 'PREFIX x: <urn:x:>\n\nINSERT DATA { x:d x:e x:f }\n']
    """
    first, *rest = _STATEMENT_END.split(update)
    prologue = "\n".join(_PROLOGUE_LINE.findall(first))
    return [first, *(f"{prologue}\n{statement}" for statement in rest if _CONTENT_LINE.search(statement))]


def _profiles_whole(store: Store, scope: Scope | None) -> None:
    """The profiles of the scope's partners worked out over every graph, then their classes, points and
    counterparts (which read them)."""
    _run(store, SUMMARIES_PROFILES, scope)
    _run(store, SUMMARIES_PARTNERS, scope)
    _insert_counterparts(store, scope)


def _profiles_added(store: Store, scope: Scope, before: dict[str, StoredProfile], preferred: list[str],
                    added: list[str]) -> None:
    """The profiles of the scope's partners after reports were added (`_added_profiles`, those it cannot join
    worked out over every graph), with the preferred names (`_added_names`: written here, in one insert with
    them), then their classes, points and counterparts."""
    profiles, recount = _added_profiles(store, scope, before, added)
    if profiles or preferred:
        store.insert(SUMMARY_GRAPH, "\n".join(profiles + preferred))
    if recount:
        _run(store, SUMMARIES_PROFILES, Scope(partners=recount))
    _run(store, SUMMARIES_PARTNERS, scope)
    _join_counterparts(store, scope, {p: s for p, s in before.items() if p not in recount}, added)


def _others_whole(store: Store, scope: Scope | None, read: ReadAttendance) -> None:
    """The summaries that read no profile: country rows, officials, preferred names (summaries.ru), and pairs."""
    _run(store, SUMMARIES, scope)
    _count_pairs(store, scope, read)


def _side_by_side(*works: Callable[[], None]) -> None:
    """Run the works in a thread each and wait for all; the first error raised is raised here. The store
    answers each in threads of its own (Oxigraph lets go of Python's lock while it works, a server is
    another process): the summaries of a 100× build 21.5–25.5 s one chain after the other, 12.7–16.8 s side
    by side on two cores."""
    with ThreadPoolExecutor(max_workers=len(works)) as pool:
        for done in [pool.submit(work) for work in works]:
            done.result()


def _profiles(store: Store, partners: frozenset[str]) -> dict[str, StoredProfile]:
    """The stored profiles of these partners, by partner."""
    query = internal_query("stored-profiles").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    rows = store.results(scoped(query, Scope(partners=partners))).rows if partners else []
    found: dict[str, StoredProfile] = {}
    for row in rows:
        names = row.get("names")
        found[row["partner"]["value"]] = StoredProfile(
            row["profile"]["value"], {figure: row[figure] for figure in PROFILE_FIGURES if figure in row},
            frozenset((name, names.get("xml:lang")) for name in names["value"].split(COUNTERPART_SEPARATOR))
            if names else frozenset())
    return found


def _added_profiles(store: Store, scope: Scope, before: dict[str, StoredProfile],
                    added: list[str]) -> tuple[list[str], frozenset[str]]:
    """The profiles of the scope's partners after reports were added, as N-Triples: each one stored joined
    with what the new graphs say of its partner (ontology/queries/internal/graph-profiles.rq), a new one
    from those alone; and the partners whose profiles must be worked out over every graph instead: named
    in a report of a quarter not after the last of their profile (its spheres are listed in the order they
    first appear, which the stored text does not tell), or with values of another kind (a language, a
    datatype) than those stored, which SPARQL orders otherwise than by their text."""
    new: list[tuple[int, dict[str, Term]]] = []
    for report_id in added:
        query = internal_query("graph-profiles").bind({"graph": str(graph_iri(report_id))})
        new += [(int(row["quarter"]["value"]), row) for row in store.results(query).rows]
    figures = {partner: stored.figures for partner, stored in before.items()}
    recount: set[str] = set()
    for quarter, row in sorted(new, key=lambda pair: pair[0]):
        partner = row["partner"]["value"]
        if partner in recount or partner not in scope.partners:
            continue
        joined = _joined_profile(figures[partner], row, quarter) if partner in figures else _new_profile(row)
        if joined is None:
            recount.add(partner)
        else:
            figures[partner] = joined
    lines = []
    for partner, profile in sorted(figures.items()):
        if partner in recount:
            continue
        iri = URIRef(before[partner].profile if partner in before else _profile_iri(partner)).n3()
        lines += [f"{iri} {RDF.type.n3()} {TIES.PartnerProfile.n3()} .", f"{iri} {TIES.profileOf.n3()} <{partner}> ."]
        lines += [f"{iri} {PROFILE_FIGURES[figure].n3()} {_literal(term).n3()} ." for figure, term in profile.items()]
    return lines, frozenset(recount)


def _new_profile(row: dict[str, Term]) -> dict[str, Term]:
    """A profile from one report's graph alone (graph-profiles.rq): it has one quarter."""
    figures: dict[str, Term] = {figure: row[figure] for figure in ("label", "country", "events", "lastPeriod",
                                                                   "spheres", "first", "last") if figure in row}
    return {**figures, "firstQuarter": row["quarter"], "lastQuarter": row["quarter"],
            "quarters": {"type": "literal", "value": row["lastPeriod"]["value"]}}


def _joined_profile(stored: dict[str, Term], row: dict[str, Term], quarter: int) -> dict[str, Term] | None:
    """A stored profile joined with one later report's (graph-profiles.rq), as summaries-profiles.ru would
    work it out over both; None where it cannot tell (see `_added_profiles`)."""
    if "lastQuarter" not in stored or quarter <= int(stored["lastQuarter"]["value"]) \
            or any(figure not in stored or _kind(stored[figure]) != _kind(row[figure])
                   for figure in ("label", "country", "events", "spheres")) \
            or any(figure in stored and figure in row and _kind(stored[figure]) != _kind(row[figure])
                   for figure in ("first", "last")):
        return None
    spheres = stored["spheres"]["value"].split(SPHERE_SEPARATOR)
    spheres += [sphere for sphere in row["spheres"]["value"].split(SPHERE_SEPARATOR) if sphere not in spheres]
    joined = {**stored,
              "label": min(stored["label"], row["label"], key=lambda term: term["value"]),
              "country": min(stored["country"], row["country"], key=lambda term: term["value"]),
              "events": {**stored["events"],
                         "value": str(int(stored["events"]["value"]) + int(row["events"]["value"]))},
              "lastQuarter": row["quarter"], "lastPeriod": row["lastPeriod"],
              "quarters": {**stored["quarters"],
                           "value": stored["quarters"]["value"] + QUARTER_SEPARATOR + row["lastPeriod"]["value"]},
              "spheres": {**stored["spheres"], "value": SPHERE_SEPARATOR.join(spheres)}}
    # a least or greatest date over events one of which has none is none (an error in SPARQL's aggregates)
    for figure, pick in (("first", min), ("last", max)):
        joined.pop(figure, None)
        if figure in stored and figure in row:
            joined[figure] = pick(stored[figure], row[figure], key=lambda term: term["value"])
    return joined


def _kind(term: Term) -> tuple[str | None, str | None]:
    return term.get("datatype"), term.get("xml:lang")


def _literal(term: Term) -> Literal:
    return Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))


def _profile_iri(partner: str) -> str:
    """As summaries-profiles.ru mints a profile's IRI."""
    return f"{ENTITY_BASE}profile/{hashlib.md5(partner.encode()).hexdigest()}"


def _preferred_names(store: Store, entities: frozenset[str]) -> dict[str, Term]:
    """The stored preferred names of these entities, by entity."""
    query = internal_query("stored-preferred-names").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    rows = store.results(scoped(query, Scope(entities=entities))).rows if entities else []
    return {row["entity"]["value"]: row["name"] for row in rows}


def _added_names(store: Store, scope: Scope, before: dict[str, Term],
                 added: list[str]) -> tuple[list[str], frozenset[str]]:
    """The preferred names of the scope's entities after reports were added, as N-Triples: the least of the
    stored one and those of the new graphs; and the entities whose name must be worked out over every graph
    instead (names of another kind, which SPARQL orders otherwise than by their text)."""
    names = dict(before)
    rename: set[str] = set()
    for report_id in added:
        query = internal_query("graph-preferred-names").bind({"graph": str(graph_iri(report_id))})
        for row in store.results(query).rows:
            entity, name = row["entity"]["value"], row["name"]
            if entity not in scope.entities:
                continue
            if entity in names and _kind(names[entity]) != _kind(name):
                rename.add(entity)
            names[entity] = min(names.get(entity, name), name, key=lambda term: term["value"])
    return [f"{URIRef(entity).n3()} {TIES.preferredName.n3()} {_literal(name).n3()} ."
            for entity, name in sorted(names.items()) if entity not in rename], frozenset(rename)


def _join_counterparts(store: Store, scope: Scope, before: dict[str, StoredProfile], added: list[str]) -> None:
    """The counterparts of the scope's profiles after reports were added: for a partner profiled before,
    those stored joined with the officials the new graphs put beside it (its events are those it had and
    new ones); a partner profiled now for the first time (or again) gets them worked out over all its events."""
    met: dict[str, set[Named]] = {}
    for report_id in added:
        query = internal_query("graph-counterparts").bind({"graph": str(graph_iri(report_id))})
        _add_names(met, store.results(query).rows, "partner")
    now = _profiles(store, scope.partners)
    fresh = frozenset(partner for partner in now if partner not in before)
    if fresh:
        _insert_counterparts(store, Scope(partners=fresh))
    _write_counterparts(store, {stored.profile: before[partner].names | met.get(partner, set())
                                for partner, stored in now.items() if partner not in fresh})


def _insert_counterparts(store: Store, scope: Scope | None) -> None:
    """Each profile's counterparts (of the scope's partners, or every one): the Smolensk officials its partner
    met at one of its events (ontology/queries/internal/counterparts.rq), sorted here: sorting the ~57,000
    partner–official rows at 100× the samples by surname in SPARQL read both names from disk at each
    comparison (2.5 s of the 3.2 s that worked them out). With a scope, the officials are looked for in the
    graphs that name its partners only: a partner profiled for the first time is named in one graph or a few
    (77 partners of one report named nowhere else: 329 ms over every graph at 100× the samples, 23 ms)."""
    if scope is not None:
        scope = Scope(partners=scope.partners, periods=_graphs_naming(store, scope.partners))
    query = scoped(internal_query("counterparts").bind({"graph": str(graph_iri(SUMMARY_GRAPH))}), scope)
    met: dict[str, set[Named]] = {}
    _add_names(met, store.results(query).rows, "profile")
    _write_counterparts(store, met)


def _graphs_naming(store: Store, partners: frozenset[str]) -> frozenset[str]:
    """The ids of the report graphs that name these partners at one of their events."""
    if not partners:
        return frozenset()
    rows = store.results(scoped(internal_query("partner-graphs").bind(), Scope(partners=partners))).rows
    base = str(graph_iri(""))
    return frozenset(row["g"]["value"].removeprefix(base) for row in rows if row["g"]["value"].startswith(base))


def _add_names(names: dict[str, set[Named]], rows: Iterable[dict[str, Term]], key: str) -> None:
    """Each row's ?name, with its language, among the names of the row's `key`."""
    for row in rows:
        names.setdefault(row[key]["value"], set()).add((row["name"]["value"], row["name"].get("xml:lang")))


def _write_counterparts(store: Store, named: Mapping[str, set[Named] | frozenset[Named]]) -> None:
    """Each profile's ties:counterpartsText (a profile without names gets none): the names by surname (the
    last word, after the last space or dot, then whole), in their language where they share one."""
    lines = []
    for profile, names in sorted(named.items()):
        if names:
            languages = {language for _, language in names}
            text = COUNTERPART_SEPARATOR.join(sorted({name for name, _ in names}, key=_by_surname))
            literal = Literal(text, lang=languages.pop() if len(languages) == 1 else None)
            lines.append(f"<{profile}> {TIES.counterpartsText.n3()} {literal.n3()} .")
    if lines:
        store.insert(SUMMARY_GRAPH, "\n".join(lines))


def _by_surname(name: str) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """A name's place among a profile's counterparts: its last word (after the last space or dot), then whole,
    in the Russian alphabetical order."""
    return alphabetical(re.sub(r"^.*[ .]", "", name)), alphabetical(name)


def attendance(store: Store, report_id: str | None = None, agents: frozenset[str] | None = None) -> Attendance:
    """Event -> its persons and organisations, each with whether it is of the Smolensk side there (only if
    every statement of that graph says so); in one report's graph, or over every graph (among some agents
    only, where given: a scope that `graph-attendance.rq`, one graph's, has no place for)."""
    if report_id is not None:
        query = internal_query("graph-attendance").bind({"graph": str(graph_iri(report_id))})
    else:
        query = internal_query("attendance").bind()
    if agents is not None:
        query = scoped(query, Scope(entities=agents))
    return attendance_of(store.results(query).plain())


def attendance_of(rows: Iterable[dict[str, str]]) -> Attendance:
    """The attendance that rows of `attendance.rq` (plain values: event, agent and, if stated, ours) make."""
    events: Attendance = {}
    for row in rows:
        attendees = events.setdefault(row["event"], {})
        agent = row["agent"]
        attendees[agent] = attendees.get(agent, True) and "ours" in row and is_true(row["ours"])
    return events


def _pair_counts(events: Attendance, wanted: frozenset[Pair] | None = None) -> Counter[Pair]:
    """How many events each pair of attendees shares (in code-point order, not both of Smolensk)."""
    counts: Counter[Pair] = Counter()
    for attendees in events.values():
        names = sorted(attendees)
        for index, first in enumerate(names):
            for second in names[index + 1:]:
                if not (attendees[first] and attendees[second]) and (wanted is None or (first, second) in wanted):
                    counts[(first, second)] += 1
    return counts


def _count_pairs(store: Store, scope: Scope | None, read_attendance: ReadAttendance, batch: int = 5_000) -> None:
    """The pairs of persons and organisations that met more than once, not both of Smolensk: their
    shared events. Pairs that met once are left to the network (`ties network`, graph.analytics): at
    100 times the samples they are ~80,000 of ~90,000, and a query scanning them all takes seconds.
    With a scope, the pairs it names are removed and counted again (over every event of their members)."""
    summary = graph_iri(SUMMARY_GRAPH).n3()
    if scope is None:
        counts = _pair_counts(read_attendance(None))
    else:
        members = frozenset(entity for pair in scope.pairs for entity in pair)
        counts = _pair_counts(read_attendance(members), scope.pairs) if members else Counter()
        iris = sorted(_pair_iri(pair) for pair in scope.pairs)
        for start in range(0, len(iris), batch):
            values = " ".join(f"<{iri}>" for iri in iris[start:start + batch])
            store.update(f"DELETE {{ GRAPH {summary} {{ ?pair ?p ?o }} }} WHERE {{ VALUES ?pair {{ {values} }} "
                         f"GRAPH {summary} {{ ?pair ?p ?o }} }}")
    a, b, shared = TIES.attendeeA.n3(), TIES.attendeeB.n3(), TIES.sharedEvents.n3()
    lines = [f"<{iri}> {a} <{first}> .\n<{iri}> {b} <{second}> .\n<{iri}> {shared} {Literal(n).n3()} ."
             for (first, second), n in sorted(counts.items()) if n > 1 for iri in [_pair_iri((first, second))]]
    for start in range(0, len(lines), batch):
        store.insert(SUMMARY_GRAPH, "\n".join(lines[start:start + batch]))


def _pair_iri(pair: Pair) -> str:
    return f"{ENTITY_BASE}pair/{hashlib.md5(f'{pair[0]} {pair[1]}'.encode()).hexdigest()}"


def _name_order(store: Store) -> None:
    """`ties:nameOrder` for each preferred and partner name of the summaries: an integer whose order among
    them is the names' code-point order. Queries sort on it: sorting on the names themselves makes
    Oxigraph read both names from disk at each comparison. The numbers are spaced (ORDER_GAP) and kept
    where they still fit, so that a build adding a few names writes theirs only: numbering every name
    again (~21,000 at 100× the samples) rewrote them all at each added report."""
    graph = graph_iri(SUMMARY_GRAPH)
    bound = {"graph": str(graph)}
    names: dict[str, str] = {}
    held: dict[str, set[int]] = {}
    # read as a table: as JSON results, reading them took twice as long
    for subject, name, number in store.select(internal_query("summary-names").bind(bound)).rows:
        assert subject is not None and name is not None  # bound in every row (the OPTIONAL is the number)
        names[subject] = min(name, names.get(subject, name))
        held.setdefault(subject, set()).update([int(number)] if number is not None else [])
    numbers = number_names(names, {subject: min(numbers) for subject, numbers in held.items() if len(numbers) == 1})
    moved = [subject for subject, number in numbers.items() if held[subject] not in ({number}, set())]
    stale = sorted([*moved, *_unnamed_orders(store, bound, sum(map(len, held.values())))])
    order, integer = TIES.nameOrder.n3(), XSD.integer.n3()
    for start in range(0, len(stale), _NAME_BATCH):
        subjects = " ".join(f"<{subject}>" for subject in stale[start:start + _NAME_BATCH])
        store.update(f"DELETE {{ GRAPH {graph.n3()} {{ ?subject {order} ?order }} }} "
                     f"WHERE {{ VALUES ?subject {{ {subjects} }} GRAPH {graph.n3()} {{ ?subject {order} ?order }} }}")
    # written here, not by rdflib's Literal: making ~20,000 of them at a whole build cost most of this step
    lines = [f'<{subject}> {order} "{number}"^^{integer} .' for subject, number in sorted(numbers.items())
             if held[subject] != {number}]
    for start in range(0, len(lines), _NAME_BATCH):
        store.insert(SUMMARY_GRAPH, "\n".join(lines[start:start + _NAME_BATCH]))


def _unnamed_orders(store: Store, bound: dict[str, str], named: int) -> list[str]:
    """The subjects numbered in the names' order that have no name now (a report replaced by one without
    them), where the summaries hold more numbers than the `named` subjects' (the search tests every number:
    0.5 s at 100× the samples)."""
    count = store.results(internal_query("name-order-count").bind(bound)).rows[0]["orders"]["value"]
    if int(count) <= named:
        return []
    return [row["subject"]["value"] for row in store.results(internal_query("unnamed-name-orders").bind(bound)).rows]


def number_names(names: Mapping[str, str], held: Mapping[str, int], gap: int = ORDER_GAP) -> dict[str, int]:
    """A number for each subject, increasing with its name (then its IRI), keeping the most numbers `held`
    that still increase in that order (a renamed subject moves alone); the others spread evenly between the
    kept numbers around them, or, where no whole number is left between those, every subject numbered
    again `gap` apart."""
    ordered = sorted(names, key=lambda subject: (alphabetical(names[subject]), subject))
    kept = _longest_increasing([(subject, held[subject]) for subject in ordered if subject in held])
    numbers: dict[str, int] = {}
    run: list[str] = []
    below: int | None = None
    for subject in ordered + [""]:  # "" closes the last run: no subject is unnamed
        if subject and subject not in kept:
            run.append(subject)
            continue
        above = kept.get(subject)
        spread = _spread(len(run), below, above, gap) if run else []
        if spread is None:
            return {subject: index * gap for index, subject in enumerate(ordered)}
        numbers.update(zip(run, spread, strict=True))
        if above is not None:
            numbers[subject] = below = above
        run = []
    return numbers


def _longest_increasing(numbered: list[tuple[str, int]]) -> dict[str, int]:
    """A longest run of the subjects whose numbers increase in the order given (patience sorting)."""
    tails: list[int] = []  # the least last number of an increasing run of each length so far
    ends: list[int] = []  # where that run ends in `numbered`
    previous: list[int] = []  # for each subject, the one before it in the run it ends
    for index, (_, number) in enumerate(numbered):
        length = bisect.bisect_left(tails, number)
        previous.append(ends[length - 1] if length else -1)
        if length == len(tails):
            tails.append(number)
            ends.append(index)
        else:
            tails[length], ends[length] = number, index
    run: dict[str, int] = {}
    index = ends[-1] if ends else -1
    while index >= 0:
        run[numbered[index][0]] = numbered[index][1]
        index = previous[index]
    return run


def _spread(count: int, below: int | None, above: int | None, gap: int) -> list[int] | None:
    """`count` increasing numbers between two (open where None), or None where they do not fit."""
    if above is None:
        first = 0 if below is None else below + gap
        return [first + index * gap for index in range(count)]
    if below is None:
        return [above - (count - index) * gap for index in range(count)]
    step = (above - below) // (count + 1)
    return [below + (index + 1) * step for index in range(count)] if step >= 1 else None


def _label_order(store: Store) -> None:
    """`ties:labelOrder` for each concept of the ontology's graph with a Russian label: the label's place among
    theirs in code-point order (as many distinct labels come before it), in place of what it held. Worked out
    here once: each query that sorted spheres and event types by counting the labels before theirs spent
    a third of its time on it (activity at 100× the samples)."""
    query = internal_query("concept-labels").bind({"graph": str(graph_iri(ONTOLOGY_GRAPH))})
    labels = {row["concept"]["value"]: row["label"]["value"] for row in store.results(query).rows}
    place = {label: index for index, label in enumerate(sorted(set(labels.values()), key=alphabetical))}
    order, integer, summary = TIES.labelOrder.n3(), XSD.integer.n3(), graph_iri(SUMMARY_GRAPH).n3()
    store.update(f"DELETE {{ GRAPH {summary} {{ ?concept {order} ?place }} }} "
                 f"WHERE {{ GRAPH {summary} {{ ?concept {order} ?place }} }}")
    if labels:
        store.insert(SUMMARY_GRAPH, "\n".join(f'<{concept}> {order} "{place[label]}"^^{integer} .'
                                               for concept, label in sorted(labels.items())))


def summary_mark(checksums: dict[str, str]) -> str:
    """What summaries worked out from the reports with these checksums are marked with: one SHA-256 over the
    checksums and how the summaries are worked out (the updates' text, SUMMARIES_FORMAT). A store whose
    summaries another version worked out has them worked out again by its next build."""
    lines = [f"{k} {v}" for k, v in sorted(checksums.items())]
    return hashlib.sha256("\n".join([*lines, f"format {SUMMARIES_FORMAT}", *_definitions()]).encode()).hexdigest()


@cache
def _definitions() -> tuple[str, ...]:
    """The summaries' updates as written, read once a process (a build marks its summaries more than once)."""
    return tuple(path.read_text(encoding="utf-8")
                 for path in (SUMMARIES, SUMMARIES_FORGET, SUMMARIES_PARTNERS, SUMMARIES_PROFILES))


def summarised_checksum(store: Store) -> str | None:
    """The reports checksum the store's summaries were worked out from; None without summaries."""
    query = internal_query("summarised-checksum").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    rows = store.results(query).rows
    return rows[0]["sum"]["value"] if rows else None


def summary(store: Readable, top: int = 10) -> dict[str, object]:
    """What the store holds: events, entities by type, countries, agreements and the top foreign partners
    (from the partner profiles the build worked out, states themselves left out; at most 100)."""
    counts = store.results(internal_query("store-counts").bind()).rows[0]
    query = internal_query("top-partners").bind({"graph": str(graph_iri(SUMMARY_GRAPH))})
    partners = [(row["name"]["value"], int(row["events"]["value"])) for row in store.results(query).rows[:top]]
    names = ("reports", "events", "persons", "organisations", "places", "countries", "agreements")
    return {**{name: int(counts[name]["value"]) for name in names}, "top_partners": partners}
