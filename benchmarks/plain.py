"""What rdflib is timed on: the plain forms of some library queries, and the store's quads in an
rdflib Dataset. Kept apart from `benchmarks.run`, which sets thread counts as it loads, so that tests
can use them too."""

from __future__ import annotations

import tempfile
from pathlib import Path

# the same questions as some library queries, written for rdflib (see the files' headers): rdflib is
# timed on these, and Oxigraph on both forms, so the rewrite's gain is printed too
PLAIN_QUERIES = Path(__file__).resolve().parent / "plain_queries"


def rdflib_dataset(embedded):
    """An rdflib in-memory Dataset holding every quad of the store."""
    import pyoxigraph as ox
    from rdflib import Dataset

    dataset = Dataset()
    data = tempfile.NamedTemporaryFile(suffix=".nq", delete=False)
    data.close()
    try:
        embedded.store.dump(data.name, ox.RdfFormat.N_QUADS)
        dataset.parse(data.name, format="nquads")
    finally:
        Path(data.name).unlink()
    return dataset
