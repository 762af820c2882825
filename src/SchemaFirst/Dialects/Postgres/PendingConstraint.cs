using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Represents a constraint as read, before PostgreSQL's default name is chosen for it.
/// </summary>
internal sealed class PendingConstraint
{
    public required string Kind; // primary, unique, foreign, check, exclude
    public string? Name;
    public int TokenIndex;
    public List<string> Columns = new();
    public bool NullsNotDistinct;
    public IndexOptions IndexOptions = IndexOptions.None;
    public ConstraintTiming Timing = ConstraintTiming.Immediate;
    public List<string>? RefParts;
    public List<string> RefColumns = new();
    public ForeignKeyAction OnDelete;
    public ForeignKeyAction OnUpdate;
    public ForeignKeyMatch Match;
    public List<string> OnDeleteSetColumns = new();
    public string? Expression;
    public bool NotValid;
    public bool NoInherit;
    // An exclusion constraint without USING is a btree one, as PostgreSQL defaults it.
    public string Method = "btree";
    public List<ExclusionElement> ExclusionElements = new();
    public string? Where;
    /// <summary>For CHECK: the distinct column names the expression mentions (for the default name).</summary>
    public List<string> CheckColumns = new();
    public string? UsingIndex;
}
