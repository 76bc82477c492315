"""The stages' boundaries, read off the imports: `nlp` never imports `graph`; `graph` takes from `nlp` only
its entry points (the package itself), its records and its errors; the stores import nothing of `nlp`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_FROM_NLP = {"nlp", "nlp.records", "nlp.errors"}


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code (imports inside functions count)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", files("nlp"), ids=lambda p: str(p.relative_to(ROOT)))
def test_nlp_never_imports_graph(path):
    assert not {name for name in imports(path) if name == "graph" or name.startswith("graph.")}


@pytest.mark.parametrize("path", files("graph"), ids=lambda p: str(p.relative_to(ROOT)))
def test_graph_takes_only_entry_points_records_and_errors_from_nlp(path):
    taken = {name for name in imports(path) if name == "nlp" or name.startswith("nlp.")}
    assert taken <= ALLOWED_FROM_NLP, f"{path.name} imports {sorted(taken - ALLOWED_FROM_NLP)}"
    if "stores" in path.parts:
        assert taken <= {"nlp.errors"}, f"the store layer knows nothing of extraction: {sorted(taken)}"


def test_the_checks_see_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from nlp.extraction.extract import Models\n    import graph.rdf\n",
                      encoding="utf-8")
    assert imports(sample) == {"nlp.extraction.extract", "graph.rdf"}


def test_commands_that_only_read_the_store_load_no_extraction():
    """`ties query`, `ties partners`: the CLI imports nlp's entry points lazily, so neither spaCy nor
    natasha's models are loaded (they cost most of a second before anything happens)."""
    import subprocess
    import sys

    probe = ("import sys, graph.cli, graph.network.partners, nlp.errors, nlp.records; "
             "print(sorted(m for m in ('spacy', 'natasha', 'graph.pipeline') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert found.stdout.strip() == "[]"


def test_graph_making_processes_load_no_extraction():
    """A build's graph-making processes import graph.rdf.maker and the records they are given: not spaCy or
    natasha (~1.7 s in each process at the start of the graphs step) through graph.pipeline or nlp.pipeline."""
    import pickle
    import subprocess
    import sys
    from pathlib import Path

    from graph.rdf.maker import GraphJob, make_graph
    from graph.rdf.version import MadeWith
    from nlp.records import Report

    job = GraphJob(Report(id="2025-Q2", title="", source="r.txt", checksum="0", events=()), (),
                   MadeWith("", ""), Path("g.nt"), True, None)
    pickled = pickle.dumps((make_graph, job))  # what the pool sends a process
    probe = (f"import pickle, sys; pickle.loads({pickled!r}); "
             "print(sorted(m for m in ('spacy', 'natasha', 'graph.pipeline', 'nlp.pipeline') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert found.stdout.strip() == "[]"
