"""Extraction on news it was not written for: factRuEval-2016 and NEREL, against plain natasha.

    .venv/bin/python -m benchmarks.news --factrueval PATH [--split dev|test] [--json]
    .venv/bin/python -m benchmarks.news --nerel PATH [--split dev|test|train] [--json]

PATH is a local copy of https://github.com/dialogue-evaluation/factRuEval-2016 (MIT), or the
`NEREL-v1.1` folder of https://github.com/nerel-ds/NEREL; the datasets stay out of this repository.
NEREL nests its entities and has many kinds: PERSON → PER, ORGANIZATION → ORG, COUNTRY, CITY,
STATE_OR_PROVINCE, DISTRICT and LOCATION → LOC, and of those the outermost spans are gold (a flat
tagger's task); it also reports how many organisation names of three or more words are found
exactly. Of factRuEval the names are gold, flat, as news taggers are scored on it (natasha's
published figures read it so): a person's whole mention, an organisation's or a place's name
spans without descriptors («мэрии Москвы»: the place «Москвы»; «Конгресса США»: the body «Конгресса»
and the state «США»), and of names that overlap the first and longest. Each document
is extracted in both modes (`news`, the default of `nlp.extraction.extract`, and `report`, the rules written for
the reports) and by natasha's NER alone; a mention counts when its characters and type are exactly a
gold name's (Person → PER, Org → ORG, Location and LocOrg → LOC). A document that raises is counted
as a crash and scored as finding nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NAME_SPANS = {"ORG": "org_name", "LOC": "loc_name"}  # what of an organisation's or a place's mention is its name
SPLITS = {"dev": "devset", "test": "testset"}
NEREL_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
               "DISTRICT": "LOC", "LOCATION": "LOC"}
LONG_NAME = 3  # words in an organisation name counted as long


def documents(folder: Path, annotations: str, read):
    """(name, text, gold) of each document of a split folder: a text with its `annotations` file beside it
    (factRuEval's folders also hold lists that are no documents), read by `read(folder, name)`."""
    for path in sorted(folder.glob("*.txt")):
        if path.with_suffix(annotations).exists():
            text, gold = read(folder, path.stem)
            yield path.stem, text, gold


def read_nerel(folder: Path, name: str) -> tuple[str, set[tuple[int, int, str]]]:
    """A NEREL document's text and its outermost PER/ORG/LOC entities as (start, stop, type)."""
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    spans = []
    for line in (folder / f"{name}.ann").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        kind, *offsets = fields[1].replace(";", " ").split()
        if kind in NEREL_TYPES and len(offsets) >= 2:
            numbers = [int(n) for n in offsets]
            spans.append((min(numbers), max(numbers), NEREL_TYPES[kind]))
    # inside a longer entity: not gold; two kinds on the very same characters both stay
    outermost = {s for s in spans if not any(o[:2] != s[:2] and o[0] <= s[0] and s[1] <= o[1] for o in spans)}
    return text, outermost


def read_gold(folder: Path, name: str) -> tuple[str, set[tuple[int, int, str]]]:
    """A document's text and its gold names as (start, stop, type), flat as news taggers are scored on
    factRuEval: a person from its object's first span to its last; an organisation by its name spans
    (`org_name`: «мэрии» is a descriptor, «Конгресса США» a body and a state); a place by its `loc_name`
    spans; of names that overlap the first and longest stays (of two on one span, the one the file lists first)."""
    text = (folder / f"{name}.txt").read_text(encoding="utf-8-sig")
    spans: dict[str, tuple[int, int, str]] = {}
    for line in (folder / f"{name}.spans").read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]), fields[1])
    names = []
    for line in (folder / f"{name}.objects").read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 3 or fields[1] not in TYPES:
            continue
        parts = [spans[s] for s in fields[2:] if s in spans]
        kind = TYPES[fields[1]]
        if kind == "PER" and parts:
            names.append((min(p[0] for p in parts), max(p[1] for p in parts), kind))
        else:
            names += [(start, stop, kind) for start, stop, part in parts if part == NAME_SPANS[kind]]
    gold: list[tuple[int, int, str]] = []
    # (a stable sort of the names in the file's order: two objects on one span keep the first, run after run)
    for found in sorted(dict.fromkeys(names), key=lambda n: (n[0], -n[1])):
        if not gold or gold[-1][1] <= found[0]:
            gold.append(found)
    return text, set(gold)


