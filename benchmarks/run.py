"""The benchmark: extraction, build and query speed at 1×, 10× and 100× the samples, against plain
natasha and an rdflib in-memory graph. Prints a table (and --json). Run:

    .venv/bin/python -m benchmarks.run [--scales 1,10,100] [--repeat 5]
"""

from __future__ import annotations

import os

# one BLAS thread, set before numpy loads: extraction is compared per core, as `ties build` runs it
# (a process per core, one thread each); THREADS=default leaves numpy's own choice
if os.environ.get("THREADS") != "default":
    for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import functools  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import multiprocessing  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.plain import PLAIN_QUERIES, rdflib_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [ROOT / "tests" / "data" / "reports" / "2024-Q1.txt", ROOT / "tests" / "data" / "reports" / "2025-Q2.txt"]
AGGREGATES = {"repeat-partners", "partners-by-country", "new-partners", "dormant-partners", "co-attendance",
              "delegations", "activity", "agreements", "officials"}


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def cpu_ticks() -> tuple[int, int] | None:
    """The machine's CPU time so far and the part of it the host gave other guests (steal), in ticks, from
    Linux's /proc/stat; None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (sum(fields), fields[7]) if len(fields) == 8 else None


def steal_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """The share of the CPU time between two `cpu_ticks` that the host took away: on this virtual machine the
    figures of one run move by up to 2× with it, so the run says what it had."""
    if before is None or after is None or after[0] <= before[0]:
        return None
    return (after[1] - before[1]) / (after[0] - before[0])


def _cells(paths: list[Path]) -> tuple[list, list[str]]:
    from nlp.reading.report import read_report

    reports = [read_report(p) for p in paths]
    return reports, [text for report in reports for text in _report_cells(report)]


def _report_cells(report) -> list[str]:
    """The texts of a report's filled cells, in order."""
    return [cell.text for event in report.events for cell in event.cells if cell.text]


KINDS = ("ties", "natasha", "natasha batched")


def _time_interleaved(paths: list[Path]) -> dict[str, float]:
    """In a fresh process: load the models, warm each pass up on a little text, then time, report by
    report, our extraction ("ties": the report's rows; the resolution over every report is timed once at
    the end and added), natasha's NER alone over the same cells, `NewsNERTagger.map` in text order, eight
    cells a batch ("natasha", the reference), and the same NER model over the segmenter's tokens as our
    extraction runs it, every text of a report at once (`nlp.extraction.tagger`; "natasha batched"). Their
    order turns with each report, so that each comes first, second and last as often: the later pass over a
    report finds its words in memory (natasha's embedding table is touched word by word), and this machine's
    speed drifts between minutes; passes of several minutes one after the other compared two phases of it.
    Seconds by kind."""
    from dataclasses import replace

    from natasha import Doc

    from nlp.extraction.extract import load_models
    from nlp.extraction.ner import entity_spans
    from nlp.pipeline import Row, extract_events, extract_rows, resolve_rows
    from nlp.reading.report import read_report

    models = load_models()
    reports = [read_report(path) for path in paths]
    tagger = models.natasha.ner_tagger

    def natasha_batched(texts: list[str]) -> None:
        docs = [Doc(text) for text in texts]
        for doc in docs:
            doc.segment(models.natasha.segmenter)
        entity_spans(models.natasha.ner_cnn, [doc.tokens for doc in docs])
    warm = replace(reports[0], events=reports[0].events[:20])
    extract_events([warm], models, workers=1)
    list(tagger.map(_report_cells(warm)))
    natasha_batched(_report_cells(warm))
    seconds = dict.fromkeys(KINDS, 0.0)
    rows: list[Row] = []
    definitions: set[tuple[str, str]] = set()
    for turn, report in enumerate(reports):
        cells = _report_cells(report)
        for kind in KINDS[turn % len(KINDS):] + KINDS[:turn % len(KINDS)]:
            if kind == "ties":
                took, (report_rows, report_definitions) = timed(extract_rows, report, models)
                rows += report_rows
                definitions |= report_definitions
            elif kind == "natasha":
                took, _ = timed(list, tagger.map(cells))  # map is lazy: the tagging happens in list
            else:
                took, _ = timed(natasha_batched, cells)
            seconds[kind] += took
    seconds["ties"] += timed(resolve_rows, rows, definitions, models.gazetteer, models.countries)[0]
    return seconds


