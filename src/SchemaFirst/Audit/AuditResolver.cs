using SchemaFirst.Audit.Extraction;
using SchemaFirst.Audit.Parsing;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Seeding;

namespace SchemaFirst.Audit;

/// <summary>
/// Checks one parsed statement against the schema, as the database would when it plans it: every table and view named
/// exists (CTEs shadow tables), every column reference resolves to exactly one relation of its query or an enclosing
/// one (aliases, JOIN USING, derived tables, select-list names in ORDER BY and GROUP BY, RETURNING, EXCLUDED), and the
/// writes fit: INSERT gives every required column, the right number of values and no generated column; ON CONFLICT
/// names a unique key; TRUNCATE does not empty a table others reference. What cannot be known offline (a table name
/// built at run time, a function's result columns) is left unchecked, never guessed.
/// </summary>
internal sealed partial class AuditResolver
{
    private readonly AuditSchema _schema;
    private readonly SqlSnippet _snippet;
    private readonly string _statementText;
    private readonly List<AuditFinding> _findings;
    private readonly StringComparer _cmp;

    private readonly bool _open;
    private readonly IReadOnlySet<string> _programTables;

    private AuditResolver(AuditSchema schema, SqlSnippet snippet, string statementText, List<AuditFinding> findings, bool open, IReadOnlySet<string> programTables)
    {
        _open = open;
        _programTables = programTables;
        _schema = schema;
        _snippet = snippet;
        _statementText = statementText;
        _findings = findings;
        _cmp = schema.Comparer;
    }

    /// <summary>Whether the statement named a relation whose columns could not be known (reported in the summary).</summary>
    public bool Partial { get; private set; }

    /// <param name="programTables">Tables the program creates itself (CREATE TEMP TABLE in the same file): their columns are not known.</param>
    public static bool Check(Statement statement, AuditSchema schema, SqlSnippet snippet, string statementText, List<AuditFinding> findings, IReadOnlySet<string>? programTables = null)
    {
        var r = new AuditResolver(schema, snippet, statementText, findings, statement.Open, programTables ?? new HashSet<string>());
        r.Partial = statement.Open;
        r.CheckStatement(statement, null, null);
        return r.Partial;
    }

    private sealed class Rel(string? alias, RelationDef? def, List<string>? columns, string display)
    {
        public string? Alias { get; } = alias;

        public RelationDef? Def { get; } = def;

        /// <summary>The columns; null when they cannot be known (a function's result, a run-time name, a catalog).</summary>
        public List<string>? Columns { get; } = columns;

        public string Display { get; } = display;
    }

    private sealed class Scope(Scope? parent)
    {
        public Scope? Parent { get; } = parent;

        public List<Rel> Rels { get; } = [];

        public HashSet<string> Merged { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> OutputNames { get; } = [];
    }

    private sealed class CteEnv(CteEnv? parent, StringComparer cmp)
    {
        public CteEnv? Parent { get; } = parent;

        public Dictionary<string, List<string>?> Ctes { get; } = new(cmp);

        public bool TryFind(string name, out List<string>? columns)
        {
            for (var e = this; e != null; e = e.Parent)
            {
                if (e.Ctes.TryGetValue(name, out columns)) return true;
            }
            columns = null;
            return false;
        }
    }

    private void Report(string code, Severity severity, int offset, int length, string message, string? help = null) =>
        _findings.Add(new AuditFinding(code, severity, message, _snippet.At(offset, length), help, _statementText));

    /// <summary>PostgreSQL's system columns, which every table has and no schema file declares.</summary>
    private static readonly HashSet<string> SystemColumns = ["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"];

    private bool IsSystemColumn(Rel rel, string name) => !_schema.CaseInsensitive && rel.Def is { IsView: false } && SystemColumns.Contains(name);

    private bool Has(List<string> columns, string name)
    {
        foreach (var c in columns)
        {
            if (_cmp.Equals(c, name)) return true;
        }
        return false;
    }

    // ---- statements ---------------------------------------------------------------------------------------------

    /// <summary>Checks a statement; returns the columns it outputs (a query's, or RETURNING's), null when unknown.</summary>
    private List<string>? CheckStatement(Statement s, Scope? outer, CteEnv? ctes)
    {
        if (s.With != null) ctes = With(s.With, outer, ctes);
        switch (s)
        {
            case QueryStatement q:
                return Query(q.Query, outer, ctes);
            case InsertStatement i:
                return Insert(i, outer, ctes);
            case UpdateStatement u:
                return Update(u, outer, ctes);
            case DeleteStatement d:
                return Delete(d, outer, ctes);
            case MergeStatement m:
                return Merge(m, outer, ctes);
            case TruncateStatement t:
                Truncate(t);
                return null;
            case CopyStatement c:
                Copy(c, ctes);
                return null;
        }
        return null;
    }

