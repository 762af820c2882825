using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Rendering.Types;

/// <summary>
/// Represents one column of a row type: its SQL name and type (null when it cannot be known offline, as for a view
/// column computed by an expression), whether it can be null, whether an INSERT may leave it out (a default, an
/// identity, a serial) and whether it cannot be written at all (a generated column, an identity GENERATED ALWAYS).
/// </summary>
internal sealed record FieldShape(string Name, DataType? Type, bool Nullable, bool Defaulted, bool ReadOnly, string? Comment);

/// <summary>Represents the row of a table or view, as typed code sees it.</summary>
internal sealed record RowShape(QualifiedName Name, bool IsView, IReadOnlyList<FieldShape> Fields, string? Comment, string? Note = null);

/// <summary>
/// Builds the row shapes of a model: tables from their columns, views from their query. A view's columns are typed
/// offline when the select list names a column of a table or view in FROM (an outer join makes it nullable), a cast,
/// or count(*); anything else is of unknown type, and said so in the generated code rather than guessed.
/// </summary>
internal static class RowShapes
{
    public static List<RowShape> Build(Database model, string defaultSchema)
    {
        var rows = new List<RowShape>();
        var tables = model.Tables.ToDictionary(t => t.Name);
        var views = model.Views.ToDictionary(v => v.Name);
        var domains = model.Domains.ToDictionary(d => d.Name);
        var resolvedViews = new Dictionary<QualifiedName, RowShape?>();
        foreach (var t in model.Tables.OrderBy(t => t.Name))
        {
            if (t.PartitionOf != null) continue; // a partition's rows are its parent's
            rows.Add(FromTable(t, domains));
        }
        foreach (var v in model.Views.OrderBy(v => v.Name)) rows.Add(ResolveView(v.Name)!);
        return rows;

        RowShape? ResolveView(QualifiedName name)
        {
            if (resolvedViews.TryGetValue(name, out var done)) return done;
            resolvedViews[name] = null; // a cycle reads as unknown columns
            var view = views[name];
            var (fields, incomplete) = ViewFields(view, model, defaultSchema, tables, domains, n => views.ContainsKey(n) ? ResolveView(n) : null);
            var shape = new RowShape(name, true, fields, view.Comment,
                incomplete ? "Some columns of this view could not be read without a database (a * over a source SchemaFirst does not know); they are missing here." : null);
            resolvedViews[name] = shape;
            return shape;
        }
    }

