"""A build meets a full disk, a read-only store folder and a file name that holds a line break.

Each ends in one line naming what failed, and the store keeps what it held. The disk and the folder
are real: a small tmpfs mounted in a mount namespace of the test's own (`unshare`), so nothing
outside the test sees it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds into a full disk and a read-only folder

ROOT = Path(__file__).resolve().parents[2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not os.environ.get("CI") and not _can_mount(),
                                 reason="mounting a small disk needs root or user namespaces")


def _in_small_disk(tmp_path: Path, size: str, script: str) -> dict[str, str]:
    """Run `script` (bash, with $DISK a fresh tmpfs of `size` and $TIES the CLI) in a mount namespace;
    what it writes to $OUT/NAME comes back by NAME."""
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    ties = f"{sys.executable} -m graph.cli"
    body = f"set -u\nmount -t tmpfs -o size={size} none {disk}\nDISK={disk} OUT={out} TIES='{ties}'\n{script}"
    done = subprocess.run(["unshare", "-m", "bash", "-c", body], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()}


def _last_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("ошибка:")]
    assert lines, stderr
    assert "Traceback" not in stderr
    return lines[-1]


@needs_mount
def test_a_full_disk_is_one_line_and_the_store_keeps_what_it_had(tmp_path, sample_paths):
    results = _in_small_disk(tmp_path, "12m", f"""
$TIES build {sample_paths['2024-Q1']} --store $DISK/store > /dev/null 2> $OUT/first.err; echo $? > $OUT/first.rc
$TIES query '{COUNT}' --store $DISK/store --format csv > $OUT/before.csv
$TIES build {sample_paths['2025-Q2']} --store $DISK/store > /dev/null 2> $OUT/second.err; echo $? > $OUT/second.rc
$TIES query '{COUNT}' --store $DISK/store --format csv > $OUT/after.csv
""")
    assert results["first.rc"].strip() == "0", results["first.err"]
    assert results["second.rc"].strip() == "1"
    line = _last_error(results["second.err"])
    assert "хранилище не записывается" in line and "No space left on device" in line
    assert results["after.csv"] == results["before.csv"]


@needs_mount
def test_a_read_only_store_folder_is_one_line_and_the_store_unchanged(tmp_path, sample_paths):
    results = _in_small_disk(tmp_path, "64m", f"""
$TIES build {sample_paths['2024-Q1']} --store $DISK/store > /dev/null 2>&1
$TIES query '{COUNT}' --store $DISK/store --format csv > $OUT/before.csv
mount -o remount,ro $DISK
$TIES build {sample_paths['2025-Q2']} --store $DISK/store > /dev/null 2> $OUT/second.err; echo $? > $OUT/second.rc
$TIES query '{COUNT}' --store $DISK/store --format csv > $OUT/after.csv
""")
    assert results["second.rc"].strip() == "1"
    assert "Read-only file system" in _last_error(results["second.err"])
    assert results["after.csv"] == results["before.csv"]


def test_a_line_break_in_a_file_name_cannot_forge_a_line(tmp_path):
    forged = tmp_path / "2025-Q2.txt\nошибка: ничего не случилось.txt"
    forged.write_text("not a report", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "graph.cli", "extract", str(forged), "--out",
                           str(tmp_path / "e.jsonl")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert not any(line.startswith("ошибка: ничего") for line in done.stderr.splitlines())
    [line] = [line for line in done.stderr.splitlines() if "не отчёт" in line]
    assert "2025-Q2.txt\\nошибка: ничего не случилось.txt" in line
