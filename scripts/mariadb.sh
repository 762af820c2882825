#!/usr/bin/env bash
# Starts or stops a throw-away MariaDB server on 127.0.0.1 for tests.
#   scripts/mariadb.sh start [DIR]   prints: export SCHEMAFIRST_MYSQL_URL=mysql://root@127.0.0.1:PORT/mysql
#   scripts/mariadb.sh stop  [DIR]
# The data directory lives under DIR (default .tmp/mariadb) and is recreated on each start; Debian's mariadb-server is
# installed with apt when missing. The server runs with --no-defaults (no system config), root without a password,
# listening on 127.0.0.1 only.
set -euo pipefail

cmd=${1:-start}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:-$root/.tmp/mariadb}

ensure_installed() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "mariadb.sh: MariaDB not found; installing mariadb-server from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y -qq mariadb-server >&2 || { apt-get update -qq >&2 && apt-get install -y -qq mariadb-server >&2; })
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo 53306
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

stop() {
  if [ -f "$dir/mariadb.pid" ]; then
    pid=$(cat "$dir/mariadb.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

case "$cmd" in
  start)
    ensure_installed
    server=$(command -v mariadbd || echo /usr/sbin/mariadbd)
    stop
    rm -rf "$dir"; mkdir -p "$dir/data"
    user_args=()
    [ "$(id -u)" = 0 ] && user_args=(--user=root)
    mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal "${user_args[@]}" \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    port=$(free_port)
    "$server" --no-defaults --datadir="$dir/data" --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" \
      --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --innodb-flush-log-at-trx-commit=0 \
      --innodb-buffer-pool-size=128M --max-connections=200 "${user_args[@]}" >"$dir/server.log" 2>&1 &
    for _ in $(seq 1 300); do
      mariadb --no-defaults -h 127.0.0.1 -P "$port" -u root -e "SELECT 1" >/dev/null 2>&1 && break
      sleep 0.1
    done
    mariadb --no-defaults -h 127.0.0.1 -P "$port" -u root -e "SELECT 1" >/dev/null 2>&1 || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" > "$dir/port"
    echo "export SCHEMAFIRST_MYSQL_URL=mysql://root@127.0.0.1:$port/mysql"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2; exit 3 ;;
esac