    private CteEnv With(WithClause with, Scope? outer, CteEnv? ctes)
    {
        var env = new CteEnv(ctes, _cmp);
        // WITH RECURSIVE lets a CTE read itself and the ones after it.
        if (with.Recursive)
        {
            foreach (var cte in with.Ctes) env.Ctes[cte.Name] = Plus(cte.Columns?.ToList() ?? ShallowNames(cte.Body), cte.Added);
        }
        foreach (var cte in with.Ctes)
        {
            var columns = CheckStatement(cte.Body, outer, env);
            env.Ctes[cte.Name] = Plus(cte.Columns is { } named ? named.ToList() : columns, cte.Added);
        }
        return env;
    }

    private static List<string>? Plus(List<string>? columns, IReadOnlyList<string> added) => columns == null || added.Count == 0 ? columns : [.. columns, .. added];

    /// <summary>The names a recursive CTE's first branch gives, before it is resolved (null when one is not plain).</summary>
    private static List<string>? ShallowNames(Statement body)
    {
        if (body is not QueryStatement { Query: var q }) return null;
        while (q is SetQuery set) q = set.Left;
        if (q is not SelectQuery select) return null;
        var names = new List<string>();
        foreach (var item in select.Items)
        {
            var name = item.Alias ?? item.Expr?.Single?.Last ?? item.Expr?.Function;
            if (name == null) return null;
            names.Add(name);
        }
        return names;
    }

    private List<string>? Query(QueryExpr q, Scope? outer, CteEnv? ctes)
    {
        if (q.With != null) ctes = With(q.With, outer, ctes);
        switch (q)
        {
            case SelectQuery s:
                return Select(s, outer, ctes);
            case SetQuery set:
            {
                var left = Query(set.Left, outer, ctes);
                Query(set.Right, outer, ctes);
                var scope = new Scope(outer);
                scope.Rels.Add(new Rel(null, null, left, "the query"));
                if (left != null) scope.OutputNames.AddRange(left);
                foreach (var e in set.OrderBy) Resolve(e, scope, ctes, outputNames: true);
                foreach (var e in set.Tail) Resolve(e, scope, ctes);
                return left;
            }
            case ValuesQuery v:
            {
                var scope = new Scope(outer);
                foreach (var row in v.Rows)
                {
                    foreach (var e in row) Resolve(e, scope, ctes);
                }
                foreach (var e in v.Tail) Resolve(e, scope, ctes);
                return Enumerable.Range(1, v.Rows.Count > 0 ? v.Rows[0].Count : 0).Select(i => "column" + i).ToList();
            }
        }
        return null;
    }

    private List<string>? Select(SelectQuery s, Scope? outer, CteEnv? ctes)
    {
        var scope = new Scope(outer);
        foreach (var f in s.From) AddFrom(f, scope, outer, ctes);
        var output = new List<string>();
        var known = true;
        foreach (var item in s.Items)
        {
            if (item.Star is { } star)
            {
                if (star.Parts.Count == 0)
                {
                    if (scope.Rels.Count == 0)
                    {
                        Report(AuditCodes.UnknownColumn, Severity.Error, star.Offset, 1, "SELECT * with no FROM clause");
                    }
                    foreach (var rel in scope.Rels)
                    {
                        if (rel.Columns == null) known = false;
                        else output.AddRange(rel.Columns);
                    }
                }
                else if (FindRel(star.Parts, scope, star, out var rel))
                {
                    if (rel!.Columns == null) known = false;
                    else output.AddRange(rel.Columns);
                }
                else known = false;
                continue;
            }
            Resolve(item.Expr!, scope, ctes);
            var name = item.Alias ?? item.Expr!.Single?.Last ?? item.Expr.Function;
            if (name == null) known = false;
            else output.Add(name);
        }
        foreach (var e in s.Clauses) Resolve(e, scope, ctes);
        scope.OutputNames.AddRange(output);
        scope.OutputNames.AddRange(s.Items.Where(i => i.Alias != null).Select(i => i.Alias!));
        foreach (var e in s.Grouping) Resolve(e, scope, ctes, outputNames: true);
        foreach (var e in s.Windows) Resolve(e, scope, ctes);
        foreach (var e in s.OrderBy) Resolve(e, scope, ctes, outputNames: true);
        foreach (var e in s.Tail) Resolve(e, scope, ctes);
        return known ? output : null;
    }

    // ---- FROM ---------------------------------------------------------------------------------------------------