def extraction(paths: list[Path], models, rounds: int) -> dict:
    """Our extraction against natasha's NER alone over the same cells (`_time_interleaved`), in a fresh
    process each round; the figure is the ratio of the medians."""
    from nlp.pipeline import extract_events

    reports, cells = _cells(paths)
    chars = sum(len(c) for c in cells)
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    spawn = multiprocessing.get_context("spawn")
    for _ in range(rounds):
        with spawn.Pool(1, maxtasksperchild=1) as pool:
            for kind, seconds in pool.apply(_time_interleaved, (paths,)).items():
                times[kind].append(seconds)
    ours, theirs = statistics.median(times["ties"]), statistics.median(times["natasha"])
    batched = statistics.median(times["natasha batched"])
    events = sum(len(r.events) for r in reports)
    parallel, _ = timed(extract_events, reports, models, workers=2) if len(reports) > 1 else (ours, None)
    return {"events": events, "chars": chars, "ours_s": ours, "natasha_s": theirs, "ratio": ours / theirs,
            "natasha_batched_s": batched, "ratio_batched": ours / batched,
            "rounds": rounds, "ratios": [a / b for a, b in zip(times["ties"], times["natasha"], strict=True)],
            "events_per_s": events / ours, "chars_per_s": chars / ours, "two_processes_s": parallel}


def _child(args: list[str]) -> tuple[float, int, bytes]:
    """Wall time and peak memory (the process with its workers, sampled every 0.2 s) of a `ties` command
    run in a child process, and its standard output."""
    import psutil

    from benchmarks.load import tree_rss

    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "graph.cli", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, tree_rss(process.pid))
            except psutil.Error:
                pass
            done.wait(0.2)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, errors = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    if process.returncode:
        raise RuntimeError(f"ties {args[0]} failed: {errors.decode()[-2000:]}")
    return wall, peak, output


def build(corpus: Path, store: Path) -> dict:
    """`ties build` from an empty store: wall time, peak memory and the time of each of its steps."""
    wall, peak, output = _child(["build", str(corpus), "--store", str(store), "--format", "json"])
    return {"build_s": wall, "peak_mib": peak / 2**20, "steps_s": json.loads(output).get("seconds", {})}


def add_one_report(store: Path, corpus: Path, scale: int) -> dict:
    """The next quarter's report added to (a copy of) the built store, as an analyst adds it: `ties build`
    of the folder of every report the store holds and the new one, in a child process (wall time, its
    steps); against `ties extract` of that report alone (wall time, models loaded as well). The copy has
    what the builds kept beside the store (graph.network.parts), as an analyst's store has."""
    import shutil

    from benchmarks.corpus import write_new_report
    from graph.network.parts import cache_folder

    with tempfile.TemporaryDirectory() as folder:
        report = write_new_report(SAMPLES[1], scale, Path(folder) / "next" / "next.txt")
        copy = Path(folder) / "store"
        shutil.copytree(store, copy)
        if cache_folder(store).is_dir():
            shutil.copytree(cache_folder(store), cache_folder(copy))
        extract_s, _, _ = _child(["extract", str(report), "--out", str(Path(folder) / "next.jsonl")])
        wall, peak, output = _child(["build", str(corpus), str(report), "--store", str(copy), "--format", "json"])
    return {"add_s": wall, "extract_alone_s": extract_s, "ratio": wall / extract_s, "peak_mib": peak / 2**20,
            "steps_s": json.loads(output).get("seconds", {})}


