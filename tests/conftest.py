"""Shared fixtures: the sample reports, as text and as real Word documents made from them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from nlp.reading.report import decode
from nlp.reading.text import read_text_table
from nlp.reading.word import write_docx_table

ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent / "data" / "reports"  # the samples as text (data/reports: as published)
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ("2025-Q2", "2024-Q1")

# the fuzz tests: a few dozen examples each in CI; HYPOTHESIS_PROFILE=long for a deep search
settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


HEADER = ["№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения",
          "Цель и результаты", "Участники"]
HEADING = "Отчет о мероприятиях в международной сфере во II квартале 2025 года"


def report_text(rows: list[list[str]], header: list[str] = HEADER) -> str:
    """A text export: the heading, then one tab-led line per cell."""
    lines = [HEADING, ""] + [f"\t{cell}" for cell in header]
    for number, cells in enumerate(rows, 1):
        lines.append(f"\t{number}.")
        lines += [f"\t{cell}" for cell in cells]
    return "\n".join(lines) + "\n"


def outside_graph_bounds(store) -> tuple[int, int]:
    """What `?s ?p ?o` outside GRAPH may count when it reads the union of the report graphs and the ontology, not
    the summaries: more than the largest report graph holds, at most the report graphs and the ontology together."""
    sizes = {str(g): int(n) for g, n in store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows}
    reports = [n for g, n in sizes.items() if g.rsplit("/", 1)[-1][:2] == "20"]  # …/graph/2025-Q2
    ontology = sum(n for g, n in sizes.items() if g.endswith("/graph/ontology"))
    return max(reports), sum(reports) + ontology


def write_docx(text_report: Path, out: Path) -> Path:
    """A Word document with the report's table: multi-paragraph cells, merged section-header rows, and the «№»
    column numbered by Word (the text exports' «1. », a number and a space, is how a converter writes Word's list
    numbers; data/reports/2024-Q1.docx has them typed)."""
    return write_docx_table(read_text_table(decode(text_report.read_bytes())), out, numbered_rows=True)


# the tiers: `pytest -m "not slow and not browser and not server"` runs the unit and golden tests in
# a minute or two; the whole suite is what CI runs. A test that uses one of these fixtures is marked for it.
MARKED_BY_FIXTURE = {"browser": "browser", "site": "server", "oxigraph_server": "server", "virtuoso_server": "server"}

# Chromium's renderer process sometimes dies under a page (CI, stop 89: «Page.evaluate: Target crashed» in the
# middle of the map's test, which passes on every other run): such a test runs once more, on a new page of the
# same browser; a failed assertion, a timeout or a page's own error fails at once, as before
BROWSER_CRASHED = r"^Error: .*Target crashed"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        for fixture, marker in MARKED_BY_FIXTURE.items():
            if fixture in fixtures:
                item.add_marker(marker)
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=[BROWSER_CRASHED]))


@pytest.fixture(scope="session")
def missing():
    """Call it when a tool the test needs is not installed: a failure in CI (which must have it), else a
    skip saying so."""
    def say(what: str) -> None:
        message = f"{what} is not installed: run the tests with scripts/test.sh, which installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return say


@pytest.fixture(scope="session")
def models():
    """natasha, the spaCy pipeline and the lexicons, loaded once for the whole run."""
    from nlp.extraction.extract import load_models

    return load_models()


@pytest.fixture(scope="session")
def sample_paths() -> dict[str, Path]:
    return {name: REPORTS / f"{name}.txt" for name in SAMPLES}


@pytest.fixture(scope="session")
def sample_reports(sample_paths):
    """Both samples read, 2024-Q1 first."""
    from nlp.reading.report import read_report

    return [read_report(sample_paths["2024-Q1"]), read_report(sample_paths["2025-Q2"])]


@pytest.fixture(scope="session")
def sample_events(sample_reports, models):
    """Both samples' events, extracted and resolved together (frozen records: shared by the tests that read them)."""
    from nlp.pipeline import extract_events

    return extract_events(sample_reports, models)


@pytest.fixture(scope="session")
def docx_samples(tmp_path_factory, sample_paths) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    return {name: write_docx(path, folder / f"{name}.docx") for name, path in sample_paths.items()}
