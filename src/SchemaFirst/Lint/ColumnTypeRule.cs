using SchemaFirst.Model;

namespace SchemaFirst.Lint;

/// <summary>
/// Represents a rule about the type of a column, which runs both over a schema (every column) and over a migration
/// (every column it adds or creates), so a discouraged type is caught where it enters.
/// </summary>
public abstract class ColumnTypeRule : SchemaRule
{
    /// <summary>The problem with a column of the model, or null.</summary>
    protected abstract string? Judge(Table table, Column column, SchemaLintContext context, RuleSettings settings);

    /// <summary>The problem with a type as written in a migration (lower case, single spaces), or null.</summary>
    public abstract string? JudgeText(string type, TableAction column, RuleSettings settings);

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        foreach (var t in context.Tables)
        {
            foreach (var c in t.Columns)
            {
                if (Judge(t, c, context, settings) is { } message) yield return context.OnColumn(this, settings, t, c, $"column {t.Name}.{c.Name}: {message}");
            }
        }
    }

    /// <summary>A type as written, in the form <see cref="JudgeText"/> reads.</summary>
    public static string Normalize(string type) => string.Join(' ', type.ToLowerInvariant().Replace("\"", string.Empty, StringComparison.Ordinal).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        .Replace(" (", "(", StringComparison.Ordinal).Replace("pg_catalog.", string.Empty, StringComparison.Ordinal);
}
