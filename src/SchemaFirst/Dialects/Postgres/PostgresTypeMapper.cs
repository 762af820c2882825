using System.Globalization;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Reads PostgreSQL type names (including multi-word names, modifiers and array bounds) and writes them in the
/// canonical spelling PostgreSQL's format_type uses, with the neutral kind of each.
/// </summary>
internal static class PostgresTypeMapper
{
    /// <summary>Reads a type at the cursor. <paramref name="resolve"/> maps a user type name to a model type.</summary>
    public static DataType Parse(TokenCursor c, Func<List<string>, (QualifiedName Name, TypeKind Kind)?> resolve, out bool serial)
    {
        serial = false;
        var start = c.Pos;
        if (c.Accept("setof")) { }
        var first = c.IsIdentifier() && c.Kind() == TokenKind.Word ? TokenCursor.FoldCase(c.Span(c.Current)) : null;
        DataType? type = null;
        if (first != null && c.Kind(1) != TokenKind.Dot)
        {
            type = ParseBuiltin(c, first, out serial);
        }
        if (type == null)
        {
            c.Pos = start;
            var parts = c.ExpectNameParts("a type name");
            if (parts.Count == 2 && parts[0] == "pg_catalog")
            {
                var save = c.Pos;
                var builtinTokens = ParseCatalogQualified(c, parts[1], out serial);
                if (builtinTokens != null) type = builtinTokens;
                else c.Pos = save;
            }
            if (type == null)
            {
                var mods = ReadModifiers(c);
                var resolved = resolve(parts);
                if (resolved is { } r && mods == null)
                {
                    type = new DataType(r.Kind, PostgresQuoting.Name(r.Name), UserType: r.Name);
                }
                else
                {
                    var name = string.Join(".", parts.Select(PostgresQuoting.Quote));
                    type = new DataType(TypeKind.User, mods == null ? name : name + "(" + mods + ")", UserType: resolved?.Name);
                }
            }
        }
        return ParseArraySuffix(c, type);
    }

    private static DataType? ParseCatalogQualified(TokenCursor c, string name, out bool serial)
    {
        serial = false;
        // pg_catalog.int4 etc: treat like the bare builtin; the cursor is already past the name.
        c.Pos--;
        var t = ParseBuiltin(c, name, out serial);
        return t;
    }

    private static DataType ParseArraySuffix(TokenCursor c, DataType type)
    {
        var dims = 0;
        while (true)
        {
            if (c.Is(TokenKind.LBracket))
            {
                c.Pos++;
                if (c.Is(TokenKind.Number)) c.Pos++;
                c.Expect(TokenKind.RBracket);
                dims++;
                continue;
            }
            if (c.IsWord("array") && !c.IsWord(1, "select"))
            {
                c.Pos++;
                if (c.Is(TokenKind.LBracket))
                {
                    c.Pos++;
                    if (c.Is(TokenKind.Number)) c.Pos++;
                    c.Expect(TokenKind.RBracket);
                }
                dims++;
                continue;
            }
            break;
        }
        if (dims == 0) return type;
        // PostgreSQL does not enforce array dimensions: int[][] and int[] are the same type, printed as int[].
        return type with { Text = type.Text + "[]", ArrayDimensions = 1, Kind = TypeKind.Array };
    }

    private static string? ReadModifiers(TokenCursor c)
    {
        if (!c.Is(TokenKind.LParen)) return null;
        var range = c.CaptureParens();
        return c.Normalize(range, stripOuterParens: false);
    }

    private static int? ReadSingleInt(TokenCursor c)
    {
        if (!c.Is(TokenKind.LParen)) return null;
        c.Pos++;
        var v = ReadInt(c);
        c.Expect(TokenKind.RParen);
        return v;
    }

