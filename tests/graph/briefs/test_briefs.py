"""Briefs from the sample store: every count equals a SPARQL count, every citation names the subject, Russian
agrees with its numbers, and the Word file opens in LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.briefs import BriefError, make_brief, read_material, render
from graph.briefs.render import cite, events, sections
from graph.briefs.russian import instrumental, period_phrase
from graph.russian import alphabetical, quarter_index

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
PREFIXES = """PREFIX ties: <https://w3id.org/smolensk-ties/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""
COUNTRY_EVENTS = PREFIXES + """SELECT ?type (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event ties:country ?country ; ties:inReport ?report ; %s ?concept . ?country skos:notation "BY" .
  ?report ties:period ?period FILTER (?period >= "2024-Q1" && ?period <= "2025-Q2") }
  GRAPH ?o { ?concept skos:prefLabel ?type FILTER (lang(?type) = "ru") } } GROUP BY ?type"""
PARTNER_EVENTS = PREFIXES + """SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event ties:participation/ties:agent <%s> } }"""
QUARTER_EVENTS = PREFIXES + """SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE { GRAPH ?g {
  ?event ties:inReport ?report . ?report ties:period "2025-Q2" } }"""
CITED = PREFIXES + """SELECT ?event WHERE { GRAPH ?g {
  ?event ties:inReport ?report ; ties:rowNumber %d . ?report ties:period "%s" . %s } } LIMIT 1"""


@pytest.fixture(scope="module")
def material(embedded):
    return read_material(embedded)


def _names(store, query: str) -> bool:
    """Whether the cited row's event names the subject (the query finds it)."""
    return bool(store.select(query).rows)


def _count(store, query: str) -> int:
    return int(store.select(query).rows[0][0])


def _cited(brief) -> set[tuple[str, int]]:
    found = set()
    for section in sections(brief):
        for paragraph in section.paragraphs:
            found |= {(s.period, s.row) for s in paragraph.sources}
    return found


def test_a_state_s_brief_counts_what_sparql_counts_and_cites_only_its_events(material, embedded):
    brief = make_brief(material, "2024-Q1", "2025-Q2", country="BY")
    assert brief.title == ("Информация о сотрудничестве Смоленской области с Республикой Беларусь "
                           "за период с I квартала 2024 г. по II квартал 2025 г.")
    by_type = {row[0]: int(row[1]) for row in embedded.select(COUNTRY_EVENTS % "sem:eventType").rows}
    assert len(brief.events) == sum(by_type.values()) > 20
    assert {c.label: c.count for c in brief.by_type} == by_type
    by_sphere = {row[0]: int(row[1]) for row in embedded.select(COUNTRY_EVENTS % "ties:sphere").rows}
    assert {c.label: c.count for c in brief.by_sphere} == by_sphere
    by_direction = {row[0]: int(row[1]) for row in embedded.select(COUNTRY_EVENTS % "ties:direction").rows}
    assert {c.label: c.count for c in brief.by_direction} == by_direction
    assert all(len(c.sources) == c.count for c in brief.by_type + brief.by_sphere + brief.by_direction)
    assert sum(c.count for c in brief.quarters) == len(brief.events)
    assert brief.reported == {"2024-Q1", "2025-Q2"}  # the quarters between have no report: said, not zero
    for period, row in _cited(brief):
        ask = CITED % (row, period, '?event ties:country ?c . ?c skos:notation "BY" .')
        assert _names(embedded, ask), (period, row)
    # each official's post once, however the rows state it: with its state after it, or a capital from a
    # sentence's start
    posts = {o.label: o.posts for o in brief.officials}
    assert posts["А.М. Субботин"] == ("председатель Витебского областного исполнительного комитета",)
    assert posts["А.С. Ахметшин"] == ("первый заместитель председателя Правительства Смоленской области",)
    text = render(brief, "md").decode("utf-8")
    # the graph holds no report before the period: its partners are new to the graph, not known to be new
    assert "Впервые в графе (отчётов до I квартала 2024 г. в нём нет):" in text and "\nНовые:" not in text
    # an agreement's kind is said where its name does not say it already
    assert "протокол о намерениях (протокол о намерениях)" not in text and "протокол о намерениях" in text
    assert f"состоялось {len(brief.events)} мероприятий" in text
    assert "Выставка, ярмарка —" in text and "Основные мероприятия" in text and "Партнёры" in text


def test_a_partner_s_brief_counts_its_events_and_names_its_smolensk_counterparts(material, embedded):
    partner = "https://w3id.org/smolensk-ties/id/org/mogilevliftmash"
    brief = make_brief(material, "2024-Q1", "2025-Q2", partner="org/mogilevliftmash")
    assert brief.title.startswith("Информация о сотрудничестве Смоленской области с ОАО «Могилевлифтмаш»")
    assert len(brief.events) == _count(embedded, PARTNER_EVENTS % partner) >= 1
    for period, row in _cited(brief):
        assert _names(embedded, CITED % (row, period, f"?event ties:participation/ties:agent <{partner}> .")), \
            (period, row)
    assert all(p.iri != partner for p in brief.new + brief.recurring)


