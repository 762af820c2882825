#!/usr/bin/env python3
"""Generates an application code base for the audit benchmark from a benchmark schema.

Reads the tables, columns and foreign keys of a.sql (bench/gen_schema.py's output) and writes
STATEMENTS SQL statements (SELECTs with joins, INSERTs of every required column, UPDATEs, DELETEs)
into files of eight languages, ten statements per file, about ten lines each: 10,000 statements
make about 100,000 lines. One statement in a hundred names a column the table does not have, so
the audit has findings to report. Deterministic for a given schema and seed.

    python3 bench/gen_app.py a.sql OUTDIR [STATEMENTS]
"""
import os
import random
import re
import sys

CREATE = re.compile(r"^CREATE TABLE (\S+) \($")
NOT_COLUMNS = ("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", ")")


def read_tables(path):
    tables, current = [], None
    with open(path) as f:
        for line in f:
            m = CREATE.match(line.rstrip())
            if m:
                current = {"name": m.group(1), "columns": [], "required": [], "fks": []}
                tables.append(current)
                continue
            if current is None:
                continue
            text = line.strip()
            if text.startswith(");"):
                current = None
                continue
            fk = re.search(r"FOREIGN KEY \((\w+)\) REFERENCES (\w+)", text) or re.search(r"^(\w+) .*REFERENCES (\w+)", text)
            if fk:
                current["fks"].append((fk.group(1), fk.group(2)))
            if not text or text.startswith(NOT_COLUMNS):
                continue
            name = text.split()[0]
            current["columns"].append(name)
            if "NOT NULL" in text and "DEFAULT" not in text and "GENERATED" not in text and "PRIMARY KEY" not in text:
                current["required"].append(name)
    return [t for t in tables if t["columns"]]


def statement(rng, t, by_name, planted):
    cols = t["columns"]
    kind = rng.randrange(5)
    pick = rng.sample(cols, min(len(cols), 4))
    if planted:
        pick[0] = pick[0] + "_x"
    if kind == 0 or kind == 1 and not t["fks"]:
        return [f"SELECT {', '.join(pick)}", f"FROM {t['name']}", f"WHERE {cols[0]} = $1",
                f"ORDER BY {cols[-1]} DESC", "LIMIT 50"]
    if kind == 1:
        fk, parent = rng.choice(t["fks"])
        p = by_name.get(parent)
        other = p["columns"][1] if p and len(p["columns"]) > 1 else "id"
        return [f"SELECT c.{pick[0]}, p.{other}", f"FROM {t['name']} c",
                f"JOIN {parent} p ON p.id = c.{fk}", f"WHERE c.{cols[0]} = $1", "LIMIT 100"]
    if kind == 2:
        req = t["required"] or [cols[-1]]
        if planted:
            req = [req[0] + "_x"] + req[1:]
        values = ", ".join(f"${i + 1}" for i in range(len(req)))
        return [f"INSERT INTO {t['name']} (", "    " + ", ".join(req), ")", f"VALUES ({values})", f"RETURNING {cols[0]}"]
    if kind == 3:
        target = rng.choice(cols[1:]) if len(cols) > 1 else cols[0]
        if planted:
            target = pick[0]
        return [f"UPDATE {t['name']}", f"SET {target} = $1", f"WHERE {cols[0]} = $2", f"RETURNING {pick[0]}"]
    return [f"DELETE FROM {t['name']}", f"WHERE {cols[0]} = $1", f"  AND {pick[0]} IS NOT NULL"]


COMMENT = {"py": "#", "rb": "#", "php": "//", "ts": "//", "go": "//", "java": "    //", "cs": "    //", "kt": "//"}


def wrap(lang, i, sql):
    body = "\n".join("        " + line for line in sql)
    note = f"{COMMENT[lang]} Query {i}: generated for the audit benchmark.\n{COMMENT[lang]} {sql[0].strip()}\n"
    return note + code(lang, i, body)


def code(lang, i, body):
    if lang == "py":
        return f"def query_{i}(conn, *args):\n    return conn.execute(\"\"\"\n{body}\n    \"\"\", args)\n"
    if lang == "ts":
        return f"export const query{i} = (db: Db) =>\n  db.query(sql`\n{body}\n  `);\n"
    if lang == "go":
        return f"func Query{i}(ctx context.Context, db *sql.DB, args ...any) (*sql.Rows, error) {{\n\treturn db.QueryContext(ctx, `\n{body}\n\t`, args...)\n}}\n"
    if lang == "java":
        return f"    static final String QUERY_{i} = \"\"\"\n{body}\n        \"\"\";\n"
    if lang == "cs":
        return f"    public const string Query{i} = \"\"\"\n{body}\n        \"\"\";\n"
    if lang == "rb":
        return f"  QUERY_{i} = <<~SQL\n{body}\n  SQL\n"
    if lang == "php":
        return f"function query_{i}(PDO $db): PDOStatement\n{{\n    return $db->prepare(<<<SQL\n{body}\n    SQL);\n}}\n"
    return f"val query{i} = \"\"\"\n{body}\n\"\"\"\n"


HEAD = {
    "py": "import psycopg\n\n", "ts": "import {{ sql }} from './db';\n\n", "go": "package queries\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n\n",
    "java": "package app;\n\nfinal class Queries{n} {{\n", "cs": "namespace App;\n\npublic static class Queries{n}\n{{\n", "rb": "class Queries{n}\n",
    "php": "<?php\n\n", "kt": "package app\n\n",
}
TAIL = {"java": "}\n", "cs": "}\n", "rb": "end\n"}
EXT = {"py": "py", "ts": "ts", "go": "go", "java": "java", "cs": "cs", "rb": "rb", "php": "php", "kt": "kt"}


def generate(a_sql, out, statements=10000, seed=7):
    rng = random.Random(seed)
    tables = read_tables(a_sql)
    by_name = {t["name"]: t for t in tables}
    os.makedirs(out, exist_ok=True)
    langs = list(EXT)
    lines = 0
    per_file = 10
    for f in range(statements // per_file):
        lang = langs[f % len(langs)]
        parts = [HEAD[lang].format(n=f)]
        for k in range(per_file):
            i = f * per_file + k
            parts.append(wrap(lang, i, statement(rng, rng.choice(tables), by_name, planted=i % 100 == 99)))
            parts.append("\n")
        parts.append(TAIL.get(lang, ""))
        text = "".join(parts)
        lines += text.count("\n")
        sub = os.path.join(out, lang)
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"queries_{f:04d}.{EXT[lang]}"), "w") as fh:
            fh.write(text)
    return {"files": statements // per_file, "statements": statements, "lines": lines, "planted": statements // 100}


if __name__ == "__main__":
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    print(generate(sys.argv[1], sys.argv[2], n))
