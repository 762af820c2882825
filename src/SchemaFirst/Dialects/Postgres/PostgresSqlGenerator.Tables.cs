using System.Text;
using SchemaFirst.Model;

namespace SchemaFirst.Dialects.Postgres;

public sealed partial class PostgresSqlGenerator
{
    private void WriteTable(Table t)
    {
        var lines = new List<string>();
        Table? parent = null;
        if (t.PartitionOf != null) parent = FindTable(t.PartitionOf.Parent);
        var inheritedFrom = t.Inherits.Select(FindTable).Where(p => p != null).ToList();
        foreach (var col in t.Columns)
        {
            // INHERITS: a column the parent gives, unchanged, is not repeated (the server merges it anyway).
            if (inheritedFrom.Any(p => p!.FindColumn(col.Name) is { } pc && (pc with { Comment = null, Identity = null }) == (col with { Comment = null, Identity = null }))) continue;
            if (parent != null)
            {
                var pc = parent.FindColumn(col.Name);
                if (pc != null && (pc with { Comment = null, Identity = null }) == (col with { Comment = null, Identity = null })) continue;
                var sbw = new StringBuilder("    " + PostgresQuoting.Quote(col.Name) + " WITH OPTIONS");
                if (col.Default != null) sbw.Append(" DEFAULT ").Append(col.Default);
                if (col.NotNull) sbw.Append(" NOT NULL");
                lines.Add(sbw.ToString());
                continue;
            }
            lines.Add("    " + ColumnText(col));
        }
        var attachedPartitionParent = t.PartitionBy != null;
        if (t.PrimaryKey is { } pk)
        {
            var clause = "PRIMARY KEY (" + Columns(pk.Columns) + ")" + IndexOptionsText(pk.Options) + TimingText(pk.Timing);
            if (attachedPartitionParent && _attachedParents.Contains(new QualifiedName(t.Name.Schema, pk.Name))) _deferredConstraints.Add((t, clause, pk.Name));
            else lines.Add("    CONSTRAINT " + PostgresQuoting.Quote(pk.Name) + " " + clause);
        }
        foreach (var u in t.Uniques)
        {
            var clause = "UNIQUE " + (u.NullsNotDistinct ? "NULLS NOT DISTINCT " : string.Empty) + "(" + Columns(u.Columns) + ")" + IndexOptionsText(u.Options) + TimingText(u.Timing);
            if (attachedPartitionParent && _attachedParents.Contains(new QualifiedName(t.Name.Schema, u.Name))) _deferredConstraints.Add((t, clause, u.Name));
            else lines.Add("    CONSTRAINT " + PostgresQuoting.Quote(u.Name) + " " + clause);
        }
        foreach (var c in t.Checks.Where(c => !c.NotValid))
        {
            lines.Add("    CONSTRAINT " + PostgresQuoting.Quote(c.Name) + " " + CheckClause(c));
        }
        foreach (var x in t.Exclusions)
        {
            var clause = "EXCLUDE USING " + x.Method + " (" + string.Join(", ", x.Elements.Select(e => IndexElementText(e.Element) + " WITH " + e.Operator)) + ")"
                + IndexOptionsText(x.Options) + (x.Where != null ? " WHERE (" + x.Where + ")" : string.Empty) + TimingText(x.Timing);
            if (attachedPartitionParent && _attachedParents.Contains(new QualifiedName(t.Name.Schema, x.Name))) _deferredConstraints.Add((t, clause, x.Name));
            else lines.Add("    CONSTRAINT " + PostgresQuoting.Quote(x.Name) + " " + clause);
        }
        _createdTables.Add(t.Name);
        foreach (var fk in t.ForeignKeys)
        {
            if (!fk.NotValid && CanInline(t, fk)) lines.Add("    CONSTRAINT " + PostgresQuoting.Quote(fk.Name) + " " + ForeignKeyClause(fk));
            else _deferredForeignKeys.Add((t, fk));
        }
        var sb = new StringBuilder("CREATE ");
        if (t.Persistence == TablePersistence.Unlogged) sb.Append("UNLOGGED ");
        sb.Append("TABLE ");
        if (Ine) sb.Append("IF NOT EXISTS ");
        sb.Append(PostgresQuoting.Name(t.Name));
        if (t.PartitionOf != null)
        {
            sb.Append(" PARTITION OF ").Append(PostgresQuoting.Name(t.PartitionOf.Parent));
            if (lines.Count > 0) sb.Append(" (\n").Append(string.Join(",\n", lines)).Append("\n)");
            sb.Append(' ').Append(t.PartitionOf.Bound);
        }
        else
        {
            sb.Append(" (\n").Append(string.Join(",\n", lines)).Append(lines.Count > 0 ? "\n)" : ")");
        }
        if (!t.Inherits.IsEmpty) sb.Append(" INHERITS (").Append(string.Join(", ", t.Inherits.Select(PostgresQuoting.Name))).Append(')');
        if (t.PartitionBy != null) sb.Append(" PARTITION BY ").Append(t.PartitionBy);
        if (t.AccessMethod != null) sb.Append(" USING ").Append(PostgresQuoting.Quote(t.AccessMethod));
        if (t.With != null) sb.Append(" WITH ").Append(t.With);
        if (t.Tablespace != null) sb.Append(" TABLESPACE ").Append(PostgresQuoting.Quote(t.Tablespace));
        Statement(sb.ToString());
        foreach (var col in t.Columns.Where(c => c.Storage != null))
        {
            Statement($"ALTER TABLE {PostgresQuoting.Name(t.Name)} ALTER COLUMN {PostgresQuoting.Quote(col.Name)} SET STORAGE {col.Storage}");
        }
        if (t.RowLevelSecurity) Statement($"ALTER TABLE {PostgresQuoting.Name(t.Name)} ENABLE ROW LEVEL SECURITY");
        if (t.ForceRowLevelSecurity) Statement($"ALTER TABLE {PostgresQuoting.Name(t.Name)} FORCE ROW LEVEL SECURITY");
    }

