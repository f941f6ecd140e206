#!/usr/bin/env bash
# Benchmark (not a test) of POST /api/predict on a running, warm server:
# 10 s warm-up, then 20 s at 16 connections with 2 wrk threads. Prints requests/s, p50/p99, the server's
# resident memory and the machine's load.
#   ./ticket-router serve &            # in another terminal, wait for "ready"
#   src/bench/predict-benchmark.sh [http://localhost:8080]
# Predicting needs a signed-in agent. The script signs in as TR_USER (default admin) with TR_PASSWORD (default: the
# first-start password in var/admin-password.txt) and sends, on every request:
#   AUTH=basic   (default) HTTP Basic credentials, verified once by the server and then taken from its cache
#   AUTH=session the token of a POST /api/session sign-in, as Authorization: Bearer
set -euo pipefail
BASE="${1:-http://localhost:8080}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/lib.sh"
SCRIPT="$HERE/wrk/predict.lua"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-20s}"

require_wrk
require_ready "$BASE"
agent_credentials "$HERE/../.."
case "${AUTH:-basic}" in
  basic) TR_AUTHORIZATION="Basic $(printf '%s:%s' "$TR_USER" "$TR_PASSWORD" | base64 -w0)" ;;
  session)
    cookie="$(curl -fsS -o /dev/null -D - -H 'Content-Type: application/json' \
      -d "{\"username\": \"$TR_USER\", \"password\": \"$TR_PASSWORD\"}" "$BASE/api/session" \
      | sed -n 's/^[Ss]et-[Cc]ookie: TR_SESSION=\([^;]*\).*/\1/p')"
    [ -n "$cookie" ] || { echo "signing in as $TR_USER failed" >&2; exit 1; }
    TR_AUTHORIZATION="Bearer $cookie" ;;
  *) echo "AUTH must be basic or session" >&2; exit 1 ;;
esac
export TR_AUTHORIZATION
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $TR_AUTHORIZATION" -H 'Content-Type: application/json' \
  -d '{"body": "The VPN disconnects every ten minutes since the last update."}' "$BASE/api/predict")"
if [ "$code" != 200 ]; then
  echo "POST /api/predict as $TR_USER answered $code (wrong credentials?)" >&2
  exit 1
fi

port="${BASE##*:}"; port="${port%%/*}"
pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1 || true)"

echo "# machine: $(machine), $(uname -sr)"
echo "# warm-up: 10 s"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$SCRIPT" "$BASE/api/predict" >/dev/null
echo "# measured: POST /api/predict signed in as $TR_USER (${AUTH:-basic}), $CONNECTIONS connections, 2 threads, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$BASE/api/predict"
if [ -n "$pid" ]; then
  echo "# server pid $pid RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )) MB"
fi
echo "# load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
