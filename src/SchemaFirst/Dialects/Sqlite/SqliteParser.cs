using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Reads SQLite DDL into the model. SQLite's DDL is close to a subset of PostgreSQL's, so this parser is the
/// PostgreSQL grammar with SQLite's rules in its hooks: [name] and `name` quoting, names kept as written,
/// declared types with affinity, AUTOINCREMENT, the AS (...) generated-column shorthand, ON CONFLICT clauses,
/// WITHOUT ROWID and STRICT, and BEGIN ... END trigger bodies. The one namespace of a database file is "main".
/// </summary>
internal sealed class SqliteParser : PostgresParser
{
    private SqliteParser(List<Diagnostic> diagnostics)
        : base(diagnostics)
    {
        _searchPath = ["main"];
    }

    public static new LoadResult Load(IReadOnlyList<string> files, List<Diagnostic> diagnostics) => new SqliteParser(diagnostics).LoadFiles(files);

    public static new LoadResult LoadText(string text, string path) => new SqliteParser(new List<Diagnostic>()).LoadString(text, path);

    public static new LoadResult LoadTexts(IReadOnlyList<(string Path, string Text)> sources) => new SqliteParser(new List<Diagnostic>()).LoadStrings(sources);

    protected override IdentifierQuotes Quotes => SqliteDialect.Quotes;

    protected override bool FoldsCase => false;

    protected override string DialectName => SqliteDialect.Instance.Name;

    protected override DataType ParseColumnType(TokenCursor c, out bool serial)
    {
        serial = false;
        return SqliteTypes.Parse(c);
    }

    // SQLite keeps expressions as written: there are no casts to canonicalize the way PostgreSQL prints them.
    protected override string CanonicalExpression(string expression) => expression;

    private protected override string? ColumnDefault(string expression, DataType type) => expression;

    /// <summary>WITHOUT ROWID and STRICT, kept as written.</summary>
    private protected override bool AcceptTableOption(TokenCursor c, TableDraft draft)
    {
        if (!c.IsWord("without") && !c.IsWord("strict")) return false;
        var options = new List<string>();
        do
        {
            if (c.Accept("without")) options.Add("WITHOUT " + c.ExpectIdentifier("ROWID").ToUpperInvariant());
            else if (c.Accept("strict")) options.Add("STRICT");
            else throw c.Error("expected WITHOUT ROWID or STRICT");
        }
        while (c.Accept(TokenKind.Comma));
        draft.With = string.Join(", ", options);
        return true;
    }

    private protected override bool AcceptColumnConstraint(TokenCursor c, ref Column column)
    {
        if (c.Accept("autoincrement"))
        {
            // INTEGER PRIMARY KEY AUTOINCREMENT: SQLite's identity column.
            column = column with { Identity = new Identity(false, SequenceOptions.Default) };
            return true;
        }
        if (c.IsWord("as") && c.Kind(1) == TokenKind.LParen)
        {
            c.Pos++;
            var asExpr = c.Normalize(c.CaptureParens());
            var asStored = c.Accept("stored");
            if (!asStored) c.Accept("virtual");
            column = column with { Generated = new GeneratedColumn(asExpr, asStored) };
            return true;
        }
        return false;
    }

    // Only INTEGER PRIMARY KEY (the rowid) is implicitly NOT NULL.
    protected override bool PrimaryKeyImpliesNotNull(Column column) => column.Type.Text == "INTEGER";

    /// <summary>PRIMARY KEY ASC|DESC, and the ON CONFLICT clause: it decides what a violating statement does, not the schema.</summary>
    protected override void AcceptConstraintSuffix(TokenCursor c, bool primaryKey)
    {
        if (primaryKey && !c.Accept("asc")) c.Accept("desc");
        if (c.Accept("on", "conflict")) c.ExpectIdentifier("ROLLBACK, ABORT, FAIL, IGNORE or REPLACE");
    }

    /// <summary>SQLite: [IF NOT EXISTS] name [BEFORE|AFTER|INSTEAD OF] event ON table [FOR EACH ROW] [WHEN e] BEGIN ... END.</summary>
    protected override void CreateTrigger(bool constraint)
    {
        var c = _c;
        var ifNotExists = c.Accept("if", "not", "exists");
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a trigger name");
        var timingStart = c.Pos;
        while (!c.AtEnd && !c.IsWord("on")) c.Pos++;
        if (c.AtEnd) throw c.Error("expected ON and the table name");
        var timing = c.Normalize((timingStart, c.Pos), stripOuterParens: false);
        c.Expect("on");
        var table = ResolveRelation(c.ExpectNameParts("a table name"));
        var rest = c.Normalize((c.Pos, c.End), stripOuterParens: false);
        var key = (table, name);
        if (_triggers.ContainsKey(key))
        {
            if (!ifNotExists) DuplicateObject($"trigger {name}", nameIndex);
            return;
        }
        MapSet(SourceKind.Trigger, table, nameIndex, name);
        _triggers[key] = new Trigger(name, table, $"{timing} ON {QuoteIdentifier(table.Name)} {rest}", false, null);
    }
}
