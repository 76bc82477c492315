#!/usr/bin/env bash
# Start or stop a throwaway Virtuoso Open Source server on loopback, for the integration tests.
# Usage: scripts/virtuoso.sh start DIR HTTP_PORT SQL_PORT   (prints nothing; waits until it answers)
#        scripts/virtuoso.sh stop DIR
# Virtuoso's defaults are noted where they matter: ResultSetMaxRows caps results at 10,000 rows
# silently (raised here), queries see the union of all graphs by default (the library names graphs),
# and SPARQL updates go only through the authenticated endpoint /sparql-auth (user dba).
set -euo pipefail
action=$1 dir=$2
case "$action" in
  start)
    http=$3 sql=$4
    command -v virtuoso-t >/dev/null || { echo "virtuoso-t not installed (Debian: virtuoso-opensource)" >&2; exit 3; }
    mkdir -p "$dir"
    sed -e "s|/var/lib/virtuoso-opensource-7/db|$dir|g" \
        -e "s|^ServerPort *= *1111|ServerPort = 127.0.0.1:$sql|" \
        -e "s|^ServerPort *= *8890|ServerPort = 127.0.0.1:$http|" \
        -e "s|^ResultSetMaxRows *=.*|ResultSetMaxRows = 1000000|" \
        -e "s|^MaxQueryExecutionTime *=.*|MaxQueryExecutionTime = 120|" \
        /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
    (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" > "$dir/stdout.log" 2>&1) &
    echo $! > "$dir/pid"
    for _ in $(seq 1 120); do
      if curl -sf "http://127.0.0.1:$http/sparql?query=ASK%7B%7D" >/dev/null 2>&1; then exit 0; fi
      sleep 1
    done
    echo "virtuoso did not answer on 127.0.0.1:$http; see $dir/virtuoso.log" >&2; exit 1 ;;
  stop)
    [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$(cat "$dir/pid" 2>/dev/null)" 2>/dev/null || exit 0; sleep 1; done
    kill -9 "$(cat "$dir/pid")" 2>/dev/null || true ;;
esac
