using System.Text;

namespace SchemaFirst.Tests.Fuzz;

/// <summary>
/// Random DDL from a small grammar, in the syntax of each reader: tables with columns of the dialect's types, defaults,
/// NOT NULL, primary and unique keys, checks and foreign keys to earlier tables; indexes (unique, multi-column);
/// views; comments; and, where the dialect has them, enums and sequences. Names are drawn from a pool that includes
/// reserved words and names that must be quoted. Valid by construction, so a reader must read every one without an
/// error; the mutation fuzzer also takes them as seeds. A fixed seed gives the same schemas.
/// </summary>
public static class DdlGrammar
{
    private static readonly string[] Words = ["id", "name", "user", "order", "group", "select", "value", "created_at", "Total", "note", "kind", "x1", "päivä", "from", "key"];

    private static readonly Dictionary<string, string[]> Types = new()
    {
        ["postgres"] = ["integer", "bigint", "smallint", "text", "varchar(40)", "numeric(10,2)", "boolean", "date", "timestamptz", "jsonb", "uuid", "bytea", "double precision", "char(3)"],
        ["sqlite"] = ["INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB", "VARCHAR(40)", "BOOLEAN", "DATETIME"],
        ["mysql"] = ["INT", "BIGINT", "VARCHAR(40)", "TEXT", "DECIMAL(10,2)", "TINYINT(1)", "DATE", "DATETIME", "JSON", "DOUBLE", "CHAR(3)", "INT UNSIGNED"],
        ["sqlserver"] = ["INT", "BIGINT", "NVARCHAR(40)", "NVARCHAR(MAX)", "DECIMAL(10,2)", "BIT", "DATE", "DATETIME2", "UNIQUEIDENTIFIER", "VARBINARY(MAX)", "FLOAT"],
        ["oracle"] = ["NUMBER(10)", "NUMBER(19)", "VARCHAR2(40 CHAR)", "CLOB", "NUMBER(10,2)", "NUMBER(1)", "DATE", "TIMESTAMP", "RAW(16)", "BINARY_DOUBLE"],
    };

    public static IEnumerable<string> Schemas(string dialect, int count, int seed = 20261202)
    {
        var random = new Random(seed ^ dialect.Length * 7919);
        for (var i = 0; i < count; i++) yield return Schema(dialect, random);
    }

