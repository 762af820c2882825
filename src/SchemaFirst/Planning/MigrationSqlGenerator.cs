using SchemaFirst.Diff;
using SchemaFirst.Dialects;
using SchemaFirst.Model;

namespace SchemaFirst.Planning;

/// <summary>
/// Writes the SQL of one change at a time, as EF Core's migrations SQL generator does: one virtual method per kind of
/// change, written here in standard SQL through the dialect's quoting, overridden by a dialect where it differs. Each
/// statement carries its change and its hazards.
/// </summary>
public abstract class MigrationSqlGenerator
{
    private List<PlannedStatement> _out = new();

    protected MigrationSqlGenerator(ISqlDialect dialect, Database from, Database to, PlanOptions options)
    {
        Dialect = dialect;
        From = from;
        To = to;
        Options = options;
    }

    protected ISqlDialect Dialect { get; }

    protected Database From { get; }

    protected Database To { get; }

    protected PlanOptions Options { get; }

    /// <summary>The statements that carry out one change.</summary>
    public IReadOnlyList<PlannedStatement> Generate(SchemaChange change)
    {
        _out = new List<PlannedStatement>();
        switch (change)
        {
            case AddSchema c: Generate(c); break;
            case DropSchema c: Generate(c); break;
            case AddExtension c: Generate(c); break;
            case DropExtension c: Generate(c); break;
            case AddType c: Generate(c); break;
            case DropType c: Generate(c); break;
            case AddEnumValue c: Generate(c); break;
            case AddSequence c: Generate(c); break;
            case DropSequence c: Generate(c); break;
            case ModifySequence c: Generate(c); break;
            case ModifyDomain c: Generate(c); break;
            case RecreateEnum c: Generate(c); break;
            case DropRetiredType c: Generate(c); break;
            case SetSequenceOwner c: Generate(c); break;
            case AddTable c: Generate(c); break;
            case DropTable c: Generate(c); break;
            case RenameTable c: Generate(c); break;
            case ModifyTable c: Generate(c); break;
            case AddColumn c: Generate(c); break;
            case DropColumn c: Generate(c); break;
            case RenameColumn c: Generate(c); break;
            case RenameConstraint c: Generate(c); break;
            case ModifyColumn c: Generate(c); break;
            case RebuildTable c: Generate(c); break;
            case AddConstraint c: Generate(c); break;
            case DropConstraint c: Generate(c); break;
            case AddIndex c: Generate(c); break;
            case DropIndex c: Generate(c); break;
            case RenameIndex c: Generate(c); break;
            case AddView c: Generate(c); break;
            case DropView c: Generate(c); break;
            case AddRoutine c: Generate(c); break;
            case DropRoutine c: Generate(c); break;
            case ReplaceRoutine c: Generate(c); break;
            case AddTrigger c: Generate(c); break;
            case DropTrigger c: Generate(c); break;
            case AddPolicy c: Generate(c); break;
            case DropPolicy c: Generate(c); break;
            case AddRule c: Generate(c); break;
            case DropRule c: Generate(c); break;
            case SetComment c: Generate(c); break;
            case GrantPrivilege c: Generate(c); break;
            case RevokePrivilege c: Generate(c); break;
            case GrantDefaultPrivilege c: Generate(c); break;
            case RevokeDefaultPrivilege c: Generate(c); break;
            default: throw new ArgumentException($"no SQL for a {change.GetType().Name}", nameof(change));
        }
        return _out;
    }

    /// <summary>
    /// Lets the dialect replace changes it cannot make one by one (SQLite rebuilds a table instead); unchanged by default.
    /// Called before the changes are put in order.
    /// </summary>
    public virtual List<SchemaChange> Rewrite(List<SchemaChange> changes) => changes;

    /// <summary>Statements the plan needs before any change (session settings); none by default.</summary>
    public virtual IReadOnlyList<string> Preamble(IReadOnlyList<SchemaChange> changes) => [];

    protected void Emit(string sql, SchemaChange change, params Hazard[] hazards) => _out.Add(new PlannedStatement(sql, change, hazards, DefaultPhase));

