using System.Text;
using SchemaFirst.Planning;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes a plan as a reviewable SQL script: a header with both fingerprints and the hazards in sum, then each
/// statement under a comment naming the change it carries out and every hazard it has. Statements that cannot run in
/// a transaction are in their own sections, before and after it. Deterministic: no dates, LF endings.
/// </summary>
public static class PlanSqlWriter
{
    public static string Write(MigrationPlan plan)
    {
        var sb = new StringBuilder();
        if (plan.IsEmpty)
        {
            sb.Append("-- No changes.\n");
            AppendSuggestions(sb, plan);
            return sb.ToString();
        }
        sb.Append("-- Migration planned by SchemaFirst (").Append(plan.Dialect).Append("): ")
            .Append(Count(plan.Changes.Count, "change")).Append(", ").Append(Count(plan.Statements.Count, "statement")).Append(".\n");
        sb.Append("-- from ").Append(plan.FromFingerprint).Append('\n');
        sb.Append("-- to   ").Append(plan.ToFingerprint).Append('\n');
        var hazards = plan.Statements.SelectMany(s => s.Hazards).GroupBy(h => h.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (hazards.Count > 0) sb.Append("-- hazards: ").Append(string.Join(", ", hazards.Select(g => $"{g.Key} x{g.Count()}"))).Append('\n');
        var before = plan.Statements.Where(s => s.Phase == StatementPhase.Before).ToList();
        var after = plan.Statements.Where(s => s.Phase == StatementPhase.After).ToList();
        if (plan.Dialect == "mysql")
        {
            // Each DDL statement commits on its own in MySQL; bodies with semicolons go in DELIMITER blocks for the mysql client.
            sb.Append("\n-- MySQL commits each statement on its own: they run one by one, each recorded as done when it is;\n");
            sb.Append("-- after a failure, what ran stays, and a new plan holds only what is left.\n");
            AppendStatements(sb, before, delimit: true);
            AppendSuggestions(sb, plan);
            return sb.ToString();
        }
        if (plan.Dialect == "oracle")
        {
            sb.Append("\n-- Oracle commits each DDL statement on its own: run them in order (SQL*Plus, SQLcl or SQL Developer);\n");
            sb.Append("-- after a failure, what ran stays, and a new plan from the database as it is holds only what is left.\n");
            AppendStatements(sb, plan.Statements.ToList());
            AppendSuggestions(sb, plan);
            return sb.ToString();
        }
        if (plan.Dialect == "sqlserver")
        {
            // One statement per batch (CREATE VIEW must begin one); the batches share one transaction, which XACT_ABORT rolls
            // back whole at the first error (run with sqlcmd -b, so that no later batch runs outside it).
            sb.Append("\n-- SQL Server: one transaction over every batch; run with sqlcmd -b (or SSMS), which stops at the first error.\n");
            sb.Append("SET XACT_ABORT ON;\nBEGIN TRANSACTION;\nGO\n");
            AppendStatements(sb, plan.Statements.ToList(), batches: true);
            sb.Append("\nCOMMIT TRANSACTION;\nGO\n");
            AppendSuggestions(sb, plan);
            return sb.ToString();
        }
        if (before.Count > 0)
        {
            sb.Append("\n-- These statements cannot run inside the transaction; they run first, one by one.\n");
            AppendStatements(sb, before);
        }
        if (before.Count + after.Count > 0) sb.Append("\n-- The rest runs in one transaction.\n");
        AppendStatements(sb, plan.Statements.Where(s => s.Transactional).ToList());
        if (after.Count > 0)
        {
            sb.Append("\n-- These statements run after the transaction commits, one by one.\n");
            AppendStatements(sb, after);
        }
        AppendSuggestions(sb, plan);
        return sb.ToString();
    }

    /// <summary>Each statement under its change (once per change) and its hazards; shared with the Flyway files.</summary>
    internal static void AppendStatements(StringBuilder sb, List<PlannedStatement> statements, bool delimit = false, bool batches = false)
    {
        object? last = null;
        foreach (var s in statements)
        {
            sb.Append('\n');
            if (!ReferenceEquals(s.Change, last)) sb.Append("-- ").Append(s.Change.Describe()).Append('\n');
            last = s.Change;
            foreach (var h in s.Hazards) sb.Append("-- hazard ").Append(h.Code).Append(": ").Append(h.Message).Append('\n');
            if (delimit && s.Sql.Contains(';')) sb.Append("DELIMITER ;;\n").Append(s.Sql).Append(";;\nDELIMITER ;\n");
            else sb.Append(s.Sql).Append(batches ? ";\nGO\n" : ";\n");
        }
    }

    private static void AppendSuggestions(StringBuilder sb, MigrationPlan plan)
    {
        if (plan.Suggestions.Count == 0) return;
        sb.Append('\n');
        foreach (var s in plan.Suggestions) sb.Append("-- suggestion: ").Append(s).Append('\n');
    }

    internal static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");
}