def analytics(store: Path) -> dict:
    """`ties partners` and `ties network` (the map as HTML) on the store, each in a child process."""
    with tempfile.TemporaryDirectory() as folder:
        partners_s, _, _ = _child(["partners", "--store", str(store), "--format", "json"])
        network_s, _, _ = _child(["network", "--store", str(store), "--out", str(Path(folder) / "map.html")])
    return {"partners_s": partners_s, "network_s": network_s}


def queries(store: Path, repeat: int, rdflib_budget: float) -> dict:
    """Median latency of every library query on the store and on rdflib in memory, same triples
    (rdflib given the plain form of a query where there is one)."""
    from graph.query import library
    from graph.stores import EmbeddedStore

    embedded = EmbeddedStore(store, read_only=True)
    texts = {name: query.bind() for name, query in library().items()}
    plain = {name: query.bind() for name, query in library(PLAIN_QUERIES).items()}

    def median_of(text: str) -> float:
        return statistics.median(timed(embedded.select, text)[0] for _ in range(repeat))
    ours = {name: median_of(text) for name, text in texts.items()}
    ours_plain = {name: median_of(text) for name, text in plain.items()}
    if rdflib_budget <= 0:
        return {"triples": len(embedded.store), "rdflib_load_s": None, "ours": ours, "ours_plain": ours_plain,
                "rdflib": {}, "rdflib_stopped": []}
    load_s, dataset = timed(rdflib_dataset, embedded)
    theirs: dict[str, float] = {}
    around: dict[str, float] = {}
    stopped = []
    # The speed-up divides rdflib's time by the store's timed again just before and after rdflib's runs of the
    # query, in a process of its own: this machine's speed drifts within minutes, and rdflib's runs come minutes
    # after the first timings; in this process, which holds rdflib's dataset and forks a child for each run, the
    # store's answers took up to 1.75× as long (measured on a 100× store; docs/benchmark.md).
    with multiprocessing.get_context("spawn").Pool(1) as timer:
        for name, text in texts.items():
            times = []
            ours_around = timer.apply(_store_times, (str(store), text, repeat))
            for _ in range(max(1, repeat // 2)):
                elapsed = _rdflib_query(dataset, plain.get(name, text), rdflib_budget)
                times.append(elapsed)
                if elapsed >= rdflib_budget:
                    stopped.append(name)
                    break
            ours_around += timer.apply(_store_times, (str(store), text, repeat))
            theirs[name] = statistics.median(times)
            around[name] = statistics.median(ours_around)
            print(f"  {name}: ours {ours[name]:.3f} s ({around[name]:.3f} s around rdflib's runs), "
                  f"rdflib {theirs[name]:.2f} s", file=sys.stderr, flush=True)
    return {"triples": len(dataset), "rdflib_load_s": load_s, "ours": ours, "ours_plain": ours_plain,
            "rdflib": theirs, "ours_around_rdflib": around, "rdflib_stopped": stopped}


@functools.cache
def _store_in_this_process(path: str):
    """The store at `path`, opened once by the process that times it (`_store_times`)."""
    from graph.stores import EmbeddedStore

    return EmbeddedStore(Path(path), read_only=True)


def _store_times(path: str, text: str, repeat: int) -> list[float]:
    """Seconds of each of `repeat` runs of a query on the store at `path` (opened once by the process)."""
    store = _store_in_this_process(path)
    return [timed(store.select, text)[0] for _ in range(repeat)]


# the busiest pages too: Smolensk's own town and government take part in half the events
PAGES = ("/", "/search?q=Могил", "/api/suggest?q=Могилевской", "/api/suggest?q=МАЗ", "/partners",
         "/partners?country=BY", "/reports", "/org/mogilevliftmash", "/person/subbotin-a-m", "/place/mogilev",
         "/place/smolensk", "/place/smolenskaya-oblast", "/org/pravitelstvo-smolenskoy-oblasti", "/country/BY",
         "/country/RU", "/query")


def pages(store: Path, repeat: int) -> dict:
    """Server-side time of the workspace's pages (the app in this process, its query processes as served):
    the median of `repeat` after a first request, and the search index's first build."""
    from werkzeug.test import Client

    from graph.stores import EmbeddedStore
    from graph.web.server import create_app

    app = create_app(EmbeddedStore(store, read_only=True))
    try:
        client = Client(app)
        client.get("/sparql?query=ASK%7B%7D")  # the query processes started
        index_s, _ = timed(app.search_index)
        first_report = client.get("/reports").text.split('href="/report/', 1)[1].split('"', 1)[0]
        paths = [*PAGES, f"/report/{first_report}", f"/event/{first_report}/5"]
        medians = {}
        for path in paths:
            status = client.get(path).status_code
            if status != 200:
                raise RuntimeError(f"{path}: HTTP {status}")
            medians[path] = statistics.median(timed(client.get, path)[0] for _ in range(repeat))
        return {"search_index_s": index_s, "pages": medians}
    finally:
        app.close()


def network(store: Path, repeat: int) -> dict:
    """The network: reading it from the store, the map's views server-side (default, one state, a focus,
    an expansion: median of `repeat` after the first, which lays out), the partner report from the
    profiles, and the map page until drawn in headless Chromium (a fresh server: the first visit reads
    the network), when Chromium is installed."""
    from urllib.parse import quote

    from werkzeug.test import Client

    from graph.network.analytics import load_network
    from graph.network.partners import read_partners
    from graph.stores import EmbeddedStore
    from graph.web.server import create_app

    embedded = EmbeddedStore(store, read_only=True)
    load_s, loaded = timed(load_network, embedded)
    partners_s, _ = timed(read_partners, embedded)
    busiest = max(loaded.entities, key=lambda iri: sum(1 for _, agent in loaded.links if agent == iri))
    app = create_app(EmbeddedStore(store, read_only=True))
    try:
        client = Client(app)
        views = {"default": "/api/network", "BY": "/api/network?country=BY&smolensk=0",
                 "focus": f"/api/network?kinds=ORG,PER,LOC&focus={quote(busiest)}",
                 "expand": f"/api/network?kinds=ORG,PER,LOC&max=50&expand={quote(busiest)}"}
        medians = {}
        for name, path in views.items():
            first = client.get(path)
            if first.status_code != 200 or not first.json["nodes"]:
                raise RuntimeError(f"{path}: HTTP {first.status_code}, {len(first.json['nodes'])} nodes")
            medians[name] = statistics.median(timed(client.get, path)[0] for _ in range(repeat))
    finally:
        app.close()
    return {"load_s": load_s, "partners_s": partners_s, "views_s": medians, "browser_s": _map_in_chromium(store)}


def _map_in_chromium(store: Path) -> dict[str, float] | None:
    """Seconds from opening /network (and a focused map after it) to the drawn map, on a fresh server."""
    from graph.web.server import create_app, make_server

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    from graph.stores import EmbeddedStore

    app = create_app(EmbeddedStore(store, read_only=True))
    server = make_server(app, port=0)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    found = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium))
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            for name, path in (("first visit", "/network"), ("again", "/network"),
                               ("focus", "/network?focus=/country/BY&kinds=ORG,PER,LOC")):
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}{path}")
                page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
                found[name] = time.perf_counter() - started
            browser.close()
    finally:
        server.close()
        app.close()
    return found


