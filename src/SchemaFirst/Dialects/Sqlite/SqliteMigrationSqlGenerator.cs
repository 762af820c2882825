using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Sqlite;

/// <summary>
/// Writes SQLite migration SQL: ALTER TABLE where SQLite can (rename a table or column, add a plain nullable column),
/// and otherwise the table rebuild SQLite documents (create the new table, copy the rows, drop the old one, rename,
/// make its indexes and triggers again), one rebuild per table whatever changed in it. Foreign keys are switched off
/// for the plan's connection before a table is dropped or rebuilt, so that dropping a parent neither fails nor
/// cascades into its children.
/// </summary>
internal sealed partial class SqliteMigrationSqlGenerator(Database from, Database to, PlanOptions options)
    : MigrationSqlGenerator(SqliteDialect.Instance, from, to, options)
{
    private bool _foreignKeysOff;

    public override List<SchemaChange> Rewrite(List<SchemaChange> changes)
    {
        var newTables = changes.OfType<AddTable>().Select(c => c.Table.Name).ToHashSet();
        // Foreign keys of a new table are written inside its CREATE TABLE: SQLite cannot add them later.
        changes.RemoveAll(c => c is AddConstraint a && newTables.Contains(a.Table));
        // Comments and privileges do not exist in SQLite.
        changes.RemoveAll(c => c is SetComment or GrantPrivilege or RevokePrivilege);
        var renamedTables = changes.OfType<RenameTable>().ToDictionary(r => r.To, r => r.From);
        var rebuild = new Dictionary<QualifiedName, List<SchemaChange>>();
        foreach (var c in changes)
        {
            var table = c switch
            {
                ModifyColumn m => m.Table,
                DropColumn d => d.Table,
                AddColumn a when !Plain(a.Column) => a.Table,
                AddConstraint a => a.Table,
                DropConstraint d => d.Table,
                RenameConstraint r => r.Table,
                ModifyTable m => m.To.Name,
                _ => null,
            };
            if (table == null) continue;
            // Changes on a renamed table are named for its new name or (drops) its old one.
            var desired = renamedTables.FirstOrDefault(r => r.Value == table).Key ?? table;
            if (!rebuild.TryGetValue(desired, out var list)) rebuild[desired] = list = new List<SchemaChange>();
            list.Add(c);
        }
        if (rebuild.Count == 0) return changes;
        var result = new List<SchemaChange>();
        var rebuilt = rebuild.Keys.ToHashSet();
        var claimed = rebuild.Values.SelectMany(l => l).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var c in changes)
        {
            if (claimed.Contains(c)) continue;
            // The rebuild makes every index and trigger of the table again, as the desired schema has them.
            if (c is AddIndex ai && rebuilt.Contains(ai.Index.Table)) continue;
            if (c is DropIndex di && rebuilt.Contains(renamedTables.GetValueOrDefault(di.Index.Table, di.Index.Table))) continue;
            if (c is DropIndex di2 && rebuilt.Contains(di2.Index.Table)) continue;
            if (c is AddTrigger at && rebuilt.Contains(at.Trigger.Table)) continue;
            if (c is RenameIndex ri && rebuilt.Contains(ri.To.Table)) continue;
            if (c is DropTrigger dt && (rebuilt.Contains(dt.Trigger.Table) || rebuilt.Contains(renamedTables.FirstOrDefault(r => r.Value == dt.Trigger.Table).Key ?? dt.Trigger.Table))) continue;
            result.Add(c);
        }
        foreach (var (name, list) in rebuild.OrderBy(r => r.Key))
        {
            var desired = To.FindTable(name)!;
            var current = From.FindTable(renamedTables.GetValueOrDefault(name, name))!;
            // Columns renamed in this plan are renamed before the rebuild, so the copy reads them by their new names.
            foreach (var r in result.OfType<RenameColumn>().Where(r => r.Table == name))
            {
                current = current with { Columns = current.Columns.Select(col => col.Name == r.From ? col with { Name = r.To } : col).ToEquatableArray() };
            }
            result.Add(new RebuildTable(current with { Name = name }, desired, list));
        }
        // Views that read a rebuilt table are dropped before and made again after: SQLite checks them on RENAME.
        foreach (var v in From.Views)
        {
            if (result.Any(c => c is DropView d && d.View.Name == v.Name)) continue;
            var names = Names(v.Query);
            if (!rebuilt.Any(t => names.Contains(t.Name))) continue;
            result.Add(new DropView(v));
            if (To.Views.FirstOrDefault(x => x.Name == v.Name) is { } again && !result.Any(c => c is AddView a && a.View.Name == v.Name)) result.Add(new AddView(again));
        }
        return result;
    }

    private static HashSet<string> Names(string query)
    {
        var tokens = SqlLexer.Tokenize(query, SqliteDialect.Quotes);
        var c = new TokenCursor(query, tokens, foldCase: false);
        return tokens.Where(t => t.Kind is TokenKind.Word or TokenKind.QuotedIdentifier).Select(t => c.IdentifierValue(t)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether ALTER TABLE ADD COLUMN can add the column as it is: not generated or an identity, and either nullable
    /// without a default or with a constant default (SQLite refuses CURRENT_TIMESTAMP and expressions there).
    /// </summary>
    private static bool Plain(Column c) =>
        c.Generated == null && c.Identity == null && (c.Default == null ? !c.NotNull : ConstantDefault().IsMatch(c.Default));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-+]?\d+(?:\.\d+)?|'(?:[^']|'')*'|NULL|TRUE|FALSE)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ConstantDefault();

    protected override IReadOnlyList<string> CreateStatements(object item) => [SqliteSqlGenerator.CreateStatement(To, item, new List<Diagnostic>())];

    protected override string ColumnDefinition(QualifiedName table, Column column) => Q(column.Name) + " " + column.Type.Text
        + (column.Collation != null ? " COLLATE " + column.Collation : string.Empty)
        + (column.Default != null ? " DEFAULT " + column.Default : string.Empty)
        + (column.NotNull ? " NOT NULL" : string.Empty);

    protected override string ConstraintDefinition(QualifiedName table, object constraint) =>
        throw new NotSupportedException("SQLite adds constraints by rebuilding the table");

    private void ForeignKeysOff(SchemaChange c)
    {
        if (_foreignKeysOff) return;
        _foreignKeysOff = true;
        // Per connection, and only outside a transaction: it lasts until the plan's connection closes.
        EmitOutsideTransaction("PRAGMA foreign_keys = OFF", c, StatementPhase.Before);
    }

    protected override void Generate(DropTable c)
    {
        ForeignKeysOff(c);
        base.Generate(c);
    }

    protected override void Generate(DropTrigger c) => Emit($"DROP TRIGGER {Q(c.Trigger.Name)}", c);

    // SQLite has no ALTER INDEX: the index is made again under its new name.
    protected override void Generate(RenameIndex c)
    {
        Emit($"DROP INDEX {Q(c.From.Name.Name)}", c);
        Emit(SqliteSqlGenerator.CreateStatement(To, c.To, new List<Diagnostic>()), c);
    }

    protected override void Generate(RebuildTable c)
    {
        ForeignKeysOff(c);
        var name = c.To.Name.Name;
        var temp = "_schemafirst_new_" + name;
        var hazards = new List<Hazard> { new(HazardCodes.TableRewrite, $"the table {name} is copied row by row into a new one") };
        var kept = c.To.Columns.Where(col => c.From.FindColumn(col.Name) != null).Select(col => col.Name).ToList();
        foreach (var gone in c.From.Columns.Where(col => c.To.FindColumn(col.Name) == null))
        {
            hazards.Add(DropHazard(HazardCodes.DropColumn, $"column {name}.{QualifiedName.Display(gone.Name)}"));
        }
        foreach (var col in c.To.Columns.Where(col => c.From.FindColumn(col.Name) is { } was && was.NotNull != col.NotNull && col.NotNull))
        {
            hazards.Add(new Hazard(HazardCodes.SetNotNull, $"the copy fails if {name}.{QualifiedName.Display(col.Name)} holds NULL", NullsCheck(c.To.Name, col.Name)));
        }
        foreach (var col in c.To.Columns.Where(col => c.From.FindColumn(col.Name) is { } was && was.Type != col.Type))
        {
            hazards.Add(new Hazard(HazardCodes.TypeCast, $"{name}.{QualifiedName.Display(col.Name)} changes from {c.From.FindColumn(col.Name)!.Type.Text} to {col.Type.Text}: values keep their storage class unless the table is STRICT"));
        }
        foreach (var added in c.Replaces.OfType<AddConstraint>())
        {
            switch (added.Constraint)
            {
                case CheckConstraint ck:
                    hazards.Add(CheckHazard(c.To.Name, added.Name, ck, $"the copy fails if rows of {name} violate check {QualifiedName.Display(added.Name)}"));
                    break;
                case UniqueConstraint u:
                    hazards.Add(new Hazard(HazardCodes.AddUnique, $"the copy fails if {name} holds duplicate values in ({string.Join(", ", u.Columns.Select(QualifiedName.Display))})",
                        DuplicatesCheck(c.To.Name, u.Columns.Select(Q).ToList(), null, false, $"unique constraint {QualifiedName.Display(added.Name)}")));
                    break;
                case PrimaryKey pk:
                    hazards.Add(new Hazard(HazardCodes.AddUnique, $"the copy fails if {name} holds duplicate or NULL values in ({string.Join(", ", pk.Columns.Select(QualifiedName.Display))})",
                        DuplicatesCheck(c.To.Name, pk.Columns.Select(Q).ToList(), null, true, $"primary key {QualifiedName.Display(added.Name)}")));
                    break;
                case ForeignKey fk:
                    hazards.Add(ForeignKeyHazard(c.To.Name, added.Name, fk, $"foreign_key_check fails before commit if rows of {name} reference keys missing from {fk.ReferencedTable}"));
                    break;
            }
        }
        Emit(SqliteSqlGenerator.CreateStatement(To, c.To, new List<Diagnostic>(), temp), c, hazards.ToArray());
        var columns = string.Join(", ", kept.Select(Q));
        Emit($"INSERT INTO {Q(temp)} ({columns}) SELECT {columns} FROM {Q(name)}", c);
        Emit($"DROP TABLE {Q(name)}", c);
        Emit($"ALTER TABLE {Q(temp)} RENAME TO {Q(name)}", c);
        foreach (var i in To.Indexes.Where(i => i.Table == c.To.Name)) Emit(SqliteSqlGenerator.CreateStatement(To, i, new List<Diagnostic>()), c);
        foreach (var t in To.Triggers.Where(t => t.Table == c.To.Name)) Emit(SqliteSqlGenerator.CreateStatement(To, t, new List<Diagnostic>()), c);
    }

    protected override void Generate(SetComment c)
    {
    }
}
