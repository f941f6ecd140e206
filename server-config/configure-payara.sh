#!/usr/bin/env bash
# Prepares an existing Payara Server 6 (Jakarta EE 10) domain for Ticket Router, then deploys the WAR.
# The domain must be running. Safe to run again (values are replaced, the WAR is redeployed).
#
#   DB=postgresql|h2          (default h2)
#   ASADMIN=/opt/payara6/bin/asadmin   (default: asadmin on the PATH). asadmin's own variables apply, e.g.
#                             AS_ADMIN_HOST, AS_ADMIN_PORT (admin port, default 4848), AS_ADMIN_USER, AS_ADMIN_PASSWORDFILE
#   MODELS_DIR=/opt/ticket-router/models   DATA_DIR=/var/lib/ticket-router   CONTEXT_ROOT=/
#   PG_HOST=localhost PG_PORT=5432 PG_DB=ticketrouter PG_USER=ticketrouter PG_PASSWORD=...   (for DB=postgresql)
#   TICKET_ROUTER_ADMIN_PASSWORD=...   (optional) password of the first admin account
#   server-config/configure-payara.sh [path/to/ticket-router.war]
#
# What it does:
#   1. secrets (PG_PASSWORD, TICKET_ROUTER_ADMIN_PASSWORD) go to the domain's password-alias store, not domain.xml:
#      aliases ticketrouter.db.password and ticketrouter.admin.initial-password. Payara's MicroProfile Config reads
#      password aliases as config values (ordinal 105: above the WAR's defaults, below system properties);
#   2. DB=postgresql: the PostgreSQL JDBC driver is taken from the WAR and added to the domain (add-library), for the
#      server-managed pool of step 3 (the application itself uses the driver inside the WAR);
#   3. runs payara-postgresql.asadmin or payara-h2.asadmin (asadmin multimode) with the values filled in:
#      system properties for the non-secret keys, a connection pool + JDBC resource jdbc/ticketrouter on the same
#      database (ping-connection-pool checks connectivity before the deploy), role mapping;
#   4. deploys the WAR (name ticket-router).
# Checked end to end by src/test/java/io/ticketrouter/it/PayaraServerIT.java (Payara Server 6, DB=postgresql).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WAR="${1:-$HERE/../target/ticket-router.war}"
ASADMIN="${ASADMIN:-asadmin}"
DB="${DB:-h2}"
CONTEXT_ROOT="${CONTEXT_ROOT:-/}"
MODELS_DIR="${MODELS_DIR:-/opt/ticket-router/models}"
DATA_DIR="${DATA_DIR:-/var/lib/ticket-router}"
PG_HOST="${PG_HOST:-localhost}" PG_PORT="${PG_PORT:-5432}" PG_DB="${PG_DB:-ticketrouter}"
PG_USER="${PG_USER:-ticketrouter}" PG_PASSWORD="${PG_PASSWORD:-}"

case "$DB" in
  h2) FILE="$HERE/payara-h2.asadmin" ;;
  postgresql) FILE="$HERE/payara-postgresql.asadmin"
              [ -n "$PG_PASSWORD" ] || { echo "set PG_PASSWORD for DB=postgresql" >&2; exit 2; } ;;
  *) echo "DB must be h2 or postgresql, got $DB" >&2; exit 2 ;;
esac
[ -f "$WAR" ] || { echo "no WAR at $WAR: build it with mvn -B package -DskipTests" >&2; exit 2; }
[ -d "$MODELS_DIR" ] || echo "warning: $MODELS_DIR does not exist yet; copy a bundle there (./ticket-router train --out ...)" >&2
mkdir -p "$DATA_DIR" 2>/dev/null || true

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
step() { echo "== configure-payara: $*"; }

