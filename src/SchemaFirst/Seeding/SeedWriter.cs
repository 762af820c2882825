using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Seeding;

/// <summary>
/// Writes checked seed rows as SQL that can run any number of times and leaves the same rows: parents before the
/// tables that reference them; a row that gives a whole key (primary key, unique constraint or unique index) is inserted
/// with <c>ON CONFLICT DO NOTHING</c> (PostgreSQL, and SQLite, where it is preferred to <c>INSERT OR IGNORE</c>, which
/// would also swallow NOT NULL and CHECK failures); a row with no key is inserted only when no row with the same values
/// exists. PostgreSQL identity and serial sequences are moved past the ids a seed gave, so the application's next
/// insert does not collide with them.
/// </summary>
public static class SeedWriter
{
    /// <param name="target">The schema as the target dialect creates it, when that is not the source's: casts use its types.</param>
    public static (string Text, IReadOnlyList<Diagnostic> Notes) Write(SeedSet seeds, Database model, string dialect, Database? target = null)
    {
        var targetTables = target?.Tables.GroupBy(t => t.Name.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        Column TargetColumn(Table table, Column column) =>
            targetTables?.GetValueOrDefault(table.Name.Name.ToLowerInvariant())?.Columns.FirstOrDefault(c => c.Name.Equals(column.Name, StringComparison.OrdinalIgnoreCase)) ?? column;
        var notes = new List<Diagnostic>();
        var postgres = dialect == "postgres";
        var mysql = dialect is "mysql" or "mariadb";
        var flavor = postgres ? Target.Postgres : mysql ? Target.MySql : dialect == "sqlserver" ? Target.SqlServer : dialect == "oracle" ? Target.Oracle : Target.Sqlite;
        var merge = flavor is Target.SqlServer or Target.Oracle;
        var sqliteSource = model.SourceDialect == "sqlite";
        var tables = model.Tables.ToDictionary(t => t.Name);
        var uniqueIndexes = model.Indexes.Where(i => i.Unique && i.Where == null && i.Elements.All(e => e.Column != null)).ToLookup(i => i.Table);
        var sb = new StringBuilder();
        sb.Append("-- Seed data, written by SchemaFirst from the seed files; do not edit by hand.\n");
        sb.Append("-- Idempotent: running it again adds no row and changes none.\n");
        if (mysql) sb.Append("SET NAMES utf8mb4;\n");
        if (flavor == Target.Oracle) sb.Append("-- Oracle: run it as the schema's owner (or after ALTER SESSION SET CURRENT_SCHEMA).\n");
        foreach (var group in Order(seeds.Rows, tables))
        {
            var table = tables[group.Key];
            var keys = new List<IReadOnlyList<string>>();
            if (table.PrimaryKey is { } pk) keys.Add(pk.Columns.ToList());
            keys.AddRange(table.Uniques.Select(u => (IReadOnlyList<string>)u.Columns.ToList()));
            keys.AddRange(uniqueIndexes[table.Name].Select(i => (IReadOnlyList<string>)i.Elements.Select(e => e.Column!).ToList()));
            var name = postgres ? Dialects.Postgres.PostgresQuoting.Name(table.Name)
                : flavor == Target.SqlServer ? Quote(table.Name.Schema is "public" or "main" ? "dbo" : table.Name.Schema, flavor) + "." + Quote(table.Name.Name, flavor)
                : Quote(table.Name.Name, flavor);
            if (merge)
            {
                sb.Append('\n').Append("-- ").Append(table.Name).Append(": ").Append(group.Count()).Append(group.Count() == 1 ? " row\n" : " rows\n");
                WriteMerge(sb, table, name, group.ToList(), keys, flavor, sqliteSource, notes);
                continue;
            }
            sb.Append('\n').Append("-- ").Append(table.Name).Append(": ").Append(group.Count()).Append(group.Count() == 1 ? " row\n" : " rows\n");
            var rows = group.ToList();
            var i = 0;
            while (i < rows.Count)
            {
                var columns = rows[i].Columns;
                var keyed = Keyed(rows[i], keys);
                var j = i + 1;
                while (j < rows.Count && rows[j].Columns.SequenceEqual(columns) && Keyed(rows[j], keys) == keyed) j++;
                var batch = rows.GetRange(i, j - i);
                var columnList = string.Join(", ", columns.Select(c => Quote(c, flavor)));
                var overriding = postgres && columns.Any(c => table.FindColumn(c)?.Identity?.Always == true) ? " OVERRIDING SYSTEM VALUE" : string.Empty;
                if (keyed)
                {
                    sb.Append("INSERT INTO ").Append(name).Append(" (").Append(columnList).Append(')').Append(overriding).Append(" VALUES\n");
                    for (var r = 0; r < batch.Count; r++)
                    {
                        sb.Append("  (").Append(string.Join(", ", batch[r].Values.Select((v, k) => Value(v, flavor, sqliteSource, notes, table.FindColumn(columns[k]))))).Append(')');
                        sb.Append(r + 1 < batch.Count ? ",\n" : "\n");
                    }
                    // MySQL: a no-op update on a duplicate key (INSERT IGNORE would also swallow other errors).
                    sb.Append(mysql ? "ON DUPLICATE KEY UPDATE " + Quote(columns[0], flavor) + " = " + Quote(columns[0], flavor) + ";\n" : "ON CONFLICT DO NOTHING;\n");
                }
                else
                {
                    foreach (var row in batch)
                    {
                        notes.Add(new Diagnostic(Severity.Info, DiagnosticCodes.SeedNoKey,
                            $"this row of {table.Name} gives no whole key (primary key or unique); it is inserted when no row holds the same values", row.Location,
                            "give the primary key (or a unique column) to make the match exact"));
                        // DEFAULT has no place in a SELECT: those columns are left out, which means the same.
                        var given = row.Columns.Select((c, k) => (Column: TargetColumn(table, table.FindColumn(c)!), Value: row.Values[k])).Where(g => g.Value.Kind != SeedValueKind.Default).ToList();
                        if (given.Count == 0)
                        {
                            notes.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, $"this row of {table.Name} gives only DEFAULT values; nothing tells a second run that it is there",
                                row.Location, "give the key, or the values that make the row what it is"));
                            continue;
                        }
                        var typed = given.Select(g => Typed(g.Value, g.Column, flavor, sqliteSource, notes)).ToList();
                        // A value the database computes (now(), gen_random_uuid()) differs on every run: it cannot say whether the
                        // row is there. Types without equality (json, xml, arrays of them) are compared as text.
                        var matchable = given.Select((g, k) => (g.Column, Value: typed[k], g.Value.Kind)).Where(m => m.Kind != SeedValueKind.Expression).ToList();
                        if (matchable.Count == 0)
                        {
                            notes.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, $"this row of {table.Name} gives no key and only computed values; a second run would add it again",
                                row.Location, "give the key, or a plain value to recognise the row by"));
                            continue;
                        }
                        sb.Append("INSERT INTO ").Append(name).Append(" (").Append(string.Join(", ", given.Select(g => Quote(g.Column.Name, flavor)))).Append(')').Append(overriding).Append('\n');
                        sb.Append("SELECT ").Append(string.Join(", ", typed)).Append(mysql ? " FROM DUAL" : string.Empty).Append('\n');
                        sb.Append("WHERE NOT EXISTS (SELECT 1 FROM ").Append(name).Append(" WHERE ");
                        sb.Append(string.Join(" AND ", matchable.Select(m => mysql ? Quote(m.Column.Name, flavor) + " <=> " + m.Value
                            : !postgres ? Quote(m.Column.Name, flavor) + " IS " + m.Value
                            : Comparable(m.Column.Type) ? Quote(m.Column.Name, Target.Postgres) + " IS NOT DISTINCT FROM " + m.Value
                            : Quote(m.Column.Name, Target.Postgres) + "::text IS NOT DISTINCT FROM (" + m.Value + ")::text")));
                        sb.Append(");\n");
                    }
                }
                i = j;
            }
            if (postgres)
            {
                foreach (var column in table.Columns.Where(c => (c.Identity != null || c.Default?.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase) == true) && rows.Any(r => r.Columns.Contains(c.Name))))
                {
                    var literal = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
                    var col = "'" + column.Name.Replace("'", "''", StringComparison.Ordinal) + "'"; // a column name is taken literally here
                    var sequence = $"pg_get_serial_sequence({literal}, {col})";
                    sb.Append("-- move the sequence of ").Append(column.Name).Append(" past the seeded ids\n");
                    // Only forward: past the sequence's last value, or, when it was never used, past its START WITH - 1.
                    sb.Append("SELECT setval(").Append(sequence).Append(", max(").Append(Quote(column.Name, Target.Postgres)).Append(")) FROM ").Append(name).Append('\n');
                    sb.Append("HAVING max(").Append(Quote(column.Name, Target.Postgres)).Append(") > (SELECT coalesce(s.last_value, s.start_value - 1) FROM pg_sequences s\n");
                    sb.Append("  WHERE format('%I.%I', s.schemaname, s.sequencename)::regclass = ").Append(sequence).Append("::regclass);\n");
                }
            }
        }
        return (sb.ToString(), notes);
    }

    /// <summary>Tables in the order their rows can go in: parents before children, else the order of the seed files.</summary>
    private static IEnumerable<IGrouping<QualifiedName, SeedRow>> Order(IReadOnlyList<SeedRow> rows, Dictionary<QualifiedName, Table> tables)
    {
        var groups = rows.GroupBy(r => r.Table).ToList();
        var byName = groups.ToDictionary(g => g.Key);
        var done = new HashSet<QualifiedName>();
        var visiting = new HashSet<QualifiedName>();
        var ordered = new List<IGrouping<QualifiedName, SeedRow>>();
        foreach (var g in groups) Visit(g.Key);
        return ordered;

        void Visit(QualifiedName name)
        {
            if (done.Contains(name) || !visiting.Add(name)) return; // a cycle keeps the file order
            // Only a key the rows fill in orders them: customers.default_address_id left empty does not put addresses first.
            foreach (var fk in tables[name].ForeignKeys)
            {
                if (fk.ReferencedTable == name || !byName.ContainsKey(fk.ReferencedTable)) continue;
                if (byName[name].Any(r => fk.Columns.All(c => IndexOf(r.Columns, c) is var i && i >= 0 && r.Values[i].Kind != SeedValueKind.Null))) Visit(fk.ReferencedTable);
            }
            visiting.Remove(name);
            if (done.Add(name)) ordered.Add(byName[name]);
        }
    }

    /// <summary>Whether the row gives a whole key as plain values: a computed key (gen_random_uuid()) is new on every run.</summary>
    private static bool Keyed(SeedRow row, List<IReadOnlyList<string>> keys) =>
        keys.Any(k => k.Count > 0 && k.All(c =>
        {
            var i = IndexOf(row.Columns, c);
            return i >= 0 && row.Values[i].Kind is SeedValueKind.Number or SeedValueKind.String or SeedValueKind.Boolean;
        }));

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item) return i;
        }
        return -1;
    }

    /// <summary>Whether values of the type can be compared with IS NOT DISTINCT FROM (json, xml and geometry cannot).</summary>
    private static bool Comparable(DataType type) => type.Kind is not (TypeKind.Json or TypeKind.Xml or TypeKind.Geometric or TypeKind.Unknown or TypeKind.User or TypeKind.Composite or TypeKind.Array or TypeKind.Domain);

    /// <summary>A value with its column's type spelled out, for PostgreSQL's SELECT form where no target type is inferred.</summary>
    private static string Typed(SeedValue value, Column column, Target target, bool sqliteSource, List<Diagnostic> notes)
    {
        var sql = Value(value, target, sqliteSource, notes, column);
        return target == Target.Postgres ? "CAST(" + sql + " AS " + column.Type.Text + ")" : sql;
    }

    /// <summary>A value in the target dialect: kept as written for its own dialect, converted for the other.</summary>
    private static string Value(SeedValue value, Target target, bool sqliteSource, List<Diagnostic> notes, Column? column = null)
    {
        var postgres = target == Target.Postgres;
        if (target is Target.SqlServer or Target.Oracle)
        {
            Func<string, string> literal = target == Target.SqlServer ? Dialects.SqlServer.SqlServerQuoting.Literal : Dialects.Oracle.OracleQuoting.Literal;
            if (target == Target.Oracle && value.Kind == SeedValueKind.String && value.Text!.Length == 0)
            {
                notes.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.SeedValue, "the empty string is NULL in Oracle", value.Location, "give a value, or NULL"));
            }
            return value.Kind switch
            {
                SeedValueKind.Null => "NULL",
                SeedValueKind.Number => value.Sql,
                SeedValueKind.String when column?.Type.Kind == TypeKind.Array && !sqliteSource => literal(ArrayAsJson(value, notes)),
                SeedValueKind.String when Temporal(value, column, target) is { } temporal => temporal,
                SeedValueKind.String => literal(value.Text!),
                SeedValueKind.Boolean => value.Sql is "true" or "1" ? "1" : "0",
                _ => Copied(value, target == Target.SqlServer ? "SQL Server" : "Oracle", notes),
            };
        }
        if (target == Target.MySql)
        {
            // Written for MySQL from either source: strings re-quoted for its backslash escapes.
            return value.Kind switch
            {
                SeedValueKind.Null => "NULL",
                SeedValueKind.Number => value.Sql,
                SeedValueKind.String when column?.Type.Kind == TypeKind.Array && !sqliteSource => Dialects.MySql.MySqlQuoting.Literal(ArrayAsJson(value, notes)),
                SeedValueKind.String when Temporal(value, column, target) is { } temporal => temporal,
                SeedValueKind.String => Dialects.MySql.MySqlQuoting.Literal(value.Text!),
                SeedValueKind.Boolean => value.Sql is "true" or "1" ? "TRUE" : "FALSE",
                SeedValueKind.Default => "DEFAULT",
                _ => Copied(value, "MySQL", notes),
            };
        }
        if (postgres != sqliteSource) return value.Sql; // the source's own dialect
        switch (value.Kind)
        {
            case SeedValueKind.Null: return "NULL";
            case SeedValueKind.Number: return value.Sql;
            case SeedValueKind.String: return "'" + value.Text!.Replace("'", "''", StringComparison.Ordinal) + "'";
            case SeedValueKind.Boolean: return postgres ? value.Sql : value.Sql == "true" ? "1" : "0";
            case SeedValueKind.Default:
                if (!postgres)
                {
                    notes.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, "SQLite has no DEFAULT in VALUES", value.Location, "leave the column out of this INSERT instead"));
                }
                return "DEFAULT";
            default:
                notes.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.SeedValue, $"the expression {value.Sql} is copied as written into {(postgres ? "PostgreSQL" : "SQLite")} SQL",
                    value.Location, "check that the target database has what it calls"));
                return value.Sql;
        }
    }

    /// <summary>
    /// A date or timestamp string in the form the target reads without guessing: Oracle's DATE and TIMESTAMP literals
    /// (its session format would misread '2024-01-31'), ISO 8601 with a +hh:mm offset for SQL Server, and UTC without an
    /// offset for MySQL's DATETIME. Null when the column is not a date or time, or the string is no plain date or time.
    /// </summary>
    private static string? Temporal(SeedValue value, Column? column, Target target)
    {
        if (column?.Type.Kind is not (TypeKind.Date or TypeKind.Timestamp) || value.Text is not { } text) return null;
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        if (column.Type.Kind == TypeKind.Date)
        {
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", ci, System.Globalization.DateTimeStyles.None, out var d)) return null;
            var iso = d.ToString("yyyy-MM-dd", ci);
            return target switch { Target.Oracle => "DATE '" + iso + "'", Target.SqlServer => "N'" + iso + "'", _ => "'" + iso + "'" };
        }
        if (!DateTimeOffset.TryParse(text.Trim(), ci, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)) return null;
        var zone = column.Type.WithTimeZone;
        return target switch
        {
            Target.Oracle => "TIMESTAMP '" + t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", ci) + (zone ? " " + t.ToString("zzz", ci) : string.Empty) + "'",
            Target.SqlServer => "N'" + t.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", ci) + (zone ? t.ToString("zzz", ci) : string.Empty) + "'",
            _ => "'" + (zone ? t.UtcDateTime : t.DateTime).ToString("yyyy-MM-dd HH:mm:ss.ffffff", ci) + "'",
        };
    }

    /// <summary>A PostgreSQL array literal (<c>{a,"b c",NULL}</c>) as the JSON array a MySQL JSON column holds.</summary>
    private static string ArrayAsJson(SeedValue value, List<Diagnostic> notes)
    {
        var text = value.Text!.Trim();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}' || text[1..^1].Contains('{'))
        {
            notes.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.SeedValue, $"{value.Sql} is not a one-dimensional array literal; copied as written", value.Location, "write it as {a,b,c}"));
            return value.Text!;
        }
        var items = new List<string?>();
        var body = text[1..^1];
        var i = 0;
        while (i < body.Length)
        {
            var sb = new StringBuilder();
            var quoted = false;
            if (body[i] == '"')
            {
                quoted = true;
                i++;
                while (i < body.Length && body[i] != '"')
                {
                    if (body[i] == '\\' && i + 1 < body.Length) i++;
                    sb.Append(body[i++]);
                }
                i++;
            }
            else
            {
                while (i < body.Length && body[i] != ',') sb.Append(body[i++]);
            }
            var item = quoted ? sb.ToString() : sb.ToString().Trim();
            items.Add(!quoted && item.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : item);
            while (i < body.Length && body[i] != ',') i++;
            i++;
        }
        if (body.Length == 0) items.Clear();
        return "[" + string.Join(",", items.Select(x => x == null ? "null" : System.Text.Json.JsonSerializer.Serialize(x))) + "]";
    }

    private enum Target
    {
        Postgres,
        Sqlite,
        MySql,
        SqlServer,
        Oracle,
    }

    /// <summary>
    /// SQL Server and Oracle: one MERGE per batch of rows with the same columns, inserting those no row matches yet
    /// (on the key the rows give, else null-safely on every plain value); SQL Server's explicit identity values inside
    /// IDENTITY_INSERT, Oracle's identity moved past them afterwards.
    /// </summary>
    private static void WriteMerge(StringBuilder sb, Table table, string name, List<SeedRow> rows, List<IReadOnlyList<string>> keys, Target flavor, bool sqliteSource, List<Diagnostic> notes)
    {
        var sqlServer = flavor == Target.SqlServer;
        var identity = table.Columns.FirstOrDefault(c => c.Identity != null || c.Default?.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase) == true);
        var i = 0;
        while (i < rows.Count)
        {
            var columns = rows[i].Columns;
            var j = i + 1;
            while (j < rows.Count && rows[j].Columns.SequenceEqual(columns)) j++;
            var batch = rows.GetRange(i, j - i);
            i = j;
            if (batch.Any(r => r.Values.Any(v => v.Kind == SeedValueKind.Default)))
            {
                foreach (var r in batch.Where(r => r.Values.Any(v => v.Kind == SeedValueKind.Default)))
                {
                    notes.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, "DEFAULT cannot stand in a MERGE's rows", r.Location, "leave the column out of this INSERT instead"));
                }
                continue;
            }
            var key = keys.FirstOrDefault(k => k.Count > 0 && batch.All(r => k.All(c => IndexOf(r.Columns, c) is var x && x >= 0 && r.Values[x].Kind is SeedValueKind.Number or SeedValueKind.String or SeedValueKind.Boolean)));
            // Oracle compares no CLOB with '=': unbounded text is left out of a keyless match there.
            var match = key ?? columns.Where((c, k) => batch.All(r => r.Values[k].Kind != SeedValueKind.Expression) && table.FindColumn(c)?.Type is { } t && Comparable(t)
                && !(flavor == Target.Oracle && (t.Kind == TypeKind.Text || (t.Kind == TypeKind.VarChar && t.Length == null)))).ToList();
            if (match.Count == 0)
            {
                foreach (var r in batch) notes.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, $"this row of {table.Name} gives no key and only computed values; a second run would add it again", r.Location, "give the key, or a plain value to recognise the row by"));
                continue;
            }
            if (key == null)
            {
                foreach (var r in batch) notes.Add(new Diagnostic(Severity.Info, DiagnosticCodes.SeedNoKey, $"this row of {table.Name} gives no whole key (primary key or unique); it is inserted when no row holds the same values", r.Location, "give the primary key (or a unique column) to make the match exact"));
            }
            var quoted = columns.Select(c => Quote(c, flavor)).ToList();
            var explicitIdentity = identity != null && columns.Contains(identity.Name);
            if (sqlServer && explicitIdentity) sb.Append("SET IDENTITY_INSERT ").Append(name).Append(" ON;\n");
            sb.Append("MERGE INTO ").Append(name).Append(sqlServer ? " AS target\nUSING (VALUES\n" : " target\nUSING (\n");
            for (var r = 0; r < batch.Count; r++)
            {
                var values = batch[r].Values.Select((v, k) => Value(v, flavor, sqliteSource, notes, table.FindColumn(columns[k]))).ToList();
                if (sqlServer) sb.Append("  (").Append(string.Join(", ", values)).Append(')').Append(r + 1 < batch.Count ? ",\n" : "\n");
                else sb.Append("  SELECT ").Append(string.Join(", ", values.Select((v, k) => v + " AS " + quoted[k]))).Append(" FROM dual").Append(r + 1 < batch.Count ? " UNION ALL\n" : "\n");
            }
            sb.Append(sqlServer ? ") AS source (" + string.Join(", ", quoted) + ")\n" : ") source\n");
            var on = match.Select(c =>
            {
                var q = Quote(c, flavor);
                return key != null ? $"target.{q} = source.{q}" : $"(target.{q} = source.{q} OR (target.{q} IS NULL AND source.{q} IS NULL))";
            });
            sb.Append("ON (").Append(string.Join(" AND ", on)).Append(")\n");
            sb.Append(sqlServer ? "WHEN NOT MATCHED BY TARGET THEN\n" : "WHEN NOT MATCHED THEN\n");
            sb.Append("  INSERT (").Append(string.Join(", ", quoted)).Append(") VALUES (").Append(string.Join(", ", quoted.Select(q => "source." + q))).Append(");\n");
            if (sqlServer && explicitIdentity) sb.Append("SET IDENTITY_INSERT ").Append(name).Append(" OFF;\n");
            if (sqlServer) sb.Append("GO\n");
            if (!sqlServer && explicitIdentity)
            {
                // Oracle's identity does not see explicit values: moved past the highest.
                sb.Append("ALTER TABLE ").Append(name).Append(" MODIFY ").Append(Quote(identity!.Name, flavor)).Append(" GENERATED BY DEFAULT ON NULL AS IDENTITY (START WITH LIMIT VALUE);\n");
            }
        }
    }

    private static string Copied(SeedValue value, string engine, List<Diagnostic> notes)
    {
        notes.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.SeedValue, $"the expression {value.Sql} is copied as written into {engine} SQL", value.Location,
            "check that the target database has what it calls"));
        return value.Sql;
    }

    private static string Quote(string name, Target target) => target switch
    {
        Target.Postgres => Dialects.Postgres.PostgresQuoting.Quote(name),
        Target.MySql => Dialects.MySql.MySqlQuoting.Quote(name),
        Target.SqlServer => Dialects.SqlServer.SqlServerQuoting.Quote(name),
        Target.Oracle => Dialects.Oracle.OracleQuoting.Quote(name),
        _ => Dialects.Sqlite.SqliteQuoting.Quote(name),
    };
}
