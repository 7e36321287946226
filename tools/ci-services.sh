#!/usr/bin/env bash
# Installs and starts what the test suites need on a Debian machine (run as root):
# PostgreSQL 15 with password "postgres" on 127.0.0.1:5432, Redis, and Chromium for browser tests.
set -euo pipefail

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v pg_ctlcluster >/dev/null 2>&1 || need_packages+=(postgresql)
if [ ${#need_packages[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
[ -n "$cluster" ] || { echo "no PostgreSQL cluster found" >&2; exit 1; }
pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null

if ! redis-cli ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
fi
echo "services ready: PostgreSQL ($cluster), Redis, $(chromium --version 2>/dev/null | head -1)"
