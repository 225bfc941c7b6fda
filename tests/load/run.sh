#!/usr/bin/env bash
# Bounded load test on loopback: wrk against a real searchd over the corpus for a fixed time.
# Prints requests/s, p99 latency and errors; fails on any socket error or non-2xx answer.
#   tests/load/run.sh BUILD_DIR [SECONDS] [CONNECTIONS]
set -euo pipefail
build=$1
seconds=${2:-10}
connections=${3:-16}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
searchd_pid=""
cleanup() {
  [ -n "$searchd_pid" ] && kill "$searchd_pid" 2>/dev/null && wait "$searchd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$build/indexer/indexer" index -q --db "$work/db" "$root/corpus" >/dev/null
"$build/searchd/searchd" --db "$work/db" --bind 127.0.0.1 --port 0 --quiet ${WM_SEARCHD_ARGS:-} 2>"$work/searchd.log" &
searchd_pid=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/searchd.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "searchd did not start: $(cat "$work/searchd.log")" >&2; exit 1; }

wrk --threads 2 --connections "$connections" --duration "${seconds}s" --timeout 5s --latency \
    --script "$root/tests/load/queries.lua" "http://127.0.0.1:$port" >"$work/wrk.txt"
cat "$work/wrk.txt"
rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
socket_errors=$(awk '/Socket errors:/ {print}' "$work/wrk.txt")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$searchd_pid/status")
echo "load test: ${connections} connections, ${seconds} s: ${rps} requests/s, p99 ${p99}, non-2xx ${non2xx:-0}, ${socket_errors:-no socket errors}, searchd RSS ${rss} KiB"
if [ -n "${non2xx}" ] || [ -n "${socket_errors}" ]; then
  echo "load test FAILED: every request must get a 2xx answer" >&2
  exit 1
fi
