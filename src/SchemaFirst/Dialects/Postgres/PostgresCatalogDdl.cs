using System.Data.Common;
using System.Globalization;
using System.Text;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Assembles pg_dump-style DDL from the catalog rows the inspector read, to be replayed through the parser: the server's
/// own deparse (pg_get_expr, pg_get_indexdef, pg_get_viewdef, format_type ...) wrapped in the statements around it.
/// It writes from catalog rows, not from a model, so it is not a second generator: the model only exists once the
/// replay is done. Names, literals and privilege statements go through the text helpers the generator uses too.
/// </summary>
internal sealed class PostgresCatalogDdl(InspectOptions options, int version)
{
    private readonly StringBuilder _sb = new();
    private readonly StringBuilder _after = new();

    private static string Q(string name) => PostgresQuoting.Quote(name);

    private static string Name(string schema, string name) => Q(schema) + "." + Q(name);

    private static string Lit(string text) => PostgresQuoting.Literal(text);

    private void Emit(string sql) => _sb.Append(sql).Append(";\n");

    private void Comment(string target, string? text)
    {
        if (text != null) _after.Append("COMMENT ON ").Append(target).Append(" IS ").Append(Lit(text)).Append(";\n");
    }

    private bool In(PostgresInspector.Row r, string column = "schema") => r.Str(column) is { } s && options.Includes(s);

    /// <summary>Schemas, extensions, types, sequences and tables with their constraints.</summary>
    public string BuildTables(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        Emit("SELECT pg_catalog.set_config('search_path', '', false)");
        foreach (var r in q["schemas"].Where(r => In(r, "name")))
        {
            var name = r.Str("name")!;
            var comment = r.Str("comment");
            // The public schema is always there; only a comment of its own makes it part of the schema.
            if (name == "public")
            {
                if (comment != null && comment != "standard public schema") Comment("SCHEMA public", comment);
                continue;
            }
            Emit("CREATE SCHEMA " + Q(name));
            Comment("SCHEMA " + Q(name), comment);
        }
        foreach (var r in q["extensions"].Where(r => In(r)))
        {
            Emit($"CREATE EXTENSION IF NOT EXISTS {Q(r.Str("name")!)} WITH SCHEMA {Q(r.Str("schema")!)}");
        }
        foreach (var g in q["enums"].Where(r => In(r)).GroupBy(r => Name(r.Str("schema")!, r.Str("name")!)))
        {
            Emit($"CREATE TYPE {g.Key} AS ENUM ({string.Join(", ", g.Select(r => Lit(r.Str("label")!)))})");
            Comment("TYPE " + g.Key, g.First().Str("comment"));
        }
        foreach (var g in q["domains"].Where(r => In(r)).GroupBy(r => Name(r.Str("schema")!, r.Str("name")!)))
        {
            var d = g.First();
            var sql = new StringBuilder($"CREATE DOMAIN {g.Key} AS {d.Str("base_type")}");
            if (d.Str("collation") is { } coll) sql.Append(" COLLATE ").Append(Q(coll));
            if (d.Str("default_expr") is { } def) sql.Append(" DEFAULT ").Append(def);
            if (d.Bool("not_null")) sql.Append(" NOT NULL");
            Emit(sql.ToString());
            Comment("DOMAIN " + g.Key, d.Str("comment"));
            foreach (var c in g.Where(r => r.Str("constraint_name") != null))
            {
                Emit($"ALTER DOMAIN {g.Key} ADD CONSTRAINT {Q(c.Str("constraint_name")!)} {c.Str("constraint_def")}");
                Comment($"CONSTRAINT {Q(c.Str("constraint_name")!)} ON DOMAIN {g.Key}", c.Str("constraint_comment"));
            }
        }
        foreach (var g in q["composites"].Where(r => In(r)).GroupBy(r => Name(r.Str("schema")!, r.Str("name")!)))
        {
            var attrs = g.Select(r => Q(r.Str("attribute")!) + " " + r.Str("type") + (r.Str("collation") is { } c ? " COLLATE " + Q(c) : string.Empty));
            Emit($"CREATE TYPE {g.Key} AS ({string.Join(", ", attrs)})");
            Comment("TYPE " + g.Key, g.First().Str("comment"));
        }
        foreach (var r in q["ranges"].Where(r => In(r)))
        {
            var name = Name(r.Str("schema")!, r.Str("name")!);
            Emit($"CREATE TYPE {name} AS RANGE (subtype = {r.Str("subtype")})");
            Comment("TYPE " + name, r.Str("comment"));
        }
        foreach (var r in q["sequences"].Where(r => In(r)))
        {
            var name = Name(r.Str("schema")!, r.Str("name")!);
            Emit($"CREATE {(r.Bool("unlogged") ? "UNLOGGED " : string.Empty)}SEQUENCE {name} AS {r.Str("data_type")} START WITH {r.Long("start_value")} INCREMENT BY {r.Long("increment")} MINVALUE {r.Long("min_value")} MAXVALUE {r.Long("max_value")} CACHE {r.Long("cache")}{(r.Bool("cycle") ? " CYCLE" : string.Empty)}");
            Comment("SEQUENCE " + name, r.Str("comment"));
            if (r.Str("owner_table") is { } ownerTable)
            {
                _after.Append($"ALTER SEQUENCE {name} OWNED BY {Name(r.Str("owner_schema")!, ownerTable)}.{Q(r.Str("owner_column")!)};\n");
            }
        }
        BuildTableStatements(q);
        return Take();
    }

