#!/usr/bin/env bash
# The README's first command: builds the tool, then runs its main job on examples/ (no server needed):
# validate the schema source, generate canonical PostgreSQL DDL in both styles under .schemafirst/, apply the source
# to the embedded default database (SQLite, .schemafirst/dev.db) and read it back, plan (nothing to do), edit a file,
# see the diff, the lint of its plan and the drift, apply the edit, and see the drift gone; lint the schema on the way.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Published (ReadyToRun) into .schemafirst/bin; run it from there afterwards, or put that folder on PATH.
dotnet publish src/SchemaFirst.Cli -c Release -nologo -v quiet -clp:ErrorsOnly -o .schemafirst/bin >/dev/null
sf=.schemafirst/bin/schemafirst

echo "\$ schemafirst validate examples/schema"
"$sf" validate examples/schema
echo
echo "\$ schemafirst lint examples/schema   (warnings and info only: exit 0; the first warnings and the summary)"
"$sf" lint examples/schema > .schemafirst/lint.txt
grep -E '^examples|  [0-9]+:[0-9]+  warning' .schemafirst/lint.txt | head -n 6
echo "  ..."
tail -n 1 .schemafirst/lint.txt
echo "\$ schemafirst lint --explain KY104   (why, an example each way, the fix)"
"$sf" lint --explain KY104 | head -n 5 | cut -c1-160
echo
mkdir -p .schemafirst
echo "\$ schemafirst generate sql examples/schema --dialect postgres -o .schemafirst/examples.sql"
"$sf" generate sql examples/schema --dialect postgres -o .schemafirst/examples.sql
echo "\$ schemafirst generate sql examples/schema --dialect postgres --if-not-exists -o .schemafirst/examples-if-not-exists.sql"
"$sf" generate sql examples/schema --dialect postgres --if-not-exists -o .schemafirst/examples-if-not-exists.sql
echo
echo "Wrote $(grep -c ';$' .schemafirst/examples.sql) statements to .schemafirst/examples.sql; its first table:"
awk '/^CREATE TABLE/{on=1} on{print} on&&/^\);/{exit}' .schemafirst/examples.sql
echo
# The default database when a project configures none: a SQLite file under .schemafirst/, derived from the source.
rm -f .schemafirst/dev.db
echo "\$ schemafirst apply examples/schema --auto-approve   (no --db: the embedded default .schemafirst/dev.db)"
echo "  (SQLite cannot hold everything PostgreSQL can: what is left out is named, as generate sql --dialect sqlite lists it)"
"$sf" apply examples/schema --auto-approve | grep -c ';$' | sed 's/^/  statements applied: /'
echo "\$ schemafirst inspect sqlite:///.schemafirst/dev.db   (first table read back)"
"$sf" inspect sqlite:///.schemafirst/dev.db | awk '/^CREATE TABLE/{on=1} on{print} on&&/^\);/{exit}'
echo
echo "\$ schemafirst plan examples/schema          (against .schemafirst/dev.db, just made from the same files)"
"$sf" plan examples/schema
echo
# An edit a team might make: a column renamed (with the directive that keeps its data) and a column added.
rm -rf .schemafirst/example-edit && cp -r examples/schema .schemafirst/example-edit
sed -i 's/^    phone               varchar(32),$/    mobile              varchar(32), -- schemafirst:renamed-from phone\n    loyalty_points      integer NOT NULL DEFAULT 0,/' .schemafirst/example-edit/10_customers.sql
echo "\$ schemafirst diff examples/schema .schemafirst/example-edit   (phone renamed to mobile, loyalty_points added)"
"$sf" diff examples/schema .schemafirst/example-edit || true
echo
echo "\$ schemafirst plan .schemafirst/example-edit --lint   (the plan's statements through the migration-safety rules)"
"$sf" plan .schemafirst/example-edit --lint > /dev/null || true
echo
echo "\$ schemafirst drift .schemafirst/example-edit   (the database has not followed the edit yet: exit 2)"
"$sf" drift .schemafirst/example-edit || true
echo
echo "\$ schemafirst apply .schemafirst/example-edit --auto-approve   (the same edit, planned for SQLite and applied)"
"$sf" apply .schemafirst/example-edit --auto-approve
echo
echo "\$ schemafirst drift .schemafirst/example-edit"
"$sf" drift .schemafirst/example-edit
echo
echo "\$ schemafirst generate docs examples/schema -o .schemafirst/docs   (Markdown, Mermaid, SVG when Graphviz is there, HTML)"
"$sf" generate docs examples/schema -o .schemafirst/docs
