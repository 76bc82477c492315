"""Which version of smolensk-ties made a report's graph: the package's version (ties:softwareVersion) and a
checksum of what decides the graph's content (ties:codeChecksum).

The package's version stays the same from commit to commit, while the reading, extraction, resolution and
writing change what a report's graph says. A build skips a report the store holds as it is; without the
checksum, a store kept after an upgrade would keep every report as an older version extracted it, beside new
ones extracted by this one. The checksum covers the code and word lists of `nlp` (reading, extraction,
resolution), of `graph.rdf` (the writer and its identifiers), the ontology, and the versions of the packages
extraction reads with (natasha's models among them): any change to them makes every report again once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import nlp
from ontology import ONTOLOGY

# the distributions whose versions change what extraction finds (the models ship in natasha, slovnet and navec)
EXTRACTION_PACKAGES = ("natasha", "slovnet", "navec", "razdel", "pymorphy2", "pymorphy2-dicts-ru", "spacy",
                       "python-docx", "pycountry")


@dataclass(frozen=True, slots=True)
class MadeWith:
    """What a report's graph is made with besides its file, as checksums written on its extraction run: the
    analysts' decisions (`nlp.decisions_digest`) and the code (`code_checksum`). A build makes a stored report
    again when either differs from now's: after a decision, or after an upgrade."""

    decisions: str
    code: str


@cache  # read from the installed metadata once a process: 5 ms each time, at each report's graph
def software_version() -> str:
    try:
        return version("smolensk-ties")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


@cache
def code_checksum() -> str:
    """The checksum of this installation's reading, extraction, resolution and writing (see the module)."""
    return checksum_of([Path(nlp.__file__).parent, Path(__file__).parent, ONTOLOGY], EXTRACTION_PACKAGES)


def checksum_of(paths: Iterable[Path], packages: Iterable[str]) -> str:
    """A checksum of the files under `paths` (each file by its path below the folder given, so a checkout and an
    installed copy agree; Python's byte-code caches left out) and of the installed versions of `packages`."""
    digest = hashlib.sha256()
    for root in paths:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            name = path.relative_to(root) if root.is_dir() else Path(path.name)
            digest.update(f"{root.name}/{name.as_posix()}\0".encode() + path.read_bytes() + b"\0")
    for package in packages:
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "absent"
        digest.update(f"{package}=={installed}\0".encode())
    return digest.hexdigest()[:16]
