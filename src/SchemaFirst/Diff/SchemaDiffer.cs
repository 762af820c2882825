using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Diff;

/// <summary>
/// Compares two models, never text, and yields the changes that turn the first into the second, in a canonical order
/// (so the same inputs give the same changes). Renames come only from <c>-- schemafirst:renamed-from</c> directives of
/// the desired side; without one, a dropped and an added object of the same shape is only suggested as a rename. What
/// the differ cannot express is a diagnostic naming the object, never a silent omission.
/// </summary>
public static class SchemaDiffer
{
    /// <param name="from">The current schema (a database, an older revision).</param>
    /// <param name="to">The desired schema.</param>
    /// <param name="toSourceMap">Where the desired schema was declared, with its directives; null when it has none.</param>
    public static SchemaDiff Compare(Database from, Database to, SourceMap? toSourceMap = null)
    {
        var d = new Differ(from, to, toSourceMap);
        d.Run();
        return new SchemaDiff(d.Changes, d.Diagnostics, d.Suggestions);
    }

    /// <summary>
    /// The current side with each object that equals the desired one as the engine reads its own printed form again
    /// (<see cref="Dialects.IDevDatabase.ReprintAsync"/>) replaced by the desired one, so that it counts as unchanged.
    /// </summary>
    public static Database Aligned(Database from, Database to, Database reprinted)
    {
        var toTables = to.Tables.ToDictionary(t => t.Name);
        var reTables = reprinted.Tables.ToDictionary(t => t.Name);
        T Swap<T>(T current, T? desired, T? again)
            where T : class => desired != null && again != null && current.Equals(again) ? desired : current;
        var tables = from.Tables.Select(t =>
        {
            if (!toTables.TryGetValue(t.Name, out var d) || !reTables.TryGetValue(t.Name, out var r)) return t;
            return t with
            {
                Columns = t.Columns.Select(c => Swap(c, d.FindColumn(c.Name), r.FindColumn(c.Name))).ToEquatableArray(),
                Checks = t.Checks.Select(c => Swap(c, d.Checks.FirstOrDefault(x => x.Name == c.Name), r.Checks.FirstOrDefault(x => x.Name == c.Name))).ToEquatableArray(),
                Exclusions = t.Exclusions.Select(x => Swap(x, d.Exclusions.FirstOrDefault(y => y.Name == x.Name), r.Exclusions.FirstOrDefault(y => y.Name == x.Name))).ToEquatableArray(),
            };
        }).ToEquatableArray();
        Func<TItem, TItem> Items<TItem, TKey>(IEnumerable<TItem> desired, IEnumerable<TItem> again, Func<TItem, TKey> key)
            where TItem : class
            where TKey : notnull
        {
            var d = desired.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
            var r = again.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
            return x => Swap(x, d.GetValueOrDefault(key(x)), r.GetValueOrDefault(key(x)));
        }
        return @from with
        {
            Tables = tables,
            Indexes = from.Indexes.Select(Items(to.Indexes, reprinted.Indexes, i => i.Name)).ToEquatableArray(),
            Views = from.Views.Select(Items(to.Views, reprinted.Views, v => v.Name)).ToEquatableArray(),
            Domains = from.Domains.Select(Items(to.Domains, reprinted.Domains, x => x.Name)).ToEquatableArray(),
            Policies = from.Policies.Select(Items(to.Policies, reprinted.Policies, p => (p.Table, p.Name))).ToEquatableArray(),
            Triggers = from.Triggers.Select(Items(to.Triggers, reprinted.Triggers, t => (t.Table, t.Name))).ToEquatableArray(),
            Rules = from.Rules.Select(Items(to.Rules, reprinted.Rules, r => (r.Table, r.Name))).ToEquatableArray(),
        };
    }

    private sealed class Differ(Database from, Database to, SourceMap? map)
    {
        public List<SchemaChange> Changes { get; } = new();

        public List<Diagnostic> Diagnostics { get; } = new();

        public List<string> Suggestions { get; } = new();

        // Tables of the current side under the name they have on the desired side (after renames).
        private readonly Dictionary<QualifiedName, Table> _fromTables = new();

        // Renamed tables: current name to desired name.
        private readonly Dictionary<QualifiedName, QualifiedName> _renamed = new();

        private QualifiedName Renamed(QualifiedName name) => _renamed.GetValueOrDefault(name, name);

        // Renamed columns per table (by the table's desired name): current name to desired name.
        private readonly Dictionary<QualifiedName, Dictionary<string, string>> _renamedColumns = new();

