"""The whole graph as a dump that other servers load unchanged: `ties export` as TriG and N-Quads, loaded
by Oxigraph's server (its Graph Store endpoint) and by Virtuoso's bulk loader, holds every named graph with
every triple of the store it came from."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.load import free_port
from graph.cli import main
from graph.stores import RemoteStore
from tests.graph.conftest import ROOT, wait_http

pytestmark = pytest.mark.server

COUNTS = """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER (STRSTARTS(STR(?g), "https://w3id.org/smolensk-ties/id/graph/")) } GROUP BY ?g"""


def counts(table) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in table.rows}


@pytest.fixture(scope="module")
def dumps(sample_store, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dumps")
    found = {}
    for fmt in ("trig", "nq"):
        out = folder / f"dump.{fmt}"
        result = CliRunner().invoke(main, ["export", "--store", str(sample_store), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        found[fmt] = out
    return found


def test_oxigraph_server_loads_the_trig_dump_unchanged(dumps, embedded, tmp_path):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/store", data=dumps["trig"].read_bytes(),
                                         headers={"Content-Type": "application/trig"}, method="POST")
        assert urllib.request.urlopen(request, timeout=120).status in (200, 201, 204)
        loaded = RemoteStore(f"http://127.0.0.1:{port}/query")
        assert counts(loaded.select(COUNTS)) == counts(embedded.select(COUNTS))
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_virtuoso_bulk_loader_loads_the_dump_unchanged(dumps, embedded, tmp_path, missing, fmt):
    if not shutil.which("virtuoso-t") or not shutil.which("isql-vt"):
        missing("virtuoso-t and isql-vt (Debian's virtuoso-opensource)")
    folder = tmp_path / "virtuoso"
    http, sql = free_port(), free_port()
    script = ROOT / "scripts" / "virtuoso.sh"
    subprocess.run(["bash", str(script), "start", str(folder), str(http), str(sql)], check=True, timeout=180)
    try:
        shutil.copy(dumps[fmt], folder / dumps[fmt].name)  # the server's own folder: in its DirsAllowed
        subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba",
                        f"exec=ld_dir('.', '{dumps[fmt].name}', 'urn:unused'); rdf_loader_run();"],
                       check=True, timeout=300, capture_output=True)
        loaded = RemoteStore(f"http://dba:dba@127.0.0.1:{http}/sparql-auth")
        assert counts(loaded.select(COUNTS)) == counts(embedded.select(COUNTS))
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], check=False, timeout=60)
