using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// GRANT and REVOKE on the objects the model holds, replayed as the server applies them: each statement changes the
/// privilege state, and the model keeps the state where it differs from the defaults (see <see cref="Grant"/>).
/// Privileges on databases, languages, tablespaces, foreign servers, large objects and parameters, and role
/// membership, belong to the cluster rather than to a schema: they are kept verbatim and reported.
/// </summary>
internal partial class PostgresParser
{
    private readonly record struct GrantKey(GrantObjectKind Kind, QualifiedName Name, string? Args, string? Column, string Grantee, string Privilege);

    private readonly Dictionary<GrantKey, GrantState> _grantState = new();

    // The columns of each table or view that were ever granted a privilege: a table-level REVOKE removes their
    // entries by key instead of scanning every privilege (a dump revokes on every table).
    private readonly Dictionary<QualifiedName, HashSet<string>> _grantedColumns = new();

    private static readonly string[] TablePrivileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
    private static readonly string[] ColumnPrivileges = ["SELECT", "INSERT", "UPDATE", "REFERENCES"];
    private static readonly string[] SequencePrivileges = ["SELECT", "UPDATE", "USAGE"];
    private static readonly string[] SchemaPrivileges = ["USAGE", "CREATE"];
    private static readonly string[] RoutinePrivileges = ["EXECUTE"];
    private static readonly string[] TypePrivileges = ["USAGE"];

    private static string[] PrivilegesOf(GrantObjectKind kind, bool column) => kind switch
    {
        GrantObjectKind.Table => column ? ColumnPrivileges : TablePrivileges,
        GrantObjectKind.Sequence => SequencePrivileges,
        GrantObjectKind.Schema => SchemaPrivileges,
        GrantObjectKind.Function or GrantObjectKind.Procedure => RoutinePrivileges,
        _ => TypePrivileges,
    };

    /// <summary>What PUBLIC holds without any GRANT: EXECUTE on routines, USAGE on types and domains, and USAGE on
    /// the public schema (its initial privileges since PostgreSQL 15).</summary>
    private static bool PublicHoldsByDefault(GrantKey k) => k.Grantee == Grant.Public && k.Column == null && (k.Kind, k.Privilege) switch
    {
        (GrantObjectKind.Function or GrantObjectKind.Procedure, "EXECUTE") => true,
        (GrantObjectKind.Type or GrantObjectKind.Domain, "USAGE") => true,
        (GrantObjectKind.Schema, "USAGE") => k.Name.Schema == "public",
        _ => false,
    };

    private sealed record PrivilegeSpec(string Privilege, List<string>? Columns, int TokenIndex);