        /// <summary>An index of the current side as it reads after this plan's table and column renames.</summary>
        private SchemaIndex AfterRenames(SchemaIndex i)
        {
            var table = Renamed(i.Table);
            if (!_renamedColumns.TryGetValue(table, out var cols)) return i with { Table = table };
            string R(string c) => cols.GetValueOrDefault(c, c);
            return i with
            {
                Table = table,
                Elements = i.Elements.Select(e => e.Column != null ? e with { Column = R(e.Column) } : e).ToEquatableArray(),
                Include = i.Include.Select(R).ToEquatableArray(),
            };
        }

        private readonly List<(EnumType From, EnumType To)> _recreate = [];

        /// <summary>
        /// An enum made again: renamed aside, created anew, every column using it changed over through text (with the
        /// checks and partial or expression indexes that name the column dropped and added around, since the server
        /// re-reads them against the old type), and the old type dropped last.
        /// </summary>
        private void RecreateEnums()
        {
            foreach (var (a, b) in _recreate)
            {
                var retired = new QualifiedName(a.Name.Schema, Clip(a.Name.Name, "__schemafirst_old"));
                Changes.Add(new RecreateEnum(a, b, retired));
                var toTables = to.Tables.ToDictionary(t => t.Name);
                foreach (var t in from.Tables)
                {
                    if (!toTables.TryGetValue(t.Name, out var after)) continue;
                    foreach (var col in t.Columns.Where(c => c.Type.UserType == a.Name))
                    {
                        if (after.FindColumn(col.Name) is not { } now) continue;
                        var existing = Changes.OfType<ModifyColumn>().FirstOrDefault(m => m.Table == t.Name && m.From.Name == col.Name);
                        if (existing != null) Changes[Changes.IndexOf(existing)] = existing with { Changes = existing.Changes | ColumnChange.Type };
                        else Changes.Add(new ModifyColumn(t.Name, col, now, ColumnChange.Type));
                        var names = new HashSet<string>([col.Name], StringComparer.Ordinal);
                        foreach (var check in t.Checks.Where(k => Mentions(k.Expression, names)))
                        {
                            if (Changes.Any(x => x is DropConstraint d && d.Table == t.Name && d.Name == check.Name)) continue;
                            Changes.Add(new DropConstraint(t.Name, check.Name, check));
                            if (after.Checks.FirstOrDefault(k => k.Name == check.Name) is { } again && !Changes.Any(x => x is AddConstraint ac && ac.Table == t.Name && ac.Name == check.Name))
                            {
                                Changes.Add(new AddConstraint(t.Name, again.Name, again with { Comment = null }));
                            }
                        }
                        foreach (var index in from.Indexes.Where(i => i.Table == t.Name && (Mentions(i.Where, names) || i.Elements.Any(e => Mentions(e.Expression, names)))))
                        {
                            if (Changes.Any(x => x is DropIndex d && d.Index.Name == index.Name)) continue;
                            Changes.Add(new DropIndex(index));
                            if (to.Indexes.FirstOrDefault(i => i.Name == index.Name) is { } again && !Changes.Any(x => x is AddIndex ai && ai.Index.Name == index.Name)) Changes.Add(new AddIndex(again));
                        }
                    }
                }
                Changes.Add(new DropRetiredType(retired, b.Name));
            }
        }

        private static bool Mentions(string? expression, HashSet<string> names)
        {
            if (expression == null) return false;
            var tokens = SqlLexer.Tokenize(expression);
            var c = new TokenCursor(expression, tokens);
            return tokens.Any(t => t.Kind is TokenKind.Word or TokenKind.QuotedIdentifier && names.Contains(c.IdentifierValue(t)));
        }

        private static string Clip(string name, string suffix)
        {
            var max = 63 - System.Text.Encoding.UTF8.GetByteCount(suffix);
            while (System.Text.Encoding.UTF8.GetByteCount(name) > max) name = name[..^1];
            return name + suffix;
        }

        public void Run()
        {
            Schemas();
            Extensions();
            Types();
            Sequences();
            Tables();
            Indexes();
            Views();
            Routines();
            Triggers();
            Policies();
            Rules();
            Comments();
            Grants();
            Unsupported();
            RecreateEnums();
        }

        private static Dictionary<TKey, TValue> By<TKey, TValue>(IEnumerable<TValue> items, Func<TValue, TKey> key)
            where TKey : notnull
        {
            var d = new Dictionary<TKey, TValue>();
            foreach (var i in items) d[key(i)] = i;
            return d;
        }

