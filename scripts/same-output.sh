#!/usr/bin/env bash
# Proves that a change of structure changed no behaviour: runs the CLI built from REV (default HEAD~1) and the CLI of
# the working tree over the same inputs and compares every byte they print.
#   scripts/same-output.sh [REV]
# Inputs: every corpus file (../shared/corpus, or $SCHEMAFIRST_CORPUS), examples/schema, and the benchmark
# generator's schemas (A and B at 1,000 tables). Commands: validate --format json, generate sql for postgres (both
# styles) and sqlite, and inspect of each file applied to a real PostgreSQL 15 (started here, or $SCHEMAFIRST_PG_URL)
# and to a real SQLite database. Prints one line per difference and ends with "N outputs compared, N differ".
set -uo pipefail

rev=${1:-HEAD~1}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
corpus=${SCHEMAFIRST_CORPUS:-$root/../shared/corpus}
work=$root/.tmp/same-output
rm -rf "$work"; mkdir -p "$work/old" "$work/new" "$work/in"

sha=$(git rev-parse --verify "$rev^{commit}") || { echo "same-output: no such revision: $rev" >&2; exit 3; }
old_bin=$root/.tmp/baseline-$sha
if [ ! -x "$old_bin/schemafirst" ]; then
  tree=$(mktemp -d); git worktree add -q --detach "$tree" "$sha"
  dotnet publish "$tree/src/SchemaFirst.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly -o "$old_bin" >/dev/null || exit 4
  git worktree remove --force "$tree"
fi
new_bin=$work/bin
dotnet publish src/SchemaFirst.Cli -c Release -nologo -v quiet -clp:ErrorsOnly -o "$new_bin" >/dev/null || exit 4

pg_started=
if [ -z "${SCHEMAFIRST_PG_URL:-}" ]; then
  if env_line=$(scripts/pg.sh start "$work/pg"); then eval "$env_line"; pg_started=1; fi
fi
trap '[ -n "$pg_started" ] && scripts/pg.sh stop "$work/pg" >/dev/null 2>&1' EXIT

python3 bench/gen_schema.py 1000 "$work/in/bench" >/dev/null

pg_inputs=(examples/schema "$work/in/bench/a.sql" "$work/in/bench/b.sql")
while IFS= read -r f; do pg_inputs+=("$f"); done < <(cd "$corpus" && find . -name '*.sql' \
  \( -path '*chinook*PostgreSql*' -o -path '*northwind*' -o -path '*postgres-sakila*' -o -path '*danbooru*' \
     -o -path '*gisia*' -o -path '*openstreetmap*' -o -path '*pagila*' \) | sort | sed "s|^\.|$corpus|")
sqlite_inputs=()
while IFS= read -r f; do sqlite_inputs+=("$f"); done < <(cd "$corpus" && find . -name '*.sql' \
  \( -path '*Chinook_Sqlite*' -o -path '*sqlite-sakila-schema*' \) | sort | sed "s|^\.|$corpus|")

compared=0; differ=0
# run NAME ARGS...: the same command with both builds; stdout, stderr and the exit code must all be equal.
run() {
  local name=$1; shift
  for side in old new; do
    local bin=$old_bin; [ $side = new ] && bin=$new_bin
    (cd "$work/$side" && "$bin/schemafirst" "$@" >"$name.out" 2>"$name.err"; echo $? >"$name.rc")
  done
  for ext in out err rc; do
    compared=$((compared + 1))
    if ! cmp -s "$work/old/$name.$ext" "$work/new/$name.$ext"; then
      differ=$((differ + 1)); echo "DIFFERS: $name.$ext ($*)"
    fi
  done
}

i=0
for f in "${pg_inputs[@]}"; do
  i=$((i + 1)); n=pg$i
  abs=$(cd "$root" && realpath "$f")
  run "$n.validate" validate "$abs" --format json
  run "$n.validate-text" validate "$abs"
  run "$n.generate" generate sql "$abs" --dialect postgres
  run "$n.generate-ine" generate sql "$abs" --dialect postgres --if-not-exists
  run "$n.generate-sqlite" generate sql "$abs" --dialect sqlite --verbose
  if [ -n "${SCHEMAFIRST_PG_URL:-}" ]; then
    db=same_output_$i
    psql -q -X "$SCHEMAFIRST_PG_URL" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
    url=${SCHEMAFIRST_PG_URL%/*}/$db
    # Statements the server refuses (a file written for another version) are fine: both builds read the same result.
    if [ -d "$abs" ]; then cat "$abs"/*.sql; else cat "$abs"; fi | psql -q -X "$url" >/dev/null 2>&1 || true
    run "$n.inspect" inspect "$url"
    run "$n.inspect-json" inspect "$url" --format json
    psql -q -X "$SCHEMAFIRST_PG_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  fi
  for side in old new; do rm -f "$work/$side/$n.db"; done
  run "$n.into" generate sql "$abs" --dialect sqlite --into "sqlite:///$n.db"
  [ -f "$work/old/$n.db" ] && run "$n.inspect-sqlite" inspect "sqlite:///$n.db"
done
for f in "${sqlite_inputs[@]}"; do
  i=$((i + 1)); n=sq$i
  run "$n.validate" validate "$f" --source-dialect sqlite --format json
  run "$n.generate" generate sql "$f" --source-dialect sqlite --dialect sqlite
  run "$n.generate-pg" generate sql "$f" --source-dialect sqlite --dialect postgres
  for side in old new; do rm -f "$work/$side/$n.db"; sqlite3 "$work/$side/$n.db" <"$f" >/dev/null 2>&1 || python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read())" "$work/$side/$n.db" "$f"; done
  run "$n.inspect" inspect "sqlite:///$n.db"
done
run usage-bad-dialect generate sql examples --dialect oracle
run usage-bad-url inspect mysql://x/y
run unreachable inspect postgres://nobody@127.0.0.1:1/x
[ -z "${SCHEMAFIRST_PG_URL:-}" ] && echo "same-output: no PostgreSQL server: inspect and --dev-url not compared" >&2
if [ -n "${SCHEMAFIRST_PG_URL:-}" ]; then
  run dev-url validate "$root/examples/schema" --dev-url "$SCHEMAFIRST_PG_URL"
  run dev-url-generate generate sql "$root/examples/schema" --dev-url "$SCHEMAFIRST_PG_URL"
fi
echo "$compared outputs compared, $differ differ"
[ "$differ" -eq 0 ]
