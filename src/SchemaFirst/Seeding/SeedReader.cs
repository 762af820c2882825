using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Seeding;

/// <summary>
/// Reads seed files (<c>INSERT INTO table (columns) VALUES (...), (...);</c>) and checks every row against the schema:
/// the table and columns exist, the value count matches, every NOT NULL column without a default is given, generated
/// columns are not written, and each literal fits its column's type (numbers in range, strings within their length,
/// dates, uuids, booleans and enum labels that the database would accept). Anything that is not such an INSERT is
/// reported, never skipped.
/// </summary>
public static class SeedReader
{
    public static SeedSet Read(IReadOnlyList<(string Path, string Text)> files, Database model, string defaultSchema)
    {
        var rows = new List<SeedRow>();
        var diagnostics = new List<Diagnostic>();
        var sqlite = model.SourceDialect == "sqlite";
        var tables = model.Tables.ToDictionary(t => sqlite ? t.Name with { Name = t.Name.Name.ToLowerInvariant() } : t.Name);
        var enums = model.Enums.ToDictionary(e => e.Name);
        var domains = model.Domains.ToDictionary(d => d.Name);
        foreach (var (path, text) in files)
        {
            var reader = new SqlStatementReader(new StringReader(text), path, diagnostics, new CountingFallback()) { KeepInserts = true };
            while (reader.Next() is { } statement)
            {
                if (statement.Kind == RawStatementKind.MetaCommand)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedStatement, $"'{statement.Text}' is a psql command; seed files hold INSERT statements",
                        new SourceSpan(path, statement.Line, statement.Column), "remove it"));
                    continue;
                }
                var parsed = new InsertParser(statement, path, sqlite, defaultSchema, diagnostics).Parse();
                if (parsed == null) continue;
                var (table, columns, valueRows, location) = parsed.Value;
                var key = sqlite ? table with { Name = table.Name.ToLowerInvariant() } : table;
                if (!tables.TryGetValue(key, out var def))
                {
                    var closest = Closest(table.Name, model.Tables.Select(t => t.Name.Name));
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedTable, $"table {table} is not in the schema",
                        location, closest != null ? $"did you mean {closest}?" : "create it in the schema first, or fix the name"));
                    continue;
                }
                var resolvedColumns = new List<Column>();
                var bad = false;
                if (columns.Count == 0)
                {
                    resolvedColumns.AddRange(def.Columns.Where(c => c.Generated == null));
                }
                foreach (var (name, span) in columns)
                {
                    var col = def.Columns.FirstOrDefault(c => sqlite ? c.Name.Equals(name, StringComparison.OrdinalIgnoreCase) : c.Name == name);
                    if (col == null)
                    {
                        var closest = Closest(name, def.Columns.Select(c => c.Name));
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedColumn, $"column {name} is not in table {def.Name}",
                            span, closest != null ? $"did you mean {closest}?" : $"its columns are {string.Join(", ", def.Columns.Select(c => c.Name))}"));
                        bad = true;
                        continue;
                    }
                    if (resolvedColumns.Contains(col))
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedColumn, $"column {name} is given twice", span, "give each column once"));
                        bad = true;
                        continue;
                    }
                    if (col.Generated != null)
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedColumn, $"column {def.Name}.{name} is generated; the database computes it and refuses a value",
                            span, "leave it out of the INSERT"));
                        bad = true;
                    }
                    resolvedColumns.Add(col);
                }
                if (bad) continue;
                var pk = def.PrimaryKey?.Columns.ToHashSet() ?? [];
                foreach (var missing in def.Columns.Where(c => !resolvedColumns.Contains(c) && (c.NotNull || pk.Contains(c.Name)) && c.Default == null && c.Identity == null && c.Generated == null
                             && !(c.Type.Kind == TypeKind.Domain && c.Type.UserType is { } d && domains.GetValueOrDefault(d)?.Default != null)
                             && !(sqlite && pk.Count == 1 && pk.Contains(c.Name) && c.Type.Kind == TypeKind.Integer)))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedRequired, $"column {def.Name}.{missing.Name} is NOT NULL and has no default, but the INSERT does not give it",
                        location, $"add {missing.Name} to the column list and a value to every row"));
                    bad = true;
                }
                if (bad) continue;
                foreach (var values in valueRows)
                {
                    if (values.Values.Count != resolvedColumns.Count)
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValueCount,
                            $"this row has {values.Values.Count} value(s) for {resolvedColumns.Count} column(s) of {def.Name}", values.Location, "give one value per column, in the column list's order"));
                        continue;
                    }
                    var ok = true;
                    for (var i = 0; i < values.Values.Count; i++)
                    {
                        var problem = Check(values.Values[i], resolvedColumns[i], pk.Contains(resolvedColumns[i].Name), enums, domains, sqlite);
                        if (problem == null) continue;
                        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedValue, $"{def.Name}.{resolvedColumns[i].Name}: {problem.Value.Message}", values.Values[i].Location, problem.Value.Help));
                        ok = false;
                    }
                    if (ok) rows.Add(new SeedRow(def.Name, resolvedColumns.Select(c => c.Name).ToList(), values.Values, values.Location));
                }
            }
        }
        return new SeedSet(rows, diagnostics);
    }

    /// <summary>
    /// The rows checked once more against the schema as another dialect creates it: a default the target cannot express
    /// (SQLite has no gen_random_uuid()) leaves a NOT NULL column the rows must then give themselves.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckTarget(IReadOnlyList<SeedRow> rows, Database target, string targetName)
    {
        var sqliteTarget = target.SourceDialect == "sqlite";
        var diagnostics = new List<Diagnostic>();
        var byName = target.Tables.GroupBy(t => t.Name.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in rows.GroupBy(r => (r.Table, Columns: string.Join(",", r.Columns))))
        {
            if (!byName.TryGetValue(group.Key.Table.Name.ToLowerInvariant(), out var table)) continue;
            var first = group.First();
            var given = first.Columns.Select(c => c.ToLowerInvariant()).ToHashSet();
            var pk = table.PrimaryKey?.Columns.ToHashSet() ?? [];
            foreach (var c in table.Columns.Where(c => c.NotNull && c.Default == null && c.Identity == null && c.Generated == null && !given.Contains(c.Name.ToLowerInvariant())
                         && !(sqliteTarget && pk.Count == 1 && pk.Contains(c.Name) && c.Type.Kind == TypeKind.Integer)))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedRequired,
                    $"column {group.Key.Table}.{c.Name} has no default in {targetName} (its default cannot be expressed there), and the INSERT does not give it",
                    first.Location, $"give {c.Name} in the seed rows"));
            }
        }
        return diagnostics;
    }

    /// <summary>Whether a literal fits its column: what the database would refuse, said before it does.</summary>
    private static (string Message, string Help)? Check(SeedValue value, Column column, bool inPrimaryKey, Dictionary<QualifiedName, EnumType> enums, Dictionary<QualifiedName, DomainType> domains, bool sqlite)
    {
        var type = column.Type;
        var notNull = column.NotNull || inPrimaryKey;
        for (var guard = 0; guard < 16 && type.Kind == TypeKind.Domain && type.UserType is { } d && domains.TryGetValue(d, out var domain); guard++)
        {
            notNull |= domain.NotNull;
            type = domain.BaseType;
        }
        switch (value.Kind)
        {
            case SeedValueKind.Null:
                return notNull && !(sqlite && inPrimaryKey && type.Kind == TypeKind.Integer) ? ("NULL in a NOT NULL column", "give a value") : null;
            case SeedValueKind.Default:
                return notNull && column.Default == null && column.Identity == null ? ("DEFAULT in a NOT NULL column without a default", "give a value") : null;
            case SeedValueKind.Expression:
                return null; // computed by the database when the seed runs
        }
        if (sqlite) return null; // SQLite stores what it is given (type affinity)
        var text = value.Kind == SeedValueKind.String ? value.Text! : value.Sql;
        switch (type.Kind)
        {
            case TypeKind.SmallInt:
            case TypeKind.Integer:
            case TypeKind.BigInt:
                if (value.Kind == SeedValueKind.Boolean) return ($"{value.Sql} is a boolean, the column is {type.Text}", "give a whole number");
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    return ($"{value.Sql} is not a whole number ({type.Text})", "give a whole number");
                }
                var (min, max) = type.Kind switch { TypeKind.SmallInt => (short.MinValue, (long)short.MaxValue), TypeKind.Integer => (int.MinValue, (long)int.MaxValue), _ => (long.MinValue, long.MaxValue) };
                return n < min || n > max ? ($"{n} is out of range for {type.Text} ({min} to {max})", "give a smaller number, or widen the column") : null;
            case TypeKind.Decimal:
            case TypeKind.Real:
            case TypeKind.Double:
                if (value.Kind == SeedValueKind.Boolean || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !IsSpecialFloat(text))
                {
                    return ($"{value.Sql} is not a number ({type.Text})", "give a number");
                }
                if (type.Kind == TypeKind.Decimal && type.Precision is { } p && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number))
                {
                    // Digits before the point, counted on the value (rounding to the scale is left to the database).
                    var scale = type.Scale ?? 0;
                    var magnitude = Math.Abs(number);
                    var integerDigits = magnitude < 1 ? 0 : (int)Math.Floor(Math.Log10(magnitude)) + 1;
                    if (integerDigits > p - scale) return ($"{value.Sql} does not fit {type.Text} (at most {p - scale} digit(s) before the point)", "give a smaller number, or widen the column");
                }
                return null;
            case TypeKind.Boolean:
                if (value.Kind == SeedValueKind.Boolean) return null;
                return text.Trim().ToLowerInvariant() is "t" or "f" or "true" or "false" or "y" or "n" or "yes" or "no" or "on" or "off" or "1" or "0"
                    ? null : ($"{value.Sql} is not a boolean", "give true or false");
            case TypeKind.Char:
            case TypeKind.VarChar:
                if (type.Length is { } length && value.Kind == SeedValueKind.String && text.Length > length && !(type.Kind == TypeKind.Char && text[length..].All(c => c == ' ')))
                {
                    return ($"'{Short(text)}' has {text.Length} characters; {type.Text} holds {length}", "shorten the value, or widen the column");
                }
                return null;
            case TypeKind.Uuid:
                return value.Kind == SeedValueKind.String && Guid.TryParse(text, out _) ? null : ($"{value.Sql} is not a uuid", "give a uuid such as '123e4567-e89b-12d3-a456-426614174000'");
            case TypeKind.Date:
                return value.Kind == SeedValueKind.String && (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || IsSpecialDate(text))
                    ? null : ($"{value.Sql} is not a date (YYYY-MM-DD)", "give a date such as '2024-01-31'");
            case TypeKind.Timestamp:
                return value.Kind == SeedValueKind.String && (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) || IsSpecialDate(text))
                    ? null : ($"{value.Sql} is not a timestamp", "give a timestamp such as '2024-01-31 12:00:00+00'");
            case TypeKind.Enum:
                if (type.UserType is { } q && enums.TryGetValue(q, out var en) && value.Kind == SeedValueKind.String && !en.Labels.Contains(text))
                {
                    var closest = Closest(text, en.Labels);
                    return ($"'{Short(text)}' is not a label of {en.Name} ({string.Join(", ", en.Labels)})", closest != null ? $"did you mean '{closest}'?" : "give one of its labels");
                }
                return null;
            case TypeKind.Json:
            case TypeKind.Jsonb:
                if (value.Kind != SeedValueKind.String) return null;
                try
                {
                    using var _ = System.Text.Json.JsonDocument.Parse(text);
                    return null;
                }
                catch (System.Text.Json.JsonException e)
                {
                    return ($"the string is not valid JSON ({e.Message.Split('.')[0]})", "fix the JSON");
                }
            default:
                return null;
        }
    }

    private static bool IsSpecialFloat(string text) => text.Trim().ToLowerInvariant() is "nan" or "infinity" or "-infinity" or "inf" or "-inf";

    private static bool IsSpecialDate(string text) => text.Trim().ToLowerInvariant() is "infinity" or "-infinity" or "now" or "today" or "tomorrow" or "yesterday" or "epoch";

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>The name nearest to <paramref name="name"/> by edit distance, when it is near enough to be a typo.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(c, best) < 0))
            {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.Max(2, name.Length / 3) && bestDistance > 0 ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>Reads one INSERT statement's table, column list and rows of values.</summary>
    private sealed class InsertParser(RawStatement statement, string path, bool sqlite, string defaultSchema, List<Diagnostic> diagnostics)
    {
        private readonly string _text = statement.Text;
        private TokenCursor _c = null!;

        private SourceSpan At(int tokenIndex)
        {
            var offset = tokenIndex < _c.TokenList.Count ? _c.TokenList[tokenIndex].Start : _text.Length;
            var line = statement.Line;
            var col = statement.Column;
            for (var i = 0; i < offset && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    col = 1;
                }
                else col++;
            }
            return new SourceSpan(path, line, col);
        }

        private void Error(int tokenIndex, string message, string help) =>
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedStatement, message, At(tokenIndex), help));

        public (QualifiedName Table, List<(string Name, SourceSpan Span)> Columns, List<(List<SeedValue> Values, SourceSpan Location)> Rows, SourceSpan Location)? Parse()
        {
            List<Token> tokens;
            try
            {
                tokens = SqlLexer.Tokenize(_text, sqlite ? IdentifierQuotes.Double | IdentifierQuotes.Brackets | IdentifierQuotes.Backticks : IdentifierQuotes.Double);
            }
            catch (ParseException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedStatement, e.Message, new SourceSpan(path, statement.Line, statement.Column), "fix the statement"));
                return null;
            }
            _c = new TokenCursor(_text, tokens, foldCase: !sqlite);
            var c = _c;
            if (!c.IsWord("insert"))
            {
                var word = tokens.Count > 0 ? c.TextOf(tokens[0]) : "this";
                Error(0, $"a {word.ToUpperInvariant()} statement in a seed file; seed files hold INSERT ... VALUES statements only", "move it to the schema files, or remove it");
                return null;
            }
            try
            {
                c.Pos++;
                if (sqlite && c.Accept("or"))
                {
                    c.Pos++; // OR IGNORE / OR REPLACE: the idempotent form is written anyway
                }
                c.Expect("into");
                var nameStart = c.Pos;
                var parts = c.ExpectNameParts("a table name");
                var table = parts.Count >= 2 ? new QualifiedName(parts[^2], parts[^1]) : new QualifiedName(defaultSchema, parts[0]);
                if (c.Accept("as")) c.ExpectIdentifier("an alias");
                var columns = new List<(string, SourceSpan)>();
                if (c.Is(TokenKind.LParen))
                {
                    c.Pos++;
                    while (true)
                    {
                        var at = c.Pos;
                        columns.Add((c.ExpectIdentifier("a column name"), At(at)));
                        if (c.Accept(TokenKind.Comma)) continue;
                        c.Expect(TokenKind.RParen);
                        break;
                    }
                }
                if (c.Accept("overriding"))
                {
                    c.Pos++;
                    c.Expect("value");
                }
                if (c.Accept("default", "values"))
                {
                    Error(nameStart, "INSERT ... DEFAULT VALUES gives no values to match on; an idempotent seed needs them", "list the columns and values");
                    return null;
                }
                if (!c.IsWord("values"))
                {
                    Error(c.Pos, "only INSERT ... VALUES is read in seed files (a SELECT cannot be checked against the schema)", "write the rows out as VALUES");
                    return null;
                }
                c.Pos++;
                var rows = new List<(List<SeedValue>, SourceSpan)>();
                while (true)
                {
                    var rowStart = c.Pos;
                    c.Expect(TokenKind.LParen);
                    var values = new List<SeedValue>();
                    while (true)
                    {
                        var (start, end) = c.CaptureUntil(_ => false);
                        values.Add(Value(start, end));
                        if (c.Accept(TokenKind.Comma)) continue;
                        c.Expect(TokenKind.RParen);
                        break;
                    }
                    rows.Add((values, At(rowStart)));
                    if (!c.Accept(TokenKind.Comma)) break;
                }
                if (c.Accept("on", "conflict"))
                {
                    // ON CONFLICT ... DO NOTHING written by hand: the generated form has its own. DO UPDATE would change rows.
                    if (c.Is(TokenKind.LParen)) c.SkipParens();
                    if (c.Accept("on", "constraint")) c.ExpectIdentifier("a constraint name");
                    if (c.Accept("where")) c.CaptureUntil(x => x.IsWord("do"), stopAtComma: false);
                    var doAt = c.Pos;
                    c.Expect("do");
                    if (!c.Accept("nothing"))
                    {
                        Error(doAt, "ON CONFLICT DO UPDATE changes rows that are there; a seed only adds the rows that are missing", "remove the ON CONFLICT clause (the generated seed skips rows that exist)");
                        return null;
                    }
                }
                if (c.IsWord("returning"))
                {
                    while (!c.AtEnd) c.Pos++;
                }
                if (!c.AtEnd)
                {
                    Error(c.Pos, $"unexpected '{c.TextOf(c.Current)}' after the VALUES rows", "end the statement with ;");
                    return null;
                }
                return (table, columns, rows, At(0));
            }
            catch (ParseException e)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.SeedStatement, e.Message, At(Math.Min(c.Pos, tokens.Count - 1)), e.Help ?? "fix the statement"));
                return null;
            }
        }

        private SeedValue Value(int start, int end)
        {
            var c = _c;
            var sql = c.Raw(start, end).Trim();
            var span = At(start);
            if (end - start == 1)
            {
                var t = c[start];
                if (t.Kind == TokenKind.String && c.Span(t)[0] is '\'' or 'e' or 'E' or '$') return new SeedValue(sql, SeedValueKind.String, c.StringValue(t), span);
                if (t.Kind == TokenKind.Number) return new SeedValue(sql, SeedValueKind.Number, null, span);
                if (c.IsWordAt(start, "null")) return new SeedValue("NULL", SeedValueKind.Null, null, span);
                if (c.IsAnyWordAt(start, "true", "false")) return new SeedValue(sql.ToLowerInvariant(), SeedValueKind.Boolean, null, span);
                if (c.IsWordAt(start, "default")) return new SeedValue("DEFAULT", SeedValueKind.Default, null, span);
            }
            if (end - start == 2 && c[start].Kind == TokenKind.Operator && c.Span(c[start]) is "-" or "+" && c[start + 1].Kind == TokenKind.Number)
            {
                return new SeedValue(sql, SeedValueKind.Number, null, span);
            }
            return new SeedValue(sql, SeedValueKind.Expression, null, span);
        }
    }
}
