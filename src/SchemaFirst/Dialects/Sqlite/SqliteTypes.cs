using System.Text;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Reads SQLite declared types, which may be any words with optional numbers in parentheses (NVARCHAR(120),
/// UNSIGNED BIG INT, DATETIME): the declared text is kept (upper case, single spaces) and the neutral kind follows
/// SQLite's affinity rules, refined by the usual names.
/// </summary>
internal static class SqliteTypes
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "constraint", "primary", "not", "null", "unique", "check", "default", "collate", "references", "generated", "as", "on", "autoincrement",
    };

    public static DataType Parse(TokenCursor c)
    {
        var words = new List<string>();
        while (c.Kind() == TokenKind.Word && !StopWords.Contains(c.TextOf(c.Current)))
        {
            words.Add(c.TextOf(c.Current).ToUpperInvariant());
            c.Pos++;
        }
        int? a = null, b = null;
        var text = new StringBuilder(string.Join(' ', words));
        if (words.Count > 0 && c.Is(TokenKind.LParen))
        {
            var (s, e) = c.CaptureParens();
            var parts = c.SplitTopLevel(s, e).Select(r => c.Normalize(r)).ToList();
            text.Append('(').Append(string.Join(",", parts)).Append(')');
            if (parts.Count > 0 && int.TryParse(parts[0], out var pa)) a = pa;
            if (parts.Count > 1 && int.TryParse(parts[1], out var pb)) b = pb;
        }
        var declared = text.ToString();
        var name = string.Join(' ', words);
        TypeKind kind;
        if (name.Length == 0) kind = TypeKind.Unknown;
        else if (name.Contains("INT", StringComparison.Ordinal)) kind = name.Contains("BIG", StringComparison.Ordinal) ? TypeKind.BigInt : name.Contains("SMALL", StringComparison.Ordinal) || name.Contains("TINY", StringComparison.Ordinal) ? TypeKind.SmallInt : TypeKind.Integer;
        else if (name.Contains("CHAR", StringComparison.Ordinal)) kind = name.Contains("VAR", StringComparison.Ordinal) ? TypeKind.VarChar : TypeKind.Char;
        else if (name.Contains("CLOB", StringComparison.Ordinal) || name.Contains("TEXT", StringComparison.Ordinal)) kind = TypeKind.Text;
        else if (name.Contains("BLOB", StringComparison.Ordinal)) kind = TypeKind.Binary;
        else if (name.Contains("REAL", StringComparison.Ordinal) || name.Contains("FLOA", StringComparison.Ordinal) || name.Contains("DOUB", StringComparison.Ordinal)) kind = TypeKind.Double;
        else if (name.StartsWith("BOOL", StringComparison.Ordinal)) kind = TypeKind.Boolean;
        else if (name is "DATETIME" or "TIMESTAMP" or "TIMESTAMPTZ") kind = TypeKind.Timestamp;
        else if (name == "DATE") kind = TypeKind.Date;
        else if (name == "TIME") kind = TypeKind.Time;
        else if (name is "NUMERIC" or "DECIMAL") kind = TypeKind.Decimal;
        else if (name is "JSON" or "JSONB") kind = TypeKind.Json;
        else if (name == "UUID") kind = TypeKind.Uuid;
        else kind = TypeKind.Unknown;
        return kind switch
        {
            TypeKind.Char or TypeKind.VarChar => new DataType(kind, declared, Length: a),
            TypeKind.Decimal => new DataType(kind, declared, Precision: a, Scale: b),
            _ => new DataType(kind, declared),
        };
    }
}