    /// <summary>Views, routines, triggers, policies, rules, then indexes (materialized views have them too).</summary>
    /// <summary>INVALID indexes (left by a failed concurrent build), which are read as missing.</summary>
    public List<string> InvalidIndexes { get; } = [];

    public string BuildRest(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        Emit("SELECT pg_catalog.set_config('search_path', '', false)");
        BuildViewsAndRoutines(q);
        BuildIndexes(q);
        var text = Take();
        BuildGrants(q);
        return text + Take();
    }

    private string Take()
    {
        _sb.Append(_after);
        var text = _sb.ToString();
        _sb.Clear();
        _after.Clear();
        return text;
    }

    private void BuildTableStatements(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        var columns = q["columns"].Where(r => In(r)).GroupBy(r => Name(r.Str("schema")!, r.Str("table_name")!)).ToDictionary(g => g.Key, g => g.ToList());
        var tables = q["tables"].Where(r => In(r)).ToList();
        // Parents before the children that inherit from them.
        var byName = tables.ToDictionary(r => Name(r.Str("schema")!, r.Str("name")!));
        int Depth(PostgresInspector.Row r, int guard = 0)
        {
            if (guard > 32 || r.Str("inherits") is not { } parents) return 0;
            return 1 + parents.Split(", ").Select(p => byName.TryGetValue(p, out var pr) ? Depth(pr, guard + 1) : 0).DefaultIfEmpty(0).Max();
        }
        // Constraints go inside CREATE TABLE (no ALTER per constraint to replay), index-backed ones first as pg_dump
        // orders them, then checks, exclusions and foreign keys.
        var constraintsByTable = q["constraints"].Where(r => In(r))
            .OrderBy(r => r.Str("type") switch { "p" => 0, "u" => 1, "x" => 2, "c" => 3, _ => 4 })
            .GroupBy(r => Name(r.Str("schema")!, r.Str("table_name")!)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var t in tables.OrderBy(r => Depth(r)).ThenBy(r => Name(r.Str("schema")!, r.Str("name")!), StringComparer.Ordinal))
        {
            var name = Name(t.Str("schema")!, t.Str("name")!);
            var cols = columns.GetValueOrDefault(name) ?? [];
            var inherits = t.Str("inherits");
            var defs = new List<string>();
            foreach (var c in cols)
            {
                // An inherited column that the table does not also declare comes from INHERITS.
                if (inherits != null && !c.Bool("is_local")) continue;
                defs.Add("    " + ColumnDefinition(c));
            }
            foreach (var k in constraintsByTable.GetValueOrDefault(name) ?? [])
            {
                defs.Add($"    CONSTRAINT {Q(k.Str("name")!)} {k.Str("definition")}");
                Comment($"CONSTRAINT {Q(k.Str("name")!)} ON {name}", k.Str("comment"));
            }
            var sql = new StringBuilder($"CREATE {(t.Bool("unlogged") ? "UNLOGGED " : string.Empty)}TABLE {name} (\n{string.Join(",\n", defs)}\n)");
            if (inherits != null) sql.Append(" INHERITS (").Append(inherits).Append(')');
            if (t.Str("partition_key") is { } key) sql.Append(" PARTITION BY ").Append(key);
            if (t.Str("access_method") is { } am) sql.Append(" USING ").Append(Q(am));
            if (t.Str("options") is { Length: > 0 } opts) sql.Append(" WITH (").Append(opts).Append(')');
            if (t.Str("tablespace") is { } ts) sql.Append(" TABLESPACE ").Append(Q(ts));
            Emit(sql.ToString());
            foreach (var c in cols.Where(c => c.Str("storage") != null))
            {
                var mode = c.Str("storage") switch { "p" => "PLAIN", "e" => "EXTERNAL", "m" => "MAIN", _ => "EXTENDED" };
                Emit($"ALTER TABLE ONLY {name} ALTER COLUMN {Q(c.Str("name")!)} SET STORAGE {mode}");
            }
            if (t.Bool("row_security")) Emit($"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY");
            if (t.Bool("force_row_security")) Emit($"ALTER TABLE {name} FORCE ROW LEVEL SECURITY");
            Comment("TABLE " + name, t.Str("comment"));
            foreach (var c in cols) Comment($"COLUMN {name}.{Q(c.Str("name")!)}", c.Str("comment"));
        }
        foreach (var t in tables.Where(t => t.Str("partition_parent") != null))
        {
            var parent = t.Str("partition_parent")!.Split('.', 2);
            Emit($"ALTER TABLE ONLY {Name(parent[0], parent[1])} ATTACH PARTITION {Name(t.Str("schema")!, t.Str("name")!)} {t.Str("partition_bound")}");
        }
    }

