"""What every store is: the `Store` protocol, its one error, and where a store and its build lock live."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

import pyoxigraph as ox

from graph.query import Table, internal_query
from graph.stores.results import ResultSet

STORE_ENV = "TIES_STORE"
DEFAULT_STORE = Path("data") / "store"


class StoreError(Exception):
    """The store cannot be opened or changed; the message says why and what to do."""


class Readable(Protocol):
    """What answers queries: a store, or the server's store whose queries run within its limits."""

    def results(self, sparql: str, max_rows: int | None = None) -> ResultSet:
        """Results of a query (SELECT, ASK, CONSTRUCT, DESCRIBE), refusing more than `max_rows`."""
        ...


@runtime_checkable
class ReadableAhead(Readable, Protocol):
    """What starts a query and answers it later: the server's store, whose queries run in processes of their
    own, so that a page's queries that need not wait for each other run side by side."""

    def submit(self, sparql: str, max_rows: int | None = None) -> Future[ResultSet]:
        """The query started; its results, or its refusal, from the future."""
        ...


def results_later(store: Readable, sparql: str, max_rows: int | None = None) -> Callable[[], ResultSet]:
    """A query's results when called: started now where the store runs queries side by side, else run then."""
    if isinstance(store, ReadableAhead):
        return store.submit(sparql, max_rows).result
    return partial(store.results, sparql, max_rows)


class Store(Readable, Protocol):
    """A quad store of one named graph per report: Oxigraph in a folder, or a SPARQL 1.1 server."""

    def select(self, sparql: str, limit: int | None = None) -> Table:
        """Results as a Table: SELECT rows, an ASK answer, or CONSTRUCT/DESCRIBE triples."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update."""
        ...

    def replace_graphs(self, graphs: dict[str, bytes | None], *, checked: bool = False) -> None:
        """Replace (or, for None, drop) the named graph of each report, given as N-Triples in UTF-8; `checked`:
        the text was parsed strictly before (by the build's validator), and need not be checked again."""
        ...

    def insert(self, graph_id: str, triples: str) -> None:
        """Add N-Triples to the named graph of `graph_id` (a report id, "summary")."""
        ...

    def compact(self) -> None:
        """Merge the store's files after a build, where the store has any."""
        ...

    def flushed_at_end(self) -> AbstractContextManager[None]:
        """A block whose writes reach disk together when it ends, where each otherwise does at once: for
        writes run side by side in threads."""
        ...

    def dump(self, path: Path, format: ox.RdfFormat) -> None:
        """Write the store to a file; formats without graphs get the union of all named graphs."""
        ...


def stored_checksums(store: Store) -> dict[str, str]:
    """Report id -> checksum of the file each stored report was built from."""
    rows = store.results(internal_query("checksums").bind()).rows
    return {row["period"]["value"]: row["sum"]["value"] for row in rows}


def is_remote(spec: str | None) -> bool:
    """Whether a --store value names a SPARQL server (an http(s) URL) rather than a folder."""
    return bool(spec) and str(spec).startswith(("http://", "https://"))


def store_spec(option: str | None) -> str | None:
    """The store an option names: the option, else $TIES_STORE, else None (the default folder)."""
    return option or os.environ.get(STORE_ENV) or None


def store_path(option: str | None) -> Path:
    """The store folder: --store, else $TIES_STORE, else data/store under the current folder."""
    return Path(store_spec(option) or DEFAULT_STORE)


def lock_path(spec: str | None) -> Path:
    """Where a build on this store holds its lock: beside the folder, or in the temp folder for a server."""
    spec = store_spec(spec)
    if is_remote(spec):
        digest = hashlib.sha1(str(spec).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"ties-remote-{digest}"
    return store_path(spec)


@contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """Hold the store's build lock; a second build at the same time is refused, not interleaved. The lock's file
    lasts as long as the build: removed before the lock is let go, it is not left in the temp folder (a server's
    store, a file for each address) nor beside the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    while True:
        handle = open(lock, "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.close()
            raise StoreError(f"{path}: в это хранилище уже идёт сборка; дождитесь её конца") from error
        if _same_file(handle.fileno(), lock):
            break
        # the build before removed the file between this opening and locking it: a lock on a removed file guards
        # nothing, so the file now at the path is taken
        handle.close()
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)
        handle.close()  # lets the lock go, after the file is gone


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        opened, named = os.fstat(descriptor), os.stat(path)
    except FileNotFoundError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def export_prefixes(format: ox.RdfFormat) -> dict[str, str] | None:
    """The project's and the standard vocabularies' prefixes, for the formats that write them (Turtle, TriG,
    JSON-LD's @context): a dump readers can read, not megabytes of full IRIs."""
    from graph.rdf.vocab import PREFIXES

    if format not in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD):
        return None
    # not the entities' (id:) nor GeoNames': their local names hold "/", which Turtle writes escaped
    # (id:org\/olsa), and Virtuoso's loader reads that as another IRI; a dump must load unchanged everywhere
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items() if prefix not in ("id", "geonames")}


def compact_json_ld(expanded: bytes, prefixes: dict[str, str]) -> bytes:
    """JSON-LD as Oxigraph writes it (expanded: full IRIs), compacted with a `@context` of `prefixes`:
    properties, node ids, types and datatypes as `ties:country`, `id:org/…`.

    >>> data = b'[{"@id": "https://w3id.org/smolensk-ties/id/org/x", "@type": ["http://www.w3.org/ns/org#Organization"],'
    >>> data += b' "http://www.w3.org/2000/01/rdf-schema#label": [{"@value": "X"}]}]'
    >>> compact_json_ld(data, {"id": "https://w3id.org/smolensk-ties/id/", "org": "http://www.w3.org/ns/org#",
    ...                        "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}).decode()[:120]
    '{"@context": {"id": "https://w3id.org/smolensk-ties/id/", "org": "http://www.w3.org/ns/org#", "rdfs": "http://www.w3.org'
    """
    import json

    # longest namespace first: "…/id/" before a shorter one that is its start
    ordered = sorted(prefixes.items(), key=lambda item: -len(item[1]))

    def short(iri: str) -> str:
        for prefix, namespace in ordered:
            if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def compact(value):
        if isinstance(value, list):
            return [compact(item) for item in value]
        if not isinstance(value, dict):
            return value
        out = {}
        for key, item in value.items():
            if key == "@id":
                out[key] = short(item)
            elif key == "@type":
                out[key] = [short(t) for t in item] if isinstance(item, list) else short(item)
            elif key.startswith("@"):
                out[key] = compact(item)
            else:
                out[short(key)] = compact(item)
        return out

    nodes = json.loads(expanded or b"[]")
    graph = compact(nodes if isinstance(nodes, list) else [nodes])
    return json.dumps({"@context": dict(prefixes), "@graph": graph}, ensure_ascii=False).encode("utf-8")
