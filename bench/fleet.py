"""Fleet benchmark: one `apply --targets` over many tenant databases against the single-target
apply run once per tenant, in sequence (what a team scripts without fleets).

    python3 bench/fleet.py                      200 tenants x a 50-table schema
    python3 bench/fleet.py --tenants 20 --tables 50 --parallel 4

Each tenant database starts as schema A (bench/gen_schema.py) and is migrated to schema B, so
every tenant has a real plan (new tables, columns, indexes, changed types). Both ways start from
freshly recreated tenants. Wall time comes from a monotonic clock around the command (around the
whole loop for the sequential way), peak RSS from the child's rusage (the largest of the loop's
runs). Results: bench/results/results-fleet.json and a section of docs/benchmarks-fleet.md.
Standard library only; uses bench/run.py's measuring and PostgreSQL helpers.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_schema  # noqa: E402
import run as harness  # noqa: E402

RESULTS_JSON = os.path.join(harness.RESULTS, "results-fleet.json")
DOCS_MD = os.path.join(harness.ROOT, "docs", "benchmarks-fleet.md")


def recreate_tenants(pg, names, template):
    statements = []
    for name in names:
        statements += ["-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', "-c", f'CREATE DATABASE "{name}" TEMPLATE "{template}"']
    code, out = pg.psql(pg.url, *statements)
    if code != 0:
        raise RuntimeError(f"could not make the tenant databases: {harness.tail(out)}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tenants", type=int, default=200)
    p.add_argument("--tables", type=int, default=50)
    p.add_argument("--parallel", type=int, default=4)
    p.add_argument("--pg-url", help="use this PostgreSQL server instead of starting one with scripts/pg.sh")
    p.add_argument("--sf", help="a schemafirst executable (default: bench/.work/bin/schemafirst, built when missing)")
    p.add_argument("--timeout", type=int, default=3600)
    args = p.parse_args(argv)

    sf = args.sf or os.path.join(harness.SF_BIN_DIR, "schemafirst")
    if not os.path.exists(sf):
        built = harness.build_schemafirst(argparse.Namespace(sf=None, no_build=False, build_timeout=1200, build_wait=1800))
        if not built["available"]:
            print(f"fleet: cannot build SchemaFirst: {built['reason']}", file=sys.stderr)
            return 1
        sf = built["path"]
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    work = os.path.join(harness.WORK, "fleet")
    os.makedirs(work, exist_ok=True)
    gen_schema.main([str(args.tables), work])
    a_sql, b_sql = os.path.join(work, "a.sql"), os.path.join(work, "b.sql")

    pg = harness.Postgres(args.pg_url)
    pg.start()
    try:
        template = "fleet_template_a"
        code, out = pg.recreate(template)
        if code != 0:
            raise RuntimeError(harness.tail(out))
        code, out = pg.psql(pg.db_url(template), "-f", a_sql)
        if code != 0:
            raise RuntimeError(f"schema A does not load: {harness.tail(out)}")
        names = [f"fleet_tenant_{i:04d}" for i in range(1, args.tenants + 1)]
        targets = os.path.join(work, "targets.yaml")
        with open(targets, "w") as f:
            f.write(f"targets:\n  - url: {pg.url}\n    query: SELECT datname FROM pg_database WHERE datname LIKE 'fleet\\_tenant\\_%' ORDER BY 1\n")

        results = {}
        recreate_tenants(pg, names, template)
        harness.warm_up([sf, "--version"], env=env)
        fleet = harness.run_measured([sf, "apply", b_sql, "--targets", targets, "--auto-approve", "--allow-destructive",
                                      "--parallel", str(args.parallel), "--format", "json", "-o", os.path.join(work, "fleet.json")],
                                     args.timeout, os.path.join(work, "fleet.out"), os.path.join(work, "fleet.err"), env=env)
        with open(os.path.join(work, "fleet.json")) as f:
            summary = json.load(f)["summary"]
        results["sf.fleet_apply"] = {"label": f"apply --targets: {args.tenants} tenant databases, --parallel {args.parallel}",
                                     "wall_s": fleet["wall_s"], "peak_rss_kib": fleet["maxrss_kib"], "exit": fleet["exit"], "summary": summary}
        print(f"fleet apply: {fleet['wall_s']:.1f} s, {fleet['maxrss_kib'] / 1024:.0f} MiB, exit {fleet['exit']}, {summary}", file=sys.stderr)

        recreate_tenants(pg, names, template)
        t0 = time.perf_counter()
        peak, failures = 0, 0
        for name in names:
            one = harness.run_measured([sf, "apply", b_sql, "--db", pg.db_url(name), "--auto-approve", "--allow-destructive"],
                                       args.timeout, os.path.join(work, "one.out"), os.path.join(work, "one.err"), env=env)
            peak = max(peak, one["maxrss_kib"])
            failures += one["exit"] != 0
        wall = time.perf_counter() - t0
        results["sf.apply_x_tenants"] = {"label": f"apply --db, once per tenant in sequence ({args.tenants} runs)",
                                         "wall_s": round(wall, 3), "peak_rss_kib": peak, "failures": failures}
        print(f"sequential applies: {wall:.1f} s, {peak / 1024:.0f} MiB, {failures} failed", file=sys.stderr)
        recreate_tenants(pg, [], template)
        pg.psql(pg.url, *sum((["-c", f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)'] for n in names), []), "-c", f'DROP DATABASE IF EXISTS "{template}"')
    finally:
        pg.stop()

    data = {"format": 1, "started_at": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
            "machine": harness.machine_info(), "commit": harness.git_commit(),
            "settings": {"tenants": args.tenants, "tables": args.tables, "parallel": args.parallel}, "results": results}
    os.makedirs(harness.RESULTS, exist_ok=True)
    with open(RESULTS_JSON, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    fleet_r, seq_r = results["sf.fleet_apply"], results["sf.apply_x_tenants"]
    ratio = fleet_r["wall_s"] / seq_r["wall_s"] if seq_r["wall_s"] else None
    lines = [
        "# Fleet benchmark",
        "",
        f"Written by `bench/fleet.py` on {data['started_at']} UTC (commit {data['commit'] or 'unknown'}); "
        f"{data['machine'].get('cores', '?')} cores. {args.tenants} tenant databases, each at schema A of "
        f"{args.tables} tables, migrated to schema B (bench/gen_schema.py) on one local PostgreSQL.",
        "",
        "| figure | what | wall | peak memory | ratio to the anchor |",
        "|---|---|---|---|---|",
        f"| `sf.fleet_apply` | {fleet_r['label']} | {fleet_r['wall_s']:.1f} s | {fleet_r['peak_rss_kib'] / 1024:.0f} MiB | "
        f"{'%.2f×' % ratio if ratio else '–'} |",
        f"| `sf.apply_x_tenants` (anchor) | {seq_r['label']} | {seq_r['wall_s']:.1f} s | {seq_r['peak_rss_kib'] / 1024:.0f} MiB (largest run) | 1× |",
        "",
        f"Fleet outcome: {', '.join(f'{v} {k}' for k, v in fleet_r['summary'].items())}. Sequential failures: {seq_r['failures']}.",
        "",
    ]
    with open(DOCS_MD, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
