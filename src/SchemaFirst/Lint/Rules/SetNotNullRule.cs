using System.Text.RegularExpressions;
using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>MG103: SET NOT NULL scans the table under an exclusive lock.</summary>
public sealed class SetNotNullRule : MigrationRule
{
    public override string Code => "MG103";
    public override string Name => "set-not-null";
    public override string Summary => "SET NOT NULL on an existing table is preceded by a validated CHECK (col IS NOT NULL).";
    public override string Why => "SET NOT NULL reads the whole table to prove no NULL is left, holding ACCESS EXCLUSIVE the whole time. Since PostgreSQL 12 a valid CHECK (col IS NOT NULL) constraint lets it skip the scan, and that check can be added NOT VALID and validated without blocking writes.";
    public override string Bad => "ALTER TABLE orders ALTER COLUMN region SET NOT NULL;";
    public override string Good => "ALTER TABLE orders ADD CONSTRAINT orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_region_not_null;\nALTER TABLE orders ALTER COLUMN region SET NOT NULL;";
    public override string Fix => "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (and drop the check)";
    public override Diagnostics.Severity DefaultSeverity => Diagnostics.Severity.Warning;

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (i, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a.Kind == "set not null"))
            {
                if (Proven(context, i, s, a.Column!)) continue;
                yield return MigrationLintContext.On(this, settings, s, $"set not null {s.Table}.{a.Column}", $"SET NOT NULL on {s.Table}.{a.Column} scans the whole table under an ACCESS EXCLUSIVE lock");
            }
        }
    }

    /// <summary>Whether a valid IS NOT NULL check on the column exists before, or is validated earlier in the migration.</summary>
    private static bool Proven(MigrationLintContext context, int index, ScriptStatement s, string column)
    {
        // The column itself (not one whose name ends the same way), and no OR that would let a NULL through.
        static bool IsNotNullCheck(string text, string column) =>
            !Regex.IsMatch(text, @"\bOR\b", RegexOptions.IgnoreCase)
            && Regex.IsMatch(text, @"(?<![A-Za-z0-9_$""])\(*""?" + Regex.Escape(column) + @"""?\)*\s+IS\s+NOT\s+NULL", RegexOptions.IgnoreCase);
        if (context.TableBefore(s.Table!) is { } t && t.Checks.Any(c => !c.NotValid && IsNotNullCheck(c.Expression, column))) return true;
        var validated = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < index; j++)
        {
            var e = context.Statements[j];
            if (e.Table != s.Table) continue;
            foreach (var a in e.Actions)
            {
                if (a.Kind == "validate constraint" && a.ConstraintName != null) validated.Add(a.ConstraintName);
            }
        }
        for (var j = 0; j < index; j++)
        {
            var e = context.Statements[j];
            if (e.Table != s.Table) continue;
            foreach (var a in e.Actions)
            {
                if (a is { Kind: "add constraint", ConstraintKind: "check" } && IsNotNullCheck(e.Sql, column) && (!a.NotValid || a.ConstraintName != null && validated.Contains(a.ConstraintName))) return true;
            }
        }
        return false;
    }
}
