#!/usr/bin/env bash
# Benchmark (not a test): POST /api/tickets with no webhook receiver against the same with two receivers (real HTTP
# servers on this machine answering 204), in one run, as a ratio. Each configuration gets a server of its own on a
# fresh H2 database, ROUNDS times alternately (none, two, none, two, ...): WARMUP s of load, then DURATION of
# measured load at CONNECTIONS connections. Afterwards it checks that every ticket reached both receivers. It also
# prints the CPU time per ticket of the server and of the receivers: here they share the machine's cores, which a
# deployment's receivers do not.
#   src/bench/webhook-overhead.sh [MODEL_DIR]    (default: models/; build first: ./ticket-router serve builds)
# RECEIVERS=silent makes the two receivers accept connections and never answer (every attempt times out, 10 s):
# the API must not wait for them.
# DB=postgresql runs each server on a fresh database of its own on the PostgreSQL at 127.0.0.1:5432 (user postgres)
# instead of the embedded H2 file.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$HERE/lib.sh"
MODELS="$(cd "${1:-$ROOT/models}" && pwd)"
ROUNDS="${ROUNDS:-2}"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT="${PORT:-8097}"
WORK="$(mktemp -d /tmp/webhook-overhead.XXXXXX)"
PASSWORD="bench-admin-password-1"
require_wrk

receivers=()
cleanup() {
  pkill -f "payara-micro.*--port $PORT" 2>/dev/null || true
  for p in "${receivers[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
for rport in 18951 18952; do
  if [ "${RECEIVERS:-answering}" = silent ]; then
    python3 "$HERE/webhooks/receiver.py" "$rport" --silent & receivers+=($!)
  else
    python3 "$HERE/webhooks/receiver.py" "$rport" & receivers+=($!)
  fi
done
sleep 1

ticks() { # ticks PID...: user + system CPU time of these processes (and their threads), in clock ticks
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}

run() { # run NAME URLS: one server, warm-up, measured load; prints the requests/s
  local name="$1" urls="$2" data="$WORK/$1-$RANDOM"
  mkdir -p "$data"
  if [ "${DB:-h2}" = postgresql ]; then
    local database="tr_bench_${name}_$RANDOM"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $database" >/dev/null
    export TICKETROUTER_DB_CLASS=org.postgresql.ds.PGSimpleDataSource TICKETROUTER_DB_USER=postgres \
      TICKETROUTER_DB_PASSWORD="" TICKETROUTER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database"
  fi
  TICKET_ROUTER_ADMIN_PASSWORD="$PASSWORD" TICKETROUTER_WEBHOOKS_URL="$urls" \
    TICKETROUTER_WEBHOOKS_SECRET="bench-webhook-secret-0123456789" \
    "$ROOT/ticket-router" serve --port "$PORT" --data-dir "$data" --models "$MODELS" > "$data/serve.log" 2>&1 &
  wait_ready "http://127.0.0.1:$PORT" 180 "$data/serve.log"
  export TR_AUTHORIZATION="Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/wrk/tickets.lua" "http://127.0.0.1:$PORT/api/tickets" >/dev/null
  local out rps server cpu0 rcpu0 cpu1 rcpu1 requests
  server="$(pgrep -f "payara-micro.*--port $PORT" | head -n 1)"
  cpu0="$(ticks "$server")"; rcpu0="$(ticks "${receivers[@]}")"
  out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/wrk/tickets.lua" "http://127.0.0.1:$PORT/api/tickets")"
  cpu1="$(ticks "$server")"; rcpu1="$(ticks "${receivers[@]}")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  local p50 p99 errors
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"; p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")"
  printf '%-5s %9s req/s   p50 %8s   p99 %8s   answers other than 2xx: %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" >&2
  # CPU time during the measured load, per ticket: the server's own, and the receivers' (on the same 2 cores here)
  awk -v s=$((cpu1 - cpu0)) -v r=$((rcpu1 - rcpu0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "      CPU per ticket: server %.2f ms, receivers %.2f ms\n", 1000 * s / hz / n, 1000 * r / hz / n}' >&2
  echo "$name $(awk -v s=$((cpu1 - cpu0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {print 1000 * s / hz / n}')" >> "$WORK/cpu"
  if [ -n "$urls" ] && [ "${RECEIVERS:-answering}" != silent ]; then # every ticket reaches both receivers (the outbox drains once the load stops)
    local total
    total="$(curl -fsS -H "Authorization: $TR_AUTHORIZATION" "http://127.0.0.1:$PORT/api/webhooks/deliveries?limit=1" \
      | python3 -c 'import json,sys; c=json.load(sys.stdin)["counts"]; print(sum(c.values()))')"
    for _ in $(seq 1 120); do
      pending="$(curl -fsS -H "Authorization: $TR_AUTHORIZATION" "http://127.0.0.1:$PORT/api/webhooks/deliveries?limit=1" \
        | python3 -c 'import json,sys; c=json.load(sys.stdin)["counts"]; print(c["pending"] + c["failed"])')"
      [ "$pending" = 0 ] && break
      sleep 1
    done
    echo "      deliveries: $total recorded, $pending not delivered 120 s after the load" >&2
  fi
  pkill -f "payara-micro.*--port $PORT" || true
  while curl -fsS "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1; do sleep 1; done
  echo "$rps"
}

echo "# machine: $(machine), $(uname -sr)"
echo "# POST /api/tickets as admin, $CONNECTIONS connections, ${WARMUP} s warm-up, $DURATION measured, $ROUNDS rounds, database ${DB:-h2}, receivers ${RECEIVERS:-answering}"
none=(); two=()
for r in $(seq 1 "$ROUNDS"); do
  none+=("$(run none "")")
  two+=("$(run two "http://127.0.0.1:18951/hook,http://127.0.0.1:18952/hook")")
done
python3 - "${none[*]}" "${two[*]}" <<'PY'
import sys
none = [float(x) for x in sys.argv[1].split()]
two = [float(x) for x in sys.argv[2].split()]
mean = lambda xs: sum(xs) / len(xs)
print(f"no receiver:    {mean(none):8.1f} req/s  (rounds: {', '.join(f'{x:.1f}' for x in none)})")
print(f"two receivers:  {mean(two):8.1f} req/s  (rounds: {', '.join(f'{x:.1f}' for x in two)})")
print(f"two / none:     {mean(two) / mean(none):8.3f}")
PY
awk '{sum[$1] += $2; n[$1]++} END {printf "server CPU per ticket: none %.2f ms, two %.2f ms, two / none %.3f\n",
  sum["none"] / n["none"], sum["two"] / n["two"], (sum["two"] / n["two"]) / (sum["none"] / n["none"])}' "$WORK/cpu"