    /// <summary>Indexes after views: materialized views have indexes too.</summary>
    private void BuildIndexes(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        foreach (var i in q["indexes"].Where(r => In(r)))
        {
            if (!i.Bool("valid"))
            {
                // What a failed CREATE INDEX CONCURRENTLY leaves: not an index the schema has, so a plan builds it again.
                InvalidIndexes.Add(i.Str("schema") + "." + i.Str("name"));
                continue;
            }
            var sql = i.Str("definition")!;
            if (i.Str("tablespace") is { } ts) sql += " TABLESPACE " + Q(ts);
            Emit(sql);
            var name = Name(i.Str("schema")!, i.Str("name")!);
            Comment("INDEX " + name, i.Str("comment"));
            if (i.Str("attached_to") is { } parent)
            {
                var p = parent.Split('.', 2);
                _after.Append($"ALTER INDEX {Name(p[0], p[1])} ATTACH PARTITION {name};\n");
            }
        }
        foreach (var a in q["constraint_index_attachments"].Where(r => In(r, "child_schema")))
        {
            _after.Append($"ALTER INDEX {Name(a.Str("parent_schema")!, a.Str("parent_index")!)} ATTACH PARTITION {Name(a.Str("child_schema")!, a.Str("child_index")!)};\n");
        }
    }

