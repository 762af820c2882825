#!/usr/bin/env bash
# The README's first command: builds the tool, then runs its main job on examples/ (no server needed):
# validate the schema source, generate canonical PostgreSQL DDL in both styles under .schemafirst/, apply the source
# to the embedded default database (SQLite, .schemafirst/dev.db) and read it back, plan (nothing to do), edit a file,
# see the diff, the lint of its plan and the drift, apply the edit, and see the drift gone; lint the schema on the way;
# then the derived files: docs, C# and TypeScript types, idempotent seeds (applied twice), a Compose environment, and
# check, the one command CI runs over a project.
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
echo
echo "\$ schemafirst generate sql examples/schema --dialect mariadb|sqlserver|oracle -o ...   (generation only; what each cannot hold is named)"
for d in mariadb sqlserver oracle; do
  "$sf" generate sql examples/schema --dialect "$d" -o ".schemafirst/examples.$d.sql" 2> ".schemafirst/examples.$d.notes" || true
  echo "  $d: $(grep -c '^CREATE TABLE' ".schemafirst/examples.$d.sql") tables in .schemafirst/examples.$d.sql; $(grep -c '^warning' ".schemafirst/examples.$d.notes") things left out, each named (e.g. $(grep -m1 '^warning' ".schemafirst/examples.$d.notes" | cut -c1-90)...)"
done
echo
echo "\$ schemafirst generate types --lang csharp --namespace Shop.Data -o .schemafirst/Schema.g.cs   (one record per table and view)"
"$sf" generate types examples/schema --lang csharp --namespace Shop.Data -o .schemafirst/Schema.g.cs
awk '/public sealed record OrderItem$/{on=1} on&&!/\/\/\//{print} on&&/^    }$/{exit}' .schemafirst/Schema.g.cs
echo "\$ schemafirst generate types --lang typescript -o .schemafirst/db.ts   (kysely-codegen's shape)"
"$sf" generate types examples/schema --lang typescript -o .schemafirst/db.ts
awk '/^export interface ShopOrderItems/{on=1} on&&!/\/\*\*/{print} on&&/^}$/{exit}' .schemafirst/db.ts
echo
echo "\$ schemafirst generate seed examples/seed --schema examples/schema --dialect sqlite -o .schemafirst/seed.sqlite.sql"
"$sf" generate seed examples/seed --schema examples/schema --dialect sqlite -o .schemafirst/seed.sqlite.sql
rm -f .schemafirst/seed-demo.db
"$sf" generate sql examples/schema --dialect sqlite --into sqlite:///.schemafirst/seed-demo.db 2>&1 | tail -n 1 | sed 's/^/  /'
echo "  (applied twice to .schemafirst/seed-demo.db: the second run adds nothing)"
for run in first second; do
  python3 - "$run" <<'PY'
import sqlite3, sys
c = sqlite3.connect(".schemafirst/seed-demo.db")
c.execute("PRAGMA foreign_keys = ON")
c.executescript(open(".schemafirst/seed.sqlite.sql").read())
print(f"  after the {sys.argv[1]} run: " + ", ".join(f"{t} {c.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}" for t in ["customers", "products", "product_variants", "product_reviews"]))
PY
done
echo
echo "\$ schemafirst generate compose examples/schema -o .schemafirst/compose/docker-compose.yml   (PostgreSQL with the schema and seeds)"
(cd .schemafirst && rm -rf compose && mkdir compose && cp -r ../examples/seed seed && "../$sf" generate compose ../examples/schema -o compose/docker-compose.yml 2>&1 | sed 's/^/  /'; rm -rf seed)
echo
echo "\$ schemafirst check   (what CI runs, in a project whose schemafirst.yaml lists the artifacts; one of them stale)"
rm -rf .schemafirst/project && mkdir -p .schemafirst/project && cp -r examples/schema examples/seed .schemafirst/project/
cat > .schemafirst/project/schemafirst.yaml <<'YAML'
schema: [schema/]
types: { csharp: { namespace: Shop.Data, out: gen/Schema.g.cs }, typescript: { out: gen/db.ts } }
seed: { out: build/seed.sql }
YAML
(cd .schemafirst/project && "../../$sf" generate types 2>/dev/null && "../../$sf" generate seed 2>/dev/null \
  && echo "ALTER TABLE shop.products ADD COLUMN subtitle text;" >> schema/20_catalog.sql && "../../$sf" check) || true
echo
echo "\$ schemafirst audit   (in examples/app: the SQL of a store-locator app in eight languages, checked against its schema)"
status=0
(cd examples/app && "../../$sf" audit) || status=$?
if [ "$status" -ne 1 ]; then echo "audit: expected exit 1 for the planted defects, got $status" >&2; exit 1; fi
echo
echo "\$ schemafirst diff schema/ next/ -o plan.json; schemafirst audit --against-plan plan.json   (tel_no renamed to phone)"
rm -rf .schemafirst/app && cp -r examples/app .schemafirst/app && mkdir .schemafirst/app/next
sed -e 's/^    tel_no      text,$/    phone       text, -- schemafirst:renamed-from tel_no/' -e 's/ON stores (tel_no) WHERE tel_no IS NOT NULL/ON stores (phone) WHERE phone IS NOT NULL/' \
  .schemafirst/app/schema/10_stores.sql > .schemafirst/app/next/10_stores.sql
(cd .schemafirst/app && { "../../$sf" diff schema/ next/ --format json -o plan.json 2>/dev/null || true; } && "../../$sf" audit --against-plan plan.json) || true