    internal static RowShape FromTable(Table t, Dictionary<QualifiedName, DomainType> domains)
    {
        var pk = t.PrimaryKey?.Columns.ToHashSet() ?? [];
        var fields = t.Columns.Select(c =>
        {
            var domain = c.Type.Kind == TypeKind.Domain && c.Type.UserType is { } d ? domains.GetValueOrDefault(d) : null;
            var serial = c.Default is { } def && def.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase);
            var notNull = c.NotNull || pk.Contains(c.Name) || domain?.NotNull == true;
            var defaulted = c.Default != null || c.Identity != null || c.Generated != null || serial || domain?.Default != null || IsSqliteRowId(t, c);
            var readOnly = c.Generated != null || c.Identity?.Always == true;
            return new FieldShape(c.Name, c.Type, !notNull, defaulted, readOnly, c.Comment);
        }).ToList();
        return new RowShape(t.Name, false, fields, t.Comment);
    }

    /// <summary>An INTEGER PRIMARY KEY of SQLite is the rowid: an INSERT may leave it out.</summary>
    private static bool IsSqliteRowId(Table t, Column c) =>
        t.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == c.Name && c.Type.Kind == TypeKind.Integer && c.Type.Text.Equals("integer", StringComparison.OrdinalIgnoreCase) && t.Name.Schema == "main";

    private static readonly HashSet<string> ClauseEnd = new(StringComparer.Ordinal)
    {
        "where", "group", "having", "window", "order", "limit", "offset", "union", "intersect", "except", "fetch", "for", "returning",
    };

    private static readonly HashSet<string> NotAlias = new(StringComparer.Ordinal)
    {
        "on", "using", "join", "left", "right", "inner", "full", "cross", "natural", "outer", "lateral", "where", "group", "having",
        "window", "order", "limit", "offset", "union", "intersect", "except", "fetch", "for", "tablesample", "with",
    };

    private static (List<FieldShape> Fields, bool Incomplete) ViewFields(View view, Database model, string defaultSchema, Dictionary<QualifiedName, Table> tables,
        Dictionary<QualifiedName, DomainType> domains, Func<QualifiedName, RowShape?> viewShape)
    {
        List<FieldShape> fields;
        var incomplete = false;
        try
        {
            // SQLite keeps names as written and compares them without case; it also takes [brackets] and `backticks`.
            var sqlite = model.SourceDialect == "sqlite";
            var tokens = SqlLexer.Tokenize(view.Query, sqlite ? IdentifierQuotes.Double | IdentifierQuotes.Brackets | IdentifierQuotes.Backticks : IdentifierQuotes.Double);
            var c = new TokenCursor(view.Query, tokens, foldCase: !sqlite);
            var ctx = new QueryContext(c, Depths(tokens), model, view.Name.Schema, defaultSchema, tables, viewShape, sqlite);
            fields = QueryFields(ctx, 0, tokens.Count, 0);
            incomplete = ctx.Incomplete;
        }
        catch (ParseException)
        {
            fields = [];
            incomplete = true;
        }
        // CREATE VIEW v (a, b) names the columns; a name list longer than what was read leaves the rest unknown.
        if (!view.ColumnNames.IsEmpty)
        {
            for (var i = 0; i < view.ColumnNames.Count; i++)
            {
                if (i < fields.Count) fields[i] = fields[i] with { Name = view.ColumnNames[i] };
                else fields.Add(new FieldShape(view.ColumnNames[i], null, true, true, true, null));
            }
        }
        var comments = view.ColumnComments.IsEmpty ? [] : view.ColumnComments.ToDictionary(cc => cc.Column, cc => cc.Comment);
        return (fields.Select(f => f with { Defaulted = true, ReadOnly = true, Comment = comments.GetValueOrDefault(f.Name) ?? f.Comment }).ToList(), incomplete);
    }

    private sealed record QueryContext(TokenCursor C, int[] DepthAt, Database Model, string ViewSchema, string DefaultSchema,
        Dictionary<QualifiedName, Table> Tables, Func<QualifiedName, RowShape?> ViewShape, bool Sqlite)
    {
        /// <summary>Set when a * reads a source whose columns are not known: the row type lacks them.</summary>
        public bool Incomplete { get; set; }

        public StringComparison Names => Sqlite ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        public Table? FindTable(QualifiedName q) =>
            Tables.TryGetValue(q, out var t) ? t : Sqlite ? Tables.Values.FirstOrDefault(x => x.Name.Name.Equals(q.Name, StringComparison.OrdinalIgnoreCase) && x.Name.Schema.Equals(q.Schema, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>
    /// The columns of the query in tokens [start, end) at level <paramref name="depth"/>: names from the first branch of a
    /// UNION, INTERSECT or EXCEPT, nullable when any branch is, the type kept when every branch agrees.
    /// </summary>
    private static List<FieldShape> QueryFields(QueryContext ctx, int start, int end, int depth)
    {
        var c = ctx.C;
        var branches = new List<(int Start, int End)>();
        var branchStart = start;
        for (var i = start; i < end; i++)
        {
            if (ctx.DepthAt[i] != depth || !c.IsAnyWordAt(i, "union", "intersect", "except")) continue;
            branches.Add((branchStart, i));
            branchStart = i + 1;
            if (c.IsAnyWordAt(branchStart, "all", "distinct")) branchStart++;
        }
        branches.Add((branchStart, end));
        var fields = BranchFields(ctx, branches[0].Start, branches[0].End, depth);
        foreach (var (bs, be) in branches.Skip(1))
        {
            var other = BranchFields(ctx, bs, be, depth);
            for (var k = 0; k < fields.Count; k++)
            {
                // PostgreSQL resolves the branches to one type: a branch of unknown type (a NULL) takes the others'; numbers
                // widen; types that disagree otherwise are unknown here.
                var o = k < other.Count ? other[k] : null;
                var (mine, theirs) = (fields[k].Type, o?.Type);
                var type = mine == null ? theirs : theirs == null || theirs.Kind == mine.Kind ? mine
                    : NumericRank(Base(ctx, mine)?.Kind ?? TypeKind.Unknown) > 0 && NumericRank(Base(ctx, theirs)?.Kind ?? TypeKind.Unknown) > 0
                        ? Builtin(NumericRank(Base(ctx, mine)!.Kind) >= NumericRank(Base(ctx, theirs)!.Kind) ? Base(ctx, mine)!.Kind : Base(ctx, theirs)!.Kind)
                        : null;
                fields[k] = fields[k] with { Nullable = fields[k].Nullable || o == null || o.Nullable, Type = type };
            }
        }
        return fields;
    }

    /// <summary>The columns of one SELECT (or a parenthesized query) in tokens [start, end) at level <paramref name="depth"/>.</summary>
    private static List<FieldShape> BranchFields(QueryContext ctx, int start, int end, int depth)
    {
        if (start < end && ctx.C[start].Kind == TokenKind.LParen)
        {
            var selectHere = false;
            for (var i = start; i < end && !selectHere; i++) selectHere = ctx.DepthAt[i] == depth && ctx.C.IsWordAt(i, "select");
            if (!selectHere)
            {
                ctx.C.Pos = start;
                var close = ctx.C.SkipParens();
                return QueryFields(ctx, start + 1, close, depth + 1);
            }
        }
        var c = ctx.C;
        var depthAt = ctx.DepthAt;
        // The select list of the first SELECT at this level (a WITH's queries are deeper, a UNION's later branches take the
        // first branch's names).
        var select = -1;
        for (var i = start; i < end; i++)
        {
            if (depthAt[i] == depth && c.IsWordAt(i, "select"))
            {
                select = i;
                break;
            }
        }
        if (select < 0) return [];
        var from = -1;
        var stop = end;
        for (var i = select + 1; i < end; i++)
        {
            if (depthAt[i] != depth) continue;
            if (from < 0 && c.IsWordAt(i, "from")) from = i;
            else if (c[i].Kind == TokenKind.Semicolon || (c[i].Kind == TokenKind.Word && ClauseEnd.Contains(TokenCursor.FoldCase(c.Span(c[i])))))
            {
                stop = i;
                break;
            }
        }
        var listStart = select + 1;
        if (c.IsWordAt(listStart, "all")) listStart++;
        else if (c.IsWordAt(listStart, "distinct"))
        {
            listStart++;
            if (c.IsWordAt(listStart, "on") && listStart + 1 < end && c[listStart + 1].Kind == TokenKind.LParen)
            {
                c.Pos = listStart + 1;
                c.SkipParens();
                listStart = c.Pos;
            }
        }
        var sources = from >= 0 ? FromSources(ctx, from + 1, stop, depth) : [];
        var fields = new List<FieldShape>();
        foreach (var (s, e) in SplitAtDepth(ctx, listStart, from >= 0 ? from : stop, depth)) fields.AddRange(Item(ctx, s, e, sources));
        return fields;
    }

    private static List<(int Start, int End)> SplitAtDepth(QueryContext ctx, int start, int end, int depth)
    {
        var parts = new List<(int, int)>();
        var s = start;
        for (var i = start; i < end; i++)
        {
            if (ctx.DepthAt[i] == depth && ctx.C[i].Kind == TokenKind.Comma)
            {
                parts.Add((s, i));
                s = i + 1;
            }
        }
        if (s < end) parts.Add((s, end));
        return parts;
    }

    private static int[] Depths(List<Token> tokens)
    {
        var depths = new int[tokens.Count];
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            depths[i] = depth;
            if (tokens[i].Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
        }
        return depths;
    }

    private sealed record Source(string Alias, IReadOnlyList<FieldShape>? Fields, bool Nullable);

    private static List<Source> FromSources(QueryContext ctx, int start, int end, int depth)
    {
        var c = ctx.C;
        var depthAt = ctx.DepthAt;
        var sources = new List<Source>();
        var expectTable = true;
        var outerSide = false;
        var anyRightOrFull = false;
        var i = start;
        while (i < end)
        {
            var t = c[i];
            if (depthAt[i] != depth)
            {
                i++;
                continue;
            }
            if (t.Kind == TokenKind.Comma)
            {
                expectTable = true;
                outerSide = false;
                i++;
                continue;
            }
            if (t.Kind == TokenKind.Word)
            {
                var word = TokenCursor.FoldCase(c.Span(t));
                if (word == "join")
                {
                    expectTable = true;
                    i++;
                    continue;
                }
                if (word is "left")
                {
                    outerSide = true;
                    i++;
                    continue;
                }
                if (word is "right" or "full")
                {
                    anyRightOrFull = true;
                    i++;
                    continue;
                }
                if (expectTable && word is "lateral" or "only")
                {
                    i++;
                    continue;
                }
            }
            if (!expectTable)
            {
                i++;
                continue;
            }
            expectTable = false;
            IReadOnlyList<FieldShape>? fields = null;
            string? name = null;
            if (t.Kind == TokenKind.LParen && !(c.IsWordAt(i + 1, "select") || c.IsWordAt(i + 1, "with") || c.IsWordAt(i + 1, "values")))
            {
                // A parenthesized join (the server prints every join so): its relations, as if written without them.
                c.Pos = i;
                var group = c.SkipParens();
                var inner = FromSources(ctx, i + 1, group, depth + 1);
                sources.AddRange(outerSide ? inner.Select(s => s with { Nullable = true }) : inner);
                outerSide = false;
                i = group + 1;
                continue;
            }
            if (t.Kind == TokenKind.LParen)
            {
                c.Pos = i;
                var close = c.SkipParens();
                fields = QueryFields(ctx, i + 1, close, depth + 1); // a subquery: its select list
                i = close + 1;
            }
            else if (t.Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                var parts = new List<string> { c.IdentifierValue(t) };
                i++;
                while (i + 1 < end && c[i].Kind == TokenKind.Dot && c[i + 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
                {
                    parts.Add(c.IdentifierValue(c[i + 1]));
                    i += 2;
                }
                if (i < end && c[i].Kind == TokenKind.LParen)
                {
                    c.Pos = i; // a function in FROM: its columns are not known
                    c.SkipParens();
                    i = c.Pos;
                }
                else
                {
                    name = parts[^1];
                    var candidates = parts.Count >= 2
                        ? [new QualifiedName(parts[^2], parts[^1])]
                        : new[] { new QualifiedName(ctx.ViewSchema, parts[0]), new QualifiedName(ctx.DefaultSchema, parts[0]) };
                    foreach (var q in candidates)
                    {
                        if (ctx.FindTable(q) is { } table)
                        {
                            fields = FromTable(table, []).Fields;
                            break;
                        }
                        if (ctx.ViewShape(q) is { } v)
                        {
                            fields = v.Fields;
                            break;
                        }
                    }
                }
            }
            else
            {
                i++;
            }
            var alias = name;
            if (i < end && c.IsWordAt(i, "as")) i++;
            if (i < end && c[i].Kind is TokenKind.Word or TokenKind.QuotedIdentifier && !(c[i].Kind == TokenKind.Word && NotAlias.Contains(TokenCursor.FoldCase(c.Span(c[i])))))
            {
                alias = c.IdentifierValue(c[i]);
                i++;
                if (i < end && c[i].Kind == TokenKind.LParen)
                {
                    c.Pos = i; // column aliases rename the source's columns: not followed
                    c.SkipParens();
                    i = c.Pos;
                    fields = null;
                }
            }
            sources.Add(new Source(alias ?? string.Empty, fields, outerSide));
            outerSide = false;
        }
        if (anyRightOrFull) sources = sources.Select(s => s with { Nullable = true }).ToList();
        return sources;
    }

    private static IEnumerable<FieldShape> Item(QueryContext ctx, int s, int e, List<Source> sources)
    {
        var c = ctx.C;
        if (s >= e) yield break;
        // * and alias.*
        // A column named twice can only come from JOIN ... USING or NATURAL JOIN (a view refuses any other duplicate), where
        // it is one column.
        var seen = new HashSet<string>(ctx.Sqlite ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (e - s == 1 && c[s].Kind == TokenKind.Operator && c.Span(c[s]).SequenceEqual("*"))
        {
            foreach (var src in sources)
            {
                if (src.Fields == null) ctx.Incomplete = true;
                foreach (var f in src.Fields ?? []) if (seen.Add(f.Name)) yield return f with { Nullable = f.Nullable || src.Nullable };
            }
            yield break;
        }
        if (e - s == 3 && c[s + 1].Kind == TokenKind.Dot && c.Span(c[s + 2]).SequenceEqual("*"))
        {
            var alias = c.IdentifierValue(c[s]);
            var found = false;
            foreach (var src in sources.Where(x => x.Alias.Equals(alias, ctx.Names)))
            {
                found = true;
                if (src.Fields == null) ctx.Incomplete = true;
                foreach (var f in src.Fields ?? []) if (seen.Add(f.Name)) yield return f with { Nullable = f.Nullable || src.Nullable };
            }
            if (!found) ctx.Incomplete = true;
            yield break;
        }
        string? name = null;
        var exprEnd = e;
        if (e - s >= 3 && c.IsWordAt(e - 2, "as") && c[e - 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            name = c.IdentifierValue(c[e - 1]);
            exprEnd = e - 2;
        }
        else if (e - s >= 2 && c[e - 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier && !EndsInCastType(ctx, s, e)
                 && c[e - 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier or TokenKind.RParen or TokenKind.Number or TokenKind.String
                 && !(c[e - 1].Kind == TokenKind.Word && c.IsAnyWordAt(e - 1, "end", "null", "true", "false"))
                 && !(c[e - 2].Kind == TokenKind.Word && c.IsAnyWordAt(e - 2, "distinct", "is", "not", "and", "or", "else", "then", "when", "case")))
        {
            name = c.IdentifierValue(c[e - 1]);
            exprEnd = e - 1;
        }
        var typed = Expr(ctx, s, exprEnd, sources);
        yield return new FieldShape(name ?? typed.Name ?? Unnamed(c, s, exprEnd), typed.Type, typed.Nullable, true, true, typed.Comment);
    }

    /// <summary>Whether tokens [s, e) end in <c>::type</c> whose name runs to the end (double precision, timestamp with time zone).</summary>
    private static bool EndsInCastType(QueryContext ctx, int s, int e)
    {
        var depth = ctx.DepthAt[s];
        for (var i = e - 1; i > s; i--)
        {
            if (ctx.DepthAt[i] != depth) continue;
            if (ctx.C[i].Kind == TokenKind.DoubleColon)
            {
                try
                {
                    var sub = ctx.C.Sub(i + 1, e);
                    PostgresTypeMapper.Parse(sub, _ => null, out _);
                    return sub.Pos >= e;
                }
                catch (ParseException)
                {
                    return false;
                }
            }
            if (ctx.C[i].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier or TokenKind.LParen or TokenKind.RParen or TokenKind.Number or TokenKind.Comma or TokenKind.Dot or TokenKind.LBracket or TokenKind.RBracket)) return false;
        }
        return false;
    }

    private sealed record Typed(DataType? Type, bool Nullable, string? Name = null, string? Comment = null)
    {
        public static readonly Typed Unknown = new(null, true);
    }

    private static DataType Builtin(TypeKind kind) => kind switch
    {
        TypeKind.SmallInt => new DataType(kind, "smallint"),
        TypeKind.Integer => new DataType(kind, "integer"),
        TypeKind.BigInt => new DataType(kind, "bigint"),
        TypeKind.Decimal => new DataType(kind, "numeric"),
        TypeKind.Real => new DataType(kind, "real"),
        TypeKind.Double => new DataType(kind, "double precision"),
        TypeKind.Boolean => new DataType(kind, "boolean"),
        TypeKind.Text => new DataType(kind, "text"),
        TypeKind.Date => new DataType(kind, "date"),
        TypeKind.Interval => new DataType(kind, "interval"),
        TypeKind.Jsonb => new DataType(kind, "jsonb"),
        TypeKind.Json => new DataType(kind, "json"),
        TypeKind.Money => new DataType(kind, "money"),
        _ => new DataType(kind, kind.ToString().ToLowerInvariant()),
    };

    private static int NumericRank(TypeKind k) => k switch
    {
        TypeKind.SmallInt => 1,
        TypeKind.Integer => 2,
        TypeKind.BigInt => 3,
        TypeKind.Decimal => 4,
        TypeKind.Real => 5,
        TypeKind.Double => 6,
        _ => 0,
    };

    /// <summary>The type underneath domains, for arithmetic and aggregates.</summary>
    private static DataType? Base(QueryContext ctx, DataType? t)
    {
        for (var guard = 0; t != null && guard < 16 && t.Kind == TypeKind.Domain && t.UserType is { } q; guard++)
        {
            t = ctx.Model.Domains.FirstOrDefault(d => d.Name == q)?.BaseType;
        }
        return t;
    }

    /// <summary>The type of the expression in tokens [s, e): what an offline reader can tell, else unknown.</summary>
    private static Typed Expr(QueryContext ctx, int s, int e, List<Source> sources)
    {
        var c = ctx.C;
        if (s >= e) return Typed.Unknown;
        var depth = ctx.DepthAt[s];
        // (expr) and (SELECT ...)
        if (c[s].Kind == TokenKind.LParen)
        {
            c.Pos = s;
            if (c.SkipParens() == e - 1)
            {
                if (c.IsWordAt(s + 1, "select"))
                {
                    var inner = QueryFields(ctx, s + 1, e - 1, depth + 1);
                    return inner.Count == 1 ? new Typed(inner[0].Type, true, inner[0].Name) : Typed.Unknown;
                }
                return Expr(ctx, s + 1, e - 1, sources);
            }
        }
        // boolean operators and comparisons at this level, then arithmetic, then a trailing cast
        int caseDepth = 0, lastAdd = -1, lastMul = -1, lastCast = -1, lastConcat = -1;
        var boolean = false;
        for (var i = s; i < e; i++)
        {
            if (ctx.DepthAt[i] != depth) continue;
            var t = c[i];
            if (t.Kind == TokenKind.Word)
            {
                if (c.IsWordAt(i, "case")) caseDepth++;
                else if (c.IsWordAt(i, "end")) caseDepth--;
                else if (caseDepth == 0 && c.IsAnyWordAt(i, "and", "or", "not", "is", "in", "like", "ilike", "between", "exists", "similar")) boolean = true;
                continue;
            }
            if (caseDepth != 0) continue;
            if (t.Kind == TokenKind.DoubleColon) lastCast = i;
            if (t.Kind != TokenKind.Operator) continue;
            var op = c.Span(t);
            if (op is "=" or "<" or ">" or "<=" or ">=" or "<>" or "!=" or "~" or "~*" or "!~" or "!~*" or "@>" or "<@" or "&&" or "?") boolean = true;
            else if (op is "||") lastConcat = i;
            else if (op is "+" or "-" && i > s && !(c[i - 1].Kind is TokenKind.Operator or TokenKind.LParen or TokenKind.Comma)) lastAdd = i;
            else if (op is "*" or "/" or "%" && i > s) lastMul = i;
        }
        if (boolean)
        {
            return new Typed(Builtin(TypeKind.Boolean), true);
        }
        if (lastConcat > s)
        {
            var left = Expr(ctx, s, lastConcat, sources);
            var right = Expr(ctx, lastConcat + 1, e, sources);
            var arrays = left.Type?.Kind == TypeKind.Array ? left.Type : right.Type?.Kind == TypeKind.Array ? right.Type : null;
            return new Typed(arrays ?? Builtin(TypeKind.Text), left.Nullable || right.Nullable);
        }
        if (lastAdd > s || lastMul > s)
        {
            var at = lastAdd > s ? lastAdd : lastMul;
            var left = Expr(ctx, s, at, sources);
            var right = Expr(ctx, at + 1, e, sources);
            return new Typed(Arithmetic(ctx, left.Type, right.Type, c.Span(c[at]).ToString()), left.Nullable || right.Nullable);
        }
        if (lastCast > s)
        {
            var operand = Expr(ctx, s, lastCast, sources);
            var type = TryType(c, lastCast + 1, e, ctx.Model);
            return new Typed(type, operand.Nullable, operand.Name);
        }
        if (e - s == 1)
        {
            var t = c[s];
            if (t.Kind == TokenKind.Number)
            {
                var text = c.Span(t);
                return new Typed(Builtin(text.ContainsAny(".eE") ? TypeKind.Decimal : TypeKind.Integer), false);
            }
            if (t.Kind == TokenKind.String) return new Typed(Builtin(TypeKind.Text), false);
            if (t.Kind == TokenKind.Word && c.IsAnyWordAt(s, "true", "false")) return new Typed(Builtin(TypeKind.Boolean), false);
            if (t.Kind == TokenKind.Word && c.IsWordAt(s, "null")) return Typed.Unknown;
            if (t.Kind == TokenKind.Word && c.IsWordAt(s, "current_date")) return new Typed(Builtin(TypeKind.Date), false);
            if (t.Kind == TokenKind.Word && c.IsAnyWordAt(s, "current_timestamp", "now")) return new Typed(new DataType(TypeKind.Timestamp, "timestamp with time zone", WithTimeZone: true), false);
            if (t.Kind == TokenKind.Word && c.IsWordAt(s, "localtimestamp")) return new Typed(new DataType(TypeKind.Timestamp, "timestamp without time zone"), false);
        }
        // a typed literal: interval '1 day', date '2024-01-01'
        if (e - s == 2 && c[s].Kind == TokenKind.Word && c[s + 1].Kind == TokenKind.String && TryType(c, s, s + 1, ctx.Model) is { } literal)
        {
            return new Typed(literal, false);
        }
        // a column: col or alias.col
        if ((e - s == 1 && c[s].Kind is TokenKind.Word or TokenKind.QuotedIdentifier) || (e - s == 3 && c[s + 1].Kind == TokenKind.Dot && c[s].Kind is TokenKind.Word or TokenKind.QuotedIdentifier && c[s + 2].Kind is TokenKind.Word or TokenKind.QuotedIdentifier))
        {
            var column = c.IdentifierValue(c[e - 1]);
            var alias = e - s == 3 ? c.IdentifierValue(c[s]) : null;
            var matches = sources.Where(x => alias == null || x.Alias.Equals(alias, ctx.Names))
                .SelectMany(x => (x.Fields ?? []).Where(f => f.Name.Equals(column, ctx.Names)).Select(f => f with { Nullable = f.Nullable || x.Nullable }))
                .ToList();
            return matches.Count == 1 ? new Typed(matches[0].Type, matches[0].Nullable, column, matches[0].Comment) : new Typed(null, true, column);
        }
        // CASE ... END: the type of its first result; null unless every branch and an ELSE say otherwise
        if (c.IsWordAt(s, "case") && c.IsWordAt(e - 1, "end")) return Case(ctx, s, e, sources) with { Name = "case" };
        if (c.IsWordAt(s, "cast") && s + 1 < e && c[s + 1].Kind == TokenKind.LParen)
        {
            c.Pos = s + 1;
            if (c.SkipParens() == e - 1)
            {
                for (var i = e - 2; i > s + 1; i--)
                {
                    if (ctx.DepthAt[i] == depth + 1 && c.IsWordAt(i, "as"))
                    {
                        var operand = Expr(ctx, s + 2, i, sources);
                        return new Typed(TryType(c, i + 1, e - 1, ctx.Model), operand.Nullable, operand.Name);
                    }
                }
            }
        }
        // name(args) [FILTER (...)] [OVER (...)]
        if (c[s].Kind == TokenKind.Word && s + 1 < e && c[s + 1].Kind == TokenKind.LParen)
        {
            c.Pos = s + 1;
            var close = c.SkipParens();
            var after = close + 1;
            if (after < e && c.IsWordAt(after, "filter") && after + 1 < e && c[after + 1].Kind == TokenKind.LParen)
            {
                c.Pos = after + 1;
                after = c.SkipParens() + 1;
            }
            var window = false;
            if (after < e && c.IsWordAt(after, "over"))
            {
                window = true;
                after++;
                if (after < e && c[after].Kind == TokenKind.LParen)
                {
                    c.Pos = after;
                    after = c.SkipParens() + 1;
                }
                else after++;
            }
            if (after == e) return Function(ctx, TokenCursor.FoldCase(c.Span(c[s])), SplitAtDepth(ctx, s + 2, close, depth + 1), sources, window);
        }
        return Typed.Unknown;
    }

    private static Typed Case(QueryContext ctx, int s, int e, List<Source> sources)
    {
        var c = ctx.C;
        var depth = ctx.DepthAt[s];
        var nested = 0;
        var results = new List<(int Start, int End)>();
        var resultStart = -1;
        var hasElse = false;
        for (var i = s + 1; i < e; i++)
        {
            if (ctx.DepthAt[i] != depth || c[i].Kind != TokenKind.Word) continue;
            if (c.IsWordAt(i, "case")) { nested++; continue; }
            if (c.IsWordAt(i, "end") && nested > 0) { nested--; continue; }
            if (nested > 0) continue;
            if (c.IsAnyWordAt(i, "when", "else", "end") && resultStart >= 0)
            {
                results.Add((resultStart, i));
                resultStart = -1;
            }
            if (c.IsWordAt(i, "then")) resultStart = i + 1;
            else if (c.IsWordAt(i, "else"))
            {
                hasElse = true;
                resultStart = i + 1;
            }
        }
        var typed = results.Select(r => Expr(ctx, r.Start, r.End, sources)).ToList();
        var type = typed.FirstOrDefault(t => t.Type != null)?.Type;
        return new Typed(type, !hasElse || typed.Any(t => t.Nullable));
    }

    private static DataType? Arithmetic(QueryContext ctx, DataType? left, DataType? right, string op)
    {
        left = Base(ctx, left);
        right = Base(ctx, right);
        if (left == null || right == null) return null;
        var (lk, rk) = (left.Kind, right.Kind);
        if (lk == TypeKind.Timestamp && rk == TypeKind.Timestamp && op == "-") return Builtin(TypeKind.Interval);
        if (lk == TypeKind.Timestamp && rk == TypeKind.Interval) return left;
        if (lk == TypeKind.Date && rk == TypeKind.Date && op == "-") return Builtin(TypeKind.Integer);
        if (lk == TypeKind.Date && rk is TypeKind.Integer or TypeKind.SmallInt) return left;
        if (lk == TypeKind.Date && rk == TypeKind.Interval) return new DataType(TypeKind.Timestamp, "timestamp without time zone");
        if (lk == TypeKind.Interval && rk == TypeKind.Interval) return left;
        if (lk == TypeKind.Money || rk == TypeKind.Money) return Builtin(TypeKind.Money);
        var (lr, rr) = (NumericRank(lk), NumericRank(rk));
        if (lr == 0 || rr == 0) return null;
        var kind = lr >= rr ? lk : rk;
        return Builtin(kind);
    }

    private static Typed Function(QueryContext ctx, string name, List<(int Start, int End)> args, List<Source> sources, bool window)
    {
        Typed Arg(int i) => i < args.Count ? Expr(ctx, args[i].Start, args[i].End, sources) : Typed.Unknown;
        DataType? ArgBase(int i) => Base(ctx, Arg(i).Type);
        switch (name)
        {
            case "count":
            case "row_number":
            case "rank":
            case "dense_rank":
                return new Typed(Builtin(TypeKind.BigInt), false, name);
            case "sum":
            {
                var t = ArgBase(0);
                var kind = t?.Kind switch
                {
                    TypeKind.SmallInt or TypeKind.Integer => TypeKind.BigInt,
                    TypeKind.BigInt or TypeKind.Decimal => TypeKind.Decimal,
                    TypeKind.Real or TypeKind.Double or TypeKind.Money or TypeKind.Interval => t.Kind,
                    _ => TypeKind.Unknown,
                };
                return new Typed(kind == TypeKind.Unknown ? null : Builtin(kind), true, name);
            }
            case "avg":
            {
                var t = ArgBase(0);
                var kind = t?.Kind switch
                {
                    TypeKind.SmallInt or TypeKind.Integer or TypeKind.BigInt or TypeKind.Decimal => TypeKind.Decimal,
                    TypeKind.Real or TypeKind.Double => TypeKind.Double,
                    TypeKind.Interval => TypeKind.Interval,
                    _ => TypeKind.Unknown,
                };
                return new Typed(kind == TypeKind.Unknown ? null : Builtin(kind), true, name);
            }
            case "min":
            case "max":
            case "first_value":
            case "last_value":
            case "lag":
            case "lead":
                return new Typed(Arg(0).Type, true, name);
            case "coalesce":
            case "greatest":
            case "least":
            {
                // One type for all arguments: the widest number, else the first argument's; unknown when any is.
                var typed = args.Select((_, i) => Arg(i)).ToList();
                var nullable = name == "coalesce" ? typed.All(t => t.Nullable) : typed.Any(t => t.Nullable);
                if (typed.Count == 0 || typed.Any(t => t.Type == null)) return new Typed(null, nullable, name);
                var widest = typed.Select(t => t.Type!).MaxBy(t => NumericRank(Base(ctx, t)!.Kind))!;
                return new Typed(NumericRank(Base(ctx, widest)!.Kind) > 0 ? Base(ctx, widest) : typed[0].Type, nullable, name);
            }
            case "nullif":
                return new Typed(Arg(0).Type, true, name);
            case "round":
            case "trunc":
            {
                var t = ArgBase(0);
                var type = t?.Kind == TypeKind.Double && args.Count == 1 ? t : Builtin(TypeKind.Decimal);
                return new Typed(type, Arg(0).Nullable, name);
            }
            case "abs":
            case "ceil":
            case "ceiling":
            case "floor":
                return new Typed(Arg(0).Type, Arg(0).Nullable, name);
            case "lower":
            case "upper":
            case "trim":
            case "btrim":
            case "ltrim":
            case "rtrim":
            case "initcap":
            case "substring":
            case "substr":
            case "replace":
            case "left":
            case "right":
            case "lpad":
            case "rpad":
            case "md5":
            case "to_char":
                return new Typed(Builtin(TypeKind.Text), Arg(0).Nullable, name);
            case "concat":
            case "concat_ws":
            case "format":
                return new Typed(Builtin(TypeKind.Text), false, name);
            case "string_agg":
                return new Typed(Builtin(TypeKind.Text), true, name);
            case "length":
            case "char_length":
            case "octet_length":
                return new Typed(Builtin(TypeKind.Integer), Arg(0).Nullable, name);
            case "now":
            case "statement_timestamp":
            case "transaction_timestamp":
            case "clock_timestamp":
                return new Typed(new DataType(TypeKind.Timestamp, "timestamp with time zone", WithTimeZone: true), false, name);
            case "date_trunc":
            {
                var t = Arg(1);
                return new Typed(t.Type, t.Nullable, name);
            }
            case "date_part":
                return new Typed(Builtin(TypeKind.Double), true, name);
            case "extract":
                return new Typed(Builtin(TypeKind.Decimal), true, name);
            case "bool_and":
            case "bool_or":
            case "every":
                return new Typed(Builtin(TypeKind.Boolean), true, name);
            case "array_agg":
            {
                var t = Arg(0).Type;
                return new Typed(t == null || t.Kind == TypeKind.Array ? null : t with { Kind = TypeKind.Array, Text = t.Text + "[]", ArrayDimensions = 1 }, true, name);
            }
            case "json_agg":
            case "json_build_object":
            case "json_build_array":
            case "to_json":
            case "json_object_agg":
                return new Typed(Builtin(TypeKind.Json), name == "json_agg" || name == "json_object_agg", name);
            case "jsonb_agg":
            case "jsonb_build_object":
            case "jsonb_build_array":
            case "to_jsonb":
            case "jsonb_object_agg":
                return new Typed(Builtin(TypeKind.Jsonb), name == "jsonb_agg" || name == "jsonb_object_agg", name);
            case "gen_random_uuid":
                return new Typed(new DataType(TypeKind.Uuid, "uuid"), false, name);
            default:
                _ = window;
                return new Typed(null, true, name);
        }
    }

    /// <summary>The name PostgreSQL gives an expression column: a function's name, else ?column?.</summary>
    private static string Unnamed(TokenCursor c, int s, int e)
    {
        if (e - s >= 2 && c[s].Kind == TokenKind.Word && c[s + 1].Kind == TokenKind.LParen) return TokenCursor.FoldCase(c.Span(c[s]));
        return "?column?";
    }

    private static DataType? TryType(TokenCursor c, int start, int end, Database model)
    {
        try
        {
            var sub = c.Sub(start, end);
            var type = PostgresTypeMapper.Parse(sub, parts =>
            {
                var q = parts.Count >= 2 ? new QualifiedName(parts[^2], parts[^1]) : null;
                foreach (var en in model.Enums)
                {
                    if (q != null ? en.Name == q : en.Name.Name == parts[0]) return (en.Name, TypeKind.Enum);
                }
                foreach (var d in model.Domains)
                {
                    if (q != null ? d.Name == q : d.Name.Name == parts[0]) return (d.Name, TypeKind.Domain);
                }
                return null;
            }, out _);
            return sub.Pos == end ? type : null;
        }
        catch (ParseException)
        {
            return null;
        }
    }
}
