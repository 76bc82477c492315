"""The README is a user's manual that stays true: short, linked to docs/, and every shell example in it runs
as written (in a fresh folder holding the sample reports, as after `bash scripts/build.sh` and
`source .venv/bin/activate`)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.load import free_port
from tests.graph.conftest import wait_http

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

pytestmark = pytest.mark.slow


def shell_examples(text: str) -> list[str]:
    """The commands of the README's ```bash blocks, in order, comments dropped."""
    commands = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, flags=re.M | re.S):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def test_the_readme_is_short_and_links_what_it_leaves_to_docs():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 220
    linked = set(re.findall(r"\]\((docs/[^)#]+)", text))
    assert {"docs/extraction.md", "docs/graph.md", "docs/workspace.md", "docs/benchmark.md", "docs/hardening.md",
            "docs/architecture.md", "docs/data.md"} <= linked
    for path in linked:
        assert (ROOT / path).is_file(), path
    for path in re.findall(r"\]\((docs/screenshots/[^)]+)\)", text):
        assert (ROOT / path).is_file(), path


def test_every_shell_example_runs_as_written(tmp_path):
    commands = shell_examples(README.read_text(encoding="utf-8"))
    assert len(commands) >= 10 and commands[0].startswith("ties extract")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "reports").symlink_to(ROOT / "data" / "reports")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("TIES_STORE", None)
    for command in commands:
        if command.startswith("ties serve"):
            port = free_port()
            words = shlex.split(re.sub(r"--port \d+", f"--port {port}", command))
            server = subprocess.Popen(words, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                wait_http(f"http://127.0.0.1:{port}/", 120)
            finally:
                server.terminate()
                server.wait(timeout=60)
            continue
        done = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"
        assert done.stdout.strip() or done.stderr.strip(), command
        if "--out " in command:
            out = tmp_path / command.split("--out ", 1)[1].split()[0]
            assert out.is_file() and out.stat().st_size > 100, command
