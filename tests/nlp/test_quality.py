"""Extraction quality on the 2025-Q2 gold (tests/data/gold), by the project's own matcher.

Each event's entities are matched one to one with the gold ones of the same type:
persons by surname lemma and first initial, organisations by the overlap of their
name's lemmas (legal-form abbreviations left out), places by equal lemmas (a country
also by its code). The thresholds are those of the extraction issue.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from nlp.pipeline import event_records
from nlp.reading.report import read_report

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"
REPORT = Path(__file__).resolve().parents[1] / "data" / "reports" / "2025-Q2.txt"
PLACE_WORDS = {"г", "город", "пос", "поселок", "с", "село", "дер", "деревня", "оз", "р"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\wЁё]+(?:-[\wЁё]+)*", re.sub(r"\([^)]*\)", " ", text or ""))


def _lemmas(vocab, words: list[str]) -> set[str]:
    return {vocab.parse(w.lower())[0].normal_form.replace("ё", "е") for w in words}


def _key(vocab, entity: dict) -> tuple:
    name = entity["name"]
    if entity["type"] == "PER":
        surname = [w for w in _words(name) if len(w) > 1]
        initial = re.match(r"\s*([А-ЯЁA-Z])\.", name)
        return (_lemmas(vocab, surname[-1:]), initial.group(1) if initial else None)
    words = _words(name)
    if entity["type"] == "ORG":
        if "«" in name:
            words = [w for w in _words(name.split("«")[0]) if not w.isupper()] + _words(name.split("«", 1)[1])
        return (_lemmas(vocab, words),)
    return (_lemmas(vocab, [w for w in words if w.lower() not in PLACE_WORDS]),)


def _same(vocab, ours: dict, gold: dict) -> bool:
    if ours["type"] != gold["type"]:
        return False
    names = [gold["name"], *gold.get("aliases", [])]
    mine = _key(vocab, ours)
    for name in names:
        theirs = _key(vocab, {**gold, "name": name})
        if gold["type"] == "PER":
            if mine[0] & theirs[0] and (not mine[1] or not theirs[1] or mine[1] == theirs[1]):
                return True
        elif gold["type"] == "ORG":
            if mine[0] and theirs[0] and len(mine[0] & theirs[0]) / max(len(mine[0]), len(theirs[0])) >= 0.75:
                return True
        elif mine[0] == theirs[0] and mine[0]:
            return True
    return gold["type"] == "LOC" and gold.get("kind") == "country" and ours.get("kind") == "country" \
        and ours.get("country") == gold.get("country")


def _folded(name: str) -> str:
    return re.sub(r"[«»\"“”„]", '"', " ".join(name.lower().replace("ё", "е").split()))


@pytest.fixture(scope="module")
def figures(models) -> dict[str, float]:
    gold_entities = {e["id"]: e for e in map(json.loads, (GOLD / "2025-Q2.entities.jsonl").open(encoding="utf-8"))}
    gold_events = {e["number"]: e for e in map(json.loads, (GOLD / "2025-Q2.events.jsonl").open(encoding="utf-8"))}
    ours = {r["number"]: r for r in event_records(read_report(REPORT), models)}
    counts: Counter[str] = Counter()
    for number, gold_event in gold_events.items():
        mine = list(ours[number]["entities"])
        theirs = [gold_entities[i] for i in dict.fromkeys(gold_event["entities"])]
        used: set[int] = set()
        for gold in theirs:
            match = next((i for i, e in enumerate(mine) if i not in used and _same(models.vocab, e, gold)), None)
            foreign = gold.get("country") not in (None, "RU") and not gold.get("smolensk")
            counts[f"foreign_{'tp' if match is not None else 'fn'}"] += foreign
            if match is None:
                counts[f"{gold['type']}_fn"] += 1
                continue
            used.add(match)
            counts[f"{gold['type']}_tp"] += 1
            counts["names"] += 1
            counts["names_ok"] += _folded(mine[match]["name"]) == _folded(gold["name"])
            if gold["type"] == "PER" and gold.get("roles"):
                counts["roles"] += 1
                counts["roles_ok"] += any(
                    len(_lemmas(models.vocab, _words(a)) & _lemmas(models.vocab, _words(b)))
                    >= 0.6 * max(len(_words(a)), len(_words(b)))
                    for a in mine[match].get("roles", []) for b in gold["roles"])
        for i, entity in enumerate(mine):
            counts[f"{entity['type']}_fp"] += i not in used
        gold_c, our_c = set(gold_event["countries"]), set(ours[number]["countries"])
        counts["c_tp"] += len(gold_c & our_c)
        counts["c_fp"] += len(our_c - gold_c)
        counts["c_fn"] += len(gold_c - our_c)

    def f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    result = {t: f1(counts[f"{t}_tp"], counts[f"{t}_fp"], counts[f"{t}_fn"]) for t in ("PER", "ORG", "LOC")}
    result["entities"] = f1(*(sum(counts[f"{t}_{k}"] for t in ("PER", "ORG", "LOC")) for k in ("tp", "fp", "fn")))
    result["countries"] = f1(counts["c_tp"], counts["c_fp"], counts["c_fn"])
    result["foreign_recall"] = counts["foreign_tp"] / (counts["foreign_tp"] + counts["foreign_fn"])
    result["name_exact"] = counts["names_ok"] / counts["names"]
    result["role_match"] = counts["roles_ok"] / counts["roles"]
    print({k: round(v, 3) for k, v in result.items()})
    return result


@pytest.mark.parametrize(("figure", "threshold"), [
    ("entities", 0.85), ("PER", 0.80), ("ORG", 0.80), ("LOC", 0.80), ("countries", 0.95),
    ("foreign_recall", 0.92), ("name_exact", 0.90), ("role_match", 0.85),
])
def test_extraction_quality(figures, figure, threshold):
    assert figures[figure] >= threshold, f"{figure} {figures[figure]:.3f} < {threshold}"
