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

    private enum T { Unknown, Int2, Int4, Int8, Numeric, Float4, Float8, Text, Varchar, Bpchar, Bool, Date, TimestampTz, Timestamp, Interval, StringLiteral }

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
        _ => throw new Unsure(),
    };

    private static bool IsInt(T t) => t is T.Int2 or T.Int4 or T.Int8;

    private sealed class Parser(string text, List<Token> tokens, ColumnResolver columns)
    {
        public int Pos;

        // Recursive descent: deeper than this and the expression is left as written (the reader itself takes any depth).
        private const int MaxDepth = 64;
        private int _depth;

        private void Enter()
        {
            if (++_depth > MaxDepth) throw new Unsure();
        }

        private Token? Peek => Pos < tokens.Count ? tokens[Pos] : null;

        private string Word(Token t) => t.Kind == TokenKind.Word ? text.Substring(t.Start, t.Length).ToLowerInvariant() : string.Empty;

        /// <summary>A name token's value: a word folded to lower case, a quoted name as written inside its quotes.</summary>
        public string Key(Token t) => t.Kind == TokenKind.Word ? text.Substring(t.Start, t.Length).ToLowerInvariant() : text.Substring(t.Start + 1, t.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal);

        public bool AtWord(string w) => IsWord(w);

        public Token? Current => Peek;

        private bool IsWord(string w, int ahead = 0) => Pos + ahead < tokens.Count && Word(tokens[Pos + ahead]) == w;

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
                if (!IsWord("null")) throw new Unsure();
                Pos++;
                return new Node($"({left.Sql} is {(not ? "not " : string.Empty)}null)", T.Bool);
            }
            return left;
        }

        private Node Comparison()
        {
            var left = Additive();
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
                var right = Additive();
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
                    T.Date when !matching && IsIsoDate(b.Literal!) => (a.Sql, b.Literal + "::date"),
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

        private static bool IsIsoDate(string literal) => literal.Length == 12 && DateTime.TryParseExact(literal[1..^1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

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
            var left = Unary();
            while (IsOp("*") || IsOp("/") || IsOp("%"))
            {
                var op = text.Substring(Peek!.Value.Start, Peek!.Value.Length);
                Pos++;
                var right = Unary();
                left = Arithmetic(left, op, right);
            }
            return left;
        }

        private static Node Arithmetic(Node a, string op, Node b)
        {
            if (IsInt(a.Type) && IsInt(b.Type)) return new Node($"({a.Sql} {op} {b.Sql})", (T)Math.Max((int)a.Type, (int)b.Type));
            if (a.Type == T.Numeric && b.Type == T.Numeric) return new Node($"({a.Sql} {op} {b.Sql})", T.Numeric);
            throw new Unsure();
        }

        private Node Unary()
        {
            if (IsOp("-") && Pos + 1 < tokens.Count && tokens[Pos + 1].Kind == TokenKind.Number)
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
                    if (word is "and" or "or" or "not" or "is" or "in" or "null" or "case" or "array" or "select" or "exists" or "interval" or "date" or "timestamp") throw new Unsure();
                    Pos++;
                    var name = text.Substring(t.Start, t.Length);
                    if (word == "extract" && Peek?.Kind == TokenKind.LParen) return Extract();
                    if (Peek?.Kind == TokenKind.LParen) return Call(name.ToLowerInvariant());
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
            if (Peek?.Kind == TokenKind.DoubleColon)
            {
                // A cast written out: kept, and its type known only for the common ones.
                Pos++;
                var start = Pos;
                while (Peek is { Kind: TokenKind.Word } && !IsWord("and") && !IsWord("or") && !IsWord("is") && !IsWord("not") && !IsWord("in") && !IsWord("like")) Pos++;
                if (Peek?.Kind == TokenKind.LBracket) throw new Unsure();
                var typeText = string.Join(" ", tokens.Skip(start).Take(Pos - start).Select(x => text.Substring(x.Start, x.Length).ToLowerInvariant()));
                var castType = TypeOf(typeText switch { "varchar" => "character varying", "int" or "int4" => "integer", "int8" => "bigint", "bpchar" => "character", _ => typeText });
                if (castType == T.Unknown) throw new Unsure();
                var inner = node.IsStringLiteral ? node.Sql : $"({node.Sql})";
                if (node.IsStringLiteral && castType is not (T.Text or T.Varchar or T.Bpchar)) throw new Unsure();
                return new Node($"{inner}::{typeText}", castType);
            }
            return node;
        }

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

        private static readonly HashSet<string> TextFunctions = new(StringComparer.Ordinal) { "lower", "upper", "btrim", "ltrim", "rtrim", "initcap", "md5" };

        private Node Call(string name)
        {
            Pos++;
            Enter();
            if (name == "count" && IsOp("*") && Pos + 1 < tokens.Count && tokens[Pos + 1].Kind == TokenKind.RParen)
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
            if (TextFunctions.Contains(name) && args.Count == 1 && args[0].Type is T.Text or T.Varchar or T.Bpchar) return new Node($"{name}({Relabel(args[0])})", T.Text);
            if (name is "length" or "char_length" && args.Count == 1 && args[0].Type is T.Text or T.Varchar) return new Node($"{name}({Relabel(args[0])})", T.Int4);
            throw new Unsure();
        }
    }
}
