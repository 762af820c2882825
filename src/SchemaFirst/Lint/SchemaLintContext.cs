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
        bool Leads(IReadOnlyList<string> key) => key.Count >= columns.Count && columns.All(c => key.Take(columns.Count).Contains(c));
        if (t.PrimaryKey is { } pk && Leads(pk.Columns)) return true;
        if (t.Uniques.Any(u => Leads(u.Columns))) return true;
        foreach (var i in IndexesOf(t.Name))
        {
            if (i.Where != null) continue;
            var key = new List<string>();
            foreach (var e in i.Elements)
            {
                if (e.Column == null) break;
                key.Add(e.Column);
            }
            if (Leads(key)) return true;
        }
        return t.Exclusions.Any(x => x.Elements.Count >= columns.Count && columns.All(c => x.Elements.Take(columns.Count).Any(e => e.Element.Column == c)));
    }
}
