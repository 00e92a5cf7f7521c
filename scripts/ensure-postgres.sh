#!/usr/bin/env bash
# Starts PostgreSQL for the store and server tests (which run on SQLite and on PostgreSQL) and creates their role and
# database, each only when missing: Debian's PostgreSQL 15, cluster "main", as root. Elsewhere it says what to do.
set -euo pipefail
if [ -n "${CORRIDOR_TEST_DATABASE_URL:-}" ]; then exit 0; fi   # a database of the user's choosing
if ! command -v pg_ctlcluster >/dev/null || [ "$(id -u)" != 0 ]; then
  echo "warning: the store tests need PostgreSQL: start it and set CORRIDOR_TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DB" >&2
  exit 0
fi
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p 5432 -q
as_postgres() { su postgres -c "$(printf '%q ' "$@")"; }
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'corridor'")" != 1 ]; then
  as_postgres psql -qc "CREATE ROLE corridor LOGIN PASSWORD 'corridor'"
fi
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'corridor_test'")" != 1 ]; then
  as_postgres createdb -O corridor corridor_test
fi
