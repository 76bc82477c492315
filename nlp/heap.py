"""Objects that live as long as the process (the models, a build's events), kept out of Python's cyclic
garbage collections."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived() -> Iterator[None]:
    """Make what lives on without cyclic collections, then freeze it (`gc.freeze`): a full collection walks
    every object tracked, and with natasha's models loaded (~200,000 objects) each took 0.15–0.18 s. Adding
    one report to a 100× store spent 0.83–1.23 s in seven of them, a 100× build's own process 4.1 s in
    twelve (walking its events again and again). Frozen objects are still freed when nothing refers to them; only
    cycles made inside stay (~1,600 objects after loading the models)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
