using SchemaFirst.Model;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents what migration rules look at: the statements in order, and the schema they run against (the live
/// database of a plan, or the schema given with <c>--schema</c>; empty when unknown), so a rule can tell a table made by
/// the same migration (no rows, no readers) from one that exists, and a widening type change from a rewrite.
/// </summary>
public sealed class MigrationLintContext
{
    private readonly Dictionary<QualifiedName, Table> _before;

    public MigrationLintContext(IReadOnlyList<ScriptStatement> statements, Database? before, bool planned = false, string dialect = "postgres")
    {
        Statements = statements;
        Before = before;
        Planned = planned;
        Dialect = dialect;
        _before = before?.Tables.ToDictionary(t => t.Name) ?? [];
        var created = new HashSet<QualifiedName>();
        NewAt = new bool[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            NewAt[i] = s.Table != null && created.Contains(s.Table);
            // CREATE TABLE IF NOT EXISTS of a table that is already there creates nothing: it keeps its rows.
            if (s is { Verb: "create", ObjectKind: "table", Target: { } t } && !(s.IfNotExists && _before.ContainsKey(t))) created.Add(t);
        }
        HasLockTimeout = statements.Any(s => s is { Verb: "set", Setting: "lock_timeout" });
        HasStatementTimeout = statements.Any(s => s is { Verb: "set", Setting: "statement_timeout" });
    }

    public IReadOnlyList<ScriptStatement> Statements { get; }

    /// <summary>The schema before the migration, when known.</summary>
    public Database? Before { get; }

    /// <summary>Whether the statements are a plan SchemaFirst made (apply sets the timeouts and the transaction itself).</summary>
    public bool Planned { get; }

    /// <summary>The engine the migration runs on (postgres, sqlite, ...): rules about another engine's locks stay quiet.</summary>
    public string Dialect { get; }

    /// <summary>Per statement: whether its table was created earlier in the same migration.</summary>
    public bool[] NewAt { get; }

    public bool HasLockTimeout { get; }

    public bool HasStatementTimeout { get; }

    /// <summary>The statements that work on a table which existed before the migration, with their index.</summary>
    public IEnumerable<(int Index, ScriptStatement Statement)> OnExistingTables()
    {
        for (var i = 0; i < Statements.Count; i++)
        {
            if (Statements[i].Table != null && !NewAt[i] && !(Statements[i] is { Verb: "create", ObjectKind: "table" })) yield return (i, Statements[i]);
        }
    }

    public Column? ColumnBefore(QualifiedName table, string column) => _before.TryGetValue(table, out var t) ? t.FindColumn(column) : null;

    public Table? TableBefore(QualifiedName table) => _before.GetValueOrDefault(table);

    /// <summary>A finding on a statement; its subject names the statement's origin and what it does, not its line.</summary>
    public static LintFinding On(LintRule rule, RuleSettings s, ScriptStatement statement, string what, string message, string? help = null) =>
        s.Finding(rule, message, statement.Origin + ": " + what, null, statement.Location, help);
}
