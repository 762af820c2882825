using System.Text;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>A relation a view's query can read: a table or a view, with its columns in order and their types.</summary>
internal sealed record RelationShape(QualifiedName Name, IReadOnlyList<(string Name, DataType Type)> Columns);

/// <summary>
/// A view's query the way PostgreSQL 15 prints it back (pg_get_viewdef), for the queries most views are: SELECT
/// [DISTINCT] of columns, *, aggregates, literals, CASE and the expressions the check rewrite knows, FROM tables, views,
/// WITH queries and subqueries with aliases, inner and outer joins ON a condition, WHERE (with IN, EXISTS and scalar
/// subqueries), GROUP BY (an output name stands for its expression), HAVING, ORDER BY, LIMIT, and chains of one set
/// operation (UNION ALL ...). Every table is printed with its schema (as the inspector reads views), every column with
/// its relation, * is expanded, a target takes AS with the name the server gives it where that differs (count(*) AS
/// count), joins are parenthesized and their conditions wrapped, and a relation whose name an enclosing query already
/// uses is renamed as the server renames it (points_1). Anything else (a recursive or column-listed WITH, a window,
/// DISTINCT ON, a function whose arguments the server would cast) keeps the query as written: only the server knows its form.
/// </summary>
internal static partial class PostgresServerForm
{
    /// <summary>A relation in a query level's scope: how it is printed in FROM, the name it was written with, the name the server gives it, its columns.</summary>
    private sealed record Relation(string Printed, string Qualifier, string Name, IReadOnlyList<(string Name, DataType Type)> Columns);

    private sealed record Output(string Sql, IReadOnlyList<(string Name, DataType Type)> Columns, bool Ordered = false);

    /// <summary>The query in the server's form, or <paramref name="query"/> itself when unsure.</summary>
    /// <param name="find">A table or view by schema (null when the query does not say) and name, or null.</param>
    /// <param name="columns">The view's columns and their types when the query was rewritten, else null.</param>
    public static string RewriteView(string query, Func<string?, string, RelationShape?> find, out IReadOnlyList<(string Name, DataType Type)>? columns)
    {
        columns = null;
        try
        {
            var tokens = SqlLexer.Tokenize(query);
            var parser = new ViewParser(query, tokens, 0, tokens.Count, find, new Dictionary<string, IReadOnlyList<(string, DataType)>>(StringComparer.Ordinal), new HashSet<string>());
            var output = parser.Query(null, topLevel: true);
            columns = output.Columns;
            return output.Sql;
        }
        catch (Unsure)
        {
            return query;
        }
    }

    private static DataType TypeFor(T t) => new(TypeKind.Unknown, t switch { T.StringLiteral => "text", T.Unknown => "unknown", _ => TypeName(t) });

