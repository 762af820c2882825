namespace SchemaFirst.Lint.Rules;

/// <summary>MG118: removing, renaming or reordering enum values.</summary>
public sealed class EnumValueChangeRule : MigrationRule
{
    public override string Code => "MG118";
    public override string Name => "enum-value-change";
    public override string Summary => "Enum values are only added: not removed, renamed or reordered (which recreates the type).";
    public override string Why => "Rows and running code hold the old values: a removed value makes the conversion fail on every row that has it, a renamed one breaks code that writes it, and a new order changes ORDER BY and comparisons. Only ALTER TYPE ... ADD VALUE is safe.";
    public override string Bad => "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'sent';";
    public override string Good => "ALTER TYPE order_status ADD VALUE 'sent';";
    public override string Fix => "add the new value, migrate rows and code to it, and keep the old value (or convert the column to text with a CHECK)";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        var before = context.Before?.Enums.ToDictionary(e => e.Name, e => e.Labels.ToList()) ?? [];
        var dropped = new HashSet<Model.QualifiedName>();
        var renamedAside = new Dictionary<Model.QualifiedName, List<string>>();
        foreach (var s in context.Statements)
        {
            if (s is { Verb: "alter", ObjectKind: "type", TypeAction: "rename value" })
            {
                yield return MigrationLintContext.On(this, settings, s, "rename value of " + s.Target, $"renaming a value of enum {s.Target} breaks rows and code that use the old one");
            }
            if (s is { Verb: "alter", ObjectKind: "type", TypeAction: "rename", Target: { } aside } && before.TryGetValue(aside, out var asideLabels)) renamedAside[aside] = asideLabels;
            if (s is { Verb: "drop", ObjectKind: "type", Target: { } gone }) dropped.Add(gone);
            if (s is not { Verb: "create", ObjectKind: "type", TypeAction: "enum", Target: { } name }) continue;
            if (!before.TryGetValue(name, out var old) && !renamedAside.TryGetValue(name, out old))
            {
                if (dropped.Contains(name)) yield return MigrationLintContext.On(this, settings, s, "recreate enum " + name, $"enum {name} is dropped and created again; values rows hold may be gone or reordered");
                continue;
            }
            var kept = old.Where(s.EnumLabels.Contains).ToList();
            var removed = old.Except(s.EnumLabels).ToList();
            var order = s.EnumLabels.Where(old.Contains).SequenceEqual(kept);
            if (removed.Count == 0 && order) continue;
            yield return MigrationLintContext.On(this, settings, s, "recreate enum " + name,
                $"enum {name} is recreated {(removed.Count > 0 ? "without " + string.Join(", ", removed.Select(r => "'" + r + "'")) : "with its values reordered")}; rows holding {(removed.Count > 0 ? "them fail to convert" : "them sort differently")}");
        }
    }
}
