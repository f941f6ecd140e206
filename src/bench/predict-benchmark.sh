#!/usr/bin/env bash
# Benchmark (not a test) of POST /api/predict on a running, warm server:
# 10 s warm-up, then 20 s at 16 connections with 2 wrk threads. Prints requests/s, p50/p99, the server's
# resident memory and the machine's load.
#   ./ticket-router serve &            # in another terminal, wait for "ready"
#   src/bench/predict-benchmark.sh [http://localhost:8080]
set -euo pipefail
BASE="${1:-http://localhost:8080}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCRIPT="$HERE/wrk/predict.lua"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-20s}"

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed: sudo apt-get update && sudo apt-get install -y wrk" >&2
  exit 1
fi
if ! curl -fsS "$BASE/health/ready" >/dev/null; then
  echo "the server at $BASE is not ready (GET /health/ready); start it with ./ticket-router serve" >&2
  exit 1
fi

port="${BASE##*:}"; port="${port%%/*}"
pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1 || true)"

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -sr)"
echo "# warm-up: 10 s"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$SCRIPT" "$BASE/api/predict" >/dev/null
echo "# measured: POST /api/predict, $CONNECTIONS connections, 2 threads, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$BASE/api/predict"
if [ -n "$pid" ]; then
  echo "# server pid $pid RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )) MB"
fi
echo "# load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
