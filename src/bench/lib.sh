# Shared by the benchmark scripts here, which source it: the checks before a run and the machine line of a report.

# Stops the run when wrk is not installed.
require_wrk() {
  command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get update && sudo apt-get install -y wrk" >&2; exit 1; }
}

# Stops the run when the server at $1 (a base URL) is not ready.
require_ready() {
  if ! curl -fsS "$1/health/ready" >/dev/null; then
    echo "the server at $1 is not ready (GET /health/ready); start it with ./ticket-router serve" >&2
    exit 1
  fi
}

# Waits at most $2 seconds for the server at $1 (a base URL) to be ready; stops the run otherwise, naming its log $3.
wait_ready() {
  for _ in $(seq 1 "$2"); do
    curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the server did not start within $2 s, see $3" >&2
  exit 1
}

# Sets TR_USER (default admin) and TR_PASSWORD (default: the first-start password in var/admin-password.txt of the
# repository at $1) for a run that signs in as an agent.
agent_credentials() {
  TR_USER="${TR_USER:-admin}"
  if [ -z "${TR_PASSWORD:-}" ]; then
    if [ -r "$1/var/admin-password.txt" ]; then
      TR_PASSWORD="$(tr -d '\n' < "$1/var/admin-password.txt")"
    else
      echo "set TR_PASSWORD (and TR_USER) to an agent's or admin's credentials" >&2
      exit 1
    fi
  fi
}

# The machine's cores and CPU model, which every report's "# machine:" line starts with.
machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
}
