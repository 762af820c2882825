using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

// DROP: objects removed from the model, with what depends on them.
internal partial class PostgresParser
{
    private void Drop()
    {
        var c = _c;
        string kind;
        if (c.Accept("materialized", "view")) kind = "view";
        else if (c.Kind() == TokenKind.Word)
        {
            kind = TokenCursor.FoldCase(c.Span(c.Current));
            c.Pos++;
        }
        else throw c.Error("expected the kind of object to drop");
        c.Accept("concurrently");
        var ifExists = c.Accept("if", "exists");
        switch (kind)
        {
            case "database":
                Report(Severity.Info, DiagnosticCodes.DatabaseStatementIgnored, "DROP DATABASE ignored: databases are chosen by the connection, not the schema", SpanAt(0, 13));
                return;
            case "table":
            case "view":
            case "index":
            case "sequence":
            case "type":
            case "domain":
            case "schema":
            case "extension":
            case "function":
            case "procedure":
            case "aggregate":
                do
                {
                    var idx = c.Pos;
                    var parts = c.ExpectNameParts("a name");
                    string? args = null;
                    if (c.Is(TokenKind.LParen))
                    {
                        args = ParseArgumentTypes(c.CaptureParens(), kind == "procedure" ? RoutineKind.Procedure : kind == "aggregate" ? RoutineKind.Aggregate : RoutineKind.Function);
                    }
                    if (!DropObject(kind, parts, args) && !ifExists) UnknownObject($"{kind} {string.Join(".", parts)}", idx);
                }
                while (c.Accept(TokenKind.Comma));
                c.Accept("cascade");
                c.Accept("restrict");
                c.ExpectEnd();
                return;
            case "trigger":
            case "policy":
            case "rule":
                {
                    var idx = c.Pos;
                    var name = c.ExpectIdentifier();
                    c.Expect("on");
                    var table = ResolveRelation(c.ExpectNameParts("a table name"));
                    var removed = kind switch
                    {
                        "trigger" => _triggers.Remove((table, name)),
                        "policy" => _policies.Remove((table, name)),
                        _ => _rules.Remove((table, name)),
                    };
                    if (!removed && !ifExists) UnknownObject($"{kind} {name} on {PostgresQuoting.Name(table)}", idx);
                    return;
                }
            default:
                KeepOpaque("DROP " + kind.ToUpperInvariant());
                return;
        }
    }

    private static IEnumerable<string> ConstraintIndexNames(Table t)
    {
        if (t.PrimaryKey != null) yield return t.PrimaryKey.Name;
        foreach (var u in t.Uniques) yield return u.Name;
        foreach (var x in t.Exclusions) yield return x.Name;
    }

    private bool DropObject(string kind, List<string> parts, string? args)
    {
        switch (kind)
        {
            case "table":
                {
                    var name = FindTable(parts);
                    if (name == null) return false;
                    var dropped = _tables[name];
                    _tables.Remove(name);
                    ForgetGrants(k => k.Kind is GrantObjectKind.Table or GrantObjectKind.Sequence && (k.Name == name || _sequences.TryGetValue(k.Name, out var owned) && owned.OwnedBy?.Table == name));
                    foreach (var k in _indexes.Where(kv => kv.Value.Table == name).Select(kv => kv.Key).ToList())
                    {
                        _indexes.Remove(k);
                        _relationNames.Remove(k);
                    }
                    foreach (var c in ConstraintIndexNames(dropped)) _relationNames.Remove(new QualifiedName(name.Schema, c));
                    foreach (var k in _triggers.Keys.Where(k => k.Item1 == name).ToList()) _triggers.Remove(k);
                    foreach (var k in _policies.Keys.Where(k => k.Item1 == name).ToList()) _policies.Remove(k);
                    foreach (var k in _rules.Keys.Where(k => k.Item1 == name).ToList()) _rules.Remove(k);
                    foreach (var k in _sequences.Where(kv => kv.Value.OwnedBy?.Table == name).Select(kv => kv.Key).ToList()) _sequences.Remove(k);
                    _relationNames.Remove(name);
                    return true;
                }
            case "view":
                {
                    var name = ResolveRelation(parts);
                    _relationNames.Remove(name);
                    ForgetGrants(k => k.Kind == GrantObjectKind.Table && k.Name == name);
                    return _views.Remove(name);
                }
            case "index":
                {
                    var name = ResolveRelation(parts);
                    _relationNames.Remove(name);
                    return _indexes.Remove(name);
                }
            case "sequence":
                {
                    var name = ResolveRelation(parts);
                    _relationNames.Remove(name);
                    ForgetGrants(k => k.Kind == GrantObjectKind.Sequence && k.Name == name);
                    return _sequences.Remove(name);
                }
            case "type":
            case "domain":
                {
                    var resolved = ResolveType(parts);
                    if (resolved == null) return false;
                    var name = resolved.Value.Name;
                    ForgetGrants(k => k.Kind is GrantObjectKind.Type or GrantObjectKind.Domain && k.Name == name);
                    return _enums.Remove(name) | _domains.Remove(name) | _composites.Remove(name) | _otherTypes.Remove(name);
                }
            case "schema":
                ForgetGrants(k => k.Name.Schema == parts[^1]);
                return _schemas.Remove(parts[^1]);
            case "extension":
                return _extensions.Remove(parts[^1]);
            default:
                {
                    var key = FindRoutine(parts, args);
                    if (key != null) ForgetGrants(k => k.Kind is GrantObjectKind.Function or GrantObjectKind.Procedure && k.Name == key.Value.Item1 && k.Args == key.Value.Item2);
                    return key != null && _routines.Remove(key.Value);
                }
        }
    }
}
