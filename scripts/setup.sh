#!/usr/bin/env bash
# Create the project's virtual environment (.venv) and install the project into it.
# Usage: scripts/setup.sh [EXTRAS]   e.g. scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check 'setuptools<82' wheel
spec="."
[ -n "${1:-}" ] && spec=".[$1]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
# the workspace's front-end libraries (CodeMirror for the SPARQL editor, Cytoscape for the map), from npm,
# served by the project itself; without npm the query page falls back to a plain text box and the map
# page says what to install
if command -v npm >/dev/null; then
  npm ci --prefix graph/web --no-audit --no-fund --silent
else
  echo "npm not found: no SPARQL editor (a plain text box) and no map (install Node.js and npm, then rerun)" >&2
fi
