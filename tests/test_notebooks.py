"""The analyst notebooks run from top to bottom on the sample graph, and are kept without outputs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.slow  # a Jupyter kernel per notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
README = ROOT / "README.md"


def test_the_readme_links_every_notebook_and_every_link_opens_one():
    linked = set(re.findall(r"\]\((notebooks/[^)]+\.ipynb)\)", README.read_text(encoding="utf-8")))
    assert linked == {f"notebooks/{path.name}" for path in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped_in_git(path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") and not cell.get("execution_count")
               for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path_factory, monkeypatch):
    store = tmp_path_factory.getbasetemp() / "notebook-store"
    monkeypatch.setenv("TIES_STORE", str(store))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert outputs
    assert os.path.isdir(store)
