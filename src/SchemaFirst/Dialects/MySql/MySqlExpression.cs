using System.Text;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Translates a normalized PostgreSQL expression to MySQL/MariaDB, or says it cannot (null). Casts are dropped (MySQL
/// converts by context), string literals are re-quoted for MySQL's backslash escapes, identifiers get backticks,
/// <c>~</c> becomes REGEXP, <c>x = any (array[...])</c> becomes <c>x IN (...)</c>, <c>btrim</c> trim and <c>length</c>
/// char_length (PostgreSQL counts characters). A function MySQL does not have, or a PostgreSQL-only operator, makes the
/// whole expression untranslatable: the caller reports it and leaves the object out, never writes half of it.
/// </summary>
internal static class MySqlExpression
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "abs", "ceil", "ceiling", "floor", "round", "mod", "power", "pow", "sqrt", "coalesce", "nullif", "greatest", "least", "lower",
        "upper", "trim", "ltrim", "rtrim", "concat", "concat_ws", "substring", "substr", "replace", "left", "right", "lpad", "rpad",
        "reverse", "char_length", "character_length", "count", "sum", "avg", "min", "max", "json_valid", "json_extract", "ifnull",
        "sign", "exp", "ln", "log", "log10", "md5", "upper", "date",
    };

    private static readonly HashSet<string> KeywordsBeforeParen = new(StringComparer.Ordinal)
    {
        "in", "exists", "not", "and", "or", "when", "then", "else", "as", "on", "values", "select", "from", "where", "join", "using",
        "between", "is", "like", "case", "with", "union", "all", "distinct", "by", "having", "group", "order", "into", "except", "intersect",
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "array", "ilike", "similar", "interval", "any", "some", "lateral", "distinct", "nextval", "currval", "setval", "over",
        "filter", "returning", "overlaps", "collate", "at",
    };

    /// <param name="schemas">The model's schemas: their qualifiers are dropped, as every object goes into one database.</param>
    /// <param name="forDefault">In a DEFAULT: now() and CURRENT_TIMESTAMP take microseconds to match DATETIME(6).</param>
    public static string? Translate(string expression, IReadOnlySet<string> schemas, bool forDefault = false)
    {
        List<Token> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(expression);
        }
        catch (ParseException)
        {
            return null;
        }
        var c = new TokenCursor(expression, tokens);
        var sb = new StringBuilder(expression.Length + 16);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0 && tokens[i - 1].End < t.Start) sb.Append(' ');
            switch (t.Kind)
            {
                case TokenKind.String:
                    if (expression[t.Start] is 'b' or 'B' or 'x' or 'X' or 'u' or 'U') return null;
                    sb.Append(MySqlQuoting.Literal(c.StringValue(t)));
                    break;
                case TokenKind.QuotedIdentifier:
                case TokenKind.Word when !IsKeywordish(c, tokens, i):
                {
                    var name = c.IdentifierValue(t);
                    if (i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Dot && schemas.Contains(name) && !(i > 0 && tokens[i - 1].Kind == TokenKind.Dot))
                    {
                        i++; // schema.relation: every object goes into one database, the schema goes
                        continue;
                    }
                    sb.Append(MySqlQuoting.Quote(name));
                    break;
                }
                case TokenKind.Word:
                {
                    var w = TokenCursor.FoldCase(c.Span(t));
                    var call = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen;
                    if (w == "now" && call && i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.RParen)
                    {
                        if (!forDefault) return null; // not deterministic: MySQL refuses it in a CHECK
                        sb.Append("CURRENT_TIMESTAMP(6)");
                        i += 2;
                        break;
                    }
                    if (w is "current_timestamp" or "localtimestamp")
                    {
                        if (!forDefault) return null;
                        sb.Append("CURRENT_TIMESTAMP(6)");
                        break;
                    }
                    if (w == "current_date")
                    {
                        if (!forDefault) return null;
                        sb.Append("(CURRENT_DATE)");
                        break;
                    }
                    if (w is "gen_random_uuid" or "uuid_generate_v4" && call)
                    {
                        if (!forDefault) return null;
                        sb.Append("uuid");
                        break;
                    }
                    if (w == "btrim" && call)
                    {
                        sb.Append("trim");
                        break;
                    }
                    if (w == "length" && call)
                    {
                        sb.Append("char_length");
                        break;
                    }
                    if (w is "any" && TryInList(expression, tokens, c, i, schemas, sb, out var next))
                    {
                        i = next;
                        break;
                    }
                    if (Unsupported.Contains(w)) return null;
                    if (call && !Functions.Contains(w) && !KeywordsBeforeParen.Contains(w) && w != "cast") return null;
                    sb.Append(c.TextOf(t));
                    break;
                }
                case TokenKind.DoubleColon:
                {
                    // Drop the cast: MySQL converts by context. A catalog cast (regclass) means a PostgreSQL lookup.
                    c.Pos = i + 1;
                    DataType type;
                    try
                    {
                        type = PostgresTypeMapper.Parse(c, _ => null, out _);
                    }
                    catch (ParseException)
                    {
                        return null;
                    }
                    if (type.Text is "regclass" or "regproc" or "regtype" or "regconfig" || type.Kind == TypeKind.Array) return null;
                    if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    i = c.Pos - 1;
                    break;
                }
                case TokenKind.Operator:
                {
                    var op = c.TextOf(t);
                    switch (op)
                    {
                        case "~": sb.Append("REGEXP"); break;
                        case "~*": sb.Append("REGEXP"); break;
                        case "!~": sb.Append("NOT REGEXP"); break;
                        case "!~*": sb.Append("NOT REGEXP"); break;
                        case "||": return null; // OR in MySQL's default mode
                        case "@>" or "<@" or "&&" or "?" or "?|" or "?&" or "#>" or "#>>" or "@@" or "-|-" or "->" or "->>": return null;
                        default: sb.Append(op); break;
                    }
                    break;
                }
                case TokenKind.LBracket:
                case TokenKind.RBracket:
                case TokenKind.Parameter:
                    return null;
                default:
                    sb.Append(c.TextOf(t));
                    break;
            }
        }
        return Tidy(sb.ToString());
    }

    /// <summary>Whether a word is SQL vocabulary (a keyword or a function name) rather than a column name.</summary>
    private static bool IsKeywordish(TokenCursor c, List<Token> tokens, int i)
    {
        var w = TokenCursor.FoldCase(c.Span(tokens[i]));
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen) return true;
        return Keywords.Contains(w);
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "is", "null", "true", "false", "in", "between", "like", "case", "when", "then", "else", "end", "exists",
        "as", "select", "from", "where", "join", "on", "left", "right", "inner", "outer", "full", "cross", "group", "by", "order",
        "having", "limit", "offset", "union", "all", "distinct", "asc", "desc", "nulls", "first", "last", "current_timestamp",
        "current_date", "localtimestamp", "escape", "any", "some", "array", "interval", "ilike", "similar", "to", "using", "with",
        "value", "cast", "at", "time", "zone", "collate", "overlaps", "lateral", "over", "filter",
    };

    private static string Tidy(string text) => text.Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);

    /// <summary><c>= any (array['a', 'b'])</c> → <c>IN ('a', 'b')</c>; the '=' was already written.</summary>
    private static bool TryInList(string expression, List<Token> tokens, TokenCursor c, int i, IReadOnlySet<string> schemas, StringBuilder sb, out int next)
    {
        next = i;
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Operator || c.TextOf(tokens[i - 1]) != "=") return false;
        if (i + 3 >= tokens.Count || tokens[i + 1].Kind != TokenKind.LParen || tokens[i + 2].Kind != TokenKind.Word
            || !c.Span(tokens[i + 2]).Equals("array", StringComparison.OrdinalIgnoreCase) || tokens[i + 3].Kind != TokenKind.LBracket) return false;
        var close = SqlNormalizer.MatchingParen(tokens, i + 3, tokens.Count);
        var outer = SqlNormalizer.MatchingParen(tokens, i + 1, tokens.Count);
        if (close < 0 || outer != close + 1 || close <= i + 4) return false;
        var inner = Translate(expression[tokens[i + 4].Start..tokens[close - 1].End], schemas);
        if (inner == null) return false;
        // the '=' already written becomes IN
        var eq = sb.ToString().LastIndexOf('=');
        if (eq < 0) return false;
        sb.Length = eq;
        sb.Append("IN (").Append(inner).Append(')');
        next = outer;
        return true;
    }
}
