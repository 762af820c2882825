using System.Text;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// A view's query the way PostgreSQL 15 prints it back (pg_get_viewdef), for the plain queries most views are: SELECT
/// [DISTINCT] of columns, *, aggregates, string literals, EXTRACT and the expressions the check rewrite knows, FROM tables of the
/// default schema with aliases, inner and outer joins ON a condition, WHERE, GROUP BY, HAVING, ORDER BY and LIMIT. Every table is printed with
/// its schema (as the inspector reads views) and every column with its table or alias, * is expanded, a target takes AS with the name the server gives it where that differs
/// (count(*) AS count), joins are parenthesized and their conditions wrapped, and the WHERE clause takes the casts and
/// parentheses of the check rewrite. Anything else (a subquery, UNION, a CTE, a window, CASE, a view read by a view) keeps the query as written: only the server knows its form.
/// </summary>
internal static partial class PostgresServerForm
{
    private sealed record Relation(string Printed, string Qualifier, Table Table);

    /// <summary>The query in the server's form, or <paramref name="query"/> itself when unsure.</summary>
    /// <param name="findTable">A table by schema (null when the query does not say) and name, or null.</param>
    public static string RewriteView(string query, Func<string?, string, Table?> findTable)
    {
        try
        {
            var tokens = SqlLexer.Tokenize(query);
            return new ViewParser(query, tokens, findTable).Select();
        }
        catch (Unsure)
        {
            return query;
        }
    }

    private sealed class ViewParser(string text, List<Token> tokens, Func<string?, string, Table?> findTable)
    {
        private readonly List<Relation> _scope = [];
        private int _pos;

        private Token? Peek => _pos < tokens.Count ? tokens[_pos] : null;

        private bool IsWord(string w, int ahead = 0) => _pos + ahead < tokens.Count && tokens[_pos + ahead].Kind == TokenKind.Word && text.AsSpan(tokens[_pos + ahead].Start, tokens[_pos + ahead].Length).Equals(w, StringComparison.OrdinalIgnoreCase);

        private bool Accept(string w)
        {
            if (!IsWord(w)) return false;
            _pos++;
            return true;
        }

        private void Expect(string w)
        {
            if (!Accept(w)) throw new Unsure();
        }

        private static readonly HashSet<string> Clauses = new(StringComparer.OrdinalIgnoreCase)
        {
            "from", "where", "group", "having", "order", "limit", "offset", "union", "intersect", "except", "window", "fetch", "for",
            "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "lateral", "as", "select", "with", "values",
        };

        private string Key(Token t) => t.Kind == TokenKind.Word ? text.Substring(t.Start, t.Length).ToLowerInvariant() : text.Substring(t.Start + 1, t.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal);

        private bool IsName(Token? t) => t is { Kind: TokenKind.QuotedIdentifier } || (t is { Kind: TokenKind.Word } w && !Clauses.Contains(text.Substring(w.Start, w.Length)));

        /// <summary>An expression of the check rewrite from here, its columns resolved in the FROM scope.</summary>
        private string Expression()
        {
            var p = new Parser(text, tokens, Resolve) { Pos = _pos };
            var node = p.Or();
            _pos = p.Pos;
            return node.Sql;
        }

        private (string Sql, DataType Type)? Resolve(string? qualifier, string name, string written)
        {
            var candidates = qualifier == null ? _scope : _scope.Where(r => r.Qualifier == qualifier).ToList();
            var found = candidates.Select(r => (r, c: r.Table.FindColumn(name))).Where(x => x.c != null).ToList();
            if (found.Count != 1) return null;
            return (Quote(found[0].r.Qualifier) + "." + Quote(found[0].c!.Name), found[0].c!.Type);
        }

        private static string Quote(string name) => PostgresQuoting.Quote(name);

        public string Select()
        {
            Expect("select");
            var distinct = Accept("distinct");
            if (IsWord("on") || IsWord("all")) throw new Unsure();
            // The targets are read once the FROM scope is known: find where they end.
            var targetsStart = _pos;
            var depth = 0;
            while (_pos < tokens.Count && !(depth == 0 && IsWord("from")))
            {
                if (tokens[_pos].Kind == TokenKind.LParen) depth++;
                else if (tokens[_pos].Kind == TokenKind.RParen) depth--;
                _pos++;
            }
            var targetsEnd = _pos;
            Expect("from");
            var from = new List<string> { FromItem() };
            while (Peek?.Kind == TokenKind.Comma)
            {
                _pos++;
                from.Add(FromItem());
            }
            string? where = null;
            if (Accept("where")) where = Expression();
            var groups = new List<string>();
            if (Accept("group"))
            {
                Expect("by");
                do groups.Add(Expression());
                while (Peek?.Kind == TokenKind.Comma && ++_pos > 0);
            }
            string? having = null;
            if (Accept("having")) having = Expression();
            var orders = new List<string>();
            if (Accept("order"))
            {
                Expect("by");
                do
                {
                    var e = Expression();
                    if (Accept("desc")) e += " DESC";
                    else Accept("asc");
                    if (IsWord("nulls") || IsWord("using")) throw new Unsure();
                    orders.Add(e);
                }
                while (Peek?.Kind == TokenKind.Comma && ++_pos > 0);
            }
            string? limit = null;
            if (Accept("limit"))
            {
                if (Peek is not { Kind: TokenKind.Number } n) throw new Unsure();
                limit = text.Substring(n.Start, n.Length);
                _pos++;
            }
            if (_pos != tokens.Count) throw new Unsure();
            var end = _pos;
            _pos = targetsStart;
            var targets = Targets(targetsEnd);
            _pos = end;
            var sb = new StringBuilder("SELECT ");
            if (distinct) sb.Append("DISTINCT ");
            sb.Append(string.Join(", ", targets)).Append(" FROM ").Append(string.Join(", ", from));
            if (where != null) sb.Append(" WHERE ").Append(where);
            if (groups.Count > 0) sb.Append(" GROUP BY ").Append(string.Join(", ", groups));
            if (having != null) sb.Append(" HAVING ").Append(having);
            if (orders.Count > 0) sb.Append(" ORDER BY ").Append(string.Join(", ", orders));
            if (limit != null) sb.Append(" LIMIT ").Append(limit);
            return sb.ToString();
        }

