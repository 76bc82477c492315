"""Analysts' corrections that stay made: what `ties review` decided about an entity, applied to every later build.

Identity decisions (same / different) live in `aliases.csv` and act inside resolution (`nlp.resolution.resolve`); the
others live in `corrections.csv` and act on the resolved entities of each event: an entity that is none is
dropped, a wrong type or state is set right, a canonical name replaced. Both files are in the decisions
folder: `ontology/`, or `$TIES_DECISIONS` where a deployment keeps its own.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from nlp.errors import DecisionsError, printable
from nlp.records import Entity, EntityType, PlaceKind
from ontology import HERE

DECISIONS = ("not-entity", "type", "country", "name", "point")
_HEADER = ("# Analysts' decisions about entities, applied on every build (nlp/resolution/corrections.py);\n"
           "# `ties review` writes them. decision: not-entity | type (PER, ORG, LOC) | country (ISO code) |\n"
           "# name (the canonical name) | point (a place's latitude and longitude, degrees: «54.9312 33.3060»).\n"
           "# entity: the entity's IRI; label: its name when decided, for people reading the file.\n")
COLUMNS = ("decision", "entity", "value", "label")


def decisions_folder() -> Path:
    """Where the decision files are: $TIES_DECISIONS, else the ontology folder."""
    return Path(os.environ.get("TIES_DECISIONS") or HERE)


def corrections_path() -> Path:
    return decisions_folder() / "corrections.csv"


def aliases_path() -> Path:
    return decisions_folder() / "aliases.csv"


@dataclass(frozen=True, slots=True)
class Correction:
    decision: str  # one of DECISIONS
    entity: str  # IRI
    value: str = ""


def read_corrections(path: Path | None = None) -> list[Correction]:
    """The corrections file (none yet: no corrections).

    Raises:
        DecisionsError: a decision whose value is not of its kind (a point that is no latitude and longitude),
            named by the file and line.
    """
    path = path or corrections_path()
    if not path.exists():
        return []
    numbered = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip() and not line.startswith("#")]
    found = []
    for (number, _), row in zip(numbered[1:], csv.DictReader(line for _, line in numbered), strict=False):
        correction = Correction((row.get("decision") or "").strip(), (row.get("entity") or "").strip(),
                                (row.get("value") or "").strip())
        if correction.decision not in DECISIONS:
            continue
        if correction.decision == "point":
            try:
                parse_point(correction.value)
            except ValueError as error:
                raise DecisionsError(f"{printable(str(path))}, строка {number}: {error}") from None
        found.append(correction)
    return found


def write_correction(correction: Correction, label: str, path: Path | None = None) -> None:
    """Add a decision, replacing an earlier one of the same kind about the same entity."""
    path = path or corrections_path()
    kept = [c for c in read_corrections(path) if (c.decision, c.entity) != (correction.decision, correction.entity)]
    labels = _labels(path)
    labels[correction.entity] = label
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_HEADER)
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for c in [*kept, correction]:
            writer.writerow((c.decision, c.entity, c.value, labels.get(c.entity, "")))


def _labels(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["entity"]: row.get("label") or "" for row in csv.DictReader(lines)}


def decisions_digest(folder: Path | None = None) -> str:
    """A checksum of every decision file: a build re-reads all reports when it changes."""
    folder = folder or decisions_folder()
    digest = hashlib.sha256()
    for name in ("aliases.csv", "corrections.csv"):
        path = folder / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    return digest.hexdigest()[:16]


def apply_corrections(entities: Iterable[Entity], corrections: list[Correction], mint) -> list[Entity]:
    """The event's resolved entities as the analysts corrected them. `mint(entity)` gives the IRI an entity of a
    corrected type gets (resolution's own minting).

    >>> from nlp.records import Entity, EntityType
    >>> x = Entity("https://w3id.org/smolensk-ties/id/place/rodina", EntityType.LOC, "Родина")
    >>> y = Entity("https://w3id.org/smolensk-ties/id/org/x", EntityType.ORG, "X")
    >>> fixes = [Correction("not-entity", x.id), Correction("country", y.id, "BY"), Correction("name", y.id, "ОАО «X»")]
    >>> [(e.name, e.country) for e in apply_corrections([x, y], fixes, mint=lambda e: e.id)]
    [('ОАО «X»', 'BY')]
    """
    by_entity: dict[str, dict[str, str]] = {}
    for correction in corrections:
        by_entity.setdefault(correction.entity, {})[correction.decision] = correction.value
    found = []
    for entity in entities:
        decided = by_entity.get(entity.id)
        if not decided:
            found.append(entity)
            continue
        if "not-entity" in decided:
            continue
        if decided.get("name"):
            entity = replace(entity, name=decided["name"])
        if decided.get("country"):
            code = decided["country"].upper()
            entity = replace(entity, country=code, smolensk=entity.smolensk and code == "RU")
        if decided.get("type") and decided["type"] != entity.type.value:
            kind = EntityType(decided["type"])
            entity = replace(entity, type=kind, kind=PlaceKind.CITY if kind is EntityType.LOC else None,
                             roles=entity.roles if kind is EntityType.PER else ())
            entity = replace(entity, id=mint(entity))
        found.append(entity)
    return found


def parse_point(text: str) -> tuple[float, float]:
    """A place's latitude and longitude as an analyst writes them, in degrees, a point or a comma before the
    fraction.

    >>> parse_point("54.9312 33.3060"), parse_point("54,9312; 33,3060"), parse_point("54.93, 33.31")
    ((54.9312, 33.306), (54.9312, 33.306), (54.93, 33.31))
    >>> parse_point("95 33.3")
    Traceback (most recent call last):
    ...
    ValueError: координаты «95 33.3»: укажите широту (от -90 до 90) и долготу (от -180 до 180) в градусах
    """
    parts = re.findall(r"-?\d+(?:[.,]\d+)?", text)
    numbers = [float(part.replace(",", ".")) for part in parts]
    if len(numbers) != 2 or re.sub(r"-?\d+(?:[.,]\d+)?|[\s;,]", "", text) \
            or not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
        raise ValueError(f"координаты «{text}»: укажите широту (от -90 до 90) и долготу (от -180 до 180) в градусах")
    return numbers[0], numbers[1]


def decided_points(corrections: Iterable[Correction]) -> dict[str, tuple[float, float]]:
    """The points analysts gave places (`point` decisions), by the place's IRI."""
    return {c.entity: parse_point(c.value) for c in corrections if c.decision == "point"}


def write_alias(relation: str, entity_type: str, name: str, other: str, path: Path | None = None) -> None:
    """Add an identity decision to the aliases file: `same` merges two names, `different` keeps them apart
    (an earlier decision about the same pair is replaced)."""
    path = path or aliases_path()
    header = ("# Curated identity decisions, applied on every build (nlp/resolution/resolve.py). Edit to merge or "
              "split entities.\n# relation: same = the two names are one entity; different = never merge them, "
              "whatever the rules say.\n# type: PER, ORG or LOC. Names as they come out of extraction (canonical, "
              "nominative).\n")
    rows: list[list[str]] = []
    if path.exists():
        header = "".join(line + "\n" for line in path.read_text(encoding="utf-8").splitlines()
                         if line.startswith("#")) or header
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows = [[row["relation"], row["type"], row["name"], row["other"]] for row in csv.DictReader(lines)
                if row.get("relation")]
    pair = {name, other}
    rows = [row for row in rows if not (row[1] == entity_type and {row[2], row[3]} == pair)]
    rows.append([relation, entity_type, name, other])
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        writer = csv.writer(out)
        writer.writerow(("relation", "type", "name", "other"))
        writer.writerows(rows)
