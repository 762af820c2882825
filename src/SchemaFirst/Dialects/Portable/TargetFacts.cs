using SchemaFirst.Diagnostics;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Portable;

/// <summary>
/// What every generator for another engine needs to know of a model and say about it alike: which columns are in a key
/// or an index (text there must be a type the engine can index), what no engine but PostgreSQL runs (routines, triggers,
/// policies, rules, privileges, kept statements) and what a table carries that is not written (partitioning,
/// inheritance), and how a foreign key action is spelled.
/// </summary>
internal static class TargetFacts
{
    /// <summary>Columns in a primary key, unique constraint, foreign key (either side) or b-tree/hash index.</summary>
    public static HashSet<(QualifiedName Table, string Column)> KeyColumns(Database db)
    {
        var keys = new HashSet<(QualifiedName, string)>();
        foreach (var t in db.Tables)
        {
            foreach (var c in t.PrimaryKey?.Columns ?? default) keys.Add((t.Name, c));
            foreach (var u in t.Uniques) foreach (var c in u.Columns) keys.Add((t.Name, c));
            foreach (var fk in t.ForeignKeys)
            {
                foreach (var c in fk.Columns) keys.Add((t.Name, c));
                foreach (var c in fk.ReferencedColumns) keys.Add((fk.ReferencedTable, c));
            }
        }
        foreach (var i in db.Indexes.Where(i => i.Method is "btree" or "hash")) foreach (var e in i.Elements.Where(e => e.Column != null)) keys.Add((i.Table, e.Column!));
        return keys;
    }

    /// <summary>Notes for what a generator for <paramref name="engine"/> does not write; a native source's triggers are said apart.</summary>
    public static void NoteUnwritten(Database db, string engine, bool nativeSource, Action<Severity, string> note)
    {
        foreach (var r in db.Routines) note(Severity.Warning, $"{r.Kind.ToString().ToLowerInvariant()} {r.Signature}: PostgreSQL routine bodies do not run in {engine}; not created");
        foreach (var t in db.Triggers)
        {
            note(Severity.Warning, nativeSource
                ? $"trigger {t.Name} on {t.Table}: triggers are not written for {engine} yet; not created"
                : $"trigger {t.Name} on {t.Table}: PostgreSQL trigger functions do not run in {engine}; not created");
        }
        foreach (var p in db.Policies) note(Severity.Warning, $"policy {p.Name} on {p.Table}: row-level security is not written for {engine}; not created");
        foreach (var r in db.Rules) note(Severity.Warning, $"rule {r.Name} on {r.Table}: {engine} has no rules; not created");
        if (!db.Grants.IsEmpty) note(Severity.Info, $"{db.Grants.Count} privilege(s): not written (roles differ between engines)");
        foreach (var o in db.Opaque) note(Severity.Warning, $"{o.Kind} (kept verbatim from the source) is not written for {engine}");
    }

    /// <summary>Notes for what of a table other engines get as a plain table.</summary>
    public static void NoteTableShape(Table t, string engine, Action<Severity, string> note)
    {
        var what = $"table {t.Name}";
        if (t.PartitionBy != null) note(Severity.Warning, $"{what}: partitioning is not carried over; created as a plain table");
        if (t.PartitionOf != null) note(Severity.Warning, $"{what}: partition of {t.PartitionOf.Parent}; created as a separate table");
        if (!t.Inherits.IsEmpty) note(Severity.Warning, $"{what}: {engine} has no table inheritance; created with its own columns");
    }

    /// <summary>A foreign key action in SQL (every engine spells them alike).</summary>
    /// <summary>
    /// The column a target with one identity column per table gives it to: the first identity or serial column; the
    /// others are named in a warning (<paramref name="kind"/> says how the engine calls it).
    /// </summary>
    public static Column? IdentityColumn(Table t, string engine, string kind, Action<Severity, string> note)
    {
        var identity = t.Columns.Where(c => c.Identity != null || c.Default?.StartsWith("nextval(", StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (identity.Count > 1) note(Severity.Warning, $"table {t.Name}: {engine} allows one {kind} column; {string.Join(", ", identity.Skip(1).Select(c => c.Name))} get none");
        return identity.FirstOrDefault();
    }

    /// <summary>Ends generated text with one newline: the blank lines after the last statement go.</summary>
    public static void TrimBlankLines(System.Text.StringBuilder sb)
    {
        while (sb.Length > 1 && sb[^1] == '\n' && sb[^2] == '\n') sb.Length--;
    }

    public static string Action(ForeignKeyAction a) => a switch
    {
        ForeignKeyAction.Cascade => "CASCADE",
        ForeignKeyAction.Restrict => "RESTRICT",
        ForeignKeyAction.SetNull => "SET NULL",
        ForeignKeyAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    /// <summary>
    /// A column's type under its domains: the base type, the first domain default, whether a domain says NOT NULL, and
    /// each domain check (VALUE read as the column) translated by <paramref name="translate"/> (empty: not translatable,
    /// noted).
    /// </summary>
    public static (DataType Type, string? Default, bool NotNull) Domain(DataType type, Dictionary<QualifiedName, DomainType> domains, string column, string what,
        Func<string, string> translate, List<string> checks, Action<Severity, string> note)
    {
        string? def = null;
        var notNull = false;
        for (var guard = 0; guard < 16 && type.Kind == TypeKind.Domain && type.UserType != null && domains.TryGetValue(type.UserType, out var domain); guard++)
        {
            foreach (var dc in domain.Checks)
            {
                var e = translate(Sqlite.SqliteExpression.ReplaceValue(dc.Expression, column));
                if (e.Length > 0) checks.Add(e);
                else note(Severity.Warning, $"{what}: check {dc.Name} of domain {domain.Name} uses PostgreSQL-only syntax; not created");
            }
            def ??= domain.Default;
            notNull |= domain.NotNull;
            type = domain.BaseType;
        }
        return (type, def, notNull);
    }

    /// <summary>Whether an index is on a table and of a kind (b-tree, hash) another engine has; noted when not.</summary>
    public static bool IndexWritable(SchemaIndex i, HashSet<QualifiedName> tables, string engine, Action<Severity, string> note)
    {
        if (!tables.Contains(i.Table))
        {
            note(Severity.Warning, $"index {i.Name}: it is on {i.Table}, which is not a table in {engine}; not created");
            return false;
        }
        if (i.Method is not ("btree" or "hash"))
        {
            note(Severity.Warning, $"index {i.Name}: a {i.Method} index has no {engine} equivalent; not created");
            return false;
        }
        return true;
    }
}
