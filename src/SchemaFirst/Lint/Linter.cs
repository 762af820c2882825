using SchemaFirst.Diagnostics;

namespace SchemaFirst.Lint;

/// <summary>
/// Runs the lint rules: schema rules over a model, migration rules over statements, then the path overrides, the
/// <c>-- schemafirst:ignore</c> directives (each must suppress something, and name a rule that exists), in a stable order.
/// </summary>
public static class Linter
{
    public static IReadOnlyList<LintFinding> LintSchema(SchemaLintContext context, LintProfile profile)
    {
        var findings = new List<LintFinding>();
        // Rules only read the context: they run side by side, and their findings are joined in rule order, so the
        // output is the same whatever ran first.
        var rules = LintRules.All.OfType<SchemaRule>().Where(r => profile.Runs(r) && r.AppliesTo(context.Model.SourceDialect)).ToList();
        var perRule = new List<LintFinding>[rules.Count];
        Parallel.For(0, rules.Count, i => perRule[i] = rules[i].Check(context, profile.For(rules[i])).ToList());
        foreach (var list in perRule) findings.AddRange(list);
        var directives = new List<(SourceKey? Object, SourceDirective Directive)>();
        if (context.Map != null)
        {
            foreach (var (obj, list) in context.Map.Directives)
            {
                foreach (var d in list.Where(d => d.Name == SourceDirective.IgnoreName)) directives.Add((obj, d));
            }
        }
        // Statement rules (declarative files) are suppressed on the statement, as migration rules are.
        foreach (var s in context.Statements)
        {
            foreach (var d in s.Ignores) directives.Add((null, d));
        }
        return Finish(findings, profile, directives, (f, d) => d.Object is { } key ? Covers(key, f, d.Directive) : f.Object == null && context.Statements.Any(s => s.Location == f.Location && s.Ignores.Any(i => i.Location.Line == d.Directive.Location.Line && i.Location.Column == d.Directive.Location.Column && i.Location.Path == d.Directive.Location.Path)));
    }

    public static IReadOnlyList<LintFinding> LintMigration(MigrationLintContext context, LintProfile profile)
    {
        var findings = new List<LintFinding>();
        foreach (var rule in LintRules.All.OfType<MigrationRule>())
        {
            if (profile.Runs(rule) && rule.AppliesTo(context.Dialect)) findings.AddRange(rule.Check(context, profile.For(rule)));
        }
        // Type rules judge the columns a hand-written migration creates, where a discouraged type enters the schema (a
        // plan's columns come from the schema files, which schema lint judges).
        foreach (var rule in LintRules.All.OfType<ColumnTypeRule>())
        {
            if (!profile.Runs(rule) || context.Planned || !rule.AppliesTo(context.Dialect)) continue;
            var settings = profile.For(rule);
            foreach (var s in context.Statements)
            {
                if (s.Verb is not ("create" or "alter") || s.ObjectKind != "table") continue;
                foreach (var a in s.Actions.Where(a => a is { Kind: "add column", TypeText: not null }))
                {
                    if (rule.JudgeText(ColumnTypeRule.Normalize(a.TypeText!), a, settings) is { } message)
                    {
                        findings.Add(MigrationLintContext.On(rule, settings, s, $"column {s.Table}.{a.Column}", $"column {s.Table}.{a.Column}: {message}"));
                    }
                }
            }
        }
        var directives = context.Statements.SelectMany(s => s.Ignores.Select(d => ((SourceKey?)null, d, s))).ToList();
        return Finish(findings, profile, directives.Select(x => (x.Item1, x.d)).ToList(),
            (f, d) => context.Statements.Any(s => s.Location == f.Location && s.Ignores.Any(i => i.Location.Line == d.Directive.Location.Line && i.Location.Column == d.Directive.Location.Column && i.Location.Path == d.Directive.Location.Path)));
    }

    /// <summary>
    /// The safety rules over a generated plan: each statement as the plan runs it (inside its transaction or not),
    /// against the schema the plan starts from. Apply sets its own timeouts, so the rule asking for them stays quiet.
    /// </summary>
    public static IReadOnlyList<LintFinding> LintPlan(IEnumerable<(string Sql, bool InTransaction)> statements, Model.Database before, LintProfile profile, Dialects.ISqlDialect dialect)
    {
        var read = new List<ScriptStatement>();
        foreach (var (sql, inTransaction) in statements)
        {
            var s = MigrationScript.Classify(sql, null, "plan", null, dialect.DefaultSchema);
            s.InTransaction = inTransaction;
            read.Add(s);
        }
        return LintMigration(new MigrationLintContext(read, before, planned: true, dialect.Name), profile);
    }

