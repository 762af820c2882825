using System.Text;
using SchemaFirst.Planning;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes a plan as Markdown for a pull-request comment: a summary line, a table of changes with their hazards, the
/// warnings and suggestions, and the SQL in a collapsed block.
/// </summary>
public static class PlanMarkdownWriter
{
    public static string Write(MigrationPlan plan, IReadOnlyList<Lint.LintFinding>? lint = null)
    {
        var sb = new StringBuilder("### SchemaFirst plan\n\n");
        if (plan.IsEmpty)
        {
            sb.Append("No changes.\n");
        }
        else
        {
            var destructive = plan.Destructive.Count();
            sb.Append("**").Append(PlanSqlWriter.Count(plan.Changes.Count, "change")).Append("**, ")
                .Append(PlanSqlWriter.Count(plan.Statements.Count, "statement"))
                .Append(destructive > 0 ? $", **{PlanSqlWriter.Count(destructive, "destructive statement")}**" : string.Empty).Append(".\n\n");
            sb.Append("| # | change | hazards |\n|---|---|---|\n");
            var n = 0;
            foreach (var c in plan.Changes)
            {
                var codes = plan.Statements.Where(s => ReferenceEquals(s.Change, c)).SelectMany(s => s.Hazards).Select(h => h.Code).Distinct().Order(StringComparer.Ordinal);
                sb.Append("| ").Append(++n).Append(" | ").Append(Cell(c.Describe())).Append(" | ").Append(string.Join(" ", codes.Select(x => "`" + x + "`"))).Append(" |\n");
            }
        }
        if (plan.Diagnostics.Count > 0)
        {
            sb.Append("\n**Not planned:**\n\n");
            foreach (var d in plan.Diagnostics) sb.Append("- ").Append(Cell(d.Message)).Append('\n');
        }
        if (lint is { Count: > 0 })
        {
            sb.Append("\n**Lint:**\n\n");
            foreach (var f in lint) sb.Append("- ").Append(f.Severity.ToString().ToLowerInvariant()).Append(" `").Append(f.Code).Append("` ").Append(Cell(f.Message)).Append('\n');
        }
        if (plan.Suggestions.Count > 0)
        {
            sb.Append("\n**Suggestions:**\n\n");
            foreach (var s in plan.Suggestions) sb.Append("- ").Append(Cell(s)).Append('\n');
        }
        if (!plan.IsEmpty)
        {
            sb.Append("\n<details><summary>SQL</summary>\n\n```sql\n").Append(PlanSqlWriter.Write(plan).Replace("```", "`\u200b``", StringComparison.Ordinal)).Append("```\n\n</details>\n");
        }
        return sb.ToString();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
