using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

// CREATE [CONSTRAINT] TRIGGER.
internal partial class PostgresParser
{
    private void CreatePostgresTrigger(bool constraint)
    {
        var c = _c;
        var nameIndex = c.Pos;
        var name = c.ExpectIdentifier("a trigger name");
        var timingStart = c.Pos;
        while (!c.AtEnd && !c.IsWord("on")) c.Pos++;
        if (c.AtEnd) throw c.Error("expected ON and the table name");
        var timing = string.Join(' ', c.Normalize((timingStart, c.Pos), stripOuterParens: false).Split(' ')
            .Select(w => w is "before" or "after" or "instead" or "of" or "insert" or "update" or "delete" or "truncate" or "or" ? w.ToUpperInvariant() : w));
        timing = EventOrder(timing);
        c.Expect("on");
        var tableIndex = c.Pos;
        var tableParts = c.ExpectNameParts("a table name");
        var table = ResolveRelation(tableParts);
        var restStart = c.Pos;
        QualifiedName? function = null;
        string? functionText = null;
        var executeIndex = -1;
        while (!c.AtEnd)
        {
            if (c.IsWord("execute") && (c.IsWord(1, "function") || c.IsWord(1, "procedure")))
            {
                executeIndex = c.Pos;
                c.Pos += 2;
                var parts = c.ExpectNameParts("a function name");
                function = ResolveFunctionName(parts);
                // A function the model does not hold (built in, or from an extension) stays as written.
                functionText = function != null ? PostgresQuoting.Name(function) : string.Join(".", parts.Select(PostgresQuoting.Quote));
                break;
            }
            if (c.Is(TokenKind.LParen)) c.SkipParens();
            else c.Pos++;
        }
        if (functionText == null) throw c.Error("expected EXECUTE FUNCTION name(arguments)");
        if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the trigger function's arguments");
        var args = c.NormalizeParenthesized();
        c.ExpectEnd();
        var middle = executeIndex > restStart ? UpperTriggerKeywords(TriggerWhen(c.Normalize((restStart, executeIndex), stripOuterParens: false), table)) + " " : string.Empty;
        middle = ForEach(middle);
        var definition = $"{timing} ON {PostgresQuoting.Name(table)} {middle}EXECUTE FUNCTION {functionText}{args}";
        if (!_tables.ContainsKey(table) && !_views.ContainsKey(table))
        {
            UnknownObject($"table {PostgresQuoting.Name(table)}", tableIndex);
        }
        var key = (table, name);
        var replace = IsWordAt(1, "or");
        if (_triggers.ContainsKey(key) && !replace)
        {
            DuplicateObject($"trigger {name} on {PostgresQuoting.Name(table)}", nameIndex);
            return;
        }
        MapSet(SourceKind.Trigger, table, nameIndex, name);
        _triggers[key] = new Trigger(name, table, definition, constraint, function, _triggers.GetValueOrDefault(key)?.Comment);
    }

    /// <summary>
    /// The trigger's level as the server prints it: FOR ROW is FOR EACH ROW, and a trigger that names no level is
    /// FOR EACH STATEMENT, written before its WHEN condition.
    /// </summary>
    private static string ForEach(string middle)
    {
        var m = (" " + middle).Replace(" FOR ROW ", " FOR EACH ROW ", StringComparison.Ordinal).Replace(" FOR STATEMENT ", " FOR EACH STATEMENT ", StringComparison.Ordinal)[1..];
        if (m.Contains("FOR EACH ", StringComparison.Ordinal)) return m;
        var when = (" " + m).IndexOf(" WHEN ", StringComparison.Ordinal);
        return when < 0 ? m + "FOR EACH STATEMENT " : m[..when] + "FOR EACH STATEMENT " + m[when..];
    }

    /// <summary>
    /// The events in the order the server prints them (INSERT, DELETE, UPDATE [OF ...], TRUNCATE), whatever order they
    /// were written in: AFTER UPDATE OR INSERT is AFTER INSERT OR UPDATE.
    /// </summary>
    private static string EventOrder(string timing)
    {
        var head = timing.StartsWith("INSTEAD OF ", StringComparison.Ordinal) ? "INSTEAD OF " : timing[..(timing.IndexOf(' ', StringComparison.Ordinal) + 1)];
        if (head.Length == 0) return timing;
        var events = timing[head.Length..].Split(" OR ");
        static int Rank(string e) => e.Split(' ')[0] switch { "INSERT" => 0, "DELETE" => 1, "UPDATE" => 2, "TRUNCATE" => 3, _ => 4 };
        if (events.Any(e => Rank(e) == 4)) return timing;
        return head + string.Join(" OR ", events.OrderBy(Rank));
    }

    /// <summary>
    /// The WHEN condition, the clause's last part, as pg_get_triggerdef prints it: OLD and NEW columns resolved against the
    /// table, each operator in its parentheses inside the clause's own: WHEN ((old.a IS DISTINCT FROM new.a)).
    /// </summary>
    private string TriggerWhen(string clause, QualifiedName table)
    {
        var at = (" " + clause).IndexOf(" when (", StringComparison.Ordinal);
        if (at < 0 || !clause.EndsWith(')') || !_tables.TryGetValue(table, out var t)) return clause;
        var open = at + 5;
        var condition = clause[(open + 1)..^1];
        var rewritten = PostgresServerForm.RewriteCondition(condition, (qualifier, name, _) =>
            qualifier is "old" or "new" && t.FindColumn(name) is { } column ? (qualifier + "." + PostgresQuoting.Quote(column.Name), FreezeType(column.Type)) : null);
        return clause[..(open + 1)] + rewritten + ")";
    }

    private static string UpperTriggerKeywords(string rest)
    {
        // Keywords of the trigger clause in upper case, the rest (names, WHEN condition) as normalized.
        var keywords = new[] { "for each row", "for each statement", "for row", "for statement", "referencing", "new table as", "old table as", "deferrable", "initially deferred", "initially immediate", "not deferrable", "from", "when" };
        foreach (var k in keywords)
        {
            var padded = " " + rest + " ";
            padded = padded.Replace(" " + k + " ", " " + k.ToUpperInvariant() + " ", StringComparison.Ordinal);
            rest = padded[1..^1];
        }
        return rest;
    }
}