def _rdflib_query(dataset, text: str, budget: float) -> float:
    """Seconds rdflib takes for a query, run in a forked copy of this process and stopped at `budget`
    (then `budget` is returned: a lower bound, which makes the speed-up a lower bound too)."""
    context = multiprocessing.get_context("fork")  # the child shares the loaded dataset, copy-on-write
    receiver, sender = context.Pipe(duplex=False)

    def run() -> None:
        elapsed, _ = timed(lambda: list(dataset.query(text)))
        sender.send(elapsed)
    child = context.Process(target=run, daemon=True)
    child.start()
    elapsed = receiver.recv() if receiver.poll(budget) else budget
    child.kill()
    child.join()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-budget", type=float, default=120.0,
                        help="seconds after which an rdflib query is stopped (its time is then a lower bound); "
                             "0 skips rdflib")
    parser.add_argument("--extraction-rounds", type=int, default=None,
                        help="rounds of the extraction passes, each in a fresh process (default 5 at 1×, 3 up to 10×, "
                             "1 above)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--record", action="store_true",
                        help=f"write the results to {RECORD.relative_to(ROOT)}, the next run's previous figures")
    args = parser.parse_args()
    from benchmarks.corpus import write_corpus
    from nlp.extraction.extract import load_models

    models = load_models()
    results = {"date": time.strftime("%Y-%m-%d"),
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}, "
                          f"BLAS threads {os.environ.get('OPENBLAS_NUM_THREADS', 'default')}"}
    for scale in (int(s) for s in args.scales.split(",")):
        ticks = cpu_ticks()
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / "corpus"
            paths = write_corpus(SAMPLES, scale, corpus)
            print(f"[{scale}×] extracting…", file=sys.stderr, flush=True)
            # a pass at 1× takes seconds, and this machine's speed drifts ±20% between them: more rounds
            rounds = args.extraction_rounds or (5 if scale == 1 else 3 if scale <= 10 else 1)
            row = {"extraction": extraction(paths, models, rounds)}
            print(f"[{scale}×] extraction: {json.dumps(row['extraction'])}", file=sys.stderr, flush=True)
            print(f"[{scale}×] building…", file=sys.stderr, flush=True)
            row["build"] = build(corpus, Path(folder) / "store")
            print(f"[{scale}×] build: {json.dumps(row['build'])}", file=sys.stderr, flush=True)
            print(f"[{scale}×] adding the next quarter's report…", file=sys.stderr, flush=True)
            row["add_one"] = add_one_report(Path(folder) / "store", corpus, scale)
            print(f"[{scale}×] add one: {json.dumps(row['add_one'])}", file=sys.stderr, flush=True)
            row["analytics"] = analytics(Path(folder) / "store")
            print(f"[{scale}×] querying…", file=sys.stderr, flush=True)
            row["queries"] = queries(Path(folder) / "store", args.repeat, args.rdflib_budget)
            print(f"[{scale}×] pages…", file=sys.stderr, flush=True)
            row["workspace"] = pages(Path(folder) / "store", args.repeat)
            print(f"[{scale}×] network…", file=sys.stderr, flush=True)
            row["network"] = network(Path(folder) / "store", args.repeat)
            row["steal_share"] = steal_share(ticks, cpu_ticks())
            results[f"{scale}x"] = row
            print(json.dumps({f"{scale}x": row}, ensure_ascii=False), file=sys.stderr, flush=True)
    scales = [k for k in results if k.endswith("x")]
    if len(scales) >= 2:
        results["exponents"] = {name: _exponent(results, figure) for name, figure in GROWTH.items()}
        results["build_exponent"] = results["exponents"]["full build"]
    previous = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print_table(results)
        print_targets(results, previous)
    if args.record:
        RECORD.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