    private sealed class ViewParser(
        string text,
        List<Token> tokens,
        int start,
        int end,
        Func<string?, string, RelationShape?> find,
        Dictionary<string, IReadOnlyList<(string Name, DataType Type)>> ctes,
        IReadOnlySet<string> outerNames,
        ViewParser? parent = null)
    {
        private readonly List<Relation> _scope = [];
        private readonly List<(string Placeholder, int Start, int End)> _derived = [];
        private int _pos = start;

        private Token? Peek => _pos < end ? tokens[_pos] : null;

        private bool IsWord(string w, int ahead = 0) => _pos + ahead < end && tokens[_pos + ahead].Kind == TokenKind.Word && text.AsSpan(tokens[_pos + ahead].Start, tokens[_pos + ahead].Length).Equals(w, StringComparison.OrdinalIgnoreCase);

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

        private int Close(int open)
        {
            var close = SqlNormalizer.MatchingParen(tokens, open, end);
            return close < 0 ? throw new Unsure() : close;
        }

        /// <summary>An expression of the check rewrite from here, its columns resolved in the FROM scope.</summary>
        private (string Sql, T Type) Expression()
        {
            var p = new Parser(text, tokens, Resolve) { Pos = _pos, Subquery = Subquery, End = end };
            var node = p.Or();
            _pos = p.Pos;
            return (node.Sql, node.IsStringLiteral ? T.StringLiteral : node.Type);
        }

        /// <summary>A subquery inside an expression: its own level, inside this one.</summary>
        private (string Sql, IReadOnlyList<(string Name, DataType Type)> Columns) Subquery(int from, int to)
        {
            var output = new ViewParser(text, tokens, from, to, find, ctes, Names(), this).Query();
            return (output.Sql, output.Columns);
        }

        private HashSet<string> Names() => [.. outerNames, .. _scope.Select(r => r.Name)];

        private (string Sql, DataType Type)? Resolve(string? qualifier, string name, string written)
        {
            var candidates = qualifier == null ? _scope : _scope.Where(r => r.Qualifier == qualifier).ToList();
            var found = candidates.SelectMany(r => r.Columns.Where(c => c.Name == name).Select(c => (r, c))).ToList();
            // A name this level does not have is looked up in the queries around it (a correlated subquery).
            if (found.Count == 0 && (qualifier == null || _scope.All(r => r.Qualifier != qualifier))) return parent?.Resolve(qualifier, name, written);
            if (found.Count != 1) return null;
            return (Quote(found[0].r.Name) + "." + Quote(found[0].c.Name), found[0].c.Type);
        }

        private static string Quote(string name) => PostgresQuoting.Quote(name);

        /// <summary>[WITH ...] a SELECT or a chain of one set operation, to the end of this level.</summary>
        /// <param name="names">The names every target is printed with (a set operation's later branches), or null.</param>
        /// <param name="topLevel">The view's own query: its targets are the view's columns, printed with AS unless a column keeps its name.</param>
        public Output Query(IReadOnlyList<string>? names = null, bool topLevel = false)
        {
            var with = new List<(string Name, int Start, int End)>();
            if (Accept("with"))
            {
                if (IsWord("recursive")) throw new Unsure();
                do
                {
                    if (!IsName(Peek)) throw new Unsure();
                    var name = Key(Peek!.Value);
                    _pos++;
                    Expect("as");
                    if (Peek?.Kind != TokenKind.LParen || !IsWord("select", 1)) throw new Unsure();
                    var close = Close(_pos);
                    // Its columns now, for the query that reads it; its text once the names of this level are known.
                    ctes[name] = new ViewParser(text, tokens, _pos + 1, close, find, ctes, outerNames, parent).Query().Columns;
                    with.Add((name, _pos + 1, close));
                    _pos = close + 1;
                }
                while (Peek?.Kind == TokenKind.Comma && ++_pos > 0);
            }
            var branches = new List<Output> { Branch(names, topLevel) };
            string? op = null;
            while (IsWord("union") || IsWord("intersect") || IsWord("except"))
            {
                var word = Key(Peek!.Value) + (IsWord("all", 1) ? " all" : string.Empty);
                _pos += word.Contains(' ', StringComparison.Ordinal) ? 2 : 1;
                if (op != null && op != word) throw new Unsure();
                op = word;
                // Every branch's targets are printed with the names of the first branch's, which are the view's.
                branches.Add(Branch(branches[0].Columns.Select(c => c.Name).ToList(), topLevel));
            }
            if (_pos != end) throw new Unsure();
            if (branches.Count > 1)
            {
                // One column type per position in every branch, or the server adds casts; ORDER BY and LIMIT of the whole are not read.
                if (with.Count > 0 || branches.Any(b => b.Ordered || b.Columns.Count != branches[0].Columns.Count)) throw new Unsure();
                for (var i = 0; i < branches[0].Columns.Count; i++)
                {
                    if (branches.Any(b => b.Columns[i].Type.Text != branches[0].Columns[i].Type.Text || b.Columns[i].Type.Text == "unknown")) throw new Unsure();
                }
                return new Output(string.Join($" {op} ", branches.Select(b => b.Sql)), branches[0].Columns);
            }
            if (with.Count == 0) return branches[0];
            var taken = Names();
            var sb = new StringBuilder("WITH ");
            sb.Append(string.Join(", ", with.Select(w => Quote(w.Name) + " AS (" + new ViewParser(text, tokens, w.Start, w.End, find, ctes, taken, parent).Query().Sql + ")")));
            return new Output(sb.Append(' ').Append(branches[0].Sql).ToString(), branches[0].Columns, branches[0].Ordered);
        }

        /// <summary>A branch of a set operation: a SELECT, or a query in parentheses, which keep them only around ORDER BY or LIMIT.</summary>
        private Output Branch(IReadOnlyList<string>? names, bool topLevel)
        {
            if (Peek?.Kind != TokenKind.LParen) return Select(names, topLevel);
            var close = Close(_pos);
            var inner = new ViewParser(text, tokens, _pos + 1, close, find, ctes, outerNames, parent).Query(names, topLevel);
            _pos = close + 1;
            return inner.Ordered ? new Output("(" + inner.Sql + ")", inner.Columns) : inner;
        }

        private Output Select(IReadOnlyList<string>? names, bool topLevel)
        {
            _scope.Clear();
            _derived.Clear();
            Expect("select");
            var distinct = Accept("distinct");
            if (IsWord("on") || IsWord("all")) throw new Unsure();
            // The targets are read once the FROM scope is known: find where they end.
            var targetsStart = _pos;
            var depth = 0;
            while (_pos < end && !(depth == 0 && (IsWord("from") || IsWord("where") || IsWord("group") || IsWord("having") || IsWord("order") || IsWord("limit") || IsWord("window") || IsWord("union") || IsWord("intersect") || IsWord("except"))))
            {
                if (tokens[_pos].Kind == TokenKind.LParen) depth++;
                else if (tokens[_pos].Kind == TokenKind.RParen) depth--;
                _pos++;
            }
            var targetsEnd = _pos;
            var from = new List<string>();
            if (Accept("from"))
            {
                from.Add(FromItem());
                while (Peek?.Kind == TokenKind.Comma)
                {
                    _pos++;
                    from.Add(FromItem());
                }
            }
            // A subquery in FROM is printed once every name of this level is known: its own names must differ from them.
            var fromText = string.Join(", ", from);
            foreach (var (placeholder, s, e) in _derived)
            {
                fromText = fromText.Replace(placeholder, new ViewParser(text, tokens, s, e, find, ctes, Names(), parent).Query().Sql, StringComparison.Ordinal);
            }
            var afterFrom = _pos;
            _pos = targetsStart;
            var targets = Targets(targetsEnd, names, topLevel);
            _pos = afterFrom;
            string? where = null;
            if (Accept("where")) where = Expression().Sql;
            var groups = new List<string>();
            if (Accept("group"))
            {
                Expect("by");
                do groups.Add(GroupItem(targets));
                while (Peek?.Kind == TokenKind.Comma && ++_pos > 0);
            }
            string? having = null;
            if (Accept("having")) having = Expression().Sql;
            var orders = new List<string>();
            if (Accept("order"))
            {
                Expect("by");
                do
                {
                    var e = GroupItem(targets);
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
            if (_pos != end && !IsWord("union") && !IsWord("intersect") && !IsWord("except")) throw new Unsure();
            var sb = new StringBuilder("SELECT ");
            if (distinct) sb.Append("DISTINCT ");
            sb.Append(string.Join(", ", targets.Select(t => t.Printed)));
            if (from.Count > 0) sb.Append(" FROM ").Append(fromText);
            if (where != null) sb.Append(" WHERE ").Append(where);
            if (groups.Count > 0) sb.Append(" GROUP BY ").Append(string.Join(", ", groups));
            if (having != null) sb.Append(" HAVING ").Append(having);
            if (orders.Count > 0) sb.Append(" ORDER BY ").Append(string.Join(", ", orders));
            if (limit != null) sb.Append(" LIMIT ").Append(limit);
            return new Output(sb.ToString(), targets.Select(t => (t.Name, t.Type)).ToList(), orders.Count > 0 || limit != null);
        }

        /// <summary>
        /// A GROUP BY or ORDER BY item: a column, or an output name standing for its target's expression; anything but a
        /// plain column is printed in parentheses.
        /// </summary>
        private string GroupItem(List<(string Printed, string Sql, string Name, DataType Type, bool IsColumn)> targets)
        {
            if (Peek is { } t && IsName(t) && (_pos + 1 == end || tokens[_pos + 1].Kind is TokenKind.Comma || IsWord("desc", 1) || IsWord("asc", 1) || IsWord("having", 1) || IsWord("order", 1) || IsWord("limit", 1) || IsWord("union", 1))
                && Resolve(null, Key(t), string.Empty) == null && targets.Where(x => x.Name == Key(t)).ToList() is [var target])
            {
                _pos++;
                return target.IsColumn ? target.Sql : "(" + target.Sql + ")";
            }
            var start = _pos;
            var (sql, _) = Expression();
            var isColumn = (_pos - start == 1 && IsName(tokens[start]))
                || (_pos - start == 3 && IsName(tokens[start]) && tokens[start + 1].Kind == TokenKind.Dot && IsName(tokens[start + 2]));
            if (!isColumn && tokens[start].Kind == TokenKind.Number) throw new Unsure();
            return isColumn ? sql : "(" + sql + ")";
        }

        /// <summary>A relation, or relations joined ON conditions, left to right, each join in parentheses as the server prints it.</summary>
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
                var condition = Expression().Sql;
                left = $"({left} {join} {right} ON ({condition}))";
            }
        }

        private string Table()
        {
            IReadOnlyList<(string Name, DataType Type)> columns;
            string printed;
            string name;
            if (Peek?.Kind == TokenKind.LParen && IsWord("select", 1))
            {
                // A subquery: its columns now, its text once this level's names are all known.
                var close = Close(_pos);
                columns = new ViewParser(text, tokens, _pos + 1, close, find, ctes, outerNames, parent).Query().Columns;
                var placeholder = $"\u0001{_derived.Count}\u0001";
                _derived.Add((placeholder, _pos + 1, close));
                _pos = close + 1;
                Accept("as");
                if (!IsName(Peek)) throw new Unsure();
                name = Key(Peek!.Value);
                _pos++;
                if (Peek?.Kind == TokenKind.LParen) throw new Unsure();
                printed = "(" + placeholder + ")";
                return AddRelation(printed, name, alias: name, columns, aliasRequired: true);
            }
            if (!IsName(Peek)) throw new Unsure();
            string? schema = null;
            name = Key(Peek!.Value);
            _pos++;
            if (Peek?.Kind == TokenKind.Dot)
            {
                _pos++;
                if (!IsName(Peek)) throw new Unsure();
                schema = name;
                name = Key(Peek!.Value);
                _pos++;
            }
            if (Peek?.Kind == TokenKind.LParen) throw new Unsure(); // a function in FROM
            if (schema == null && ctes.TryGetValue(name, out var cte))
            {
                columns = cte;
                printed = Quote(name);
            }
            else
            {
                var shape = find(schema, name) ?? throw new Unsure();
                columns = shape.Columns;
                // The inspector reads views with an empty search path: every table is printed with its schema.
                printed = Quote(shape.Name.Schema) + "." + Quote(name);
            }
            string? alias = null;
            if (Accept("as") || IsName(Peek))
            {
                if (!IsName(Peek)) throw new Unsure();
                alias = Key(Peek!.Value);
                _pos++;
                if (Peek?.Kind == TokenKind.LParen) throw new Unsure(); // column aliases
            }
            return AddRelation(printed, name, alias, columns, aliasRequired: false);
        }

        /// <summary>
        /// Puts a relation in scope under the name the server gives it: its alias or its own name, with _1, _2 ... added
        /// when an enclosing query already uses that name (then printed as an alias).
        /// </summary>
        private string AddRelation(string printed, string name, string? alias, IReadOnlyList<(string Name, DataType Type)> columns, bool aliasRequired)
        {
            var qualifier = alias ?? name;
            if (_scope.Any(r => r.Qualifier == qualifier)) throw new Unsure();
            var taken = Names();
            var given = qualifier;
            for (var i = 1; taken.Contains(given); i++) given = qualifier + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (aliasRequired) printed += " " + Quote(given);
            else if (alias != null || given != name) printed += " " + Quote(given);
            _scope.Add(new Relation(printed, qualifier, given, columns));
            return printed;
        }

        /// <summary>
        /// The name the server gives a target that is not a column and has no alias: a function's name, "case", "exists",
        /// a scalar subquery's column, "?column?" for a literal or an operator; null (unsure) for the rest, casts among them.
        /// </summary>
        private string? Figure(int from, int to, string sql)
        {
            var first = tokens[from];
            if (to - from == 1) return first.Kind is TokenKind.Number or TokenKind.String ? "?column?" : null;
            if (first.Kind == TokenKind.Word && tokens[from + 1].Kind == TokenKind.LParen && SqlNormalizer.MatchingParen(tokens, from + 1, to) == to - 1)
            {
                return Key(first);
            }
            if (first.Kind == TokenKind.Word && Key(first) == "case" && IsWordAt(to - 1, "end")) return "case";
            if (first.Kind == TokenKind.LParen && IsWordAt(from + 1, "select") && SqlNormalizer.MatchingParen(tokens, from, to) == to - 1)
            {
                return new ViewParser(text, tokens, from + 1, to - 1, find, ctes, Names(), this).Query().Columns[0].Name;
            }
            for (var i = from; i < to; i++)
            {
                if (tokens[i].Kind is TokenKind.DoubleColon or TokenKind.LParen or TokenKind.LBracket) return null;
            }
            return sql.StartsWith('(') ? "?column?" : null;
        }

        private bool IsWordAt(int at, string w) => at < end && tokens[at].Kind == TokenKind.Word && text.AsSpan(tokens[at].Start, tokens[at].Length).Equals(w, StringComparison.OrdinalIgnoreCase);

        /// <summary>The targets with * expanded and each named as the server names it.</summary>
        private List<(string Printed, string Sql, string Name, DataType Type, bool IsColumn)> Targets(int stop, IReadOnlyList<string>? names, bool topLevel)
        {
            var targets = new List<(string Printed, string Sql, string Name, DataType Type, bool IsColumn)>();
            void Expand(Relation r)
            {
                foreach (var c in r.Columns)
                {
                    var sql = Quote(r.Name) + "." + Quote(c.Name);
                    var output = names != null ? (targets.Count < names.Count ? names[targets.Count] : throw new Unsure()) : c.Name;
                    targets.Add((output == c.Name ? sql : sql + " AS " + Quote(output), sql, output, c.Type, true));
                }
            }
            while (true)
            {
                if (Peek is { Kind: TokenKind.Operator } star && text.AsSpan(star.Start, star.Length).SequenceEqual("*"))
                {
                    _pos++;
                    if (_scope.Count == 0) throw new Unsure();
                    foreach (var r in _scope) Expand(r);
                }
                else if (IsName(Peek) && _pos + 2 < end && tokens[_pos + 1].Kind == TokenKind.Dot && tokens[_pos + 2] is { Kind: TokenKind.Operator } s2 && text.AsSpan(s2.Start, s2.Length).SequenceEqual("*"))
                {
                    var qualifier = Key(Peek!.Value);
                    var r = _scope.FirstOrDefault(x => x.Qualifier == qualifier) ?? throw new Unsure();
                    _pos += 3;
                    Expand(r);
                }
                else
                {
                    var start = _pos;
                    var (sql, type) = Expression();
                    var length = _pos - start;
                    var isColumn = (length == 1 && IsName(tokens[start]))
                        || (length == 3 && IsName(tokens[start]) && tokens[start + 1].Kind == TokenKind.Dot && IsName(tokens[start + 2]));
                    // The name the server gives a target: a column's own, a function's name, CASE's "case"; anything else needs an alias here.
                    var figured = isColumn ? Key(tokens[_pos - 1]) : Figure(start, _pos, sql);
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
                    var output = names != null ? (targets.Count < names.Count ? names[targets.Count] : throw new Unsure()) : alias ?? figured ?? throw new Unsure();
                    // A bare string literal as a target is resolved to text, and printed so.
                    if (type == T.StringLiteral) sql += "::text";
                    // Only a column is printed without AS when its name is its own; anything else shows AS unless it is "?column?".
                    var bare = isColumn ? output == figured : !topLevel && output == "?column?";
                    targets.Add((bare ? sql : sql + " AS " + Quote(output), sql, output, TypeFor(type), isColumn));
                }
                if (_pos == stop) return targets;
                if (Peek?.Kind != TokenKind.Comma) throw new Unsure();
                _pos++;
            }
        }
    }
}