    /// <summary>
    /// When a statement runs unless it says otherwise: in the plan's transaction, or (an engine whose DDL commits on its
    /// own, MySQL) before it, one by one, each recorded as done.
    /// </summary>
    protected virtual StatementPhase DefaultPhase => StatementPhase.Transaction;

    /// <summary>The statement emitted last for the current change.</summary>
    protected PlannedStatement Last() => _out[^1];

    /// <summary>Replaces the statement emitted last (to add a hazard to it).</summary>
    protected void Replace(PlannedStatement statement) => _out[^1] = statement;

    /// <summary>A statement that cannot run in the transaction: before it, or after it commits.</summary>
    protected void EmitOutsideTransaction(string sql, SchemaChange change, StatementPhase phase, params Hazard[] hazards) => _out.Add(new PlannedStatement(sql, change, hazards, phase));

    protected string Q(string name) => Dialect.QuoteIdentifier(name);

    protected string N(QualifiedName name) => Dialect.QuoteName(name);

    protected string Lit(string value) => Dialect.QuoteLiteral(value);

    /// <summary>The statements that create an object of the model, as the dialect's DDL generator writes them.</summary>
    protected abstract IReadOnlyList<string> CreateStatements(object item);

    /// <summary>A column of a table as ADD COLUMN writes it.</summary>
    protected abstract string ColumnDefinition(QualifiedName table, Column column);

    /// <summary>The statement that adds a column (ADD COLUMN in standard SQL).</summary>
    protected virtual string AddColumnSql(QualifiedName table, Column column) => $"ALTER TABLE {N(table)} ADD COLUMN {ColumnDefinition(table, column)}";

    /// <summary>A table constraint as ADD CONSTRAINT writes it, after the name.</summary>
    protected abstract string ConstraintDefinition(QualifiedName table, object constraint);

    private void EmitCreate(object item, SchemaChange change, params Hazard[] hazards)
    {
        foreach (var sql in CreateStatements(item)) Emit(sql, change, hazards);
    }

    protected static Hazard DropHazard(string code, string what) => new(code, $"{what} and the data in it are gone for good");

    protected static Hazard BreaksCode(string what) => new(HazardCodes.DropUsedByCode, $"code that still uses {what} fails once this runs; deploy the code that stops using it first");

    protected virtual void Generate(AddSchema c) => Emit($"CREATE SCHEMA {Q(c.Schema.Name)}", c);

    protected virtual void Generate(DropSchema c) => Emit($"DROP SCHEMA {Q(c.Schema.Name)}", c, DropHazard(HazardCodes.DropSchema, $"schema {c.Schema.Name}"));

    protected virtual void Generate(AddExtension c) => EmitCreate(c.Extension, c);

    protected virtual void Generate(DropExtension c) => Emit($"DROP EXTENSION {Q(c.Extension.Name)}", c, BreaksCode($"extension {c.Extension.Name}"));

    protected virtual void Generate(AddType c) => EmitCreate(c.Definition, c);

    protected virtual void Generate(DropType c) =>
        Emit($"DROP {(c.Definition is DomainType ? "DOMAIN" : "TYPE")} {N(c.Name)}", c, DropHazard(HazardCodes.DropType, $"type {c.Name}"));

    protected virtual void Generate(AddEnumValue c) => throw new NotSupportedException($"{Dialect.DisplayName} has no enums");

    protected virtual void Generate(AddSequence c) => EmitCreate(c.Sequence, c);

    protected virtual void Generate(DropSequence c) =>
        Emit($"DROP SEQUENCE {N(c.Sequence.Name)}", c, DropHazard(HazardCodes.DropSequence, $"sequence {c.Sequence.Name} (its current value)"));

    protected virtual void Generate(ModifySequence c) => throw new NotSupportedException($"{Dialect.DisplayName} has no sequences");

    protected virtual void Generate(SetSequenceOwner c) => throw new NotSupportedException($"{Dialect.DisplayName} has no sequences");

