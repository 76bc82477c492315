#!/usr/bin/env bash
# Set up with the test extras and the programs the tests drive (Debian's virtuoso-opensource, chromium,
# LibreOffice Writer and poppler's pdftoppm for the briefs; installed when missing and run as root), lint,
# type-check, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
PACKAGES="virtuoso-opensource chromium libreoffice-writer-nogui poppler-utils"
if ! command -v virtuoso-t >/dev/null || ! command -v chromium >/dev/null || ! command -v soffice >/dev/null \
    || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
  else
    echo "install Debian's $PACKAGES (as root) for the integration tests" >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/mypy  # the packages, as [tool.mypy] in pyproject.toml names them
.venv/bin/python -m pytest -p no:cacheprovider "$@"
