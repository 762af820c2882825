using SchemaFirst.Audit.Parsing;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Rendering.Types;

namespace SchemaFirst.Audit;

internal sealed partial class AuditResolver
{
    /// <summary>The target of a write: the relation, and the rel that stands for it in the statement's scope.</summary>
    private (RelationDef? Def, Rel Rel) Target(NameRef name, string? alias, CteEnv? ctes)
    {
        var rel = TableRel(new TableFrom(name, alias, null), ctes);
        return (rel.Def, rel);
    }

    private List<string>? Insert(InsertStatement s, Scope? outer, CteEnv? ctes)
    {
        var (def, rel) = Target(s.Target, s.Alias, ctes);
        var fields = def?.Fields;
        // The values see no column of the target (only enclosing queries and CTEs).
        var valueScope = new Scope(outer);
        List<string>? sourceColumns = null;
        var counts = new List<(int Count, int Offset)>();
        if (s.Source is ValuesQuery values)
        {
            foreach (var row in values.Rows)
            {
                foreach (var e in row) Resolve(e, valueScope, ctes);
                counts.Add((row.Count, row.Count > 0 ? row[0].Offset : s.Offset));
            }
        }
        else if (s.Source != null)
        {
            sourceColumns = Query(s.Source, outer, ctes);
            if (sourceColumns != null) counts.Add((sourceColumns.Count, SourceOffset(s.Source, s.Offset)));
        }
        var scope = new Scope(outer);
        scope.Rels.Add(rel);
        // A column list or a value list built at run time ("INSERT INTO t ({cols}) VALUES ({marks})"): counts unknown.
        var listed = s.SetForm ? s.Sets.SelectMany(x => x.Columns).ToList() : s.Columns;
        var openList = listed != null && listed.Any(c => c.Dynamic) || s.Source is ValuesQuery vq && vq.Rows.Any(r => r.Any(e => e.TextHole));
        if (fields != null && def != null)
        {
            var given = new List<string>();
            if (listed != null)
            {
                for (var k = 0; k < listed.Count; k++)
                {
                    var c = listed[k];
                    if (c.Dynamic) continue;
                    var field = fields.FirstOrDefault(f => _cmp.Equals(f.Name, c.Last));
                    if (field == null)
                    {
                        Report(AuditCodes.UnknownColumn, Severity.Error, c.Offset, c.Length, $"INSERT INTO {def.Display}: no column {c.Last}", Suggest(c.Last, fields.Select(f => f.Name).ToList()));
                        continue;
                    }
                    given.Add(field.Name);
                    if (!openList && !AllDefault(s, k)) ReadOnly(def, field, c, "INSERT", s.Overriding);
                }
                if (!s.SetForm && !openList)
                {
                    foreach (var (count, offset) in counts)
                    {
                        if (count != listed.Count)
                        {
                            Report(AuditCodes.ValueCount, Severity.Error, offset, 1,
                                $"INSERT INTO {def.Display} names {listed.Count} column{Plural(listed.Count)} and gives {count} value{Plural(count)}",
                                "give one value per named column");
                        }
                    }
                }
            }
            else if (!s.DefaultValues && !openList)
            {
                var most = counts.Count > 0 ? counts.Max(c => c.Count) : fields.Count;
                foreach (var (count, offset) in counts)
                {
                    if (count > fields.Count)
                    {
                        Report(AuditCodes.ValueCount, Severity.Error, offset, 1, $"INSERT INTO {def.Display} gives {count} values and the table has {fields.Count} columns",
                            "name the columns, and give one value per named column");
                    }
                }
                // Without a column list the values fill the columns in order.
                given.AddRange(fields.Take(Math.Min(counts.Count > 0 ? counts.Min(c => c.Count) : most, fields.Count)).Select(f => f.Name));
                for (var k = 0; k < given.Count; k++)
                {
                    if (!AllDefault(s, k)) ReadOnly(def, fields[k], s.Target, "INSERT", s.Overriding);
                }
            }
            if (!def.IsView && !openList && (counts.Count > 0 || s.DefaultValues || s.SetForm || s.Source != null && sourceColumns == null && listed != null))
            {
                var missing = fields.Where(f => !f.Nullable && !f.Defaulted && !given.Contains(f.Name, _cmp)).Select(f => f.Name).ToList();
                if (missing.Count > 0 && !(s.Source != null && sourceColumns == null && listed == null))
                {
                    var trigger = HasBeforeInsertTrigger(def.Name);
                    Report(AuditCodes.MissingRequired, trigger ? Severity.Warning : Severity.Error, s.Target.Offset, s.Target.Length,
                        $"INSERT INTO {def.Display} leaves out {string.Join(", ", missing)}: NOT NULL with no default" + (trigger ? " (a BEFORE INSERT trigger may fill it)" : string.Empty),
                        $"give {(missing.Count == 1 ? "it" : "them")} a value, or a default in the schema");
                }
            }
        }
        if (s.Conflict is { } conflict) OnConflict(conflict, def, rel, scope, ctes);
        if (s.Sets.Count > 0 && !s.SetForm || s.SetForm)
        {
            var setScope = new Scope(outer);
            setScope.Rels.Add(rel);
            if (s.RowAlias != null) setScope.Rels.Add(new Rel(s.RowAlias, def, rel.Columns, s.RowAlias));
            SetItems(s.Sets, def, rel, setScope, ctes, "INSERT", s.SetForm ? valueScope : setScope);
        }
        return Returning(s.Returning, scope, ctes);
    }