    protected virtual void Generate(RecreateEnum c) => throw new NotSupportedException($"{Dialect.DisplayName}: {c.Describe()}");

    protected virtual void Generate(DropRetiredType c) => Emit($"DROP TYPE {N(c.Retired)}", c);

    protected virtual void Generate(ModifyDomain c) => throw new NotSupportedException($"{Dialect.DisplayName}: {c.Describe()}");

    protected virtual void Generate(AddTable c) => EmitCreate(c.Table, c);

    protected virtual void Generate(DropTable c) =>
        Emit($"DROP TABLE {N(c.Table.Name)}", c, DropHazard(HazardCodes.DropTable, $"table {c.Table.Name}"), BreaksCode($"table {c.Table.Name}"));

    protected virtual void Generate(RenameTable c) =>
        Emit($"ALTER TABLE {N(c.From)} RENAME TO {Q(c.To.Name)}", c, new Hazard(HazardCodes.Rename, $"code that still uses the name {c.From} fails once this runs"));

    protected virtual void Generate(ModifyTable c) => throw new NotSupportedException($"{Dialect.DisplayName}: {c.Describe()}");

    protected virtual void Generate(AddColumn c)
    {
        var hazards = new List<Hazard>();
        if (c.Column.NotNull && c.Column.Default == null && c.Column.Identity == null && c.Column.Generated == null)
        {
            hazards.Add(new Hazard(HazardCodes.AddNotNullColumn, $"adding NOT NULL column {QualifiedName.Display(c.Column.Name)} without a default fails if {c.Table} has rows",
                RowsCheck(c.Table, $"adding NOT NULL column {QualifiedName.Display(c.Column.Name)} without a default")));
        }
        Emit(AddColumnSql(c.Table, c.Column), c, hazards.ToArray());
    }

    protected virtual void Generate(DropColumn c) =>
        Emit($"ALTER TABLE {N(c.Table)} DROP COLUMN {Q(c.Column.Name)}", c,
            DropHazard(HazardCodes.DropColumn, $"column {c.Table}.{QualifiedName.Display(c.Column.Name)}"), BreaksCode($"column {QualifiedName.Display(c.Column.Name)}"));

    protected virtual void Generate(RenameColumn c) =>
        Emit($"ALTER TABLE {N(c.Table)} RENAME COLUMN {Q(c.From)} TO {Q(c.To)}", c,
            new Hazard(HazardCodes.Rename, $"code that still uses column {QualifiedName.Display(c.From)} fails once this runs"));

    protected virtual void Generate(RebuildTable c) => throw new NotSupportedException($"{Dialect.DisplayName}: {c.Describe()}");

    protected virtual void Generate(RenameConstraint c) => Emit($"ALTER TABLE {N(c.Table)} RENAME CONSTRAINT {Q(c.From)} TO {Q(c.To)}", c);

    protected virtual void Generate(ModifyColumn c) => throw new NotSupportedException($"{Dialect.DisplayName}: {c.Describe()}");

    protected virtual void Generate(AddConstraint c)
    {
        var hazards = c.Constraint switch
        {
            PrimaryKey p => new[] { new Hazard(HazardCodes.AddUnique, $"fails if {c.Table} holds duplicate or NULL values in ({string.Join(", ", p.Columns.Select(QualifiedName.Display))})",
                DuplicatesCheck(c.Table, p.Columns.Select(Q).ToList(), null, nullsCount: true, $"primary key {QualifiedName.Display(c.Name)}")) },
            UniqueConstraint u => [new Hazard(HazardCodes.AddUnique, $"fails if {c.Table} holds duplicate values in ({string.Join(", ", u.Columns.Select(QualifiedName.Display))})",
                DuplicatesCheck(c.Table, u.Columns.Select(Q).ToList(), null, u.NullsNotDistinct, $"unique constraint {QualifiedName.Display(c.Name)}"))],
            ForeignKey fk when !fk.NotValid => [ForeignKeyHazard(c.Table, c.Name, fk)],
            CheckConstraint ck when !ck.NotValid => [CheckHazard(c.Table, c.Name, ck)],
            _ => [],
        };
        Emit($"ALTER TABLE {N(c.Table)} ADD CONSTRAINT {Q(c.Name)} {ConstraintDefinition(c.Table, c.Constraint)}", c, hazards);
    }