RECORD = ROOT / "docs" / "benchmark.json"  # the last recorded run: the "previous" column of the next


@dataclass(frozen=True)
class Target:
    """A figure of the benchmark, how it is read off one scale's results, and the target it is held to."""

    name: str
    read: Callable[[dict], float | None]
    unit: str
    at_most: bool  # the figure must stay at or below the target (else at or above it)
    target: float

    def met(self, value: float) -> bool:
        return value <= self.target if self.at_most else value >= self.target


def _aggregates(row: dict) -> list[str]:
    return [name for name in row["queries"]["ours"] if name in AGGREGATES]


def _beyond_extraction(row: dict) -> float | None:
    steps = row["build"].get("steps_s") or {}
    extraction = steps.get("extraction", 0.0) + steps.get("models", 0.0)
    return (row["build"]["build_s"] - extraction) / extraction if extraction else None


def speedup(queries: dict, name: str) -> float:
    """rdflib's time on a query over the store's timed around rdflib's runs (`queries`); in a run recorded without
    those, over the store's first timings."""
    ours = queries.get("ours_around_rdflib", {}).get(name, queries["ours"][name])
    return queries["rdflib"][name] / ours


def _least_speedup(row: dict) -> float | None:
    q = row["queries"]
    ratios = [speedup(q, name) for name in q["ours"] if name in q.get("rdflib", {})]
    return min(ratios) if ratios else None


