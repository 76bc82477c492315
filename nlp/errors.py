"""Errors raised by the reading and extraction stages."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """Text for a one-line message: control characters (a line break in a file name) shown escaped,
    so that no name can start a line of its own.

    >>> printable("2025-Q2\\nerror: forged.txt")
    '2025-Q2\\\\nerror: forged.txt'
    """
    return _CONTROL.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), text)


def grouped(count: int) -> str:
    """A count as Russian writes it, thousands apart: "12 345" (a narrow no-break space between).

    >>> grouped(200000), grouped(999)
    ('200\u202f000', '999')
    """
    return f"{count:,}".replace(",", "\u202f")


def rule_failure(error: Exception) -> str:
    """A one-line account of a rule that failed on one row's text: a fault of ours, said as the row's problem, so
    that one row does not sink its report (the row is left without entities, the others are read).

    >>> rule_failure(ValueError("zip() argument 2 is longer than argument 1"))
    'ошибка правил (ValueError: zip() argument 2 is longer than argument 1)'
    """
    return printable(f"ошибка правил ({type(error).__name__}: {error})")


class TiesError(Exception):
    """Base class of the errors this project raises on bad input."""


class ReportError(TiesError):
    """A file that cannot be read as a report at all; the message names the file."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message

    def __reduce__(self) -> tuple[type[ReportError], tuple[str, str]]:
        # made again from its two parts, as the process that read the file hands it back (nlp.read_reports)
        return type(self), (self.source, self.message)


class DecisionsError(TiesError):
    """A decisions file (ontology/corrections.csv) that cannot be applied: the message names the file and line."""
