using System.Globalization;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

// ALTER TABLE: renames, and actions merged into the table as the server would apply them.
internal partial class PostgresParser
{
    private void AlterTable()
    {
        var c = _c;
        var ifExists = c.Accept("if", "exists");
        c.Accept("only");
        var nameIndex = c.Pos;
        var parts = c.ExpectNameParts("a table name");
        c.Accept(TokenKind.Operator); // ALTER TABLE name * (inheritance marker)
        var name = FindTable(parts);
        if (name == null)
        {
            var rel = ResolveRelation(parts);
            if (_views.ContainsKey(rel) || _sequences.ContainsKey(rel) || _indexes.ContainsKey(rel))
            {
                // ALTER TABLE works on views and sequences too (pg_dump uses it for view defaults): keep it.
                KeepOpaque("ALTER TABLE on a view or sequence", reportIt: true);
                return;
            }
            if (!ifExists) UnknownObject($"table {PostgresQuoting.Name(QualifyForCreate(parts))}", nameIndex);
            return;
        }
        if (c.Accept("rename"))
        {
            AlterTableRename(name, nameIndex);
            return;
        }
        if (c.Accept("set", "schema"))
        {
            var schema = c.ExpectIdentifier("a schema name");
            var t = _tables[name];
            _tables.Remove(name);
            var moved = new QualifiedName(schema, name.Name);
            _tables[moved] = t with { Name = moved };
            return;
        }
        var draft = TableDraft.From(_tables[name]);
        var pending = new List<PendingConstraint>();
        var serials = new List<(string, DataType, int)>();
        var opaqueActions = new List<string>();
        while (!c.AtEnd)
        {
            var actionStart = c.Pos;
            if (!AlterTableAction(draft, pending, serials))
            {
                // Keep the action we do not model, verbatim, as its own statement.
                var depth = 0;
                while (!c.AtEnd && !(depth == 0 && c.Is(TokenKind.Comma)))
                {
                    if (c.Is(TokenKind.LParen)) depth++;
                    else if (c.Is(TokenKind.RParen)) depth--;
                    c.Pos++;
                }
                opaqueActions.Add(c.Raw(actionStart, c.Pos));
            }
            if (!c.Accept(TokenKind.Comma)) break;
        }
        c.ExpectEnd();
        FinishConstraints(draft, pending);
        _tables[name] = draft.ToTable();
        foreach (var (column, type, token) in serials) CreateSerialSequence(name, column, type, token);
        foreach (var action in opaqueActions)
        {
            _stats.KeptVerbatim++;
            var sql = $"ALTER TABLE {PostgresQuoting.Name(name)} {action}";
            _opaque.Add(new Model.OpaqueStatement("ALTER TABLE", sql));
            Report(Diagnostics.Severity.Warning, Diagnostics.DiagnosticCodes.UnsupportedStatement,
                $"ALTER TABLE action '{Truncate(action, 40)}' is not modelled; it is kept verbatim and rendered as written", SpanAt(nameIndex));
        }
    }

    private void AlterTableRename(QualifiedName name, int nameIndex)
    {
        var c = _c;
        if (c.Accept("constraint"))
        {
            var from = c.ExpectIdentifier();
            c.Expect("to");
            var to = c.ExpectIdentifier();
            var d = TableDraft.From(_tables[name]);
            if (d.PrimaryKey?.Name == from) d.PrimaryKey = d.PrimaryKey with { Name = to };
            d.Uniques = d.Uniques.Select(u => u.Name == from ? u with { Name = to } : u).ToList();
            d.ForeignKeys = d.ForeignKeys.Select(u => u.Name == from ? u with { Name = to } : u).ToList();
            d.Checks = d.Checks.Select(u => u.Name == from ? u with { Name = to } : u).ToList();
            d.Exclusions = d.Exclusions.Select(u => u.Name == from ? u with { Name = to } : u).ToList();
            _tables[name] = d.ToTable();
            return;
        }
        if (c.Accept("to"))
        {
            var newName = new QualifiedName(name.Schema, c.ExpectIdentifier("a table name"));
            var t = _tables[name];
            _tables.Remove(name);
            _tables[newName] = t with { Name = newName };
            ReserveRelationName(newName.Schema, newName.Name);
            MoveRelationGrants(name, newName);
            return;
        }
        c.Accept("column");
        var oldCol = c.ExpectIdentifier("a column name");
        c.Expect("to");
        var newCol = c.ExpectIdentifier("a column name");
        var draft = TableDraft.From(_tables[name]);
        var i = draft.ColumnIndex(oldCol);
        if (i < 0)
        {
            UnknownObject($"column {oldCol} of table {PostgresQuoting.Name(name)}", nameIndex);
            return;
        }
        draft.Columns[i] = draft.Columns[i] with { Name = newCol };
        _tables[name] = draft.ToTable();
        MoveGrants(k => k.Kind == GrantObjectKind.Table && k.Name == name && k.Column == oldCol, k => k with { Column = newCol });
        if (_grantedColumns.TryGetValue(name, out var granted) && granted.Contains(oldCol)) granted.Add(newCol);
    }