# A password alias (created, or updated when it exists). asadmin reads the value from a password file; the operator's
# own password file (AS_ADMIN_PASSWORDFILE, with AS_ADMIN_PASSWORD) is copied into it because --passwordfile replaces it.
set_alias() {
  local name="$1" value="$2" file="$work/alias-pw" verb=create-password-alias
  ( umask 077
    { if [ -n "${AS_ADMIN_PASSWORDFILE:-}" ]; then cat "$AS_ADMIN_PASSWORDFILE"; echo; fi
      # a Java properties file: escape backslashes
      printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${value//\\/\\\\}"; } > "$file" )
  if "$ASADMIN" list-password-aliases | grep -qxF "$name"; then verb=update-password-alias; fi
  "$ASADMIN" --passwordfile "$file" "$verb" "$name"
  rm -f "$file"
}
# A system property of the same name would win over the alias (ordinal 400 > 105): remove it.
drop_system_property() {
  if "$ASADMIN" list-system-properties | grep -q "^$1="; then "$ASADMIN" delete-system-property "$1"; fi
}

if [ "$DB" = postgresql ]; then
  step "password alias ticketrouter.db.password"
  drop_system_property ticketrouter.db.password
  set_alias ticketrouter.db.password "$PG_PASSWORD"
fi
if [ -n "${TICKET_ROUTER_ADMIN_PASSWORD:-}" ]; then
  step "password alias ticketrouter.admin.initial-password"
  drop_system_property ticketrouter.admin.initial-password
  set_alias ticketrouter.admin.initial-password "$TICKET_ROUTER_ADMIN_PASSWORD"
fi

if [ "$DB" = postgresql ]; then
  step "PostgreSQL JDBC driver from the WAR to the domain (add-library)"
  (cd "$work" && jar xf "$(cd "$(dirname "$WAR")" && pwd)/$(basename "$WAR")" WEB-INF/lib) 2>/dev/null \
    || unzip -q -o "$WAR" 'WEB-INF/lib/postgresql-*.jar' -d "$work"
  driver="$(ls "$work"/WEB-INF/lib/postgresql-*.jar 2>/dev/null | head -n 1)"
  [ -n "$driver" ] || { echo "no postgresql-*.jar in $WAR" >&2; exit 2; }
  "$ASADMIN" add-library "$driver"
fi

# Re-runs replace the pool and the resource with the current values.
if "$ASADMIN" list-jdbc-resources | grep -qxF jdbc/ticketrouter; then "$ASADMIN" delete-jdbc-resource jdbc/ticketrouter; fi
if "$ASADMIN" list-jdbc-connection-pools | grep -qxF ticketrouter-pool; then
  "$ASADMIN" delete-jdbc-connection-pool ticketrouter-pool
fi

# In an asadmin multimode file, a property value's ':' and '=' need '\\' (the file's reader turns '\\' into '\',
# and create-system-properties / --property read '\:' as a literal ':').
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/:/\\\\:/g' -e 's/=/\\\\=/g'; }
export E_MODELS_DIR="$(esc "$MODELS_DIR")" E_DATA_DIR="$(esc "$DATA_DIR")"
export E_H2_URL="$(esc "jdbc:h2:file:$DATA_DIR/db/tickets;WRITE_DELAY=0;AUTO_SERVER=TRUE")"
export E_PG_URL="$(esc "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB")"
export E_PG_HOST="$(esc "$PG_HOST")" E_PG_PORT="$(esc "$PG_PORT")" E_PG_DB="$(esc "$PG_DB")" E_PG_USER="$(esc "$PG_USER")"

db_settings() { "$ASADMIN" list-system-properties | grep '^ticketrouter\.db\.' | sort || true; }
before="$(db_settings)"

step "asadmin multimode --file $(basename "$FILE")"
# only these variables are filled in: ${ALIAS=...} in the file is for the server
envsubst '$E_MODELS_DIR $E_DATA_DIR $E_H2_URL $E_PG_URL $E_PG_HOST $E_PG_PORT $E_PG_DB $E_PG_USER' \
  < "$FILE" > "$work/commands.asadmin"
"$ASADMIN" multimode --file "$work/commands.asadmin"

if [ -n "$before" ] && [ "$before" != "$(db_settings)" ]; then
  # Seen on Payara Server 6.2025.9: after a change of ticketrouter.db.*, a redeploy still opens the old database
  # until the server restarts; and the schema is created at deploy time, not when a restarted server loads the app.
  echo "NOTE: the database settings changed. Restart the domain (asadmin restart-domain), then deploy again" \
       "(asadmin deploy --force=true --contextroot $CONTEXT_ROOT --name ticket-router $WAR), so the application" \
       "opens the new database and creates its tables there." >&2
fi

step "deploy $WAR"
"$ASADMIN" deploy --force=true --contextroot "$CONTEXT_ROOT" --name ticket-router "$WAR"
echo "Deployed. Check: curl -s http://<server>:<http port, 8080 by default>${CONTEXT_ROOT%/}/health/ready"
