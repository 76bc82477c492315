"""The stores: Oxigraph embedded in a folder, or any SPARQL 1.1 server, behind one `Store` protocol."""

from __future__ import annotations

from graph.stores.base import (
    STORE_ENV,
    Readable,
    ReadableAhead,
    Store,
    StoreError,
    build_lock,
    is_remote,
    lock_path,
    results_later,
    store_path,
    store_spec,
    stored_checksums,
)
from graph.stores.embedded import BulkFiles, EmbeddedStore
from graph.stores.remote import RemoteStore

__all__ = ["STORE_ENV", "BulkFiles", "EmbeddedStore", "Readable", "ReadableAhead", "RemoteStore", "Store",
           "StoreError", "build_lock", "is_remote", "lock_path", "open_store", "results_later", "store_path",
           "store_spec", "stored_checksums"]


def open_store(spec: str | None, read_only: bool = True) -> Store:
    """The store a --store option names: a SPARQL server's URL, else a folder (see `store_path`)."""
    spec = store_spec(spec)
    if is_remote(spec):
        return RemoteStore(str(spec))
    return EmbeddedStore(store_path(spec), read_only=read_only)
