"""Errors raised by the reading and extraction stages."""

from __future__ import annotations


class TiesError(Exception):
    """Base class of the errors this project raises on bad input."""


class ReportError(TiesError):
    """A file that cannot be read as a report at all; the message names the file."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
