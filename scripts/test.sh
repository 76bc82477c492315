#!/usr/bin/env bash
# Set up with the test extras and the servers the tests drive (Debian's virtuoso-opensource and
# chromium, installed when missing), lint, type-check, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
if ! command -v virtuoso-t >/dev/null || ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource chromium >/dev/null
  else
    echo "install Debian's virtuoso-opensource and chromium (as root) for the integration tests" >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/mypy  # the packages, as [tool.mypy] in pyproject.toml names them
.venv/bin/python -m pytest -p no:cacheprovider "$@"
