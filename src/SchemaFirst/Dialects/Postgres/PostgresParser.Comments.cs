using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private void CommentOn()
    {
        var c = _c;
        c.Expect("on");
        var kindIndex = c.Pos;
        string kind;
        if (c.Accept("materialized", "view")) kind = "view";
        else if (c.Accept("foreign", "table")) kind = "foreign table";
        else if (c.Accept("access", "method")) kind = "access method";
        else if (c.Accept("text", "search")) kind = "text search";
        else
        {
            kind = TokenKind.Word == c.Kind() ? TokenCursor.FoldCase(c.Span(c.Current)) : string.Empty;
            c.Pos++;
        }
        var targetIndex = c.Pos;
        // Find "IS" at the top level: the comment text follows it.
        var isIndex = -1;
        for (var i = c.End - 1; i > c.Pos; i--)
        {
            if (IsWordAt(i, "is"))
            {
                isIndex = i;
                break;
            }
        }
        if (isIndex < 0) throw c.Error("expected IS 'comment text'");
        var valueCursor = c.Sub(isIndex + 1, c.End);
        string? text;
        if (valueCursor.Accept("null")) text = null;
        else text = valueCursor.ExpectString("the comment text or NULL");
        valueCursor.ExpectEnd();
        var target = c.Sub(targetIndex, isIndex);
        if (!ApplyComment(kind, target, text, kindIndex))
        {
            KeepOpaque("COMMENT ON " + kind.ToUpperInvariant());
        }
    }

    private bool ApplyComment(string kind, TokenCursor t, string? text, int kindIndex)
    {
        switch (kind)
        {
            case "table":
                {
                    var parts = t.ExpectNameParts("a table name");
                    var name = FindTable(parts);
                    if (name == null) return Missing($"table {PostgresQuoting.Name(QualifyForCreate(parts))}", kindIndex + 1);
                    _tables[name] = _tables[name] with { Comment = text };
                    return true;
                }
            case "column":
                {
                    var parts = t.ExpectNameParts("table.column");
                    if (parts.Count < 2) throw t.Error("expected table.column");
                    var column = parts[^1];
                    var relParts = parts.Take(parts.Count - 1).ToList();
                    var rel = ResolveRelation(relParts);
                    if (_tables.TryGetValue(rel, out var table))
                    {
                        var d = TableDraft.From(table);
                        var i = d.ColumnIndex(column);
                        if (i < 0) return Missing($"column {column} of table {PostgresQuoting.Name(rel)}", kindIndex + 1);
                        d.Columns[i] = d.Columns[i] with { Comment = text };
                        _tables[rel] = d.ToTable();
                        return true;
                    }
                    if (_views.TryGetValue(rel, out var view))
                    {
                        var list = view.ColumnComments.Where(x => x.Column != column).ToList();
                        if (text != null) list.Add(new ViewColumnComment(column, text));
                        list.Sort((a, b) => string.CompareOrdinal(a.Column, b.Column));
                        _views[rel] = view with { ColumnComments = list.ToEquatableArray() };
                        return true;
                    }
                    return Missing($"relation {PostgresQuoting.Name(rel)}", kindIndex + 1);
                }
            case "view":
                {
                    var name = ResolveRelation(t.ExpectNameParts("a view name"));
                    if (!_views.TryGetValue(name, out var v)) return Missing($"view {PostgresQuoting.Name(name)}", kindIndex + 1);
                    _views[name] = v with { Comment = text };
                    return true;
                }
            case "index":
                {
                    var name = ResolveRelation(t.ExpectNameParts("an index name"));
                    if (!_indexes.TryGetValue(name, out var idx)) return false;
                    _indexes[name] = idx with { Comment = text };
                    return true;
                }
            case "sequence":
                {
                    var name = ResolveRelation(t.ExpectNameParts("a sequence name"));
                    if (!_sequences.TryGetValue(name, out var s)) return Missing($"sequence {PostgresQuoting.Name(name)}", kindIndex + 1);
                    _sequences[name] = s with { Comment = text };
                    return true;
                }
            case "type":
            case "domain":
                {
                    var parts = t.ExpectNameParts("a type name");
                    var resolved = ResolveType(parts);
                    if (resolved == null) return Missing($"type {PostgresQuoting.Name(QualifyForCreate(parts))}", kindIndex + 1);
                    var name = resolved.Value.Name;
                    if (_enums.TryGetValue(name, out var e)) _enums[name] = e with { Comment = text };
                    else if (_domains.TryGetValue(name, out var d)) _domains[name] = d with { Comment = text };
                    else if (_composites.TryGetValue(name, out var ct)) _composites[name] = ct with { Comment = text };
                    else if (_otherTypes.TryGetValue(name, out var o)) _otherTypes[name] = o with { Comment = text };
                    else return false;
                    return true;
                }
            case "schema":
                {
                    var name = t.ExpectIdentifier("a schema name");
                    _schemas[name] = _schemas.TryGetValue(name, out var s) ? s with { Comment = text } : new SchemaDef(name, text);
                    return true;
                }
            case "extension":
                {
                    // An extension's comment is written by the extension's own script: counted, not part of the schema.
                    t.ExpectIdentifier("an extension name");
                    _stats.ExtensionComments++;
                    return true;
                }
            case "function":
            case "procedure":
            case "aggregate":
                {
                    var parts = t.ExpectNameParts("a routine name");
                    var routineKind = kind == "procedure" ? RoutineKind.Procedure : kind == "aggregate" ? RoutineKind.Aggregate : RoutineKind.Function;
                    string? args = null;
                    if (t.Is(TokenKind.LParen))
                    {
                        var save = _c;
                        args = ParseArgumentTypes(t.CaptureParens(), routineKind);
                        _c = save;
                    }
                    var key = FindRoutine(parts, args);
                    if (key == null) return Missing($"{kind} {PostgresQuoting.Name(QualifyForCreate(parts))}({args})", kindIndex + 1);
                    _routines[key.Value] = _routines[key.Value] with { Comment = text };
                    return true;
                }
            case "trigger":
            case "policy":
            case "rule":
            case "constraint":
                {
                    var name = t.ExpectIdentifier($"a {kind} name");
                    t.Expect("on");
                    if (kind == "constraint" && t.Accept("domain"))
                    {
                        var dn = ResolveType(t.ExpectNameParts("a domain name"))?.Name;
                        if (dn == null || !_domains.TryGetValue(dn, out var dom)) return false;
                        _domains[dn] = dom with { Checks = dom.Checks.Select(x => x.Name == name ? x with { Comment = text } : x).ToEquatableArray() };
                        return true;
                    }
                    var table = ResolveRelation(t.ExpectNameParts("a table name"));
                    var key = (table, name);
                    switch (kind)
                    {
                        case "trigger" when _triggers.TryGetValue(key, out var tr):
                            _triggers[key] = tr with { Comment = text };
                            return true;
                        case "policy" when _policies.TryGetValue(key, out var p):
                            _policies[key] = p with { Comment = text };
                            return true;
                        case "rule" when _rules.TryGetValue(key, out var r):
                            _rules[key] = r with { Comment = text };
                            return true;
                        case "constraint" when _tables.TryGetValue(table, out var tb):
                            var d = TableDraft.From(tb);
                            if (!d.HasConstraint(name)) return Missing($"constraint {name} on {PostgresQuoting.Name(table)}", kindIndex + 1);
                            if (d.PrimaryKey?.Name == name) d.PrimaryKey = d.PrimaryKey with { Comment = text };
                            d.Uniques = d.Uniques.Select(x => x.Name == name ? x with { Comment = text } : x).ToList();
                            d.ForeignKeys = d.ForeignKeys.Select(x => x.Name == name ? x with { Comment = text } : x).ToList();
                            d.Checks = d.Checks.Select(x => x.Name == name ? x with { Comment = text } : x).ToList();
                            d.Exclusions = d.Exclusions.Select(x => x.Name == name ? x with { Comment = text } : x).ToList();
                            _tables[table] = d.ToTable();
                            return true;
                    }
                    return Missing($"{kind} {name} on {PostgresQuoting.Name(table)}", kindIndex + 1);
                }
            default:
                return false;
        }
    }

    private bool Missing(string what, int tokenIndex)
    {
        UnknownObject(what, tokenIndex);
        return true;
    }

    private (QualifiedName, string)? FindRoutine(List<string> parts, string? args)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            if (args != null && _routines.ContainsKey((q, args))) return (q, args);
            if (args == null)
            {
                var matches = _routines.Keys.Where(k => k.Item1 == q).ToList();
                if (matches.Count == 1) return matches[0];
            }
        }
        return null;
    }
}
