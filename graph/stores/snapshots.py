"""Published states of an embedded store: what a server answers from while builds go on.

A build writes the store in several transactions (reports in batches, then the summaries), and a
reader that opens the store between two of them would see half a build. So a build that finishes
publishes a snapshot: an Oxigraph backup (hard links to the store's immutable files, so it costs
next to nothing) in `<store>.served/<number>`, then points `<store>.served/current` at it with an
atomic rename. A server's query processes open the current snapshot read-only; all of them answer
from the same one, and they move to a newer one together, between queries. The newest two are kept
(a server may still be answering from the previous one while it moves); older ones are removed.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports nothing of this module; the workers import it without the store
    from graph.stores import EmbeddedStore

KEPT = 2


def served_folder(store: Path) -> Path:
    return store.with_name(store.name + ".served")


def store_of_snapshot(path: Path) -> Path | None:
    """The store a published snapshot was taken of; None for a path that is no snapshot."""
    folder = path.parent
    if path.name.isdigit() and folder.name.endswith(".served"):
        return folder.with_name(folder.name.removesuffix(".served"))
    return None


def current_snapshot(store: Path) -> Path | None:
    """The folder of the store's newest published snapshot; None if it has none."""
    folder = served_folder(store)
    try:
        name = (folder / "current").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    path = folder / name
    return path if name.isdigit() and (path / "CURRENT").exists() else None


def publish(store: EmbeddedStore) -> Path:
    """Publish the store's present state (call it holding the build lock, after the last write)."""
    folder = served_folder(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = sorted(int(p.name) for p in folder.iterdir() if p.name.isdigit())
    number = (numbers[-1] + 1) if numbers else 1
    partial = folder / f".partial-{uuid.uuid4().hex}"
    store.store.flush()
    store.store.backup(str(partial))
    target = folder / str(number)
    os.rename(partial, target)
    pointer = folder / f".current-{uuid.uuid4().hex}"
    pointer.write_text(f"{number}\n", encoding="utf-8")
    os.replace(pointer, folder / "current")
    for old in numbers[: max(len(numbers) + 1 - KEPT, 0)]:
        shutil.rmtree(folder / str(old), ignore_errors=True)
    for leftover in folder.glob(".partial-*"):  # from a build killed while publishing
        if leftover != partial:
            shutil.rmtree(leftover, ignore_errors=True)
    return target
