#!/usr/bin/env bash
# Benchmark (not a test) of dashboard pushes on a running server: one dashboard WebSocket on /ws/tickets (registered,
# proven by a ping/pong), a warm-up of 50 tickets, then TICKETS tickets (default 200) through POST /api/tickets one at
# a time, then TICKETS more from CONCURRENCY clients (default 4). For each ticket it takes the time from the 201 answer
# to the "created" push and prints p50/p90/p99/max per run, the pushes missing after 30 s and those that overtook the
# 201 (counted as 0 ms); also the time from sending the POST to the push.
#   ./ticket-router serve &            # in another terminal; it prints its URL and, on first start, the admin password
#   src/bench/push-latency.sh [http://localhost:8080]
# Reading tickets on the socket needs a signed-in agent: TR_USER (default admin) with TR_PASSWORD (default: the
# first-start password in var/admin-password.txt), as for predict-benchmark.sh. The tickets stay on the server
# (subjects "push-latency bench N"); run it against a server whose data you can spare.
# The dashboard socket is the integration tests' DashboardSocket (src/test/java, compiled by Maven when its classes
# are missing or older than the sources); the WebSocket client (Tyrus) and JSON-P come from the test class path of
# pom.xml, resolved by Maven.
set -euo pipefail
BASE="${1:-http://localhost:8080}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$HERE/lib.sh"
TICKETS="${TICKETS:-200}"
CONCURRENCY="${CONCURRENCY:-4}"

require_ready "$BASE"
agent_credentials "$ROOT"
export TR_USER TR_PASSWORD

CLASSPATH_FILE="$ROOT/target/bench-push-latency.classpath"
if [ ! -s "$CLASSPATH_FILE" ] || [ "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]; then
  mkdir -p "$ROOT/target"
  (cd "$ROOT" && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >&2)
fi
SOCKET_CLASS="$ROOT/target/test-classes/io/ticketrouter/it/DashboardSocket.class"
if [ ! -s "$SOCKET_CLASS" ] || [ -n "$(find "$ROOT/src/test/java/io/ticketrouter/it" -name '*.java' -newer "$SOCKET_CLASS")" ]; then
  (cd "$ROOT" && mvn -q -B test-compile >&2)
fi
exec java --class-path "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CLASSPATH_FILE")" \
  "$HERE/push-latency/PushLatency.java" "$BASE" "$TICKETS" "$CONCURRENCY"