def test_the_quarter_s_brief_covers_every_event_of_the_quarter(material, embedded):
    brief = make_brief(material, "2025-Q2", "2025-Q2")
    assert brief.title == "Информация о международном сотрудничестве Смоленской области за II квартал 2025 г."
    assert len(brief.events) == _count(embedded, QUARTER_EVENTS)
    listed = {(e.source.period, e.source.row) for e in brief.events}
    # what it cites from the quarter is its events; earlier rows are where dormant partners were last seen
    assert {cited for cited in _cited(brief) if cited[0] == "2025-Q2"} <= listed
    assert {cited for cited in _cited(brief) if cited[0] != "2025-Q2"} == \
        {(p.last, s.row) for p in brief.dormant for s in p.sources}
    # the partners that went quiet: the latest first, those of one quarter as a Russian reader orders names
    assert len(brief.dormant) > 2
    assert [(-quarter_index(p.last), alphabetical(p.label)) for p in brief.dormant] == \
        sorted((-quarter_index(p.last), alphabetical(p.label)) for p in brief.dormant)
    assert brief.agreements and all(a.sources for a in brief.agreements)
    assert brief.new and all(p.country not in ("", "RU") for p in brief.new)
    assert "\nНовые:\n" in render(brief, "md").decode("utf-8")  # an earlier report says who came before


def test_the_quarter_s_brief_lists_the_persons_by_side_each_post_once(material):
    """Smolensk's officials, other Russian ones (federal officials are no foreign partners), foreign ones, and
    the Union State's secretary, whose state the reports do not give; a post written with capitals one time and
    without another is one post."""
    brief = make_brief(material, "2025-Q2", "2025-Q2")
    side = {o.label: o.side for o in brief.officials}
    assert (side["В.Н. Анохин"], side["А.Л. Оверчук"], side["Д.Н. Крутой"], side["С.Ю. Глазьев"]) == \
        ("smolensk", "russian", "foreign", "interstate")
    posts = {o.label: o.posts for o in brief.officials}
    assert posts["А.Л. Оверчук"] == ("заместитель Председателя Правительства Российской Федерации",)
    text = render(brief, "md").decode("utf-8")
    headings = [line for line in text.splitlines() if line.endswith(("стороны:", "участники:", "государств:"))]
    assert headings == ["Со смоленской стороны:", "Российские участники:", "Зарубежные участники:",
                        "Органы нескольких государств:"]
    assert text.index("Д.Н. Крутой") > text.index("Зарубежные участники:") > text.index("А.Л. Оверчук")


@pytest.mark.parametrize(("count", "words"), [
    (1, "1 мероприятие"), (2, "2 мероприятия"), (5, "5 мероприятий"), (11, "11 мероприятий"),
    (21, "21 мероприятие"), (22, "22 мероприятия"), (25, "25 мероприятий")])
def test_numerals_agree(count, words):
    assert events(count) == words


def test_names_after_s_take_the_instrumental_and_periods_are_written_out():
    assert instrumental("Республика Беларусь") == "Республикой Беларусь"
    assert instrumental("Витебский областной исполнительный комитет") == "Витебским областным исполнительным комитетом"
    assert period_phrase("2025-Q2", "2025-Q2") == "за II квартал 2025 г."
    assert cite([]) == ""


def test_a_brief_that_cannot_be_made_says_why(material):
    with pytest.raises(BriefError, match="нет мероприятий с государством ZZ"):
        make_brief(material, "2025-Q2", "2025-Q2", country="ZZ")
    with pytest.raises(BriefError, match="государство самой Смоленской области"):  # not "no events"
        make_brief(material, "2025-Q2", "2025-Q2", country="ru")
    with pytest.raises(BriefError, match="2025-Q5"):
        make_brief(material, "2025-Q5", "2025-Q5")
    with pytest.raises(BriefError, match="позже"):
        make_brief(material, "2025-Q2", "2024-Q1")


def test_the_word_brief_is_a4_times_14_with_a_source_table_and_converts_to_pdf(material, tmp_path, missing):
    from docx import Document

    brief = make_brief(material, "2024-Q1", "2025-Q2", country="BY")
    data = render(brief, "docx")
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    assert document.paragraphs[0].text == brief.title
    sources = document.tables[-1]
    assert [c.text for c in sources.rows[0].cells] == ["Ссылка", "Отчёт", "Строка", "Мероприятие"]
    assert len(sources.rows) == len(brief.events) + 1
    body = "\n".join(p.text for p in document.paragraphs)
    assert re.search(r"\[2025-Q2, №\u00a0\d", body)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        missing("LibreOffice (Debian's libreoffice-writer-nogui)")
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, timeout=180, capture_output=True)
    pdf = tmp_path / "brief.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    if shutil.which("pdftoppm"):  # the README shows the first page
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(SCREENSHOTS / "brief")], check=True, timeout=60)