    /// <summary>A foreign key goes inside CREATE TABLE when its target exists already and is keyed by a constraint.</summary>
    private bool CanInline(Table t, ForeignKey fk)
    {
        if (fk.ReferencedTable != t.Name && !_createdTables.Contains(fk.ReferencedTable)) return false;
        var target = fk.ReferencedTable == t.Name ? t : FindTable(fk.ReferencedTable);
        if (target == null) return false;
        var cols = fk.ReferencedColumns;
        if (target.PrimaryKey != null && SameSet(target.PrimaryKey.Columns, cols) && !IsDeferredConstraint(target, target.PrimaryKey.Name)) return true;
        foreach (var u in target.Uniques)
        {
            if (SameSet(u.Columns, cols) && !IsDeferredConstraint(target, u.Name)) return true;
        }
        return false;
    }

    private bool IsDeferredConstraint(Table t, string name) => t.PartitionBy != null && _attachedParents.Contains(new QualifiedName(t.Name.Schema, name));

    private static bool SameSet(EquatableArray<string> a, EquatableArray<string> b) => a.Count == b.Count && a.All(b.Contains);

    internal static string ColumnText(Column col)
    {
        var sb = new StringBuilder();
        sb.Append(PostgresQuoting.Quote(col.Name)).Append(' ').Append(col.Type.Text);
        if (col.Collation != null) sb.Append(" COLLATE ").Append(PostgresQuoting.Dotted(col.Collation));
        if (col.Compression != null) sb.Append(" COMPRESSION ").Append(PostgresQuoting.Quote(col.Compression));
        if (col.Identity is { } id)
        {
            sb.Append(id.Always ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            var opts = SequenceOptionsText(id.Options with { DataType = null }, " ");
            if (id.SequenceName != null) opts = " SEQUENCE NAME " + PostgresQuoting.Name(id.SequenceName) + opts;
            if (opts.Length > 0) sb.Append(" (").Append(opts.TrimStart()).Append(')');
        }
        if (col.Generated is { } gen) sb.Append(" GENERATED ALWAYS AS (").Append(gen.Expression).Append(gen.Stored ? ") STORED" : ") VIRTUAL");
        if (col.Default != null) sb.Append(" DEFAULT ").Append(col.Default);
        if (col.NotNull) sb.Append(" NOT NULL");
        return sb.ToString();
    }

    internal static string IndexOptionsText(IndexOptions o)
    {
        var sb = new StringBuilder();
        if (!o.Include.IsEmpty) sb.Append(" INCLUDE (").Append(Columns(o.Include)).Append(')');
        if (o.With != null) sb.Append(" WITH ").Append(o.With);
        if (o.Tablespace != null) sb.Append(" USING INDEX TABLESPACE ").Append(PostgresQuoting.Quote(o.Tablespace));
        return sb.ToString();
    }

    internal static string TimingText(ConstraintTiming t)
    {
        if (!t.Deferrable) return string.Empty;
        return t.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    internal static string CheckClause(CheckConstraint c) => "CHECK (" + c.Expression + ")" + (c.NoInherit ? " NO INHERIT" : string.Empty);

    internal static string ForeignKeyClause(ForeignKey fk)
    {
        var sb = new StringBuilder("FOREIGN KEY (").Append(Columns(fk.Columns)).Append(") REFERENCES ").Append(PostgresQuoting.Name(fk.ReferencedTable));
        if (!fk.ReferencedColumns.IsEmpty) sb.Append(" (").Append(Columns(fk.ReferencedColumns)).Append(')');
        if (fk.Match == ForeignKeyMatch.Full) sb.Append(" MATCH FULL");
        else if (fk.Match == ForeignKeyMatch.Partial) sb.Append(" MATCH PARTIAL");
        if (fk.OnUpdate != ForeignKeyAction.NoAction) sb.Append(" ON UPDATE ").Append(ActionText(fk.OnUpdate));
        if (fk.OnDelete != ForeignKeyAction.NoAction)
        {
            sb.Append(" ON DELETE ").Append(ActionText(fk.OnDelete));
            if (!fk.OnDeleteSetColumns.IsEmpty) sb.Append(" (").Append(Columns(fk.OnDeleteSetColumns)).Append(')');
        }
        sb.Append(TimingText(fk.Timing));
        return sb.ToString();
    }

    private static string ActionText(ForeignKeyAction a) => a switch
    {
        ForeignKeyAction.Cascade => "CASCADE",
        ForeignKeyAction.Restrict => "RESTRICT",
        ForeignKeyAction.SetNull => "SET NULL",
        ForeignKeyAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private void WriteComments()
    {
        void Comment(string target, string? text)
        {
            if (text != null) Statement($"COMMENT ON {target} IS {PostgresQuoting.Literal(text)}");
        }

        foreach (var s in _db.Schemas) Comment("SCHEMA " + PostgresQuoting.Quote(s.Name), s.Comment);
        foreach (var e in _db.Extensions) Comment("EXTENSION " + PostgresQuoting.Quote(e.Name), e.Comment);
        foreach (var e in _db.Enums) Comment("TYPE " + PostgresQuoting.Name(e.Name), e.Comment);
        foreach (var d in _db.Domains)
        {
            Comment("DOMAIN " + PostgresQuoting.Name(d.Name), d.Comment);
            foreach (var c in d.Checks) Comment($"CONSTRAINT {PostgresQuoting.Quote(c.Name)} ON DOMAIN {PostgresQuoting.Name(d.Name)}", c.Comment);
        }
        foreach (var ct in _db.CompositeTypes) Comment("TYPE " + PostgresQuoting.Name(ct.Name), ct.Comment);
        foreach (var o in _db.OtherTypes) Comment("TYPE " + PostgresQuoting.Name(o.Name), o.Comment);
        foreach (var s in _db.Sequences) Comment("SEQUENCE " + PostgresQuoting.Name(s.Name), s.Comment);
        foreach (var t in _db.Tables)
        {
            Comment("TABLE " + PostgresQuoting.Name(t.Name), t.Comment);
            foreach (var c in t.Columns) Comment($"COLUMN {PostgresQuoting.Name(t.Name)}.{PostgresQuoting.Quote(c.Name)}", c.Comment);
            var constraints = new List<(string Name, string? Comment)>();
            if (t.PrimaryKey != null) constraints.Add((t.PrimaryKey.Name, t.PrimaryKey.Comment));
            constraints.AddRange(t.Uniques.Select(u => (u.Name, u.Comment)));
            constraints.AddRange(t.Checks.Select(u => (u.Name, u.Comment)));
            constraints.AddRange(t.Exclusions.Select(u => (u.Name, u.Comment)));
            constraints.AddRange(t.ForeignKeys.Select(u => (u.Name, u.Comment)));
            foreach (var (name, text) in constraints.OrderBy(x => x.Name, StringComparer.Ordinal)) Comment($"CONSTRAINT {PostgresQuoting.Quote(name)} ON {PostgresQuoting.Name(t.Name)}", text);
        }
        foreach (var i in _db.Indexes) Comment("INDEX " + PostgresQuoting.Name(i.Name), i.Comment);
        foreach (var v in _db.Views)
        {
            Comment((v.Materialized ? "MATERIALIZED VIEW " : "VIEW ") + PostgresQuoting.Name(v.Name), v.Comment);
            foreach (var c in v.ColumnComments) Comment($"COLUMN {PostgresQuoting.Name(v.Name)}.{PostgresQuoting.Quote(c.Column)}", c.Comment);
        }
        foreach (var r in _db.Routines)
        {
            var kind = r.Kind switch { RoutineKind.Procedure => "PROCEDURE", RoutineKind.Aggregate => "AGGREGATE", _ => "FUNCTION" };
            Comment($"{kind} {PostgresQuoting.Name(r.Name)}({r.ArgumentTypes})", r.Comment);
        }
        foreach (var t in _db.Triggers) Comment($"TRIGGER {PostgresQuoting.Quote(t.Name)} ON {PostgresQuoting.Name(t.Table)}", t.Comment);
        foreach (var p in _db.Policies) Comment($"POLICY {PostgresQuoting.Quote(p.Name)} ON {PostgresQuoting.Name(p.Table)}", p.Comment);
        foreach (var r in _db.Rules) Comment($"RULE {PostgresQuoting.Quote(r.Name)} ON {PostgresQuoting.Name(r.Table)}", r.Comment);
    }
}
