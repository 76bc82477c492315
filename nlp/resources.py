"""The data files the extractor reads: the lexicons of `nlp/lexicon/`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

LEXICON = Path(str(resources.files("nlp") / "lexicon"))


def read_table(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file, skipping blank lines and `#` comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([part.strip() for part in line.split("\t")])
    return rows


@cache
def lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """A lexicon from `nlp/lexicon/NAME.tsv`, read once."""
    return tuple(tuple(row) for row in read_table(LEXICON / f"{name}.tsv"))
