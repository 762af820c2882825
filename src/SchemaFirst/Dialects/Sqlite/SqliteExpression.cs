using System.Text;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Translates a normalized PostgreSQL expression to SQLite, or says it cannot (null): casts to ordinary types are
/// dropped (SQLite's affinities do that work), <c>x = any (array[...])</c> becomes <c>x IN (...)</c>, <c>now()</c>
/// becomes CURRENT_TIMESTAMP; PostgreSQL-only operators and functions make the expression untranslatable.
/// </summary>
internal static partial class SqliteExpression
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "array", "lateral", "ilike", "similar", "interval", "extract", "date_trunc", "to_char", "to_date", "current_setting",
        "nextval", "currval", "setval", "gen_random_uuid", "uuid_generate_v4", "btrim", "regexp_replace", "regexp_match",
        "string_agg", "array_agg", "jsonb_build_object", "json_build_object", "age", "make_interval", "generate_series",
        "tsvector", "to_tsvector", "plainto_tsquery", "unnest", "any", "some",
    };

    /// <summary>Functions SQLite's core has (3.38+): any other call makes an expression untranslatable.</summary>
    private static readonly HashSet<string> SqliteFunctions = new(StringComparer.Ordinal)
    {
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr", "length", "like",
        "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote", "random", "randomblob", "replace", "round",
        "rtrim", "sign", "substr", "substring", "trim", "typeof", "unhex", "unicode", "upper", "zeroblob", "date", "time",
        "datetime", "julianday", "unixepoch", "strftime", "count", "sum", "avg", "total", "group_concat", "json", "json_array",
        "json_extract", "json_object", "json_valid", "json_type", "json_array_length", "ceil", "ceiling", "floor", "ln", "log",
        "log10", "log2", "mod", "pi", "pow", "power", "sqrt", "exp",
    };

    /// <summary>Words that may stand before '(' without being a function call.</summary>
    private static readonly HashSet<string> KeywordsBeforeParen = new(StringComparer.Ordinal)
    {
        "in", "exists", "not", "and", "or", "cast", "when", "then", "else", "as", "on", "over", "values", "select", "from", "where",
        "join", "using", "filter", "between", "is", "like", "glob", "case", "with", "union", "all", "distinct", "by", "having",
        "group", "order", "partition", "window", "returning", "set", "into", "escape", "except", "intersect",
    };

    private static readonly HashSet<string> UnsupportedOperators = new(StringComparer.Ordinal)
    {
        "~", "~*", "!~", "!~*", "@>", "<@", "&&", "?", "?|", "?&", "#>", "#>>", "@@", "-|-",
    };

    /// <param name="expression">A normalized PostgreSQL expression or query.</param>
    /// <param name="schemas">The model's schemas: their qualifiers are dropped, as SQLite has no schemas.</param>
    public static string? Translate(string expression, IReadOnlySet<string>? schemas = null)
    {
        var tokens = SqlLexer.Tokenize(expression);
        var c = new TokenCursor(expression, tokens);
        var sb = new StringBuilder(expression.Length);
        var last = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (schemas != null && t.Kind is TokenKind.Word or TokenKind.QuotedIdentifier && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Dot
                && tokens[i + 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier && !(i > 0 && tokens[i - 1].Kind == TokenKind.Dot)
                && !(i + 4 < tokens.Count && tokens[i + 3].Kind == TokenKind.Dot) && schemas.Contains(c.IdentifierValue(t)))
            {
                // schema.relation: SQLite would read the schema as an attached database.
                sb.Append(expression, last, t.Start - last);
                last = tokens[i + 2].Start;
                i++;
                continue;
            }
            if (t.Kind == TokenKind.Word)
            {
                var w = TokenCursor.FoldCase(c.Span(t));
                if (w == "now" && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen && tokens[i + 2].Kind == TokenKind.RParen)
                {
                    sb.Append(expression, last, t.Start - last).Append("CURRENT_TIMESTAMP");
                    last = tokens[i + 2].End;
                    i += 2;
                    continue;
                }
                if (w == "btrim" && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen)
                {
                    sb.Append(expression, last, t.Start - last).Append("trim");
                    last = t.End;
                    continue;
                }
                if ((w is "any" or "some") && TryInList(expression, tokens, c, i, sb, ref last, out var next))
                {
                    i = next;
                    continue;
                }
                if (Unsupported.Contains(w)) return null;
                if (w is "union" or "intersect" or "except")
                {
                    // SQLite takes no parenthesized SELECT as a member of a compound query.
                    var j = i + 1;
                    if (j < tokens.Count && tokens[j].Kind == TokenKind.Word && (c.Span(tokens[j]).Equals("all", StringComparison.OrdinalIgnoreCase) || c.Span(tokens[j]).Equals("distinct", StringComparison.OrdinalIgnoreCase))) j++;
                    if (j < tokens.Count && tokens[j].Kind == TokenKind.LParen) return null;
                }
                if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.LParen && !SqliteFunctions.Contains(w) && !KeywordsBeforeParen.Contains(w)
                    && !(i > 0 && tokens[i - 1].Kind == TokenKind.Dot)) return null;
            }
            else if (t.Kind == TokenKind.Operator && UnsupportedOperators.Contains(c.TextOf(t)))
            {
                return null;
            }
            else if (t.Kind == TokenKind.DoubleColon)
            {
                // Drop the cast: SQLite converts by affinity. A regclass cast means a PostgreSQL catalog lookup.
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
                if (type.Text is "regclass" or "regproc" or "regtype" or "regconfig") return null;
                sb.Append(expression, last, t.Start - last);
                last = tokens[c.Pos - 1].End;
                i = c.Pos - 1;
                continue;
            }
            else if (t.Kind == TokenKind.String && expression[t.Start] is 'e' or 'E' or 'b' or 'B' or 'x' or 'X' or '$' or 'u' or 'U')
            {
                return null;
            }
        }
        sb.Append(expression, last, expression.Length - last);
        // A dropped cast leaves "(code)" or "(0)" where PostgreSQL wrote "(code)::text": the parentheses go with it.
        return RedundantParens().Replace(sb.ToString(), "$1$2");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[\s(,=<>])\(([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?)\)(?=[\s),=<>]|$)")]
    private static partial System.Text.RegularExpressions.Regex RedundantParens();

    /// <summary><c>= any (array['a', 'b'])</c> → <c>IN ('a', 'b')</c>; the '=' has already been copied.</summary>
    private static bool TryInList(string expression, List<Token> tokens, TokenCursor c, int i, StringBuilder sb, ref int last, out int next)
    {
        next = i;
        if (i == 0 || tokens[i - 1].Kind != TokenKind.Operator || c.TextOf(tokens[i - 1]) != "=") return false;
        if (i + 3 >= tokens.Count || tokens[i + 1].Kind != TokenKind.LParen || tokens[i + 2].Kind != TokenKind.Word
            || !c.Span(tokens[i + 2]).Equals("array", StringComparison.OrdinalIgnoreCase) || tokens[i + 3].Kind != TokenKind.LBracket) return false;
        var close = SqlNormalizer.MatchingParen(tokens, i + 3, tokens.Count);
        var outer = SqlNormalizer.MatchingParen(tokens, i + 1, tokens.Count);
        if (close < 0 || outer != close + 1) return false;
        var inner = Translate(expression[tokens[i + 4].Start..tokens[close - 1].End], null);
        if (inner == null) return false;
        sb.Append(expression, last, tokens[i - 1].Start - last).Append("IN (").Append(inner).Append(')');
        last = tokens[outer].End;
        next = outer;
        return true;
    }

    /// <summary>A PostgreSQL default for SQLite, or null when it cannot be translated.</summary>
    public static string? TranslateDefault(string expression, IReadOnlySet<string>? schemas = null) =>
        Translate(expression, schemas) is { } translated ? DefaultText(translated) : null;

    /// <summary>A default in SQLite syntax: literals as they are, anything else in parentheses (SQLite requires them).</summary>
    public static string DefaultText(string expression)
    {
        var tokens = SqlLexer.Tokenize(expression, SqliteDialect.Quotes);
        if (tokens.Count == 1 && tokens[0].Kind is TokenKind.Number or TokenKind.String) return expression;
        if (tokens.Count == 2 && tokens[0].Kind == TokenKind.Operator && tokens[1].Kind == TokenKind.Number) return expression;
        var upper = expression.ToUpperInvariant();
        if (upper is "NULL" or "TRUE" or "FALSE" or "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME") return upper;
        return "(" + expression + ")";
    }

    /// <summary>Replaces the keyword VALUE of a domain check with a column name.</summary>
    public static string ReplaceValue(string expression, string column)
    {
        var tokens = SqlLexer.Tokenize(expression);
        var c = new TokenCursor(expression, tokens);
        var sb = new StringBuilder();
        var last = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && c.Span(t).Equals("value", StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(expression, last, t.Start - last).Append(SqliteQuoting.Quote(column));
                last = t.End;
            }
        }
        sb.Append(expression, last, expression.Length - last);
        return sb.ToString();
    }
}
