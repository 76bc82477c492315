"""Helpers for the analyst notebooks: the store of the sample reports, built on first use."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import build
from graph.stores import open_store, store_path
from nlp import load_models, read_report, report_files

ROOT = Path(__file__).resolve().parent.parent


def sample_store(reports: Path = ROOT / "data" / "reports"):
    """The store ($TIES_STORE, else data/store), built from the sample reports if they are not in it yet."""
    folder = store_path(None)
    if not folder.is_absolute():
        folder = ROOT / folder
    build([read_report(p) for p in report_files([reports])], folder, load_models)
    return open_store(str(folder))
