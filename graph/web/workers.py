"""Queries on the embedded store in worker processes, so that one running over time can be killed.

pyoxigraph cannot interrupt a query, and a thread cannot be stopped: a query past the endpoint's
timeout would keep a core busy to its end. Each worker process opens the store's published snapshot
(graph.stores.snapshots) read-only once and answers one query at a time over a pipe; on timeout the parent
kills it and starts a fresh one. The parent also watches the worker's resident memory while it
waits, and stops a query past its cap the same way (a limit set inside the process would also
refuse the threads and address space the store reserves, and end it in an abort rather than an
answer). Where the system allows, a worker has no network at all: the engine would run a SERVICE
clause that slipped past the endpoint's check, and here it can reach no host.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import queue
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from graph.stores.results import ResultSet, TooManyRows
from graph.stores.snapshots import current_snapshot

LOG = logging.getLogger("ties.serve")
STARTUP_SECONDS = 60
MEMORY_MIB = 2048  # what one query process may take; the samples' queries take under 100 MiB, 100x under 600
WATCH_SECONDS = 0.05  # how often a running query's memory is looked at
_PAGE = os.sysconf("SC_PAGE_SIZE")
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


class QueryTimeout(Exception):
    """A query ran over its time and its process was killed."""


class QueryLost(Exception):
    """The query's process died before answering (killed from outside, out of memory)."""


class QueryOverMemory(Exception):
    """A query took more memory than a query process may, and its process was killed."""


class QueryFailed(Exception):
    """The store refused the query (syntax, unknown function); the message is the store's."""


class QueryBug(Exception):
    """Answering the query hit a bug in the query process; the message is its traceback, for the log."""


def isolate_network() -> str | None:
    """Move this process into a network namespace of its own, which has no interface up: no host,
    loopback included, can be reached from it. None if done, else why not (the system refuses)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):  # root; else an unprivileged user namespace
        if libc.unshare(flags) == 0:
            return None
    return os.strerror(ctypes.get_errno())


def _answer_queries(connection: Connection, path: str) -> None:
    """A worker's loop: cut the network, open the store, then answer (query, max_rows) until the pipe closes."""
    from graph.stores import EmbeddedStore, StoreError

    isolation = isolate_network()
    try:
        store = EmbeddedStore(Path(path), read_only=True)
    except Exception as error:
        connection.send(("error", str(error)))
        return
    connection.send(("ready", isolation))
    while True:
        try:
            query, max_rows = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("ok", store.results(query, max_rows)))
        except TooManyRows as error:
            connection.send(("rows", str(error)))
        except (StoreError, SyntaxError, ValueError, OSError) as error:  # the store refuses this query
            connection.send(("error", str(error)))
        except Exception:  # a bug: its traceback goes to the server's log; the worker stays usable
            connection.send(("bug", traceback.format_exc()))


