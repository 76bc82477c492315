#!/usr/bin/env bash
# Set up, then run the main job over the sample reports: out/events.jsonl, the store data/store,
# its Turtle dump out/graph.ttl and the summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/ties extract data/reports --out out/events.jsonl
.venv/bin/ties build data/reports --ttl out/graph.ttl
echo "собрано: out/events.jsonl, out/graph.ttl и хранилище data/store. Команда ties в этой оболочке: source .venv/bin/activate" >&2
