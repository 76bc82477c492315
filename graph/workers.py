"""Queries on the embedded store in worker processes, so that one running over time can be killed.

pyoxigraph cannot interrupt a query, and a thread cannot be stopped: a query past the endpoint's
timeout would keep a core busy to its end. Each worker process opens the store read-only once and
answers one query at a time over a pipe; on timeout the parent kills it and starts a fresh one.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from graph.results import ResultSet, TooManyRows

STARTUP_SECONDS = 60


class QueryTimeout(Exception):
    """A query ran over its time and its process was killed."""


class QueryLost(Exception):
    """The query's process died before answering (killed from outside, out of memory)."""


class QueryFailed(Exception):
    """The store refused the query (syntax, unknown function); the message is the store's."""


def _answer_queries(connection: Connection, path: str) -> None:
    """A worker's loop: open the store, then answer (query, max_rows) until the pipe closes."""
    from graph.store import EmbeddedStore

    try:
        store = EmbeddedStore(Path(path), read_only=True)
    except Exception as error:
        connection.send(("error", str(error)))
        return
    connection.send(("ready", None))
    while True:
        try:
            query, max_rows = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", store.results(query, max_rows)))
        except TooManyRows as error:
            connection.send(("rows", str(error)))
        except Exception as error:  # the store's own message; the worker stays usable
            connection.send(("error", str(error)))


class _Worker:
    def __init__(self, context, path: Path) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_answer_queries, args=(child, str(path)), daemon=True,
                                       name="ties-query")
        self.process.start()
        child.close()
        # wait for the store to be open, so that a query's timeout counts the query alone
        try:
            status, message = (self.connection.recv() if self.connection.poll(STARTUP_SECONDS)
                               else ("error", f"no answer in {STARTUP_SECONDS} s"))
        except (EOFError, OSError):
            status, message = "error", "the process stopped"
        if status != "ready":
            self.kill()
            raise QueryFailed(f"cannot start a query process: {message}")

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class QueryProcesses:
    """Up to `size` worker processes over the store at `path`, started when first needed.

    `results` is EmbeddedStore.results with a timeout that really stops the query.
    """

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.size = size
        self.context = multiprocessing.get_context("spawn")  # no copy of the server's threads and store
        self.idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self.workers: list[_Worker] = []
        self.lock = threading.Lock()

    def _take(self) -> _Worker:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if len(self.workers) < self.size:
                worker = _Worker(self.context, self.path)
                self.workers.append(worker)
                return worker
        return self.idle.get()  # all busy: the caller's concurrency cap keeps this wait short

    def results(self, query: str, max_rows: int | None, timeout: float) -> ResultSet:
        worker = self._take()
        try:
            worker.connection.send((query, max_rows))
            if not worker.connection.poll(timeout):
                self._drop(worker)
                raise QueryTimeout(f"the query ran over {timeout:g} s and was stopped")
            status, value = worker.connection.recv()
        except (EOFError, OSError) as error:  # the worker died (killed from outside, out of memory)
            self._drop(worker)
            raise QueryLost("the query's process stopped before answering") from error
        self.idle.put(worker)
        if status == "ok":
            return value
        if status == "rows":
            raise TooManyRows(value)
        raise QueryFailed(value)

    def _drop(self, worker: _Worker) -> None:
        """Kill a worker; the next query that finds none idle starts a fresh one."""
        worker.kill()
        with self.lock:
            self.workers.remove(worker)

    def close(self) -> None:
        with self.lock:
            workers, self.workers = self.workers, []
        for worker in workers:
            worker.kill()
