using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>MG104: ALTER COLUMN TYPE that rewrites the table.</summary>
public sealed class RewritingTypeChangeRule : MigrationRule
{
    public override string Code => "MG104";
    public override string Name => "rewriting-type-change";
    public override string Summary => "A column's type changes on an existing table only where PostgreSQL needs no rewrite (varchar widened or made text, numeric precision raised, ...).";
    public override string Why => "Most type changes rewrite the whole table and its indexes under ACCESS EXCLUSIVE: reads and writes wait for minutes on a large table. Widening varchar, varchar to text and raising numeric precision are catalog-only; knowing the current type, SchemaFirst tells which is which.";
    public override string Bad => "ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;";
    public override string Good => "ALTER TABLE orders ADD COLUMN quantity_wide bigint;";
    public override string Fix => "add a new column of the new type, backfill it in batches, switch readers and writers, then drop the old one";

    public override IEnumerable<LintFinding> Check(MigrationLintContext context, RuleSettings settings)
    {
        foreach (var (_, s) in context.OnExistingTables())
        {
            if (s.Verb != "alter") continue;
            foreach (var a in s.Actions.Where(a => a.Kind == "alter type"))
            {
                var before = context.ColumnBefore(s.Table!, a.Column!);
                var to = ColumnTypeRule.Normalize(a.TypeText ?? string.Empty);
                if (a.Using == null && before != null && CatalogOnly(before.Type, to)) continue;
                var from = before != null ? $"from {before.Type.Text} " : string.Empty;
                yield return MigrationLintContext.On(this, settings, s, $"alter type {s.Table}.{a.Column}",
                    $"changing {s.Table}.{a.Column} {from}to {a.TypeText} {(before != null ? "rewrites" : "may rewrite")} the table and its indexes under an ACCESS EXCLUSIVE lock");
            }
        }
    }

    /// <summary>Whether PostgreSQL changes the type in the catalog only (binary-coercible and no narrower).</summary>
    public static bool CatalogOnly(DataType from, string to)
    {
        static int? Arg(string t, int n)
        {
            var open = t.IndexOf('(');
            if (open < 0) return null;
            var parts = t[(open + 1)..t.IndexOf(')')].Split(',');
            return parts.Length > n && int.TryParse(parts[n].Trim(), out var v) ? v : null;
        }
        var varchar = to.StartsWith("varchar", StringComparison.Ordinal) || to.StartsWith("character varying", StringComparison.Ordinal);
        switch (from.Kind)
        {
            case TypeKind.VarChar:
                return to == "text" || varchar && (Arg(to, 0) is not { } n || from.Length is { } m && n >= m);
            case TypeKind.Text:
                return to == "text" || varchar && Arg(to, 0) == null;
            case TypeKind.Decimal:
                if (!to.StartsWith("numeric", StringComparison.Ordinal) && !to.StartsWith("decimal", StringComparison.Ordinal)) return false;
                if (Arg(to, 0) is not { } p) return true;
                return from.Precision is { } fp && p >= fp && (Arg(to, 1) ?? 0) == (from.Scale ?? 0);
            case TypeKind.Network:
                return from.Text == "cidr" && to == "inet";
            case TypeKind.Timestamp:
                return (to.StartsWith("timestamp", StringComparison.Ordinal) && (to.Contains("with time zone", StringComparison.Ordinal) || to.StartsWith("timestamptz", StringComparison.Ordinal)) == from.WithTimeZone)
                    && (Arg(to, 0) is not { } tp || from.Precision is { } fpp && tp >= fpp);
            default:
                return false;
        }
    }
}