    /// <summary>
    /// GRANT and REVOKE statements that take each object from its default privileges to what the catalog holds,
    /// replayed after everything else exists.
    /// </summary>
    private void BuildGrants(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        // Database-wide default privileges have no schema and are always part of the database.
        var groups = q["grants"].Where(r => In(r) || r.Str("schema") == null && r.Str("kind")!.StartsWith("default ", StringComparison.Ordinal)).GroupBy(r => (
            Kind: r.Str("kind")!, Schema: r.Str("schema"), Name: r.Str("name"), Args: r.Str("arguments"), Column: r.Str("column_name"),
            Grantee: r.Str("grantee"), State: r.Str("state")!));
        foreach (var g in groups)
        {
            var k = g.Key;
            var privileges = g.Select(r => r.Str("privilege")!).ToList();
            var state = k.State switch { "r" => GrantState.Revoked, "o" => GrantState.GrantedWithGrantOption, _ => GrantState.Granted };
            var grantee = k.Grantee == null ? "PUBLIC" : Q(k.Grantee);
            var isDefault = k.Kind.StartsWith("default ", StringComparison.Ordinal);
            var on = isDefault
                ? k.Kind[^1] switch { 'r' => "TABLES", 'S' => "SEQUENCES", 'f' => "FUNCTIONS", 'T' => "TYPES", _ => "SCHEMAS" }
                : k.Kind switch
                {
                    "schema" => "SCHEMA " + Q(k.Schema!),
                    "function" or "procedure" => $"{k.Kind.ToUpperInvariant()} {Name(k.Schema!, k.Name!)}({k.Args})",
                    _ => $"{k.Kind.ToUpperInvariant()} {Name(k.Schema!, k.Name!)}",
                };
            // Since PostgreSQL 17, ALL on a table includes MAINTAIN: written as ALL, it means what the source's ALL meant.
            if (version >= 170000 && on.StartsWith("TABLE", StringComparison.Ordinal) && k.Column == null && state != GrantState.Revoked && privileges.Count == 8)
            {
                privileges = ["ALL"];
            }
            if (k.Column != null) privileges = privileges.Select(p => $"{p} ({Q(k.Column)})").ToList();
            var statement = PostgresPrivilegeText.PrivilegeStatement(state, privileges, on, grantee);
            Emit(isDefault ? PostgresPrivilegeText.DefaultPrivilegesHead(k.Name, k.Schema) + " " + statement : statement);
        }
    }

    private static string ColumnDefinition(PostgresInspector.Row c)
    {
        var sb = new StringBuilder();
        sb.Append(Q(c.Str("name")!)).Append(' ').Append(c.Str("type"));
        if (c.Str("collation") is { } coll) sb.Append(" COLLATE ").Append(Q(coll));
        if (c.Str("compression") is { Length: > 0 } comp) sb.Append(" COMPRESSION ").Append(comp == "p" ? "pglz" : "lz4");
        var identity = c.Str("identity");
        if (identity is "a" or "d")
        {
            sb.Append(identity == "a" ? " GENERATED ALWAYS AS IDENTITY (" : " GENERATED BY DEFAULT AS IDENTITY (");
            sb.Append("SEQUENCE NAME ").Append(Name(c.Str("identity_sequence_schema")!, c.Str("identity_sequence")!));
            sb.Append(" START WITH ").Append(c.Long("identity_start")).Append(" INCREMENT BY ").Append(c.Long("identity_increment"));
            sb.Append(" MINVALUE ").Append(c.Long("identity_min")).Append(" MAXVALUE ").Append(c.Long("identity_max"));
            sb.Append(" CACHE ").Append(c.Long("identity_cache")).Append(c.Bool("identity_cycle") ? " CYCLE" : string.Empty).Append(')');
        }
        var generated = c.Str("generated");
        if (generated is "s" or "v")
        {
            sb.Append(" GENERATED ALWAYS AS (").Append(c.Str("default_expr")).Append(generated == "s" ? ") STORED" : ") VIRTUAL");
        }
        else if (c.Str("default_expr") is { } def)
        {
            sb.Append(" DEFAULT ").Append(def);
        }
        if (c.Bool("not_null")) sb.Append(" NOT NULL");
        return sb.ToString();
    }

