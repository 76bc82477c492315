"""`ties review` end to end: the doubts of a store built from the samples, decisions written to the decisions
files, and the next build applying them to every report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.stores import EmbeddedStore
from ontology import ENTITY_BASE, HERE
from tests.conftest import HEADING, report_text

pytestmark = pytest.mark.slow  # two builds of the samples

LABEL = "SELECT ?label WHERE { GRAPH ?g { <%s> <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
COUNTRY = """SELECT ?code WHERE { GRAPH ?g { <%s> <https://w3id.org/smolensk-ties/ontology#country> ?c .
  ?c <http://www.w3.org/2004/02/skos/core#notation> ?code } }"""
TYPED = "SELECT ?class WHERE { GRAPH ?g { <%s> a ?class } }"
POINT = """SELECT ?lat ?long WHERE { GRAPH ?g { <%s> <https://schema.org/geo> ?geo .
  ?geo <https://schema.org/latitude> ?lat ; <https://schema.org/longitude> ?long } }"""
TAKES_PART = "SELECT ?p WHERE { GRAPH ?g { ?p <https://w3id.org/smolensk-ties/ontology#agent> <%s> } } LIMIT 1"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def values(store, query: str) -> set:
    """The query's one column's values, or its rows as tuples where it has more."""
    rows = store.select(query).rows
    return {row[0] if len(row) == 1 else tuple(row) for row in rows}


def built_units(store: str) -> list[tuple[str, str]]:
    """Each organisation the store makes a unit of another, with that body."""
    built = EmbeddedStore(Path(store), read_only=True)
    return [tuple(row) for row in built.select("SELECT ?u ?b WHERE { GRAPH ?g { ?u "
                                               "<http://www.w3.org/ns/org#subOrganizationOf> ?b } }").rows]


def test_doubts_are_listed_and_decisions_stay_made_in_the_next_build(tmp_path, monkeypatch, sample_paths):
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    shutil.copy(HERE / "aliases.csv", decisions / "aliases.csv")
    monkeypatch.setenv("TIES_DECISIONS", str(decisions))
    store = str(tmp_path / "store")
    # a third quarter's row that names the samples' commission on energy without what it deals with
    third = tmp_path / "2025-Q3.txt"
    third.write_text(report_text([[
        "Заседание Комиссии Парламентского Собрания Союза Беларуси и России", "г. Брест", "10 июля 2025 года",
        "Обсуждены итоги работы Комиссии Парламентского Собрания Союза Беларуси и России.", "Депутаты"]]).replace(
        HEADING, HEADING.replace("во II квартале", "в III квартале")), encoding="utf-8")
    paths = [*(str(p) for p in sample_paths.values()), str(third)]
    run("build", *paths, "--store", store)

    doubts = json.loads(run("review", "--store", store, "--format", "json").output)
    # for people: each doubt's command whole on a line of its own, however long, to copy; under its kind's count
    shown = [line.strip() for line in run("review", "--store", store).output.splitlines()]
    assert all(d["decide"] in shown for d in doubts)
    assert f"возможно, одно и то же ({sum(d['kind'] == 'merge' for d in doubts)})" in shown
    kinds = {d["kind"] for d in doubts}
    assert kinds == {"merge", "forms", "no-point", "natasha-only"}
    written = {d["labels"][0]: d["evidence"] for d in doubts if d["kind"] == "forms"}
    assert "ОАО «МАЗ»" in written["ОАО «Минский автомобильный завод»"]  # one name written two ways
    merges = [d["entities"] for d in doubts if d["kind"] == "merge"]
    # one commission, where another report's row names it without what it deals with
    commission = "org/komissiya-parlamentskogo-sobraniya-soyuza-belarusi-i-rossii"
    group = [ENTITY_BASE + commission, ENTITY_BASE + commission + "-po-energetike"]
    assert group in merges
    # a unit named with its body is no doubt: the graph holds them as two («Оршанский колледж УО «…»» and «УО «…»»)
    units = {frozenset(pair) for pair in built_units(store)}
    assert units and not any(frozenset(pair) in units for pair in merges)
    assert [ENTITY_BASE + "org/smolenskiy-gosudarstvennyy-universitet",
            ENTITY_BASE + "org/smolenskiy-gosudarstvennyy-universitet-sporta"] in merges  # no unit: still asked
    # the states by name, as the analyst reads them, not by code; bodies of several states, which have none, so
    evidence = {tuple(d["entities"]): d["evidence"] for d in doubts if d["kind"] == "merge"}
    assert evidence[tuple(group)].endswith("; у обеих — орган нескольких государств")
    assert any(said.endswith("; государство у обеих — Российская Федерация") for said in evidence.values())
    assert ENTITY_BASE + "place/oz-rytoe" in {d["entities"][0] for d in doubts if d["kind"] == "no-point"}

    run("review", "--store", store, "same", commission, commission + "-po-energetike")
    run("review", "--store", store, "different", "org/smolenskiy-gosudarstvennyy-universitet",
        "org/smolenskiy-gosudarstvennyy-universitet-sporta")
    run("review", "--store", store, "not-entity", "place/naberezhnaya-r-dnepr-smolensk")
    run("review", "--store", store, "name", "place/oz-rytoe", "озеро Рытое")  # the abbreviation written out
    run("review", "--store", store, "country", "org/horsch", "DE")
    venue = "dvorets-sporta-yubileynyy"  # a sports palace, which the analyst keeps as the venue it is
    run("review", "--store", store, "type", f"org/{venue}", "LOC")
    wrong = CliRunner().invoke(main, ["review", "--store", store, "country", "org/horsch", "Германия"])
    assert wrong.exit_code == 1 and "код ISO" in wrong.output
    # a place no gazetteer places, put on the map where the analyst says (a longitude west of Greenwich too,
    # then decided again); none but a place, and no point off the globe
    assert "ties review point place/boldino-dorogobuzhskiy-rayon ШИРОТА ДОЛГОТА" in shown
    run("review", "--store", store, "point", "place/vishenki", "10,5", "-66,9")
    run("review", "--store", store, "point", "place/vishenki", "54.7512,", "32.1833")  # as a map copies it
    run("review", "--store", store, "point", "place/boldino-dorogobuzhskiy-rayon", "54,9312", "33,306")
    for args, said in ((["place/boldino-dorogobuzhskiy-rayon", "95", "33"], "широту (от -90 до 90)"),
                       (["org/mogilevliftmash", "53.9", "30.3"], "не место")):
        refused = CliRunner().invoke(main, ["review", "--store", store, "point", *args])
        assert refused.exit_code == 1 and said in refused.output and "Traceback" not in refused.output
    assert "not-entity" in (decisions / "corrections.csv").read_text(encoding="utf-8")

    again = run("build", *paths, "--store", store)
    # the decisions changed: every report read again
    assert "заменены: II кв. 2025, I кв. 2024, III кв. 2025" in again.output
    built = EmbeddedStore(tmp_path / "store", read_only=True)
    assert not values(built, TAKES_PART % (ENTITY_BASE + "place/naberezhnaya-r-dnepr-smolensk"))
    assert values(built, LABEL % (ENTITY_BASE + "place/oz-rytoe")) == {"озеро Рытое"}
    assert values(built, COUNTRY % (ENTITY_BASE + "org/horsch")) == {"DE"}
    assert len([iri for iri in group if values(built, TAKES_PART % iri)]) == 1  # one commission now
    assert "https://schema.org/Place" in values(built, TYPED % (ENTITY_BASE + f"place/sogau-{venue}"))
    assert values(built, POINT % (ENTITY_BASE + "place/boldino-dorogobuzhskiy-rayon")) == {("54.9312", "33.306")}
    assert values(built, POINT % (ENTITY_BASE + "place/vishenki")) == {("54.7512", "32.1833")}
    placed = json.loads(run("review", "--store", store, "--kind", "no-point", "--format", "json").output)
    pointed = {ENTITY_BASE + "place/boldino-dorogobuzhskiy-rayon", ENTITY_BASE + "place/vishenki"}
    assert not pointed & {d["entities"][0] for d in placed}
    unchanged = run("build", *paths, "--store", store)
    assert "без изменений: II кв. 2025, I кв. 2024, III кв. 2025" in unchanged.output

    # a point written by hand that is none stops the next build in one line naming the file and line, before
    # anything is read: the store keeps what it held
    corrections = decisions / "corrections.csv"
    lines = corrections.read_text(encoding="utf-8").splitlines()
    lines.append("point,https://w3id.org/smolensk-ties/id/place/vishenki,севернее Смоленска,Вишенки")
    corrections.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = CliRunner().invoke(main, ["build", *paths, "--store", store])
    assert broken.exit_code == 1 and "Traceback" not in broken.output
    assert f"corrections.csv, строка {len(lines)}: координаты «севернее Смоленска»" in broken.output
    held = EmbeddedStore(tmp_path / "store", read_only=True)
    assert values(held, POINT % (ENTITY_BASE + "place/boldino-dorogobuzhskiy-rayon")) == {("54.9312", "33.306")}
