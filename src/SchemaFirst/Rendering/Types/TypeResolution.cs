using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Rendering.Types;

/// <summary>
/// What a column's type is underneath, for typed code: a domain is its base type (through domains of domains), an
/// array is its element type with the number of dimensions.
/// </summary>
internal sealed class TypeResolution(Database model)
{
    private readonly Dictionary<QualifiedName, DomainType> _domains = model.Domains.ToDictionary(d => d.Name);
    private readonly Dictionary<QualifiedName, EnumType> _enums = model.Enums.ToDictionary(e => e.Name);

    public bool IsSqlite => model.SourceDialect == "sqlite";

    public EnumType? Enum(DataType type) => type.Kind == TypeKind.Enum && type.UserType is { } q ? _enums.GetValueOrDefault(q) : null;

    /// <summary>The type with domains replaced by their base types, and the array dimensions apart.</summary>
    public (DataType Element, int Dimensions) Resolve(DataType type)
    {
        var dims = 0;
        for (var guard = 0; guard < 32; guard++)
        {
            if (type.Kind == TypeKind.Array)
            {
                dims += Math.Max(1, type.ArrayDimensions);
                type = Element(type);
                continue;
            }
            if (type.Kind == TypeKind.Domain && type.UserType is { } d && _domains.TryGetValue(d, out var domain))
            {
                type = domain.BaseType;
                continue;
            }
            if (type.Kind == TypeKind.User && type.UserType is { } u && _enums.ContainsKey(u))
            {
                type = type with { Kind = TypeKind.Enum };
            }
            break;
        }
        return (type, dims);
    }

    /// <summary>The element of an array type: its text without the brackets, read again.</summary>
    private DataType Element(DataType array)
    {
        var text = array.Text.EndsWith("[]", StringComparison.Ordinal) ? array.Text[..^2] : array.Text;
        if (array.UserType is { } q)
        {
            var kind = _enums.ContainsKey(q) ? TypeKind.Enum : _domains.ContainsKey(q) ? TypeKind.Domain : TypeKind.User;
            return new DataType(kind, text, UserType: q);
        }
        try
        {
            var tokens = SqlLexer.Tokenize(text);
            var c = new TokenCursor(text, tokens);
            var t = PostgresTypeMapper.Parse(c, _ => null, out _);
            return t.Kind == TypeKind.Array ? new DataType(TypeKind.Unknown, text) : t;
        }
        catch (ParseException)
        {
            return new DataType(TypeKind.Unknown, text);
        }
    }
}