def natasha_spans(text: str, tools) -> set[tuple[int, int, str]]:
    from natasha import Doc

    doc = Doc(text)
    doc.segment(tools["segmenter"])
    doc.tag_ner(tools["ner"])
    return {(span.start, span.stop, span.type) for span in doc.spans}


def tally(counts: Counter, spans: set[tuple[int, int, str]]) -> None:
    """Add spans to the counts by type and overall."""
    for *_, kind in spans:
        counts[kind] += 1
        counts["all"] += 1


def score(found: Counter, gold: Counter, hits: Counter) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and overall."""
    table = {}
    for kind in ("PER", "ORG", "LOC", "all"):
        tp, fp, fn = hits[kind], found[kind] - hits[kind], gold[kind] - hits[kind]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3)}
    return table


def evaluate(corpus) -> dict:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    from nlp import extract, load_models

    models = load_models()
    tools = {"segmenter": Segmenter(), "ner": NewsNERTagger(NewsEmbedding())}
    systems = {
        "news": lambda text: {(m.start, m.stop, m.type.value) for m in extract(text, models)},
        "report": lambda text: {(m.start, m.stop, m.type.value) for m in extract(text, models, report_rules=True)},
        "natasha": lambda text: natasha_spans(text, tools),
    }
    texts = list(corpus)
    results = {}
    for system, run in systems.items():
        found, gold_counts, hits = Counter(), Counter(), Counter()
        crashes: list[str] = []
        long_names = long_found = 0
        characters, started = 0, time.perf_counter()
        for name, text, gold in texts:
            characters += len(text)
            try:
                spans = run(text)
            except Exception as error:  # counted, named and scored as nothing found
                crashes.append(f"{name}: {type(error).__name__}: {error}")
                spans = set()
            tally(found, spans)
            tally(gold_counts, gold)
            tally(hits, spans & gold)
            long = {g for g in gold if g[2] == "ORG" and len(text[g[0]:g[1]].split()) >= LONG_NAME}
            long_names += len(long)
            long_found += len(long & spans)
        seconds = time.perf_counter() - started
        results[system] = {"scores": score(found, gold_counts, hits), "crashes": crashes,
                           "chars_per_s": round(characters / seconds),
                           "long_orgs_exact": round(long_found / long_names, 3) if long_names else None}
    return {"documents": len(texts), "systems": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus = parser.add_mutually_exclusive_group(required=True)
    corpus.add_argument("--factrueval", type=Path, help="a local copy of factRuEval-2016")
    corpus.add_argument("--nerel", type=Path, help="the NEREL-v1.1 folder of a local copy of NEREL")
    parser.add_argument("--split", choices=["dev", "test", "train"], default="dev")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.factrueval is not None:
        if args.split not in SPLITS:
            parser.error("factRuEval-2016 has dev and test")
        name, found = "factRuEval-2016", documents(args.factrueval / SPLITS[args.split], ".objects", read_gold)
    else:
        name, found = "NEREL v1.1", documents(args.nerel / args.split, ".ann", read_nerel)
    results = evaluate(found)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    print(f"{name} {args.split}: {results['documents']} documents, exact spans")
    print(f"{'system':<9} {'F1':>6} {'P':>6} {'R':>6} {'PER':>6} {'ORG':>6} {'LOC':>6} {'long ORG':>9} {'crashes':>8} "
          f"{'chars/s':>9}")
    for system, found in results["systems"].items():
        s = found["scores"]
        long = found["long_orgs_exact"]
        print(f"{system:<9} {s['all']['f1']:>6.3f} {s['all']['p']:>6.3f} {s['all']['r']:>6.3f} {s['PER']['f1']:>6.3f} "
              f"{s['ORG']['f1']:>6.3f} {s['LOC']['f1']:>6.3f} {'' if long is None else f'{long:.3f}':>9} "
              f"{len(found['crashes']):>8} {found['chars_per_s']:>9}")
        for crash in found["crashes"]:
            print(f"  crash: {crash}")


if __name__ == "__main__":
    main()
