namespace SchemaFirst.Lint.Rules;

/// <summary>AN104: a table with more columns than the configured limit.</summary>
public sealed class TooManyColumnsRule : SchemaRule
{
    public override string Code => "AN104";
    public override string Name => "too-many-columns";
    public override string Summary => "A table has at most the configured number of columns (50 by default).";
    public override string Why => "A very wide table usually holds several things at once (a user, their settings, their billing), so every update rewrites a wide row and every reader drags columns it does not need.";
    public override string Bad => "-- with too-many-columns: { max: 3 }\nCREATE TABLE users (id bigint PRIMARY KEY, name text, email text, plan text);";
    public override string Good => "-- with too-many-columns: { max: 3 }\nCREATE TABLE users (id bigint PRIMARY KEY, name text, email text);";
    public override string Fix => "split the table along what changes together";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("max", "50", "the most columns a table may have")];
    public override IReadOnlyDictionary<string, object?>? ExampleOptions => new Dictionary<string, object?> { ["max"] = "3" };

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var max = settings.Number("max", 50);
        foreach (var t in context.Tables)
        {
            if (t.Columns.Count > max) yield return context.OnTable(this, settings, t, $"table {t.Name} has {t.Columns.Count} columns, more than {max}");
        }
    }
}
