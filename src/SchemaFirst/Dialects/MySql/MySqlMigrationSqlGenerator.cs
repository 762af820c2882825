using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Dialects.MySql;

/// <summary>
/// Writes MySQL and MariaDB migration SQL from models read from MySQL (files, or a database through SHOW CREATE), every
/// part as the server prints it. MySQL commits each DDL statement on its own, so every statement runs outside a
/// transaction and is recorded as done when it is; a failure stops the apply with what is done recorded, and a new plan
/// holds only what is left. A column is changed with MODIFY COLUMN and its whole definition (comment included, which
/// MySQL would otherwise drop); a new column takes its place with FIRST or AFTER, which MySQL can do and PostgreSQL
/// cannot; inline ENUMs change with their column. With --online, index builds ask for ALGORITHM=INPLACE, LOCK=NONE and
/// a new last column for ALGORITHM=INSTANT, so the server refuses, rather than runs, a change that would block writes.
/// </summary>
internal sealed class MySqlMigrationSqlGenerator(Database from, Database to, PlanOptions options)
    : MigrationSqlGenerator(MySqlDialect.Instance, from, to, options)
{
    private readonly MySqlSqlGenerator _to = MySqlSqlGenerator.For(to, MySqlTarget.MySql, new List<Diagnostic>());

    protected override StatementPhase DefaultPhase => StatementPhase.Before;

    private readonly HashSet<SchemaChange> _foldedDrops = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SchemaChange, List<string>> _dropsBefore = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SchemaChange> _replacesPrimaryKey = new(ReferenceEqualityComparer.Instance);

    protected override void Generate(AddIndex c)
    {
        if (!_dropsBefore.TryGetValue(c, out var drops))
        {
            base.Generate(c);
            return;
        }
        var definition = _to.IndexDefinition(c.Index) ?? throw Unwritable($"index {c.Index.Name}");
        Emit($"ALTER TABLE {N(c.Index.Table)} {string.Join(", ", drops.Select(d => "DROP INDEX " + Q(d)))}, ADD {definition}", c);
    }

    public override List<SchemaChange> Rewrite(List<SchemaChange> changes)
    {
        // An inline ENUM is its column's type: it changes with MODIFY COLUMN, never on its own.
        changes.RemoveAll(c => c is AddType { Definition: EnumType } or DropType { Definition: EnumType } or AddEnumValue or RecreateEnum or DropRetiredType);
        // MySQL has no privileges on schema objects in the model, and no schemas inside a database.
        changes.RemoveAll(c => c is GrantPrivilege or RevokePrivilege or AddSchema or DropSchema);
        // DROP TABLE drops the table's indexes: one dropped first could be the index a foreign key still needs (MySQL refuses).
        var droppedTables = changes.OfType<DropTable>().Select(c => c.Table.Name).ToHashSet();
        changes.RemoveAll(c => c is DropIndex d && droppedTables.Contains(d.Index.Table));
        // An index keeps its name under its table's (the model's index names are per table): a renamed table's index
        // is dropped and added under the new table's name by the differ, and RENAME TABLE carries it as it is.
        var added = changes.OfType<AddIndex>().ToList();
        foreach (var d in changes.OfType<DropIndex>().ToList())
        {
            if (added.FirstOrDefault(a => a.Index.Table == d.Index.Table && a.Index.Name.Name == d.Index.Name.Name && a.Index with { Name = d.Index.Name, Comment = null } == d.Index with { Comment = null }) is not { } same) continue;
            changes.Remove(d);
            changes.Remove(same);
            added.Remove(same);
        }
        // A new table is written with its indexes inside CREATE TABLE, as the server prints it.
        var createdTables = changes.OfType<AddTable>().Select(c => c.Table.Name).ToHashSet();
        changes.RemoveAll(c => c is AddIndex a && createdTables.Contains(a.Index.Table));
        // Indexes dropped and added on one table go in one ALTER TABLE with the first added: an index a foreign key needs
        // can only be dropped in the statement that gives the key another (MySQL refuses it alone).
        var addedOn = changes.OfType<AddIndex>().GroupBy(a => a.Index.Table).ToDictionary(g => g.Key, g => g.First());
        var droppedColumns = changes.OfType<DropColumn>().Select(c => (c.Table, c.Column.Name)).ToHashSet();
        foreach (var d in changes.OfType<DropIndex>())
        {
            if (!addedOn.TryGetValue(d.Index.Table, out var first)) continue;
            // An index on a column the plan drops goes with the column (MySQL drops it): it stays a drop of its own, first.
            if (d.Index.Elements.Any(e => e.Column != null && droppedColumns.Contains((d.Index.Table, e.Column)))) continue;
            _foldedDrops.Add(d);
            if (!_dropsBefore.TryGetValue(first, out var list)) _dropsBefore[first] = list = [];
            list.Add(d.Index.Name.Name);
        }
        // So is a primary key dropped and added: the AUTO_INCREMENT column must keep a key in between.
        foreach (var d in changes.OfType<DropConstraint>().Where(d => d.Constraint is PrimaryKey))
        {
            if (changes.OfType<AddConstraint>().FirstOrDefault(a => a.Table == d.Table && a.Constraint is PrimaryKey) is not { } newKey) continue;
            _foldedDrops.Add(d);
            _replacesPrimaryKey.Add(newKey);
        }
        // A new table or column is written with its comment: no second statement sets it.
        var newTables = changes.OfType<AddTable>().Select(c => c.Table.Name).ToHashSet();
        var newColumns = changes.OfType<AddColumn>().Select(c => (c.Table, c.Column.Name)).ToHashSet();
        changes.RemoveAll(c => c is SetComment { Target: var t } && (newTables.Contains(t.Name) || (t.Member != null && newColumns.Contains((t.Name, t.Member)))));
        return changes;
    }

    protected override IReadOnlyList<string> CreateStatements(object item) => item switch
    {
        Table t => [_to.TableStatement(t) ?? throw Unwritable($"table {t.Name}")],
        SchemaIndex i => [(_to.IndexStatement(i) ?? throw Unwritable($"index {i.Name}")) + (Options.Online && i.Method == "btree" ? " ALGORITHM=INPLACE LOCK=NONE" : string.Empty)],
        View v => [_to.ViewStatement(v) ?? throw Unwritable($"view {v.Name}")],
        Trigger t => [MySqlSqlGenerator.TriggerStatement(t)],
        Routine r => [r.Definition],
        _ => throw new NotSupportedException($"MySQL: no CREATE statement for a {item.GetType().Name}"),
    };

    private static NotSupportedException Unwritable(string what) => new($"MySQL: {what} cannot be written for MySQL");

    protected override string ColumnDefinition(QualifiedName table, Column column) => MySqlColumn(table, column);

    protected override string ConstraintDefinition(QualifiedName table, object constraint)
    {
        var t = To.FindTable(table) ?? From.FindTable(table)!;
        return constraint switch
        {
            PrimaryKey p => $"PRIMARY KEY ({Columns(p.Columns)})",
            UniqueConstraint u => $"UNIQUE ({Columns(u.Columns)})",
            ForeignKey fk => ForeignKeyText(t, fk),
            CheckConstraint ck => $"CHECK ({ck.Expression})",
            _ => throw new NotSupportedException($"MySQL: no constraint of kind {constraint.GetType().Name}"),
        };
    }

    /// <summary>FOREIGN KEY (...) REFERENCES ... [ON DELETE ...] [ON UPDATE ...], without the CONSTRAINT name.</summary>
    private string ForeignKeyText(Table t, ForeignKey fk)
    {
        var text = _to.ForeignKeyText(t, fk) ?? throw Unwritable($"foreign key {fk.Name} on {t.Name}");
        return text[text.IndexOf("FOREIGN KEY", StringComparison.Ordinal)..];
    }

    private string Columns(IEnumerable<string> names) => string.Join(", ", names.Select(Q));

    private string Place(QualifiedName table, string column)
    {
        var columns = To.FindTable(table)?.Columns.Select(c => c.Name).ToList() ?? [];
        var at = columns.IndexOf(column);
        return at switch
        {
            < 0 => string.Empty,
            0 => " FIRST",
            _ when at == columns.Count - 1 => string.Empty,
            _ => " AFTER " + Q(columns[at - 1]),
        };
    }

    protected override void Generate(AddColumn c)
    {
        var place = Place(c.Table, c.Column.Name);
        var online = Options.Online && place.Length == 0 ? ", ALGORITHM=INSTANT" : string.Empty;
        var hazards = new List<Hazard>();
        if (c.Column.NotNull && c.Column.Default == null && c.Column.Identity == null && c.Column.Generated == null)
        {
            hazards.Add(new Hazard(HazardCodes.AddNotNullColumn,
                $"NOT NULL column {QualifiedName.Display(c.Column.Name)} has no default: MySQL gives the rows {c.Table} already has the type's implicit value (0, '' or a zero date), not an error"));
        }
        Emit($"ALTER TABLE {N(c.Table)} ADD COLUMN {MySqlColumn(c.Table, c.Column)}{place}{online}", c, hazards.ToArray());
    }

    private string MySqlColumn(QualifiedName table, Column column)
    {
        var t = To.FindTable(table) ?? From.FindTable(table)!;
        return _to.ColumnText(t, column, column.Identity != null);
    }

    protected override void Generate(ModifyColumn c)
    {
        var (a, b) = (c.From, c.To);
        var hazards = new List<Hazard>();
        var column = $"{c.Table}.{QualifiedName.Display(b.Name)}";
        if ((c.Changes & ColumnChange.Nullability) != 0 && b.NotNull)
        {
            hazards.Add(new Hazard(HazardCodes.SetNotNull, $"fails if {column} holds NULL", NullsCheck(c.Table, b.Name)));
        }
        if ((c.Changes & ColumnChange.Type) != 0)
        {
            DataCheck? check = null;
            if (b.Type.Kind is TypeKind.VarChar or TypeKind.Char && b.Type.Length is { } n && (a.Type.Length is not { } was || was > n) && a.Type.Kind is TypeKind.VarChar or TypeKind.Char or TypeKind.Text)
            {
                check = new DataCheck($"SELECT count(*) FROM {N(c.Table)} WHERE CHAR_LENGTH({Q(b.Name)}) > {n}", $"{column}: {{0}} row(s) are longer than {n} characters; changing the type to {b.Type.Text} would fail");
            }
            else if (b.Type.Kind == TypeKind.Enum && b.Type.UserType is { } e && To.Enums.FirstOrDefault(x => x.Name == e) is { } labels)
            {
                check = new DataCheck($"SELECT count(*) FROM {N(c.Table)} WHERE {Q(b.Name)} IS NOT NULL AND {Q(b.Name)} NOT IN ({string.Join(", ", labels.Labels.Select(Lit))})",
                    $"{column}: {{0}} row(s) hold a value {b.Type.Text} does not have; changing the type would fail");
            }
            hazards.Add(new Hazard(HazardCodes.TypeCast, $"fails if a value of {column} does not fit {b.Type.Text} (strict mode)", check));
            hazards.Add(new Hazard(HazardCodes.TableRewrite, $"changing the type of {column} copies {c.Table}; writes wait unless the server can change it in place"));
        }
        Emit($"ALTER TABLE {N(c.Table)} MODIFY COLUMN {MySqlColumn(c.Table, b)}", c, hazards.ToArray());
    }

    protected override void Generate(RenameTable c) =>
        Emit($"RENAME TABLE {N(c.From)} TO {N(c.To)}", c, new Hazard(HazardCodes.Rename, $"code that still uses the name {c.From} fails once this runs"));

    protected override void Generate(ModifyTable c)
    {
        if ((c.Changes & TableChange.Options) == 0) return;
        var (a, b) = (TableOptions(c.From.Options), TableOptions(c.To.Options));
        var table = N(c.To.Name);
        string? Changed(string key) => b.TryGetValue(key, out var v) && a.GetValueOrDefault(key) != v ? v : null;
        if (Changed("ENGINE") is { } engine)
        {
            Emit($"ALTER TABLE {table} ENGINE={engine}", c, new Hazard(HazardCodes.TableRewrite, $"changing the storage engine copies {c.To.Name}; writes wait until it is done"));
        }
        if (Changed("DEFAULT CHARSET") is not null || Changed("COLLATE") is not null)
        {
            // DEFAULT CHARSET alone would leave every existing column in the old one: CONVERT TO changes them too.
            var charset = b.GetValueOrDefault("DEFAULT CHARSET") ?? a.GetValueOrDefault("DEFAULT CHARSET");
            var collate = b.TryGetValue("COLLATE", out var co) ? " COLLATE " + co : string.Empty;
            Emit($"ALTER TABLE {table} CONVERT TO CHARACTER SET {charset}{collate}", c,
                new Hazard(HazardCodes.TableRewrite, $"converting {c.To.Name} to {charset} rewrites every text column and the table; writes wait until it is done"));
        }
        if (Changed("ROW_FORMAT") is { } format) Emit($"ALTER TABLE {table} ROW_FORMAT={format}", c, new Hazard(HazardCodes.TableRewrite, $"changing the row format copies {c.To.Name}"));
    }

    private static Dictionary<string, string> TableOptions(string? options)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options == null) return map;
        // "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin": the reader writes each KEY=value once, keys in one spelling.
        foreach (var m in System.Text.RegularExpressions.Regex.Matches(options, @"(ENGINE|DEFAULT CHARSET|COLLATE|ROW_FORMAT)=(\S+)").Cast<System.Text.RegularExpressions.Match>())
        {
            map[m.Groups[1].Value] = m.Groups[2].Value;
        }
        return map;
    }

    protected override void Generate(AddConstraint c)
    {
        // The primary key is named PRIMARY whatever it is called; the others keep their names.
        if (c.Constraint is PrimaryKey)
        {
            base.Generate(c);
            var drop = _replacesPrimaryKey.Contains(c) ? "DROP PRIMARY KEY, " : string.Empty;
            Replace(Last() with { Sql = $"ALTER TABLE {N(c.Table)} {drop}ADD {ConstraintDefinition(c.Table, c.Constraint)}" });
            return;
        }
        base.Generate(c);
    }

    protected override void Generate(DropConstraint c)
    {
        if (!_foldedDrops.Contains(c)) Emit(DropConstraintSql(c), c);
    }

    private string DropConstraintSql(DropConstraint c) => c.Constraint switch
    {
        PrimaryKey => $"ALTER TABLE {N(c.Table)} DROP PRIMARY KEY",
        UniqueConstraint => $"ALTER TABLE {N(c.Table)} DROP INDEX {Q(c.Name)}",
        ForeignKey => $"ALTER TABLE {N(c.Table)} DROP FOREIGN KEY {Q(c.Name)}",
        _ => $"ALTER TABLE {N(c.Table)} DROP CONSTRAINT {Q(c.Name)}",
    };

    protected override void Generate(RenameConstraint c)
    {
        // The primary key is PRIMARY in MySQL whatever the model calls it (its table's name): nothing to rename.
        if (To.FindTable(c.Table)?.PrimaryKey?.Name == c.To) return;
        // Foreign key and check names are per database: the old one is found whatever the table was called.
        var before = (From.FindTable(c.Table) is { } f ? Constraint(f, c.From) : null) ?? From.Tables.Select(x => Constraint(x, c.From)).FirstOrDefault(x => x != null);
        var after = To.FindTable(c.Table) is { } t ? Constraint(t, c.To) : null;
        if (before is UniqueConstraint)
        {
            Emit($"ALTER TABLE {N(c.Table)} RENAME INDEX {Q(c.From)} TO {Q(c.To)}", c);
            return;
        }
        // A foreign key or check cannot be renamed in MySQL: it is made again under its new name.
        if (before == null || after == null) throw new NotSupportedException($"MySQL: constraint {c.From} on {c.Table} cannot be renamed");
        Emit(DropConstraintSql(new DropConstraint(c.Table, c.From, before)), c);
        Emit($"ALTER TABLE {N(c.Table)} ADD CONSTRAINT {Q(c.To)} {ConstraintDefinition(c.Table, after)}", c);
    }

    private static object? Constraint(Table t, string name) =>
        (object?)t.ForeignKeys.FirstOrDefault(x => x.Name == name) ?? (object?)t.Checks.FirstOrDefault(x => x.Name == name) ?? t.Uniques.FirstOrDefault(x => x.Name == name);

    // Drops run before renames: the index is dropped from its table as the database names it now (kept with the index's name).
    protected override void Generate(DropIndex c)
    {
        if (!_foldedDrops.Contains(c)) EmitDropIndex(c);
    }

    private void EmitDropIndex(DropIndex c) =>
        Emit($"DROP INDEX {Q(c.Index.Name.Name)} ON {(c.Index.Name.Schema.Length > 0 && From.FindTable(new QualifiedName(MySqlReader.DefaultSchema, c.Index.Name.Schema)) != null ? Q(c.Index.Name.Schema) : N(c.Index.Table))}", c);

    protected override void Generate(RenameIndex c) => Emit($"ALTER TABLE {N(c.To.Table)} RENAME INDEX {Q(c.From.Name.Name)} TO {Q(c.To.Name.Name)}", c);

    protected override void Generate(DropRoutine c) => Emit($"DROP {RoutineKeyword(c.Routine)} {N(c.Routine.Name)}", c);

    // MySQL has no CREATE OR REPLACE for routines: dropped and made again (a caller between the two fails).
    protected override void Generate(ReplaceRoutine c)
    {
        Emit($"DROP {RoutineKeyword(c.From)} {N(c.From.Name)}", c);
        Emit(c.To.Definition, c);
    }

    protected override void Generate(DropTrigger c) => Emit($"DROP TRIGGER {Q(c.Trigger.Name)}", c);

    protected override void Generate(SetComment c)
    {
        switch (c.Target.Kind)
        {
            case SourceKind.Table:
                Emit($"ALTER TABLE {N(c.Target.Name)} COMMENT = {Lit(c.To ?? string.Empty)}", c);
                break;
            case SourceKind.Column when c.Target.Member is { } member && To.FindTable(c.Target.Name)?.FindColumn(member) is { } col:
                Emit($"ALTER TABLE {N(c.Target.Name)} MODIFY COLUMN {MySqlColumn(c.Target.Name, col)}", c);
                break;
            default:
                throw new NotSupportedException($"MySQL: a comment on {c.Target} cannot be set");
        }
    }
}
