using System.Text;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Portable;

/// <summary>
/// Represents how a target engine spells what a translated expression may contain: identifiers, strings, booleans,
/// the functions it has (and PostgreSQL functions renamed for it), what now() and gen_random_uuid() become in a
/// default, and how it writes PostgreSQL's regular-expression match (null: it cannot).
/// </summary>
internal sealed record ExpressionStyle(
    Func<string, string> Quote,
    Func<string, string> Literal,
    IReadOnlySet<string> Functions,
    IReadOnlyDictionary<string, string> Renames,
    string Now,
    string? Today,
    string? Uuid,
    string? RegexMatch,
    string? True = null,
    string? False = null,
    IReadOnlySet<string>? UnsupportedOperators = null)
{
    /// <summary>Source dialects whose expressions are this target's own.</summary>
    public IReadOnlySet<string> Native { get; init; } = new HashSet<string>();
}

/// <summary>
/// Translates a normalized PostgreSQL expression to another engine (<see cref="ExpressionStyle"/>), or says it cannot
/// (null). Casts are dropped (the target converts by context), string literals and identifiers are re-quoted for the
/// target, <c>x = any (array[...])</c> becomes <c>x IN (...)</c>, functions are renamed where the target spells them
/// otherwise (<c>btrim</c> is TRIM). A function the target does not have, or a PostgreSQL-only operator, makes the whole
/// expression untranslatable: the caller reports it and leaves the object out, never writes half of it.
/// </summary>
internal static class ExpressionTranslator
{

    private static readonly HashSet<string> KeywordsBeforeParen = new(StringComparer.Ordinal)
    {
        "in", "exists", "not", "and", "or", "when", "then", "else", "as", "on", "values", "select", "from", "where", "join", "using",
        "between", "is", "like", "case", "with", "union", "all", "distinct", "by", "having", "group", "order", "into", "except", "intersect",
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "array", "ilike", "similar", "interval", "any", "some", "lateral", "distinct", "nextval", "currval", "setval", "over",
        "filter", "returning", "overlaps", "collate", "at", "cast", "current_user", "session_user", "user", "current_role",
        "current_time", "localtime", "current_catalog", "current_schema",
    };

