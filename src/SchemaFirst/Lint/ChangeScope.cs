using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents what <c>lint --new-since REV</c> holds to the strict standard: the objects that are new or changed since
/// the revision (a table's findings only when the table is new; a column's, constraint's or index's when it is new or its
/// definition changed; a statement's when the revision's files did not have it). Findings on everything else are legacy:
/// reported, never failing; warnings on new or changed objects fail like errors.
/// </summary>
public sealed class ChangeScope(Database before, IEnumerable<string> beforeStatements)
{
    private readonly Dictionary<QualifiedName, Table> _tables = before.Tables.ToDictionary(t => t.Name);
    private readonly Dictionary<QualifiedName, SchemaIndex> _indexes = before.Indexes.DistinctBy(i => i.Name).ToDictionary(i => i.Name);
    private readonly HashSet<string> _statements = beforeStatements.Select(Squash).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<QualifiedName, object> _others = Others(before);

    /// <summary>The views, types and sequences of a model by name, with their definitions.</summary>
    private static Dictionary<QualifiedName, object> Others(Database db)
    {
        var map = new Dictionary<QualifiedName, object>();
        foreach (var v in db.Views) map.TryAdd(v.Name, v);
        foreach (var e in db.Enums) map.TryAdd(e.Name, e);
        foreach (var d in db.Domains) map.TryAdd(d.Name, d);
        foreach (var c in db.CompositeTypes) map.TryAdd(c.Name, c);
        foreach (var q in db.Sequences) map.TryAdd(q.Name, q);
        return map;
    }

    public IReadOnlyList<LintFinding> Apply(IReadOnlyList<LintFinding> findings, Database after, IReadOnlyList<ScriptStatement> statements)
    {
        var afterTables = after.Tables.ToDictionary(t => t.Name);
        var afterOthers = Others(after);
        var afterIndexes = after.Indexes.DistinctBy(i => i.Name).ToDictionary(i => i.Name);
        return findings.Select(f =>
        {
            var strict = IsNew(f, afterTables, afterIndexes, afterOthers, statements);
            return strict
                ? f.Severity == Severity.Warning ? f with { Severity = Severity.Error } : f
                : f with { Legacy = true };
        }).ToList();
    }

    private bool IsNew(LintFinding f, Dictionary<QualifiedName, Table> afterTables, Dictionary<QualifiedName, SchemaIndex> afterIndexes, Dictionary<QualifiedName, object> afterOthers, IReadOnlyList<ScriptStatement> statements)
    {
        if (f.Object is not { } key)
        {
            // A statement's finding, or a directive's (which belongs to the statement below it): new when the revision
            // did not have that statement.
            if (f.Location is not { } at) return true;
            var s = statements.Where(s => s.Location is { } l && l.Path == at.Path && (l.Line, l.Column).CompareTo((at.Line, at.Column)) >= 0)
                .OrderBy(s => s.Location!.Line).ThenBy(s => s.Location!.Column).FirstOrDefault();
            return s == null || !_statements.Contains(Squash(s.Sql));
        }
        switch (key.Kind)
        {
            case SourceKind.Table:
                return !_tables.ContainsKey(key.Name);
            case SourceKind.Column:
                return !_tables.TryGetValue(key.Name, out var t) || t.FindColumn(key.Member!) is not { } c || afterTables.GetValueOrDefault(key.Name)?.FindColumn(key.Member!) != c;
            case SourceKind.Constraint:
                return !_tables.TryGetValue(key.Name, out var ct) || Constraint(ct, key.Member!) is not { } old || !Equals(old, afterTables.TryGetValue(key.Name, out var at) ? Constraint(at, key.Member!) : null);
            case SourceKind.Index:
                return !_indexes.TryGetValue(key.Name, out var i) || afterIndexes.GetValueOrDefault(key.Name) != i;
            case SourceKind.View or SourceKind.Type or SourceKind.Sequence:
                return !_others.TryGetValue(key.Name, out var before) || !Equals(before, afterOthers.GetValueOrDefault(key.Name));
            default:
                return true;
        }
    }

    private static object? Constraint(Table t, string name) =>
        t.PrimaryKey is { } pk && pk.Name == name ? pk
        : (object?)t.Uniques.FirstOrDefault(u => u.Name == name) ?? (object?)t.ForeignKeys.FirstOrDefault(u => u.Name == name)
        ?? (object?)t.Checks.FirstOrDefault(u => u.Name == name) ?? t.Exclusions.FirstOrDefault(u => u.Name == name);

    private static string Squash(string sql) => string.Join(' ', sql.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
