namespace SchemaFirst.Planning;

/// <summary>
/// Represents a risk of a planned statement, with a stable code: DS destructive, MF may fail on existing data, LK locks
/// or rewrites, BC breaks running application code. A data-dependent hazard carries the query apply runs first.
/// </summary>
public sealed record Hazard(string Code, string Message, DataCheck? Check = null)
{
    /// <summary>Whether the hazard destroys data, so applying the plan needs an explicit allowance.</summary>
    public bool Destructive => Code.StartsWith("DS", StringComparison.Ordinal);
}

/// <summary>
/// Represents a pre-flight query of a data-dependent statement: <see cref="Sql"/> returns one count of the rows (or key
/// values) that would make the statement fail, and <see cref="Finding"/> says what that count means, with <c>{0}</c>
/// where the count goes ("{0} rows of shop.orders hold NULL in customer_id; SET NOT NULL would fail").
/// </summary>
public sealed record DataCheck(string Sql, string Finding)
{
    public string Describe(long count) => Finding
        .Replace("{0}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("(s) are", count == 1 ? " is" : "s are", StringComparison.Ordinal)
        .Replace("(s)", count == 1 ? string.Empty : "s", StringComparison.Ordinal);
}
