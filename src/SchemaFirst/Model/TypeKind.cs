namespace SchemaFirst.Model;

/// <summary>
/// Represents the dialect-neutral family of a data type.
/// </summary>
public enum TypeKind
{
    Unknown,
    SmallInt,
    Integer,
    BigInt,
    Decimal,
    Real,
    Double,
    Money,
    Boolean,
    Char,
    VarChar,
    Text,
    Binary,
    Date,
    Time,
    Timestamp,
    Interval,
    Json,
    Jsonb,
    Uuid,
    Xml,
    Bit,
    Network,
    Geometric,
    TextSearch,
    Range,
    Enum,
    Domain,
    Composite,
    Array,
    User,
}
