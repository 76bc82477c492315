"""The analyst notebooks run from top to bottom on the sample graph, draw what they promise (every one
holds plots), and are kept without outputs; the first plot of each is saved for the README."""

from __future__ import annotations

import base64
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
SCREENSHOTS = ROOT / "docs" / "screenshots"


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
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    plots = [o.data["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    tables = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert plots, "the notebook draws nothing"
    assert any("<table" in html for html in tables), "no table shown as a DataFrame"
    assert os.path.isdir(store)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"notebook-{path.stem}.png").write_bytes(base64.b64decode(plots[0]))
