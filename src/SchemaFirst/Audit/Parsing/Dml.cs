namespace SchemaFirst.Audit.Parsing;

/// <summary>A name as written (1 to 3 parts), where it stands in the statement, and whether a part is built at run time.</summary>
internal sealed record NameRef(IReadOnlyList<string> Parts, int Offset, int Length, bool Dynamic = false)
{
    public string Last => Parts[^1];

    public override string ToString() => string.Join(".", Parts);
}

/// <summary>
/// Represents an expression as far as the audit needs it: the column references in it (with a trailing <c>*</c> for
/// <c>t.*</c>), the subqueries it holds, and whether it is exactly one column reference (which names a select item).
/// </summary>
internal sealed class Expr
{
    public List<NameRef> Columns { get; } = [];

    public List<NameRef> Stars { get; } = [];

    public List<QueryExpr> Queries { get; } = [];

    /// <summary>Expressions whose column references see only the relations of their own clause (a window's ORDER BY).</summary>
    public NameRef? Single { get; set; }

    /// <summary>The name of a function call when the expression is exactly one (PostgreSQL names the column after it).</summary>
    public string? Function { get; set; }

    public int Offset { get; set; }

    public bool IsDefault { get; set; }

    /// <summary>The expression is only a part built at run time that may stand for SQL text (several values, a list).</summary>
    public bool TextHole { get; set; }

    public void Add(Expr other)
    {
        Columns.AddRange(other.Columns);
        Stars.AddRange(other.Stars);
        Queries.AddRange(other.Queries);
    }
}

internal sealed record SelectItem(Expr? Expr, string? Alias, NameRef? Star, int Offset);

internal sealed record SetItem(IReadOnlyList<NameRef> Columns, Expr Value);

internal sealed record Cte(string Name, IReadOnlyList<string>? Columns, Statement Body, int Offset)
{
    /// <summary>Columns SEARCH ... SET and CYCLE ... SET ... USING add to the CTE's own.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];
}

internal sealed record WithClause(bool Recursive, IReadOnlyList<Cte> Ctes);

internal abstract class QueryExpr
{
    public WithClause? With { get; set; }

    public List<Expr> OrderBy { get; } = [];

    public List<Expr> Tail { get; } = [];
}

internal sealed class SelectQuery : QueryExpr
{
    public List<SelectItem> Items { get; } = [];

    public List<FromItem> From { get; } = [];

    public List<Expr> Clauses { get; } = [];

    /// <summary>GROUP BY and HAVING, which may also name select-list aliases (MySQL, SQLite; PostgreSQL in GROUP BY).</summary>
    public List<Expr> Grouping { get; } = [];

    public List<Expr> Windows { get; } = [];
}

internal sealed class SetQuery(QueryExpr left, QueryExpr right) : QueryExpr
{
    public QueryExpr Left { get; } = left;

    public QueryExpr Right { get; } = right;
}

internal sealed class ValuesQuery : QueryExpr
{
    public List<List<Expr>> Rows { get; } = [];
}

internal abstract record FromItem;

internal sealed record TableFrom(NameRef Name, string? Alias, IReadOnlyList<string>? ColumnAliases) : FromItem;

internal sealed record SubqueryFrom(QueryExpr Query, string? Alias, IReadOnlyList<string>? ColumnAliases, bool Lateral) : FromItem;

internal sealed record FunctionFrom(Expr Call, string Function, string? Alias, IReadOnlyList<string>? ColumnAliases) : FromItem;

internal sealed record JoinFrom(FromItem Left, FromItem Right, Expr? On, IReadOnlyList<NameRef>? Using, bool Natural) : FromItem;

internal abstract class Statement
{
    public WithClause? With { get; set; }

    public int Offset { get; set; }

    public int End { get; set; }

    /// <summary>Parts built at run time stand where SQL text goes: names not found may come from them.</summary>
    public bool Open { get; set; }
}

internal sealed class QueryStatement(QueryExpr query) : Statement
{
    public QueryExpr Query { get; } = query;
}

internal sealed class OnConflict
{
    public List<NameRef> Columns { get; } = [];

    public bool HasExpressions { get; set; }

    public Expr? TargetWhere { get; set; }

    public NameRef? Constraint { get; set; }

    public List<SetItem>? Update { get; set; }

    public Expr? Where { get; set; }

    public int Offset { get; set; }
}

internal sealed class InsertStatement : Statement
{
    public required NameRef Target { get; init; }

    public string? Alias { get; set; }

    public List<NameRef>? Columns { get; set; }

    public QueryExpr? Source { get; set; }

    public bool DefaultValues { get; set; }

    public bool OverridingSystem { get; set; }

    /// <summary>OVERRIDING SYSTEM or USER VALUE: values given for an identity GENERATED ALWAYS are allowed.</summary>
    public bool Overriding { get; set; }

    public OnConflict? Conflict { get; set; }

    /// <summary>MySQL's ON DUPLICATE KEY UPDATE, or INSERT ... SET.</summary>
    public List<SetItem> Sets { get; } = [];

    public bool SetForm { get; set; }

    public string? RowAlias { get; set; }

    public List<SelectItem> Returning { get; } = [];
}

internal sealed class UpdateStatement : Statement
{
    public required FromItem Target { get; init; }

    public List<SetItem> Set { get; } = [];

    public List<FromItem> From { get; } = [];

    public List<Expr> Clauses { get; } = [];

    public List<SelectItem> Returning { get; } = [];
}

internal sealed class DeleteStatement : Statement
{
    public required FromItem Target { get; init; }

    /// <summary>MySQL's DELETE t1, t2 FROM ...: the aliases whose rows go.</summary>
    public List<NameRef> Targets { get; } = [];

    public List<FromItem> Using { get; } = [];

    public List<Expr> Clauses { get; } = [];

    public List<SelectItem> Returning { get; } = [];
}

internal sealed record MergeWhen(bool Matched, Expr? Condition, List<SetItem>? Update, bool Delete, List<NameRef>? InsertColumns, List<Expr>? InsertValues, bool InsertDefault, int Offset);

internal sealed class MergeStatement : Statement
{
    public required TableFrom Target { get; init; }

    public required FromItem Source { get; init; }

    public required Expr On { get; init; }

    public List<MergeWhen> Whens { get; } = [];

    public List<SelectItem> Returning { get; } = [];
}

internal sealed class TruncateStatement : Statement
{
    public List<NameRef> Tables { get; } = [];

    public bool Cascade { get; set; }
}

internal sealed class CopyStatement : Statement
{
    public NameRef? Table { get; set; }

    public List<NameRef>? Columns { get; set; }

    public QueryExpr? Query { get; set; }
}