        /// <summary>Adds and drops by key; <paramref name="modify"/> handles an object present on both sides.</summary>
        private void Match<TKey, TValue>(IEnumerable<TValue> a, IEnumerable<TValue> b, Func<TValue, TKey> key, Func<TValue, SchemaChange> add,
            Func<TValue, SchemaChange> drop, Action<TValue, TValue>? modify = null)
            where TKey : notnull
            where TValue : notnull
        {
            var left = By(a, key);
            var right = By(b, key);
            foreach (var (k, x) in left)
            {
                if (!right.TryGetValue(k, out var y)) Changes.Add(drop(x));
                else if (!x.Equals(y))
                {
                    if (modify != null) modify(x, y);
                    else
                    {
                        Changes.Add(drop(x));
                        Changes.Add(add(y));
                    }
                }
            }
            foreach (var (k, y) in right)
            {
                if (!left.ContainsKey(k)) Changes.Add(add(y));
            }
        }

        private void Schemas() => Match(from.Schemas, to.Schemas, s => s.Name, s => new AddSchema(s), s => new DropSchema(s), (_, _) => { });

        private void Extensions() => Match(from.Extensions, to.Extensions, e => e.Name, e => new AddExtension(e), e => new DropExtension(e),
            (a, b) =>
            {
                if (a with { Comment = null } == b with { Comment = null }) return;
                Changes.Add(new DropExtension(a));
                Changes.Add(new AddExtension(b));
            });

        private void Types()
        {
            Match(from.Enums, to.Enums, e => e.Name, e => new AddType(e.Name, e), e => new DropType(e.Name, e), (a, b) =>
            {
                if (a.Labels == b.Labels) return;
                // Values can only be added in place; everything else (removing, renaming, reordering) needs the type recreated.
                var kept = b.Labels.Where(a.Labels.Contains).ToList();
                if (kept.Count != a.Labels.Count || !kept.SequenceEqual(a.Labels))
                {
                    // Made again under its columns (see RecreateEnums), unless something else holds it.
                    var holders = from.Domains.Where(d => d.BaseType.UserType == a.Name).Select(d => "domain " + d.Name)
                        .Concat(from.CompositeTypes.Where(ct => ct.Attributes.Any(x => x.Type.UserType == a.Name)).Select(ct => "type " + ct.Name))
                        .Concat(from.Routines.Where(r => r.ArgumentTypes.Contains(a.Name.Name, StringComparison.Ordinal) || r.Definition.Contains(a.Name.ToString(), StringComparison.Ordinal)).Select(r => "routine " + r.Signature))
                        .ToList();
                    if (holders.Count > 0)
                    {
                        Unplannable($"enum {a.Name}", $"a value was removed, renamed or moved, and {string.Join(", ", holders)} use it; plans make an enum again only under table columns",
                            "add values only, or write this migration by hand", SourceKind.Type, b.Name);
                        return;
                    }
                    _recreate.Add((a, b));
                    return;
                }
                for (var i = 0; i < b.Labels.Count; i++)
                {
                    if (a.Labels.Contains(b.Labels[i])) continue;
                    var before = b.Labels.Skip(i + 1).FirstOrDefault(a.Labels.Contains);
                    var after = before == null ? b.Labels.Take(i).LastOrDefault() : null;
                    Changes.Add(new AddEnumValue(b, b.Labels[i], before, after));
                }
            });
            void Recreate<T>(T a, T b, QualifiedName name, Func<T, T> strip)
                where T : notnull
            {
                if (strip(a).Equals(strip(b))) return;
                var users = from.Tables.Where(t => t.Columns.Any(c => c.Type.UserType == name)).Select(t => t.Name.ToString()).ToList();
                if (users.Count > 0)
                {
                    Unplannable($"type {name}", $"it changed and must be made again, but {string.Join(", ", users)} use it; plans do not re-make a type under its columns yet",
                        "change the type by hand (ALTER DOMAIN / ALTER TYPE), or write this migration by hand", SourceKind.Type, name);
                    return;
                }
                Changes.Add(new DropType(name, a));
                Changes.Add(new AddType(name, b));
            }
            Match(from.Domains, to.Domains, d => d.Name, d => new AddType(d.Name, d), d => new DropType(d.Name, d), (a, b) =>
            {
                static DomainType Strip(DomainType x) => x with { Comment = null, Checks = x.Checks.Select(c => c with { Comment = null }).ToEquatableArray() };
                if (Strip(a) == Strip(b)) return;
                // Default, NOT NULL and checks change in place (ALTER DOMAIN); only a new base type or collation re-makes it.
                if (a.BaseType == b.BaseType && a.Collation == b.Collation) Changes.Add(new ModifyDomain(a, b));
                else Recreate(a, b, b.Name, Strip);
            });
            Match(from.CompositeTypes, to.CompositeTypes, c => c.Name, c => new AddType(c.Name, c), c => new DropType(c.Name, c),
                (a, b) => Recreate(a, b, b.Name, x => x with { Comment = null }));
            Match(from.OtherTypes, to.OtherTypes, o => o.Name, o => new AddType(o.Name, o), o => new DropType(o.Name, o),
                (a, b) => Recreate(a, b, b.Name, x => x with { Comment = null }));
        }