    /// <summary>
    /// Whether a directive on <paramref name="key"/> covers the finding: the same object, the table that owns it, or (for
    /// a directive the parser gave to a column) a constraint of that table declared on the directive's line, such as an
    /// inline REFERENCES.
    /// </summary>
    private static bool Covers(SourceKey key, LintFinding f, SourceDirective d)
    {
        if (f.Object is not { } o) return false;
        if (o == key) return true;
        if (key.Kind == SourceKind.Table && key.Member == null && o.Kind is SourceKind.Column or SourceKind.Constraint && o.Name == key.Name) return true;
        return key.Kind == SourceKind.Column && o.Kind == SourceKind.Constraint && o.Name == key.Name && f.Location is { } at && at.Path == d.Location.Path && at.Line == d.Location.Line;
    }

    private static List<LintFinding> Finish(List<LintFinding> raw, LintProfile profile, List<(SourceKey? Object, SourceDirective Directive)> directives, Func<LintFinding, (SourceKey? Object, SourceDirective Directive), bool> covers)
    {
        // A directive is known by where it stands: the parser keeps it with an object, the statement reader with its
        // statement, and either use counts.
        static (string, int, int) At(SourceDirective d) => (d.Location.Path, d.Location.Line, d.Location.Column);
        var used = new HashSet<(string, int, int)>();
        var kept = new List<LintFinding>();
        var ignoring = directives.Where(d => d.Directive.IgnoredRule is { } code && LintRules.Find(code) is not null).ToList();
        foreach (var f in raw)
        {
            if (profile.Apply(f) is not { } finding) continue;
            var suppressed = false;
            foreach (var d in ignoring)
            {
                var rule = LintRules.Find(d.Directive.IgnoredRule!)!;
                if (rule.Code != finding.Code || !covers(finding, d)) continue;
                used.Add(At(d.Directive));
                suppressed = true;
            }
            if (!suppressed) kept.Add(finding);
        }
        var unused = LintRules.Find(LintRules.UnusedIgnore)!;
        var unknown = LintRules.Find(LintRules.UnknownRule)!;
        foreach (var d in directives.Select(x => x.Directive).DistinctBy(At))
        {
            var code = d.IgnoredRule!;
            if (LintRules.Find(code) is not { } rule)
            {
                if (profile.Runs(unknown) && profile.Apply(profile.For(unknown).Finding(unknown, $"schemafirst:ignore names '{code}', which is no rule", $"ignore {code} at {Path.GetFileName(d.Location.Path)}:{d.Location.Line}", null, d.Location,
                    "write a rule's code or name; 'schemafirst lint --explain' lists them")) is { } typo) kept.Add(typo);
                continue;
            }
            if (!used.Contains(At(d)) && profile.Runs(rule) && profile.Runs(unused) && profile.Apply(profile.For(unused).Finding(unused, $"schemafirst:ignore {rule.Code} suppresses nothing here", $"ignore {rule.Code} at {Path.GetFileName(d.Location.Path)}:{d.Location.Line}", null, d.Location,
                    "remove the directive (the finding it was for is gone), or move it onto the line of the object the finding is about")) is { } stale)
            {
                kept.Add(stale);
            }
        }
        return Order(kept);
    }

    /// <summary>Findings in file order (path, line, column), then those without a place by subject; ties by code and message.</summary>
    public static List<LintFinding> Order(IEnumerable<LintFinding> findings) => findings
        .DistinctBy(f => (f.Code, f.Subject, f.Message, f.Location))
        .OrderBy(f => f.Location == null ? 1 : 0)
        .ThenBy(f => f.Location?.Path, StringComparer.Ordinal)
        .ThenBy(f => f.Location?.Line ?? 0)
        .ThenBy(f => f.Location?.Column ?? 0)
        .ThenBy(f => f.Subject, StringComparer.Ordinal)
        .ThenBy(f => f.Code, StringComparer.Ordinal)
        .ThenBy(f => f.Message, StringComparer.Ordinal)
        .ToList();
}