    private static int ReadInt(TokenCursor c)
    {
        if (!c.Is(TokenKind.Number) || !int.TryParse(c.Span(c.Current), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw c.Error("expected a whole number");
        }
        c.Pos++;
        return v;
    }

    private static DataType? ParseBuiltin(TokenCursor c, string first, out bool serial)
    {
        serial = false;
        var save = c.Pos;
        c.Pos++;
        switch (first)
        {
            case "int":
            case "integer":
            case "int4":
                return new DataType(TypeKind.Integer, "integer");
            case "smallint":
            case "int2":
                return new DataType(TypeKind.SmallInt, "smallint");
            case "bigint":
            case "int8":
                return new DataType(TypeKind.BigInt, "bigint");
            case "serial":
            case "serial4":
                serial = true;
                return new DataType(TypeKind.Integer, "integer");
            case "bigserial":
            case "serial8":
                serial = true;
                return new DataType(TypeKind.BigInt, "bigint");
            case "smallserial":
            case "serial2":
                serial = true;
                return new DataType(TypeKind.SmallInt, "smallint");
            case "real":
            case "float4":
                return new DataType(TypeKind.Real, "real");
            case "float8":
                return new DataType(TypeKind.Double, "double precision");
            case "double":
                c.Expect("precision");
                return new DataType(TypeKind.Double, "double precision");
            case "float":
                {
                    var p = ReadSingleInt(c);
                    return p is >= 1 and <= 24 ? new DataType(TypeKind.Real, "real") : new DataType(TypeKind.Double, "double precision");
                }
            case "numeric":
            case "decimal":
            case "dec":
                {
                    if (!c.Is(TokenKind.LParen)) return new DataType(TypeKind.Decimal, "numeric");
                    c.Pos++;
                    var p = ReadSignedInt(c);
                    int? s = null;
                    if (c.Accept(TokenKind.Comma)) s = ReadSignedInt(c);
                    c.Expect(TokenKind.RParen);
                    s ??= 0;
                    return new DataType(TypeKind.Decimal, $"numeric({p},{s})", Precision: p, Scale: s);
                }
            case "money":
                return new DataType(TypeKind.Money, "money");
            case "bool":
            case "boolean":
                return new DataType(TypeKind.Boolean, "boolean");
            case "text":
                return new DataType(TypeKind.Text, "text");
            case "varchar":
                return VarChar(c);
            case "character":
            case "char":
                if (c.Accept("varying")) return VarChar(c);
                return Char(c);
            case "national":
                c.Accept("character");
                c.Accept("char");
                if (c.Accept("varying")) return VarChar(c);
                return Char(c);
            case "nchar":
                if (c.Accept("varying")) return VarChar(c);
                return Char(c);
            case "bpchar":
                {
                    var n = ReadSingleInt(c);
                    return n == null ? new DataType(TypeKind.Char, "bpchar") : new DataType(TypeKind.Char, $"character({n})", Length: n);
                }
            case "bytea":
                return new DataType(TypeKind.Binary, "bytea");
            case "date":
                return new DataType(TypeKind.Date, "date");
            case "timestamp":
            case "time":
                {
                    var p = ReadSingleInt(c);
                    var tz = false;
                    if (c.Accept("with", "time", "zone")) tz = true;
                    else c.Accept("without", "time", "zone");
                    var kind = first == "timestamp" ? TypeKind.Timestamp : TypeKind.Time;
                    var text = first + (p != null ? $"({p})" : string.Empty) + (tz ? " with time zone" : " without time zone");
                    return new DataType(kind, text, Precision: p, WithTimeZone: tz);
                }
            case "timestamptz":
                {
                    var p = ReadSingleInt(c);
                    return new DataType(TypeKind.Timestamp, "timestamp" + (p != null ? $"({p})" : string.Empty) + " with time zone", Precision: p, WithTimeZone: true);
                }
            case "timetz":
                {
                    var p = ReadSingleInt(c);
                    return new DataType(TypeKind.Time, "time" + (p != null ? $"({p})" : string.Empty) + " with time zone", Precision: p, WithTimeZone: true);
                }
            case "interval":
                {
                    var fields = new List<string>();
                    while (c.IsAnyWord("year", "month", "day", "hour", "minute", "second", "to"))
                    {
                        fields.Add(TokenCursor.FoldCase(c.Span(c.Current)));
                        c.Pos++;
                    }
                    var p = ReadSingleInt(c);
                    var text = "interval" + (fields.Count > 0 ? " " + string.Join(" ", fields) : string.Empty) + (p != null ? $"({p})" : string.Empty);
                    return new DataType(TypeKind.Interval, text, Precision: p);
                }
            case "json":
                return new DataType(TypeKind.Json, "json");
            case "jsonb":
                return new DataType(TypeKind.Jsonb, "jsonb");
            case "uuid":
                return new DataType(TypeKind.Uuid, "uuid");
            case "xml":
                return new DataType(TypeKind.Xml, "xml");
            case "bit":
                {
                    if (c.Accept("varying"))
                    {
                        var vn = ReadSingleInt(c);
                        return new DataType(TypeKind.Bit, vn == null ? "bit varying" : $"bit varying({vn})", Length: vn);
                    }
                    var n = ReadSingleInt(c) ?? 1;
                    return new DataType(TypeKind.Bit, $"bit({n})", Length: n);
                }
            case "varbit":
                {
                    var vn = ReadSingleInt(c);
                    return new DataType(TypeKind.Bit, vn == null ? "bit varying" : $"bit varying({vn})", Length: vn);
                }
            case "inet":
            case "cidr":
            case "macaddr":
            case "macaddr8":
                return new DataType(TypeKind.Network, first);
            case "point":
            case "line":
            case "lseg":
            case "box":
            case "path":
            case "polygon":
            case "circle":
                return new DataType(TypeKind.Geometric, first);
            case "tsvector":
            case "tsquery":
                return new DataType(TypeKind.TextSearch, first);
            case "int4range":
            case "int8range":
            case "numrange":
            case "tsrange":
            case "tstzrange":
            case "daterange":
            case "int4multirange":
            case "int8multirange":
            case "nummultirange":
            case "tsmultirange":
            case "tstzmultirange":
            case "datemultirange":
                return new DataType(TypeKind.Range, first);
            case "oid":
            case "regclass":
            case "regproc":
            case "regprocedure":
            case "regtype":
            case "regconfig":
            case "regdictionary":
            case "name":
            case "xid":
            case "tid":
            case "cid":
            case "pg_lsn":
            case "pg_snapshot":
            case "txid_snapshot":
            case "void":
            case "trigger":
            case "event_trigger":
            case "record":
            case "cstring":
            case "anyelement":
            case "anyarray":
            case "anynonarray":
            case "anyenum":
            case "anyrange":
            case "anycompatible":
            case "anycompatiblearray":
            case "internal":
            case "refcursor":
                return new DataType(TypeKind.User, first);
            default:
                c.Pos = save;
                return null;
        }
    }

    private static int ReadSignedInt(TokenCursor c)
    {
        var negative = c.IsOperator("-");
        if (negative) c.Pos++;
        var v = ReadInt(c);
        return negative ? -v : v;
    }

    private static DataType VarChar(TokenCursor c)
    {
        var n = ReadSingleInt(c);
        return new DataType(TypeKind.VarChar, n == null ? "character varying" : $"character varying({n})", Length: n);
    }

    private static DataType Char(TokenCursor c)
    {
        var n = ReadSingleInt(c) ?? 1;
        return new DataType(TypeKind.Char, $"character({n})", Length: n);
    }

    /// <summary>The largest value of a sequence of the given integer type, for normalizing MAXVALUE.</summary>
    public static long MaxValueOf(string? dataType) => dataType switch
    {
        "smallint" => short.MaxValue,
        "integer" => int.MaxValue,
        _ => long.MaxValue,
    };

    public static long MinValueOf(string? dataType) => dataType switch
    {
        "smallint" => short.MinValue,
        "integer" => int.MinValue,
        _ => long.MinValue,
    };
}