TARGETS = (
    Target("full build", lambda r: r["build"]["build_s"], "s", True, 300),
    Target("peak memory of the build", lambda r: r["build"]["peak_mib"], "MiB", True, 2048),
    Target("build beyond extraction ÷ extraction", _beyond_extraction, "", True, 0.5),
    Target("adding the next report", lambda r: r["add_one"]["add_s"], "s", True, 10),
    Target("adding it ÷ extracting it alone", lambda r: r["add_one"]["ratio"], "", True, 2),
    Target("slowest library query (median)", lambda r: max(r["queries"]["ours"].values()), "s", True, 0.2),
    Target("least speed-up over rdflib", _least_speedup, "×", False, 20),
    Target("entity lookup", lambda r: r["queries"]["ours"]["entity"], "s", True, 0.02),
    Target("slowest workspace page", lambda r: max(r["workspace"]["pages"].values()), "s", True, 0.5),
    Target("ties partners", lambda r: r["analytics"]["partners_s"], "s", True, 3),
    Target("ties network", lambda r: r["analytics"]["network_s"], "s", True, 3),
    Target("the map drawn, first visit", lambda r: (r["network"]["browser_s"] or {}).get("first visit"), "s",
           True, 3),
    Target("extraction ÷ natasha's NER, per character", lambda r: r["extraction"]["ratio"], "", True, 1.5),
)
GROWTH: dict[str, Callable[[dict], float]] = {
    "full build": lambda r: r["build"]["build_s"], "adding the next report": lambda r: r["add_one"]["add_s"],
    "slowest library query": lambda r: max(r["queries"]["ours"].values()),
    "reading the network": lambda r: r["network"]["load_s"], "ties partners": lambda r: r["analytics"]["partners_s"]}


def _exponent(results: dict, figure: Callable[[dict], float]) -> float:
    """How a figure grows with the corpus: the slope of log(figure) over log(scale), least squares."""
    points = [(math.log(int(key[:-1])), math.log(figure(results[key]))) for key in results if key.endswith("x")]
    mean_x, mean_y = statistics.mean(x for x, _ in points), statistics.mean(y for _, y in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)


def _figure(target: Target, row: dict | None) -> float | None:
    if row is None:
        return None
    try:
        return target.read(row)
    except (KeyError, TypeError, ValueError):
        return None


def print_targets(results: dict, previous: dict) -> None:
    """Each figure at the largest scale measured, beside its target and the last recorded run's figure."""
    key = [k for k in results if k.endswith("x")][-1]
    row, before = results[key], previous.get(key)

    def shown(value: float | None, unit: str) -> str:
        if value is None:
            return "—"
        return f"{value:.3f}{unit}" if value < 1 else f"{value:.1f}{unit}" if value < 100 else f"{value:.0f}{unit}"
    print(f"\n{key}: figures against the targets (previous: {RECORD.relative_to(ROOT)}, "
          f"{previous.get('date', 'no date')})")
    print(f"{'figure':<44} {'target':>10} {'now':>10} {'previous':>10}  met")
    for target in TARGETS:
        now = _figure(target, row)
        bound = ("≤ " if target.at_most else "≥ ") + shown(target.target, target.unit)
        met = "—" if now is None else "yes" if target.met(now) else "NO"
        print(f"{target.name:<44} {bound:>10} {shown(now, target.unit):>10} "
              f"{shown(_figure(target, before), target.unit):>10}  {met}")
    print(f"\n{key}: the host took {_share(row.get('steal_share'))} of the CPU time (steal; previous "
          f"{_share((before or {}).get('steal_share'))}), natasha's NER {shown(_natasha_s(row), ' s')} (previous "
          f"{shown(_natasha_s(before), ' s')}): the figures move with both")
    steps = row["build"].get("steps_s") or {}
    if steps:
        total = sum(steps.values())
        print(f"\n{key} build by step: " + ", ".join(f"{name} {seconds:.1f} s ({seconds / total:.0%})"
                                                     for name, seconds in sorted(steps.items(), key=lambda i: -i[1])))
    added = row.get("add_one", {}).get("steps_s") or {}
    if added:
        print(f"{key} adding the next report, by step: " + ", ".join(f"{name} {seconds:.1f} s"
                                                                   for name, seconds in added.items()))
    if "exponents" in results:
        print("growth from the smallest to the largest scale (figure ∝ scale^k): " + ", ".join(
            f"{name} k={value:.2f}" for name, value in results["exponents"].items()))


