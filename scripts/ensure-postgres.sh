#!/usr/bin/env bash
# Makes a local PostgreSQL server available for the tests that need one (the sample apps' tests,
# DatabaseIdentityTests): 127.0.0.1:5432, superuser postgres with password "postgres".
# Idempotent, and quick when the server already answers: only then does it change nothing and need no root.
# Otherwise, as root (or through sudo): installs Debian's postgresql when missing, creates a cluster when there is
# none, starts a stopped cluster (also one killed without a clean shutdown) and sets the password. No Docker engine
# on the project's machines, so no container. TRILHO_TEST_PG names another server instead: then this does nothing.
set -euo pipefail
# shellcheck source=scripts/as-root.sh
source "$(dirname "$0")/as-root.sh"

if [ -n "${TRILHO_TEST_PG:-}" ]; then
  echo "ensure-postgres: TRILHO_TEST_PG is set; the tests use that server, this machine's is left alone"
  exit 0
fi

answers() {
  command -v psql >/dev/null 2>&1 &&
    PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1
}
if answers; then
  echo "ensure-postgres: ready on 127.0.0.1:5432 (user postgres / password postgres)"
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ensure-postgres: no PostgreSQL server installed" >&2
  apt_install postgresql || {
    echo "ensure-postgres: install PostgreSQL so that 127.0.0.1:5432 accepts user postgres with password postgres, or set TRILHO_TEST_PG to a superuser connection string" >&2
    exit 1
  }
fi

# Debian's package creates a cluster on install; create one only if it is missing (e.g. removed by hand).
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  echo "ensure-postgres: creating cluster $version/main on port 5432"
  as_root pg_createcluster "$version" main --port 5432
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n1)
if [ "$port" != "5432" ]; then
  echo "ensure-postgres: cluster $version/$cluster listens on $port, expected 5432" >&2
  exit 1
fi
if [ "$status" != "online" ]; then
  # pg_ctlcluster removes the pid file a killed server leaves behind.
  echo "ensure-postgres: cluster $version/$cluster is $status; starting it"
  as_root pg_ctlcluster "$version" "$cluster" start
fi

# Wait for the server before touching it: the start can return before it accepts connections.
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

if ! answers; then
  # The local socket uses peer auth for the postgres OS user, so no password is needed to set one.
  echo "ensure-postgres: setting the postgres user's password to \"postgres\""
  as_root su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"ALTER USER postgres PASSWORD 'postgres'\""
fi

# Prove what the tests need: a password login over TCP.
PGPASSWORD=postgres psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' >/dev/null
echo "ensure-postgres: ready on 127.0.0.1:5432 (user postgres / password postgres)"
