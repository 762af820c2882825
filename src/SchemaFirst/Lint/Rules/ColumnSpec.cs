using SchemaFirst.Model;

namespace SchemaFirst.Lint.Rules;

/// <summary>
/// Represents a required column as configured ("created_at timestamptz NOT NULL DEFAULT now()"): its name, and what of
/// type, nullability and default the configuration says.
/// </summary>
internal sealed record ColumnSpec(string Name, string? Type, bool NotNull, string? Default)
{
    public static ColumnSpec Parse(string text)
    {
        var words = text.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var name = words.Count > 0 ? words[0] : text;
        var rest = string.Join(' ', words.Skip(1));
        var upper = rest.ToUpperInvariant();
        var notNull = upper.Contains("NOT NULL", StringComparison.Ordinal);
        string? dflt = null;
        var d = upper.IndexOf("DEFAULT ", StringComparison.Ordinal);
        if (d >= 0)
        {
            // The default runs to NOT NULL or NULL when those come after it (created_at timestamptz DEFAULT now() NOT NULL).
            var tail = upper[(d + 8)..];
            var stop = new[] { tail.IndexOf(" NOT NULL", StringComparison.Ordinal), tail.IndexOf(" NULL", StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(tail.Length).Min();
            dflt = rest[(d + 8)..][..stop].Trim();
        }
        var typeEnd = new[] { upper.IndexOf("NOT NULL", StringComparison.Ordinal), d }.Where(i => i >= 0).DefaultIfEmpty(rest.Length).Min();
        var type = rest[..typeEnd].Trim();
        return new ColumnSpec(name, type.Length == 0 ? null : type, notNull, dflt);
    }

    /// <summary>What differs between a column and the spec, or null when it matches.</summary>
    public string? Mismatch(Column c)
    {
        var problems = new List<string>();
        if (Type != null && !SameType(Type, c.Type)) problems.Add($"is {c.Type.Text}, not {Type}");
        if (NotNull && !c.NotNull) problems.Add("allows NULL");
        if (Default != null && !SameDefault(Default, c.Default)) problems.Add(c.Default == null ? $"has no default ({Default} expected)" : $"defaults to {c.Default}, not {Default}");
        return problems.Count == 0 ? null : string.Join(", ", problems);
    }

    private static bool SameType(string spec, DataType type)
    {
        var s = ColumnTypeRule.Normalize(spec);
        var t = ColumnTypeRule.Normalize(type.Text);
        if (s == t) return true;
        return s switch
        {
            "timestamptz" or "timestamp with time zone" => type is { Kind: TypeKind.Timestamp, WithTimeZone: true },
            "timestamp" or "timestamp without time zone" => type is { Kind: TypeKind.Timestamp, WithTimeZone: false },
            "int" or "integer" or "int4" => type.Kind == TypeKind.Integer,
            "bigint" or "int8" => type.Kind == TypeKind.BigInt,
            "bool" or "boolean" => type.Kind == TypeKind.Boolean,
            "text" => type.Kind == TypeKind.Text,
            "uuid" => type.Kind == TypeKind.Uuid,
            "jsonb" => type.Kind == TypeKind.Jsonb,
            "date" => type.Kind == TypeKind.Date,
            _ => false,
        };
    }

    private static readonly HashSet<string> Now = new(StringComparer.Ordinal) { "now()", "current_timestamp", "transaction_timestamp()", "localtimestamp", "statement_timestamp()" };

    public static bool SameDefault(string spec, string? actual)
    {
        if (actual == null) return false;
        static string N(string s)
        {
            var x = string.Concat(s.ToLowerInvariant().Where(ch => !char.IsWhiteSpace(ch)));
            while (x.Length > 1 && x[0] == '(' && x[^1] == ')') x = x[1..^1];
            var cast = x.IndexOf("::", StringComparison.Ordinal);
            return cast > 0 ? x[..cast] : x;
        }
        var a = N(actual);
        var s = N(spec);
        return a == s || (Now.Contains(a) && Now.Contains(s));
    }
}