        private void Sequences()
        {
            Match(from.Sequences, to.Sequences, s => s.Name, s => new AddSequence(s with { OwnedBy = null }), s => new DropSequence(s), (a, b) =>
            {
                if (a with { Comment = null, OwnedBy = null } != b with { Comment = null, OwnedBy = null }) Changes.Add(new ModifySequence(a, b));
            });
            var owners = from.Sequences.ToDictionary(s => s.Name, s => s.OwnedBy);
            foreach (var s in to.Sequences)
            {
                var had = owners.TryGetValue(s.Name, out var o) ? o : null;
                if (had != s.OwnedBy) Changes.Add(new SetSequenceOwner(s.Name, s.OwnedBy));
            }
        }

        private void Tables()
        {
            var fromByName = By(from.Tables, t => t.Name);
            var toByName = By(to.Tables, t => t.Name);
            var renamedAway = new HashSet<QualifiedName>();
            foreach (var t in to.Tables)
            {
                if (fromByName.TryGetValue(t.Name, out var same))
                {
                    _fromTables[t.Name] = same;
                    continue;
                }
                var old = RenamedFrom(SourceKind.Table, t.Name, null);
                if (old == null) continue;
                var oldName = old.Contains('.', StringComparison.Ordinal) ? new QualifiedName(old[..old.IndexOf('.', StringComparison.Ordinal)], old[(old.IndexOf('.', StringComparison.Ordinal) + 1)..]) : new QualifiedName(t.Name.Schema, old);
                if (fromByName.TryGetValue(oldName, out var previous) && !toByName.ContainsKey(oldName) && renamedAway.Add(oldName))
                {
                    Changes.Add(new RenameTable(oldName, t.Name));
                    _renamed[oldName] = t.Name;
                    _fromTables[t.Name] = previous with { Name = t.Name };
                }
            }
            foreach (var t in from.Tables)
            {
                if (!toByName.ContainsKey(t.Name) && !renamedAway.Contains(t.Name)) Changes.Add(new DropTable(t));
            }
            foreach (var t in to.Tables)
            {
                if (_fromTables.TryGetValue(t.Name, out var a)) CompareTable(a, t);
                else Changes.Add(new AddTable(t));
            }
            // Foreign keys of new tables are changes of their own, planned once every table exists.
            foreach (var t in to.Tables.Where(t => !_fromTables.ContainsKey(t.Name)))
            {
                foreach (var fk in t.ForeignKeys) Changes.Add(new AddConstraint(t.Name, fk.Name, fk with { Comment = null }));
                foreach (var c in t.Checks.Where(c => c.NotValid)) Changes.Add(new AddConstraint(t.Name, c.Name, c with { Comment = null }));
            }
            SuggestRenames(from.Tables.Where(t => !toByName.ContainsKey(t.Name) && !renamedAway.Contains(t.Name)).ToList(),
                to.Tables.Where(t => !_fromTables.ContainsKey(t.Name)).ToList());
        }

        private string? RenamedFrom(SourceKind kind, QualifiedName name, string? member) =>
            map?.DirectivesOf(kind, name, member).Select(d => d.RenamedFrom).LastOrDefault(n => n != null);

        private void SuggestRenames(List<Table> dropped, List<Table> added)
        {
            foreach (var d in dropped)
            {
                var shape = d.Columns.Select(c => (c.Name, c.Type.Text)).ToList();
                foreach (var a in added.Where(a => a.Name.Schema == d.Name.Schema && a.Columns.Select(c => (c.Name, c.Type.Text)).SequenceEqual(shape)))
                {
                    Suggestions.Add($"table {d.Name} is dropped and {a.Name} added with the same columns; if it was renamed, write -- schemafirst:renamed-from {QualifiedName.Display(d.Name.Name)} on the CREATE TABLE line of {a.Name}, or the data is lost");
                }
            }
        }