    private void AddFrom(FromItem item, Scope scope, Scope? outer, CteEnv? ctes)
    {
        switch (item)
        {
            case TableFrom t:
                scope.Rels.Add(TableRel(t, ctes));
                return;
            case SubqueryFrom sq:
            {
                var columns = Query(sq.Query, sq.Lateral ? scope : outer, ctes);
                scope.Rels.Add(new Rel(sq.Alias, null, Rename(columns, sq.ColumnAliases), sq.Alias ?? "the subquery"));
                return;
            }
            case FunctionFrom fn:
                // A function in FROM sees the items before it (PostgreSQL makes it LATERAL).
                Resolve(fn.Call, scope, ctes);
                Partial |= fn.ColumnAliases == null;
                scope.Rels.Add(new Rel(fn.Alias ?? fn.Function.Split('.')[^1], null, fn.ColumnAliases?.ToList(), fn.Function + "()"));
                return;
            case JoinFrom j:
            {
                var before = scope.Rels.Count;
                AddFrom(j.Left, scope, outer, ctes);
                var middle = scope.Rels.Count;
                AddFrom(j.Right, scope, outer, ctes);
                var left = scope.Rels.GetRange(before, middle - before);
                var right = scope.Rels.GetRange(middle, scope.Rels.Count - middle);
                if (j.Using != null)
                {
                    foreach (var u in j.Using)
                    {
                        CheckUsing(u, left, "left");
                        CheckUsing(u, right, "right");
                        scope.Merged.Add(u.Last);
                    }
                }
                if (j.Natural)
                {
                    foreach (var l in left.Where(r => r.Columns != null).SelectMany(r => r.Columns!))
                    {
                        if (right.Any(r => r.Columns != null && Has(r.Columns, l))) scope.Merged.Add(l);
                    }
                }
                if (j.On != null) Resolve(j.On, scope, ctes);
                return;
            }
        }
    }

    private void CheckUsing(NameRef u, List<Rel> side, string which)
    {
        if (side.Any(r => r.Columns == null || Has(r.Columns, u.Last))) return;
        var candidates = side.SelectMany(r => r.Columns!).Distinct().ToList();
        Report(AuditCodes.UnknownColumn, Severity.Error, u.Offset, u.Length,
            $"JOIN USING ({u.Last}): the {which} side ({string.Join(", ", side.Select(r => r.Display))}) has no column {u.Last}",
            Suggest(u.Last, candidates));
    }

    private static List<string>? Rename(List<string>? columns, IReadOnlyList<string>? aliases)
    {
        if (aliases == null) return columns;
        if (columns == null) return aliases.ToList();
        var renamed = columns.ToList();
        for (var i = 0; i < aliases.Count && i < renamed.Count; i++) renamed[i] = aliases[i];
        return renamed;
    }

    private Rel TableRel(TableFrom t, CteEnv? ctes)
    {
        var alias = t.Alias ?? t.Name.Last;
        if (t.Name.Dynamic)
        {
            Partial = true;
            return new Rel(alias, null, null, t.Name.ToString());
        }
        if (t.Name.Parts.Count == 1 && ctes != null && ctes.TryFind(t.Name.Last, out var cteColumns))
        {
            return new Rel(alias, null, Rename(cteColumns, t.ColumnAliases), t.Name.Last);
        }
        var def = _schema.Find(t.Name.Parts);
        if (def == null)
        {
            if (_programTables.Contains(t.Name.Last)) Partial = true;
            else if (!_schema.IsSystem(t.Name.Parts)) UnknownRelation(t.Name);
            return new Rel(alias, null, null, t.Name.ToString());
        }
        if (def.Fields == null) Partial = true;
        return new Rel(alias, def, Rename(def.Fields?.Select(f => f.Name).ToList(), t.ColumnAliases), def.Display);
    }

    private void UnknownRelation(NameRef name)
    {
        var closest = SeedReader.Closest(name.Last, _schema.Names);
        Report(AuditCodes.UnknownTable, Severity.Error, name.Offset, name.Length, $"no table or view {name} in the schema",
            closest != null ? $"did you mean {closest}?" : "create it in the schema files, or correct the name");
    }

    private static string? Suggest(string name, IReadOnlyCollection<string> candidates)
    {
        var closest = SeedReader.Closest(name, candidates);
        if (closest != null) return $"did you mean {closest}?";
        if (candidates.Count == 0) return null;
        var shown = candidates.Take(12).ToList();
        return "its columns are " + string.Join(", ", shown) + (candidates.Count > shown.Count ? ", ..." : string.Empty);
    }

    // ---- expressions --------------------------------------------------------------------------------------------

