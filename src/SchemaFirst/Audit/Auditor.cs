using System.Text.RegularExpressions;
using SchemaFirst.Audit.Extraction;
using SchemaFirst.Audit.Parsing;
using SchemaFirst.Diagnostics;
using SchemaFirst.Model;
using SchemaFirst.Sql;

namespace SchemaFirst.Audit;

/// <summary>What an audit found, and how much it read: files, literals that hold SQL, statements checked.</summary>
public sealed record AuditReport(IReadOnlyList<AuditFinding> Findings, int Files, int Statements, int Partial, int Unreadable, int Ignored, int NotAudited)
{
    public int Count(Severity s) => Findings.Count(f => f.Severity == s);
}

/// <summary>
/// Audits the SQL in application code against a schema: finds the literals that hold SQL in each file, reads each
/// statement with the DML parser of the schema's dialect, and checks it against the model. A literal counts as SQL only
/// when it starts like a data statement; one that does and cannot be read is reported (SF809), never silently passed.
/// <c>schemafirst:ignore CODE reason</c> in a comment on the literal's lines, or the line above, silences a finding.
/// </summary>
public static partial class Auditor
{
    private static readonly HashSet<string> Starters = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "insert", "update", "delete", "with", "merge", "truncate", "copy", "replace", "explain",
    };

    private static readonly HashSet<string> OtherSql = new(StringComparer.OrdinalIgnoreCase)
    {
        "create", "alter", "drop", "grant", "revoke", "begin", "commit", "rollback", "savepoint", "release", "set", "show", "reset",
        "vacuum", "analyze", "lock", "listen", "notify", "unlisten", "call", "do", "pragma", "comment", "refresh", "reindex", "cluster",
        "discard", "prepare", "execute", "deallocate", "start", "use", "declare", "fetch", "close", "move",
    };

    public static AuditReport Run(IReadOnlyList<(string Path, string Text)> files, Database model, string defaultSchema, IReadOnlyList<string>? searchPath = null)
    {
        var schema = new AuditSchema(model, defaultSchema, searchPath);
        var dialect = DialectOf(model.SourceDialect);
        var results = new FileResult[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            results[i] = AuditFile(files[i].Path, files[i].Text, schema, dialect);
        });
        var findings = results.SelectMany(r => r.Findings)
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new AuditReport(findings, files.Count, results.Sum(r => r.Statements), results.Sum(r => r.Partial), results.Sum(r => r.Unreadable), results.Sum(r => r.Ignored), results.Sum(r => r.NotAudited));
    }

    internal static DmlDialect DialectOf(string sourceDialect) => sourceDialect switch
    {
        "sqlite" => DmlDialect.Sqlite,
        "mysql" or "mariadb" => DmlDialect.MySql,
        "sqlserver" => DmlDialect.SqlServer,
        _ => DmlDialect.Postgres,
    };

    private sealed record FileResult(List<AuditFinding> Findings, int Statements, int Partial, int Unreadable, int Ignored, int NotAudited);

    /// <summary>One statement read from application code: where, its SQL, what the checks found (before ignore directives).</summary>
    internal sealed record StatementResult(SqlSnippet Snippet, string Sql, List<AuditFinding> Findings, bool Partial, bool Unreadable)
    {
        /// <summary>The lines of the application file the statement spans (ignore directives apply to them and the line above).</summary>
        public (int First, int Last) Lines { get; init; }
    }

    /// <summary>Every data statement of one file, checked; other SQL statements counted; problems with the file itself.</summary>
    internal static (List<StatementResult> Statements, int NotAudited, List<AuditFinding> FileFindings) ReadFile(string path, string text, AuditSchema schema, DmlDialect dialect)
    {
        var results = new List<StatementResult>();
        var fileFindings = new List<AuditFinding>();
        var notAudited = 0;
        List<SqlSnippet> snippets;
        try
        {
            snippets = SqlExtractor.Extract(path, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            fileFindings.Add(new AuditFinding(AuditCodes.Unreadable, Severity.Warning, $"the file could not be read for SQL literals ({e.Message}); it was not checked", new SourceSpan(path, 1, 1), null, string.Empty));
            return (results, 0, fileFindings);
        }
        var sqlFile = snippets.Count == 1 && snippets[0].Language == "sql";
        var programTables = ProgramTables(text);
        var continued = Continued(snippets);
        var jpql = snippets.Count > 0 && snippets[0].Language is "java" or "kotlin" ? JpqlSnippets(text, snippets) : [];
        for (var n = 0; n < snippets.Count; n++)
        {
            var snippet = snippets[n];
            if (jpql.Contains(n)) continue;
            List<Token> tokens;
            try
            {
                tokens = SqlLexer.Tokenize(snippet.Text, DmlParser.Quotes(dialect));
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                continue; // an unterminated quote: not SQL the program could send
            }
            var start = 0;
            for (var i = 0; i <= tokens.Count; i++)
            {
                if (i < tokens.Count && tokens[i].Kind != TokenKind.Semicolon) continue;
                if (i > start)
                {
                    var kind = Classify(snippet.Text, tokens, start, i, sqlFile);
                    if (kind == StatementKind.Other) notAudited++;
                    if (kind == StatementKind.Data)
                    {
                        var sql = snippet.Text[tokens[start].Start..tokens[i - 1].End];
                        var statementText = FirstLine(sql);
                        var findings = new List<AuditFinding>();
                        var lines = (snippet.At(tokens[start].Start).Line, snippet.At(tokens[i - 1].End - 1).Line);
                        if (snippets.Count > 1 || !sqlFile) lines = (Math.Min(lines.Item1, snippet.StartLine), Math.Max(lines.Item2, snippet.EndLine));
                        try
                        {
                            var statement = DmlParser.Parse(snippet.Text, tokens, start, i, dialect, snippet.HasHole, snippet.IsTextHole);
                            if (!sqlFile && IsNotSql(statement)) continue;
                            // More SQL appended to this text in code (a StringBuilder, +=): names may come from there.
                            if (continued.Contains(n) && i == tokens.Count) statement.Open = true;
                            var partial = AuditResolver.Check(statement, schema, snippet, statementText, findings, programTables);
                            if (!sqlFile && LooksLikeEnglish(snippet.Text, tokens, start, i, findings, schema)) continue;
                            results.Add(new StatementResult(snippet, sql, findings, partial, false) { Lines = lines });
                        }
                        catch (Exception e) when (e is not DmlParseException and not OutOfMemoryException)
                        {
                            // A defect of SchemaFirst's, said as such: the rest of the run goes on.
                            findings.Add(new AuditFinding(AuditCodes.Unreadable, Severity.Warning, $"SchemaFirst failed on this statement ({e.GetType().Name}: {e.Message}); it was not checked", snippet.At(tokens[start].Start),
                                "please report it with the statement", statementText));
                            results.Add(new StatementResult(snippet, sql, findings, false, true) { Lines = lines });
                        }
                        catch (DmlParseException e)
                        {
                            // In code, text the parser gives up on within its first three words is prose ("update failed: ...").
                            var early = !sqlFile && e.Offset <= tokens[Math.Min(i - 1, start + 2)].Start;
                            if (!early && (sqlFile || LooksLikeSql(snippet.Text, tokens, start, i)))
                            {
                                // With parts built at run time the text may not be SQL until the program fills them in;
                                // text that stops mid-statement ("select * from") is the start of one built in code.
                                var built = snippet.HasHole(tokens[start].Start, tokens[i - 1].End) || e.Offset >= tokens[i - 1].End;
                                findings.Add(new AuditFinding(AuditCodes.Unreadable, built ? Severity.Info : Severity.Warning,
                                    built ? $"this SQL is assembled at run time and could not be read as written ({e.Message}); it was not checked" : $"this SQL could not be read ({e.Message}); it was not checked",
                                    snippet.At(e.Offset), built ? null : "if it is SQL, report it to SchemaFirst; if not, ignore this line with schemafirst:ignore SF809 <reason>", statementText));
                                results.Add(new StatementResult(snippet, sql, findings, false, true) { Lines = lines });
                            }
                        }
                    }
                }
                start = i + 1;
            }
        }
        if (sqlFile && results.Count > 0 && HasDdl(snippets[0].Text))
        {
            // A schema or migration script (DDL with data fixes), not a query file: lint reads those.
            notAudited += results.Count;
            results.Clear();
        }
        return (results, notAudited, fileFindings);
    }

    [GeneratedRegex(@"^\s*(CREATE|ALTER|DROP)\s+(TABLE|INDEX|UNIQUE|VIEW|SEQUENCE|TYPE|SCHEMA|FUNCTION|TRIGGER)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex DdlPattern();

    private static bool HasDdl(string text) => DdlPattern().IsMatch(text);

    [GeneratedRegex(@"CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[`""\[]?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TempTablePattern();

    /// <summary>The temporary tables a file creates: statements on them are checked as far as their columns are unknown.</summary>
    private static HashSet<string> ProgramTables(string text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!text.Contains("TABLE", StringComparison.OrdinalIgnoreCase)) return set;
        foreach (Match m in TempTablePattern().Matches(text)) set.Add(m.Groups[1].Value);
        return set;
    }

    private static readonly string[] Continuations =
        ["join", "left", "right", "inner", "full", "cross", "natural", "where", "and", "or", "order", "group", "having", "limit", "offset", "on", "union", "set", ",", "from", "returning"];

    /// <summary>
    /// The snippets more SQL is appended to in code (a StringBuilder's next append, a += on the next lines): a later
    /// literal within ten lines that starts like the rest of a statement.
    /// </summary>
    private static HashSet<int> Continued(List<SqlSnippet> snippets)
    {
        var set = new HashSet<int>();
        for (var i = 0; i < snippets.Count; i++)
        {
            if (snippets[i].Language == "sql") continue;
            for (var j = i + 1; j < snippets.Count && snippets[j].StartLine <= snippets[i].EndLine + 10; j++)
            {
                var next = snippets[j].Text.TrimStart();
                if (Continuations.Any(c => next.StartsWith(c, StringComparison.OrdinalIgnoreCase) && (next.Length == c.Length || !char.IsLetterOrDigit(next[c.Length]))))
                {
                    set.Add(i);
                    break;
                }
            }
        }
        return set;
    }

    [GeneratedRegex(@"(@Query\s*\(\s*(value\s*=\s*)?|create(Typed)?Query\s*\(\s*|@NamedQuery\s*\([^)]*query\s*=\s*)$")]
    private static partial Regex JpqlPrefix();

    /// <summary>
    /// The literals of a Java or Kotlin file that are JPQL/HQL (an @Query without nativeQuery = true, createQuery, a
    /// @NamedQuery): entity names, not tables, so not audited.
    /// </summary>
    private static HashSet<int> JpqlSnippets(string text, List<SqlSnippet> snippets)
    {
        var set = new HashSet<int>();
        for (var i = 0; i < snippets.Count; i++)
        {
            var start = snippets[i].Map[0];
            var from = Math.Max(0, start - 120);
            var before = text[from..start].TrimEnd('"', ' ', '\t', '\r', '\n');
            if (!JpqlPrefix().IsMatch(before)) continue;
            var end = snippets[i].Map[^1];
            var after = text[end..Math.Min(text.Length, end + 300)];
            var close = after.IndexOf(')');
            if (before.TrimEnd().EndsWith("(", StringComparison.Ordinal) && before.Contains("@Query", StringComparison.Ordinal)
                && after[..Math.Max(0, close)].Replace(" ", string.Empty, StringComparison.Ordinal).Contains("nativeQuery=true", StringComparison.Ordinal)) continue;
            set.Add(i);
        }
        return set;
    }

    /// <summary>
    /// Short lower-case text with no SQL punctuation whose table is unknown and near no real one ("delete from cache",
    /// a Go test's name, a log line) is English that happens to parse; a near miss ("delete from sesions") stays reported.
    /// </summary>
    private static bool LooksLikeEnglish(string text, List<Token> tokens, int start, int end, List<AuditFinding> findings, AuditSchema schema)
    {
        if (end - start > 5 || findings.Count == 0 || findings.Any(f => f.Code != AuditCodes.UnknownTable)) return false;
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind != TokenKind.Word) return false;
            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            foreach (var ch in w)
            {
                if (char.IsUpper(ch)) return false;
            }
        }
        return findings.All(f => f.Help == null || !f.Help.StartsWith("did you mean", StringComparison.Ordinal));
    }

    /// <summary>A SELECT with no FROM whose items name columns is text that happens to start with "select" in code (a CSS selector, a phrase).</summary>
    private static bool IsNotSql(Parsing.Statement statement) =>
        statement is Parsing.QueryStatement { Query: Parsing.SelectQuery { From.Count: 0, With: null } s } && (s.Items.Count == 0 || s.Items.Any(i => i.Expr is { Columns.Count: > 0 }));

    private static FileResult AuditFile(string path, string text, AuditSchema schema, DmlDialect dialect)
    {
        var (statements, notAudited, findings) = ReadFile(path, text, schema, dialect);
        var directives = Directives(path, text, findings);
        foreach (var s in statements)
        {
            foreach (var f in s.Findings)
            {
                if (!Ignored(f, s.Lines, directives)) findings.Add(f);
            }
        }
        return new FileResult(findings, statements.Count, statements.Count(s => s.Partial), statements.Count(s => s.Unreadable), directives.Sum(d => d.Used), notAudited);
    }

    private enum StatementKind
    {
        None,
        Data,
        Other,
    }

    /// <summary>Whether a run of tokens starts like a data statement (audited), like other SQL (counted) or not like SQL.</summary>
    private static StatementKind Classify(string text, List<Token> tokens, int start, int end, bool sqlFile)
    {
        var first = start;
        while (first < end && tokens[first].Kind == TokenKind.LParen) first++;
        if (first >= end || tokens[first].Kind != TokenKind.Word) return sqlFile ? StatementKind.Other : StatementKind.None;
        var word = text.Substring(tokens[first].Start, tokens[first].Length);
        if (!sqlFile)
        {
            // Code holds English too ("Select a file", "Delete?"): SQL keywords are written in one case.
            var upper = word.ToUpperInvariant() == word;
            var lower = word.ToLowerInvariant() == word;
            if (!upper && !lower || end - start < 2) return StatementKind.None;
            // "select-none", "select[name=x]", "select.form-control": CSS selectors, not SQL.
            var after = tokens[first].End < text.Length ? text[tokens[first].End] : ' ';
            if (!char.IsWhiteSpace(after) && after is not '(' and not '*') return StatementKind.None;
        }
        if (word.Equals("with", StringComparison.OrdinalIgnoreCase) && !IsWithClause(text, tokens, first + 1, end)) return StatementKind.None;
        if (Starters.Contains(word)) return StatementKind.Data;
        return OtherSql.Contains(word) && (sqlFile || end - start >= 3) ? StatementKind.Other : StatementKind.None;
    }

    /// <summary>Whether WITH is followed by a CTE: [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] ( ("with no values" is English).</summary>
    private static bool IsWithClause(string text, List<Token> tokens, int i, int end)
    {
        bool IsWord(int at, string w) => at < end && tokens[at].Kind == TokenKind.Word && text.AsSpan(tokens[at].Start, tokens[at].Length).Equals(w, StringComparison.OrdinalIgnoreCase);
        if (IsWord(i, "recursive")) i++;
        if (i >= end || tokens[i].Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier)) return false;
        i++;
        if (i < end && tokens[i].Kind == TokenKind.LParen)
        {
            while (i < end && tokens[i].Kind != TokenKind.RParen) i++;
            i++;
        }
        if (!IsWord(i, "as")) return false;
        i++;
        if (IsWord(i, "not")) i++;
        if (IsWord(i, "materialized")) i++;
        return i < end && tokens[i].Kind == TokenKind.LParen;
    }

    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase) { "from", "into", "set", "where", "values", "join", "using", "as" };

    /// <summary>A statement that did not parse is reported only when it reads like SQL: a second clause keyword in it.</summary>
    private static bool LooksLikeSql(string text, List<Token> tokens, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && ClauseWords.Contains(text.Substring(tokens[i].Start, tokens[i].Length))) return true;
        }
        return false;
    }

    private static string FirstLine(string s)
    {
        var nl = s.IndexOf('\n');
        if (nl >= 0) s = s[..nl];
        s = s.Trim();
        return s.Length > 100 ? s[..97] + "..." : s;
    }

    private sealed class IgnoreDirective(int line, HashSet<string> codes)
    {
        public int Line { get; } = line;

        public HashSet<string> Codes { get; } = codes;

        public int Used { get; set; }
    }

    [GeneratedRegex(@"schemafirst:ignore\b(?<rest>[^\r\n]*)")]
    private static partial Regex IgnorePattern();

    [GeneratedRegex(@"^\s*(?<codes>SF\d{3}(\s*,\s*SF\d{3})*)\s*(?<reason>.*)$")]
    private static partial Regex IgnoreBody();

    /// <summary>The <c>schemafirst:ignore SF8xx reason</c> comments of a file, by line; one without a code or a reason is reported.</summary>
    private static List<IgnoreDirective> Directives(string path, string text, List<AuditFinding> findings)
    {
        var list = new List<IgnoreDirective>();
        if (!text.Contains("schemafirst:ignore", StringComparison.Ordinal)) return list;
        var lines = new SourceLines(text);
        foreach (Match m in IgnorePattern().Matches(text))
        {
            var (line, column) = lines.Position(m.Index);
            var body = IgnoreBody().Match(m.Groups["rest"].Value);
            var reason = body.Success ? body.Groups["reason"].Value.Trim().TrimEnd('*', '/', '#', '-', ' ').Trim() : string.Empty;
            if (!body.Success || reason.Length == 0)
            {
                findings.Add(new AuditFinding(AuditCodes.BadDirective, Severity.Warning, "schemafirst:ignore needs the codes it silences and a reason", new SourceSpan(path, line, column, m.Length),
                    "write it as: schemafirst:ignore SF802 the column is added by the 2025 migration", string.Empty));
                continue;
            }
            list.Add(new IgnoreDirective(line, body.Groups["codes"].Value.Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal)));
        }
        return list;
    }

    private static bool Ignored(AuditFinding f, (int First, int Last) lines, List<IgnoreDirective> directives)
    {
        foreach (var d in directives)
        {
            if (d.Line >= lines.First - 1 && d.Line <= lines.Last && d.Codes.Contains(f.Code))
            {
                d.Used++;
                return true;
            }
        }
        return false;
    }
}