        private void CompareTable(Table a, Table b)
        {
            var name = b.Name;
            // What is dropped goes before the table is renamed, so it is named as it is now.
            var oldName = _renamed.FirstOrDefault(r => r.Value == name).Key ?? name;
            // Columns: renames first, then drops, adds and changes.
            var aCols = a.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var bCols = b.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var renamedCols = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var c in b.Columns)
            {
                if (aCols.ContainsKey(c.Name)) continue;
                var old = RenamedFrom(SourceKind.Column, name, c.Name);
                if (old != null && aCols.ContainsKey(old) && !bCols.ContainsKey(old) && !renamedCols.ContainsKey(old))
                {
                    renamedCols[old] = c.Name;
                    Changes.Add(new RenameColumn(name, old, c.Name));
                }
            }
            if (renamedCols.Count > 0) _renamedColumns[name] = renamedCols;
            var current = a.Columns.Select(c => renamedCols.TryGetValue(c.Name, out var n) ? c with { Name = n } : c).ToDictionary(c => c.Name, StringComparer.Ordinal);
            // Constraints that change or go are dropped before columns change (they may name them).
            var aCons = Constraints(a, renamedCols, Renamed);
            var bCons = Constraints(b, null, null);
            // A constraint whose definition stays under another name (a renamed table's) is renamed, not remade.
            var renamedCons = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (cname, con) in aCons.Where(x => !bCons.ContainsKey(x.Key)))
            {
                var match = bCons.Where(y => !aCons.ContainsKey(y.Key) && !renamedCons.ContainsValue(y.Key) && Unnamed(y.Value).Equals(Unnamed(con)))
                    .Select(y => y.Key).Order(StringComparer.Ordinal).FirstOrDefault();
                if (match != null) renamedCons[cname] = match;
            }
            foreach (var (cname, con) in aCons)
            {
                if (renamedCons.ContainsKey(cname)) continue;
                if (!bCons.TryGetValue(cname, out var other) || !Strip(other).Equals(Strip(con))) Changes.Add(new DropConstraint(oldName, cname, con));
            }
            foreach (var (was, now) in renamedCons) Changes.Add(new RenameConstraint(name, was, now));
            foreach (var c in a.Columns)
            {
                var n = renamedCols.GetValueOrDefault(c.Name, c.Name);
                if (!bCols.ContainsKey(n)) Changes.Add(new DropColumn(oldName, c));
            }
            var droppedAndAdded = new List<(Column Dropped, Column Added)>();
            foreach (var c in b.Columns)
            {
                if (!current.TryGetValue(c.Name, out var was))
                {
                    Changes.Add(new AddColumn(name, c));
                    foreach (var gone in a.Columns.Where(x => !bCols.ContainsKey(renamedCols.GetValueOrDefault(x.Name, x.Name)) && x.Type.Text == c.Type.Text))
                    {
                        droppedAndAdded.Add((gone, c));
                    }
                    continue;
                }
                var changes = ColumnChanges(was, c);
                if (changes != ColumnChange.None) Changes.Add(new ModifyColumn(name, was, c, changes));
            }
            foreach (var (gone, added) in droppedAndAdded)
            {
                Suggestions.Add($"column {name}.{QualifiedName.Display(gone.Name)} is dropped and {QualifiedName.Display(added.Name)} added with the same type; if it was renamed, write -- schemafirst:renamed-from {QualifiedName.Display(gone.Name)} on the line of {QualifiedName.Display(added.Name)}, or its data is lost");
            }
            foreach (var (cname, con) in bCons)
            {
                if (renamedCons.ContainsValue(cname)) continue;
                if (!aCons.TryGetValue(cname, out var other) || !Strip(other).Equals(Strip(con))) Changes.Add(new AddConstraint(name, cname, Strip(con)));
            }
            var tableChanges = TableChange.None;
            if (a.RowLevelSecurity != b.RowLevelSecurity) tableChanges |= TableChange.RowLevelSecurity;
            if (a.ForceRowLevelSecurity != b.ForceRowLevelSecurity) tableChanges |= TableChange.ForceRowLevelSecurity;
            if (a.With != b.With) tableChanges |= TableChange.StorageParameters;
            if (a.Persistence != b.Persistence) tableChanges |= TableChange.Persistence;
            if (a.Tablespace != b.Tablespace) tableChanges |= TableChange.Tablespace;
            if (a.AccessMethod != b.AccessMethod) tableChanges |= TableChange.AccessMethod;
            // A table attached to or detached from a parent (ATTACH / DETACH PARTITION, INHERIT / NO INHERIT).
            if (a.PartitionOf != b.PartitionOf) tableChanges |= TableChange.Partition;
            if (a.Inherits != b.Inherits) tableChanges |= TableChange.Inheritance;
            if (a.Options != b.Options) tableChanges |= TableChange.Options;
            if (tableChanges != TableChange.None) Changes.Add(new ModifyTable(a, b, tableChanges));
            var rest = new List<string>();
            if (a.PartitionBy != b.PartitionBy) rest.Add("partitioning");
            var kept = a.Columns.Select(c => renamedCols.GetValueOrDefault(c.Name, c.Name)).Where(bCols.ContainsKey);
            if (!kept.SequenceEqual(b.Columns.Select(c => c.Name).Where(current.ContainsKey)))
            {
                Suggestions.Add($"table {b.Name}: the columns it keeps are in another order in the desired schema; a column cannot move in place, so the table keeps its order (recreate it by hand if the order matters)");
            }
            if (rest.Count > 0)
            {
                Unplannable($"table {b.Name}", "its " + string.Join(", ", rest) + " changed, which plans do not change yet", "recreate the table by hand, or keep the current setting", SourceKind.Table, b.Name);
            }
        }

        private static ColumnChange ColumnChanges(Column a, Column b)
        {
            var c = ColumnChange.None;
            if (a.Type != b.Type) c |= ColumnChange.Type;
            if (a.NotNull != b.NotNull) c |= ColumnChange.Nullability;
            if (a.Default != b.Default) c |= ColumnChange.Default;
            if (a.Identity != b.Identity) c |= ColumnChange.Identity;
            if (a.Generated != b.Generated) c |= ColumnChange.Generated;
            if (a.Collation != b.Collation) c |= ColumnChange.Collation;
            if (a.Storage != b.Storage) c |= ColumnChange.Storage;
            if (a.Compression != b.Compression) c |= ColumnChange.Compression;
            if (a.OnUpdate != b.OnUpdate) c |= ColumnChange.OnUpdate;
            return c;
        }

        /// <summary>A table's constraints by name, with column names as the desired side spells them after renames.</summary>
        private static Dictionary<string, object> Constraints(Table t, Dictionary<string, string>? renamed, Func<QualifiedName, QualifiedName>? table)
        {
            table ??= n => n;
            string R(string c) => renamed != null && renamed.TryGetValue(c, out var n) ? n : c;
            EquatableArray<string> Rs(EquatableArray<string> cols) => renamed == null ? cols : cols.Select(R).ToEquatableArray();
            var d = new Dictionary<string, object>(StringComparer.Ordinal);
            if (t.PrimaryKey is { } pk) d[pk.Name] = pk with { Columns = Rs(pk.Columns), Options = pk.Options with { Include = Rs(pk.Options.Include) } };
            foreach (var u in t.Uniques) d[u.Name] = u with { Columns = Rs(u.Columns), Options = u.Options with { Include = Rs(u.Options.Include) } };
            foreach (var f in t.ForeignKeys) d[f.Name] = f with { Columns = Rs(f.Columns), ReferencedColumns = f.ReferencedTable == t.Name ? Rs(f.ReferencedColumns) : f.ReferencedColumns, ReferencedTable = table(f.ReferencedTable) };
            foreach (var c in t.Checks) d[c.Name] = c;
            foreach (var x in t.Exclusions) d[x.Name] = x;
            return d;
        }

        /// <summary>A constraint without its name and comment: what must stay for a rename.</summary>
        private static object Unnamed(object constraint) => constraint switch
        {
            PrimaryKey p => p with { Name = string.Empty, Comment = null },
            UniqueConstraint u => u with { Name = string.Empty, Comment = null },
            ForeignKey f => f with { Name = string.Empty, Comment = null },
            CheckConstraint c => c with { Name = string.Empty, Comment = null },
            ExclusionConstraint x => x with { Name = string.Empty, Comment = null },
            _ => constraint,
        };

        private static object Strip(object constraint) => constraint switch
        {
            PrimaryKey p => p with { Comment = null },
            UniqueConstraint u => u with { Comment = null },
            ForeignKey f => f with { Comment = null },
            CheckConstraint c => c with { Comment = null },
            ExclusionConstraint x => x with { Comment = null },
            _ => constraint,
        };

        private void Indexes()
        {
            // An index is known by its table and name: names are per schema in PostgreSQL, per table in SQL Server and MySQL.
            static (QualifiedName, QualifiedName) Key(SchemaIndex i) => (i.Table, i.Name);
            var current = from.Indexes.Select(AfterRenames).ToList();
            var desired = to.Indexes.ToDictionary(Key);
            var existing = current.Select(Key).ToHashSet();
            // An index that only changed its name (same table, same definition) is renamed, not built again.
            var renamed = new List<(SchemaIndex From, SchemaIndex To)>();
            var taken = new HashSet<(QualifiedName, QualifiedName)>();
            foreach (var a in current.Where(i => !desired.ContainsKey(Key(i))))
            {
                var shape = a with { Name = a.Name with { Name = string.Empty }, Comment = null };
                var match = to.Indexes.Where(b => !existing.Contains(Key(b)) && !taken.Contains(Key(b)) && b.Name.Schema == a.Name.Schema
                    && (b with { Name = b.Name with { Name = string.Empty }, Comment = null }) == shape).Select(b => b.Name).Order().FirstOrDefault();
                if (match == null) continue;
                taken.Add((a.Table, match));
                renamed.Add((a, desired[(a.Table, match)]));
            }
            var goneFrom = renamed.Select(r => Key(r.From)).ToHashSet();
            foreach (var (a, b) in renamed) Changes.Add(new RenameIndex(a, b));
            Match(current.Where(i => !goneFrom.Contains(Key(i))), to.Indexes.Where(i => !taken.Contains(Key(i))), Key, i => new AddIndex(i), i => new DropIndex(i), (a, b) =>
            {
                if (a with { Comment = null } == b with { Comment = null }) return;
                Changes.Add(new DropIndex(a));
                Changes.Add(new AddIndex(b));
            });
        }

        private void Views() => Match(from.Views, to.Views, v => v.Name, v => new AddView(v), v => new DropView(v), (a, b) =>
        {
            if (a with { Comment = null, ColumnComments = default } == b with { Comment = null, ColumnComments = default }) return;
            Changes.Add(new DropView(a));
            Changes.Add(new AddView(b));
        });

        private void Routines() => Match(from.Routines, to.Routines, r => (r.Name, r.ArgumentTypes), r => new AddRoutine(r), r => new DropRoutine(r), (a, b) =>
        {
            if (a with { Comment = null } == b with { Comment = null }) return;
            // CREATE OR REPLACE keeps the signature; a changed return type or argument names need drop and create.
            if (a.Kind == b.Kind && a.Kind != RoutineKind.Aggregate && SameHead(a.Definition, b.Definition)) Changes.Add(new ReplaceRoutine(a, b));
            else
            {
                Changes.Add(new DropRoutine(a));
                Changes.Add(new AddRoutine(b));
            }
        });

        /// <summary>The argument list and return clause (the definition's first line): what CREATE OR REPLACE may not change.</summary>
        private static bool SameHead(string a, string b)
        {
            static string Head(string d) => d.IndexOf('\n', StringComparison.Ordinal) is var i and >= 0 ? d[..i] : d;
            return Head(a) == Head(b);
        }

        // Triggers, policies and rules of a renamed table are made again: their text names the table.
        private void Triggers() => Match(from.Triggers, to.Triggers, t => (t.Table, t.Name), t => new AddTrigger(t), t => new DropTrigger(t), (a, b) =>
        {
            if (a with { Comment = null } == b with { Comment = null }) return;
            Changes.Add(new DropTrigger(a));
            Changes.Add(new AddTrigger(b));
        });

        private void Policies() => Match(from.Policies, to.Policies, p => (p.Table, p.Name), p => new AddPolicy(p), p => new DropPolicy(p), (a, b) =>
        {
            if (a with { Comment = null } == b with { Comment = null }) return;
            Changes.Add(new DropPolicy(a));
            Changes.Add(new AddPolicy(b));
        });

        private void Rules() => Match(from.Rules, to.Rules, r => (r.Table, r.Name), r => new AddRule(r), r => new DropRule(r), (a, b) =>
        {
            if (a with { Comment = null } == b with { Comment = null }) return;
            Changes.Add(new DropRule(a));
            Changes.Add(new AddRule(b));
        });

        private void Comments()
        {
            var a = CommentsOf(from, renamedTo: true);
            var b = CommentsOf(to, renamedTo: false);
            foreach (var (target, text) in b)
            {
                var was = a.GetValueOrDefault(target);
                if (was != text) Changes.Add(new SetComment(target, was, text));
            }
            foreach (var (target, text) in a)
            {
                // A dropped object takes its comment with it; only objects that stay lose theirs here.
                if (!b.ContainsKey(target) && Exists(to, target)) Changes.Add(new SetComment(target, text, null));
            }
        }

        private Dictionary<CommentTarget, string> CommentsOf(Database db, bool renamedTo)
        {
            var d = new Dictionary<CommentTarget, string>();
            void Add(CommentTarget t, string? text)
            {
                if (text != null) d[t] = text;
            }
            foreach (var s in db.Schemas) Add(new CommentTarget(SourceKind.Schema, new QualifiedName(s.Name, string.Empty)), s.Comment);
            var tables = renamedTo ? _fromTables.Values.Concat(db.Tables.Where(t => !_fromTables.ContainsKey(t.Name) && !_renamed.ContainsKey(t.Name))) : db.Tables;
            foreach (var t in tables)
            {
                Add(new CommentTarget(SourceKind.Table, t.Name), t.Comment);
                foreach (var c in t.Columns) Add(new CommentTarget(SourceKind.Column, t.Name, c.Name), c.Comment);
                if (t.PrimaryKey is { } pk) Add(new CommentTarget(SourceKind.Constraint, t.Name, pk.Name), pk.Comment);
                foreach (var u in t.Uniques) Add(new CommentTarget(SourceKind.Constraint, t.Name, u.Name), u.Comment);
                foreach (var f in t.ForeignKeys) Add(new CommentTarget(SourceKind.Constraint, t.Name, f.Name), f.Comment);
                foreach (var c in t.Checks) Add(new CommentTarget(SourceKind.Constraint, t.Name, c.Name), c.Comment);
                foreach (var x in t.Exclusions) Add(new CommentTarget(SourceKind.Constraint, t.Name, x.Name), x.Comment);
            }
            foreach (var v in db.Views)
            {
                Add(new CommentTarget(SourceKind.View, v.Name), v.Comment);
                foreach (var c in v.ColumnComments) Add(new CommentTarget(SourceKind.Column, v.Name, c.Column), c.Comment);
            }
            foreach (var i in db.Indexes) Add(new CommentTarget(SourceKind.Index, i.Name), i.Comment);
            foreach (var s in db.Sequences) Add(new CommentTarget(SourceKind.Sequence, s.Name), s.Comment);
            foreach (var e in db.Enums) Add(new CommentTarget(SourceKind.Type, e.Name), e.Comment);
            foreach (var x in db.Domains) Add(new CommentTarget(SourceKind.Type, x.Name, "domain"), x.Comment);
            foreach (var x in db.CompositeTypes) Add(new CommentTarget(SourceKind.Type, x.Name), x.Comment);
            foreach (var r in db.Routines) Add(new CommentTarget(SourceKind.Routine, r.Name, r.ArgumentTypes), r.Comment);
            foreach (var t in db.Triggers) Add(new CommentTarget(SourceKind.Trigger, t.Table, t.Name), t.Comment);
            foreach (var p in db.Policies) Add(new CommentTarget(SourceKind.Policy, p.Table, p.Name), p.Comment);
            return d;
        }

        private static bool Exists(Database db, CommentTarget t) => t.Kind switch
        {
            SourceKind.Schema => db.Schemas.Any(s => s.Name == t.Name.Schema),
            SourceKind.Table => db.FindTable(t.Name) != null,
            SourceKind.Column => db.FindTable(t.Name)?.FindColumn(t.Member!) != null || db.Views.Any(v => v.Name == t.Name),
            SourceKind.View => db.Views.Any(v => v.Name == t.Name),
            SourceKind.Index => db.Indexes.Any(i => i.Name == t.Name),
            SourceKind.Sequence => db.Sequences.Any(s => s.Name == t.Name),
            SourceKind.Type => db.Enums.Any(e => e.Name == t.Name) || db.Domains.Any(d => d.Name == t.Name) || db.CompositeTypes.Any(c => c.Name == t.Name),
            SourceKind.Routine => db.Routines.Any(r => r.Name == t.Name && r.ArgumentTypes == t.Member),
            SourceKind.Trigger => db.Triggers.Any(x => x.Table == t.Name && x.Name == t.Member),
            SourceKind.Policy => db.Policies.Any(x => x.Table == t.Name && x.Name == t.Member),
            SourceKind.Constraint => db.FindTable(t.Name) is { } table && Constraints(table, null, null).ContainsKey(t.Member!),
            _ => false,
        };

        private void Grants()
        {
            var a = from.Grants.ToHashSet();
            var b = to.Grants.ToHashSet();
            foreach (var g in from.Grants.Where(g => !b.Contains(g))) Changes.Add(new RevokePrivilege(g));
            foreach (var g in to.Grants.Where(g => !a.Contains(g))) Changes.Add(new GrantPrivilege(g));
        }

        private void Unsupported()
        {
            if (from.DefaultPrivileges != to.DefaultPrivileges)
            {
                var a = from.DefaultPrivileges.ToHashSet();
                var b = to.DefaultPrivileges.ToHashSet();
                foreach (var d in from.DefaultPrivileges.Where(d => !b.Contains(d))) Changes.Add(new RevokeDefaultPrivilege(d));
                foreach (var d in to.DefaultPrivileges.Where(d => !a.Contains(d))) Changes.Add(new GrantDefaultPrivilege(d));
            }
            if (from.IndexAttachments != to.IndexAttachments)
            {
                Unplannable("partition indexes", "the indexes attached to partitioned indexes differ; plans do not attach or detach them yet", "attach the index by hand", null, null);
            }
            var kept = to.Opaque.Where(o => !from.Opaque.Contains(o)).Select(o => o.Kind).Distinct().ToList();
            if (kept.Count > 0)
            {
                Unplannable("statements kept verbatim", $"{string.Join(", ", kept)} statements of the desired schema are kept verbatim, not modelled, so a plan cannot tell whether the database has them",
                    "apply them by hand if the database lacks them", null, null);
            }
        }

        private void Unplannable(string what, string why, string help, SourceKind? kind, QualifiedName? name)
        {
            var at = kind != null && name != null ? map?.Find(kind.Value, name) : null;
            Diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ChangeNotPlanned, $"{what}: {why}", at, help));
        }
    }
}
