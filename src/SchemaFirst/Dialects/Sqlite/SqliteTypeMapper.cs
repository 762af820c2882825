using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Maps neutral types to SQLite declared types. SQLite keeps the declared type as written and derives an affinity
/// from it, so the declared type is chosen to give the right affinity (INTEGER, REAL, NUMERIC, TEXT, BLOB) while
/// keeping what a reader needs to know (VARCHAR(40), NUMERIC(12,2)).
/// </summary>
internal static class SqliteTypeMapper
{
    /// <summary>The SQLite declared type, and a note when the mapping loses something.</summary>
    public static (string Type, string? Loss) Map(DataType type) => type.Kind switch
    {
        TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt => ("INTEGER", null),
        TypeKind.Decimal => (type.Precision is { } p ? $"NUMERIC({p},{type.Scale ?? 0})" : "NUMERIC", null),
        TypeKind.Money => ("NUMERIC", "money is stored as NUMERIC"),
        TypeKind.Real or TypeKind.Double => ("REAL", null),
        TypeKind.Boolean => ("BOOLEAN", null),
        TypeKind.Char => ($"CHAR({type.Length ?? 1})", null),
        TypeKind.VarChar => (type.Length is { } n ? $"VARCHAR({n})" : "TEXT", null),
        TypeKind.Text => ("TEXT", null),
        TypeKind.Binary => ("BLOB", null),
        TypeKind.Date => ("DATE", null),
        TypeKind.Time => ("TIME", type.WithTimeZone ? "the time zone is not kept" : null),
        TypeKind.Timestamp => (type.WithTimeZone ? "TIMESTAMPTZ" : "TIMESTAMP", null),
        // Declared types without INT, CHAR, CLOB, TEXT, BLOB, REAL, FLOA or DOUB get NUMERIC affinity in SQLite,
        // which would turn '0012' into 12: these are declared as TEXT.
        TypeKind.Json or TypeKind.Jsonb => ("TEXT", "JSON is stored as TEXT"),
        TypeKind.Uuid => ("TEXT", "uuid is stored as TEXT"),
        TypeKind.Interval => ("TEXT", "interval is stored as TEXT"),
        TypeKind.Enum => ("TEXT", null),
        TypeKind.Array => ("TEXT", $"{type.Text} is stored as TEXT (no arrays in SQLite)"),
        _ => ("TEXT", $"{type.Text} has no SQLite equivalent and is stored as TEXT"),
    };
}
