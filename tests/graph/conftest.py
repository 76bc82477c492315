"""Fixtures of the graph tests: a store built from the samples, and real servers on loopback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.load import free_port
from graph.pipeline import build
from graph.stores import EmbeddedStore
from nlp.reading.report import read_report

ROOT = Path(__file__).resolve().parents[2]


def wait_http(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def masked_quads(folder: Path) -> list[str]:
    """Every quad of the store in a folder, as sorted N-Quads lines, with the time of each build masked (its
    graphs' prov:generatedAtTime and the digests of their text, which holds it), and each ties:nameOrder
    number as its place among them (only their order means anything: a build keeps those it had)."""
    dump = folder.with_suffix(".nq")
    EmbeddedStore(folder).dump(dump, ox.RdfFormat.N_QUADS)
    built_at = re.compile(r'(<http://www\.w3\.org/ns/prov#generatedAtTime> |ontology#contentDigest> )"[^"]*"')
    lines = [built_at.sub(r"\1…", line) for line in dump.read_text(encoding="utf-8").splitlines()]
    name_order = re.compile(r'(ontology#nameOrder> )"(-?[0-9]+)"')
    numbers = sorted({int(found[2]) for line in lines if (found := name_order.search(line))})
    place = {number: index for index, number in enumerate(numbers)}
    return sorted(name_order.sub(lambda found: f'{found[1]}"{place[int(found[2])]}"', line) for line in lines)


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, sample_paths, models) -> Path:
    """A store built from both samples (once per run)."""
    folder = tmp_path_factory.mktemp("store") / "store"
    build([read_report(p) for p in sample_paths.values()], folder, lambda: models)
    return folder


@pytest.fixture(scope="session")
def embedded(sample_store) -> EmbeddedStore:
    return EmbeddedStore(sample_store, read_only=True)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """`oxigraph serve` (PyPI package oxigraph) on loopback; its query URL."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory, missing):
    """Virtuoso Open Source (Debian virtuoso-opensource, installed by scripts/test.sh) on loopback."""
    if not shutil.which("virtuoso-t"):
        missing("virtuoso-t (Debian's virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http, sql = free_port(), free_port()
    script = ROOT / "scripts" / "virtuoso.sh"
    subprocess.run(["bash", str(script), "start", str(folder), str(http), str(sql)], check=True, timeout=180)
    try:
        yield f"http://dba:dba@127.0.0.1:{http}/sparql-auth"
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], check=False, timeout=60)


@pytest.fixture(scope="session")
def site(embedded):
    """The app on a real HTTP server on loopback (a free port); its base URL."""
    from graph.web.server import create_app

    app = create_app(embedded)
    url, stop = serve_app(app)
    yield url
    stop()
    app.close()

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser(missing):
    """Headless Chromium (Debian's, installed by scripts/test.sh) driven by Playwright."""
    if not Path(CHROMIUM).exists():
        missing("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def type_query():
    """Put a query into the query page's editor (CodeMirror, or the plain text box without it)."""
    def put(page, text: str) -> None:
        if page.locator(".CodeMirror").count():
            page.evaluate("(text) => document.querySelector('.CodeMirror').CodeMirror.setValue(text)", text)
        else:
            page.fill("#query", text)
    return put


def serve_app(app):
    """The app on a real HTTP server on a free loopback port: (base URL, stop function)."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server.shutdown