class _Worker:
    def __init__(self, context, path: Path) -> None:
        self.source = path
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
            raise QueryLost(f"не запускается процесс запросов: {message}")
        self.isolation: str | None = message  # None: no network; else why the system refused

    def resident_bytes(self) -> int:
        """The process's resident memory (0 where /proc cannot tell)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class QueryProcesses:
    """Up to `size` worker processes over the store at `path`, started when first needed.

    `results` is EmbeddedStore.results with a timeout that really stops the query. Every worker answers
    from the store's current snapshot; when a build publishes a newer one, idle workers are retired at
    the next query and busy ones when their query ends, so no two answers mix two states.
    """

    def __init__(self, path: Path, size: int, memory_mib: int = MEMORY_MIB) -> None:
        self.path = path
        self.size = size
        self.memory_mib = memory_mib
        self.context = multiprocessing.get_context("spawn")  # no copy of the server's threads and store
        self.idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self.workers: list[_Worker] = []
        self.lock = threading.Lock()
        self.starting = 0  # workers being started, not yet in `workers`
        self.source = self.current_source()
        self.isolation: str | None = None  # why the last worker could not be cut off the network

    def current_source(self) -> Path:
        """The folder workers open: the newest published snapshot, else the store itself."""
        return current_snapshot(self.path) or self.path

    def fill(self) -> None:
        """Start the workers not yet running, idle, so that no page waits for them (the server's warm-up)."""
        self._follow_source()
        while self._room():
            self.idle.put(self._start(self.source))

    def _follow_source(self) -> None:
        """Answer from the newest snapshot from now on: the idle workers on an older one stopped."""
        source = self.current_source()
        if source != self.source:
            with self.lock:
                self.source = source
            self._retire_idle()

    def _room(self) -> bool:
        """Whether another worker may start; if so, it is counted as starting (`_start` must follow)."""
        with self.lock:
            room = len(self.workers) + self.starting < self.size
            if room:
                self.starting += 1
            return room

    def _take(self) -> _Worker:
        self._follow_source()
        wait = 0.0
        while True:
            try:
                worker = self.idle.get(timeout=wait) if wait else self.idle.get_nowait()
            except queue.Empty:
                pass
            else:
                if worker.source == self.source:
                    return worker
                self._drop(worker)
            if self._room():  # started outside the lock: a page's queries start their workers side by side
                return self._start(self.source)
            # all busy: the caller's concurrency cap keeps this wait short; a busy worker retired
            # for an older snapshot frees its place instead of coming back, so look again soon
            wait = 0.1

    def _start(self, source: Path) -> _Worker:
        """A new worker on `source`, counted among the workers once it answers."""
        try:
            worker = _Worker(self.context, source)
        except BaseException:
            with self.lock:
                self.starting -= 1
            raise
        with self.lock:  # counted once, in one step: no other worker starts in its place meanwhile
            self.starting -= 1
            self.workers.append(worker)
        if worker.isolation is not None and self.isolation is None:
            LOG.warning("query processes keep the network (%s): SERVICE is refused by the "
                        "endpoint's parse of each query alone", worker.isolation)
        self.isolation = worker.isolation
        return worker

    def _retire_idle(self) -> None:
        """Stop the idle workers that answer from an older snapshot."""
        keep = []
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                break
            if worker.source == self.source:
                keep.append(worker)
            else:
                self._drop(worker)
        for worker in keep:
            self.idle.put(worker)

    def _give_back(self, worker: _Worker) -> None:
        if worker.source == self.source:
            self.idle.put(worker)
        else:
            self._drop(worker)

    def results(self, query: str, max_rows: int | None, timeout: float) -> ResultSet:
        worker = self._take()
        try:
            worker.connection.send((query, max_rows))
            self._wait(worker, timeout)
            status, value = worker.connection.recv()
        except (EOFError, OSError) as error:  # the worker died (killed from outside, out of memory)
            self._drop(worker)
            raise QueryLost("процесс запроса остановился, не ответив") from error
        self._give_back(worker)
        if status == "ok":
            return value
        if status == "rows":
            raise TooManyRows(value)
        if status == "bug":
            raise QueryBug(f"a query process failed:\n{value}")
        raise QueryFailed(value)

    def _wait(self, worker: _Worker, timeout: float) -> None:
        """Wait for the worker's answer; kill it past the time or the memory a query may take."""
        deadline = time.monotonic() + timeout
        cap = self.memory_mib * 2**20
        while not worker.connection.poll(max(0.0, min(WATCH_SECONDS, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                self._drop(worker)
                raise QueryTimeout(f"запрос шёл дольше {timeout:g} с и остановлен")
            if cap and worker.resident_bytes() > cap:
                self._drop(worker)
                raise QueryOverMemory(f"запросу понадобилось больше {self.memory_mib} МиБ памяти, и он "
                                      "остановлен; сузьте его или добавьте LIMIT")

    def _drop(self, worker: _Worker) -> None:
        """Kill a worker; the next query that finds none idle starts a fresh one."""
        worker.kill()
        with self.lock:
            if worker in self.workers:
                self.workers.remove(worker)

    def close(self) -> None:
        with self.lock:
            workers, self.workers = self.workers, []
        for worker in workers:
            worker.kill()
