#!/usr/bin/env bash
# Prepares an existing Payara Server 6 (Jakarta EE 10) domain for Ticket Router, then deploys the WAR.
#   DB=h2|postgresql  (default h2)
#   ASADMIN=/opt/payara6/bin/asadmin   MODELS_DIR=/opt/ticket-router/models   DATA_DIR=/var/lib/ticket-router
#   PG_HOST=localhost PG_PORT=5432 PG_DB=ticketrouter PG_USER=ticketrouter PG_PASSWORD=...   (for DB=postgresql)
#   server-config/configure-payara.sh [path/to/ticket-router.war]
# Runs the asadmin command file for the chosen database with the values substituted, so you can also read the
# .asadmin files and run them by hand (asadmin multimode --file FILE).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WAR="${1:-$HERE/../target/ticket-router.war}"
ASADMIN="${ASADMIN:-asadmin}"
DB="${DB:-h2}"
export MODELS_DIR="${MODELS_DIR:-/opt/ticket-router/models}"
export DATA_DIR="${DATA_DIR:-/var/lib/ticket-router}"
export PG_HOST="${PG_HOST:-localhost}" PG_PORT="${PG_PORT:-5432}" PG_DB="${PG_DB:-ticketrouter}"
export PG_USER="${PG_USER:-ticketrouter}" PG_PASSWORD="${PG_PASSWORD:-}"

case "$DB" in
  h2) FILE="$HERE/payara-h2.asadmin" ;;
  postgresql) FILE="$HERE/payara-postgresql.asadmin"
              [ -n "$PG_PASSWORD" ] || { echo "set PG_PASSWORD for DB=postgresql" >&2; exit 2; } ;;
  *) echo "DB must be h2 or postgresql, got $DB" >&2; exit 2 ;;
esac
[ -f "$WAR" ] || { echo "no WAR at $WAR: build it with mvn -B package -DskipTests" >&2; exit 2; }
[ -d "$MODELS_DIR" ] || echo "warning: $MODELS_DIR does not exist yet; copy a bundle there (./ticket-router train --out ...)" >&2
mkdir -p "$DATA_DIR" 2>/dev/null || true

# asadmin needs ':' and '=' inside property values escaped with a backslash
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }
export E_MODELS_DIR="$(esc "$MODELS_DIR")" E_DATA_DIR="$(esc "$DATA_DIR")" E_PG_PASSWORD="$(esc "$PG_PASSWORD")"
export E_H2_URL="$(esc "jdbc:h2:file:$DATA_DIR/db/tickets;WRITE_DELAY=0;AUTO_SERVER=TRUE")"
export E_PG_URL="$(esc "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB")"

tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
envsubst < "$FILE" > "$tmp"
"$ASADMIN" multimode --file "$tmp"
"$ASADMIN" deploy --force=true --contextroot / --name ticket-router "$WAR"
echo "Deployed. Check: curl -s http://localhost:8080/health/ready"
