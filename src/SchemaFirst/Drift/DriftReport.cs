using SchemaFirst.Diagnostics;

namespace SchemaFirst.Drift;

/// <summary>
/// Represents where a live database has moved away from its source: one item per object that is missing, extra or
/// changed, each with what differs and where the object is declared in the source.
/// </summary>
public sealed record DriftReport(string Source, string Database, IReadOnlyList<DriftItem> Items, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasDrift => Items.Count > 0;
}

/// <summary>
/// Represents one object that differs. <see cref="State"/> is missing (in the source, not in the database), extra (in
/// the database only) or changed; <see cref="Details"/> says what differs ("type: the database has bigint, the source
/// integer"); <see cref="Location"/> is the object's declaration in the source (for an extra column, its table's);
/// <see cref="DatabaseSql"/> and <see cref="SourceSql"/> are the object's definition on each side, when it has one; and
/// <see cref="Fix"/> is what a plan would run to bring the database back to the source.
/// </summary>
public sealed record DriftItem(
    DriftState State,
    string Kind,
    string Object,
    IReadOnlyList<string> Details,
    SourceSpan? Location,
    string? DatabaseSql,
    string? SourceSql,
    IReadOnlyList<string> Fix)
{
    /// <summary>"changed column public.orders.qty: type: the database has bigint, the source integer".</summary>
    public string Describe() => $"{State.ToString().ToLowerInvariant()} {Kind} {Object}" + (Details.Count > 0 ? ": " + string.Join("; ", Details) : string.Empty);

    /// <summary>The stable rule id of the state in SARIF and annotations.</summary>
    public string RuleId => State switch
    {
        DriftState.Missing => "SFD001",
        DriftState.Extra => "SFD002",
        _ => "SFD003",
    };
}

/// <summary>Represents how an object differs between the source and the database.</summary>
public enum DriftState
{
    Missing,
    Extra,
    Changed,
}
