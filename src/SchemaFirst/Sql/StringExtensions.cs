namespace SchemaFirst.Sql;

/// <summary>
/// Represents small text helpers for canonical SQL output.
/// </summary>
internal static class StringExtensions
{
    /// <summary>Upper-cases the SQL keywords of a partition bound (FOR VALUES IN/FROM/TO/WITH, MINVALUE, MAXVALUE, DEFAULT).</summary>
    public static string ToUpperInvariantKeywords(this string bound)
    {
        var parts = bound.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            var core = p.TrimStart('(').TrimEnd(')', ',');
            if (core is "for" or "values" or "in" or "from" or "to" or "with" or "modulus" or "remainder" or "minvalue" or "maxvalue" or "default")
            {
                parts[i] = p.Replace(core, core.ToUpperInvariant(), StringComparison.Ordinal);
            }
        }
        return string.Join(' ', parts);
    }
}
