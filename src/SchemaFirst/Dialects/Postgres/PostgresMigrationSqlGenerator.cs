using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Diff;
using SchemaFirst.Model;
using SchemaFirst.Planning;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Writes PostgreSQL migration SQL: CREATE statements exactly as <c>generate sql</c> writes them, ALTERs for what
/// changes in place, and the hazards PostgreSQL gives each (locks, rewrites, checks of existing rows). With
/// <see cref="PlanOptions.ConcurrentIndexes"/> indexes are built and dropped CONCURRENTLY outside the transaction; with
/// <see cref="PlanOptions.Online"/> foreign keys and checks are added NOT VALID and validated separately.
/// </summary>
internal sealed class PostgresMigrationSqlGenerator(Database from, Database to, PlanOptions options)
    : MigrationSqlGenerator(PostgresDialect.Instance, from, to, options)
{
    private readonly HashSet<QualifiedName> _newTables = to.Tables.Select(t => t.Name).Except(from.Tables.Select(t => t.Name)).ToHashSet();

    /// <summary>A serial column made an identity column drops its sequence itself, before the identity is added.</summary>
    public override List<SchemaChange> Rewrite(List<SchemaChange> changes)
    {
        var going = changes.OfType<ModifyColumn>().Select(SerialSequenceGoing).Where(s => s != null).Select(s => s!.Name).ToHashSet();
        changes.RemoveAll(c => c is DropSequence d && going.Contains(d.Sequence.Name));
        return changes;
    }

    public override IReadOnlyList<string> Preamble(IReadOnlyList<SchemaChange> changes) =>
        changes.Any(c => c is AddRoutine or ReplaceRoutine)
            ? ["SET check_function_bodies = false"]
            : [];

    private PostgresSqlGenerator? _creator;

    protected override IReadOnlyList<string> CreateStatements(object item) => (_creator ??= PostgresSqlGenerator.ForCapture(To)).Capture(item);

    protected override string ColumnDefinition(QualifiedName table, Column column) => PostgresSqlGenerator.ColumnText(column);

    protected override string ConstraintDefinition(QualifiedName table, object constraint) => constraint switch
    {
        PrimaryKey p => "PRIMARY KEY (" + PostgresSqlGenerator.Columns(p.Columns) + ")" + PostgresSqlGenerator.IndexOptionsText(p.Options) + PostgresSqlGenerator.TimingText(p.Timing),
        UniqueConstraint u => "UNIQUE " + (u.NullsNotDistinct ? "NULLS NOT DISTINCT " : string.Empty) + "(" + PostgresSqlGenerator.Columns(u.Columns) + ")"
            + PostgresSqlGenerator.IndexOptionsText(u.Options) + PostgresSqlGenerator.TimingText(u.Timing),
        ForeignKey f => PostgresSqlGenerator.ForeignKeyClause(f) + (f.NotValid ? " NOT VALID" : string.Empty),
        CheckConstraint c => PostgresSqlGenerator.CheckClause(c) + (c.NotValid ? " NOT VALID" : string.Empty),
        ExclusionConstraint x => "EXCLUDE USING " + x.Method + " (" + string.Join(", ", x.Elements.Select(e => PostgresSqlGenerator.IndexElementText(e.Element) + " WITH " + e.Operator)) + ")"
            + PostgresSqlGenerator.IndexOptionsText(x.Options) + (x.Where != null ? " WHERE (" + x.Where + ")" : string.Empty) + PostgresSqlGenerator.TimingText(x.Timing),
        _ => throw new ArgumentException($"not a constraint: {constraint.GetType().Name}", nameof(constraint)),
    };

    protected override void Generate(AddSchema c)
    {
        foreach (var sql in CreateStatements(c.Schema)) Emit(sql, c);
    }

    protected override void Generate(AddEnumValue c)
    {
        var position = c.Before != null ? " BEFORE " + Lit(c.Before) : c.After != null ? " AFTER " + Lit(c.After) : string.Empty;
        // A value added in a transaction cannot be used before it commits: it runs on its own, before the rest.
        EmitOutsideTransaction($"ALTER TYPE {N(c.Enum.Name)} ADD VALUE {Lit(c.Label)}{position}", c, StatementPhase.Before);
    }

    /// <summary>Enums made again in this plan, with their new values: columns move over to them through text.</summary>
    private readonly Dictionary<QualifiedName, EquatableArray<string>> _recreatedEnums = [];

    protected override void Generate(RecreateEnum c)
    {
        _recreatedEnums[c.To.Name] = c.To.Labels;
        Emit($"ALTER TYPE {N(c.From.Name)} RENAME TO {Q(c.Retired.Name)}", c);
        foreach (var sql in CreateStatements(c.To)) Emit(sql, c);
    }

    protected override void Generate(ModifyDomain c)
    {
        var (a, b) = (c.From, c.To);
        var alter = $"ALTER DOMAIN {N(b.Name)}";
        var kept = b.Checks.Select(k => k with { Comment = null }).ToHashSet();
        foreach (var gone in a.Checks.Where(k => !kept.Contains(k with { Comment = null }))) Emit($"{alter} DROP CONSTRAINT {Q(gone.Name)}", c);
        if (a.Default != b.Default) Emit(b.Default != null ? $"{alter} SET DEFAULT {b.Default}" : $"{alter} DROP DEFAULT", c);
        if (a.NotNull != b.NotNull)
        {
            if (b.NotNull) Emit($"{alter} SET NOT NULL", c, new Hazard(HazardCodes.SetNotNull, $"fails if a column of domain {b.Name} holds NULL"));
            else Emit($"{alter} DROP NOT NULL", c);
        }
        var had = a.Checks.Select(k => k with { Comment = null }).ToHashSet();
        foreach (var added in b.Checks.Where(k => !had.Contains(k with { Comment = null })))
        {
            Emit($"{alter} ADD CONSTRAINT {Q(added.Name)} CHECK ({added.Expression}){(added.NotValid ? " NOT VALID" : string.Empty)}", c,
                new Hazard(HazardCodes.AddCheck, $"fails if a value in a column of domain {b.Name} violates the check"));
        }
    }

    protected override void Generate(ModifySequence c)
    {
        // The model leaves out options at their defaults, and a default depends on the others (START is MINVALUE for an
        // ascending sequence): compare what each option comes to, and state every one that changes in full.
        var a = Effective(c.From.Options);
        var b = Effective(c.To.Options);
        var parts = new List<string>();
        if (a.Type != b.Type) parts.Add("AS " + b.Type);
        if (a.Increment != b.Increment) parts.Add("INCREMENT BY " + Num(b.Increment));
        if (a.Min != b.Min) parts.Add("MINVALUE " + Num(b.Min));
        if (a.Max != b.Max) parts.Add("MAXVALUE " + Num(b.Max));
        if (a.Start != b.Start) parts.Add("START WITH " + Num(b.Start));
        if (a.Cache != b.Cache) parts.Add("CACHE " + Num(b.Cache));
        if (a.Cycle != b.Cycle) parts.Add(b.Cycle ? "CYCLE" : "NO CYCLE");
        if (b.Min > a.Min && b.Increment > 0)
        {
            // The server checks the current value against the new range: a sequence not yet there moves up to it.
            Emit($"SELECT pg_catalog.setval({Lit(N(c.To.Name))}, {Num(b.Min)}, false) FROM {N(c.To.Name)} WHERE last_value < {Num(b.Min)}", c);
        }
        var hazards = b.Max < a.Max ? new[] { new Hazard(HazardCodes.TypeCast, $"fails if {c.To.Name} is already past its new MAXVALUE {Num(b.Max)}") } : [];
        if (parts.Count > 0) Emit($"ALTER SEQUENCE {N(c.To.Name)} {string.Join(" ", parts)}", c, hazards);
        if (c.From.Unlogged != c.To.Unlogged) Emit($"ALTER SEQUENCE {N(c.To.Name)} SET {(c.To.Unlogged ? "UNLOGGED" : "LOGGED")}", c);
    }

    private static (string Type, long Increment, long Min, long Max, long Start, long Cache, bool Cycle) Effective(SequenceOptions o)
    {
        var type = o.DataType ?? "bigint";
        var (typeMin, typeMax) = type switch
        {
            "smallint" => ((long)short.MinValue, (long)short.MaxValue),
            "integer" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var increment = o.Increment ?? 1;
        var min = o.MinValue ?? (increment > 0 ? 1 : typeMin);
        var max = o.MaxValue ?? (increment > 0 ? typeMax : -1);
        return (type, increment, min, max, o.Start ?? (increment > 0 ? min : max), o.Cache ?? 1, o.Cycle);
    }

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    protected override void Generate(SetSequenceOwner c) =>
        Emit($"ALTER SEQUENCE {N(c.Sequence)} OWNED BY {(c.Owner != null ? PostgresQuoting.Column(c.Owner) : "NONE")}", c);

    protected override void Generate(ModifyTable c)
    {
        if ((c.Changes & TableChange.RowLevelSecurity) != 0)
        {
            Emit($"ALTER TABLE {N(c.To.Name)} {(c.To.RowLevelSecurity ? "ENABLE" : "DISABLE")} ROW LEVEL SECURITY", c);
        }
        if ((c.Changes & TableChange.ForceRowLevelSecurity) != 0)
        {
            Emit($"ALTER TABLE {N(c.To.Name)} {(c.To.ForceRowLevelSecurity ? "FORCE" : "NO FORCE")} ROW LEVEL SECURITY", c);
        }
        if ((c.Changes & TableChange.StorageParameters) != 0)
        {
            var was = StorageParameters(c.From.With);
            var now = StorageParameters(c.To.With);
            var reset = was.Keys.Where(k => !now.ContainsKey(k)).ToList();
            var set = now.Where(p => !was.TryGetValue(p.Key, out var v) || v != p.Value).Select(p => p.Key + "=" + p.Value).ToList();
            if (reset.Count > 0) Emit($"ALTER TABLE {N(c.To.Name)} RESET ({string.Join(", ", reset)})", c);
            if (set.Count > 0) Emit($"ALTER TABLE {N(c.To.Name)} SET ({string.Join(", ", set)})", c);
        }
        var t = N(c.To.Name);
        var rewrite = new Hazard(HazardCodes.TableRewrite, $"rewrites {c.To.Name} under an ACCESS EXCLUSIVE lock");
        if ((c.Changes & TableChange.Persistence) != 0) Emit($"ALTER TABLE {t} SET {(c.To.Persistence == TablePersistence.Unlogged ? "UNLOGGED" : "LOGGED")}", c, rewrite);
        if ((c.Changes & TableChange.AccessMethod) != 0) Emit($"ALTER TABLE {t} SET ACCESS METHOD {Q(c.To.AccessMethod ?? "heap")}", c, rewrite);
        if ((c.Changes & TableChange.Tablespace) != 0) Emit($"ALTER TABLE {t} SET TABLESPACE {Q(c.To.Tablespace ?? "pg_default")}", c, rewrite);
        if ((c.Changes & TableChange.Inheritance) != 0)
        {
            foreach (var gone in c.From.Inherits.Where(p => !c.To.Inherits.Contains(p))) Emit($"ALTER TABLE {t} NO INHERIT {N(gone)}", c);
            foreach (var added in c.To.Inherits.Where(p => !c.From.Inherits.Contains(p))) Emit($"ALTER TABLE {t} INHERIT {N(added)}", c);
        }
        if ((c.Changes & TableChange.Partition) != 0)
        {
            if (c.From.PartitionOf is { } was) Emit($"ALTER TABLE {N(was.Parent)} DETACH PARTITION {t}", c);
            if (c.To.PartitionOf is { } now)
            {
                Emit($"ALTER TABLE {N(now.Parent)} ATTACH PARTITION {t} {now.Bound}", c,
                    new Hazard(HazardCodes.AddCheck, $"fails if a row of {c.To.Name} falls outside the partition bound, or the default partition holds rows of it; scans {c.To.Name}"));
            }
        }
    }

    /// <summary>The keys and values of a storage-parameter list as the model keeps it: <c>(fillfactor='70', ...)</c>.</summary>
    private static Dictionary<string, string> StorageParameters(string? with)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (with == null) return result;
        var text = with.Trim();
        if (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1];
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            else if (text[i] == ',' && !quoted)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        foreach (var p in parts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            result[eq < 0 ? p : p[..eq].Trim()] = eq < 0 ? "true" : p[(eq + 1)..].Trim();
        }
        return result;
    }

    protected override void Generate(ModifyColumn c)
    {
        var t = N(c.Table);
        var col = Q(c.To.Name);
        var alter = $"ALTER TABLE {t} ALTER COLUMN {col}";
        var a = c.From;
        var b = c.To;
        if ((c.Changes & ColumnChange.Generated) != 0)
        {
            if (a.Generated != null && b.Generated == null)
            {
                Emit($"{alter} DROP EXPRESSION", c);
            }
            else
            {
                // An expression cannot be changed in place before PostgreSQL 17, nor added to a column: the column is made again.
                Emit($"ALTER TABLE {t} DROP COLUMN {col}", c, DropHazard(HazardCodes.DropColumn, $"column {c.Table}.{QualifiedName.Display(b.Name)} (made again as {(b.Generated != null ? "a generated column" : "a plain column")})"));
                Emit($"ALTER TABLE {t} ADD COLUMN {ColumnDefinition(c.Table, b)}", c, new Hazard(HazardCodes.TableRewrite, $"adding a stored generated column rewrites {c.Table}"));
                return;
            }
        }
        var typeChanges = (c.Changes & (ColumnChange.Type | ColumnChange.Collation)) != 0;
        var defaultChanges = (c.Changes & ColumnChange.Default) != 0;
        if (typeChanges && a.Default != null && !defaultChanges) defaultChanges = true;
        if (defaultChanges && a.Default != null && (typeChanges || b.Default == null)) Emit($"{alter} DROP DEFAULT", c);
        if (SerialSequenceGoing(c) is { } serial)
        {
            // A serial made an identity column: its sequence goes first, so the identity's takes the same name.
            Emit($"DROP SEQUENCE {N(serial.Name)}", c, DropHazard(HazardCodes.DropSequence, $"sequence {serial.Name} (the identity continues after the largest value)"));
        }
        if (typeChanges)
        {
            // Between character types the assignment cast applies, which refuses a value too long for the new length; an
            // explicit USING cast would cut it without a word. So the pre-flight query counts values that are too long.
            var characters = IsCharacter(a.Type) && IsCharacter(b.Type);
            // To a bounded character type from another kind: through text, so the assignment cast refuses a value too long
            // (an explicit cast to varchar(n) or char(n) would cut it).
            var throughText = !characters && IsCharacter(b.Type) && b.Type.Length != null;
            var recreated = b.Type.UserType is { } enumName && _recreatedEnums.TryGetValue(enumName, out var labels) ? labels : default;
            var check = !recreated.IsEmpty
                ? (b.Type.ArrayDimensions == 0
                    ? new DataCheck($"SELECT count(*) FROM {t} WHERE {col} IS NOT NULL AND {col}::text NOT IN ({string.Join(", ", recreated.Select(Lit))})",
                        $"{c.Table}.{QualifiedName.Display(b.Name)}: {{0}} row(s) hold a value {b.Type.Text} no longer has; the type change would fail")
                    : null)
                : throughText
                ? (b.Type.ArrayDimensions == 0
                    ? new DataCheck($"SELECT count(*) FROM {t} WHERE length({col}::text) > {b.Type.Length}", $"{c.Table}.{QualifiedName.Display(b.Name)}: {{0}} value(s) are longer than {b.Type.Length} characters as text; the type change would fail")
                    : null)
                : !characters
                ? new DataCheck($"SELECT count(*) FROM {t} WHERE {col} IS NOT NULL AND NOT {CastableFunction}({col}::text, {Lit(a.Type.Text)}, {Lit(b.Type.Text)})",
                    $"{c.Table}.{QualifiedName.Display(b.Name)}: {{0}} value(s) cannot be cast from {a.Type.Text} to {b.Type.Text}; the type change would fail")
                : b.Type.Length is { } length && b.Type.ArrayDimensions == 0 && (a.Type.Length is null || a.Type.Length > length)
                    ? new DataCheck($"SELECT count(*) FROM {t} WHERE length({col}) > {length}", $"{c.Table}.{QualifiedName.Display(b.Name)}: {{0}} value(s) are longer than {length} characters; the type change would fail")
                    : null;
            var hazards = new List<Hazard>
            {
                new(HazardCodes.TypeCast, !recreated.IsEmpty
                    ? $"fails if {c.Table}.{QualifiedName.Display(b.Name)} holds a value the enum no longer has"
                    : $"fails if a value of {c.Table}.{QualifiedName.Display(b.Name)} cannot be cast from {a.Type.Text} to {b.Type.Text}", check),
                new(HazardCodes.TableRewrite, $"changing the type rewrites {c.Table} and its indexes under an ACCESS EXCLUSIVE lock"),
            };
            if (Narrows(a.Type, b.Type))
            {
                hazards.Add(new Hazard(HazardCodes.NarrowingType, characters
                    ? $"{a.Type.Text} to {b.Type.Text} narrows the column: a value that does not fit makes it fail"
                    : $"{a.Type.Text} to {b.Type.Text} narrows the column: values that do not fit make it fail, and digits past the new scale are rounded away"));
            }
            var collate = b.Collation != null ? " COLLATE " + PostgresQuoting.Dotted(b.Collation) : string.Empty;
            var using_ = !recreated.IsEmpty ? $" USING {col}::text{(b.Type.ArrayDimensions > 0 ? "[]" : string.Empty)}::{b.Type.Text}"
                : characters ? string.Empty
                : throughText ? $" USING {col}::text{(b.Type.ArrayDimensions > 0 ? "[]" : string.Empty)}"
                : $" USING {col}::{b.Type.Text}";
            Emit($"{alter} TYPE {b.Type.Text}{collate}{using_}", c, hazards.ToArray());
        }
        if (defaultChanges && b.Default != null) Emit($"{alter} SET DEFAULT {b.Default}", c);
        if ((c.Changes & ColumnChange.Nullability) != 0)
        {
            if (b.NotNull) Emit($"{alter} SET NOT NULL", c, new Hazard(HazardCodes.SetNotNull, $"fails if {c.Table}.{QualifiedName.Display(b.Name)} holds NULL; scans the table under an ACCESS EXCLUSIVE lock", NullsCheck(c.Table, b.Name)));
            else Emit($"{alter} DROP NOT NULL", c);
        }
        if ((c.Changes & ColumnChange.Identity) != 0) Identity(c, alter);
        if ((c.Changes & ColumnChange.Storage) != 0)
        {
            if (b.Storage != null) Emit($"{alter} SET STORAGE {b.Storage}", c);
            else
            {
                // Back to the type's own storage, which PostgreSQL before 16 cannot name as DEFAULT: read it from pg_type.
                var sql = $"ALTER TABLE {N(c.Table)} ALTER COLUMN {Q(b.Name)} SET STORAGE ";
                Emit("DO $$\nBEGIN\n    EXECUTE " + Lit(sql) + " || (SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END FROM pg_catalog.pg_type t WHERE t.oid = "
                    + Lit(b.Type.Text) + "::regtype);\nEND $$", c);
            }
        }
        if ((c.Changes & ColumnChange.Compression) != 0) Emit($"{alter} SET COMPRESSION {(b.Compression != null ? Q(b.Compression) : "default")}", c);
    }

    private void Identity(ModifyColumn c, string alter)
    {
        var a = c.From.Identity;
        var b = c.To.Identity;
        if (b == null)
        {
            Emit($"{alter} DROP IDENTITY", c);
            return;
        }
        if (a == null)
        {
            var opts = PostgresSqlGenerator.SequenceOptionsText(b.Options with { DataType = null }, " ");
            if (b.SequenceName != null) opts = " SEQUENCE NAME " + N(b.SequenceName) + opts;
            Emit($"{alter} ADD GENERATED {(b.Always ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY{(opts.Length > 0 ? " (" + opts.TrimStart() + ")" : string.Empty)}", c);
            if (!_newTables.Contains(c.Table) && b.Options.Start == null)
            {
                // The rows already there keep their values: the new identity continues after the largest, not at 1.
                var col = Q(c.To.Name);
                Emit($"SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence({Lit(N(c.Table))}, {Lit(c.To.Name)}), coalesce(max({col}), 0) + 1, false) FROM {N(c.Table)}", c);
            }
            return;
        }
        var sets = new List<string>();
        if (a.Always != b.Always) sets.Add("SET GENERATED " + (b.Always ? "ALWAYS" : "BY DEFAULT"));
        var x = a.Options;
        var y = b.Options;
        if (x.Increment != y.Increment) sets.Add("SET INCREMENT BY " + Num(y.Increment ?? 1));
        if (x.MinValue != y.MinValue) sets.Add(y.MinValue is { } min ? "SET MINVALUE " + Num(min) : "SET NO MINVALUE");
        if (x.MaxValue != y.MaxValue) sets.Add(y.MaxValue is { } max ? "SET MAXVALUE " + Num(max) : "SET NO MAXVALUE");
        if (x.Start != y.Start) sets.Add("SET START WITH " + Num(y.Start ?? 1));
        if (x.Cache != y.Cache) sets.Add("SET CACHE " + Num(y.Cache ?? 1));
        if (x.Cycle != y.Cycle) sets.Add(y.Cycle ? "SET CYCLE" : "SET NO CYCLE");
        if (sets.Count > 0) Emit($"{alter} {string.Join(" ", sets)}", c);
    }

    /// <summary>The sequence behind a serial column's default when the column becomes an identity column and the sequence goes.</summary>
    private static Sequence? SerialSequenceGoing(ModifyColumn c, Database from, Database to)
    {
        if (c.From.Identity != null || c.To.Identity == null || c.From.Default is not { } d || !d.StartsWith("nextval(", StringComparison.Ordinal)) return null;
        return from.Sequences.FirstOrDefault(s => d.Contains("'" + PostgresQuoting.Name(s.Name) + "'", StringComparison.Ordinal) && !to.Sequences.Any(x => x.Name == s.Name));
    }

    private Sequence? SerialSequenceGoing(ModifyColumn c) => SerialSequenceGoing(c, From, To);

    /// <summary>Whether a type change can cut values: a shorter length, fewer digits, or a smaller integer.</summary>
    private static bool Narrows(DataType a, DataType b)
    {
        if (a.Kind == b.Kind && a.Length is { } la && b.Length is { } lb) return lb < la;
        if (a.Kind == b.Kind && a.Precision is { } pa && b.Precision is { } pb) return pb < pa || (b.Scale ?? 0) < (a.Scale ?? 0);
        static int Width(string t) => t switch { "smallint" => 2, "integer" => 4, "bigint" => 8, _ => 0 };
        if (Width(b.Text) > 0 && Width(a.Text) > Width(b.Text)) return true;
        // Casts that lose part of every value: fractions rounded to integers, times cut to dates, doubles to reals.
        var fractional = a.Kind == TypeKind.Decimal || a.Text is "real" or "double precision" || a.Text.StartsWith("numeric", StringComparison.Ordinal);
        if (fractional && Width(b.Text) > 0) return true;
        if (a.Text.StartsWith("timestamp", StringComparison.Ordinal) && b.Text == "date") return true;
        return a.Text == "double precision" && b.Text == "real";
    }

    protected override void Generate(AddConstraint c)
    {
        var existing = !_newTables.Contains(c.Table);
        if (Options.Online && existing && c.Constraint is ForeignKey { NotValid: false } or CheckConstraint { NotValid: false })
        {
            var notValid = c.Constraint is ForeignKey fk ? (object)(fk with { NotValid = true }) : ((CheckConstraint)c.Constraint) with { NotValid = true };
            Emit($"ALTER TABLE {N(c.Table)} ADD CONSTRAINT {Q(c.Name)} {ConstraintDefinition(c.Table, notValid)}", c);
            var note = $"fails if existing rows of {c.Table} violate the constraint (checked without blocking writes)";
            Emit($"ALTER TABLE {N(c.Table)} VALIDATE CONSTRAINT {Q(c.Name)}", c,
                c.Constraint is ForeignKey f ? ForeignKeyHazard(c.Table, c.Name, f, note) : CheckHazard(c.Table, c.Name, (CheckConstraint)c.Constraint, note));
            return;
        }
        if (!existing)
        {
            // On a table this plan creates there are no rows to check and no one to lock out.
            Emit($"ALTER TABLE {N(c.Table)} ADD CONSTRAINT {Q(c.Name)} {ConstraintDefinition(c.Table, c.Constraint)}", c);
            return;
        }
        base.Generate(c);
        if (c.Constraint is ForeignKey { NotValid: false } or CheckConstraint { NotValid: false })
        {
            // The statement just emitted also scans the table under a lock; say so beside the data hazard.
            var last = Last();
            Replace(last with { Hazards = last.Hazards.Append(new Hazard(HazardCodes.ValidatingConstraint, $"checks every row of {c.Table} while holding a lock that blocks writes; --online adds it NOT VALID and validates separately")).ToList() });
        }
    }

    protected override void Generate(AddIndex c)
    {
        var sql = CreateStatements(c.Index)[0];
        if (_newTables.Contains(c.Index.Table))
        {
            Emit(sql, c);
            return;
        }
        if (Options.ConcurrentIndexes)
        {
            var i = sql.IndexOf("INDEX ", StringComparison.Ordinal);
            var concurrently = sql[..(i + 6)] + "CONCURRENTLY " + sql[(i + 6)..];
            if (c.Index.Unique) EmitOutsideTransaction(concurrently, c, StatementPhase.After, new Hazard(HazardCodes.AddUnique, $"fails if {c.Index.Table} holds duplicates; a failed concurrent build leaves an INVALID index, which apply drops before it builds again", IndexDuplicates(c.Index)));
            else EmitOutsideTransaction(concurrently, c, StatementPhase.After);
            return;
        }
        var hazards = new List<Hazard> { new(HazardCodes.IndexWithoutConcurrently, $"building the index blocks writes to {c.Index.Table} until it is done; --concurrent-indexes builds it CONCURRENTLY") };
        if (c.Index.Unique) hazards.Add(new Hazard(HazardCodes.AddUnique, $"fails if {c.Index.Table} holds duplicate values in the indexed columns", IndexDuplicates(c.Index)));
        Emit(sql, c, hazards.ToArray());
    }

    /// <summary>The temporary function the type-change pre-flight query calls: whether a value, read as the old type, casts to the new one.</summary>
    public const string CastableFunction = "pg_temp.schemafirst_castable";

    /// <summary>Creates <see cref="CastableFunction"/> for the session (PostgreSQL 15 has no pg_input_is_valid).</summary>
    public static readonly string CastableFunctionDdl =
        $"CREATE OR REPLACE FUNCTION {CastableFunction}(value text, from_type text, to_type text) RETURNS boolean LANGUAGE plpgsql AS $f$\n"
        + "BEGIN\n    EXECUTE format('SELECT (%L::%s)::%s', value, from_type, to_type);\n    RETURN true;\nEXCEPTION WHEN data_exception THEN\n    RETURN false;\nEND\n$f$";

    private static bool IsCharacter(DataType type) => type.Text.StartsWith("character", StringComparison.Ordinal) || type.Text.StartsWith("varchar", StringComparison.Ordinal)
        || type.Text.StartsWith("char", StringComparison.Ordinal) || type.Text == "text" || type.Text.StartsWith("bpchar", StringComparison.Ordinal);

    private DataCheck IndexDuplicates(SchemaIndex index)
    {
        var keys = index.Elements.Select(e => e.Column != null ? Q(e.Column) : "(" + e.Expression + ")").ToList();
        return DuplicatesCheck(index.Table, keys, index.Where, index.NullsNotDistinct, $"unique index {QualifiedName.Display(index.Name.Name)}");
    }

    protected override void Generate(DropIndex c)
    {
        if (Options.ConcurrentIndexes && To.FindTable(c.Index.Table) != null) EmitOutsideTransaction($"DROP INDEX CONCURRENTLY {N(c.Index.Name)}", c, StatementPhase.Before);
        else Emit($"DROP INDEX {N(c.Index.Name)}", c);
    }

    protected override void Generate(ReplaceRoutine c)
    {
        var kind = RoutineKeyword(c.To);
        Emit($"CREATE OR REPLACE {kind} {N(c.To.Name)}{c.To.Definition}", c);
    }

    protected override void Generate(SetComment c)
    {
        var target = CommentTarget(c.Target);
        Emit($"COMMENT ON {target} IS {(c.To != null ? Lit(c.To) : "NULL")}", c);
    }

    private string CommentTarget(CommentTarget t) => t.Kind switch
    {
        SourceKind.Schema => "SCHEMA " + Q(t.Name.Schema),
        SourceKind.Table => "TABLE " + N(t.Name),
        SourceKind.Column => "COLUMN " + N(t.Name) + "." + Q(t.Member!),
        SourceKind.View => (To.Views.Concat(From.Views).FirstOrDefault(v => v.Name == t.Name)?.Materialized == true ? "MATERIALIZED VIEW " : "VIEW ") + N(t.Name),
        SourceKind.Index => "INDEX " + N(t.Name),
        SourceKind.Sequence => "SEQUENCE " + N(t.Name),
        SourceKind.Type => (t.Member == "domain" ? "DOMAIN " : "TYPE ") + N(t.Name),
        SourceKind.Routine => RoutineKeyword(To.Routines.Concat(From.Routines).First(r => r.Name == t.Name && r.ArgumentTypes == t.Member)) + " " + N(t.Name) + "(" + t.Member + ")",
        SourceKind.Constraint => "CONSTRAINT " + Q(t.Member!) + " ON " + N(t.Name),
        SourceKind.Trigger => "TRIGGER " + Q(t.Member!) + " ON " + N(t.Name),
        SourceKind.Policy => "POLICY " + Q(t.Member!) + " ON " + N(t.Name),
        _ => throw new ArgumentException($"no comments on {t.Kind}", nameof(t)),
    };

    protected override void Generate(GrantPrivilege c) => Emit(PrivilegeSql(c.Grant, c.Grant.State), c);

    protected override void Generate(GrantDefaultPrivilege c) => Emit(DefaultPrivilegeSql(c.Privilege, c.Privilege.State), c);

    // Undo the state: take back what was granted, give back a default that was taken away.
    protected override void Generate(RevokeDefaultPrivilege c) =>
        Emit(DefaultPrivilegeSql(c.Privilege, c.Privilege.State == GrantState.Revoked ? GrantState.Granted : GrantState.Revoked), c);

    private static string DefaultPrivilegeSql(DefaultPrivilege d, GrantState state) =>
        PostgresPrivilegeText.DefaultPrivilegesHead(d.Role, d.Schema) + " "
        + PostgresPrivilegeText.PrivilegeStatement(state, [d.Privilege], d.Objects.ToString().ToUpperInvariant(), PostgresPrivilegeText.GranteeSql(d.Grantee));

    protected override void Generate(RevokePrivilege c)
    {
        if (!To.Grants.Any(g => g.Object == c.Grant.Object && g.ObjectKind == c.Grant.ObjectKind) && !ObjectExists(c.Grant)) return;
        // Undo the state: take back what was granted, give back a default that was taken away.
        var undo = c.Grant.State == GrantState.Revoked ? GrantState.Granted : GrantState.Revoked;
        Emit(PrivilegeSql(c.Grant, undo), c);
    }

    private bool ObjectExists(Grant g)
    {
        IEnumerable<string> names = g.ObjectKind switch
        {
            GrantObjectKind.Schema => To.Schemas.Select(s => Q(s.Name)).Append("public"),
            GrantObjectKind.Table => To.Tables.Select(t => N(t.Name)).Concat(To.Views.Select(v => N(v.Name))),
            GrantObjectKind.Sequence => To.Sequences.Select(s => N(s.Name)),
            GrantObjectKind.Function or GrantObjectKind.Procedure => To.Routines.Select(r => N(r.Name) + "(" + r.ArgumentTypes + ")"),
            GrantObjectKind.Type => To.Enums.Select(e => N(e.Name)).Concat(To.CompositeTypes.Select(x => N(x.Name))).Concat(To.OtherTypes.Select(x => N(x.Name))),
            GrantObjectKind.Domain => To.Domains.Select(d => N(d.Name)),
            _ => [],
        };
        return names.Contains(g.Object);
    }

    private static string PrivilegeSql(Grant g, GrantState state)
    {
        var privilege = g.Column != null ? $"{g.Privilege} ({PostgresQuoting.Quote(g.Column)})" : g.Privilege;
        var on = PostgresPrivilegeText.GrantObjectKeyword(g.ObjectKind) + " " + g.Object;
        if (state == GrantState.Revoked && g.State == GrantState.GrantedWithGrantOption)
        {
            return PostgresPrivilegeText.PrivilegeStatement(GrantState.Revoked, [privilege], on, PostgresPrivilegeText.GranteeSql(g.Grantee));
        }
        return PostgresPrivilegeText.PrivilegeStatement(state, [privilege], on, PostgresPrivilegeText.GranteeSql(g.Grantee));
    }
}
