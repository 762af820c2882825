namespace SchemaFirst.Model;

/// <summary>
/// Represents a schema-qualified object name as the database stores it (after case folding).
/// </summary>
public sealed record QualifiedName(string Schema, string Name) : IComparable<QualifiedName>
{
    public int CompareTo(QualifiedName? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Schema, other.Schema);
        return c != 0 ? c : string.CompareOrdinal(Name, other.Name);
    }

    /// <summary>The name as SQL text, each part quoted only where PostgreSQL needs it.</summary>
    public override string ToString() => Identifier.Quote(Schema) + "." + Identifier.Quote(Name);
}
