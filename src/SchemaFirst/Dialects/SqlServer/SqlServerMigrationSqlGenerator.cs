using System.Globalization;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Dialects.SqlServer;

/// <summary>
/// Writes SQL Server migration T-SQL from models read from T-SQL (files, or the DDL written for another source and read
/// back with Microsoft's parser), every part as that T-SQL says it: ADD without COLUMN, ALTER COLUMN with the whole type
/// and nullability, renames through sp_rename, a table moved with ALTER SCHEMA ... TRANSFER, defaults as named DEFAULT
/// constraints. SQL Server refuses to change or drop a column that an index, a key, a check or a default depends on, so
/// those are dropped before the change and made again after it; a default whose name is not known (a server names the
/// ones a script left unnamed) is found in sys.default_constraints and dropped by that name, as EF Core's scripts do.
/// What SQL Server cannot do in place (add or remove IDENTITY) is refused with the reason, never written wrong.
/// </summary>
internal sealed class SqlServerMigrationSqlGenerator(ISqlDialect dialect, Database from, Database to, PlanOptions options)
    : MigrationSqlGenerator(dialect, from, to, options)
{
    /// <summary>The name SchemaFirst gives a column's default constraint (as the DDL generator does).</summary>
    internal static string DefaultName(QualifiedName table, string column)
    {
        var name = "DF_" + table.Name + "_" + column;
        return name.Length <= 128 ? name : name[..128];
    }

    public override List<SchemaChange> Rewrite(List<SchemaChange> changes)
    {
        // A column SQL Server is asked to ALTER must have no index, key, check or foreign key over it: those are dropped
        // around the change and made again as the desired schema has them.
        var altered = changes.OfType<ModifyColumn>().Where(c => (c.Changes & (ColumnChange.Type | ColumnChange.Collation | ColumnChange.Nullability)) != 0)
            .Select(c => (c.Table, c.From.Name)).ToHashSet();
        if (altered.Count == 0) return changes;
        // Index names are per table in SQL Server.
        var droppedIndexes = changes.OfType<DropIndex>().Select(d => (d.Index.Table, d.Index.Name)).ToHashSet();
        var addedIndexes = changes.OfType<AddIndex>().Select(a => (a.Index.Table, a.Index.Name)).ToHashSet();
        var droppedConstraints = changes.OfType<DropConstraint>().Select(d => (d.Table, d.Name)).ToHashSet();
        var addedConstraints = changes.OfType<AddConstraint>().Select(a => (a.Table, a.Name)).ToHashSet();
        var droppedTables = changes.OfType<DropTable>().Select(d => d.Table.Name).ToHashSet();
        var extra = new List<SchemaChange>();
        bool Touches(QualifiedName table, IEnumerable<string> columns) => columns.Any(c => altered.Contains((table, c)));
        foreach (var i in From.Indexes.Where(i => Touches(i.Table, i.Elements.Select(e => e.Column ?? string.Empty).Concat(i.Include))))
        {
            if (!droppedIndexes.Add((i.Table, i.Name))) continue;
            extra.Add(new DropIndex(i));
            if (To.Indexes.FirstOrDefault(x => x.Table == i.Table && x.Name == i.Name) is { } kept && addedIndexes.Add((kept.Table, kept.Name))) extra.Add(new AddIndex(kept));
        }
        void DropAndRestore(QualifiedName table, string name, object constraint)
        {
            if (droppedTables.Contains(table) || !droppedConstraints.Add((table, name))) return;
            extra.Add(new DropConstraint(table, name, constraint));
            if (To.FindTable(table) is { } t && ConstraintOf(t, name) is { } kept && addedConstraints.Add((table, name))) extra.Add(new AddConstraint(table, name, kept));
        }
        foreach (var t in From.Tables)
        {
            var keys = new List<(string Name, object Constraint, IEnumerable<string> Columns)>();
            if (t.PrimaryKey is { } pk) keys.Add((pk.Name, pk, pk.Columns));
            keys.AddRange(t.Uniques.Select(u => (u.Name, (object)u, (IEnumerable<string>)u.Columns)));
            foreach (var (name, constraint, columns) in keys.Where(k => Touches(t.Name, k.Columns)))
            {
                DropAndRestore(t.Name, name, constraint);
                // A key referenced by foreign keys cannot be dropped while they stand.
                foreach (var other in From.Tables)
                {
                    foreach (var fk in other.ForeignKeys.Where(f => f.ReferencedTable == t.Name && f.ReferencedColumns.ToHashSet().SetEquals(columns))) DropAndRestore(other.Name, fk.Name, fk);
                }
            }
            foreach (var fk in t.ForeignKeys.Where(f => Touches(t.Name, f.Columns))) DropAndRestore(t.Name, fk.Name, fk);
            foreach (var ck in t.Checks.Where(c => altered.Any(a => a.Table == t.Name && Mentions(c.Expression, a.Name)))) DropAndRestore(t.Name, ck.Name, ck);
        }
        changes.AddRange(extra);
        return changes;
    }

    private static object? ConstraintOf(Table t, string name) =>
        t.PrimaryKey?.Name == name ? t.PrimaryKey
        : (object?)t.Uniques.FirstOrDefault(u => u.Name == name) ?? (object?)t.ForeignKeys.FirstOrDefault(f => f.Name == name) ?? t.Checks.FirstOrDefault(c => c.Name == name);

    /// <summary>Whether an expression names a column (bracketed or bare, any case, as T-SQL compares names).</summary>
    private static bool Mentions(string expression, string column) =>
        MigrationPlanner.ReferencedNames(expression.Replace('[', '"').Replace(']', '"')).Any(n => n.Equals(column, StringComparison.OrdinalIgnoreCase));

    protected override IReadOnlyList<string> CreateStatements(object item) => item switch
    {
        Table t => [TableStatement(t)],
        SchemaIndex i => [IndexStatement(i)],
        View v => [ViewStatement(v)],
        Sequence s => [SequenceStatement(s)],
        _ => throw new NotSupportedException($"SQL Server: SchemaFirst does not write a {item.GetType().Name} for SQL Server"),
    };

    private string TableStatement(Table t)
    {
        var lines = t.Columns.Select(c => "    " + ColumnText(t.Name, c)).ToList();
        if (t.PrimaryKey is { } pk) lines.Add($"    CONSTRAINT {Q(pk.Name)} {ConstraintDefinition(t.Name, pk)}");
        foreach (var u in t.Uniques) lines.Add($"    CONSTRAINT {Q(u.Name)} {ConstraintDefinition(t.Name, u)}");
        foreach (var ck in t.Checks) lines.Add($"    CONSTRAINT {Q(ck.Name)} {ConstraintDefinition(t.Name, ck)}");
        // Foreign keys are changes of their own, made once every table exists.
        return "CREATE TABLE " + N(t.Name) + " (\n" + string.Join(",\n", lines) + "\n)";
    }

    private string IndexStatement(SchemaIndex i)
    {
        if (i.Elements.Any(e => e.Column == null)) throw new NotSupportedException($"SQL Server: index {i.Name} is on an expression, which SQL Server indexes only through a computed column");
        var sb = new StringBuilder("CREATE ").Append(i.Unique ? "UNIQUE " : string.Empty).Append("INDEX ").Append(Q(i.Name.Name)).Append(" ON ").Append(N(i.Table))
            .Append(" (").Append(string.Join(", ", i.Elements.Select(e => Q(e.Column!) + (e.Descending ? " DESC" : string.Empty)))).Append(')');
        if (!i.Include.IsEmpty) sb.Append(" INCLUDE (").Append(Columns(i.Include)).Append(')');
        if (i.Where != null) sb.Append(" WHERE ").Append(i.Where);
        return sb.ToString();
    }

    private string ViewStatement(View v)
    {
        var sb = new StringBuilder("CREATE VIEW ").Append(N(v.Name));
        if (!v.ColumnNames.IsEmpty) sb.Append(" (").Append(Columns(v.ColumnNames)).Append(')');
        return sb.Append(" AS\n").Append(v.Query).ToString();
    }

    private string SequenceStatement(Sequence s)
    {
        var o = s.Options;
        var sb = new StringBuilder("CREATE SEQUENCE ").Append(N(s.Name)).Append(" AS BIGINT");
        if (o.Start is { } start) sb.Append(" START WITH ").Append(Number(start));
        if (o.Increment is { } increment) sb.Append(" INCREMENT BY ").Append(Number(increment));
        return sb.ToString();
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(Q));

    /// <summary>A type as T-SQL spells it: the built-in ones in upper case, a user type as written.</summary>
    private static string TypeText(DataType type) => type.Kind == TypeKind.User ? type.Text : type.Text.ToUpperInvariant();

    /// <summary>A column as CREATE TABLE and ADD write it, its default a constraint with SchemaFirst's name.</summary>
    private string ColumnText(QualifiedName table, Column c)
    {
        if (c.Generated is { } g) return $"{Q(c.Name)} AS {g.Expression}{(g.Stored ? " PERSISTED" : string.Empty)}";
        var sb = new StringBuilder(Q(c.Name)).Append(' ').Append(TypeText(c.Type));
        if (c.Collation != null) sb.Append(" COLLATE ").Append(c.Collation);
        if (c.Identity is { } id) sb.Append(" IDENTITY(").Append(Number(id.Options.Start ?? 1)).Append(", ").Append(Number(id.Options.Increment ?? 1)).Append(')');
        sb.Append(c.NotNull ? " NOT NULL" : " NULL");
        if (c.Default != null) sb.Append(" CONSTRAINT ").Append(Q(DefaultName(table, c.Name))).Append(" DEFAULT ").Append(c.Default);
        return sb.ToString();
    }

    protected override string ColumnDefinition(QualifiedName table, Column column) => ColumnText(table, column);

    // T-SQL's ADD takes no COLUMN keyword.
    protected override string AddColumnSql(QualifiedName table, Column column) => $"ALTER TABLE {N(table)} ADD {ColumnText(table, column)}";

    protected override string ConstraintDefinition(QualifiedName table, object constraint) => constraint switch
    {
        PrimaryKey p => $"PRIMARY KEY ({Columns(p.Columns)})",
        UniqueConstraint u => $"UNIQUE ({Columns(u.Columns)})",
        CheckConstraint ck => $"CHECK ({ck.Expression})",
        ForeignKey fk => ForeignKeyText(fk),
        _ => throw new NotSupportedException($"SQL Server: no constraint of kind {constraint.GetType().Name}"),
    };

    private string ForeignKeyText(ForeignKey fk)
    {
        var sb = new StringBuilder("FOREIGN KEY (").Append(Columns(fk.Columns)).Append(") REFERENCES ").Append(N(fk.ReferencedTable));
        if (!fk.ReferencedColumns.IsEmpty) sb.Append(" (").Append(Columns(fk.ReferencedColumns)).Append(')');
        if (Action(fk.OnDelete) is { } d) sb.Append(" ON DELETE ").Append(d);
        if (Action(fk.OnUpdate) is { } u) sb.Append(" ON UPDATE ").Append(u);
        return sb.ToString();
    }

    private static string? Action(ForeignKeyAction a) => a switch
    {
        ForeignKeyAction.Cascade => "CASCADE",
        ForeignKeyAction.SetNull => "SET NULL",
        ForeignKeyAction.SetDefault => "SET DEFAULT",
        _ => null,
    };

    /// <summary>
    /// Drops a column's default constraint whatever it is called: looked up in sys.default_constraints, so a name the
    /// server gave (a default declared without CONSTRAINT) is found as surely as SchemaFirst's own.
    /// </summary>
    private string DropDefaultSql(QualifiedName table, string column)
    {
        var objectName = Lit(N(table));
        // EXEC (...) takes literals and variables only: the name is quoted (QUOTENAME) in the DECLARE.
        return $"DECLARE @default nvarchar(258) = QUOTENAME((SELECT d.name FROM sys.default_constraints AS d WHERE d.parent_object_id = OBJECT_ID({objectName}) AND COL_NAME(d.parent_object_id, d.parent_column_id) = {Lit(column)}));\n"
            + $"IF @default IS NOT NULL EXEC (N'ALTER TABLE {N(table).Replace("'", "''", StringComparison.Ordinal)} DROP CONSTRAINT ' + @default)";
    }

    private string AddDefaultSql(QualifiedName table, Column c) =>
        $"ALTER TABLE {N(table)} ADD CONSTRAINT {Q(DefaultName(table, c.Name))} DEFAULT {c.Default} FOR {Q(c.Name)}";

    private string Rename(string objectPath, string newName, string? kind) =>
        $"EXEC sp_rename {Lit(objectPath)}, {Lit(newName)}{(kind != null ? ", " + Lit(kind) : string.Empty)}";

    protected override void Generate(AddSchema c) => Emit($"CREATE SCHEMA {Q(c.Schema.Name)}", c);

    protected override void Generate(ModifySequence c)
    {
        var (a, b) = (c.From.Options, c.To.Options);
        var parts = new List<string>();
        if (b.Start != a.Start && b.Start is { } start) parts.Add("RESTART WITH " + Number(start));
        if (b.Increment != a.Increment) parts.Add("INCREMENT BY " + Number(b.Increment ?? 1));
        if (parts.Count == 0) return;
        Emit($"ALTER SEQUENCE {N(c.To.Name)} {string.Join(" ", parts)}", c);
    }

    protected override void Generate(RenameTable c)
    {
        var hazard = new Hazard(HazardCodes.Rename, $"code that still uses the name {c.From} fails once this runs");
        if (c.From.Schema != c.To.Schema) Emit($"ALTER SCHEMA {Q(c.To.Schema)} TRANSFER {N(c.From)}", c, hazard);
        var moved = new QualifiedName(c.To.Schema, c.From.Name);
        if (c.From.Name != c.To.Name) Emit(Rename(N(moved), c.To.Name, null), c, hazard);
    }

    protected override void Generate(ModifyTable c)
    {
        // A table read from T-SQL has no options, inheritance or partitions in the model: nothing SQL Server changes.
        if (c.Changes != TableChange.None) throw new NotSupportedException($"SQL Server: {c.Describe()} has no SQL Server form");
    }

    protected override void Generate(DropColumn c)
    {
        if (c.Column.Default != null) Emit(DropDefaultSql(c.Table, c.Column.Name), c);
        base.Generate(c);
    }

    protected override void Generate(RenameColumn c) =>
        Emit(Rename(N(c.Table) + "." + Q(c.From), c.To, "COLUMN"), c, new Hazard(HazardCodes.Rename, $"code that still uses column {QualifiedName.Display(c.From)} fails once this runs"));

    protected override void Generate(RenameConstraint c) => Emit(Rename(N(new QualifiedName(c.Table.Schema, c.From)), c.To, "OBJECT"), c);

    protected override void Generate(RenameIndex c) => Emit(Rename(N(c.From.Table) + "." + Q(c.From.Name.Name), c.To.Name.Name, "INDEX"), c);

    protected override void Generate(DropIndex c) => Emit($"DROP INDEX {Q(c.Index.Name.Name)} ON {N(c.Index.Table)}", c);

    protected override void Generate(ModifyColumn c)
    {
        var (a, b) = (c.From, c.To);
        var column = $"{c.Table}.{QualifiedName.Display(b.Name)}";
        if ((c.Changes & ColumnChange.Identity) != 0 && (a.Identity == null) != (b.Identity == null))
        {
            throw new NotSupportedException($"SQL Server cannot {(b.Identity != null ? "add IDENTITY to" : "remove IDENTITY from")} column {column} in place; add a new column and copy the values, or rebuild the table");
        }
        if ((c.Changes & ColumnChange.Generated) != 0)
        {
            // A computed column cannot be altered: it is dropped and added again (a plain column made computed loses its values).
            if (a.Default != null) Emit(DropDefaultSql(c.Table, a.Name), c);
            Emit($"ALTER TABLE {N(c.Table)} DROP COLUMN {Q(a.Name)}", c, DropHazard(HazardCodes.DropColumn, $"column {column}"));
            Emit($"ALTER TABLE {N(c.Table)} ADD {ColumnText(c.Table, b)}", c);
            return;
        }
        var retyped = (c.Changes & (ColumnChange.Type | ColumnChange.Collation)) != 0;
        var defaultChanged = (c.Changes & ColumnChange.Default) != 0 || (retyped && a.Default != null);
        // A default stands in the way of a type change, and a changed default is a new constraint.
        if (defaultChanged && a.Default != null) Emit(DropDefaultSql(c.Table, a.Name), c);
        if ((c.Changes & (ColumnChange.Type | ColumnChange.Collation | ColumnChange.Nullability)) != 0)
        {
            var hazards = new List<Hazard>();
            if ((c.Changes & ColumnChange.Nullability) != 0 && b.NotNull)
            {
                hazards.Add(new Hazard(HazardCodes.SetNotNull, $"fails if {column} holds NULL", NullsCheck(c.Table, b.Name)));
            }
            if (retyped)
            {
                hazards.Add(new Hazard(HazardCodes.TypeCast, $"fails if a value of {column} does not convert to {TypeText(b.Type)}"));
                hazards.Add(new Hazard(HazardCodes.TableRewrite, $"changing the type of {column} may rewrite {c.Table} under a schema modification lock"));
            }
            var collate = b.Collation != null ? " COLLATE " + b.Collation : string.Empty;
            Emit($"ALTER TABLE {N(c.Table)} ALTER COLUMN {Q(b.Name)} {TypeText(b.Type)}{collate}{(b.NotNull ? " NOT NULL" : " NULL")}", c, hazards.ToArray());
        }
        if (defaultChanged && b.Default != null) Emit(AddDefaultSql(c.Table, b), c);
    }

    protected override void Generate(SetComment c)
    {
        var (level1, name) = c.Target.Kind switch
        {
            SourceKind.Table => ("TABLE", c.Target.Name),
            SourceKind.View => ("VIEW", c.Target.Name),
            SourceKind.Column => (To.FindTable(c.Target.Name) != null || From.FindTable(c.Target.Name) != null ? "TABLE" : "VIEW", c.Target.Name),
            _ => throw new NotSupportedException($"SQL Server: a comment on {c.Target} has no MS_Description form here"),
        };
        var procedure = c.From == null ? "sp_addextendedproperty" : c.To == null ? "sp_dropextendedproperty" : "sp_updateextendedproperty";
        var sb = new StringBuilder("EXEC sys.").Append(procedure).Append(" @name = N'MS_Description'");
        if (c.To != null) sb.Append(", @value = ").Append(Lit(c.To));
        sb.Append(", @level0type = N'SCHEMA', @level0name = ").Append(Lit(name.Schema)).Append(", @level1type = N'").Append(level1).Append("', @level1name = ").Append(Lit(name.Name));
        if (c.Target.Member is { } member) sb.Append(", @level2type = N'COLUMN', @level2name = ").Append(Lit(member));
        Emit(sb.ToString(), c);
    }
}