    /// <summary>The pre-flight query for a statement that fails when a table has rows.</summary>
    protected DataCheck RowsCheck(QualifiedName table, string what) =>
        new($"SELECT count(*) FROM {N(table)}", $"{table} has {{0}} row(s); {what} would fail");

    /// <summary>The pre-flight query for SET NOT NULL: the rows that hold NULL.</summary>
    protected DataCheck NullsCheck(QualifiedName table, string column) =>
        new($"SELECT count(*) FROM {N(table)} WHERE {Q(column)} IS NULL", $"{table}.{QualifiedName.Display(column)}: {{0}} row(s) are NULL; SET NOT NULL would fail");

    /// <summary>
    /// The pre-flight query for a new unique key: the key values held by more than one row (rows with a NULL in the key
    /// never clash, unless <paramref name="nullsCount"/>: a primary key refuses NULL, NULLS NOT DISTINCT compares it).
    /// </summary>
    protected DataCheck DuplicatesCheck(QualifiedName table, IReadOnlyList<string> keys, string? where, bool nullsCount, string what)
    {
        var filter = new List<string>();
        if (!nullsCount) filter.AddRange(keys.Select(k => $"{k} IS NOT NULL"));
        if (where != null) filter.Add("(" + where + ")");
        var sql = $"SELECT count(*) FROM (SELECT 1 AS one FROM {N(table)}{(filter.Count > 0 ? " WHERE " + string.Join(" AND ", filter) : string.Empty)} GROUP BY {string.Join(", ", keys)} HAVING count(*) > 1) AS duplicates";
        var display = "(" + string.Join(", ", keys) + ")";
        if (what.StartsWith("primary key", StringComparison.Ordinal))
        {
            sql = $"SELECT ({sql}) + (SELECT count(*) FROM {N(table)} WHERE {string.Join(" OR ", keys.Select(k => k + " IS NULL"))})";
            return new DataCheck(sql, $"{table} {display}: {{0}} key value(s) are NULL or held by more than one row; {what} would fail");
        }
        return new DataCheck(sql, $"{table} {display}: {{0}} value(s) are held by more than one row; {what} would fail");
    }

    /// <summary>A new foreign key's hazard, with the pre-flight query that counts the rows whose key is missing from the referenced table.</summary>
    protected Hazard ForeignKeyHazard(QualifiedName table, string name, ForeignKey fk, string? note = null)
    {
        var referenced = fk.ReferencedColumns.Count > 0 ? fk.ReferencedColumns.ToList() : To.FindTable(fk.ReferencedTable)?.PrimaryKey?.Columns.ToList() ?? [];
        DataCheck? check = null;
        if (referenced.Count == fk.Columns.Count)
        {
            var join = string.Join(" AND ", fk.Columns.Zip(referenced, (a, b) => $"p.{Q(b)} = c.{Q(a)}"));
            var missing = $"NOT EXISTS (SELECT 1 FROM {N(fk.ReferencedTable)} AS p WHERE {join})";
            // MATCH SIMPLE lets a row with any NULL in the key through; MATCH FULL only one whose key is all NULL.
            var where = fk.Match == ForeignKeyMatch.Full && fk.Columns.Count > 1
                ? $"NOT ({string.Join(" AND ", fk.Columns.Select(col => $"c.{Q(col)} IS NULL"))}) AND ({string.Join(" OR ", fk.Columns.Select(col => $"c.{Q(col)} IS NULL"))} OR {missing})"
                : $"{string.Join(" AND ", fk.Columns.Select(col => $"c.{Q(col)} IS NOT NULL"))} AND {missing}";
            check = new DataCheck($"SELECT count(*) FROM {N(table)} AS c WHERE {where}",
                $"{table} ({string.Join(", ", fk.Columns.Select(QualifiedName.Display))}): {{0}} row(s) reference keys missing from {fk.ReferencedTable}; foreign key {QualifiedName.Display(name)} would fail");
        }
        return new Hazard(HazardCodes.AddForeignKey, note ?? $"fails if rows of {table} reference keys missing from {fk.ReferencedTable}", check);
    }