        /// <summary>A table, or tables joined ON conditions, left to right, each join in parentheses as the server prints it.</summary>
        private string FromItem()
        {
            var left = Table();
            while (true)
            {
                string join;
                if (Accept("join")) join = "JOIN";
                else if (IsWord("inner") && IsWord("join", 1)) { _pos += 2; join = "JOIN"; }
                else if (IsWord("left") || IsWord("right") || IsWord("full"))
                {
                    join = text.Substring(Peek!.Value.Start, Peek!.Value.Length).ToUpperInvariant() + " JOIN";
                    _pos++;
                    Accept("outer");
                    Expect("join");
                }
                else return left;
                var right = Table();
                Expect("on");
                var condition = Expression();
                left = $"({left} {join} {right} ON ({condition}))";
            }
        }

        private string Table()
        {
            if (!IsName(Peek)) throw new Unsure();
            string? schema = null;
            var name = Key(Peek!.Value);
            _pos++;
            if (Peek?.Kind == TokenKind.Dot)
            {
                _pos++;
                if (!IsName(Peek)) throw new Unsure();
                schema = name;
                name = Key(Peek!.Value);
                _pos++;
            }
            var table = findTable(schema, name) ?? throw new Unsure();
            string? alias = null;
            if (Accept("as") || IsName(Peek))
            {
                if (!IsName(Peek)) throw new Unsure();
                alias = Key(Peek!.Value);
                _pos++;
                if (Peek?.Kind == TokenKind.LParen) throw new Unsure(); // column aliases
            }
            var qualifier = alias ?? name;
            if (_scope.Any(r => r.Qualifier == qualifier)) throw new Unsure();
            // The inspector reads views with an empty search path: every table is printed with its schema.
            _scope.Add(new Relation(Quote(table.Name.Schema) + "." + Quote(name) + (alias != null ? " " + Quote(alias) : string.Empty), qualifier, table));
            return _scope[^1].Printed;
        }

        /// <summary>The targets with * expanded and each named as the server names it.</summary>
        private List<string> Targets(int end)
        {
            var targets = new List<string>();
            while (true)
            {
                if (Peek is { Kind: TokenKind.Operator } star && text.AsSpan(star.Start, star.Length).SequenceEqual("*"))
                {
                    _pos++;
                    foreach (var r in _scope) targets.AddRange(r.Table.Columns.Select(c => Quote(r.Qualifier) + "." + Quote(c.Name)));
                }
                else if (IsName(Peek) && _pos + 2 < tokens.Count && tokens[_pos + 1].Kind == TokenKind.Dot && tokens[_pos + 2] is { Kind: TokenKind.Operator } s2 && text.AsSpan(s2.Start, s2.Length).SequenceEqual("*"))
                {
                    var qualifier = Key(Peek!.Value);
                    var r = _scope.FirstOrDefault(x => x.Qualifier == qualifier) ?? throw new Unsure();
                    _pos += 3;
                    targets.AddRange(r.Table.Columns.Select(c => Quote(r.Qualifier) + "." + Quote(c.Name)));
                }
                else
                {
                    var start = _pos;
                    var sql = Expression();
                    var length = _pos - start;
                    var isColumn = (length == 1 && IsName(tokens[start]))
                        || (length == 3 && IsName(tokens[start]) && tokens[start + 1].Kind == TokenKind.Dot && IsName(tokens[start + 2]));
                    // The name the server gives a target: a column's own, a function's name; anything else needs an alias here.
                    var figured = isColumn ? Key(tokens[_pos - 1])
                        : length > 1 && tokens[start].Kind == TokenKind.Word && tokens[start + 1].Kind == TokenKind.LParen ? Key(tokens[start])
                        : null;
                    string? alias = null;
                    if (Accept("as"))
                    {
                        if (Peek is not { Kind: TokenKind.Word or TokenKind.QuotedIdentifier }) throw new Unsure();
                        alias = Key(Peek!.Value);
                        _pos++;
                    }
                    else if (IsName(Peek))
                    {
                        alias = Key(Peek!.Value);
                        _pos++;
                    }
                    var output = alias ?? figured ?? throw new Unsure();
                    // A bare string literal as a target is resolved to text, and printed so.
                    if (length == 1 && tokens[start] is { Kind: TokenKind.String } literal && text[literal.Start] == '\'') sql += "::text";
                    targets.Add(isColumn && output == figured ? sql : sql + " AS " + Quote(output));
                }
                if (_pos == end) return targets;
                if (Peek?.Kind != TokenKind.Comma) throw new Unsure();
                _pos++;
            }
        }
    }
}
