using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Lint.Rules;

/// <summary>TY108: status-like columns use one pattern across the schema.</summary>
public sealed class StatusPatternRule : SchemaRule
{
    public override string Code => "TY108";
    public override string Name => "mixed-status-patterns";
    public override string Summary => "Status-like columns (status, state, *_status, *_state) use one pattern across tables: an enum type, text with a CHECK list, or integer codes.";
    public override string Why => "When orders.status is an enum, invoices.status a text CHECK and shipments.status an integer code, every report needs three decodings and nobody knows which values are legal where. One pattern, chosen once, keeps them comparable.";
    public override string Bad => "CREATE TYPE order_status AS ENUM ('new', 'paid');\nCREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);\nCREATE TABLE invoices (id bigint PRIMARY KEY, status order_status NOT NULL);\nCREATE TABLE shipments (id bigint PRIMARY KEY, status integer NOT NULL);";
    public override string Good => "CREATE TYPE order_status AS ENUM ('new', 'paid');\nCREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);\nCREATE TABLE invoices (id bigint PRIMARY KEY, status order_status NOT NULL);\nCREATE TABLE shipments (id bigint PRIMARY KEY, status order_status NOT NULL);";
    public override string Fix => "convert the odd columns to the pattern most tables use";
    public override IReadOnlyList<(string Name, string Default, string Meaning)> Options => [("names", "status, state, *_status, *_state", "column name globs that hold a status")];

    public override IEnumerable<LintFinding> Check(SchemaLintContext context, RuleSettings settings)
    {
        var names = settings.List("names", ["status", "state", "*_status", "*_state"]);
        var seen = new List<(Table Table, Column Column, string Pattern)>();
        foreach (var t in context.Tables)
        {
            foreach (var c in t.Columns)
            {
                if (!names.Any(n => Glob.IsMatch(n, c.Name))) continue;
                var pattern = c.Type.Kind switch
                {
                    TypeKind.Enum => "an enum type",
                    TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt => "integer codes",
                    TypeKind.Text or TypeKind.VarChar or TypeKind.Char => t.Checks.Any(k => Mentions(k.Expression, c.Name)) ? "text with a CHECK list" : "free text",
                    TypeKind.Boolean => null,
                    _ => null,
                };
                if (pattern != null) seen.Add((t, c, pattern));
            }
        }
        var counts = seen.GroupBy(s => s.Pattern).Select(g => (Pattern: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Pattern, StringComparer.Ordinal).ToList();
        if (counts.Count < 2) yield break;
        var main = counts[0].Pattern;
        foreach (var (t, c, pattern) in seen)
        {
            if (pattern != main) yield return context.OnColumn(this, settings, t, c, $"status column {t.Name}.{c.Name} uses {pattern}; {counts[0].Count} status columns use {main}");
        }
    }

    private static bool Mentions(string expression, string column)
    {
        var i = expression.IndexOf(column, StringComparison.Ordinal);
        while (i >= 0)
        {
            var before = i == 0 || !SqlLexer.IsIdentPart(expression[i - 1]);
            var after = i + column.Length >= expression.Length || !SqlLexer.IsIdentPart(expression[i + column.Length]);
            if (before && after) return true;
            i = expression.IndexOf(column, i + 1, StringComparison.Ordinal);
        }
        return false;
    }
}