    private static string Quote(string dialect, string name) => dialect switch
    {
        "mysql" => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`",
        "sqlserver" => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]",
        _ => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
    };

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Schema(string dialect, Random random)
    {
        var sb = new StringBuilder();
        var tables = new List<(string Name, List<(string Name, string Type)> Columns)>();
        var terminator = dialect == "sqlserver" ? ";\nGO\n" : ";\n";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string Fresh(string prefix)
        {
            while (true)
            {
                var n = random.Next(4) == 0 ? Words[random.Next(Words.Length)] + "_" + prefix : prefix + "_" + Words[random.Next(Words.Length)] + random.Next(100);
                if (names.Add(n)) return n;
            }
        }
        if (dialect == "postgres" && random.Next(2) == 0)
        {
            sb.Append("CREATE TYPE ").Append(Quote(dialect, "mood")).Append(" AS ENUM ('sad', 'it''s ok', 'happy')").Append(terminator);
            names.Add("mood");
        }
        if (dialect is "postgres" or "oracle" && random.Next(2) == 0)
        {
            sb.Append("CREATE SEQUENCE ").Append(Quote(dialect, Fresh("seq"))).Append(" START WITH ").Append(1 + random.Next(1000)).Append(" INCREMENT BY ").Append(1 + random.Next(5)).Append(terminator);
        }
        for (var t = 0; t < 1 + random.Next(5); t++)
        {
            var table = Fresh("t");
            var columns = new List<(string Name, string Type)>();
            var columnNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id" };
            var idType = dialect switch { "postgres" => "integer", "sqlite" => "INTEGER", "mysql" => "INT", "sqlserver" => "INT", _ => "NUMBER(10)" };
            var lines = new List<string> { $"{Quote(dialect, "id")} {idType} NOT NULL PRIMARY KEY" };
            columns.Add(("id", idType));
            for (var c = 0; c < 1 + random.Next(6); c++)
            {
                string column;
                do column = Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? string.Empty : "_" + c); while (!columnNames.Add(column));
                var type = dialect == "postgres" && names.Contains("mood") && random.Next(5) == 0 ? Quote(dialect, "mood") : Types[dialect][random.Next(Types[dialect].Length)];
                var line = new StringBuilder(Quote(dialect, column)).Append(' ').Append(type);
                var numeric = type.StartsWith("int", StringComparison.OrdinalIgnoreCase) || type.StartsWith("INT", StringComparison.Ordinal) || type.StartsWith("NUMBER(10)", StringComparison.Ordinal) || type is "bigint" or "BIGINT";
                var textual = type.Contains("char", StringComparison.OrdinalIgnoreCase) || type is "text" or "TEXT";
                // DEFAULT first: Oracle takes it only before the constraints.
                if (random.Next(3) == 0 && numeric) line.Append(" DEFAULT ").Append(random.Next(100));
                else if (random.Next(3) == 0 && textual && !type.Contains("MAX", StringComparison.Ordinal) && type != "TEXT" && type != "text") line.Append(" DEFAULT ").Append(Literal(random.Next(2) == 0 ? "n/a" : "it's"));
                if (random.Next(3) == 0) line.Append(" NOT NULL");
                if (random.Next(4) == 0 && numeric) line.Append(" CHECK (").Append(Quote(dialect, column)).Append(" >= 0)");
                if (random.Next(6) == 0 && numeric && tables.Count > 0)
                {
                    var parent = tables[random.Next(tables.Count)];
                    if (parent.Columns[0].Type == type || dialect is "sqlite" or "postgres" && type is "integer" or "INTEGER")
                    {
                        line.Append(" REFERENCES ").Append(Quote(dialect, parent.Name)).Append(" (").Append(Quote(dialect, "id")).Append(')');
                        if (random.Next(2) == 0) line.Append(" ON DELETE CASCADE");
                    }
                }
                lines.Add(line.ToString());
                columns.Add((column, type));
            }
            if (columns.Count > 2 && random.Next(3) == 0 && IsKeyable(columns[1].Type) && IsKeyable(columns[2].Type))
            {
                lines.Add($"CONSTRAINT {Quote(dialect, Fresh("uq"))} UNIQUE ({Quote(dialect, columns[1].Name)}, {Quote(dialect, columns[2].Name)})");
            }
            sb.Append("CREATE TABLE ").Append(Quote(dialect, table)).Append(" (\n    ").Append(string.Join(",\n    ", lines)).Append("\n)");
            if (dialect == "mysql") sb.Append(" ENGINE=InnoDB");
            sb.Append(terminator);
            tables.Add((table, columns));
            foreach (var col in columns.Skip(1).Where(col => IsKeyable(col.Type) && random.Next(3) == 0))
            {
                sb.Append(random.Next(3) == 0 ? "CREATE UNIQUE INDEX " : "CREATE INDEX ").Append(Quote(dialect, Fresh("ix"))).Append(" ON ").Append(Quote(dialect, table))
                    .Append(" (").Append(Quote(dialect, col.Name)).Append(random.Next(3) == 0 ? " DESC" : string.Empty).Append(')').Append(terminator);
            }
            if (dialect is "postgres" or "oracle" && random.Next(2) == 0)
            {
                sb.Append("COMMENT ON TABLE ").Append(Quote(dialect, table)).Append(" IS ").Append(Literal("the " + table + "'s rows")).Append(terminator);
            }
        }
        if (random.Next(2) == 0)
        {
            var (name, columns) = tables[random.Next(tables.Count)];
            var picked = string.Join(", ", columns.Take(1 + random.Next(columns.Count)).Select(c => Quote(dialect, c.Name)));
            sb.Append("CREATE VIEW ").Append(Quote(dialect, Fresh("v"))).Append(" AS SELECT ").Append(picked).Append(" FROM ").Append(Quote(dialect, name))
                .Append(" WHERE ").Append(Quote(dialect, "id")).Append(" > ").Append(random.Next(10)).Append(terminator);
        }
        return sb.ToString();
    }

    /// <summary>Whether every dialect indexes the type without a prefix length (MySQL refuses TEXT and JSON keys).</summary>
    private static bool IsKeyable(string type) =>
        !(type.Contains("text", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.Contains("MAX", StringComparison.Ordinal)
          || type is "CLOB" or "BLOB" or "bytea" or "BINARY_DOUBLE" || type.StartsWith("RAW", StringComparison.Ordinal));
}