    private void BuildViewsAndRoutines(Dictionary<string, List<PostgresInspector.Row>> q)
    {
        var viewColumns = q["columns"].Where(r => In(r)).GroupBy(r => Name(r.Str("schema")!, r.Str("table_name")!)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var v in q["views"].Where(r => In(r)))
        {
            var name = Name(v.Str("schema")!, v.Str("name")!);
            var query = v.Str("query")!.Trim().TrimEnd(';');
            var options = (v.Str("options") ?? string.Empty).Split(", ", StringSplitOptions.RemoveEmptyEntries).ToList();
            var check = options.FirstOrDefault(o => o.StartsWith("check_option=", StringComparison.Ordinal));
            if (check != null) options.Remove(check);
            var sql = new StringBuilder(v.Bool("materialized") ? $"CREATE MATERIALIZED VIEW {name}" : $"CREATE VIEW {name}");
            if (options.Count > 0) sql.Append(" WITH (").Append(string.Join(", ", options)).Append(')');
            if (v.Str("tablespace") is { } ts && v.Bool("materialized")) sql.Append(" TABLESPACE ").Append(Q(ts));
            sql.Append(" AS\n").Append(query);
            if (check != null) sql.Append("\n  WITH ").Append(check["check_option=".Length..].ToUpperInvariant()).Append(" CHECK OPTION");
            if (v.Bool("with_no_data")) sql.Append("\n  WITH NO DATA");
            Emit(sql.ToString());
            Comment((v.Bool("materialized") ? "MATERIALIZED VIEW " : "VIEW ") + name, v.Str("comment"));
            foreach (var c in viewColumns.GetValueOrDefault(name) ?? []) Comment($"COLUMN {name}.{Q(c.Str("name")!)}", c.Str("comment"));
        }
        foreach (var r in q["routines"].Where(r => In(r)))
        {
            var name = Name(r.Str("schema")!, r.Str("name")!);
            var kind = r.Str("kind");
            if (kind == "a")
            {
                var sql = new StringBuilder($"CREATE AGGREGATE {name}({r.Str("identity_arguments")}) (SFUNC = {r.Str("agg_sfunc")}, STYPE = {r.Str("agg_stype")}");
                if (r.Str("agg_finalfunc") is { } ff) sql.Append(", FINALFUNC = ").Append(ff);
                if (r.Str("agg_initcond") is { } ic) sql.Append(", INITCOND = ").Append(Lit(ic));
                Emit(sql.Append(')').ToString());
            }
            else
            {
                // pg_get_functiondef prints CREATE OR REPLACE ... with a trailing newline and no semicolon.
                Emit(r.Str("definition")!.TrimEnd());
            }
            var what = kind switch { "p" => "PROCEDURE", "a" => "AGGREGATE", _ => "FUNCTION" };
            Comment($"{what} {name}({r.Str("identity_arguments")})", r.Str("comment"));
        }
        foreach (var t in q["triggers"].Where(r => In(r)))
        {
            Emit(t.Str("definition")!);
            Comment($"TRIGGER {Q(t.Str("name")!)} ON {Name(t.Str("schema")!, t.Str("table_name")!)}", t.Str("comment"));
        }
        foreach (var p in q["policies"].Where(r => In(r)))
        {
            var table = Name(p.Str("schema")!, p.Str("table_name")!);
            var sql = new StringBuilder($"CREATE POLICY {Q(p.Str("name")!)} ON {table} AS {(p.Bool("permissive") ? "PERMISSIVE" : "RESTRICTIVE")} FOR {p.Str("command")} TO {p.Str("roles") ?? "public"}");
            if (p.Str("using_expr") is { } u) sql.Append(" USING (").Append(u).Append(')');
            if (p.Str("check_expr") is { } wc) sql.Append(" WITH CHECK (").Append(wc).Append(')');
            Emit(sql.ToString());
            Comment($"POLICY {Q(p.Str("name")!)} ON {table}", p.Str("comment"));
        }
        foreach (var r in q["rules"].Where(r => In(r)))
        {
            Emit(r.Str("definition")!.TrimEnd().TrimEnd(';'));
            Comment($"RULE {Q(r.Str("name")!)} ON {Name(r.Str("schema")!, r.Str("table_name")!)}", r.Str("comment"));
        }
    }
}