    /// <summary>Applies one ALTER TABLE action; returns false (cursor unchanged) for actions that are not modelled.</summary>
    private bool AlterTableAction(TableDraft draft, List<PendingConstraint> pending, List<(string, DataType, int)> serials)
    {
        var c = _c;
        var start = c.Pos;
        if (c.Accept("add"))
        {
            if (IsTableConstraintStart())
            {
                pending.Add(ParseTableConstraint());
                return true;
            }
            c.Accept("column");
            var ifNotExists = c.Accept("if", "not", "exists");
            if (ifNotExists && c.IsIdentifier() && draft.ColumnIndex(c.IdentifierValue(c.Current)) >= 0)
            {
                c.Pos++;
                // The column exists: PostgreSQL skips the whole definition with a notice.
                while (!c.AtEnd && !c.Is(TokenKind.Comma))
                {
                    if (c.Is(TokenKind.LParen)) c.SkipParens();
                    else c.Pos++;
                }
                return true;
            }
            ParseColumnDefinition(draft, pending, serials, partition: false, addColumn: true);
            return true;
        }
        if (c.Accept("drop"))
        {
            if (c.Accept("constraint"))
            {
                var ifExists = c.Accept("if", "exists");
                var idx = c.Pos;
                var cname = c.ExpectIdentifier("a constraint name");
                c.Accept("cascade");
                c.Accept("restrict");
                if (!draft.RemoveConstraint(cname) && !ifExists) UnknownObject($"constraint \"{cname}\" of table {PostgresQuoting.Name(draft.Name)}", idx);
                return true;
            }
            c.Accept("column");
            var colIfExists = c.Accept("if", "exists");
            var colIdx = c.Pos;
            var col = c.ExpectIdentifier("a column name");
            c.Accept("cascade");
            c.Accept("restrict");
            var i = draft.ColumnIndex(col);
            if (i < 0)
            {
                if (!colIfExists) UnknownObject($"column \"{col}\" of table {PostgresQuoting.Name(draft.Name)}", colIdx);
                return true;
            }
            draft.Columns.RemoveAt(i);
            // Constraints and indexes on the column go with it, as in PostgreSQL.
            if (draft.PrimaryKey != null && draft.PrimaryKey.Columns.Contains(col)) draft.PrimaryKey = null;
            draft.Uniques.RemoveAll(u => u.Columns.Contains(col));
            draft.ForeignKeys.RemoveAll(f => f.Columns.Contains(col));
            foreach (var key in _indexes.Where(kv => kv.Value.Table == draft.Name && kv.Value.Elements.Any(e => e.Column == col)).Select(kv => kv.Key).ToList()) _indexes.Remove(key);
            return true;
        }
        if (c.Accept("alter"))
        {
            c.Accept("column");
            var colIdx = c.Pos;
            var col = c.ExpectIdentifier("a column name");
            var i = draft.ColumnIndex(col);
            if (i < 0)
            {
                UnknownObject($"column \"{col}\" of table {PostgresQuoting.Name(draft.Name)}", colIdx);
                c.Pos = start;
                return false;
            }
            var column = draft.Columns[i];
            if (c.Accept("set", "default"))
            {
                var range = c.CaptureUntil(_ => false);
                draft.Columns[i] = column with { Default = ColumnDefault(CanonicalExpression(c.Normalize(range)), column.Type) };
                return true;
            }
            if (c.Accept("drop", "default"))
            {
                draft.Columns[i] = column with { Default = null };
                return true;
            }
            if (c.Accept("set", "not", "null"))
            {
                draft.Columns[i] = column with { NotNull = true };
                return true;
            }
            if (c.Accept("drop", "not", "null"))
            {
                draft.Columns[i] = column with { NotNull = false };
                return true;
            }
            if (c.Accept("set", "data", "type") || c.Accept("type"))
            {
                var type = ParseType(c);
                string? collation = column.Collation;
                if (c.Accept("collate")) collation = string.Join(".", c.ExpectNameParts("a collation"));
                if (c.Accept("using")) c.CaptureUntil(_ => false);
                draft.Columns[i] = column with { Type = type, Collation = collation };
                return true;
            }
            if (c.Accept("add", "generated"))
            {
                var always = c.Accept("always");
                if (!always)
                {
                    c.Expect("by");
                    c.Expect("default");
                }
                c.Expect("as");
                c.Expect("identity");
                draft.Columns[i] = column with { Identity = ParseIdentityOptions(draft.Name, col, always, column.Type), NotNull = true };
                return true;
            }
            if (c.Accept("drop", "identity"))
            {
                c.Accept("if", "exists");
                draft.Columns[i] = column with { Identity = null };
                return true;
            }
            if (c.Accept("set", "storage"))
            {
                draft.Columns[i] = column with { Storage = c.ExpectIdentifier("a storage mode").ToUpperInvariant() };
                return true;
            }
            if (c.Accept("set", "compression"))
            {
                draft.Columns[i] = column with { Compression = c.ExpectIdentifier("a compression method") };
                return true;
            }
            if (c.Accept("drop", "expression"))
            {
                c.Accept("if", "exists");
                draft.Columns[i] = column with { Generated = null };
                return true;
            }
            c.Pos = start;
            return false;
        }
        if (c.Accept("enable", "row", "level"))
        {
            c.Expect("security");
            draft.RowLevelSecurity = true;
            return true;
        }
        if (c.Accept("disable", "row", "level"))
        {
            c.Expect("security");
            draft.RowLevelSecurity = false;
            return true;
        }
        if (c.Accept("force", "row", "level"))
        {
            c.Expect("security");
            draft.ForceRowLevelSecurity = true;
            return true;
        }
        if (c.Accept("no", "force", "row"))
        {
            c.Expect("level");
            c.Expect("security");
            draft.ForceRowLevelSecurity = false;
            return true;
        }
        if (c.Accept("validate", "constraint"))
        {
            var cname = c.ExpectIdentifier("a constraint name");
            draft.Checks = draft.Checks.Select(x => x.Name == cname ? x with { NotValid = false } : x).ToList();
            draft.ForeignKeys = draft.ForeignKeys.Select(x => x.Name == cname ? x with { NotValid = false } : x).ToList();
            return true;
        }
        if (c.Accept("attach", "partition"))
        {
            var idx = c.Pos;
            var childParts = c.ExpectNameParts("a partition name");
            var child = FindTable(childParts);
            var bound = ParsePartitionBound();
            if (child == null)
            {
                UnknownObject($"table {PostgresQuoting.Name(QualifyForCreate(childParts))}", idx);
                return true;
            }
            _tables[child] = _tables[child] with { PartitionOf = new PartitionBound(draft.Name, bound) };
            return true;
        }
        if (c.Accept("set", "unlogged"))
        {
            draft.Persistence = TablePersistence.Unlogged;
            return true;
        }
        if (c.Accept("set", "logged"))
        {
            draft.Persistence = TablePersistence.Permanent;
            return true;
        }
        if (c.Accept("inherit"))
        {
            var parts = c.ExpectNameParts("a parent table name");
            draft.Inherits.Add(FindTable(parts) ?? QualifyForCreate(parts));
            return true;
        }
        if (c.Accept("owner", "to"))
        {
            c.ExpectIdentifier("a role name");
            _stats.OwnershipStatements++;
            return true;
        }
        return false;
    }
}