    /// <param name="schemas">The model's schemas: their qualifiers are dropped, as every object goes into one database.</param>
    /// <param name="forDefault">In a DEFAULT: now() and CURRENT_TIMESTAMP take microseconds to match DATETIME(6).</param>
    /// <param name="sourceDialect">The dialect the expression is written in: only PostgreSQL's (and SQLite's, which is close)
    /// are translated; another engine's text is left to that engine.</param>
    public static string? Translate(string expression, IReadOnlySet<string> schemas, ExpressionStyle style, bool forDefault = false, string sourceDialect = "postgres")
    {
        // The target's own expressions (a T-SQL source written for SQL Server) are kept as they are.
        if (style.Native.Contains(sourceDialect)) return expression;
        if (sourceDialect is not ("postgres" or "sqlite")) return null;
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
                    sb.Append(style.Literal(c.StringValue(t)));
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
                    sb.Append(style.Quote(name));
                    break;
                }
                case TokenKind.Word:
                {
                    var w = TokenCursor.FoldCase(c.Span(t));
                    var call = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen;
                    if (w == "now" && call && i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.RParen)
                    {
                        if (!forDefault) return null; // not deterministic: refused in a CHECK
                        sb.Append(style.Now);
                        i += 2;
                        break;
                    }
                    if (w is "current_timestamp" or "localtimestamp")
                    {
                        if (!forDefault) return null;
                        sb.Append(style.Now);
                        break;
                    }
                    if (w == "current_date")
                    {
                        if (!forDefault || style.Today == null) return null;
                        sb.Append(style.Today);
                        break;
                    }
                    if (w is "gen_random_uuid" or "uuid_generate_v4" && call && i + 2 < tokens.Count && tokens[i + 2].Kind == TokenKind.RParen)
                    {
                        if (!forDefault || style.Uuid == null) return null;
                        sb.Append(style.Uuid);
                        i += 2;
                        break;
                    }
                    if (w is "true" or "false" && (w == "true" ? style.True : style.False) is { } boolean)
                    {
                        sb.Append(boolean);
                        break;
                    }
                    if (call && style.Renames.TryGetValue(w, out var renamed))
                    {
                        sb.Append(renamed);
                        break;
                    }
                    if (w is "any" && TryInList(expression, tokens, c, i, schemas, style, sb, out var next))
                    {
                        i = next;
                        break;
                    }
                    if (Unsupported.Contains(w)) return null;
                    if (call && !style.Functions.Contains(w) && !KeywordsBeforeParen.Contains(w) && w != "cast") return null;
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
                    // A cast that decides what an operation means (to interval, a number or a time) cannot simply go: the
                    // target would add '30 days' as a number, or divide as integers. Dropped only from a lone literal.
                    var lone = (i > 0 && tokens[i - 1].Kind is TokenKind.String or TokenKind.Number)
                        || (i > 2 && tokens[i - 1].Kind == TokenKind.RParen && tokens[i - 2].Kind is TokenKind.String or TokenKind.Number && tokens[i - 3].Kind == TokenKind.LParen);
                    if (type.Kind == TypeKind.Interval) return null;
                    if (!lone && type.Kind is TypeKind.Decimal or TypeKind.Real or TypeKind.Double or TypeKind.Date or TypeKind.Timestamp or TypeKind.Time) return null;
                    if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    i = c.Pos - 1;
                    break;
                }
                case TokenKind.Operator:
                {
                    var op = c.TextOf(t);
                    if (style.UnsupportedOperators?.Contains(op) == true) return null;
                    // Date and time arithmetic differs between engines (MySQL adds 7 to 20240125): not translated.
                    if (op is "+" or "-" && (Temporal(c, tokens, i - 1) || Temporal(c, tokens, i + 1))) return null;
                    switch (op)
                    {
                        case "~" or "~*":
                            if (style.RegexMatch == null) return null;
                            sb.Append(style.RegexMatch);
                            break;
                        case "!~" or "!~*":
                            if (style.RegexMatch == null) return null;
                            sb.Append("NOT ").Append(style.RegexMatch);
                            break;
                        case "||": return null; // OR in MySQL's default mode, + in T-SQL: not written
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
        "value", "cast", "at", "time", "zone", "collate", "overlaps", "lateral", "over", "filter", "current_user", "session_user", "user",
        "current_role", "current_time", "localtime", "current_catalog", "current_schema",
    };

    /// <summary>Whether the token is now(), CURRENT_DATE or CURRENT_TIMESTAMP (or the ')' that closes now()).</summary>
    private static bool Temporal(TokenCursor c, List<Token> tokens, int i)
    {
        if (i < 0 || i >= tokens.Count) return false;
        if (tokens[i].Kind == TokenKind.Word && c.IsAnyWordAt(i, "current_date", "current_timestamp", "localtimestamp")) return true;
        if (tokens[i].Kind == TokenKind.Word && c.IsWordAt(i, "now")) return true;
        return tokens[i].Kind == TokenKind.RParen && i >= 2 && tokens[i - 1].Kind == TokenKind.LParen && c.IsWordAt(i - 2, "now");
    }

    /// <summary>Spacing tidied around parentheses and commas, never inside a string literal.</summary>
    private static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\'') quoted = !quoted;
            if (!quoted && ch == ' ' && i + 1 < text.Length && text[i + 1] is ')' or ',') continue;
            if (!quoted && ch == ' ' && i > 0 && text[i - 1] == '(') continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary><c>= any (array['a', 'b'])</c> → <c>IN ('a', 'b')</c>; the '=' was already written.</summary>
    private static bool TryInList(string expression, List<Token> tokens, TokenCursor c, int i, IReadOnlySet<string> schemas, ExpressionStyle style, StringBuilder sb, out int next)
    {
        next = i;
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Operator || c.TextOf(tokens[i - 1]) != "=") return false;
        if (i + 3 >= tokens.Count || tokens[i + 1].Kind != TokenKind.LParen || tokens[i + 2].Kind != TokenKind.Word
            || !c.Span(tokens[i + 2]).Equals("array", StringComparison.OrdinalIgnoreCase) || tokens[i + 3].Kind != TokenKind.LBracket) return false;
        var close = SqlNormalizer.MatchingParen(tokens, i + 3, tokens.Count);
        var outer = SqlNormalizer.MatchingParen(tokens, i + 1, tokens.Count);
        if (close < 0 || outer != close + 1 || close <= i + 4) return false;
        var inner = Translate(expression[tokens[i + 4].Start..tokens[close - 1].End], schemas, style);
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
