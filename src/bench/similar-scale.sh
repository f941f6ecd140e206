#!/usr/bin/env bash
# Benchmark (not a test) of similar tickets at scale: N stored tickets (default 100,000: the rows of a labelled CSV
# repeated, each copy's subject and text carrying a row token), imported with ./ticket-router import into a fresh data
# directory; then
#   - the index rebuild: the server started on that database with no index (the time the server logs),
#   - GET /api/tickets/{reference}/similar at 8 connections (wrk, 2 threads) over random stored references, latency
#     percentiles and requests/s: 30 s measured after 120 s of the same load (WARMUP) and once the JIT's compile
#     queue is empty (jcmd Compiler.queue, at most 5 minutes): on 2 cores the one C2 compiler thread still works
#     through the application server's start-up code minutes after the start, and a measurement then measures it,
#   - the server's resident memory (RSS) with those tickets, beside a server on an empty database started in the
#     same run with the same model (the growth is the difference).
#   src/bench/similar-scale.sh TICKETS.csv MODEL_DIR [N]
# The shared data is read by path and the generated file stays in the work directory (default /tmp/similar-scale).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$HERE/lib.sh"
CSV="$(realpath "${1:?usage: similar-scale.sh TICKETS.csv MODEL_DIR [N]}")"
MODEL="$(realpath "${2:?usage: similar-scale.sh TICKETS.csv MODEL_DIR [N]}")"
N="${3:-100000}"
WORK="${WORK:-/tmp/similar-scale}"
PORT="${PORT:-8097}"
CONNECTIONS="${CONNECTIONS:-8}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-120s}"
require_wrk

rm -rf "$WORK" && mkdir -p "$WORK"
python3 - "$CSV" "$WORK/tickets.csv" "$N" <<'EOF'
import csv, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = list(csv.DictReader(open(src, encoding="utf-8", newline="")))
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["subject", "body", "queue", "priority", "language", "answer"])
    w.writeheader()
    for i in range(n):
        r, copy = rows[i % len(rows)], i // len(rows)
        token = f"row{copy:04d}"
        w.writerow({"subject": (r["subject"] or "")[:280] + f" {token}", "body": r["body"] + f"\n{token}",
                    "queue": r["queue"], "priority": r["priority"], "language": r["language"],
                    "answer": r.get("answer", "")})
EOF

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
server_pid() { ss -ltnpH "sport = :$PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1; }
start() { # data dir
  "$ROOT/ticket-router" serve --port "$PORT" --data-dir "$1" --models "$MODEL" >"$1.serve.log" 2>&1 &
  wait_ready "http://localhost:$PORT" 300 "$1.serve.log"
}
stop() {
  local pid; pid="$(server_pid)"
  [ -n "$pid" ] && kill "$pid" && while kill -0 "$pid" 2>/dev/null; do sleep 1; done
  pkill -f "ticket-router serve --port $PORT" 2>/dev/null || true
  sleep 2
}
index_built() { # data dir -> the ms the server logged for filling its index, once it has
  for _ in $(seq 1 600); do
    line="$(grep -ho 'Similar-ticket index up to date: .*' "$1"/logs/*.log 2>/dev/null | tail -n 1 || true)"
    [ -n "$line" ] && { echo "$line"; return 0; }
    sleep 1
  done
  echo "the index was not built within 10 minutes" >&2; exit 1
}

echo "# machine: $(machine), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# empty database, same model"
start "$WORK/empty"; sleep 20
empty_rss="$(rss_kb "$(server_pid)")"
echo "server RSS on an empty database: $((empty_rss / 1024)) MB"
stop

echo "# import of $N tickets"
start_s=$(date +%s.%N)
"$ROOT/ticket-router" import --data "$WORK/tickets.csv" --data-dir "$WORK/data" --models "$MODEL" 2>&1 | tail -n 1
echo "import: $(echo "$(date +%s.%N) - $start_s" | bc) s wall"

echo "# index rebuilt from the database at start (no index in the data directory)"
rm -rf "$WORK/data/similar-index"
start "$WORK/data"
index_built "$WORK/data"
sleep 5
full_rss="$(rss_kb "$(server_pid)")"
echo "server RSS with $N tickets indexed: $((full_rss / 1024)) MB (growth $(((full_rss - empty_rss) / 1024)) MB)"
du -sh "$WORK/data/similar-index" | awk '{print "index on disk: " $1}'

PASSWORD="$(tr -d '\n' < "$WORK/data/admin-password.txt")"
export TR_AUTHORIZATION="Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
export TR_TICKETS="$N"
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $TR_AUTHORIZATION" \
  "http://localhost:$PORT/api/tickets/TR-000001/similar")"
[ "$code" = 200 ] || { echo "GET similar answered $code" >&2; exit 1; }
echo "# warm-up: $WARMUP of the same load"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/wrk/similar.lua" "http://localhost:$PORT" | grep -E "Requests/sec|non-2xx"
jit_queue() { jcmd "$1" Compiler.queue 2>/dev/null | sed -n '/C2 compile queue/,$p' | grep -c '^[0-9]' || true; }
waited=0
while [ "$(jit_queue "$(server_pid)")" -gt 0 ] && [ "$waited" -lt 300 ]; do sleep 5; waited=$((waited + 5)); done
echo "# waited ${waited} s for the JIT's compile queue to empty (C2 queue now $(jit_queue "$(server_pid)"))"
echo "# measured: GET /api/tickets/{random of $N}/similar, $CONNECTIONS connections, 2 threads, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/wrk/similar.lua" "http://localhost:$PORT"
after_rss="$(rss_kb "$(server_pid)")"
echo "server RSS after the load: $((after_rss / 1024)) MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
stop
