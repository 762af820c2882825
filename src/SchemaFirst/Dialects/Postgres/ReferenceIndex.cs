using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

/// <summary>
/// Finds which model objects a piece of SQL text names (relations, routines, types, sequences in nextval), for
/// ordering: a reference that cannot be resolved is ignored, an extra one only tightens the order.
/// </summary>
internal sealed class ReferenceIndex
{
    private readonly Dictionary<string, List<QualifiedName>> _relationsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Routine>> _routinesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<QualifiedName>> _typesByName = new(StringComparer.Ordinal);

    public ReferenceIndex(Database db)
    {
        foreach (var t in db.Tables) Add(_relationsByName, t.Name);
        foreach (var v in db.Views) Add(_relationsByName, v.Name);
        foreach (var s in db.Sequences) Add(_relationsByName, s.Name);
        foreach (var r in db.Routines)
        {
            if (!_routinesByName.TryGetValue(r.Name.Name, out var list)) _routinesByName[r.Name.Name] = list = new List<Routine>();
            list.Add(r);
        }
        foreach (var e in db.Enums) Add(_typesByName, e.Name);
        foreach (var d in db.Domains) Add(_typesByName, d.Name);
        foreach (var c in db.CompositeTypes) Add(_typesByName, c.Name);
        foreach (var o in db.OtherTypes) Add(_typesByName, o.Name);
    }

    private static void Add(Dictionary<string, List<QualifiedName>> map, QualifiedName name)
    {
        if (!map.TryGetValue(name.Name, out var list)) map[name.Name] = list = new List<QualifiedName>();
        list.Add(name);
    }

    private static QualifiedName? Pick(List<QualifiedName>? candidates, string? schema, string contextSchema)
    {
        if (candidates == null) return null;
        if (schema != null) return candidates.FirstOrDefault(c => c.Schema == schema);
        return candidates.FirstOrDefault(c => c.Schema == contextSchema) ?? candidates.FirstOrDefault(c => c.Schema == "public")
            ?? (candidates.Count == 1 ? candidates[0] : null);
    }

    public void DependOnExpression(DependencyOrder<object> order, string key, string sql, string contextSchema)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var c = new TokenCursor(sql, tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.String && i >= 2 && tokens[i - 1].Kind == TokenKind.LParen && tokens[i - 2].Kind == TokenKind.Word
                && c.Span(tokens[i - 2]).Equals("nextval", StringComparison.OrdinalIgnoreCase))
            {
                var seqText = c.StringValue(t);
                var parts = SqlLexer.Tokenize(seqText);
                var sc = new TokenCursor(seqText, parts);
                try
                {
                    var names = sc.ExpectNameParts();
                    var q = Pick(_relationsByName.GetValueOrDefault(names[^1]), names.Count > 1 ? names[^2] : null, contextSchema);
                    if (q != null) order.Depend(key, PostgresSqlGenerator.RelationKey(q));
                }
                catch (ParseException)
                {
                }
                continue;
            }
            if (t.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier)) continue;
            if (i > 0 && tokens[i - 1].Kind == TokenKind.Dot) continue;
            string? schema = null;
            var name = c.IdentifierValue(t);
            var j = i + 1;
            if (j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Dot && tokens[j + 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
            {
                schema = name;
                name = c.IdentifierValue(tokens[j + 1]);
                j += 2;
            }
            var isCall = j < tokens.Count && tokens[j].Kind == TokenKind.LParen;
            if (isCall)
            {
                if (_routinesByName.TryGetValue(name, out var routines))
                {
                    foreach (var r in routines)
                    {
                        if (schema == null || r.Name.Schema == schema) order.Depend(key, PostgresSqlGenerator.RoutineKey(r));
                    }
                }
                continue;
            }
            var rel = Pick(_relationsByName.GetValueOrDefault(name), schema, contextSchema);
            if (rel != null) order.Depend(key, PostgresSqlGenerator.RelationKey(rel));
            var type = Pick(_typesByName.GetValueOrDefault(name), schema, contextSchema);
            if (type != null) order.Depend(key, PostgresSqlGenerator.TypeKey(type));
        }
    }

    /// <summary>A routine depends on the types and tables its signature and RETURNS clause name (not on its body).</summary>
    public void DependOnRoutineHeader(DependencyOrder<object> order, string key, Routine r)
    {
        var def = r.Definition;
        var tokens = SqlLexer.Tokenize(def);
        var end = tokens.FindIndex(t => t.Kind == TokenKind.String);
        var header = end < 0 ? def : def[..tokens[end].Start];
        // The routine's own name is not a dependency.
        DependOnExpression(order, key, header, r.Name.Schema);
    }

    public void DependOnRoutineName(DependencyOrder<object> order, string key, QualifiedName function)
    {
        if (!_routinesByName.TryGetValue(function.Name, out var routines)) return;
        foreach (var r in routines.Where(r => r.Name == function)) order.Depend(key, PostgresSqlGenerator.RoutineKey(r));
    }
}
