using System.Globalization;
using System.Text;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Writes a check or index expression the way PostgreSQL prints it back (pg_get_constraintdef, pg_get_indexdef), so the
/// offline normal form meets the inspected one without a server: every operator and test in parentheses, AND/OR chains
/// flattened, LIKE as <c>~~</c>, IN lists as <c>= ANY (ARRAY[...])</c>, BETWEEN as two comparisons, and the casts the
/// server's type resolution adds (a varchar or char column used as text is <c>(col)::text</c>, an integer compared with a
/// numeric or float column is <c>(0)::numeric</c>, a string literal takes the type it is compared with, a negative
/// number is <c>'-1'::integer</c>). Only what it is sure of: an expression with anything else (an unknown function in a
/// comparison, a literal whose value the server would reformat, a column of another type) is left exactly as written.
/// </summary>
internal static partial class PostgresServerForm
{
    private sealed class Unsure : Exception;

    private enum T { Unknown, Int2, Int4, Int8, Numeric, Float4, Float8, Text, Varchar, Bpchar, Bool, Date, TimestampTz, Timestamp, Interval, StringLiteral, Time }

    private sealed record Node(string Sql, T Type, bool IsStringLiteral = false, string? Literal = null, bool IsIntLiteral = false, string? BoolOp = null, List<string>? Operands = null);

    /// <summary>A column a reference names: its text as printed and its type; null when it names none.</summary>
    internal delegate (string Sql, DataType Type)? ColumnResolver(string? qualifier, string name, string written);

    /// <summary>The expression in the server's form, or <paramref name="expression"/> itself when unsure.</summary>
    public static string Rewrite(string expression, IReadOnlyDictionary<string, DataType> columns)
    {
        try
        {
            var tokens = SqlLexer.Tokenize(expression);
            var p = new Parser(expression, tokens, (qualifier, name, written) => qualifier == null && columns.TryGetValue(name, out var type) ? (written, type) : null);
            var node = p.Or();
            if (p.Pos != tokens.Count) return expression;
            var text = node.Sql;
            var again = SqlLexer.Tokenize(text);
            return SqlNormalizer.Normalize(text, again, 0, again.Count, stripOuterParens: true);
        }
        catch (Unsure)
        {
            return expression;
        }
    }

    /// <summary>
    /// A condition as the server prints it inside a clause's own parentheses (a trigger's WHEN): the outermost operator
    /// keeps its parentheses. <paramref name="expression"/> itself when unsure.
    /// </summary>
    public static string RewriteCondition(string expression, ColumnResolver columns)
    {
        try
        {
            var tokens = SqlLexer.Tokenize(expression);
            var p = new Parser(expression, tokens, columns);
            var node = p.Or();
            if (p.Pos != tokens.Count || node.Type is not (T.Bool or T.Unknown)) return expression;
            var again = SqlLexer.Tokenize(node.Sql);
            return SqlNormalizer.Normalize(node.Sql, again, 0, again.Count, stripOuterParens: false);
        }
        catch (Unsure)
        {
            return expression;
        }
    }

    /// <summary>
    /// A column or domain default that is not a bare literal, as the server prints it: negative numbers and typed literals
    /// as labelled constants, operators in parentheses, string literals typed by what they meet. The coercion to the column's
    /// type is implicit and printed by nobody. Left as written when unsure, and when it is a plain literal.
    /// </summary>
    public static string RewriteDefault(string expression)
    {
        try
        {
            var tokens = SqlLexer.Tokenize(expression);
            var p = new Parser(expression, tokens, (_, _, _) => null);
            var node = p.Or();
            if (p.Pos != tokens.Count || node.IsStringLiteral || node.IsIntLiteral || node.Sql == node.Literal) return expression;
            var again = SqlLexer.Tokenize(node.Sql);
            return SqlNormalizer.Normalize(node.Sql, again, 0, again.Count, stripOuterParens: true);
        }
        catch (Unsure)
        {
            return expression;
        }
    }

    /// <summary>A string literal coerced to <paramref name="type"/> as the server prints the constant, or null when that is not certain.</summary>
    public static string? Constant(string type, string literal)
    {
        try
        {
            return TypeOf(type) is var t and not (T.Unknown or T.Varchar or T.Bpchar or T.Text) ? TypedConstant(t, literal).Sql : null;
        }
        catch (Unsure)
        {
            return null;
        }
    }

    private static T TypeOf(DataType type) => type.ArrayDimensions > 0 ? T.Unknown : TypeOf(type.Text);

    private static T TypeOf(string t)
    {
        return t switch
        {
            "smallint" => T.Int2,
            "integer" => T.Int4,
            "bigint" => T.Int8,
            "real" => T.Float4,
            "double precision" => T.Float8,
            "text" => T.Text,
            "boolean" => T.Bool,
            "date" => T.Date,
            "timestamp with time zone" => T.TimestampTz,
            "timestamp without time zone" => T.Timestamp,
            "interval" => T.Interval,
            "time without time zone" => T.Time,
            _ when t == "numeric" || t.StartsWith("numeric(", StringComparison.Ordinal) => T.Numeric,
            _ when t == "character varying" || t.StartsWith("character varying(", StringComparison.Ordinal) => T.Varchar,
            _ when t == "character" || t.StartsWith("character(", StringComparison.Ordinal) => T.Bpchar,
            _ => T.Unknown,
        };
    }

    private static string TypeName(T t) => t switch
    {
        T.Int2 => "smallint",
        T.Int4 => "integer",
        T.Int8 => "bigint",
        T.Numeric => "numeric",
        T.Float4 => "real",
        T.Float8 => "double precision",
        T.Text => "text",
        T.Bpchar => "bpchar",
        T.Date => "date",
        T.Interval => "interval",
        T.Timestamp => "timestamp without time zone",
        T.TimestampTz => "timestamp with time zone",
        T.Time => "time without time zone",
        T.Bool => "boolean",
        T.Varchar => "character varying",
        _ => throw new Unsure(),
    };