    private void GrantOrRevoke(bool grant)
    {
        var c = _c;
        c.Pos++;
        var grantOptionFor = !grant && c.Accept("grant", "option", "for");
        // Role membership (GRANT role TO role) has no ON at the top level.
        var on = FindTopLevelOn(grant ? "to" : "from");
        if (on < 0)
        {
            KeepOpaque(grant ? "GRANT role" : "REVOKE role", why: "role membership belongs to the cluster, not to a schema");
            return;
        }
        var specs = ReadPrivileges(on);
        c.Expect("on");
        var kindIndex = c.Pos;
        string? keyword = c.Kind() == TokenKind.Word ? TokenCursor.FoldCase(c.Span(c.Current)) : null;
        switch (keyword)
        {
            case "database":
            case "language":
            case "tablespace":
            case "foreign":
            case "large":
            case "parameter":
                KeepOpaque($"{(grant ? "GRANT" : "REVOKE")} ON {keyword.ToUpperInvariant()}", why: "privileges on it belong to the cluster, not to a schema");
                return;
        }
        var targets = new List<(GrantObjectKind Kind, QualifiedName Name, string? Args)>();
        if (c.Accept("all"))
        {
            var what = c.ExpectIdentifier("TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES");
            c.Expect("in");
            c.Expect("schema");
            do
            {
                var schema = c.ExpectIdentifier("a schema name");
                switch (what)
                {
                    case "tables":
                        targets.AddRange(_tables.Keys.Concat(_views.Keys).Where(n => n.Schema == schema).Order().Select(n => (GrantObjectKind.Table, n, (string?)null)));
                        break;
                    case "sequences":
                        targets.AddRange(_sequences.Keys.Where(n => n.Schema == schema).Order().Select(n => (GrantObjectKind.Sequence, n, (string?)null)));
                        break;
                    case "functions":
                    case "procedures":
                    case "routines":
                        foreach (var r in _routines.Values.Where(r => r.Name.Schema == schema).OrderBy(r => r.Name).ThenBy(r => r.ArgumentTypes, StringComparer.Ordinal))
                        {
                            var isProcedure = r.Kind == RoutineKind.Procedure;
                            if (what == "functions" && isProcedure || what == "procedures" && !isProcedure) continue;
                            targets.Add((isProcedure ? GrantObjectKind.Procedure : GrantObjectKind.Function, r.Name, r.ArgumentTypes));
                        }
                        break;
                    default:
                        throw c.Error($"unexpected ALL {what.ToUpperInvariant()} IN SCHEMA", "use TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES");
                }
            }
            while (c.Accept(TokenKind.Comma));
        }
        else
        {
            var explicitKind = keyword switch
            {
                "table" or "sequence" or "schema" or "function" or "procedure" or "routine" or "type" or "domain" => keyword,
                _ => null,
            };
            if (explicitKind != null) c.Pos++;
            do
            {
                var index = c.Pos;
                var target = GrantTarget(explicitKind ?? "table", index);
                if (target != null) targets.Add(target.Value);
            }
            while (c.Accept(TokenKind.Comma));
        }
        c.Expect(grant ? "to" : "from");
        var grantees = ReadGrantees();
        var withGrantOption = grant && c.Accept("with", "grant", "option");
        if (c.Accept("granted", "by")) c.ExpectIdentifier("a role name");
        if (!grant && !c.Accept("cascade")) c.Accept("restrict");
        c.ExpectEnd();
        if (withGrantOption && grantees.Contains(Grant.Public)) throw c.Error("grant options can only be granted to roles, not to PUBLIC");

        foreach (var (kind, name, args) in targets)
        {
            foreach (var spec in specs)
            {
                var valid = PrivilegesOf(kind, spec.Columns != null);
                string[] privileges;
                if (spec.Privilege == "ALL") privileges = valid;
                else if (valid.Contains(spec.Privilege)) privileges = [spec.Privilege];
                else if (spec.Privilege == "MAINTAIN" && kind == GrantObjectKind.Table && spec.Columns == null) privileges = [spec.Privilege];
                else
                {
                    // PostgreSQL only warns for a sequence named in GRANT ... ON TABLE, and grants what applies.
                    Report(kind == GrantObjectKind.Sequence ? Severity.Warning : Severity.Error, DiagnosticCodes.InvalidPrivilege,
                        $"privilege {spec.Privilege} does not apply to {KindText(kind)}{(spec.Columns != null ? " columns" : string.Empty)} {PostgresQuoting.Name(name)}",
                        SpanAt(spec.TokenIndex), $"the privileges of {KindText(kind)}{(spec.Columns != null ? " columns" : string.Empty)} are {string.Join(", ", valid)}");
                    continue;
                }
                if (spec.Columns != null && kind == GrantObjectKind.Table && _tables.TryGetValue(name, out var table))
                {
                    var missing = spec.Columns.FirstOrDefault(col => !table.Columns.Any(x => x.Name == col));
                    if (missing != null)
                    {
                        UnknownObject($"column {missing} of table {PostgresQuoting.Name(name)}", spec.TokenIndex);
                        continue;
                    }
                }
                foreach (var column in spec.Columns ?? [null!])
                {
                    foreach (var privilege in privileges)
                    {
                        foreach (var grantee in grantees)
                        {
                            var key = new GrantKey(kind, name, args, column, grantee, privilege);
                            if (column != null) GrantedColumns(name).Add(column);
                            if (grant) ApplyGrant(_grantState, key, PublicHoldsByDefault(key), withGrantOption);
                            else RevokeOnObject(key, grantOptionFor);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The index of the ON of a GRANT or REVOKE at the top level, or -1 when TO/FROM comes first.</summary>
    private int FindTopLevelOn(string stop)
    {
        var c = _c;
        for (var i = c.Pos; i < c.End; i++)
        {
            if (c[i].Kind == TokenKind.LParen)
            {
                var save = c.Pos;
                c.Pos = i;
                i = c.SkipParens();
                c.Pos = save;
                continue;
            }
            if (IsWordAt(i, "on")) return i;
            if (IsWordAt(i, stop)) return -1;
        }
        return -1;
    }

    /// <summary>The privilege list before ON: ALL [PRIVILEGES] or names, each with an optional column list.</summary>
    private List<PrivilegeSpec> ReadPrivileges(int on)
    {
        var c = _c;
        var specs = new List<PrivilegeSpec>();
        while (c.Pos < on)
        {
            var index = c.Pos;
            string privilege;
            if (c.Accept("all"))
            {
                c.Accept("privileges");
                privilege = "ALL";
            }
            else
            {
                var words = new List<string>();
                while (c.Pos < on && c.Kind() == TokenKind.Word) words.Add(TokenCursor.FoldCase(c.Span(c[c.Pos++])).ToUpperInvariant());
                if (words.Count == 0) throw c.Error("expected a privilege such as SELECT, or ALL");
                privilege = string.Join(' ', words);
                if (privilege == "TEMP") privilege = "TEMPORARY";
            }
            List<string>? columns = null;
            if (c.Is(TokenKind.LParen))
            {
                var (start, end) = c.CaptureParens();
                var inner = c.Sub(start, end);
                columns = [];
                do columns.Add(inner.ExpectIdentifier("a column name"));
                while (inner.Accept(TokenKind.Comma));
                inner.ExpectEnd();
            }
            specs.Add(new PrivilegeSpec(privilege, columns, index));
            if (!c.Accept(TokenKind.Comma)) break;
        }
        return specs;
    }

    /// <summary>The grantees after TO or FROM: roles, PUBLIC, or CURRENT_USER and its kin.</summary>
    private List<string> ReadGrantees()
    {
        var c = _c;
        var grantees = new List<string>();
        do
        {
            c.Accept("group");
            if (c.Kind() == TokenKind.Word && c.IsAnyWord("public", "current_user", "session_user", "current_role"))
            {
                var word = TokenCursor.FoldCase(c.Span(c[c.Pos++]));
                grantees.Add(word == "public" ? Grant.Public : word.ToUpperInvariant());
            }
            else
            {
                grantees.Add(c.ExpectIdentifier("a role name or PUBLIC"));
            }
        }
        while (c.Accept(TokenKind.Comma));
        return grantees;
    }

    private static string KindText(GrantObjectKind kind) => kind switch
    {
        GrantObjectKind.Table => "table",
        GrantObjectKind.Sequence => "sequence",
        GrantObjectKind.Schema => "schema",
        GrantObjectKind.Function => "function",
        GrantObjectKind.Procedure => "procedure",
        GrantObjectKind.Domain => "domain",
        _ => "type",
    };

    /// <summary>Reads one object of a GRANT or REVOKE; reports it and returns null when it does not exist.</summary>
    private (GrantObjectKind, QualifiedName, string?)? GrantTarget(string kind, int index)
    {
        var c = _c;
        switch (kind)
        {
            case "schema":
                {
                    var name = c.ExpectIdentifier("a schema name");
                    if (name != "public" && !_schemas.ContainsKey(name))
                    {
                        UnknownObject($"schema {name}", index);
                        return null;
                    }
                    return (GrantObjectKind.Schema, new QualifiedName(name, string.Empty), null);
                }
            case "function":
            case "procedure":
            case "routine":
                {
                    var parts = c.ExpectNameParts("a routine name");
                    string? args = null;
                    if (c.Is(TokenKind.LParen)) args = ParseArgumentTypes(c.CaptureParens(), kind == "procedure" ? RoutineKind.Procedure : RoutineKind.Function);
                    var key = FindRoutine(parts, args);
                    if (key == null)
                    {
                        UnknownObject($"{kind} {PostgresQuoting.Name(QualifyForCreate(parts))}({args})", index);
                        return null;
                    }
                    var isProcedure = _routines[key.Value].Kind == RoutineKind.Procedure;
                    return (isProcedure ? GrantObjectKind.Procedure : GrantObjectKind.Function, key.Value.Item1, key.Value.Item2);
                }
            case "type":
            case "domain":
                {
                    var parts = c.ExpectNameParts("a type name");
                    var resolved = ResolveType(parts);
                    if (resolved == null || resolved.Value.Kind == TypeKind.Composite && !_composites.ContainsKey(resolved.Value.Name))
                    {
                        UnknownObject($"{kind} {PostgresQuoting.Name(QualifyForCreate(parts))}", index);
                        return null;
                    }
                    return (resolved.Value.Kind == TypeKind.Domain ? GrantObjectKind.Domain : GrantObjectKind.Type, resolved.Value.Name, null);
                }
            default:
                {
                    var parts = c.ExpectNameParts(kind == "sequence" ? "a sequence name" : "a table name");
                    var name = ResolveRelation(parts);
                    if (kind == "table" && (_tables.ContainsKey(name) || _views.ContainsKey(name))) return (GrantObjectKind.Table, name, null);
                    if (_sequences.ContainsKey(name) || IsIdentitySequence(name)) return (GrantObjectKind.Sequence, name, null);
                    UnknownObject($"{kind} {PostgresQuoting.Name(name)}", index);
                    return null;
                }
        }
    }

    /// <summary>Whether a name is the sequence behind an identity column (named by the column or by default).</summary>
    private bool IsIdentitySequence(QualifiedName name)
    {
        // An identity sequence's name is reserved among the relation names when its column is read: most names are
        // turned away here, before looking through the tables.
        if (!_relationNames.Contains(name) || _indexes.ContainsKey(name)) return false;
        foreach (var t in _tables.Values)
        {
            if (t.Name.Schema != name.Schema) continue;
            foreach (var col in t.Columns)
            {
                if (col.Identity is { } id && (id.SequenceName ?? new QualifiedName(t.Name.Schema, MakeObjectName(t.Name.Name, col.Name, "seq"))) == name) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// GRANT on a privilege state, for objects and default privileges alike: granting back a default that was taken
    /// away restores the default; granting a default that is held changes nothing; a grant option is only ever added.
    /// </summary>
    private static void ApplyGrant<TKey>(Dictionary<TKey, GrantState> states, TKey key, bool heldByDefault, bool withGrantOption)
        where TKey : notnull
    {
        if (states.TryGetValue(key, out var state))
        {
            if (state == GrantState.Revoked) states.Remove(key);
            else if (withGrantOption) states[key] = GrantState.GrantedWithGrantOption;
            return;
        }
        if (heldByDefault) return;
        states[key] = withGrantOption ? GrantState.GrantedWithGrantOption : GrantState.Granted;
    }

    /// <summary>REVOKE on a privilege state: a default that is taken away is remembered as such.</summary>
    private static void ApplyRevoke<TKey>(Dictionary<TKey, GrantState> states, TKey key, bool heldByDefault, bool grantOptionOnly)
        where TKey : notnull
    {
        if (grantOptionOnly)
        {
            if (states.TryGetValue(key, out var s) && s == GrantState.GrantedWithGrantOption) states[key] = GrantState.Granted;
            return;
        }
        states.Remove(key);
        if (heldByDefault) states[key] = GrantState.Revoked;
    }

    private void RevokeOnObject(GrantKey key, bool grantOptionOnly)
    {
        ApplyRevoke(_grantState, key, PublicHoldsByDefault(key), grantOptionOnly);
        // Taking a privilege away on a table takes it away on each of its columns too.
        if (!grantOptionOnly && key.Kind == GrantObjectKind.Table && key.Column == null && _grantedColumns.TryGetValue(key.Name, out var columns))
        {
            foreach (var column in columns) _grantState.Remove(key with { Column = column });
        }
    }

    /// <summary>A dropped object takes its privileges with it.</summary>
    private void ForgetGrants(Func<GrantKey, bool> which)
    {
        if (_grantState.Count == 0) return;
        foreach (var k in _grantState.Keys.Where(which).ToList()) _grantState.Remove(k);
    }

    /// <summary>A renamed object (or column) keeps its privileges.</summary>
    private void MoveGrants(Func<GrantKey, bool> which, Func<GrantKey, GrantKey> rename)
    {
        if (_grantState.Count == 0) return;
        foreach (var (k, v) in _grantState.Where(kv => which(kv.Key)).ToList())
        {
            _grantState.Remove(k);
            _grantState[rename(k)] = v;
        }
    }

    private void MoveRelationGrants(QualifiedName from, QualifiedName to)
    {
        MoveGrants(k => k.Kind is GrantObjectKind.Table or GrantObjectKind.Sequence && k.Name == from, k => k with { Name = to });
        if (_grantedColumns.Remove(from, out var columns)) _grantedColumns[to] = columns;
    }

    private HashSet<string> GrantedColumns(QualifiedName table)
    {
        if (!_grantedColumns.TryGetValue(table, out var set)) _grantedColumns[table] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private void MoveTypeGrants(QualifiedName from, QualifiedName to) =>
        MoveGrants(k => k.Kind is GrantObjectKind.Type or GrantObjectKind.Domain && k.Name == from, k => k with { Name = to });

    /// <summary>The privilege state of the objects that still exist, in the model's order.</summary>
    private EquatableArray<Grant> FinishGrants()
    {
        var list = new List<Grant>(_grantState.Count);
        foreach (var (k, state) in _grantState)
        {
            bool exists = k.Kind switch
            {
                GrantObjectKind.Schema => k.Name.Schema == "public" || _schemas.ContainsKey(k.Name.Schema),
                GrantObjectKind.Table => k.Column == null
                    ? _tables.ContainsKey(k.Name) || _views.ContainsKey(k.Name)
                    : _views.ContainsKey(k.Name) || _tables.TryGetValue(k.Name, out var t) && t.Columns.Any(x => x.Name == k.Column),
                GrantObjectKind.Sequence => _sequences.ContainsKey(k.Name) || IsIdentitySequence(k.Name),
                GrantObjectKind.Function or GrantObjectKind.Procedure => _routines.ContainsKey((k.Name, k.Args!)),
                _ => _enums.ContainsKey(k.Name) || _domains.ContainsKey(k.Name) || _composites.ContainsKey(k.Name) || _otherTypes.ContainsKey(k.Name),
            };
            if (!exists) continue;
            var obj = k.Kind switch
            {
                GrantObjectKind.Schema => PostgresQuoting.Quote(k.Name.Schema),
                GrantObjectKind.Function or GrantObjectKind.Procedure => PostgresQuoting.Name(k.Name) + "(" + k.Args + ")",
                _ => PostgresQuoting.Name(k.Name),
            };
            list.Add(new Grant(k.Kind, obj, k.Column, k.Grantee, k.Privilege, state));
        }
        list.Sort();
        return list.ToEquatableArray();
    }
}
