using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Validation;

/// <summary>
/// Checks a model for what the server would reject or what is almost surely a mistake: foreign keys to missing
/// tables, columns or non-unique targets, incompatible key types, clashing relation names, constraints and indexes on
/// missing columns, enum defaults that are no label of the enum, views reading missing relations.
/// </summary>
public static class SchemaValidator
{
    public static List<Diagnostic> Validate(Database db, SourceMap map)
    {
        var diagnostics = new List<Diagnostic>();
        var dialect = SqlDialects.FindSource(db.SourceDialect) ?? SqlDialects.Default;
        var tables = db.Tables.ToDictionary(t => t.Name);
        var enums = db.Enums.ToDictionary(e => e.Name);
        var domains = db.Domains.ToDictionary(d => d.Name);
        var uniqueIndexes = db.Indexes.Where(i => i.Unique && i.Where == null && i.Elements.All(e => e.Column != null))
            .GroupBy(i => i.Table).ToDictionary(g => g.Key, g => g.Select(i => i.Elements.Select(e => e.Column!).ToList()).ToList());
        CheckRelationNames(db, map, diagnostics);
        foreach (var t in db.Tables)
        {
            CheckKeyColumns(t, map, diagnostics);
            foreach (var fk in t.ForeignKeys) CheckForeignKey(uniqueIndexes, t, fk, tables, domains, map, diagnostics, dialect);
            foreach (var col in t.Columns) CheckEnumDefault(t, col, enums, domains, map, diagnostics, db.SourceDialect == "mysql");
        }
        foreach (var i in db.Indexes)
        {
            if (!tables.TryGetValue(i.Table, out var table)) continue;
            foreach (var e in i.Elements)
            {
                if (e.Column != null && table.FindColumn(e.Column) == null)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ColumnMissing,
                        $"index {i.Name} names column \"{e.Column}\", which table {i.Table} does not have", map.Find(SourceKind.Index, i.Name),
                        "fix the column name or add the column"));
                }
            }
            foreach (var inc in i.Include) CheckColumn(table, inc, $"index {i.Name}", map.Find(SourceKind.Index, i.Name), diagnostics);
        }
        var relations = new HashSet<QualifiedName>(db.Tables.Select(t => t.Name).Concat(db.Views.Select(v => v.Name)).Concat(db.Sequences.Select(s => s.Name)));
        foreach (var v in db.Views) CheckViewReferences(db, v, relations, map, diagnostics);
        return diagnostics;
    }

    private static void CheckRelationNames(Database db, SourceMap map, List<Diagnostic> diagnostics)
    {
        // Tables, views, sequences, indexes and the indexes behind constraints share one namespace per schema; in SQL
        // Server and MySQL an index's name is its table's alone.
        var perTable = db.SourceDialect is "sqlserver" or "mysql" or "mariadb";
        var seen = new Dictionary<QualifiedName, string>();
        void Claim(QualifiedName name, string what, SourceKey key, QualifiedName? table = null)
        {
            if (perTable && table != null) name = new QualifiedName(table.Schema, table.Name + "\0" + name.Name);
            if (seen.TryGetValue(name, out var first))
            {
                var code = what.StartsWith("index", StringComparison.Ordinal) || first.StartsWith("index", StringComparison.Ordinal) || what.Contains("constraint", StringComparison.Ordinal)
                    ? DiagnosticCodes.DuplicateIndexName : DiagnosticCodes.DuplicateObject;
                diagnostics.Add(new Diagnostic(Severity.Error, code,
                    $"{what} is named {name}, like {first}: tables, views, sequences and indexes (including those behind primary key and unique constraints) need distinct names within a schema",
                    map.Find(key), "rename one of them"));
                return;
            }
            seen[name] = what;
        }
        foreach (var t in db.Tables) Claim(t.Name, $"table {t.Name}", new SourceKey(SourceKind.Table, t.Name));
        foreach (var v in db.Views) Claim(v.Name, $"view {v.Name}", new SourceKey(SourceKind.View, v.Name));
        foreach (var s in db.Sequences) Claim(s.Name, $"sequence {s.Name}", new SourceKey(SourceKind.Sequence, s.Name));
        foreach (var t in db.Tables)
        {
            var names = new List<string>();
            if (t.PrimaryKey != null) names.Add(t.PrimaryKey.Name);
            names.AddRange(t.Uniques.Select(u => u.Name));
            names.AddRange(t.Exclusions.Select(x => x.Name));
            foreach (var n in names) Claim(new QualifiedName(t.Name.Schema, n), $"the index of constraint {QualifiedName.Display(n)} on {t.Name}", new SourceKey(SourceKind.Constraint, t.Name, n), t.Name);
        }
        foreach (var i in db.Indexes) Claim(i.Name, $"index {i.Name}", new SourceKey(SourceKind.Index, i.Name), i.Table);
    }

    private static void CheckColumn(Table t, string column, string owner, SourceSpan? at, List<Diagnostic> diagnostics)
    {
        if (t.FindColumn(column) != null) return;
        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ColumnMissing,
            $"{owner} names column \"{column}\", which table {t.Name} does not have", at, "fix the column name or add the column"));
    }

    private static void CheckKeyColumns(Table t, SourceMap map, List<Diagnostic> diagnostics)
    {
        if (t.PrimaryKey is { } pk)
        {
            foreach (var c in pk.Columns.Concat(pk.Options.Include)) CheckColumn(t, c, $"primary key {QualifiedName.Display(pk.Name)}", map.Find(SourceKind.Constraint, t.Name, pk.Name), diagnostics);
        }
        foreach (var u in t.Uniques)
        {
            foreach (var c in u.Columns.Concat(u.Options.Include)) CheckColumn(t, c, $"unique constraint {QualifiedName.Display(u.Name)}", map.Find(SourceKind.Constraint, t.Name, u.Name), diagnostics);
        }
        foreach (var x in t.Exclusions)
        {
            foreach (var e in x.Elements.Where(e => e.Element.Column != null))
            {
                CheckColumn(t, e.Element.Column!, $"exclusion constraint {QualifiedName.Display(x.Name)}", map.Find(SourceKind.Constraint, t.Name, x.Name), diagnostics);
            }
        }
        foreach (var fk in t.ForeignKeys)
        {
            foreach (var c in fk.Columns) CheckColumn(t, c, $"foreign key {QualifiedName.Display(fk.Name)}", map.Find(SourceKind.Constraint, t.Name, fk.Name), diagnostics);
        }
    }

    private static void CheckForeignKey(Dictionary<QualifiedName, List<List<string>>> uniqueIndexes, Table t, ForeignKey fk, Dictionary<QualifiedName, Table> tables, Dictionary<QualifiedName, DomainType> domains,
        SourceMap map, List<Diagnostic> diagnostics, ISqlDialect dialect)
    {
        var at = map.Find(SourceKind.Constraint, t.Name, fk.Name);
        var what = $"foreign key {QualifiedName.Display(fk.Name)} on {t.Name}";
        if (!tables.TryGetValue(fk.ReferencedTable, out var target))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyTableMissing,
                $"{what} references table {fk.ReferencedTable}, which does not exist", at, "create the referenced table, or fix its name or schema"));
            return;
        }
        if (fk.ReferencedColumns.IsEmpty)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyTargetNotUnique,
                $"{what} names no referenced columns and table {target.Name} has no primary key", at, "list the referenced columns, or give the referenced table a primary key"));
            return;
        }
        if (fk.ReferencedColumns.Count != fk.Columns.Count)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyColumnCount,
                $"{what} has {fk.Columns.Count} column(s) but references {fk.ReferencedColumns.Count}", at, "reference as many columns as the key has"));
            return;
        }
        var missing = fk.ReferencedColumns.Where(c => target.FindColumn(c) == null).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyColumnMissing,
                $"{what} references column(s) {string.Join(", ", missing.Select(m => "\"" + m + "\""))} of table {target.Name}, which do not exist", at,
                "fix the referenced column names"));
            return;
        }
        if (!IsUniqueKey(uniqueIndexes, target, fk.ReferencedColumns))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyTargetNotUnique,
                $"{what} references ({string.Join(", ", fk.ReferencedColumns)}) of table {target.Name}, which is neither its primary key nor unique", at,
                "reference the primary key, or add a UNIQUE constraint on those columns"));
        }
        for (var i = 0; i < fk.Columns.Count; i++)
        {
            var local = t.FindColumn(fk.Columns[i]);
            var remote = target.FindColumn(fk.ReferencedColumns[i]);
            if (local == null || remote == null) continue;
            var a = BaseType(local.Type, domains);
            var b = BaseType(remote.Type, domains);
            if (dialect.SameStoredType(a, b)) continue;
            var familyA = Family(a);
            var familyB = Family(b);
            if (familyA != familyB)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ForeignKeyTypeMismatch,
                    $"{what}: column \"{local.Name}\" is {local.Type.Text} but references \"{remote.Name}\" of type {remote.Type.Text}; {dialect.DisplayName} cannot compare them",
                    at, $"make \"{local.Name}\" {remote.Type.Text}"));
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ForeignKeyTypeMismatch,
                    $"{what}: column \"{local.Name}\" is {local.Type.Text} but references \"{remote.Name}\" of type {remote.Type.Text}",
                    at, $"use {remote.Type.Text} for both, so values always fit and joins need no casts"));
            }
        }
    }

    private static DataType BaseType(DataType type, Dictionary<QualifiedName, DomainType> domains)
    {
        var guard = 0;
        while (type.Kind == TypeKind.Domain && type.UserType != null && domains.TryGetValue(type.UserType, out var d) && guard++ < 16) type = d.BaseType;
        return type;
    }

    private static string Family(DataType t) => t.Kind switch
    {
        TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt or TypeKind.Decimal or TypeKind.Real or TypeKind.Double or TypeKind.Money => "number",
        TypeKind.Char or TypeKind.VarChar or TypeKind.Text => "string",
        TypeKind.Timestamp or TypeKind.Date => "datetime",
        TypeKind.Json or TypeKind.Jsonb => "json",
        TypeKind.Enum or TypeKind.Composite or TypeKind.User or TypeKind.Domain => "type:" + (t.UserType?.ToString() ?? t.Text),
        _ => t.Kind.ToString(),
    };

    private static bool IsUniqueKey(Dictionary<QualifiedName, List<List<string>>> uniqueIndexes, Table target, EquatableArray<string> columns)
    {
        bool Same(IEnumerable<string> cols) => cols.Count() == columns.Count && cols.All(columns.Contains);
        if (target.PrimaryKey != null && Same(target.PrimaryKey.Columns)) return true;
        if (target.Uniques.Any(u => Same(u.Columns))) return true;
        return uniqueIndexes.TryGetValue(target.Name, out var list) && list.Any(Same);
    }

    /// <param name="backslashEscapes">MySQL reads backslash escapes in strings ('C:\\temp' is C:\temp).</param>
    private static void CheckEnumDefault(Table t, Column col, Dictionary<QualifiedName, EnumType> enums, Dictionary<QualifiedName, DomainType> domains, SourceMap map,
        List<Diagnostic> diagnostics, bool backslashEscapes)
    {
        if (col.Default == null || col.Type.UserType == null) return;
        if (!enums.TryGetValue(col.Type.UserType, out var e)) return;
        var tokens = SqlLexer.Tokenize(col.Default);
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.String) return;
        if (tokens.Count > 1 && tokens[1].Kind != TokenKind.DoubleColon) return;
        var cursor = new TokenCursor(col.Default, tokens);
        var label = cursor.StringValue(tokens[0]);
        if (backslashEscapes) label = Dialects.MySql.MySqlReader.Unescape(label);
        if (e.Labels.Contains(label)) return;
        diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.EnumDefaultInvalid,
            $"the default '{label}' of column \"{col.Name}\" on {t.Name} is not a value of enum {e.Name} ({string.Join(", ", e.Labels.Select(l => "'" + l + "'"))})",
            map.Find(SourceKind.Column, t.Name, col.Name), "use one of the enum's values, or add the value to the enum"));
    }

    private static void CheckViewReferences(Database db, View v, HashSet<QualifiedName> relations, SourceMap map, List<Diagnostic> diagnostics)
    {
        var sql = v.Query;
        var tokens = SqlLexer.Tokenize(sql);
        var c = new TokenCursor(sql, tokens);
        // Names the query defines itself: CTEs (name AS ( or name (cols) AS ().
        var local = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                var j = i + 1;
                if (tokens[j].Kind == TokenKind.LParen) j = SqlNormalizer.MatchingParen(tokens, j, tokens.Count) + 1;
                if (j > 0 && j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Word && c.Span(tokens[j]).Equals("as", StringComparison.OrdinalIgnoreCase)
                    && (tokens[j + 1].Kind == TokenKind.LParen || (c.Span(tokens[j + 1]).Equals("materialized", StringComparison.OrdinalIgnoreCase) || c.Span(tokens[j + 1]).Equals("not", StringComparison.OrdinalIgnoreCase))))
                {
                    local.Add(c.IdentifierValue(tokens[i]));
                }
            }
        }
        // A bare name as the engine of the source stores it: Oracle folds it up, SQL Server and MySQL compare without case.
        string Ident(Token t) => db.SourceDialect == "oracle" && t.Kind == TokenKind.Word ? c.Span(t).ToString().ToUpperInvariant() : c.IdentifierValue(t);
        var caseless = db.SourceDialect is "sqlserver" or "mysql";
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Per parenthesis level: whether a FROM list is open there, so that "FROM a, b" checks b too, while the commas of
        // a select list, a call, GROUP BY or ORDER BY do not start a relation.
        var inFrom = new List<bool> { false };
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            switch (t.Kind)
            {
                case TokenKind.LParen:
                    inFrom.Add(false);
                    continue;
                case TokenKind.RParen:
                    if (inFrom.Count > 1) inFrom.RemoveAt(inFrom.Count - 1);
                    continue;
                case TokenKind.Comma when inFrom[^1]:
                    break;
                case TokenKind.Word:
                    var w = c.Span(t);
                    if (w.Equals("from", StringComparison.OrdinalIgnoreCase) || w.Equals("join", StringComparison.OrdinalIgnoreCase))
                    {
                        // "extract(day from x)", "substring(a from 2)", "trim(both from x)" use FROM inside a function call.
                        if (InsideCallWithFrom(tokens, c, i)) continue;
                        inFrom[^1] = true;
                        break;
                    }
                    if (EndsFromList(w)) inFrom[^1] = false;
                    continue;
                default:
                    continue;
            }
            var j = i + 1;
            while (j < tokens.Count && tokens[j].Kind == TokenKind.Word && (c.Span(tokens[j]).Equals("lateral", StringComparison.OrdinalIgnoreCase) || c.Span(tokens[j]).Equals("only", StringComparison.OrdinalIgnoreCase))) j++;
            if (j >= tokens.Count || tokens[j].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier)) continue;
            string? schema = null;
            var name = Ident(tokens[j]);
            var k = j + 1;
            if (k + 1 < tokens.Count && tokens[k].Kind == TokenKind.Dot)
            {
                schema = name;
                name = Ident(tokens[k + 1]);
                k += 2;
            }
            if (k < tokens.Count && tokens[k].Kind == TokenKind.LParen) continue; // a set-returning function
            if (schema is "pg_catalog" or "information_schema" || (schema == null && name.StartsWith("pg_", StringComparison.Ordinal))) continue;
            if (schema == null && local.Contains(name)) continue;
            var candidates = schema != null ? [new QualifiedName(schema, name)] : new[] { new QualifiedName(v.Name.Schema, name), new QualifiedName("public", name) };
            if (candidates.Any(relations.Contains) || (caseless && candidates.Any(x => relations.Any(r => r.Schema.Equals(x.Schema, StringComparison.OrdinalIgnoreCase) && r.Name.Equals(x.Name, StringComparison.OrdinalIgnoreCase))))) continue;
            var display = schema != null ? schema + "." + name : name;
            if (!reported.Add(display)) continue;
            var severity = db.Extensions.IsEmpty ? Severity.Error : Severity.Warning;
            diagnostics.Add(new Diagnostic(severity, DiagnosticCodes.ViewReferenceMissing,
                $"view {v.Name} reads from {display}, which is no table or view of this schema", map.Find(SourceKind.View, v.Name),
                severity == Severity.Warning ? "if an extension provides it, this is fine; otherwise create it or fix the name" : "create the relation or fix its name"));
        }
    }

    private static readonly string[] FromListEnds = ["where", "group", "having", "window", "order", "limit", "offset", "fetch", "for", "union", "intersect", "except", "select", "returning"];

    private static bool EndsFromList(ReadOnlySpan<char> word)
    {
        foreach (var end in FromListEnds)
        {
            if (word.Equals(end, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool InsideCallWithFrom(List<Token> tokens, TokenCursor c, int fromIndex)
    {
        var depth = 0;
        for (var i = fromIndex - 1; i >= 0; i--)
        {
            var k = tokens[i].Kind;
            if (k == TokenKind.RParen) depth++;
            else if (k == TokenKind.LParen)
            {
                if (depth == 0)
                {
                    if (i == 0 || tokens[i - 1].Kind != TokenKind.Word) return false;
                    var fn = c.Span(tokens[i - 1]);
                    return fn.Equals("extract", StringComparison.OrdinalIgnoreCase) || fn.Equals("substring", StringComparison.OrdinalIgnoreCase)
                        || fn.Equals("trim", StringComparison.OrdinalIgnoreCase) || fn.Equals("overlay", StringComparison.OrdinalIgnoreCase)
                        || fn.Equals("position", StringComparison.OrdinalIgnoreCase);
                }
                depth--;
            }
        }
        return false;
    }
}