def _natasha_s(row: dict | None) -> float | None:
    """natasha's NER over the scale's cells, on one core: what the machine's speed was in that run."""
    return (row or {}).get("extraction", {}).get("natasha_s")


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def print_table(results: dict) -> None:
    print(f"machine: {results['machine']}")
    print(f"{'scale':>6} {'events':>7} {'chars/s':>9} {'natasha×':>9} {'batched×':>9} {'2 procs s':>9} {'build s':>8} "
          f"{'peak MiB':>9} {'triples':>9} {'lookup ms':>9} {'aggr max s':>10} {'vs rdflib':>9}")
    for key in [k for k in results if k.endswith("x")]:
        row = results[key]
        ext, built, q = row["extraction"], row["build"], row["queries"]
        aggregates = [n for n in q["ours"] if n in AGGREGATES]
        slowest = max(q["ours"][n] for n in aggregates)
        least = min((speedup(q, n) for n in aggregates if n in q["rdflib"]), default=0.0)
        at_least = "≥" if q.get("rdflib_stopped") else ""
        print(f"{key:>6} {ext['events']:>7} {ext['chars_per_s']:>9.0f} {ext['ratio']:>9.2f} "
              f"{ext['ratio_batched']:>9.2f} {ext['two_processes_s']:>9.1f} {built['build_s']:>8.1f} "
              f"{built['peak_mib']:>9.0f} {q['triples']:>9} "
              f"{q['ours']['entity'] * 1000:>9.1f} {slowest:>10.3f} {at_least + f'{least:.1f}':>8}×")
    if "build_exponent" in results:
        print(f"build time grows as corpus^{results['build_exponent']:.2f}")
    for key in [k for k in results if k.endswith("x")]:
        q = results[key]["queries"]
        print(f"\n{key} queries (median s): " + ", ".join(
            f"{n} {q['ours'][n]:.3f} (rdflib {'≥' if n in q.get('rdflib_stopped', ()) else ''}"
            f"{q['rdflib'].get(n, float('nan')):.2f}"
            + (f", ours around it {q['ours_around_rdflib'][n]:.3f}" if n in q.get("ours_around_rdflib", {}) else "")
            + (f", ours on its plain form {q['ours_plain'][n]:.3f})" if n in q.get("ours_plain", {}) else ")")
            for n in sorted(q["ours"])))
    for key in [k for k in results if k.endswith("x") and "workspace" in results[k]]:
        work = results[key]["workspace"]
        slowest = max(work["pages"].items(), key=lambda item: item[1])
        print(f"\n{key} workspace (median ms, server side; search index built in {work['search_index_s']:.2f} s; "
              f"slowest {slowest[0]} {slowest[1] * 1000:.0f} ms): " + ", ".join(
                  f"{path} {seconds * 1000:.0f}" for path, seconds in work["pages"].items()))
    for key in [k for k in results if k.endswith("x") and "network" in results[k]]:
        net = results[key]["network"]
        drawn = net["browser_s"] or {}
        print(f"\n{key} network: read in {net['load_s']:.2f} s, partner report {net['partners_s']:.2f} s; views "
              + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in net["views_s"].items())
              + ("; drawn in Chromium " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in drawn.items())
                 if drawn else ""))


if __name__ == "__main__":
    main()
