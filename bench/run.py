#!/usr/bin/env python3
"""SchemaFirst benchmark harness.

    python3 bench/run.py --quick     N = 100 and 1,000, one run per figure (a few minutes)
    python3 bench/run.py             N = 100, 1,000, 5,000 and 10,000, three runs per figure
    python3 bench/run.py --report-only   re-render docs/benchmarks.md from bench/results/*.json

For each N it generates schema versions A and B (bench/gen_schema.py), loads them into
two databases of a throw-away local PostgreSQL 15 (scripts/pg.sh), then times SchemaFirst
commands and, in the same run on the same inputs, the anchor tools (pg_dump, migra,
libpg-query, squawk, apgdiff), which it installs itself from npm and Debian packages.
Every command runs as a child process; wall time comes from a monotonic clock around it
and peak RSS from the child's rusage (os.wait4). Anything that cannot be installed, fails
or times out is recorded in the report and never stops the run.

Results: bench/results/results-<mode>.json and docs/benchmarks.md. Work files: bench/.work/.
Standard library only.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import glob
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, ".work")
RESULTS = os.path.join(BENCH, "results")
DOCS_MD = os.path.join(ROOT, "docs", "benchmarks.md")
NODE_PREFIX = os.path.join(WORK, "node")
SF_BIN_DIR = os.path.join(WORK, "bin")

sys.path.insert(0, BENCH)
import gen_schema  # noqa: E402
import gen_app  # noqa: E402

RESULT_FORMAT = 1

# Anchor packages, pinned so that figures from different runs compare. Bump deliberately.
NPM_ANCHORS = {"@pgkit/migra": "0.6.1", "libpg-query": "18.1.5", "squawk-cli": "2.66.0",
               "kysely-codegen": "0.20.0", "kysely": "0.29.9", "pg": "8.23.1"}
APT_ANCHORS = ["apgdiff"]

MODES = {
    "quick": {"sizes": [100, 1000], "runs": 1, "startup_runs": 5, "timeout": 300},
    "full": {"sizes": [100, 1000, 5000, 10000], "runs": 3, "startup_runs": 10, "timeout": 1800},
}


class Bench:
    """One measured command. argv is a template; {name} fields are filled per size.

    ok: exit codes that mean success for this command (plan/diff answer 2 when there are
    changes; lint tools answer 1 when they have findings).
    """

    def __init__(self, key, label, tool, argv, ok=(0,), needs=(), group="size", setup=None):
        self.key, self.label, self.tool, self.argv = key, label, tool, list(argv)
        self.ok, self.needs, self.group = tuple(ok), tuple(needs), group
        # Run before each measured run, untimed (apply needs a fresh copy of database A every time).
        self.setup = list(setup) if setup else None


# SchemaFirst commands. Adding a verb is one line; until the CLI has it, the harness reports
# "not yet available" (the CLI answers exit code 3 with an unknown-command usage error).
SF_BENCHES = [
    Bench("sf.validate", "validate A files", "schemafirst", ["{sf}", "validate", "{a_sql}"]),
    Bench("sf.generate_sql", "generate sql A", "schemafirst",
          ["{sf}", "generate", "sql", "{a_sql}", "--dialect", "postgres"]),
    Bench("sf.inspect", "inspect database A", "schemafirst", ["{sf}", "inspect", "{url_a}"], needs=("db",)),
    Bench("sf.plan", "plan B files vs database A (B normalized through a scratch database)", "schemafirst",
          ["{sf}", "plan", "{b_sql}", "--db", "{url_a}"], ok=(0, 2), needs=("db",)),
    Bench("sf.plan_offline", "plan B files vs database A --offline", "schemafirst",
          ["{sf}", "plan", "{b_sql}", "--db", "{url_a}", "--offline"], ok=(0, 2), needs=("db",)),
    Bench("sf.apply", "apply B files to a fresh copy of database A (dev database, pre-flight, history)", "schemafirst",
          ["{sf}", "apply", "{b_sql}", "--db", "{url_apply}", "--auto-approve", "--allow-destructive"], needs=("db",),
          setup=["psql", "-X", "-q", "-d", "{url_admin}", "-c", "DROP DATABASE IF EXISTS {apply_db}",
                 "-c", "CREATE DATABASE {apply_db} TEMPLATE {a_db}"]),
    Bench("sf.drift", "drift A files vs database A (normalized through a scratch database)", "schemafirst",
          ["{sf}", "drift", "{a_sql}", "--db", "{url_a}"], ok=(0, 2), needs=("db",)),
    Bench("sf.diff", "diff A files -> B files", "schemafirst", ["{sf}", "diff", "{a_sql}", "{b_sql}"], ok=(0, 2)),
    Bench("sf.lint", "lint A files", "schemafirst", ["{sf}", "lint", "{a_sql}"], ok=(0, 1, 2)),
    Bench("sf.generate_docs", "generate docs A into an empty folder (Markdown, Mermaid, SVG via Graphviz, HTML)", "schemafirst",
          ["{sf}", "generate", "docs", "{a_sql}", "--out", "{scratch}/docs"],
          setup=["rm", "-rf", "{scratch}/docs"]),
    Bench("sf.generate_types_ts", "generate types A --lang typescript (kysely-codegen's shape)", "schemafirst",
          ["{sf}", "generate", "types", "{a_sql}", "--lang", "typescript", "-o", "{scratch}/db.ts"]),
    Bench("sf.generate_types_cs", "generate types A --lang csharp", "schemafirst",
          ["{sf}", "generate", "types", "{a_sql}", "--lang", "csharp", "-o", "{scratch}/Schema.g.cs"]),
    Bench("sf.validate_mysql", "validate A written as MySQL DDL (--source-dialect mysql)", "schemafirst",
          ["{sf}", "validate", "{my_sql}", "--source-dialect", "mysql"], needs=("mysql",)),
    Bench("sf.inspect_mysql", "inspect MariaDB database A (SHOW CREATE replayed through the MySQL reader)", "schemafirst",
          ["{sf}", "inspect", "{url_my}"], needs=("mysql",)),
    Bench("sf.audit", "audit a generated application (10,000 statements, ~100k lines in 8 languages) against A files", "schemafirst",
          ["{sf}", "audit", "{app}", "--schema", "{a_sql}", "-o", "{scratch}/audit.txt"], ok=(0, 1)),
    Bench("sf.generate_compose", "generate compose A (compose file, .env.example, DDL init script)", "schemafirst",
          ["{sf}", "generate", "compose", "{a_sql}", "-o", "{scratch}/compose/docker-compose.yml"],
          setup=["rm", "-rf", "{scratch}/compose"]),
]

STARTUP_BENCHES = [
    Bench("sf.version", "--version", "schemafirst", ["{sf}", "--version"], group="startup"),
    Bench("sf.validate_examples", "validate examples/", "schemafirst", ["{sf}", "validate", "{examples}"],
          group="startup"),
]

ANCHOR_BENCHES = [
    Bench("pg_dump", "pg_dump --schema-only of database A", "pg_dump",
          ["pg_dump", "--schema-only", "-d", "{url_a}", "-f", "{scratch}/dump.sql"], needs=("db",)),
    Bench("libpg_query", "libpg-query parse of A (incl. Node start-up)", "libpg-query",
          ["node", "{bench}/pg_parse.cjs", "{node_prefix}", "{a_sql}"]),
    Bench("squawk", "squawk lint of A (--reporter gcc)", "squawk",
          ["{squawk}", "--reporter", "gcc", "{a_sql}"], ok=(0, 1)),
    Bench("migra", "migra diff database A -> database B", "migra",
          ["{migra}", "{url_a}", "{url_b}", "--unsafe"], ok=(0, 2), needs=("db",)),
    Bench("mysqldump", "mariadb-dump --no-data of MariaDB database A", "mysqldump",
          ["{mysqldump}", "--no-defaults", "--no-data", "-h", "{my_host}", "-P", "{my_port}", "-u", "{my_user}",
           "--result-file={scratch}/mysqldump.sql", "{my_db}"], needs=("mysql",)),
    Bench("apgdiff", "apgdiff dump A -> dump B", "apgdiff",
          ["apgdiff", "{dump_a}", "{dump_b}"], needs=("dumps",)),
    Bench("kysely_codegen", "kysely-codegen of database A (TypeScript types by introspection)", "kysely-codegen",
          ["{kysely_codegen}", "--dialect", "postgres", "--url", "{url_a}", "--out-file", "{scratch}/kysely.ts"], needs=("db",)),
]

# (SchemaFirst figure, anchor figure, goal for the ratio at the target size or None)
RATIOS = [
    ("sf.validate", "libpg_query", 1.0),
    ("sf.inspect", "pg_dump", 1.0),
    ("sf.inspect_mysql", "mysqldump", 1.0),
    ("sf.plan", "migra", 0.1),
    ("sf.lint", "squawk", 0.5),
    ("sf.diff", "apgdiff", None),
    ("sf.apply", "migra", None),
    ("sf.drift", "migra", None),
    ("sf.generate_types_ts", "kysely_codegen", 1.0),
]
# (figure, goal in seconds at the target size) for verbs no anchor does
ABSOLUTE_GOALS = [("sf.generate_docs", 10.0), ("sf.audit", 10.0)]
RATIO_TARGET_N = 5000
MEMORY_TARGET_N = 10000
MEMORY_GOAL_KIB = 1024 * 1024
STARTUP_GOAL_S = 0.100

SUPERLINEAR = 1.15   # growth exponent above which the report flags a figure

NOT_AVAILABLE_RE = re.compile(r"unknown|not|unrecognized", re.I)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---- running commands ------------------------------------------------------------------

def rss_launcher() -> str:
    """GNU time if it works here (floor ~1 MiB), else bench/spawn_rss.py (floor ~8 MiB)."""
    global _LAUNCHER
    if _LAUNCHER is None:
        _LAUNCHER = "python"
        if os.access("/usr/bin/time", os.X_OK):
            code, out = run_plain(["/usr/bin/time", "-f", "rss=%M", "true"], timeout=30)
            if code == 0 and re.search(r"rss=\d+", out):
                _LAUNCHER = "gnu-time"
    return _LAUNCHER


_LAUNCHER = None


def run_measured(argv, timeout, out_path, err_path, env=None, cwd=None) -> dict:
    """Runs argv once as a child; returns wall time, peak RSS (KiB), CPU time and exit code.

    The command is started through a small launcher (GNU time, or bench/spawn_rss.py), which
    forks it and reads its rusage with wait4: Linux hands the exec-ing process's memory
    high-water mark on to the new program's ru_maxrss, so a command forked straight from this
    (much larger) Python process would report at least our own peak. Wall time and CPU time
    (which includes the launcher's own, about a millisecond for GNU time) are taken here.
    """
    finished = threading.Event()
    killed = {"flag": False}
    rss_path = err_path + ".rss"
    if os.path.exists(rss_path):
        os.remove(rss_path)
    if rss_launcher() == "gnu-time":
        full = ["/usr/bin/time", "-q", "-o", rss_path, "-f", "%M", "--"] + list(argv)
    else:
        full = [sys.executable, "-S", "-I", os.path.join(BENCH, "spawn_rss.py"), rss_path] + list(argv)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                 env=env, cwd=cwd, start_new_session=True)
        except OSError as e:
            return {"wall_s": 0.0, "maxrss_kib": 0, "cpu_s": 0.0, "exit": None, "error": str(e)}

        def kill():
            if not finished.is_set():
                killed["flag"] = True
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        finished.set()
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    try:  # leftovers of the process group (e.g. a wrapper's children)
        os.killpg(p.pid, signal.SIGKILL)
    except OSError:
        pass
    maxrss = None
    try:
        with open(rss_path) as f:
            nums = [l.strip() for l in f if l.strip().isdigit()]
            maxrss = int(nums[-1]) if nums else None
    except OSError:
        pass
    code = p.returncode
    if code is not None and code < 0:
        code = 128 - code
    if code == 127 and maxrss is None:
        return {"wall_s": round(t1 - t0, 6), "maxrss_kib": 0, "cpu_s": 0.0, "exit": None,
                "error": f"could not run {argv[0]}"}
    return {"wall_s": round(t1 - t0, 6), "maxrss_kib": maxrss or 0,
            "cpu_s": round(ru.ru_utime + ru.ru_stime, 6), "exit": code,
            "timed_out": killed["flag"]}


def run_plain(argv, timeout=600, cwd=None, env=None, input_text=None) -> tuple[int | None, str]:
    """Runs a setup command; returns (exit code or None on timeout/missing, combined output)."""
    try:
        r = subprocess.run(argv, cwd=cwd, env=env, input=input_text, capture_output=True, text=True,
                           timeout=timeout)
        return r.returncode, (r.stdout or "") + (r.stderr or "")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return None, f"timed out after {timeout} s. {out if isinstance(out, str) else out.decode(errors='replace')}"
    except OSError as e:
        return None, str(e)


def tail(text: str, lines: int = 6, chars: int = 800) -> str:
    t = "\n".join([l for l in text.strip().splitlines() if l.strip()][-lines:])
    return t[-chars:]


def first_line(text: str, chars: int = 200) -> str:
    for l in text.splitlines():
        l = re.sub(r"\x1b\[[0-9;]*m", "", l).strip()
        if l:
            return l[:chars]
    return ""


# ---- machine and tools -------------------------------------------------------------------

def machine_info() -> dict:
    info = {"cores": os.cpu_count(), "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["memory_kib"] = int(line.split()[1])
    except OSError:
        pass
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def version_of(argv, pattern=None) -> str | None:
    code, out = run_plain(argv, timeout=60)
    if code is None:
        return None
    text = out.strip()
    if pattern:
        m = re.search(pattern, text)
        return m.group(1) if m else first_line(text)
    return first_line(text) or None


def npm_package_version(name: str) -> str | None:
    try:
        with open(os.path.join(NODE_PREFIX, "node_modules", name, "package.json")) as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None


def install_npm_anchors(timeout: int) -> dict:
    """Installs the pinned npm anchors under bench/.work/node; returns {package: error or None}."""
    status = {}
    if shutil.which("npm") is None or shutil.which("node") is None:
        return {p: "node/npm not found on PATH" for p in NPM_ANCHORS}
    missing = [p for p, v in NPM_ANCHORS.items() if npm_package_version(p) != v]
    if not missing:
        return {p: None for p in NPM_ANCHORS}
    os.makedirs(NODE_PREFIX, exist_ok=True)
    pj = os.path.join(NODE_PREFIX, "package.json")
    if not os.path.exists(pj):
        with open(pj, "w") as f:
            f.write('{"name": "schemafirst-bench-anchors", "private": true}\n')
    base = ["npm", "install", "--prefix", NODE_PREFIX, "--no-audit", "--no-fund", "--include=optional"]
    log(f"installing npm anchors: {', '.join(missing)}")
    code, out = run_plain(base + [f"{p}@{NPM_ANCHORS[p]}" for p in missing], timeout=timeout)
    if code != 0:  # one at a time, so one bad package does not take the others down
        for p in missing:
            c, o = run_plain(base + [f"{p}@{NPM_ANCHORS[p]}"], timeout=timeout)
            status[p] = None if c == 0 else f"npm install failed: {tail(o, 3)}"
    for p in NPM_ANCHORS:
        status.setdefault(p, None if npm_package_version(p) else "not installed")
    return status


def install_apt_anchors(timeout: int) -> dict:
    status = {}
    for pkg in APT_ANCHORS:
        if shutil.which(pkg):
            status[pkg] = None
            continue
        if os.geteuid() != 0 or shutil.which("apt-get") is None:
            status[pkg] = "not installed, and apt-get is unavailable or we are not root"
            continue
        log(f"installing {pkg} from Debian packages")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        code, out = run_plain(["apt-get", "install", "-y", "-qq", pkg], timeout=timeout, env=env)
        if code != 0:
            run_plain(["apt-get", "update", "-qq"], timeout=timeout, env=env)
            code, out = run_plain(["apt-get", "install", "-y", "-qq", pkg], timeout=timeout, env=env)
        status[pkg] = None if shutil.which(pkg) else f"apt-get install {pkg} failed: {tail(out, 3)}"
    return status


def squawk_binary() -> str | None:
    """The native squawk binary shipped in the npm package's platform dependency (no Node wrapper)."""
    arch = {"x86_64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine(), platform.machine())
    cand = os.path.join(NODE_PREFIX, "node_modules", "@squawk-cli", f"linux-{arch}", "bin", "squawk")
    if os.access(cand, os.X_OK):
        return cand
    wrapper = os.path.join(NODE_PREFIX, "node_modules", ".bin", "squawk")
    return wrapper if os.path.exists(wrapper) else None


def setup_anchors(args) -> dict:
    """Installs and probes every anchor; returns {tool: {available, version, reason, ...}}."""
    anchors = {}
    npm = install_npm_anchors(args.install_timeout) if not args.no_install else {}
    apt = install_apt_anchors(args.install_timeout) if not args.no_install else {}

    md = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    anchors["mysqldump"] = {"available": bool(md), "path": md, "reason": None if md else "mariadb-dump/mysqldump not on PATH",
                            "version": version_of([md, "--version"], r"(\d+\.\d+\.\d+\S*)") if md else None}

    pgd = shutil.which("pg_dump")
    anchors["pg_dump"] = {"available": bool(pgd), "version": version_of(["pg_dump", "--version"], r"(\d+\.\d+\S*)")
                          if pgd else None, "reason": None if pgd else "pg_dump not on PATH"}

    node_v = version_of(["node", "--version"]) if shutil.which("node") else None

    v = npm_package_version("libpg-query")
    reason = npm.get("libpg-query") if not v else None
    if v:
        code, out = run_plain(["node", os.path.join(BENCH, "pg_parse.cjs"), NODE_PREFIX, "/dev/stdin"],
                              timeout=120, input_text="SELECT 1;")
        if code != 0:
            reason = f"probe failed: {first_line(out)}"
    anchors["libpg-query"] = {"available": bool(v) and reason is None, "version": v, "node": node_v,
                              "reason": reason or (None if v else "not installed")}

    v = npm_package_version("@pgkit/migra")
    migra = os.path.join(NODE_PREFIX, "node_modules", ".bin", "migra")
    reason = None if v and os.path.exists(migra) else (npm.get("@pgkit/migra") or "not installed")
    anchors["migra"] = {"available": reason is None, "version": v, "package": "@pgkit/migra", "node": node_v,
                        "reason": reason, "path": migra}

    v = npm_package_version("kysely-codegen")
    kc = os.path.join(NODE_PREFIX, "node_modules", ".bin", "kysely-codegen")
    reason = None if v and os.path.exists(kc) else (npm.get("kysely-codegen") or "not installed")
    anchors["kysely-codegen"] = {"available": reason is None, "version": v, "package": "kysely-codegen", "node": node_v,
                                 "reason": reason, "path": kc}

    sq = squawk_binary()
    v = None
    reason = npm.get("squawk-cli")
    if sq:
        code, out = run_plain([sq, "--version"], timeout=60)
        if code == 0:
            v = first_line(out).replace("squawk ", "")
            reason = None
        else:
            reason = f"squawk --version failed: {first_line(out)}"
    else:
        reason = reason or "squawk binary not found after install"
    anchors["squawk"] = {"available": bool(sq) and reason is None, "version": v, "package": "squawk-cli",
                         "reason": reason, "path": sq,
                         "native": bool(sq) and "@squawk-cli" in (sq or "")}

    ap = shutil.which("apgdiff")
    v = None
    if ap:
        code, out = run_plain(["dpkg-query", "-W", "-f", "${Version}", "apgdiff"], timeout=30)
        v = out.strip() if code == 0 else None
    java = version_of(["java", "-version"], r'version "([^"]+)"') if shutil.which("java") else None
    reason = apt.get("apgdiff") if not ap else (None if java else "java not found")
    anchors["apgdiff"] = {"available": bool(ap) and reason is None, "version": v, "java": java,
                          "reason": reason or (None if ap else "not installed")}
    return anchors


def dotnet_builds_running() -> list[str]:
    code, out = run_plain(["pgrep", "-af", r"dotnet.*(build|test|publish|vstest)"], timeout=30)
    if code is None:
        return []
    me = str(os.getpid())
    return [l for l in out.splitlines() if l.strip() and not l.startswith(me + " ")]


def build_schemafirst(args) -> dict:
    """dotnet publish of the CLI into bench/.work/bin (waits while another dotnet build runs)."""
    if args.sf:
        path = os.path.abspath(args.sf)
        return {"available": os.access(path, os.X_OK), "path": path, "built": False,
                "reason": None if os.access(path, os.X_OK) else f"{args.sf} is not executable"}
    exe = os.path.join(SF_BIN_DIR, "schemafirst")
    if args.no_build:
        ok = os.access(exe, os.X_OK)
        return {"available": ok, "path": exe, "built": False,
                "reason": None if ok else "--no-build given and bench/.work/bin/schemafirst is missing"}
    if shutil.which("dotnet") is None:
        return {"available": False, "path": exe, "built": False, "reason": "dotnet not on PATH"}
    waited = 0
    while True:
        busy = dotnet_builds_running()
        if not busy:
            break
        if waited >= args.build_wait:
            return {"available": False, "path": exe, "built": False,
                    "reason": f"another dotnet build was still running after {waited} s: {busy[0][:120]}"}
        if waited % 60 == 0:
            log(f"waiting for another dotnet build to finish: {busy[0][:100]}")
        time.sleep(10)
        waited += 10
    log("dotnet publish src/SchemaFirst.Cli -c Release")
    os.makedirs(WORK, exist_ok=True)
    t0 = time.perf_counter()
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    code, out = run_plain(["dotnet", "publish", os.path.join(ROOT, "src", "SchemaFirst.Cli"), "-c", "Release",
                           "-o", SF_BIN_DIR, "--disable-build-servers", "-nodeReuse:false"],
                          timeout=args.build_timeout, cwd=ROOT, env=env)
    build_s = round(time.perf_counter() - t0, 1)
    with open(os.path.join(WORK, "publish.log"), "w") as f:
        f.write(out)
    if code != 0 or not os.access(exe, os.X_OK):
        errors = [l.strip() for l in out.splitlines() if ": error " in l]
        why = errors[0] if errors else tail(out, 3)
        return {"available": False, "path": exe, "built": False, "build_s": build_s,
                "reason": f"dotnet publish failed (exit {code}): {why[:300]}"}
    return {"available": True, "path": exe, "built": True, "build_s": build_s, "reason": None}


# ---- PostgreSQL ----------------------------------------------------------------------------

class Postgres:
    def __init__(self, url: str | None):
        self.url = url
        self.owned = False
        self.dir = os.path.join(WORK, "pg")

    def start(self) -> None:
        if self.url:
            return
        code, out = run_plain(["bash", os.path.join(ROOT, "scripts", "pg.sh"), "start", self.dir], timeout=600)
        m = re.search(r"SCHEMAFIRST_PG_URL=(\S+)", out)
        if code != 0 or not m:
            raise RuntimeError(f"scripts/pg.sh start failed: {tail(out)}")
        self.url, self.owned = m.group(1), True

    def stop(self) -> None:
        if self.owned:
            run_plain(["bash", os.path.join(ROOT, "scripts", "pg.sh"), "stop", self.dir], timeout=120)

    def db_url(self, name: str) -> str:
        base = self.url.split("?")[0].rsplit("/", 1)[0]
        return f"{base}/{name}"

    def psql(self, url, *args, timeout=3600):
        return run_plain(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, *args], timeout=timeout)

    def version(self) -> str | None:
        code, out = self.psql(self.url, "-At", "-c", "SHOW server_version")
        return out.strip() if code == 0 else None

    def recreate(self, name: str) -> tuple[int | None, str]:
        code, out = self.psql(self.url, "-c", f'DROP DATABASE IF EXISTS "{name}"')
        if code != 0:
            return code, out
        return self.psql(self.url, "-c", f'CREATE DATABASE "{name}"')


# ---- measuring --------------------------------------------------------------------------

def fill(template: list[str], ctx: dict) -> list[str]:
    return [part.format(**ctx) for part in template]


def measure(b: Bench, ctx: dict, runs: int, args, sf_env: dict) -> dict:
    """Runs one command `runs` times and summarises; statuses: ok, failed, timeout, not_available."""
    scratch = ctx["scratch"]
    os.makedirs(scratch, exist_ok=True)
    argv = fill(b.argv, ctx)
    env = sf_env if b.tool == "schemafirst" else None
    res = {"label": b.label, "tool": b.tool, "argv": b.argv, "runs": [], "status": "ok", "reason": None}
    slow_cut = False
    for i in range(runs):
        if b.setup:
            code, out = run_plain(fill(b.setup, ctx), timeout=args.timeout)
            if code != 0:
                res["status"], res["reason"] = "failed", f"setup failed: {first_line(out)}"
                break
        out_path, err_path = os.path.join(scratch, "stdout"), os.path.join(scratch, "stderr")
        r = run_measured(argv, args.timeout, out_path, err_path, env=env, cwd=ROOT)
        try:
            r["out_bytes"] = os.path.getsize(out_path)
        except OSError:
            r["out_bytes"] = None
        res["runs"].append(r)
        text = ""
        for pth in (err_path, out_path):
            try:
                with open(pth, "rb") as f:
                    text += f.read(20000).decode("utf-8", "replace") + "\n"
            except OSError:
                pass
        if r.get("error"):
            res["status"], res["reason"] = "failed", r["error"]
            break
        if r["timed_out"]:
            res["status"], res["reason"] = "timeout", f"killed after {args.timeout} s"
            break
        if r["exit"] not in b.ok:
            if b.tool == "schemafirst" and verb_missing(b, r["exit"], text):
                hint = [l for l in text.splitlines() if re.search(r"unrecogni[sz]ed|unknown", l, re.I)]
                res["status"], res["reason"] = "not_available", first_line(hint[0] if hint else text)
            else:
                res["status"], res["reason"] = "failed", f"exit {r['exit']}: {first_line(text)}"
            break
        if r["wall_s"] > args.slow and i + 1 < runs:
            slow_cut = True
            break
    if slow_cut:
        res["note"] = f"one run only: the first took more than {args.slow:g} s"
    summarise(res)
    if b.tool == "schemafirst" and res["status"] == "ok" and b.group != "startup":
        if b.setup:
            run_plain(fill(b.setup, ctx), timeout=args.timeout)
        res["breakdown"] = phase_breakdown(argv, args.timeout, scratch, env)
    return res


def phase_breakdown(argv: list[str], timeout: float, scratch: str, env) -> list:
    """One extra, untimed run with SCHEMAFIRST_TIMINGS=1: the CLI prints 'timing: PHASE: N ms' lines to stderr,
    which say where its time goes (the rest of the wall time is process start-up and exit)."""
    env2 = dict(env or os.environ)
    env2["SCHEMAFIRST_TIMINGS"] = "1"
    err_path = os.path.join(scratch, "timings")
    try:
        with open(os.devnull, "wb") as out, open(err_path, "wb") as err:
            subprocess.run(argv, stdout=out, stderr=err, env=env2, cwd=ROOT, timeout=timeout, check=False)
        with open(err_path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except (OSError, subprocess.TimeoutExpired):
        return []
    phases = []
    for line in lines:
        m = re.match(r"timing: (.+?): (\d+) ms", line)
        if m:
            phases.append([m.group(1), int(m.group(2))])
    return phases


def verb_missing(b: Bench, code, text: str) -> bool:
    """True when the CLI says it has no such verb: a usage error (exit 3) saying unknown / not /
    unrecognized and naming the verb. A usage error about anything else (say an option the verb
    does not take) is a failure, so that a wrong command line in SF_BENCHES shows."""
    if code != 3 or not NOT_AVAILABLE_RE.search(text):
        return False
    words = []
    for part in b.argv[1:]:
        if part.startswith("{") or part.startswith("-"):
            break
        words.append(part)
    return any(re.search(r"(^|[\s'\"`])" + re.escape(w) + r"($|[\s'\"`.,:])", text) for w in words)


def summarise(res: dict) -> None:
    runs = [r for r in res["runs"] if r.get("exit") is not None and not r.get("timed_out")]
    if res["status"] in ("ok", "failed") and runs:
        w = [r["wall_s"] for r in runs]
        res["median_s"], res["min_s"], res["max_s"] = statistics.median(w), min(w), max(w)
        res["peak_rss_kib"] = max(r["maxrss_kib"] for r in runs)
        res["cpu_median_s"] = statistics.median(r["cpu_s"] for r in runs)
        res["out_bytes"] = runs[-1].get("out_bytes")


def unavailable(b: Bench, reason: str, status="unavailable") -> dict:
    return {"label": b.label, "tool": b.tool, "argv": b.argv, "runs": [], "status": status, "reason": reason}


def warm_up(argv: list[str], env=None) -> None:
    """One untimed run so that the first measured start-up does not pay for a cold disk cache."""
    run_plain(argv, timeout=120, cwd=ROOT, env=env)


# ---- analysis ----------------------------------------------------------------------------

def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    if den == 0:
        return None
    return round(sum((p[0] - mx) * (p[1] - my) for p in pts) / den, 3)


def analyse(data: dict) -> None:
    """Adds ratios, growth and targets to the result document."""
    sizes = sorted(int(n) for n in data["sizes"])
    ratios = {}
    for n in sizes:
        r = data["sizes"][str(n)]["results"]
        for sf, anchor, goal in RATIOS:
            a, b = r.get(sf, {}), r.get(anchor, {})
            if a.get("status") == "ok" and b.get("status") == "ok" and b.get("median_s"):
                ratios.setdefault(str(n), {})[sf] = {
                    "anchor": anchor, "time_ratio": round(a["median_s"] / b["median_s"], 4),
                    "rss_ratio": round(a["peak_rss_kib"] / b["peak_rss_kib"], 4) if b.get("peak_rss_kib") else None}
    data["ratios"] = ratios

    growth = {}
    keys = []
    for n in sizes:
        for k in data["sizes"][str(n)]["results"]:
            if k not in keys:
                keys.append(k)
    for k in keys:
        tp, mp = [], []
        for n in sizes:
            res = data["sizes"][str(n)]["results"].get(k, {})
            if res.get("status") == "ok":
                tp.append((n, res["median_s"]))
                mp.append((n, res["peak_rss_kib"]))
        growth[k] = {"time_exponent": fit_exponent(tp), "memory_exponent": fit_exponent(mp),
                     "last_step_time_exponent": fit_exponent(tp[-2:]) if len(tp) >= 2 else None,
                     "points": len(tp)}
    data["growth"] = growth

    targets = []

    def at_or_below(target_n):
        below = [n for n in sizes if n <= target_n]
        return below[-1] if below else None

    for sf, anchor, goal in RATIOS:
        if goal is None:
            continue
        n = at_or_below(RATIO_TARGET_N)
        t = {"key": f"{sf}/{anchor}", "what": f"{sf.split('.', 1)[1]} time vs {anchor}",
             "goal": f"<= {goal:g}x", "target_n": RATIO_TARGET_N, "measured_n": n}
        res = data["sizes"].get(str(n), {}).get("results", {}) if n else {}
        a, b = res.get(sf, {}), res.get(anchor, {})
        if n is None:
            t.update(status="not measured", detail="no size at or below the target size")
        elif a.get("status") != "ok":
            t.update(status="not measured", detail=f"SchemaFirst {sf}: {status_text(a)}")
        elif b.get("status") != "ok":
            t.update(status="not measured", detail=f"anchor {anchor}: {status_text(b)}")
        else:
            ratio = a["median_s"] / b["median_s"]
            met = ratio <= goal
            t.update(status="met" if met else "missed", value=round(ratio, 4),
                     detail=f"{fmt_ratio(ratio)} ({fmt_s(a['median_s'])} vs {fmt_s(b['median_s'])}); "
                            + (f"{goal / ratio:.2f}x better than the goal" if met else
                               f"{ratio / goal:.2f}x over the goal"))
        targets.append(t)

    # absolute time goals (no anchor does the same job): the docs site at 5,000 tables
    for key, goal_s in ABSOLUTE_GOALS:
        n = at_or_below(RATIO_TARGET_N)
        t = {"key": f"{key}/time", "what": f"{key.split('.', 1)[1]} time", "goal": f"<= {goal_s:g} s",
             "target_n": RATIO_TARGET_N, "measured_n": n}
        a = data["sizes"].get(str(n), {}).get("results", {}).get(key, {}) if n else {}
        if n is None:
            t.update(status="not measured", detail="no size at or below the target size")
        elif a.get("status") != "ok":
            t.update(status="not measured", detail=f"SchemaFirst {key}: {status_text(a)}")
        else:
            met = a["median_s"] <= goal_s
            t.update(status="met" if met else "missed", value=a["median_s"],
                     detail=f"{fmt_s(a['median_s'])}; " + (f"{goal_s / a['median_s']:.2f}x under the goal" if met else f"{a['median_s'] / goal_s:.2f}x over the goal"))
        targets.append(t)

    # memory of every SchemaFirst command at the largest size up to 10,000
    n = at_or_below(MEMORY_TARGET_N)
    t = {"key": "memory", "what": "peak RSS of any SchemaFirst command", "goal": "< 1 GiB",
         "target_n": MEMORY_TARGET_N, "measured_n": n}
    res = data["sizes"].get(str(n), {}).get("results", {}) if n else {}
    sf_ok = [(k, r) for k, r in res.items() if k.startswith("sf.") and r.get("status") in ("ok", "failed")
             and r.get("peak_rss_kib")]
    if not sf_ok:
        t.update(status="not measured", detail="no SchemaFirst command measured")
    else:
        k, worst = max(sf_ok, key=lambda kr: kr[1]["peak_rss_kib"])
        kib = worst["peak_rss_kib"]
        met = kib < MEMORY_GOAL_KIB
        t.update(status="met" if met else "missed", value=kib,
                 detail=f"{fmt_mem(kib)} ({k})" + (f"; {fmt_mem(MEMORY_GOAL_KIB - kib)} under the goal" if met
                                                   else f"; {fmt_mem(kib - MEMORY_GOAL_KIB)} over the goal"))
    targets.append(t)

    for k in ("sf.version", "sf.validate_examples"):
        r = data.get("startup", {}).get(k, {})
        t = {"key": f"startup:{k}", "what": f"start-up: schemafirst {r.get('label', k)}", "goal": "< 100 ms",
             "target_n": None, "measured_n": None}
        if r.get("status") != "ok":
            t.update(status="not measured", detail=status_text(r) if r else "not run")
        else:
            s = r["median_s"]
            met = s < STARTUP_GOAL_S
            t.update(status="met" if met else "missed", value=s,
                     detail=f"{fmt_s(s)} median; " + (f"{(STARTUP_GOAL_S - s) * 1000:.0f} ms under the goal" if met
                                                       else f"{(s - STARTUP_GOAL_S) * 1000:.0f} ms over the goal"))
        targets.append(t)
    data["targets"] = targets


# ---- formatting ----------------------------------------------------------------------------

def fmt_s(s) -> str:
    if s is None:
        return "–"
    if s < 1:
        return f"{s * 1000:.0f} ms" if s >= 0.0995 else f"{s * 1000:.1f} ms"
    return f"{s:.2f} s" if s < 100 else f"{s:.0f} s"


def fmt_mem(kib) -> str:
    if kib is None:
        return "–"
    if kib >= 1024 * 1024:
        return f"{kib / 1024 / 1024:.2f} GiB"
    return f"{kib / 1024:.0f} MiB"


def fmt_ratio(r) -> str:
    return "–" if r is None else f"{r:.2f}x"


def status_text(r: dict) -> str:
    st = r.get("status")
    if st == "ok":
        return "ok"
    if st == "not_available":
        return "not yet available"
    if st == "skipped":
        return f"skipped: {r.get('reason')}"
    if st == "unavailable":
        return f"unavailable: {r.get('reason')}"
    if st == "timeout":
        return f"timed out ({r.get('reason')})"
    return f"failed: {r.get('reason')}"


def md_escape(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def render_mode(data: dict) -> list[str]:
    m = data["machine"]
    L = []
    mode = data["mode"]
    title = {"full": "Full run (`python3 bench/run.py`)", "quick": "Quick run (`python3 bench/run.py --quick`)"}
    L.append(f"## {title.get(mode, f'Run {mode!r}')}")
    L.append("")
    L.append(f"- Run on {data['started_at']} UTC, took {data['duration_s'] / 60:.1f} min; "
             f"sizes N = {', '.join(f'{int(n):,}' for n in data['settings']['sizes'])}; "
             f"{data['settings']['runs']} run(s) per figure ({data['settings']['startup_runs']} for start-up), "
             f"per-run timeout {data['settings']['timeout']} s; generator seed {data['settings']['seed']}.")
    L.append(f"- Machine: {m.get('cores')} cores ({m.get('cpu', 'unknown CPU')}), "
             f"{fmt_mem(m.get('memory_kib'))} memory, {m.get('os')}; load average at start "
             f"{' / '.join(str(x) for x in m.get('load_average_at_start', [])) or '–'} (1/5/15 min); PostgreSQL server "
             f"{data.get('postgres', {}).get('server_version') or 'unknown'} on 127.0.0.1 (fsync off).")
    sf = data["schemafirst"]
    sfv = sf.get("version") or "–"
    L.append(f"- SchemaFirst: {'`' + sfv + '`' if sf.get('available') else 'not measured: ' + md_escape(sf.get('reason'))}"
             f"{' (commit ' + data['commit'] + ')' if data.get('commit') else ''}.")
    launcher = {"gnu-time": "GNU time", "python": "bench/spawn_rss.py"}.get(
        data["settings"].get("rss_launcher"), "a launcher")
    L.append("- Wall time is measured around each child process (median, min, max over the runs); peak RSS is the "
             f"largest `ru_maxrss` of the runs, read with wait4 by {launcher}, which starts the command "
             "(for Node tools that is Node's; for pg_dump, migra and inspect the server's memory is not counted). "
             "CPU is user + system time of the command, median.")
    L.append("")
    L.append("### Tools")
    L.append("")
    L.append("| tool | version | status |")
    L.append("|---|---|---|")
    L.append(f"| schemafirst | {md_escape(sfv)} | {'ok' if sf.get('available') else md_escape(sf.get('reason'))} |")
    for name, a in data["anchors"].items():
        extra = []
        if a.get("node"):
            extra.append(f"Node {a['node']}")
        if a.get("java"):
            extra.append(f"Java {a['java']}")
        if name == "squawk" and a.get("available"):
            extra.append("native binary from the npm package" if a.get("native") else "via the npm wrapper")
        ver = (a.get("version") or "–") + (f" ({', '.join(extra)})" if extra else "")
        L.append(f"| {name} | {md_escape(ver)} | {'ok' if a.get('available') else md_escape('unavailable: ' + str(a.get('reason')))} |")
    L.append("")

    L.append("### Targets")
    L.append("")
    L.append(f"Ratios are SchemaFirst's median time over its anchor's, in the same run, at N = {RATIO_TARGET_N:,}; "
             f"memory at N = {MEMORY_TARGET_N:,}. Goals, not tests.")
    L.append("")
    L.append("| target | goal | measured at | result | detail |")
    L.append("|---|---|---|---|---|")
    for t in data.get("targets", []):
        at = "–"
        if t.get("measured_n"):
            at = f"N = {t['measured_n']:,}"
            if t.get("target_n") and t["measured_n"] != t["target_n"]:
                at += f" (goal is for {t['target_n']:,})"
        mark = {"met": "**met**", "missed": "**missed**"}.get(t["status"], t["status"])
        L.append(f"| {md_escape(t['what'])} | {md_escape(t['goal'])} | {at} | {mark} | {md_escape(t.get('detail', ''))} |")
    L.append("")

    L.append("### Schemas")
    L.append("")
    L.append("| N | tables A/B | columns | indexes | FKs | checks | enums | views | A.sql | changes A→B | gen | load A | load B |")
    L.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sorted(data["sizes"], key=int):
        s = data["sizes"][n]
        sa, sb, setup = s.get("schema", {}).get("a", {}), s.get("schema", {}).get("b", {}), s.get("setup", {})
        L.append(f"| {int(n):,} | {sa.get('tables', '–')}/{sb.get('tables', '–')} | {sa.get('columns', '–')} | "
                 f"{sa.get('indexes', '–')} | {sa.get('foreign_keys', '–')} | {sa.get('check_constraints', '–')} | "
                 f"{sa.get('enums', '–')} | {sa.get('views', '–')} | "
                 f"{(sa.get('bytes') or 0) / 1e6:.1f} MB | {s.get('schema', {}).get('changes', '–')} | "
                 f"{fmt_s(setup.get('generate_s'))} | {fmt_s(setup.get('load_a_s'))} | {fmt_s(setup.get('load_b_s'))} |")
        if setup.get("errors"):
            for e in setup["errors"]:
                L.append(f"|  | setup error: {md_escape(e)} |||||||||||")
    L.append("")

    ratio_of = {sf: anchor for sf, anchor, _ in RATIOS}
    for n in sorted(data["sizes"], key=int):
        L.append(f"### N = {int(n):,} tables")
        L.append("")
        L.append("| command | median | min | max | peak RSS | CPU | runs | vs anchor | status |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        res = data["sizes"][n]["results"]
        for k, r in res.items():
            ratio = data.get("ratios", {}).get(n, {}).get(k)
            rtxt = (f"{fmt_ratio(ratio['time_ratio'])} of {ratio_of[k]} (RSS {fmt_ratio(ratio['rss_ratio'])})"
                    if ratio else "–")
            L.append(row(k, r, rtxt))
        L.append("")
        parts = [(k, r["breakdown"]) for k, r in res.items() if r.get("breakdown")]
        if parts:
            L.append("Where SchemaFirst's time goes (one extra run with `SCHEMAFIRST_TIMINGS=1`; the rest of the wall time is process start-up and exit):")
            L.append("")
            for k, phases in parts:
                L.append(f"- `{k}`: " + ", ".join(f"{name} {ms:,} ms" for name, ms in phases))
            L.append("")

    if data.get("startup"):
        L.append("### Start-up")
        L.append("")
        L.append("| command | median | min | max | peak RSS | CPU | runs | vs anchor | status |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for k, r in data["startup"].items():
            L.append(row(k, r, "–"))
        L.append("")

    L.append("### Growth")
    L.append("")
    L.append("Median time and peak RSS against N. The exponent is the least-squares slope of log(time) "
             "(or log(RSS)) against log(N) over all sizes; ~1 is linear, above 1 super-linear. "
             "\"last step\" is the slope between the two largest sizes, where start-up weighs least. "
             "Fixed costs (process start-up, a runtime's baseline memory) pull exponents below 1 at small N.")
    L.append("")
    sizes = sorted(data["sizes"], key=int)
    head = "| command | " + " | ".join(f"N={int(n):,}" for n in sizes) + " | time exp. | last step | RSS exp. |"
    L.append(head)
    L.append("|---|" + "---|" * len(sizes) + "---|---|---|")
    for k, g in data.get("growth", {}).items():
        cells = []
        for n in sizes:
            r = data["sizes"][n]["results"].get(k, {})
            cells.append(f"{fmt_s(r['median_s'])} / {fmt_mem(r['peak_rss_kib'])}" if r.get("status") == "ok" else "–")
        if all(c == "–" for c in cells):
            continue
        def ex(v):
            if v is None:
                return "–"
            return f"**{v:.2f} super-linear**" if v > SUPERLINEAR else f"{v:.2f}"
        L.append(f"| {k} | " + " | ".join(cells) + f" | {ex(g['time_exponent'])} | "
                 f"{ex(g['last_step_time_exponent'])} | {ex(g['memory_exponent'])} |")
    L.append("")

    if data.get("ratios"):
        L.append("### Ratios to the anchors")
        L.append("")
        L.append("SchemaFirst's median time (and peak RSS) over its anchor's at each N, same run.")
        L.append("")
        L.append("| SchemaFirst | anchor | " + " | ".join(f"N={int(n):,}" for n in sizes) + " | goal |")
        L.append("|---|---|" + "---|" * len(sizes) + "---|")
        for sf_key, anchor, goal in RATIOS:
            cells = []
            for n in sizes:
                r = data["ratios"].get(n, {}).get(sf_key)
                cells.append(f"{fmt_ratio(r['time_ratio'])} (RSS {fmt_ratio(r['rss_ratio'])})" if r else "–")
            goal_txt = f"<= {goal:g}x at N={RATIO_TARGET_N:,}" if goal else "–"
            L.append(f"| {sf_key} | {anchor} | " + " | ".join(cells) + f" | {goal_txt} |")
        L.append("")
    return L


def row(k: str, r: dict, rtxt: str) -> str:
    label = f"{k}: {r.get('label', '')}"
    st = status_text(r)
    if r.get("note"):
        st += f" ({r['note']})"
    if r.get("status") in ("ok", "failed") and r.get("median_s") is not None:
        return (f"| {md_escape(label)} | {fmt_s(r['median_s'])} | {fmt_s(r['min_s'])} | {fmt_s(r['max_s'])} | "
                f"{fmt_mem(r['peak_rss_kib'])} | {fmt_s(r['cpu_median_s'])} | {len(r['runs'])} | {rtxt} | {md_escape(st)} |")
    return f"| {md_escape(label)} | – | – | – | – | – | – | – | {md_escape(st)} |"


def render_markdown() -> str:
    L = ["# SchemaFirst benchmarks", "",
         "Written by `bench/run.py` from `bench/results/results-*.json`; do not edit by hand "
         "(re-render with `python3 bench/run.py --report-only`). See `bench/README.md` for what is measured and how.",
         "Benchmarks are not tests: nothing asserts a time.", ""]
    found = False
    names = sorted(os.path.basename(f)[len("results-"):-len(".json")]
                   for f in glob.glob(os.path.join(RESULTS, "results-*.json")))
    order = [m for m in ("full", "quick") if m in names] + [m for m in names if m not in ("full", "quick")]
    for mode in order:
        path = os.path.join(RESULTS, f"results-{mode}.json")
        if os.path.exists(path):
            with open(path) as f:
                data = json.load(f)
            if "mode" not in data:
                continue  # another script's results (bench/fleet.py): rendered by that script
            L += render_mode(data)
            found = True
    if not found:
        L.append("No results yet: run `python3 bench/run.py --quick`.")
    return "\n".join(L).rstrip() + "\n"


def repo_relative(value):
    """Paths inside the repository as relative ones, so results files do not depend on the checkout."""
    if isinstance(value, dict):
        return {k: repo_relative(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repo_relative(v) for v in value]
    if isinstance(value, str) and value.startswith(ROOT + os.sep):
        return os.path.relpath(value, ROOT)
    return value


def write_report(data: dict | None) -> None:
    os.makedirs(RESULTS, exist_ok=True)
    if data is not None:
        path = os.path.join(RESULTS, f"results-{data['mode']}.json")
        with open(path + ".tmp", "w") as f:
            json.dump(repo_relative(data), f, indent=1)
            f.write("\n")
        os.replace(path + ".tmp", path)
    os.makedirs(os.path.dirname(DOCS_MD), exist_ok=True)
    with open(DOCS_MD, "w") as f:
        f.write(render_markdown())


# ---- the run -----------------------------------------------------------------------------

def git_commit() -> str | None:
    code, out = run_plain(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], timeout=30)
    if code != 0:
        return None
    dirty_code, dirty = run_plain(["git", "-C", ROOT, "status", "--porcelain", "--", "src"], timeout=30)
    return out.strip() + ("+dirty" if dirty_code == 0 and dirty.strip() else "")


def prepare_size(n: int, pg: Postgres | None, args, data_n: dict) -> dict:
    """Generates, loads and dumps the schemas for one N; returns the template context."""
    d = os.path.join(WORK, f"n{n}")
    setup = data_n["setup"] = {"errors": []}
    t0 = time.perf_counter()
    truth = gen_schema.generate(n, d, seed=args.seed)
    setup["generate_s"] = round(time.perf_counter() - t0, 3)
    data_n["schema"] = {"a": truth["a"], "b": truth["b"], "changes": len(truth["changes"]),
                        "changes_by_kind": truth["changes_by_kind"]}
    ctx = {"a_sql": os.path.join(d, "a.sql"), "b_sql": os.path.join(d, "b.sql"), "dir": d,
           "db": False, "dumps": False, "app": os.path.join(d, "app")}
    shutil.rmtree(ctx["app"], ignore_errors=True)
    data_n["app"] = gen_app.generate(ctx["a_sql"], ctx["app"])
    if pg is None:
        setup["errors"].append("no PostgreSQL server: database commands skipped")
        return ctx
    for label in ("a", "b"):
        name = f"bench_{label}_{n}"
        url = pg.db_url(name)
        code, out = pg.recreate(name)
        if code != 0:
            setup["errors"].append(f"create database {name}: {tail(out, 2)}")
            return ctx
        log(f"N={n}: loading {label}.sql into {name}")
        t0 = time.perf_counter()
        code, out = pg.psql(url, "-o", "/dev/null", "-f", ctx[f"{label}_sql"], timeout=args.timeout * 2)
        setup[f"load_{label}_s"] = round(time.perf_counter() - t0, 3)
        if code != 0:
            setup["errors"].append(f"loading {label}.sql failed: {tail(out, 2)}")
            return ctx
        ctx[f"url_{label}"] = url
    ctx["db"] = True
    ctx["url_admin"], ctx["a_db"], ctx["apply_db"] = pg.url, f"bench_a_{n}", f"bench_apply_{n}"
    ctx["url_apply"] = pg.db_url(ctx["apply_db"])
    # Dump files for apgdiff. pg_dump 15.14+ writes psql \restrict lines, which apgdiff (2012)
    # cannot read; they are meta-commands, not schema, so they are dropped.
    for label in ("a", "b"):
        raw = os.path.join(d, f"dump_{label}.raw.sql")
        code, out = run_plain(["pg_dump", "--schema-only", "-d", ctx[f"url_{label}"], "-f", raw],
                              timeout=args.timeout)
        if code != 0:
            setup["errors"].append(f"pg_dump of {label} failed: {tail(out, 2)}")
            return ctx
        dst = os.path.join(d, f"dump_{label}.sql")
        with open(raw) as fi, open(dst, "w") as fo:
            for line in fi:
                if not re.match(r"\\(un)?restrict\b", line):
                    fo.write(line)
        ctx[f"dump_{label}"] = dst
    ctx["dumps"] = True
    return ctx


def prepare_mysql(n: int, ctx: dict, args, data_n: dict, sf_path: str | None, env) -> None:
    """Writes A as MySQL DDL with SchemaFirst (untimed) and loads it into a MariaDB database for the MySQL figures."""
    url = args.mysql_url or os.environ.get("SCHEMAFIRST_MYSQL_URL")
    client = shutil.which("mariadb") or shutil.which("mysql")
    if not url or not client or not sf_path:
        data_n.setdefault("setup", {}).setdefault("errors", []).append("no MariaDB (--mysql-url or SCHEMAFIRST_MYSQL_URL): MySQL figures skipped")
        return
    from urllib.parse import urlparse
    u = urlparse(url)
    host, port, user = u.hostname or "127.0.0.1", str(u.port or 3306), u.username or "root"
    db = f"bench_my_{n}"
    my_sql = os.path.join(ctx["dir"], "a.mysql.sql")
    code, out = run_plain([sf_path, "generate", "sql", ctx["a_sql"], "--dialect", "mysql", "-o", my_sql], timeout=args.timeout, env=env)
    if code != 0:
        data_n["setup"]["errors"].append(f"generate sql --dialect mysql failed: {tail(out, 2)}")
        return
    base = [client, "--no-defaults", "-h", host, "-P", port, "-u", user]
    code, out = run_plain(base + ["-e", f"DROP DATABASE IF EXISTS {db}; CREATE DATABASE {db}"], timeout=120)
    if code != 0:
        data_n["setup"]["errors"].append(f"create MariaDB database {db}: {tail(out, 2)}")
        return
    log(f"N={n}: loading a.mysql.sql into MariaDB {db}")
    t0 = time.perf_counter()
    with open(my_sql) as f:
        code, out = run_plain(base + [db], timeout=args.timeout * 4, input_text=f.read())
    data_n["setup"]["load_mysql_s"] = round(time.perf_counter() - t0, 3)
    if code != 0:
        data_n["setup"]["errors"].append(f"loading a.mysql.sql failed: {tail(out, 2)}")
        return
    ctx.update({"mysql": True, "my_sql": my_sql, "url_my": f"mysql://{user}@{host}:{port}/{db}", "my_host": host,
                "my_port": port, "my_user": user, "my_db": db})


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="SchemaFirst benchmark harness (see bench/README.md).")
    p.add_argument("--quick", action="store_true", help="N = 100 and 1,000, one run per figure")
    p.add_argument("--sizes", help="comma-separated table counts, overriding the mode's")
    p.add_argument("--runs", type=int, help="runs per figure, overriding the mode's")
    p.add_argument("--timeout", type=int, help="seconds before one run is killed")
    p.add_argument("--slow", type=float, default=120.0,
                   help="after a first run longer than this many seconds, do no more runs of it at that N")
    p.add_argument("--seed", type=int, default=gen_schema.DEFAULT_SEED)
    p.add_argument("--only", help="comma-separated figure keys to run (e.g. sf.validate,libpg_query)")
    p.add_argument("--no-anchors", action="store_true", help="measure SchemaFirst only")
    p.add_argument("--no-install", action="store_true", help="do not install anchors, use what is there")
    p.add_argument("--install-timeout", type=int, default=900)
    p.add_argument("--no-build", action="store_true", help="use bench/.work/bin/schemafirst as it is")
    p.add_argument("--sf", help="path of a schemafirst executable to measure instead of building one")
    p.add_argument("--build-timeout", type=int, default=1200)
    p.add_argument("--build-wait", type=int, default=1800,
                   help="seconds to wait for another running dotnet build before giving up on SchemaFirst")
    p.add_argument("--pg-url", help="use this PostgreSQL server instead of starting one with scripts/pg.sh")
    p.add_argument("--mysql-url", help="a MariaDB/MySQL server for the MySQL figures (default: SCHEMAFIRST_MYSQL_URL; none: skipped)")
    p.add_argument("--mode-name", help="name of the results file (results-NAME.json); default quick or full")
    p.add_argument("--report-only", action="store_true", help="only re-render docs/benchmarks.md")
    args = p.parse_args(argv)

    if args.report_only:
        write_report(None)
        log(f"wrote {os.path.relpath(DOCS_MD, ROOT)}")
        return 0

    mode = "quick" if args.quick else "full"
    cfg = dict(MODES[mode])
    if args.sizes:
        cfg["sizes"] = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    if args.runs:
        cfg["runs"] = args.runs
        cfg["startup_runs"] = max(args.runs, cfg["startup_runs"])
    if args.timeout is None:
        args.timeout = cfg["timeout"]
    only = set(args.only.split(",")) if args.only else None
    os.makedirs(WORK, exist_ok=True)

    started = time.time()
    data = {
        "format": RESULT_FORMAT, "mode": args.mode_name or mode,
        "started_at": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "settings": {"sizes": cfg["sizes"], "runs": cfg["runs"], "startup_runs": cfg["startup_runs"],
                     "timeout": args.timeout, "seed": args.seed, "generator_version": gen_schema.GENERATOR_VERSION,
                     "rss_launcher": rss_launcher()},
        "machine": machine_info(), "commit": git_commit(), "sizes": {}, "startup": {},
    }

    sf = build_schemafirst(args)
    sf_env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    if sf["available"]:
        code, out = run_plain([sf["path"], "--version"], timeout=60, env=sf_env)
        sf["version"] = first_line(out) if code == 0 else None
        if code != 0:
            sf["version_error"] = f"--version exit {code}: {first_line(out)}"
    else:
        log(f"SchemaFirst not measured: {sf['reason']}")
    data["schemafirst"] = sf

    if args.no_anchors:
        data["anchors"] = {}
    else:
        data["anchors"] = setup_anchors(args)
        for name, a in data["anchors"].items():
            log(f"anchor {name}: " + (f"{a.get('version')}" if a["available"] else f"unavailable ({a['reason']})"))

    pg = None
    try:
        pg = Postgres(args.pg_url)
        pg.start()
        data["postgres"] = {"server_version": pg.version(), "owned": pg.owned}
    except Exception as e:  # noqa: BLE001 - recorded, the file-only figures still run
        log(f"PostgreSQL unavailable: {e}")
        data["postgres"] = {"error": str(e)}
        pg = None

    anchor_paths = {
        "squawk": data["anchors"].get("squawk", {}).get("path") or "squawk",
        "migra": data["anchors"].get("migra", {}).get("path") or "migra",
        "kysely_codegen": data["anchors"].get("kysely-codegen", {}).get("path") or "kysely-codegen",
        "mysqldump": data["anchors"].get("mysqldump", {}).get("path") or "mariadb-dump",
    }
    base_ctx = {"sf": sf["path"], "bench": BENCH, "node_prefix": NODE_PREFIX,
                "examples": os.path.join(ROOT, "examples"), **anchor_paths}
    timed_out: dict = {}   # key -> N at which it timed out; larger N are skipped
    not_available: dict = {}

    def wanted(b):
        return only is None or b.key in only

    try:
        # start-up first: small commands, several runs even in quick mode
        if sf["available"]:
            warm_up([sf["path"], "--version"], env=sf_env)
        for b in STARTUP_BENCHES:
            if not wanted(b):
                continue
            ctx = dict(base_ctx, scratch=os.path.join(WORK, "scratch", "startup", b.key))
            if not sf["available"]:
                data["startup"][b.key] = unavailable(b, sf["reason"])
                continue
            log(f"start-up: {b.key}")
            data["startup"][b.key] = measure(b, ctx, cfg["startup_runs"], args, sf_env)
        write_report(data | {"duration_s": time.time() - started})

        for n in cfg["sizes"]:
            log(f"N={n}: generating schemas")
            data_n = data["sizes"][str(n)] = {"results": {}}
            try:
                ctx = prepare_size(n, pg, args, data_n)
            except Exception as e:  # noqa: BLE001 - recorded in the report
                log(f"N={n}: setup failed: {e}")
                data_n.setdefault("setup", {}).setdefault("errors", []).append(f"setup failed: {e}")
                continue
            ctx.update(base_ctx)
            if any(wanted(b) and "mysql" in b.needs for b in SF_BENCHES + ANCHOR_BENCHES):
                try:
                    prepare_mysql(n, ctx, args, data_n, sf["path"] if sf["available"] else None, sf_env)
                except Exception as e:  # noqa: BLE001 - recorded in the report
                    data_n.setdefault("setup", {}).setdefault("errors", []).append(f"MySQL setup failed: {e}")
            results = data_n["results"]
            benches = [b for b in SF_BENCHES if wanted(b)]
            if not args.no_anchors:
                benches += [b for b in ANCHOR_BENCHES if wanted(b)]
            if not args.no_anchors and shutil.which("node"):
                warm_up(["node", "-e", "0"])
            for b in benches:
                c = dict(ctx, scratch=os.path.join(WORK, "scratch", f"n{n}", b.key))
                if b.tool == "schemafirst" and not sf["available"]:
                    results[b.key] = unavailable(b, sf["reason"])
                    continue
                if b.tool != "schemafirst":
                    a = data["anchors"].get(b.tool, {})
                    if not a.get("available"):
                        results[b.key] = unavailable(b, a.get("reason") or "not installed")
                        continue
                missing = [need for need in b.needs if not ctx.get(need)]
                if missing:
                    results[b.key] = unavailable(b, f"needs {', '.join(missing)}, which setup could not provide",
                                                 status="skipped")
                    continue
                if b.key in timed_out:
                    results[b.key] = unavailable(b, f"timed out at N={timed_out[b.key]}", status="skipped")
                    continue
                if b.key in not_available:
                    results[b.key] = dict(not_available[b.key], runs=[])
                    continue
                log(f"N={n}: {b.key} ({cfg['runs']} run(s))")
                try:
                    r = measure(b, c, cfg["runs"], args, sf_env)
                except Exception as e:  # noqa: BLE001 - recorded in the report
                    r = unavailable(b, f"harness error: {e}", status="failed")
                results[b.key] = r
                if r["status"] == "timeout":
                    timed_out[b.key] = n
                elif r["status"] == "not_available":
                    not_available[b.key] = r
                if r.get("median_s") is not None:
                    log(f"N={n}: {b.key}: {fmt_s(r['median_s'])}, {fmt_mem(r.get('peak_rss_kib'))}"
                        + ("" if r["status"] == "ok" else f" [{status_text(r)}]"))
                else:
                    log(f"N={n}: {b.key}: {status_text(r)}")
            analyse(data)
            write_report(data | {"duration_s": time.time() - started})
    finally:
        if pg is not None:
            pg.stop()

    data["duration_s"] = round(time.time() - started, 1)
    analyse(data)
    write_report(data)
    log(f"done in {data['duration_s'] / 60:.1f} min: {os.path.relpath(os.path.join(RESULTS, 'results-' + data['mode'] + '.json'), ROOT)}"
        f" and {os.path.relpath(DOCS_MD, ROOT)}")
    for t in data.get("targets", []):
        log(f"target {t['what']}: {t['status']} {t.get('detail', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
