#!/usr/bin/env python3
"""Deterministic generator of realistic PostgreSQL schemas for the SchemaFirst benchmarks.

    python3 bench/gen_schema.py N OUTDIR [--seed S] [--files K]

writes
    OUTDIR/a.sql         version A: N tables, shared enums, indexes, views, comments
    OUTDIR/b.sql         version B: A with ~5% changes (new columns and tables, dropped and
                         added indexes, changed defaults, renamed columns carrying the
                         directive `-- schemafirst:renamed-from old_name`)
    OUTDIR/changes.json  ground truth: every change from A to B, plus object counts
and, with --files K (K > 1), the same two schemas split into K table files plus a types
and a views file under OUTDIR/a/ and OUTDIR/b/ (apply them in file-name order).

The same N, seed and generator version give byte-identical output. Only the standard
library's random.Random(seed) is used and no set or hash order is ever iterated.
Both versions apply cleanly to an empty PostgreSQL 15 database with
`psql -v ON_ERROR_STOP=1 -f FILE`.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
from dataclasses import dataclass, field

GENERATOR_VERSION = 1
DEFAULT_SEED = 20240615

PREFIXES = ["sales", "crm", "billing", "inventory", "hr", "support", "catalog", "shipping",
            "auth", "analytics", "marketing", "finance", "content", "ops", "legal", "fleet"]
NOUNS = ["customer", "order", "invoice", "payment", "product", "shipment", "ticket", "account",
         "contact", "campaign", "asset", "project", "task", "vendor", "warehouse", "employee",
         "contract", "subscription", "refund", "review", "supplier", "category", "address",
         "message", "event", "session", "document", "report", "budget", "ledger_entry",
         "device", "location", "route", "lead", "quote", "license", "team", "role",
         "schedule", "note"]

ENUM_BASES = [
    ("status", ["draft", "active", "suspended", "archived"]),
    ("priority", ["low", "normal", "high", "urgent"]),
    ("visibility", ["private", "internal", "public"]),
    ("channel", ["email", "sms", "push", "web", "phone"]),
    ("tier", ["free", "basic", "pro", "enterprise"]),
    ("stage", ["new", "qualified", "proposal", "won", "lost"]),
    ("severity", ["info", "minor", "major", "critical"]),
    ("frequency", ["daily", "weekly", "monthly", "yearly"]),
]

# name, type, not null probability, default (None or SQL text), extra tag
PLAIN_COLUMNS = [
    ("name", "text", 0.9, None, None),
    ("title", "varchar(200)", 0.7, None, None),
    ("email", "varchar(320)", 0.6, None, "lower_expr"),
    ("slug", "varchar(120)", 0.8, None, "unique"),
    ("code", "varchar(32)", 0.9, None, "unique"),
    ("description", "text", 0.1, None, None),
    ("notes", "text", 0.0, None, None),
    ("quantity", "integer", 0.9, "0", "nonneg"),
    ("price", "numeric(12,2)", 0.8, "0", "nonneg"),
    ("amount", "numeric(14,4)", 0.6, None, None),
    ("is_active", "boolean", 1.0, "true", "partial_flag"),
    ("is_verified", "boolean", 1.0, "false", None),
    ("metadata", "jsonb", 1.0, "'{}'::jsonb", "gin"),
    ("starts_on", "date", 0.5, None, "range"),
    ("score", "double precision", 0.3, None, None),
    ("rank", "smallint", 0.5, "0", None),
    ("external_ref", "uuid", 0.2, None, "unique"),
    ("tags", "text[]", 1.0, "'{}'::text[]", "gin"),
    ("ip_address", "inet", 0.0, None, None),
    ("payload", "bytea", 0.0, None, None),
    ("updated_at", "timestamptz", 0.8, "now()", None),
    ("deleted_at", "timestamptz", 0.0, None, "soft_delete"),
    ("version", "integer", 1.0, "1", "positive"),
    ("currency", "char(3)", 1.0, "'EUR'", "upper"),
    ("weight_kg", "real", 0.2, None, "nonneg"),
    ("sort_order", "integer", 0.7, "0", None),
    ("color", "varchar(7)", 0.0, None, "color"),
    ("duration", "interval", 0.2, None, None),
    ("occurred_at", "timestamp(3) without time zone", 0.6, None, "btree"),
    ("phone", "varchar(32)", 0.0, None, None),
    ("country_code", "char(2)", 0.5, None, "btree"),
    ("big_counter", "bigint", 1.0, "0", "nonneg"),
]

NEW_COLUMN_CHOICES = [
    ("archived_at", "timestamptz", False, None),
    ("priority_score", "integer", True, "0"),
    ("review_note", "text", False, None),
    ("flags", "jsonb", True, "'{}'::jsonb"),
    ("is_pinned", "boolean", True, "false"),
    ("legacy_id", "bigint", False, None),
    ("source_system", "varchar(64)", True, "'import'"),
]

RENAMES = {
    "name": "full_name", "title": "headline", "description": "summary", "notes": "remarks",
    "score": "rating", "amount": "total_amount", "ip_address": "client_ip", "payload": "body",
    "phone": "phone_number", "duration": "time_spent", "is_verified": "is_confirmed",
    "weight_kg": "mass_kg", "rank": "position", "sort_order": "display_order",
}

FK_ACTIONS = ["", " ON DELETE CASCADE", " ON DELETE RESTRICT", " ON DELETE SET NULL",
              " ON UPDATE CASCADE ON DELETE CASCADE"]


@dataclass
class Column:
    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    primary_key: str | None = None      # "identity", "bigserial", "uuid"
    unique: bool = False                # inline UNIQUE
    check: str | None = None            # inline CHECK expression
    references: tuple | None = None     # inline (table, action)
    comment: str | None = None
    directive: str | None = None        # trailing -- comment on the column line
    tag: str | None = None
    used: bool = False                  # referenced by an index, constraint or view


@dataclass
class Index:
    name: str
    sql_body: str          # everything after "ON table"
    unique: bool = False
    columns: list = field(default_factory=list)


@dataclass
class Table:
    name: str
    columns: list
    constraints: list = field(default_factory=list)   # (name, sql) table-level
    indexes: list = field(default_factory=list)
    comment: str | None = None
    head_comment: str | None = None
    pk_type: str = "bigint"

    def col(self, name):
        for c in self.columns:
            if c.name == name:
                return c
        return None


@dataclass
class View:
    name: str
    sql: str
    comment: str | None = None


@dataclass
class Schema:
    enums: list            # (name, [values])
    tables: list
    views: list


def q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def singular(noun: str) -> str:
    return noun


def plural(noun: str) -> str:
    if noun.endswith("y") and not noun.endswith("ey"):
        return noun[:-1] + "ies"
    if noun.endswith("s") or noun.endswith("ch"):
        return noun + "es"
    return noun + "s"


class Generator:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.seed = seed
        self.rng = random.Random(seed)
        self.names_used: dict[str, bool] = {}   # tables, indexes, views, types share a namespace
        self.name_counts: dict[str, int] = {}
        self.enums: list = []
        self.table_nouns: dict[str, str] = {}

    # ---- naming -------------------------------------------------------------------
    def reserve(self, name: str) -> str:
        base, k = name[:60], 1
        cand = base
        while cand in self.names_used:
            k += 1
            cand = f"{base[:57]}_{k}"
        self.names_used[cand] = True
        return cand

    def table_name(self, rng: random.Random) -> tuple[str, str]:
        prefix = rng.choice(PREFIXES)
        noun = rng.choice(NOUNS)
        base = f"{prefix}_{plural(noun)}"
        k = self.name_counts.get(base, 0) + 1
        self.name_counts[base] = k
        name = base if k == 1 else f"{base}_{k}"
        while name in self.names_used:
            k += 1
            self.name_counts[base] = k
            name = f"{base}_{k}"
        self.names_used[name] = True
        return name, noun

    # ---- schema A -----------------------------------------------------------------
    def make_enums(self):
        count = max(3, self.n // 50)
        for i in range(count):
            base, values = ENUM_BASES[i % len(ENUM_BASES)]
            name = f"{base}_kind" if i < len(ENUM_BASES) else f"{base}_kind_{i // len(ENUM_BASES) + 1}"
            self.names_used[name] = True
            vals = list(values)
            if i >= len(ENUM_BASES) and self.rng.random() < 0.5:
                vals.append(f"extra_{i}")
            self.enums.append((name, vals))

    def make_table(self, rng: random.Random, index: int, earlier: list[Table]) -> Table:
        name, noun = self.table_name(rng)
        self.table_nouns[name] = noun
        cols: list[Column] = []
        constraints: list = []
        indexes: list[Index] = []

        pk_kind = rng.choices(["identity", "bigserial", "uuid"], weights=[5, 3, 2])[0]
        if pk_kind == "identity":
            cols.append(Column("id", "bigint", not_null=True, primary_key="identity"))
        elif pk_kind == "bigserial":
            cols.append(Column("id", "bigserial", not_null=True, primary_key="bigserial"))
        else:
            cols.append(Column("id", "uuid", not_null=True, default="gen_random_uuid()", primary_key="uuid"))
        t = Table(name, cols, constraints, indexes, pk_type="uuid" if pk_kind == "uuid" else "bigint")

        # foreign keys to earlier tables
        if earlier:
            nfk = min(len(earlier), rng.choice([1, 1, 2, 2, 3]))
            # prefer recent tables (locality) but reach far back sometimes
            targets: list[Table] = []
            for _ in range(nfk * 3):
                if len(targets) == nfk:
                    break
                if rng.random() < 0.6:
                    lo = max(0, len(earlier) - 50)
                    cand = earlier[rng.randrange(lo, len(earlier))]
                else:
                    cand = earlier[rng.randrange(len(earlier))]
                if cand not in targets:
                    targets.append(cand)
            for ref in targets:
                noun_ref = self.table_nouns[ref.name]
                suffix = ref.name[len(ref.name.rstrip("0123456789")):]
                cname = f"{noun_ref}_{suffix}_id" if suffix else f"{noun_ref}_id"
                if t.col(cname):
                    cname = f"{ref.name}_id"
                not_null = rng.random() < 0.6
                action = rng.choice(FK_ACTIONS)
                if "SET NULL" in action and not_null:
                    action = " ON DELETE CASCADE"
                c = Column(cname, ref.pk_type, not_null=not_null, used=True)
                cols.append(c)
                if rng.random() < 0.5:
                    c.references = (ref.name, action)
                else:
                    cons = self.reserve(f"{name}_{cname}_fkey")
                    constraints.append((cons, f"FOREIGN KEY ({cname}) REFERENCES {ref.name} (id){action}"))
                if rng.random() < 0.75:
                    iname = self.reserve(f"{name}_{cname}_idx")
                    indexes.append(Index(iname, f"({cname})", columns=[cname]))

        cols.append(Column("created_at", "timestamptz", not_null=True, default="now()"))

        # remaining ordinary columns, 8..15 in total
        target = rng.randint(8, 15)
        pool = list(PLAIN_COLUMNS)
        rng.shuffle(pool)
        enum_added = 0
        while len(cols) < target and pool:
            if enum_added < 2 and rng.random() < 0.2:
                ename, evals = self.enums[rng.randrange(len(self.enums))]
                cname = ename.replace("_kind", "")
                if not t.col(cname):
                    c = Column(cname, ename, not_null=True, default=q(evals[0]) + f"::{ename}", tag="enum")
                    cols.append(c)
                    enum_added += 1
                    if rng.random() < 0.3:
                        iname = self.reserve(f"{name}_{cname}_idx")
                        indexes.append(Index(iname, f"({cname})", columns=[cname]))
                        c.used = True
                    continue
            cname, ctype, nn_p, default, tag = pool.pop()
            c = Column(cname, ctype, not_null=rng.random() < nn_p, default=default, tag=tag)
            cols.append(c)
            if tag == "range" and not t.col("ends_on"):
                cols.append(Column("ends_on", "date"))
                cons = self.reserve(f"{name}_dates_check")
                constraints.append((cons, "CHECK (ends_on IS NULL OR ends_on >= starts_on)"))
                c.used = True
                t.col("ends_on").used = True

        # constraints and indexes driven by column tags
        for c in list(cols):
            tag = c.tag
            if tag == "nonneg":
                c.check = f"{c.name} >= 0"
                c.used = True
            elif tag == "positive":
                c.check = f"{c.name} > 0"
                c.used = True
            elif tag == "upper":
                c.check = f"{c.name} = upper({c.name})"
                c.used = True
            elif tag == "color" and rng.random() < 0.7:
                cons = self.reserve(f"{name}_color_check")
                constraints.append((cons, f"CHECK ({c.name} ~ '^#[0-9a-f]{{6}}$')"))
                c.used = True
            elif tag == "unique":
                c.used = True
                r = rng.random()
                if r < 0.4:
                    c.unique = True
                elif r < 0.7 and len(cols) > 2 and cols[1].name.endswith("_id"):
                    cons = self.reserve(f"{name}_{cols[1].name}_{c.name}_key")
                    constraints.append((cons, f"UNIQUE ({cols[1].name}, {c.name})"))
                    cols[1].used = True
                else:
                    iname = self.reserve(f"{name}_{c.name}_key")
                    where = " WHERE deleted_at IS NULL" if t.col("deleted_at") else ""
                    if where:
                        t.col("deleted_at").used = True
                    indexes.append(Index(iname, f"({c.name}){where}", unique=True, columns=[c.name]))
            elif tag == "lower_expr":
                c.used = True
                iname = self.reserve(f"{name}_lower_{c.name}_idx")
                uniq = rng.random() < 0.5
                indexes.append(Index(iname, f"(lower({c.name}))", unique=uniq, columns=[c.name]))
            elif tag == "gin" and rng.random() < 0.5:
                c.used = True
                iname = self.reserve(f"{name}_{c.name}_gin_idx")
                indexes.append(Index(iname, f"USING gin ({c.name})", columns=[c.name]))
            elif tag == "btree" and rng.random() < 0.6:
                c.used = True
                iname = self.reserve(f"{name}_{c.name}_idx")
                desc = " DESC" if rng.random() < 0.4 else ""
                indexes.append(Index(iname, f"({c.name}{desc})", columns=[c.name]))
            elif tag == "partial_flag" and rng.random() < 0.5:
                c.used = True
                iname = self.reserve(f"{name}_active_created_idx")
                indexes.append(Index(iname, f"(created_at) WHERE {c.name}", columns=["created_at", c.name]))
            elif tag == "soft_delete" and rng.random() < 0.6:
                c.used = True
                fk = next((x for x in cols if x.name.endswith("_id") and x.name != "id"), None)
                lead = fk.name if fk else "created_at"
                iname = self.reserve(f"{name}_{lead}_live_idx")
                indexes.append(Index(iname, f"({lead}, created_at DESC) WHERE deleted_at IS NULL",
                                     columns=[lead, "created_at", "deleted_at"]))
        if rng.random() < 0.3:
            iname = self.reserve(f"{name}_created_at_idx")
            indexes.append(Index(iname, "USING btree (created_at)", columns=["created_at"]))

        # comments
        if rng.random() < 0.4:
            t.comment = f"{noun.replace('_', ' ').capitalize()} records of the {name.split('_')[0]} domain (table {index})."
        if rng.random() < 0.25:
            plain = [c for c in cols if c.primary_key is None]
            c = plain[rng.randrange(len(plain))]
            c.comment = f"The {c.name.replace('_', ' ')} of the {noun.replace('_', ' ')}; it's kept for reporting."
        if rng.random() < 0.15:
            t.head_comment = f"{name}: owned by the {name.split('_')[0]} team"
        return t

    def make_views(self, tables: list[Table], rng: random.Random) -> list[View]:
        views = []
        count = max(3, self.n // 200)
        for i in range(count):
            t = tables[rng.randrange(len(tables))]
            plain = [c for c in t.columns if c.primary_key is None and c.name != "created_at"][:3]
            for c in plain:
                c.used = True
            fk = next((c for c in t.columns if c.name.endswith("_id") and c.references), None)
            vname = self.reserve(f"{t.name}_v{i}")
            if fk and rng.random() < 0.6:
                parent = fk.references[0]
                sel = ", ".join(["c.id"] + [f"c.{c.name}" for c in plain] + [f"p.created_at AS {fk.name[:-3]}_created_at"])
                sql = (f"SELECT {sel}\n  FROM {t.name} c\n  JOIN {parent} p ON p.id = c.{fk.name}")
            else:
                sel = ", ".join(["id"] + [c.name for c in plain] + ["created_at"])
                where = ""
                if t.col("deleted_at"):
                    t.col("deleted_at").used = True
                    where = "\n WHERE deleted_at IS NULL"
                sql = f"SELECT {sel}\n  FROM {t.name}{where}"
            comment = f"Read model {i} over {t.name}." if rng.random() < 0.5 else None
            views.append(View(vname, sql, comment))
        return views

    def schema_a(self) -> Schema:
        self.make_enums()
        tables: list[Table] = []
        for i in range(self.n):
            tables.append(self.make_table(self.rng, i, tables))
        views = self.make_views(tables, self.rng)
        return Schema(list(self.enums), tables, views)

    # ---- schema B -----------------------------------------------------------------
    def schema_b(self, a: Schema) -> tuple[Schema, list]:
        rng = random.Random(self.seed * 7919 + self.n)
        b = copy.deepcopy(a)
        changes: list = []
        total = max(8, round(self.n * 0.05))
        kinds = (["add_column"] * 30 + ["change_default"] * 20 + ["drop_index"] * 15 +
                 ["add_table"] * 12 + ["add_index"] * 13 + ["rename_column"] * 10)
        plan = ["add_column", "change_default", "drop_index", "add_table", "add_index", "rename_column"]
        while len(plan) < total:
            plan.append(kinds[rng.randrange(len(kinds))])
        order = list(range(len(b.tables)))
        rng.shuffle(order)
        touched = 0
        new_tables: list[Table] = []

        def next_table(pred):
            nonlocal touched
            while touched < len(order):
                t = b.tables[order[touched]]
                touched += 1
                if pred(t):
                    return t
            return None

        for kind in plan:
            if kind == "add_column":
                t = next_table(lambda t: True)
                if t is None:
                    continue
                opts = [o for o in NEW_COLUMN_CHOICES if not t.col(o[0])]
                name, ctype, nn, default = opts[rng.randrange(len(opts))]
                t.columns.append(Column(name, ctype, not_null=nn, default=default))
                changes.append({"kind": "add_column", "table": t.name, "column": name,
                                "detail": f"{ctype}{' NOT NULL' if nn else ''}{' DEFAULT ' + default if default else ''}"})
            elif kind == "change_default":
                t = next_table(lambda t: any(self._new_default(c) for c in t.columns))
                if t is None:
                    continue
                cands = [c for c in t.columns if self._new_default(c)]
                c = cands[rng.randrange(len(cands))]
                new = self._new_default(c)
                changes.append({"kind": "change_default", "table": t.name, "column": c.name,
                                "detail": {"from": c.default, "to": new}})
                c.default = new
            elif kind == "drop_index":
                t = next_table(lambda t: any(not i.unique for i in t.indexes))
                if t is None:
                    continue
                cands = [i for i in t.indexes if not i.unique]
                idx = cands[rng.randrange(len(cands))]
                t.indexes.remove(idx)
                changes.append({"kind": "drop_index", "table": t.name, "index": idx.name,
                                "detail": f"ON {t.name} {idx.sql_body}"})
            elif kind == "add_index":
                t = next_table(lambda t: any(self._indexable(t, c) for c in t.columns))
                if t is None:
                    continue
                cands = [c for c in t.columns if self._indexable(t, c)]
                c = cands[rng.randrange(len(cands))]
                iname = self.reserve(f"{t.name}_{c.name}_idx")
                idx = Index(iname, f"({c.name})", columns=[c.name])
                t.indexes.append(idx)
                changes.append({"kind": "add_index", "table": t.name, "index": iname,
                                "column": c.name, "detail": f"ON {t.name} ({c.name})"})
            elif kind == "rename_column":
                t = next_table(lambda t: any(self._renamable(t, c) for c in t.columns))
                if t is None:
                    continue
                cands = [c for c in t.columns if self._renamable(t, c)]
                c = cands[rng.randrange(len(cands))]
                old = c.name
                c.name = RENAMES[old]
                c.directive = f"schemafirst:renamed-from {old}"
                changes.append({"kind": "rename_column", "table": t.name, "column": c.name,
                                "detail": {"from": old, "to": c.name}})
            elif kind == "add_table":
                t = self.make_table(rng, len(b.tables) + len(new_tables), b.tables + new_tables)
                new_tables.append(t)
                changes.append({"kind": "add_table", "table": t.name,
                                "detail": {"columns": len(t.columns), "indexes": len(t.indexes),
                                           "references": sorted(self._refs(t))}})
        b.tables.extend(new_tables)
        return b, changes

    @staticmethod
    def _refs(t: Table) -> list:
        out = [c.references[0] for c in t.columns if c.references]
        for _, sql in t.constraints:
            if sql.startswith("FOREIGN KEY"):
                out.append(sql.split("REFERENCES ")[1].split(" ")[0])
        return out

    def _new_default(self, c: Column) -> str | None:
        if c.primary_key or c.default is None or c.name == "created_at":
            return None
        d = c.default
        swaps = {"0": "1", "1": "2", "true": "false", "false": "true", "'EUR'": "'USD'",
                 "now()": "clock_timestamp()", "'{}'::jsonb": "'{\"v\": 1}'::jsonb",
                 "'{}'::text[]": "'{new}'::text[]"}
        if d in swaps:
            return swaps[d]
        if c.tag == "enum":
            for name, vals in self.enums:
                if name == c.type and len(vals) > 1:
                    return q(vals[1]) + f"::{name}"
        return None

    @staticmethod
    def _indexable(t: Table, c: Column) -> bool:
        return (not c.used and c.primary_key is None and c.type in ("integer", "smallint", "date", "text", "bigint")
                and not any(i.columns and i.columns[0] == c.name for i in t.indexes))

    @staticmethod
    def _renamable(t: Table, c: Column) -> bool:
        return (c.name in RENAMES and not c.used and c.primary_key is None and c.check is None
                and not c.unique and t.col(RENAMES[c.name]) is None)


# ---- rendering ---------------------------------------------------------------------

def render_column(c: Column) -> str:
    parts = [c.name, c.type]
    if c.primary_key == "identity":
        parts.append("GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
    elif c.primary_key:
        if c.default:
            parts.append(f"DEFAULT {c.default}")
        parts.append("PRIMARY KEY")
    else:
        if c.not_null:
            parts.append("NOT NULL")
        if c.default is not None:
            parts.append(f"DEFAULT {c.default}")
        if c.unique:
            parts.append("UNIQUE")
        if c.check:
            parts.append(f"CHECK ({c.check})")
        if c.references:
            parts.append(f"REFERENCES {c.references[0]} (id){c.references[1]}")
    return " ".join(parts)


def render_table(t: Table) -> str:
    lines = []
    if t.head_comment:
        lines.append(f"-- {t.head_comment}")
    lines.append(f"CREATE TABLE {t.name} (")
    items = [render_column(c) for c in t.columns]
    items += [f"CONSTRAINT {n} {sql}" for n, sql in t.constraints]
    directives = [c.directive for c in t.columns] + [None] * len(t.constraints)
    for i, (item, directive) in enumerate(zip(items, directives)):
        sep = "," if i < len(items) - 1 else ""
        tail = f" -- {directive}" if directive else ""
        lines.append(f"    {item}{sep}{tail}")
    lines.append(");")
    for idx in t.indexes:
        u = "UNIQUE " if idx.unique else ""
        lines.append(f"CREATE {u}INDEX {idx.name} ON {t.name} {idx.sql_body};")
    if t.comment:
        lines.append(f"COMMENT ON TABLE {t.name} IS {q(t.comment)};")
    for c in t.columns:
        if c.comment:
            lines.append(f"COMMENT ON COLUMN {t.name}.{c.name} IS {q(c.comment)};")
    return "\n".join(lines) + "\n"


def render_types(s: Schema, label: str, n: int, seed: int) -> str:
    out = [f"-- SchemaFirst benchmark schema, version {label}: {n} tables, seed {seed}, generator v{GENERATOR_VERSION}.",
           "-- Generated by bench/gen_schema.py; do not edit.", ""]
    for name, vals in s.enums:
        out.append(f"CREATE TYPE {name} AS ENUM ({', '.join(q(v) for v in vals)});")
    return "\n".join(out) + "\n"


def render_views(s: Schema) -> str:
    out = []
    for v in s.views:
        out.append(f"CREATE VIEW {v.name} AS\n{v.sql};")
        if v.comment:
            out.append(f"COMMENT ON VIEW {v.name} IS {q(v.comment)};")
    return "\n".join(out) + "\n"


def render(s: Schema, label: str, n: int, seed: int) -> str:
    parts = [render_types(s, label, n, seed)]
    parts += [render_table(t) for t in s.tables]
    parts.append(render_views(s))
    return "\n".join(parts)


def render_split(s: Schema, label: str, n: int, seed: int, files: int) -> dict:
    out = {"000_types.sql": render_types(s, label, n, seed)}
    per = max(1, -(-len(s.tables) // files))
    for k in range(0, len(s.tables), per):
        out[f"{k // per + 1:03d}_tables.sql"] = "\n".join(render_table(t) for t in s.tables[k:k + per])
    out["999_views.sql"] = render_views(s)
    return out


def stats(s: Schema) -> dict:
    return {
        "tables": len(s.tables),
        "columns": sum(len(t.columns) for t in s.tables),
        "indexes": sum(len(t.indexes) for t in s.tables),
        "foreign_keys": sum(len(Generator._refs(t)) for t in s.tables),
        "check_constraints": sum(sum(1 for c in t.columns if c.check) +
                                 sum(1 for _, sql in t.constraints if sql.startswith("CHECK")) for t in s.tables),
        "enums": len(s.enums),
        "views": len(s.views),
    }


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n: int, outdir: str, seed: int = DEFAULT_SEED, files: int = 1) -> dict:
    """Writes a.sql, b.sql and changes.json (and split folders if files > 1); returns the ground truth."""
    if n < 1:
        raise ValueError("N must be at least 1")
    os.makedirs(outdir, exist_ok=True)
    g = Generator(n, seed)
    a = g.schema_a()
    b, changes = g.schema_b(a)
    text_a = render(a, "A", n, seed)
    text_b = render(b, "B", n, seed)
    write(os.path.join(outdir, "a.sql"), text_a)
    write(os.path.join(outdir, "b.sql"), text_b)
    if files > 1:
        for label, s in (("a", a), ("b", b)):
            d = os.path.join(outdir, label)
            os.makedirs(d, exist_ok=True)
            for old in os.listdir(d):
                if old.endswith(".sql"):
                    os.remove(os.path.join(d, old))
            for fname, text in render_split(s, label.upper(), n, seed, files).items():
                write(os.path.join(d, fname), text)
    by_kind: dict = {}
    for c in changes:
        by_kind[c["kind"]] = by_kind.get(c["kind"], 0) + 1
    truth = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "n": n,
        "a": dict(stats(a), bytes=len(text_a.encode())),
        "b": dict(stats(b), bytes=len(text_b.encode())),
        "changes_by_kind": dict(sorted(by_kind.items())),
        "changes": changes,
    }
    write(os.path.join(outdir, "changes.json"), json.dumps(truth, indent=2, sort_keys=False) + "\n")
    return truth


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Generate benchmark schemas A and B with N tables.")
    p.add_argument("n", type=int, help="number of tables in version A")
    p.add_argument("outdir", help="output directory (created if missing)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    p.add_argument("--files", type=int, default=1,
                   help="also split each version into this many table files under OUTDIR/a/ and OUTDIR/b/")
    args = p.parse_args(argv)
    truth = generate(args.n, args.outdir, args.seed, args.files)
    print(f"{args.outdir}: A {truth['a']}, B {truth['b']}, {len(truth['changes'])} changes "
          f"{truth['changes_by_kind']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
