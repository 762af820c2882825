using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Dialects.Postgres;

internal partial class PostgresParser
{
    private void CreateRoutine(bool orReplace)
    {
        var c = _c;
        var kindWord = TokenCursor.FoldCase(c.Span(c.Current));
        c.Pos++;
        var kind = kindWord switch
        {
            "procedure" => RoutineKind.Procedure,
            "aggregate" => RoutineKind.Aggregate,
            _ => RoutineKind.Function,
        };
        var nameIndex = c.Pos;
        var name = QualifyForCreate(c.ExpectNameParts("a routine name"));
        if (!c.Is(TokenKind.LParen)) throw c.Error("expected '(' and the argument list");
        var argsRange = c.CaptureParens();
        var args = ParseArgumentTypes(argsRange, kind);
        string definition;
        if (kind == RoutineKind.Aggregate)
        {
            var argsText = args.Length == 0 && argsRange.End > argsRange.Start ? c.Normalize(argsRange, stripOuterParens: false) : args;
            definition = c.Is(TokenKind.LParen) ? $"({argsText}) {AggregateOptions(c.CaptureParens())}" : $"({argsText})";
            c.ExpectEnd();
        }
        else
        {
            definition = "(" + CanonicalArguments(argsRange) + ")" + RoutineClauses(kind);
        }
        var key = (name, args);
        if (_routines.TryGetValue(key, out var existing) && !orReplace)
        {
            DuplicateObject($"{kindWord} {PostgresQuoting.Name(name)}({args})", nameIndex);
            return;
        }
        MapSet(SourceKind.Routine, name, nameIndex, args);
        _routines[key] = new Routine(name, kind, args, definition, existing?.Comment);
    }

