"""A bound on the time one file or one row may take, so that no input can hang a run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from nlp.errors import TiesError

READ_SECONDS = 60.0  # reading one report file (the samples take well under a second)
ROW_SECONDS = 30.0  # extracting one event row (the samples take well under 0.1 s a row)


class OverTime(TiesError):
    """The work ran over its time bound and was stopped."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise OverTime in the block once `seconds` have passed.

    A timer signal interrupts pure-Python loops and regular expressions alike. Signals reach only the
    main thread, so elsewhere (a server's worker thread) the block runs unbounded; nested bounds
    keep the outer one.
    """
    if (seconds <= 0 or threading.current_thread() is not threading.main_thread()
            or not hasattr(signal, "setitimer") or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def stop(signum, frame) -> None:
        raise OverTime(f"остановлено через {seconds:g} с")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
