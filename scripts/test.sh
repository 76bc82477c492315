#!/usr/bin/env bash
# Set up with the test extras, lint, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