    private static bool IsInt(T t) => t is T.Int2 or T.Int4 or T.Int8;

    /// <summary>
    /// A string literal as a constant of type <paramref name="t"/>, printed as the server prints that constant: its
    /// value in the type's output form and the cast that labels it (an integer and a numeric with a point print bare).
    /// Only for values whose output form is certain offline.
    /// </summary>
    private static Node TypedConstant(T t, string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'' || literal.Contains('\\', StringComparison.Ordinal)) throw new Unsure();
        var value = literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
        var inv = CultureInfo.InvariantCulture;
        switch (t)
        {
            case T.Text:
                return new Node(literal + "::text", T.Text);
            case T.Varchar:
                return new Node(literal + "::character varying", T.Varchar);
            case T.Bpchar:
                return new Node(literal + "::bpchar", T.Bpchar);
            case T.Bool when value.Trim().ToLowerInvariant() is "true" or "t" or "yes" or "y" or "on" or "1":
                return new Node("true", T.Bool);
            case T.Bool when value.Trim().ToLowerInvariant() is "false" or "f" or "no" or "n" or "off" or "0":
                return new Node("false", T.Bool);
            case T.Int4 when int.TryParse(value, NumberStyles.AllowLeadingSign, inv, out var i4):
                return i4 < 0 ? new Node($"'{i4.ToString(inv)}'::integer", T.Int4) : new Node(i4.ToString(inv), T.Int4);
            case T.Int2 when short.TryParse(value, NumberStyles.AllowLeadingSign, inv, out var i2):
                return new Node($"'{i2.ToString(inv)}'::smallint", T.Int2);
            case T.Int8 when long.TryParse(value, NumberStyles.AllowLeadingSign, inv, out var i8):
                return new Node($"'{i8.ToString(inv)}'::bigint", T.Int8);
            case T.Numeric when System.Text.RegularExpressions.Regex.IsMatch(value, "^-?[0-9]+(\\.[0-9]+)?$"):
            {
                var negative = value.StartsWith('-');
                var digits = negative ? value[1..] : value;
                var parts = digits.Split('.');
                var whole = parts[0].TrimStart('0') is { Length: > 0 } w ? w : "0";
                var number = (negative ? "-" : string.Empty) + whole + (parts.Length > 1 ? "." + parts[1] : string.Empty);
                // A numeric constant with a point reads back as numeric and prints bare; a whole or negative one is labelled.
                return !negative && parts.Length > 1 ? new Node(number, T.Numeric) : new Node($"'{number}'::numeric", T.Numeric);
            }
            case T.Float4 or T.Float8 when double.TryParse(value, NumberStyles.Float, inv, out var f) && double.IsFinite(f):
            {
                var shortest = t == T.Float4 ? ((float)f).ToString("R", inv) : f.ToString("R", inv);
                if (shortest.Contains('E', StringComparison.Ordinal)) throw new Unsure();
                return new Node($"'{shortest}'::{TypeName(t)}", t);
            }
            case T.Date when DateTime.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d):
                return new Node($"'{d.ToString("yyyy-MM-dd", inv)}'::date", T.Date);
            case T.Time when DateTime.TryParseExact(value, ["H:mm", "H:mm:ss"], inv, DateTimeStyles.None, out var tm):
                return new Node($"'{tm.ToString("HH:mm:ss", inv)}'::time without time zone", T.Time);
            case T.Timestamp when DateTime.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd'T'H:mm:ss"], inv, DateTimeStyles.None, out var ts):
                return new Node($"'{ts.ToString("yyyy-MM-dd HH:mm:ss", inv)}'::timestamp without time zone", T.Timestamp);
            case T.Interval when IntervalText(value) is { } interval:
                return new Node($"'{interval}'::interval", T.Interval);
            default:
                throw new Unsure();
        }
    }

    /// <summary>
    /// An interval written as whole quantities of units ('1 day', '2 HOURS 30 minutes', '1 year 2 months') in the
    /// server's output form ('1 day', '02:30:00', '1 year 2 mons'); null for anything else (signs, fractions, ago, ISO 8601).
    /// </summary>
    internal static string? IntervalText(string value)
    {
        var words = value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        long months = 0, days = 0, seconds = 0;
        for (var i = 0; i < words.Length; i += 2)
        {
            if (System.Text.RegularExpressions.Regex.Match(words[i], "^([0-9]{1,6}):([0-5][0-9])(?::([0-5][0-9]))?$") is { Success: true } clock)
            {
                seconds += 3600 * long.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) + 60 * long.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture)
                    + (clock.Groups[3].Success ? long.Parse(clock.Groups[3].Value, CultureInfo.InvariantCulture) : 0);
                i--;
                continue;
            }
            if (i + 1 >= words.Length) return null;
            if (words[i].Length > 9 || !words[i].All(char.IsAsciiDigit)) return null;
            var n = long.Parse(words[i], CultureInfo.InvariantCulture);
            switch (words[i + 1])
            {
                case "year" or "years" or "yr" or "yrs": months += 12 * n; break;
                case "month" or "months" or "mon" or "mons": months += n; break;
                case "week" or "weeks": days += 7 * n; break;
                case "day" or "days": days += n; break;
                case "hour" or "hours" or "hr" or "hrs": seconds += 3600 * n; break;
                case "minute" or "minutes" or "min" or "mins": seconds += 60 * n; break;
                case "second" or "seconds" or "sec" or "secs": seconds += n; break;
                default: return null;
            }
        }
        static string Unit(long n, string one) => n.ToString(CultureInfo.InvariantCulture) + " " + one + (n == 1 ? string.Empty : "s");
        var parts = new List<string>();
        if (months / 12 > 0) parts.Add(Unit(months / 12, "year"));
        if (months % 12 > 0) parts.Add(Unit(months % 12, "mon"));
        if (days > 0) parts.Add(Unit(days, "day"));
        if (seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}"));
        }
        return string.Join(" ", parts);
    }

    private sealed class Parser(string text, List<Token> tokens, ColumnResolver columns)
    {
        public int Pos;

        /// <summary>Where the expression's tokens end (a subquery's closing parenthesis), or -1 for all of them.</summary>
        public int End { get; init; } = -1;

        private int Limit => End < 0 ? tokens.Count : End;

        /// <summary>Reads a subquery between two token positions (a view's query supplies it), or null where none may appear.</summary>
        public Func<int, int, (string Sql, IReadOnlyList<(string Name, DataType Type)> Columns)>? Subquery { get; init; }

        private (string Sql, T Type) SubqueryAt()
        {
            if (Subquery == null) throw new Unsure();
            var close = SqlNormalizer.MatchingParen(tokens, Pos, Limit);
            if (close < 0) throw new Unsure();
            var (sql, columns) = Subquery(Pos + 1, close);
            Pos = close + 1;
            return ("(" + sql + ")", columns.Count == 1 ? TypeOf(columns[0].Type) : T.Unknown);
        }

        // Recursive descent: deeper than this and the expression is left as written (the reader itself takes any depth).
        private const int MaxDepth = 64;
        private int _depth;

        private void Enter()
        {
            if (++_depth > MaxDepth) throw new Unsure();
        }

        private Token? Peek => Pos < Limit ? tokens[Pos] : null;

        private string Word(Token t) => t.Kind == TokenKind.Word ? text.Substring(t.Start, t.Length).ToLowerInvariant() : string.Empty;

        /// <summary>A name token's value: a word folded to lower case, a quoted name as written inside its quotes.</summary>
        public string Key(Token t) => t.Kind == TokenKind.Word ? text.Substring(t.Start, t.Length).ToLowerInvariant() : text.Substring(t.Start + 1, t.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal);

        public bool AtWord(string w) => IsWord(w);

        public Token? Current => Peek;

        private bool IsWord(string w, int ahead = 0) => Pos + ahead < Limit && Word(tokens[Pos + ahead]) == w;

        private bool IsOp(string op) => Peek is { Kind: TokenKind.Operator } t && text.AsSpan(t.Start, t.Length).SequenceEqual(op);

        public Node Or()
        {
            var items = new List<Node> { And() };
            while (IsWord("or"))
            {
                Pos++;
                items.Add(And());
            }
            return items.Count == 1 ? items[0] : Bool(items, "or");
        }

        private Node And()
        {
            var items = new List<Node> { Not() };
            while (IsWord("and"))
            {
                Pos++;
                items.Add(Not());
            }
            return items.Count == 1 ? items[0] : Bool(items, "and");
        }

        private static Node Bool(List<Node> items, string op)
        {
            if (items.Any(i => i.Type is not (T.Bool or T.Unknown))) throw new Unsure();
            // The server's parser flattens a chain of one operator, parenthesized or not: (a AND b) AND c is one AND.
            var operands = items.SelectMany(i => i.BoolOp == op ? i.Operands! : [i.Sql]).ToList();
            return new Node("(" + string.Join($" {op} ", operands) + ")", T.Bool, BoolOp: op, Operands: operands);
        }

        private Node Not()
        {
            if (!IsWord("not")) return Is();
            Pos++;
            Enter();
            var inner = Not();
            _depth--;
            return new Node("(not " + inner.Sql + ")", T.Bool);
        }

        private Node Is()
        {
            var left = Comparison();
            if (IsWord("is"))
            {
                Pos++;
                var not = IsWord("not");
                if (not) Pos++;
                if (IsWord("null") || IsWord("true") || IsWord("false") || IsWord("unknown"))
                {
                    var what = Word(tokens[Pos++]);
                    if (what != "null" && left.Type is not (T.Bool or T.Unknown)) throw new Unsure();
                    return new Node($"({left.Sql} is {(not ? "not " : string.Empty)}{what})", T.Bool);
                }
                if (!IsWord("distinct") || !IsWord("from", 1)) throw new Unsure();
                Pos += 2;
                // IS NOT DISTINCT FROM is printed as the negation of IS DISTINCT FROM.
                var distinct = Compare(left, "is distinct from", Comparison());
                return not ? new Node($"(not {distinct.Sql})", T.Bool) : distinct;
            }
            return left;
        }

        private Node Comparison()
        {
            var left = Concat();
            if (IsWord("not") && (IsWord("in", 1) || IsWord("between", 1) || IsWord("like", 1) || IsWord("ilike", 1)))
            {
                Pos++;
                return Special(left, negated: true);
            }
            if (IsWord("in") || IsWord("between") || IsWord("like") || IsWord("ilike")) return Special(left, negated: false);
            foreach (var op in new[] { "<=", ">=", "<>", "!=", "=", "<", ">", "~", "~*", "!~", "!~*" })
            {
                if (!IsOp(op)) continue;
                Pos++;
                if ((IsWord("any") || IsWord("some") || IsWord("all")) && Pos + 1 < Limit && tokens[Pos + 1].Kind == TokenKind.LParen) return Quantified(left, op == "!=" ? "<>" : op);
                var right = Concat();
                return Compare(left, op == "!=" ? "<>" : op, right);
            }
            return left;
        }

        private Node Special(Node left, bool negated)
        {
            if (IsWord("like") || IsWord("ilike"))
            {
                var op = (negated ? "!" : string.Empty) + (IsWord("like") ? "~~" : "~~*");
                Pos++;
                return Compare(left, op, Additive());
            }
            if (IsWord("between"))
            {
                Pos++;
                var lo = Additive();
                if (!IsWord("and")) throw new Unsure();
                Pos++;
                var hi = Additive();
                if (negated) throw new Unsure();
                return new Node($"({Compare(left, ">=", lo).Sql} and {Compare(left, "<=", hi).Sql})", T.Bool);
            }
            Pos++;
            if (Peek?.Kind != TokenKind.LParen) throw new Unsure();
            if (IsWord("select", 1))
            {
                // x IN (SELECT ...): the subquery's column must be of x's type, or the server casts one of them.
                var (sub, type) = SubqueryAt();
                if (type == T.Unknown || type != left.Type || left.Literal != null || left.IsStringLiteral) throw new Unsure();
                return new Node(negated ? $"(not ({left.Sql} in {sub}))" : $"({left.Sql} in {sub})", T.Bool);
            }
            Pos++;
            var items = new List<Node> { Additive() };
            while (Peek?.Kind == TokenKind.Comma)
            {
                Pos++;
                items.Add(Additive());
            }
            if (Peek?.Kind != TokenKind.RParen) throw new Unsure();
            Pos++;
            if (items.Count == 1) return Compare(left, negated ? "<>" : "=", items[0]);
            var quantifier = negated ? "<> all" : "= any";
            if (left.Type == T.Int4 && items.All(i => i.IsIntLiteral && IntType(i.Literal!) == T.Int4))
            {
                return new Node($"({left.Sql} {quantifier} (array[{string.Join(", ", items.Select(i => i.Sql))}]))", T.Bool);
            }
            if (!items.All(i => i.IsStringLiteral)) throw new Unsure();
            return left.Type switch
            {
                T.Text => new Node($"({left.Sql} {quantifier} (array[{string.Join(", ", items.Select(i => i.Literal + "::text"))}]))", T.Bool),
                // A varchar column's list is printed as ((ARRAY['a'::character varying])::text[]), which the server reads
                // back as another form (ARRAY[('a'::character varying)::text]): not a fixed point, so left as written.
                _ => throw new Unsure(),
            };
        }

        /// <summary>
        /// <c>op ANY|SOME|ALL (ARRAY[...])</c>: SOME is printed as ANY, and the elements take the type of the left side the
        /// way an IN list's do.
        /// </summary>
        private Node Quantified(Node left, string op)
        {
            var quantifier = IsWord("all") ? "all" : "any";
            Pos += 2;
            if (!IsWord("array") || Pos + 1 >= Limit || tokens[Pos + 1].Kind != TokenKind.LBracket) throw new Unsure();
            Pos += 2;
            var items = new List<Node>();
            while (Peek?.Kind != TokenKind.RBracket)
            {
                if (items.Count > 0)
                {
                    if (Peek?.Kind != TokenKind.Comma) throw new Unsure();
                    Pos++;
                }
                items.Add(Concat());
            }
            Pos++;
            if (Peek?.Kind != TokenKind.RParen || items.Count == 0 || op.Contains('~', StringComparison.Ordinal)) throw new Unsure();
            Pos++;
            string elements;
            if (left.Type == T.Int4 && items.All(i => i.IsIntLiteral && IntType(i.Literal!) == T.Int4)) elements = string.Join(", ", items.Select(i => i.Sql));
            else if (left.Type == T.Text && items.All(i => i.IsStringLiteral)) elements = string.Join(", ", items.Select(i => i.Literal + "::text"));
            else if (left.Type is not (T.Unknown or T.Varchar or T.Bpchar) && left.Literal == null && items.All(i => i.Type == left.Type && i.Literal == null && !i.IsStringLiteral)) elements = string.Join(", ", items.Select(i => i.Sql));
            else throw new Unsure();
            return new Node($"({left.Sql} {op} {quantifier} (array[{elements}]))", T.Bool);
        }

        /// <summary>The string concatenation operator, between comparisons and arithmetic: text on both sides.</summary>
        private Node Concat()
        {
            var left = Additive();
            while (IsOp("||"))
            {
                Pos++;
                var right = Additive();
                left = new Node($"({AsText(left)} || {AsText(right)})", T.Text);
            }
            return left;
        }

        private static string AsText(Node n) => n.IsStringLiteral ? n.Literal + "::text" : n.Type is T.Text or T.Varchar ? Relabel(n) : throw new Unsure();

        private static string Relabel(Node n) => n.Type is T.Varchar or T.Bpchar ? $"({n.Sql})::text" : n.Sql;

        /// <summary>A comparison or match, with the casts the server's operator resolution adds.</summary>
        private static Node Compare(Node a, string op, Node b)
        {
            var matching = op.Contains('~', StringComparison.Ordinal);
            // A literal written first: the casts are the same, but the operands stay in place; not worth the risk.
            if (a.IsStringLiteral || a.Literal != null) throw new Unsure();
            string l, r;
            if (b.IsStringLiteral)
            {
                (l, r) = a.Type switch
                {
                    T.Text => (a.Sql, b.Literal + "::text"),
                    T.Varchar => ($"({a.Sql})::text", b.Literal + "::text"),
                    T.Bpchar when !matching => (a.Sql, b.Literal + "::bpchar"),
                    T.Date or T.Time or T.Timestamp or T.Interval or T.Int2 or T.Int4 or T.Int8 or T.Numeric or T.Float4 or T.Float8 or T.Bool when !matching => (a.Sql, TypedConstant(a.Type, b.Literal!).Sql),
                    _ => throw new Unsure(),
                };
                return new Node($"({l} {op} {r})", T.Bool);
            }
            if (matching) throw new Unsure();
            var (ta, tb) = (a.Type, b.Type);
            if (ta == tb && ta is not (T.Unknown or T.Varchar)) return new Node($"({a.Sql} {op} {b.Sql})", T.Bool);
            if (IsInt(ta) && IsInt(tb)) return new Node($"({a.Sql} {op} {b.Sql})", T.Bool);
            if (ta is T.Text or T.Varchar or T.Bpchar && tb is T.Text or T.Varchar or T.Bpchar) return new Node($"({Relabel(a)} {op} {Relabel(b)})", T.Bool);
            if (IsInt(ta) && b.IsIntLiteral) return new Node($"({a.Sql} {op} {b.Sql})", T.Bool);
            if (ta is T.Numeric && (b.IsIntLiteral || IsInt(tb))) return new Node($"({a.Sql} {op} ({b.Sql})::numeric)", T.Bool);
            if (ta is T.Float8 or T.Float4 && (b.IsIntLiteral || tb is T.Numeric && b.Literal != null)) return new Node($"({a.Sql} {op} ({b.Sql})::double precision)", T.Bool);
            throw new Unsure();
        }


        private Node Additive()
        {
            var left = Multiplicative();
            while (IsOp("+") || IsOp("-"))
            {
                var op = text.Substring(Peek!.Value.Start, Peek!.Value.Length);
                Pos++;
                var right = Multiplicative();
                left = Arithmetic(left, op, right);
            }
            return left;
        }

        private Node Multiplicative()
        {
            var left = AtTimeZone();
            while (IsOp("*") || IsOp("/") || IsOp("%"))
            {
                var op = text.Substring(Peek!.Value.Start, Peek!.Value.Length);
                Pos++;
                var right = AtTimeZone();
                left = Arithmetic(left, op, right);
            }
            return left;
        }

        /// <summary>x AT TIME ZONE zone: a timestamp with time zone becomes one without, and the other way round.</summary>
        private Node AtTimeZone()
        {
            var left = Unary();
            while (IsWord("at") && IsWord("time", 1) && IsWord("zone", 2))
            {
                Pos += 3;
                var zone = Unary();
                var type = left.Type switch { T.TimestampTz => T.Timestamp, T.Timestamp => T.TimestampTz, _ => throw new Unsure() };
                left = new Node($"({left.Sql} at time zone {Zone(zone)})", type);
            }
            return left;
        }

        private static string Zone(Node zone) => zone.IsStringLiteral ? zone.Literal + "::text" : zone.Type == T.Text ? zone.Sql : throw new Unsure();

        private static Node Arithmetic(Node a, string op, Node b)
        {
            if (a.IsStringLiteral || b.IsStringLiteral) throw new Unsure();
            var (ta, tb) = (a.Type, b.Type);
            if (IsInt(ta) && IsInt(tb)) return new Node($"({a.Sql} {op} {b.Sql})", (T)Math.Max((int)ta, (int)tb));
            if (ta == T.Numeric && tb == T.Numeric) return new Node($"({a.Sql} {op} {b.Sql})", T.Numeric);
            // An integer meeting a numeric or a float is cast to it, a literal too: (1)::numeric.
            if (IsInt(ta) && tb is T.Numeric or T.Float8) return new Node($"(({a.Sql})::{TypeName(tb)} {op} {b.Sql})", tb);
            if (ta is T.Numeric or T.Float8 && IsInt(tb)) return new Node($"({a.Sql} {op} ({b.Sql})::{TypeName(ta)})", ta);
            if (ta == T.Float8 && tb == T.Float8) return new Node($"({a.Sql} {op} {b.Sql})", T.Float8);
            // Dates and times with intervals and days.
            T? result = (ta, op, tb) switch
            {
                (T.TimestampTz or T.Timestamp, "+" or "-", T.Interval) => ta,
                (T.Interval, "+", T.TimestampTz or T.Timestamp) => tb,
                (T.Date, "+" or "-", T.Interval) => T.Timestamp,
                (T.Date, "+" or "-", T.Int4) => T.Date,
                (T.Date, "-", T.Date) => T.Int4,
                (T.TimestampTz, "-", T.TimestampTz) or (T.Timestamp, "-", T.Timestamp) => T.Interval,
                (T.Interval, "+" or "-", T.Interval) => T.Interval,
                _ => null,
            };
            return result is { } r ? new Node($"({a.Sql} {op} {b.Sql})", r) : throw new Unsure();
        }

        private Node Unary()
        {
            if (IsOp("-") && Pos + 1 < Limit && tokens[Pos + 1].Kind == TokenKind.Number)
            {
                Pos++;
                var n = text.Substring(tokens[Pos].Start, tokens[Pos].Length);
                Pos++;
                var type = IntType(n);
                return new Node($"'-{n}'::{TypeName(type)}", type, Literal: "'-" + n + "'");
            }
            return Primary();
        }

        private static T IntType(string n)
        {
            if (n.Contains('.', StringComparison.Ordinal) || n.Contains('e', StringComparison.OrdinalIgnoreCase)) return T.Numeric;
            return long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v <= int.MaxValue ? T.Int4 : T.Int8 : T.Numeric;
        }

        private Node Primary()
        {
            var t = Peek ?? throw new Unsure();
            Node node;
            switch (t.Kind)
            {
                case TokenKind.Number:
                {
                    Pos++;
                    var n = text.Substring(t.Start, t.Length);
                    var type = IntType(n);
                    node = new Node(n, type, Literal: n, IsIntLiteral: type is T.Int4 or T.Int8);
                    break;
                }
                case TokenKind.String when text[t.Start] == '\'':
                    Pos++;
                    node = new Node(text.Substring(t.Start, t.Length), T.StringLiteral, IsStringLiteral: true, Literal: text.Substring(t.Start, t.Length));
                    break;
                case TokenKind.LParen when IsWord("select", 1):
                {
                    var (sub, type) = SubqueryAt();
                    node = new Node(sub, type);
                    break;
                }
                case TokenKind.LParen:
                {
                    Pos++;
                    Enter();
                    var inner = Or();
                    _depth--;
                    if (Peek?.Kind != TokenKind.RParen) throw new Unsure();
                    Pos++;
                    node = inner;
                    break;
                }
                case TokenKind.Word or TokenKind.QuotedIdentifier:
                {
                    var word = t.Kind == TokenKind.Word ? Word(t) : null;
                    if (word is "true" or "false")
                    {
                        Pos++;
                        node = new Node(word, T.Bool);
                        break;
                    }
                    if (word is "current_date" or "current_timestamp" or "localtimestamp")
                    {
                        Pos++;
                        node = new Node(word, word == "current_date" ? T.Date : word == "current_timestamp" ? T.TimestampTz : T.Timestamp);
                        break;
                    }
                    if (word == "exists" && Pos + 2 < Limit && tokens[Pos + 1].Kind == TokenKind.LParen && Word(tokens[Pos + 2]) == "select")
                    {
                        Pos++;
                        node = new Node($"(exists {SubqueryAt().Sql})", T.Bool);
                        break;
                    }
                    if (word == "case")
                    {
                        node = Case();
                        break;
                    }
                    if (word != null && TypeWords.Contains(word) && TypedLiteralAhead() is { } typed)
                    {
                        node = typed;
                        break;
                    }
                    if (word == "null" && Pos + 1 < Limit && tokens[Pos + 1].Kind == TokenKind.DoubleColon)
                    {
                        Pos += 2;
                        var nullType = TypeAt() ?? throw new Unsure();
                        node = new Node("null::" + nullType.Text, TypeOf(nullType));
                        break;
                    }
                    if (word is "and" or "or" or "not" or "is" or "in" or "null" or "array" or "select" or "exists" or "interval" or "timestamp" or "time" or "current_time" or "localtime") throw new Unsure();
                    // date is a type and a function; as a column name it is left to the server.
                    if (word == "date" && !(Pos + 1 < Limit && tokens[Pos + 1].Kind == TokenKind.LParen)) throw new Unsure();
                    Pos++;
                    var name = text.Substring(t.Start, t.Length);
                    if (word == "extract" && Peek?.Kind == TokenKind.LParen)
                    {
                        node = Extract();
                        break;
                    }
                    if (Peek?.Kind == TokenKind.LParen)
                    {
                        // A call, which a cast may follow: current_setting('x')::text.
                        node = Call(name.ToLowerInvariant());
                        break;
                    }
                    var key = Key(t);
                    string? qualifier = null;
                    if (Peek?.Kind == TokenKind.Dot)
                    {
                        // table.column (a view's query); table.* and schema.table.column are left as written.
                        Pos++;
                        if (Peek is not { Kind: TokenKind.Word or TokenKind.QuotedIdentifier } column) throw new Unsure();
                        Pos++;
                        if (Peek?.Kind is TokenKind.Dot or TokenKind.LParen) throw new Unsure();
                        qualifier = key;
                        key = Key(column);
                        name = text.Substring(column.Start, column.Length);
                    }
                    if (columns(qualifier, key, name) is not { } resolved) throw new Unsure();
                    node = new Node(resolved.Sql, TypeOf(resolved.Type));
                    break;
                }
                default:
                    throw new Unsure();
            }
            while (Peek?.Kind == TokenKind.DoubleColon) node = Cast(node);
            return node;
        }

        /// <summary>The type a cast or typed literal names here, read as the column reader reads types; null when it is not a built-in one.</summary>
        private DataType? TypeAt()
        {
            var cursor = new TokenCursor(text, tokens, Pos);
            try
            {
                var type = PostgresTypeMapper.Parse(cursor, _ => null, out var serial);
                if (serial || type.Kind is TypeKind.User or TypeKind.Unknown or TypeKind.Enum or TypeKind.Domain or TypeKind.Composite || type.UserType != null) return null;
                Pos = cursor.Pos;
                return type;
            }
            catch (Exception e) when (e is not Unsure)
            {
                return null;
            }
        }

        /// <summary><c>x::type</c>: a literal becomes a constant of the type, a cast to the type the value has is dropped, anything else is printed <c>(x)::type</c>.</summary>
        private Node Cast(Node node)
        {
            Pos++;
            var type = TypeAt() ?? throw new Unsure();
            if (Peek?.Kind == TokenKind.LBracket) throw new Unsure();
            var t = TypeOf(type);
            if (node.IsStringLiteral) return type.Text.Contains('(', StringComparison.Ordinal) ? throw new Unsure() : TypedConstant(t, node.Literal!);
            // A number cast to numeric with a modifier is folded into one constant: 1.50::numeric(10,1).
            if (t == T.Numeric && node.Literal != null && node.Sql == node.Literal && type.Text.Contains('(', StringComparison.Ordinal)) return new Node($"{node.Sql}::{type.Text}", T.Numeric);
            if (t != T.Unknown && t == node.Type && !type.Text.Contains('(', StringComparison.Ordinal)) return node;
            return new Node($"({node.Sql})::{type.Text}", t);
        }

        /// <summary><c>type 'literal'</c> (date '2024-01-01', interval '1 day'): the constant the server makes of it, or null when no typed literal starts here.</summary>
        private Node? TypedLiteralAhead()
        {
            var start = Pos;
            var type = TypeAt();
            if (type != null && Peek is { Kind: TokenKind.String } s && text[s.Start] == '\'' && !type.Text.Contains('(', StringComparison.Ordinal))
            {
                Pos++;
                // interval '1' day: a field after the literal changes its meaning.
                if (Peek is { Kind: TokenKind.Word } && (IsWord("year") || IsWord("month") || IsWord("day") || IsWord("hour") || IsWord("minute") || IsWord("second"))) throw new Unsure();
                return TypedConstant(TypeOf(type), text.Substring(s.Start, s.Length));
            }
            Pos = start;
            return null;
        }

        /// <summary>
        /// CASE WHEN ... THEN ... [ELSE ...] END with results of one type: string literals resolve to text, and a missing ELSE
        /// is printed ELSE NULL of that type.
        /// </summary>
        private Node Case()
        {
            Pos++;
            Enter();
            if (!IsWord("when")) throw new Unsure();
            var whens = new List<(Node Condition, Node Result)>();
            while (IsWord("when"))
            {
                Pos++;
                var condition = Or();
                if (condition.Type is not (T.Bool or T.Unknown) || !IsWord("then")) throw new Unsure();
                Pos++;
                whens.Add((condition, Or()));
            }
            Node? otherwise = null;
            if (IsWord("else"))
            {
                Pos++;
                otherwise = Or();
            }
            if (!IsWord("end")) throw new Unsure();
            Pos++;
            _depth--;
            var results = whens.Select(w => w.Result).Append(otherwise).OfType<Node>().ToList();
            var type = results.All(r => r.IsStringLiteral || r.Type == T.Text) ? T.Text
                : results.All(r => r.Type == T.Bool) ? T.Bool
                : results.All(r => r.Type == T.Int4) ? T.Int4
                : throw new Unsure();
            string Result(Node r) => r.IsStringLiteral ? r.Literal + "::text" : r.Sql;
            var sb = new StringBuilder("case");
            foreach (var (condition, result) in whens) sb.Append(" when ").Append(condition.Sql).Append(" then ").Append(Result(result));
            sb.Append(" else ").Append(otherwise != null ? Result(otherwise) : "null::" + TypeName(type)).Append(" end");
            return new Node(sb.ToString(), type);
        }

        private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal)
        {
            "date", "time", "timestamp", "interval", "bigint", "smallint", "integer", "int", "int2", "int4", "int8", "real", "float4", "float8", "double", "numeric", "decimal", "text", "boolean", "bool", "varchar", "character", "char", "bpchar",
        };

        private static readonly HashSet<string> ExtractFields = new(StringComparer.Ordinal)
        {
            "year", "month", "day", "hour", "minute", "second", "dow", "doy", "isodow", "isoyear", "week", "quarter", "epoch", "decade", "century", "millennium", "milliseconds", "microseconds",
        };

        /// <summary>EXTRACT(field FROM a date or time): numeric since PostgreSQL 14, printed with the field in lower case.</summary>
        private Node Extract()
        {
            Pos++;
            Enter();
            if (Peek is not { Kind: TokenKind.Word } f || !ExtractFields.Contains(Word(f))) throw new Unsure();
            var field = Word(f);
            Pos++;
            if (!IsWord("from")) throw new Unsure();
            Pos++;
            var source = Or();
            if (Peek?.Kind != TokenKind.RParen || source.Type is not (T.Date or T.Timestamp or T.TimestampTz or T.Interval) || source.Literal != null) throw new Unsure();
            Pos++;
            _depth--;
            return new Node($"extract({field} from {source.Sql})", T.Numeric);
        }

        /// <summary>
        /// The common date and text functions, with the casts the server adds to their arguments: a string literal where a
        /// text parameter is ('year'::text), a date where a timestamp is ((d)::timestamp with time zone).
        /// </summary>
        private static Node? Signature(string name, List<Node> args)
        {
            static string Text(Node n) => n.IsStringLiteral ? n.Literal + "::text" : n.Type is T.Text ? n.Sql : n.Type is T.Varchar ? Relabel(n) : throw new Unsure();
            static bool Time(Node n) => n.Literal == null && !n.IsStringLiteral && n.Type is T.Timestamp or T.TimestampTz;
            static string Stamp(Node n) => Time(n) ? n.Sql : n.Type == T.Date && n.Literal == null ? $"({n.Sql})::timestamp with time zone" : throw new Unsure();
            switch (name)
            {
                case "date_part" when args.Count == 2 && (Time(args[1]) || args[1].Type == T.Interval && args[1].Literal == null):
                    return new Node($"date_part({Text(args[0])}, {args[1].Sql})", T.Float8);
                case "date_trunc" when args.Count == 2 && (Time(args[1]) || args[1].Type == T.Date && args[1].Literal == null):
                    return new Node($"date_trunc({Text(args[0])}, {Stamp(args[1])})", args[1].Type == T.Timestamp ? T.Timestamp : T.TimestampTz);
                case "to_char" when args.Count == 2 && args[1].IsStringLiteral && (Time(args[0]) || args[0].Type == T.Date && args[0].Literal == null):
                    return new Node($"to_char({Stamp(args[0])}, {Text(args[1])})", T.Text);
                case "to_timestamp" when args.Count == 2:
                    return new Node($"to_timestamp({Text(args[0])}, {Text(args[1])})", T.TimestampTz);
                case "concat" when args.Count > 0 && args.All(a => a.IsStringLiteral || a.Type != T.Unknown):
                    return new Node($"concat({string.Join(", ", args.Select(a => a.Sql))})", T.Text);
                case "format" when args.Count > 0 && args[0].IsStringLiteral && args.Skip(1).All(a => !a.IsStringLiteral && a.Literal == null && a.Type != T.Unknown):
                    return new Node($"format({string.Join(", ", args.Select((a, i) => i == 0 ? Text(a) : a.Sql))})", T.Text);
                case "date" when args.Count == 1 && Time(args[0]):
                    return new Node($"date({args[0].Sql})", T.Date);
                case "age" when args.Count == 1 && Time(args[0]):
                    return new Node($"age({args[0].Sql})", T.Interval);
                default:
                    return null;
            }
        }

        private static readonly HashSet<string> TextFunctions = new(StringComparer.Ordinal) { "lower", "upper", "btrim", "ltrim", "rtrim", "initcap", "md5" };

        /// <summary>A function call, with OVER (PARTITION BY ... ORDER BY ...) when it is a window function.</summary>
        private Node Call(string name)
        {
            var node = CallBody(name);
            if (IsWord("filter") || IsWord("within")) throw new Unsure();
            if (!IsWord("over")) return node.Sql.EndsWith("()", StringComparison.Ordinal) && name is "row_number" or "rank" or "dense_rank" ? throw new Unsure() : node;
            Pos++;
            if (Peek?.Kind != TokenKind.LParen) throw new Unsure();
            Pos++;
            var parts = new List<string>();
            if (IsWord("partition") && IsWord("by", 1))
            {
                Pos += 2;
                parts.Add("partition by " + string.Join(", ", SortItems(ordered: false)));
            }
            if (IsWord("order") && IsWord("by", 1))
            {
                Pos += 2;
                parts.Add("order by " + string.Join(", ", SortItems(ordered: true)));
            }
            if (Peek?.Kind != TokenKind.RParen) throw new Unsure();
            Pos++;
            return new Node($"{node.Sql} over ({string.Join(" ", parts)})", node.Type);
        }

        /// <summary>PARTITION BY or ORDER BY items: a column as it is, anything else in parentheses, as the server prints sort keys.</summary>
        private List<string> SortItems(bool ordered)
        {
            var items = new List<string>();
            while (true)
            {
                var start = Pos;
                var item = Or();
                var length = Pos - start;
                var isColumn = (length == 1 && tokens[start].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
                    || (length == 3 && tokens[start + 1].Kind == TokenKind.Dot);
                if (item.Literal != null || item.IsStringLiteral) throw new Unsure();
                var text = isColumn ? item.Sql : "(" + item.Sql + ")";
                if (ordered && IsWord("desc"))
                {
                    Pos++;
                    text += " desc";
                }
                else if (ordered && IsWord("asc")) Pos++;
                if (IsWord("nulls")) throw new Unsure();
                items.Add(text);
                if (Peek?.Kind != TokenKind.Comma) return items;
                Pos++;
            }
        }

        private Node CallBody(string name)
        {
            Pos++;
            Enter();
            if (name == "count" && IsOp("*") && Pos + 1 < Limit && tokens[Pos + 1].Kind == TokenKind.RParen)
            {
                Pos += 2;
                _depth--;
                return new Node("count(*)", T.Int8);
            }
            var args = new List<Node>();
            if (Peek?.Kind != TokenKind.RParen)
            {
                args.Add(Or());
                while (Peek?.Kind == TokenKind.Comma)
                {
                    Pos++;
                    args.Add(Or());
                }
            }
            if (Peek?.Kind != TokenKind.RParen) throw new Unsure();
            Pos++;
            _depth--;
            if (name == "now" && args.Count == 0) return new Node("now()", T.TimestampTz);
            if (args.Count == 1 && args[0].Type != T.Unknown && args[0].Literal == null && !args[0].IsStringLiteral)
            {
                // Aggregates of a column (a view's query): the type the server gives each.
                var a = args[0].Type;
                T? result = name switch
                {
                    "count" => T.Int8,
                    "min" or "max" => a,
                    "sum" when a is T.Int2 or T.Int4 => T.Int8,
                    "sum" when a is T.Int8 or T.Numeric => T.Numeric,
                    "sum" when a is T.Float4 or T.Float8 => a,
                    "avg" when IsInt(a) || a == T.Numeric => T.Numeric,
                    "avg" when a is T.Float4 or T.Float8 => T.Float8,
                    _ => null,
                };
                if (result is { } r) return new Node($"{name}({args[0].Sql})", r);
            }
            if (name == "timezone" && args.Count == 2 && args[1].Literal == null)
            {
                var type = args[1].Type switch { T.TimestampTz => T.Timestamp, T.Timestamp => T.TimestampTz, _ => throw new Unsure() };
                return new Node($"timezone({Zone(args[0])}, {args[1].Sql})", type);
            }
            if (name == "coalesce" && args.Count > 0)
            {
                var typed = args.Where(a => !a.IsStringLiteral).Select(a => a.Type).Distinct().ToList();
                if (typed is [T.Text] or [] && args.All(a => a.IsStringLiteral || a.Type == T.Text)) return new Node($"coalesce({string.Join(", ", args.Select(a => a.IsStringLiteral ? a.Literal + "::text" : a.Sql))})", T.Text);
                if (typed is [var only] && only is not (T.Unknown or T.Varchar or T.Bpchar) && args.All(a => !a.IsStringLiteral && a.Literal == null)) return new Node($"coalesce({string.Join(", ", args.Select(a => a.Sql))})", only);
                throw new Unsure();
            }
            if (name == "pg_trigger_depth" && args.Count == 0) return new Node("pg_trigger_depth()", T.Int4);
            if (args.Count == 0 && name is "row_number" or "rank" or "dense_rank") return new Node(name + "()", T.Int8);
            if (Signature(name, args) is { } known) return known;
            if (name == "current_setting" && args.Count is 1 or 2 && (args[0].IsStringLiteral || args[0].Type == T.Text) && (args.Count == 1 || args[1].Type == T.Bool))
            {
                var setting = args[0].IsStringLiteral ? args[0].Literal + "::text" : args[0].Sql;
                return new Node($"current_setting({setting}{(args.Count == 2 ? ", " + args[1].Sql : string.Empty)})", T.Text);
            }
            if (TextFunctions.Contains(name) && args.Count == 1 && args[0].Type is T.Text or T.Varchar or T.Bpchar) return new Node($"{name}({Relabel(args[0])})", T.Text);
            if (name is "length" or "char_length" && args.Count == 1 && args[0].Type is T.Text or T.Varchar) return new Node($"{name}({Relabel(args[0])})", T.Int4);
            throw new Unsure();
        }
    }
}
