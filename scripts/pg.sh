#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 server on 127.0.0.1 for tests and benchmarks.
#   scripts/pg.sh start [DIR]   prints: export SCHEMAFIRST_PG_URL=postgres://...
#   scripts/pg.sh stop  [DIR]
# The data directory lives under DIR (default .tmp/pg in the repository) and is
# recreated on each start. initdb refuses to run as root, so the server runs as
# the 'postgres' system user when we are root.
set -euo pipefail

cmd=${1:-start}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:-$root/.tmp/pg}

find_bin() {
  local b
  for b in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$b/initdb" ] && { echo "$b"; return 0; }
  done
  if command -v dpkg >/dev/null 2>&1; then
    b=$(dpkg -L postgresql-15 2>/dev/null | grep '/bin/initdb$' | head -n1 || true)
    [ -n "$b" ] && { dirname "$b"; return 0; }
  fi
  return 1
}

ensure_installed() {
  if ! find_bin >/dev/null; then
    echo "pg.sh: PostgreSQL 15 not found; installing postgresql-15 from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql-15 postgresql-contrib >&2
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

case "$cmd" in
  start)
    ensure_installed
    bin=$(find_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # The owner must be able to reach the directory.
    [ "$(id -u)" = 0 ] && { p="$dir"; while [ "$p" != / ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done; }
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c max_locks_per_transaction=1024" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" > "$dir/port"
    echo "export SCHEMAFIRST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(find_bin) || exit 0
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: pg.sh start|stop [DIR]" >&2; exit 3 ;;
esac