    /// <summary>Whether every row gives DEFAULT for the k-th value (always allowed, even for generated and identity columns).</summary>
    private static bool AllDefault(InsertStatement s, int k) =>
        s.Source is ValuesQuery v && v.Rows.Count > 0 && v.Rows.All(r => k < r.Count && r[k].IsDefault);

    private static int SourceOffset(QueryExpr q, int fallback) => q is SelectQuery { Items.Count: > 0 } s ? s.Items[0].Offset : fallback;

    private static string Plural(int n) => n == 1 ? string.Empty : "s";

    private bool HasBeforeInsertTrigger(QualifiedName table) =>
        _schema.Model.Triggers.Any(t => t.Table == table && t.Definition.StartsWith("before", StringComparison.OrdinalIgnoreCase)
                                        && t.Definition[..Math.Max(0, t.Definition.IndexOf(" on ", StringComparison.OrdinalIgnoreCase))].Contains("insert", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reports a write to a generated column, or to an identity GENERATED ALWAYS without OVERRIDING SYSTEM VALUE.</summary>
    private void ReadOnly(RelationDef def, FieldShape field, NameRef at, string verb, bool overriding)
    {
        if (!field.ReadOnly || def.Table?.FindColumn(field.Name) is not { } column) return;
        if (column.Generated != null)
        {
            Report(AuditCodes.ReadOnlyColumn, Severity.Error, at.Offset, at.Length, $"{verb} writes {def.Display}.{field.Name}, a generated column",
                "leave it out: the database computes it");
        }
        else if (column.Identity is { Always: true } && !(overriding && verb == "INSERT"))
        {
            Report(AuditCodes.ReadOnlyColumn, Severity.Error, at.Offset, at.Length, $"{verb} writes {def.Display}.{field.Name}, an identity GENERATED ALWAYS",
                verb == "INSERT" ? "leave it out, or write OVERRIDING SYSTEM VALUE" : "leave it out (only DEFAULT may be assigned)");
        }
    }

    private void SetItems(List<SetItem> items, RelationDef? def, Rel target, Scope scope, CteEnv? ctes, string verb, Scope valueScope)
    {
        foreach (var item in items)
        {
            foreach (var c in item.Columns)
            {
                if (c.Dynamic) continue;
                var owner = target;
                if (c.Parts.Count >= 2)
                {
                    if (!FindRel(c.Parts.Take(c.Parts.Count - 1).ToList(), scope, c, out var qualified)) continue;
                    owner = qualified!;
                }
                if (owner.Columns == null) continue;
                if (!Has(owner.Columns, c.Last))
                {
                    Report(AuditCodes.UnknownColumn, Severity.Error, c.Offset, c.Length, $"{verb} sets {c.Last}: no such column in {owner.Display}", Suggest(c.Last, owner.Columns));
                    continue;
                }
                var ownerDef = owner.Def ?? (owner == target ? def : null);
                if (ownerDef?.Fields?.FirstOrDefault(f => _cmp.Equals(f.Name, c.Last)) is { } field && !item.Value.IsDefault) ReadOnly(ownerDef, field, c, verb == "INSERT" ? "ON DUPLICATE KEY UPDATE" : verb, false);
            }
            Resolve(item.Value, valueScope, ctes);
        }
    }

    private void OnConflict(OnConflict c, RelationDef? def, Rel target, Scope scope, CteEnv? ctes)
    {
        var conflictScope = new Scope(scope.Parent);
        conflictScope.Rels.Add(target);
        conflictScope.Rels.Add(new Rel("excluded", def, target.Columns, "excluded"));
        // The conflict target (its expressions and WHERE) reads the table alone; DO UPDATE also sees EXCLUDED.
        var targetScope = new Scope(scope.Parent);
        targetScope.Rels.Add(target);
        if (c.TargetWhere != null) Resolve(c.TargetWhere, targetScope, ctes);
        var table = def?.Table;
        foreach (var col in c.Columns)
        {
            if (target.Columns != null && !Has(target.Columns, col.Last))
            {
                Report(AuditCodes.UnknownColumn, Severity.Error, col.Offset, col.Length, $"ON CONFLICT ({col.Last}): no such column in {target.Display}", Suggest(col.Last, target.Columns));
                return;
            }
        }
        if (table != null && c.Constraint is { } constraint)
        {
            var names = new List<string>();
            if (table.PrimaryKey is { } pk) names.Add(pk.Name);
            names.AddRange(table.Uniques.Select(u => u.Name));
            names.AddRange(table.Exclusions.Select(x => x.Name));
            if (!names.Any(n => _cmp.Equals(n, constraint.Last)) && !_schema.Model.Indexes.Any(i => i.Table == table.Name && _cmp.Equals(i.Name.Name, constraint.Last)))
            {
                Report(AuditCodes.ConflictTarget, Severity.Error, constraint.Offset, constraint.Length, $"ON CONFLICT ON CONSTRAINT {constraint.Last}: {table.Name} has no such constraint",
                    names.Count > 0 ? "its unique constraints are " + string.Join(", ", names) : "add a unique constraint");
            }
        }
        else if (table != null && c.Columns.Count > 0 && !c.HasExpressions)
        {
            var wanted = c.Columns.Select(x => x.Last).ToHashSet(_cmp);
            var keys = UniqueKeys(table, partialAllowed: c.TargetWhere != null).ToList();
            if (!keys.Any(k => k.Count == wanted.Count && k.All(wanted.Contains)))
            {
                Report(AuditCodes.ConflictTarget, Severity.Error, c.Columns[0].Offset, c.Columns[^1].Offset + c.Columns[^1].Length - c.Columns[0].Offset,
                    $"ON CONFLICT ({string.Join(", ", wanted)}): no unique index or constraint of {table.Name} is on exactly these columns",
                    keys.Count > 0 ? "its unique keys are " + string.Join("; ", keys.Select(k => "(" + string.Join(", ", k) + ")")) : "add a unique constraint on them");
            }
        }
        if (c.Update != null) SetItems(c.Update, def, target, conflictScope, ctes, "ON CONFLICT DO UPDATE", conflictScope);
        if (c.Where != null) Resolve(c.Where, conflictScope, ctes);
    }

    private IEnumerable<List<string>> UniqueKeys(Table table, bool partialAllowed)
    {
        if (table.PrimaryKey is { } pk) yield return pk.Columns.ToList();
        foreach (var u in table.Uniques) yield return u.Columns.ToList();
        foreach (var i in _schema.Model.Indexes)
        {
            if (i.Table != table.Name || !i.Unique || i.Where != null && !partialAllowed || i.Elements.Any(e => e.Column == null)) continue;
            yield return i.Elements.Select(e => e.Column!).ToList();
        }
    }

    private List<string>? Returning(List<SelectItem> items, Scope scope, CteEnv? ctes)
    {
        if (items.Count == 0) return [];
        var output = new List<string>();
        var known = true;
        foreach (var item in items)
        {
            if (item.Star != null)
            {
                foreach (var rel in scope.Rels)
                {
                    if (rel.Columns == null) known = false;
                    else output.AddRange(rel.Columns);
                }
                continue;
            }
            Resolve(item.Expr!, scope, ctes);
            var name = item.Alias ?? item.Expr!.Single?.Last ?? item.Expr.Function;
            if (name == null) known = false;
            else output.Add(name);
        }
        return known ? output : null;
    }

    private List<string>? Update(UpdateStatement s, Scope? outer, CteEnv? ctes)
    {
        var scope = new Scope(outer);
        AddFrom(s.Target, scope, outer, ctes);
        var target = scope.Rels[0];
        foreach (var f in s.From) AddFrom(f, scope, outer, ctes);
        SetItems(s.Set, target.Def, target, scope, ctes, "UPDATE", scope);
        foreach (var e in s.Clauses) Resolve(e, scope, ctes);
        return Returning(s.Returning, scope, ctes);
    }

    private List<string>? Delete(DeleteStatement s, Scope? outer, CteEnv? ctes)
    {
        var scope = new Scope(outer);
        AddFrom(s.Target, scope, outer, ctes);
        foreach (var f in s.Using) AddFrom(f, scope, outer, ctes);
        foreach (var t in s.Targets) FindRel(t.Parts, scope, t, out _);
        foreach (var e in s.Clauses) Resolve(e, scope, ctes);
        return Returning(s.Returning, scope, ctes);
    }

    private List<string>? Merge(MergeStatement s, Scope? outer, CteEnv? ctes)
    {
        var scope = new Scope(outer);
        AddFrom(s.Target, scope, outer, ctes);
        var target = scope.Rels[0];
        AddFrom(s.Source, scope, outer, ctes);
        Resolve(s.On, scope, ctes);
        var fields = target.Def?.Fields;
        foreach (var w in s.Whens)
        {
            if (w.Condition != null) Resolve(w.Condition, scope, ctes);
            if (w.Update != null) SetItems(w.Update, target.Def, target, scope, ctes, "MERGE UPDATE", scope);
            if (w.InsertValues != null)
            {
                foreach (var v in w.InsertValues) Resolve(v, scope, ctes);
            }
            if (fields == null || target.Def == null || w.InsertValues == null && !w.InsertDefault) continue;
            var given = new List<string>();
            if (w.InsertColumns != null)
            {
                foreach (var c in w.InsertColumns)
                {
                    var field = fields.FirstOrDefault(f => _cmp.Equals(f.Name, c.Last));
                    if (field == null)
                    {
                        Report(AuditCodes.UnknownColumn, Severity.Error, c.Offset, c.Length, $"MERGE INSERT into {target.Display}: no column {c.Last}", Suggest(c.Last, fields.Select(f => f.Name).ToList()));
                        continue;
                    }
                    given.Add(field.Name);
                    ReadOnly(target.Def, field, c, "INSERT", false);
                }
                if (w.InsertValues != null && w.InsertValues.Count != w.InsertColumns.Count)
                {
                    Report(AuditCodes.ValueCount, Severity.Error, w.InsertValues.Count > 0 ? w.InsertValues[0].Offset : w.Offset, 1,
                        $"MERGE INSERT names {w.InsertColumns.Count} column{Plural(w.InsertColumns.Count)} and gives {w.InsertValues.Count} value{Plural(w.InsertValues.Count)}", "give one value per named column");
                }
            }
            else if (w.InsertValues != null) given.AddRange(fields.Take(w.InsertValues.Count).Select(f => f.Name));
            var missing = fields.Where(f => !f.Nullable && !f.Defaulted && !given.Contains(f.Name, _cmp)).Select(f => f.Name).ToList();
            if (missing.Count > 0)
            {
                Report(AuditCodes.MissingRequired, Severity.Error, w.Offset, 4, $"MERGE INSERT into {target.Display} leaves out {string.Join(", ", missing)}: NOT NULL with no default",
                    $"give {(missing.Count == 1 ? "it" : "them")} a value, or a default in the schema");
            }
        }
        return Returning(s.Returning, scope, ctes);
    }

    private void Truncate(TruncateStatement s)
    {
        var defs = new List<(NameRef At, RelationDef Def)>();
        foreach (var name in s.Tables)
        {
            if (name.Dynamic)
            {
                Partial = true;
                continue;
            }
            var def = _schema.Find(name.Parts);
            if (def == null)
            {
                if (!_schema.IsSystem(name.Parts)) UnknownRelation(name);
                continue;
            }
            defs.Add((name, def));
        }
        var emptied = defs.Select(d => d.Def.Name).ToHashSet();
        foreach (var (at, def) in defs)
        {
            if (!_schema.Referencing.TryGetValue(def.Name, out var refs)) continue;
            var others = refs.Where(r => !emptied.Contains(r.Table.Name) && r.Table.PartitionOf == null).ToList();
            if (others.Count == 0) continue;
            var list = string.Join(", ", others.Select(r => $"{r.Table.Name}({string.Join(", ", r.Key.Columns)})").Distinct());
            if (s.Cascade)
            {
                Report(AuditCodes.TruncateReferenced, Severity.Warning, at.Offset, at.Length,
                    $"TRUNCATE {def.Display} CASCADE also empties {string.Join(", ", others.Select(r => r.Table.Name.ToString()).Distinct())}, whose foreign keys reference it",
                    "make sure emptying them is meant; DELETE keeps the rows no one references");
            }
            else
            {
                Report(AuditCodes.TruncateReferenced, Severity.Error, at.Offset, at.Length,
                    $"TRUNCATE {def.Display} fails: {list} reference{(others.Count == 1 ? "s" : string.Empty)} it by foreign key",
                    "DELETE FROM it instead, truncate the referencing tables in the same statement, or add CASCADE knowing it empties them too");
            }
        }
    }

    private void Copy(CopyStatement s, CteEnv? ctes)
    {
        if (s.Query != null)
        {
            Query(s.Query, null, ctes);
            return;
        }
        var (def, rel) = Target(s.Table!, null, ctes);
        if (def == null || rel.Columns == null || s.Columns == null) return;
        foreach (var c in s.Columns)
        {
            if (!Has(rel.Columns, c.Last)) Report(AuditCodes.UnknownColumn, Severity.Error, c.Offset, c.Length, $"COPY {def.Display}: no column {c.Last}", Suggest(c.Last, rel.Columns));
        }
    }
}