    private void Resolve(Expr e, Scope scope, CteEnv? ctes, bool outputNames = false)
    {
        foreach (var c in e.Columns) Column(c, scope, outputNames);
        foreach (var s in e.Stars) FindRel(s.Parts, scope, s, out _);
        foreach (var q in e.Queries) Query(q, scope, ctes);
    }

    private void Column(NameRef r, Scope scope, bool outputNames)
    {
        if (r.Dynamic) return;
        var parts = r.Parts;
        if (parts.Count == 1)
        {
            var name = parts[0];
            if (outputNames && scope.OutputNames.Any(n => _cmp.Equals(n, name))) return;
            for (var s = scope; s != null; s = s.Parent)
            {
                Rel? match = null;
                var count = 0;
                var open = false;
                foreach (var rel in s.Rels)
                {
                    if (rel.Columns == null)
                    {
                        open = true;
                        continue;
                    }
                    if (Has(rel.Columns, name))
                    {
                        match ??= rel;
                        count++;
                    }
                    else if (IsSystemColumn(rel, name)) open = true;
                }
                if (count > 1 && !s.Merged.Contains(name))
                {
                    var holders = s.Rels.Where(rel => rel.Columns != null && Has(rel.Columns, name)).Select(rel => rel.Alias ?? rel.Display);
                    Report(AuditCodes.AmbiguousColumn, Severity.Error, r.Offset, r.Length, $"column {name} is ambiguous: {string.Join(" and ", holders)} both have it",
                        $"qualify it ({string.Join(" or ", holders.Select(h => h + "." + name))})");
                    return;
                }
                if (count >= 1 || open) return;
                // A whole-row reference to a relation (SELECT t FROM t, row_to_json(t)).
                if (s.Rels.Any(rel => rel.Alias != null && _cmp.Equals(rel.Alias, name))) return;
            }
            if (_open) return; // the FROM clause or a condition was built at run time: the name may come from there
            var visible = scope.Rels.Where(rel => rel.Columns != null).ToList();
            var candidates = visible.SelectMany(rel => rel.Columns!).Distinct(_cmp).ToList();
            var where = visible.Count == 0 ? "the query reads no table" : "not in " + string.Join(", ", visible.Select(rel => rel.Display).Distinct());
            Report(AuditCodes.UnknownColumn, Severity.Error, r.Offset, r.Length, $"no column {name}: {where}", Suggest(name, candidates));
            return;
        }
        if (!FindRel(parts.Take(parts.Count - 1).ToList(), scope, r, out var found)) return;
        if (found!.Columns == null || Has(found.Columns, parts[^1]) || IsSystemColumn(found, parts[^1])) return;
        Report(AuditCodes.UnknownColumn, Severity.Error, r.Offset, r.Length, $"no column {parts[^1]} in {found.Display}" + (found.Alias != null && !_cmp.Equals(found.Alias, found.Display.Split('.')[^1]) ? $" (alias {found.Alias})" : string.Empty),
            Suggest(parts[^1], found.Columns));
    }

    /// <summary>
    /// Finds the relation a qualifier names (alias, or table name with its schema) in the scope or an enclosing one;
    /// reports it when none does and the qualifier is not a column (a composite value's field).
    /// </summary>
    private bool FindRel(IReadOnlyList<string> qualifier, Scope scope, NameRef at, out Rel? found)
    {
        found = null;
        var name = qualifier[^1];
        for (var s = scope; s != null; s = s.Parent)
        {
            foreach (var rel in s.Rels)
            {
                if (rel.Alias == null || !_cmp.Equals(rel.Alias, name)) continue;
                if (qualifier.Count >= 2 && rel.Def != null && !_cmp.Equals(rel.Def.Name.Schema, qualifier[^2])) continue;
                found = rel;
                return true;
            }
        }
        for (var s = scope; s != null; s = s.Parent)
        {
            // (composite).field, or a column of a relation whose columns are unknown.
            if (s.Rels.Any(rel => rel.Columns == null || Has(rel.Columns, name))) return false;
        }
        if (_open) return false;
        var aliases = new List<string>();
        for (var s = scope; s != null; s = s.Parent) aliases.AddRange(s.Rels.Where(rel => rel.Alias != null).Select(rel => rel.Alias!));
        var closest = SeedReader.Closest(name, aliases);
        Report(AuditCodes.UnknownColumn, Severity.Error, at.Offset, at.Length, $"{at}: no table or alias {name} in the FROM clause",
            closest != null ? $"did you mean {closest}?" : aliases.Count > 0 ? "the query reads " + string.Join(", ", aliases.Distinct()) : "add the table to FROM");
        return false;
    }
}