    /// <summary>Aggregate options as KEY = value, keys upper case, in the order written.</summary>
    private string AggregateOptions((int Start, int End) range)
    {
        var c = _c;
        var parts = new List<string>();
        foreach (var (s, e) in c.SplitTopLevel(range.Start, range.End))
        {
            var sub = c.Sub(s, e);
            var key = sub.ExpectIdentifier("an aggregate option").ToUpperInvariant();
            if (!sub.IsOperator("=")) throw sub.Error("expected '=' after the option name");
            sub.Pos++;
            var value = sub.Is(TokenKind.String) && sub.Pos + 1 == e ? PostgresQuoting.Literal(sub.StringValue(sub.Current)) : sub.Normalize((sub.Pos, e), stripOuterParens: false);
            if (key.EndsWith("FUNC", StringComparison.Ordinal) && !sub.Is(TokenKind.String))
            {
                // Support functions resolved as the server resolves them; built-ins stay as written.
                var fn = sub.ExpectNameParts("a function name");
                value = ResolveFunctionName(fn) is { } resolved ? PostgresQuoting.Name(resolved) : string.Join(".", fn.Select(PostgresQuoting.Quote));
            }
            if (key is "STYPE" or "MSTYPE" or "BASETYPE")
            {
                try
                {
                    value = ParseType(sub).Text;
                }
                catch (ParseException)
                {
                }
            }
            parts.Add(key + " = " + value);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>The argument list in canonical form: [mode] [name] type [DEFAULT expr], IN and '=' spelled the long way.</summary>
    private string CanonicalArguments((int Start, int End) range)
    {
        var args = ReadArguments(range, RoutineKind.Function) ?? [];
        return string.Join(", ", args.Select(a =>
            (a.Mode != null ? a.Mode + " " : string.Empty) + (a.Name != null ? PostgresQuoting.Quote(a.Name) + " " : string.Empty) + a.Type.Text
            + (a.Default != null ? " DEFAULT " + a.Default : string.Empty)));
    }

    /// <summary>
    /// Reads the clauses after a function's argument list and writes them in one canonical order, with the values
    /// PostgreSQL takes by default left out; the body is kept exactly as written, in a dollar quote.
    /// </summary>
    private string RoutineClauses(RoutineKind kind)
    {
        var c = _c;
        string? returns = null, language = null, volatility = null, security = null, parallel = null, support = null, body = null;
        bool strict = false, leakproof = false, window = false;
        double? cost = null, rows = null;
        var sets = new List<string>();
        var transforms = new List<string>();
        while (!c.AtEnd)
        {
            if (c.Accept("returns", "null"))
            {
                c.Expect("on");
                c.Expect("null");
                c.Expect("input");
                strict = true;
            }
            else if (c.Accept("returns"))
            {
                if (c.Accept("table"))
                {
                    var (s, e) = c.CaptureParens();
                    var cols = new List<string>();
                    foreach (var (cs, ce) in c.SplitTopLevel(s, e))
                    {
                        var sub = c.Sub(cs, ce);
                        var col = sub.ExpectIdentifier("a column name");
                        cols.Add(PostgresQuoting.Quote(col) + " " + ParseType(sub).Text);
                    }
                    returns = "TABLE(" + string.Join(", ", cols) + ")";
                }
                else
                {
                    var setof = c.Accept("setof");
                    returns = (setof ? "SETOF " : string.Empty) + ParseType(c).Text;
                }
            }
            else if (c.Accept("language"))
            {
                language = c.Is(TokenKind.String) ? c.ExpectString().ToLowerInvariant() : c.ExpectIdentifier("a language");
            }
            else if (c.Accept("transform"))
            {
                do
                {
                    c.Expect("for");
                    c.Expect("type");
                    transforms.Add("FOR TYPE " + ParseType(c).Text);
                }
                while (c.Accept(TokenKind.Comma));
            }
            else if (c.Accept("window")) window = true;
            else if (c.Accept("immutable")) volatility = "IMMUTABLE";
            else if (c.Accept("stable")) volatility = "STABLE";
            else if (c.Accept("volatile")) volatility = null;
            else if (c.Accept("not", "leakproof")) leakproof = false;
            else if (c.Accept("leakproof")) leakproof = true;
            else if (c.Accept("called", "on", "null"))
            {
                c.Expect("input");
                strict = false;
            }
            else if (c.Accept("strict")) strict = true;
            else if (c.Accept("external") || c.IsWord("security"))
            {
                c.Expect("security");
                security = c.Accept("definer") ? "SECURITY DEFINER" : c.Accept("invoker") ? null : throw c.Error("expected DEFINER or INVOKER");
            }
            else if (c.Accept("parallel"))
            {
                var p = c.ExpectIdentifier("SAFE, RESTRICTED or UNSAFE").ToUpperInvariant();
                parallel = p == "UNSAFE" ? null : "PARALLEL " + p;
            }
            else if (c.Accept("cost")) cost = ReadNumber(c);
            else if (c.Accept("rows")) rows = ReadNumber(c);
            else if (c.Accept("support")) support = "SUPPORT " + string.Join(".", c.ExpectNameParts("a support function").Select(PostgresQuoting.Quote));
            else if (c.Accept("set"))
            {
                var param = SettingName(string.Join(".", c.ExpectNameParts("a configuration parameter")));
                if (c.Accept("from", "current")) sets.Add($"SET {param} FROM CURRENT");
                else
                {
                    if (!c.Accept("to") && !(c.IsOperator("=") && c.Accept(TokenKind.Operator))) throw c.Error("expected TO, = or FROM CURRENT");
                    var start = c.Pos;
                    while (!c.AtEnd && (c.Is(TokenKind.Comma) || c.Pos == start || c[c.Pos - 1].Kind == TokenKind.Comma)) c.Pos++;
                    sets.Add($"SET {param} TO {SettingValue(c, start, c.Pos)}");
                }
            }
            else if (c.Accept("as"))
            {
                var first = c.ExpectString("the routine body");
                if (c.Accept(TokenKind.Comma))
                {
                    var link = c.ExpectString("the link symbol");
                    body = "AS " + PostgresQuoting.Literal(first) + ", " + PostgresQuoting.Literal(link);
                }
                else
                {
                    body = "AS " + DollarQuote(first);
                }
            }
            else if (c.IsWord("return") || (c.IsWord("begin") && c.IsWord(1, "atomic")))
            {
                // A SQL-standard body: the rest of the statement.
                body = c.Normalize((c.Pos, c.End), stripOuterParens: false);
                c.Pos = c.End;
            }
            else
            {
                throw c.Error(kind == RoutineKind.Procedure ? "expected LANGUAGE, SECURITY, SET or AS" : "expected RETURNS, LANGUAGE, a function option or AS");
            }
        }
        var sb = new System.Text.StringBuilder();
        if (returns != null) sb.Append(" RETURNS ").Append(returns);
        if (language != null) sb.Append("\n    LANGUAGE ").Append(language);
        foreach (var t in transforms) sb.Append(" TRANSFORM ").Append(t);
        var options = new List<string>();
        if (window) options.Add("WINDOW");
        if (volatility != null) options.Add(volatility);
        if (leakproof) options.Add("LEAKPROOF");
        if (strict) options.Add("STRICT");
        if (security != null) options.Add(security);
        if (parallel != null) options.Add(parallel);
        var defaultCost = language is "c" or "internal" ? 1 : 100;
        if (cost is { } co && co != defaultCost) options.Add("COST " + co.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (rows is { } ro && ro != 1000 && returns != null && returns.StartsWith("SETOF", StringComparison.Ordinal)) options.Add("ROWS " + ro.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (support != null) options.Add(support);
        if (options.Count > 0) sb.Append("\n    ").Append(string.Join(' ', options));
        foreach (var set in sets) sb.Append("\n    ").Append(set);
        if (body == null) throw c.Error("expected the routine body (AS ..., RETURN ... or BEGIN ATOMIC)");
        sb.Append("\n    ").Append(body);
        return sb.ToString();
    }

    private static double ReadNumber(TokenCursor c)
    {
        if (!c.Is(TokenKind.Number) || !double.TryParse(c.Span(c.Current), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            throw c.Error("expected a number");
        }
        c.Pos++;
        return v;
    }

    /// <summary>A body in a dollar quote whose tag does not occur in it: $$, else $body$, $body1$, ...</summary>
    internal static string DollarQuote(string body)
    {
        if (!body.Contains("$$", StringComparison.Ordinal)) return "$$" + body + "$$";
        var tag = "$body$";
        for (var i = 1; body.Contains(tag, StringComparison.Ordinal); i++) tag = "$body" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "$";
        return tag + body + tag;
    }

    /// <summary>One argument of a routine as read: mode (null for IN), name, type and default.</summary>
    private readonly record struct Argument(string? Mode, string? Name, DataType Type, string? Default);

    /// <summary>
    /// Reads an argument list: [IN|OUT|INOUT|VARIADIC] [name] type [DEFAULT expr | = expr]. Returns null for the forms
    /// that are not a list of arguments: <c>(*)</c> and the old aggregate syntax <c>(BASETYPE = ..., SFUNC = ...)</c>.
    /// </summary>
    private List<Argument>? ReadArguments((int Start, int End) range, RoutineKind kind)
    {
        var c = _c;
        if (range.End - range.Start == 1 && c[range.Start].Kind == TokenKind.Operator && c.Span(c[range.Start]).SequenceEqual("*")) return null;
        var args = new List<Argument>();
        foreach (var (s, e) in c.SplitTopLevel(range.Start, range.End))
        {
            var sub = c.Sub(s, e);
            if (kind == RoutineKind.Aggregate)
            {
                for (var i = s; i < e; i++)
                {
                    if (c[i].Kind == TokenKind.Operator && c.Span(c[i]).SequenceEqual("=")) return null;
                }
                sub.Accept("order", "by");
            }
            string? mode = null;
            if (sub.Accept("in")) { }
            else if (sub.Accept("out")) mode = "OUT";
            else if (sub.Accept("inout")) mode = "INOUT";
            else if (sub.Accept("variadic")) mode = "VARIADIC";
            // "name type" or just "type": try the type first, and read a name when more than a type follows.
            var typeStart = sub.Pos;
            string? name = null;
            DataType? type = null;
            try
            {
                var t = ParseType(sub);
                if (sub.Pos >= e || sub.IsWord("default") || sub.IsOperator("=")) type = t;
            }
            catch (ParseException)
            {
            }
            if (type == null)
            {
                sub.Pos = typeStart;
                name = sub.ExpectIdentifier("an argument name");
                type = ParseType(sub);
            }
            string? defaultExpr = null;
            if (sub.Accept("default") || (sub.IsOperator("=") && sub.Accept(TokenKind.Operator))) defaultExpr = sub.Normalize((sub.Pos, e));
            else if (sub.Pos < e) throw sub.Error("unexpected text in the argument");
            args.Add(new Argument(mode, name, type, defaultExpr));
        }
        return args;
    }

    /// <summary>The identity argument types of a routine: what tells overloads apart (OUT arguments of functions left out).</summary>
    private string ParseArgumentTypes((int Start, int End) range, RoutineKind kind)
    {
        var args = ReadArguments(range, kind);
        if (args == null) return range.End - range.Start == 1 ? "*" : string.Empty;
        return string.Join(", ", args.Where(a => !(a.Mode == "OUT" && kind != RoutineKind.Procedure))
            .Select(a => a.Mode == "VARIADIC" ? "VARIADIC " + a.Type.Text : a.Type.Text));
    }

    private QualifiedName? ResolveFunctionName(List<string> parts)
    {
        foreach (var schema in LookupSchemas(parts))
        {
            var q = new QualifiedName(schema, parts[^1]);
            foreach (var key in _routines.Keys)
            {
                if (key.Item1 == q) return q;
            }
        }
        return parts.Count >= 2 ? new QualifiedName(parts[^2], parts[^1]) : null;
    }
    /// <summary>A setting's name as the server stores it: its own spelling for the mixed-case ones, lower case otherwise.</summary>
    private static string SettingName(string name) => name.ToLowerInvariant() switch
    {
        "timezone" => "TimeZone",
        "datestyle" => "DateStyle",
        "intervalstyle" => "IntervalStyle",
        var lower => lower,
    };

    /// <summary>
    /// A setting's value as pg_get_functiondef prints it: each item a string literal. A bare word is folded to lower case and
    /// a quoted name loses its quotes, as the server stores them; anything else (a sign, an expression) stays as written.
    /// </summary>
    private static string SettingValue(TokenCursor c, int start, int end)
    {
        var items = new List<string>();
        for (var i = start; i < end; i++)
        {
            var t = c[i];
            switch (t.Kind)
            {
                case TokenKind.Comma:
                    continue;
                case TokenKind.String when c.Text[t.Start] == '\'':
                    items.Add(c.Text.Substring(t.Start, t.Length));
                    break;
                case TokenKind.Word:
                    items.Add(PostgresQuoting.Literal(c.Text.Substring(t.Start, t.Length).ToLowerInvariant()));
                    break;
                case TokenKind.QuotedIdentifier:
                    items.Add(PostgresQuoting.Literal(c.Text.Substring(t.Start + 1, t.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal)));
                    break;
                case TokenKind.Number:
                    items.Add(PostgresQuoting.Literal(c.Text.Substring(t.Start, t.Length)));
                    break;
                default:
                    return c.Normalize((start, end), stripOuterParens: false);
            }
        }
        return string.Join(", ", items);
    }
}