    /// <summary>A new check's hazard, with the pre-flight query that counts the rows that fail it (NULL passes a check).</summary>
    protected Hazard CheckHazard(QualifiedName table, string name, CheckConstraint check, string? note = null) =>
        new(HazardCodes.AddCheck, note ?? $"fails if rows of {table} violate the check",
            new DataCheck($"SELECT count(*) FROM {(check.NoInherit ? "ONLY " : string.Empty)}{N(table)} WHERE NOT ({check.Expression})", $"{table}: {{0}} row(s) fail CHECK ({check.Expression}); check {QualifiedName.Display(name)} would fail"));

    protected virtual void Generate(DropConstraint c) => Emit($"ALTER TABLE {N(c.Table)} DROP CONSTRAINT {Q(c.Name)}", c);

    protected virtual void Generate(AddIndex c) => EmitCreate(c.Index, c);

    protected virtual void Generate(DropIndex c) => Emit($"DROP INDEX {N(c.Index.Name)}", c);

    protected virtual void Generate(RenameIndex c) => Emit($"ALTER INDEX {N(c.From.Name)} RENAME TO {Q(c.To.Name.Name)}", c);

    protected virtual void Generate(AddView c) => EmitCreate(c.View, c);

    protected virtual void Generate(DropView c)
    {
        if (c.View.Materialized) Emit($"DROP MATERIALIZED VIEW {N(c.View.Name)}", c, DropHazard(HazardCodes.DropMaterializedView, $"materialized view {c.View.Name}"));
        else Emit($"DROP VIEW {N(c.View.Name)}", c);
    }

    protected virtual void Generate(AddRoutine c) => EmitCreate(c.Routine, c);

    protected virtual void Generate(DropRoutine c) => Emit($"DROP {RoutineKeyword(c.Routine)} {N(c.Routine.Name)}({c.Routine.ArgumentTypes})", c);

    protected virtual void Generate(ReplaceRoutine c) => EmitCreate(c.To, c);

    protected virtual void Generate(AddTrigger c) => EmitCreate(c.Trigger, c);

    protected virtual void Generate(DropTrigger c) => Emit($"DROP TRIGGER {Q(c.Trigger.Name)} ON {N(c.Trigger.Table)}", c);

    protected virtual void Generate(AddPolicy c) => EmitCreate(c.Policy, c);

    protected virtual void Generate(DropPolicy c) => Emit($"DROP POLICY {Q(c.Policy.Name)} ON {N(c.Policy.Table)}", c);

    protected virtual void Generate(AddRule c) => EmitCreate(c.Rule, c);

    protected virtual void Generate(DropRule c) => Emit($"DROP RULE {Q(c.Rule.Name)} ON {N(c.Rule.Table)}", c);

    protected virtual void Generate(SetComment c) => throw new NotSupportedException($"{Dialect.DisplayName} has no comments");

    protected virtual void Generate(GrantPrivilege c) => throw new NotSupportedException($"{Dialect.DisplayName} has no privileges");

    protected virtual void Generate(RevokePrivilege c) => throw new NotSupportedException($"{Dialect.DisplayName} has no privileges");

    protected virtual void Generate(GrantDefaultPrivilege c) => throw new NotSupportedException($"{Dialect.DisplayName} has no default privileges");

    protected virtual void Generate(RevokeDefaultPrivilege c) => throw new NotSupportedException($"{Dialect.DisplayName} has no default privileges");

    protected static string RoutineKeyword(Routine r) => r.Kind switch
    {
        RoutineKind.Procedure => "PROCEDURE",
        RoutineKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };
}
