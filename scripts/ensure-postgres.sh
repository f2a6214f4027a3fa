#!/usr/bin/env bash
# Makes a local PostgreSQL server available for the sample apps' tests.
# Idempotent: installs Debian's postgresql only when missing, starts the first cluster if it is down,
# sets the postgres superuser password to "postgres" and waits for TCP connections on 127.0.0.1:5432.
# Runs as root (CI and dev machines here are root); there is no Docker engine, so no container is used.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ensure-postgres: installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

# Debian's package creates a cluster on install; create one only if it is missing (e.g. removed by hand).
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
  pg_createcluster "$version" main --port 5432
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n1)
if [ "$port" != "5432" ]; then
  echo "ensure-postgres: cluster $version/$cluster listens on $port, expected 5432" >&2
  exit 1
fi
if [ "$status" != "online" ]; then
  echo "ensure-postgres: starting cluster $version/$cluster"
  pg_ctlcluster "$version" "$cluster" start
fi

# Wait for the server before touching it: the start can return before it accepts connections.
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

# The local socket uses peer auth for the postgres OS user, so no password is needed to set one.
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"ALTER USER postgres PASSWORD 'postgres'\""

# Prove what the tests need: a password login over TCP.
PGPASSWORD=postgres psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' >/dev/null
echo "ensure-postgres: ready on 127.0.0.1:5432 (user postgres / password postgres)"
