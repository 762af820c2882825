using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents what schema rules look at: the model (from files or a live database), where each object was declared
/// (files only), and the statements of the source files for the rules about declarative files.
/// </summary>
public sealed class SchemaLintContext
{
    public SchemaLintContext(Database model, SourceMap? map, IReadOnlyList<ScriptStatement>? statements = null)
    {
        Model = model;
        Map = map;
        Statements = statements ?? [];
        Tables = model.Tables.Where(t => t.PartitionOf == null).OrderBy(t => t.Name).ToList();
        TableNames = model.Tables.Select(t => t.Name).ToHashSet();
        Judged = Tables.Select(t => t.Name).ToHashSet();
        SequenceOwners = model.Sequences.Where(s => s.OwnedBy != null).Select(s => (s.OwnedBy!.Table, s.OwnedBy.Column)).ToHashSet();
        IndexesByTable = model.Indexes.GroupBy(i => i.Table).ToDictionary(g => g.Key, g => g.ToList());
    }

    public Database Model { get; }

    public SourceMap? Map { get; }

    public IReadOnlyList<ScriptStatement> Statements { get; }

    /// <summary>The tables rules judge, in name order: partitions are left out, as they take their parent's shape.</summary>
    public IReadOnlyList<Table> Tables { get; }

    public HashSet<QualifiedName> TableNames { get; }

    /// <summary>The names of <see cref="Tables"/>.</summary>
    public HashSet<QualifiedName> Judged { get; }

    public Dictionary<QualifiedName, List<SchemaIndex>> IndexesByTable { get; }

    /// <summary>The columns that own a sequence (serial columns), as table and column.</summary>
    public HashSet<(QualifiedName Table, string Column)> SequenceOwners { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<object>> _cache = new(StringComparer.Ordinal);

    /// <summary>A value computed once per context and shared by the rules that need it (they run side by side).</summary>
    internal T Cached<T>(string key, Func<T> make) where T : class => (T)_cache.GetOrAdd(key, _ => new Lazy<object>(() => make())).Value;

    public IReadOnlyList<SchemaIndex> IndexesOf(QualifiedName table) => IndexesByTable.TryGetValue(table, out var list) ? list : [];

    public static SourceKey TableKey(Table t) => new(SourceKind.Table, t.Name);

    public static SourceKey ColumnKey(Table t, Column c) => new(SourceKind.Column, t.Name, c.Name);

    public static SourceKey ConstraintKey(Table t, string name) => new(SourceKind.Constraint, t.Name, name);

    public static SourceKey IndexKey(SchemaIndex i) => new(SourceKind.Index, i.Name);

    public SourceSpan? Where(SourceKey key) => Map?.Find(key);

    /// <summary>A finding on a table.</summary>
    public LintFinding OnTable(LintRule rule, RuleSettings s, Table t, string message, string? help = null) =>
        s.Finding(rule, message, "table " + t.Name, TableKey(t), Where(TableKey(t)), help);

    /// <summary>A finding on a column (located at the column, else its table).</summary>
    public LintFinding OnColumn(LintRule rule, RuleSettings s, Table t, Column c, string message, string? help = null) =>
        s.Finding(rule, message, $"column {t.Name}.{QualifiedName.Display(c.Name)}", ColumnKey(t, c), Where(ColumnKey(t, c)) ?? Where(TableKey(t)), help);

    /// <summary>A finding on a constraint (located at the constraint, else its table).</summary>
    public LintFinding OnConstraint(LintRule rule, RuleSettings s, Table t, string name, string message, string? help = null) =>
        s.Finding(rule, message, $"constraint {QualifiedName.Display(name)} on {t.Name}", ConstraintKey(t, name), Where(ConstraintKey(t, name)) ?? Where(TableKey(t)), help);

    /// <summary>A finding on an index.</summary>
    public LintFinding OnIndex(LintRule rule, RuleSettings s, SchemaIndex i, string message, string? help = null) =>
        s.Finding(rule, message, "index " + i.Name, IndexKey(i), Where(IndexKey(i)), help);

    /// <summary>Whether a set of columns leads some index or key of the table (so lookups by it need no scan).</summary>
    public bool Indexed(Table t, IReadOnlyList<string> columns)
    {
        foreach (var key in Rules.IndexKey.Of(this, t))
        {
            if (key.Where != null || key.Elements.Count < columns.Count) continue;
            var leads = true;
            for (var i = 0; i < columns.Count && leads; i++)
            {
                leads = Rules.IndexKey.ColumnOf(key.Elements[i]) is { } column && columns.Contains(column);
            }
            if (leads) return true;
        }
        return t.Exclusions.Any(x => x.Elements.Count >= columns.Count && columns.All(c => x.Elements.Take(columns.Count).Any(e => e.Element.Column == c)));
    }
}
