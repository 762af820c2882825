using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>
/// Lists the named objects of a schema that naming rules judge, each with the finding that points at it.
/// </summary>
internal static class NamedObjects
{
    /// <summary>Every named object once per context (three naming rules walk the same list).</summary>
    public static IReadOnlyList<(string Kind, string Name, Func<LintRule, RuleSettings, string, LintFinding> Finding)> Of(SchemaLintContext ctx) =>
        ctx.Cached(nameof(NamedObjects), () => List(ctx).ToList());

    private static IEnumerable<(string Kind, string Name, Func<LintRule, RuleSettings, string, LintFinding> Finding)> List(SchemaLintContext ctx)
    {
        foreach (var t in ctx.Tables)
        {
            yield return ("table", t.Name.Name, (r, s, m) => ctx.OnTable(r, s, t, m));
            foreach (var c in t.Columns) yield return ("column", c.Name, (r, s, m) => ctx.OnColumn(r, s, t, c, m));
            foreach (var name in ConstraintNames(t)) yield return ("constraint", name, (r, s, m) => ctx.OnConstraint(r, s, t, name, m));
        }
        foreach (var i in ctx.Model.Indexes.Where(i => ctx.Judged.Contains(i.Table))) yield return ("index", i.Name.Name, (r, s, m) => ctx.OnIndex(r, s, i, m));
        foreach (var v in ctx.Model.Views)
        {
            var key = new Diagnostics.SourceKey(Diagnostics.SourceKind.View, v.Name);
            yield return (v.Materialized ? "materialized view" : "view", v.Name.Name, (r, s, m) => s.Finding(r, m, "view " + v.Name, key, ctx.Where(key)));
        }
        foreach (var e in ctx.Model.Enums)
        {
            var key = new Diagnostics.SourceKey(Diagnostics.SourceKind.Type, e.Name);
            yield return ("type", e.Name.Name, (r, s, m) => s.Finding(r, m, "type " + e.Name, key, ctx.Where(key)));
        }
        foreach (var q in ctx.Model.Sequences.Where(q => q.OwnedBy == null))
        {
            var key = new Diagnostics.SourceKey(Diagnostics.SourceKind.Sequence, q.Name);
            yield return ("sequence", q.Name.Name, (r, s, m) => s.Finding(r, m, "sequence " + q.Name, key, ctx.Where(key)));
        }
    }

    public static IEnumerable<string> ConstraintNames(Table t)
    {
        if (t.PrimaryKey is { } pk) yield return pk.Name;
        foreach (var u in t.Uniques) yield return u.Name;
        foreach (var f in t.ForeignKeys) yield return f.Name;
        foreach (var c in t.Checks) yield return c.Name;
        foreach (var x in t.Exclusions) yield return x.Name;
    }
}
