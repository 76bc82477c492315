#!/usr/bin/env bash
# Set up, then run the main job over the sample reports: out/events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ties extract data/reports --out out/events.jsonl
