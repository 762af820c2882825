namespace SchemaFirst.Audit.Extraction;

/// <summary>
/// Finds the string literals of an application file that may hold SQL, by the file's language (its extension): C#
/// through Roslyn, Java, Kotlin, Go, JavaScript/TypeScript, Python, Ruby and PHP through the shared literal lexer, and
/// plain <c>.sql</c> query files (sqlc's <c>-- name:</c> files too) statement by statement. Literals joined by the
/// language's concatenation (and adjacent literals in Python and Ruby) make one snippet; a variable or call between
/// them is a part built at run time.
/// </summary>
public static class SqlExtractor
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = "csharp",
        [".java"] = "java",
        [".kt"] = "kotlin",
        [".kts"] = "kotlin",
        [".go"] = "go",
        [".js"] = "javascript",
        [".jsx"] = "javascript",
        [".mjs"] = "javascript",
        [".cjs"] = "javascript",
        [".ts"] = "typescript",
        [".tsx"] = "typescript",
        [".mts"] = "typescript",
        [".cts"] = "typescript",
        [".py"] = "python",
        [".rb"] = "ruby",
        [".php"] = "php",
        [".sql"] = "sql",
    };

    /// <summary>The file extensions read, for finding files under a directory.</summary>
    public static IReadOnlyCollection<string> Extensions => Languages.Keys;

    /// <summary>The language of a file by its extension, or null when it is not one extraction reads.</summary>
    public static string? LanguageOf(string path) => Languages.GetValueOrDefault(Path.GetExtension(path));

    public static List<SqlSnippet> Extract(string path, string text)
    {
        var language = LanguageOf(path);
        var lines = new SourceLines(text);
        switch (language)
        {
            case null:
                return [];
            case "csharp":
                return CSharpExtractor.Extract(path, text, lines);
            case "sql":
                return SqlFile(path, text, lines);
        }
        var lang = language switch
        {
            "java" => CodeLanguage.Java,
            "kotlin" => CodeLanguage.Kotlin,
            "go" => CodeLanguage.Go,
            "javascript" or "typescript" => CodeLanguage.JavaScript,
            "python" => CodeLanguage.Python,
            "ruby" => CodeLanguage.Ruby,
            _ => CodeLanguage.Php,
        };
        var tokens = CodeLexer.Tokenize(text, lang);
        return Chains(text, tokens, path, lines, language, adjacent: lang is CodeLanguage.Python or CodeLanguage.Ruby);
    }

    /// <summary>Joins literals and what is concatenated with them into snippets.</summary>
    private static List<SqlSnippet> Chains(string text, List<CodeToken> tokens, string path, SourceLines lines, string language, bool adjacent)
    {
        var snippets = new List<SqlSnippet>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind != CodeKind.Literal)
            {
                i++;
                continue;
            }
            var builder = new SnippetBuilder();
            Append(builder, tokens[i]);
            var j = i + 1;
            while (j < tokens.Count)
            {
                if (adjacent && tokens[j].Kind == CodeKind.Literal)
                {
                    Append(builder, tokens[j++]);
                    continue;
                }
                // A builder's next call: sb.append("...").append(x).append("...").
                if (IsAppend(text, tokens, j))
                {
                    var arg = j + 4;
                    if (tokens[arg].Kind == CodeKind.Literal && arg + 1 < tokens.Count && tokens[arg + 1].Kind == CodeKind.Close)
                    {
                        Append(builder, tokens[arg]);
                        j = arg + 1;
                        continue;
                    }
                    var argEnd = Operand(text, tokens, arg);
                    if (argEnd == arg || argEnd >= tokens.Count || tokens[argEnd].Kind != CodeKind.Close) break;
                    builder.Hole(tokens[arg].Start, tokens[argEnd - 1].End);
                    j = argEnd;
                    continue;
                }
                if (tokens[j].Kind != CodeKind.Concat) break;
                if (j + 1 < tokens.Count && tokens[j + 1].Kind == CodeKind.Literal)
                {
                    Append(builder, tokens[j + 1]);
                    j += 2;
                    continue;
                }
                var end = Operand(text, tokens, j + 1);
                if (end == j + 1) break;
                builder.Hole(tokens[j + 1].Start, tokens[end - 1].End);
                j = end;
            }
            if (builder.Build(path, lines, language) is { } s) snippets.Add(s);
            i = j;
        }
        return snippets;
    }

    private static readonly HashSet<string> AppendMethods = new(StringComparer.Ordinal) { "append", "Append", "AppendLine", "concat", "push" };

    /// <summary>Whether tokens[j..] read ") . append (" with an argument after it.</summary>
    private static bool IsAppend(string text, List<CodeToken> tokens, int j) =>
        j + 4 < tokens.Count && tokens[j].Kind == CodeKind.Close && text[tokens[j].Start] == ')'
        && tokens[j + 1].Kind == CodeKind.Other && text.AsSpan(tokens[j + 1].Start, tokens[j + 1].End - tokens[j + 1].Start) is "." or "->"
        && tokens[j + 2].Kind == CodeKind.Word && AppendMethods.Contains(text[tokens[j + 2].Start..tokens[j + 2].End])
        && tokens[j + 3].Kind == CodeKind.Open && text[tokens[j + 3].Start] == '(';

    private static void Append(SnippetBuilder builder, CodeToken literal)
    {
        builder.ValueHoles = literal.Tagged;
        foreach (var p in literal.Pieces!)
        {
            if (p.Hole) builder.Hole(p.Source, p.HoleEnd);
            else builder.Add(p.Char, p.Source);
        }
        builder.ValueHoles = false;
    }

    /// <summary>The end of an operand that is not a literal (a name, member access, call or index); start when none.</summary>
    private static int Operand(string text, List<CodeToken> tokens, int start)
    {
        var j = start;
        var expectName = true;
        while (j < tokens.Count)
        {
            var t = tokens[j];
            if (expectName && t.Kind == CodeKind.Word)
            {
                j++;
                expectName = false;
                continue;
            }
            // (cond ? "a" : "b"), a call's arguments, an index: one balanced group.
            if (t.Kind == CodeKind.Open && (!expectName || j == start))
            {
                var depth = 0;
                while (j < tokens.Count)
                {
                    if (tokens[j].Kind == CodeKind.Open) depth++;
                    else if (tokens[j].Kind == CodeKind.Close && --depth == 0) break;
                    j++;
                }
                j++;
                expectName = false;
                continue;
            }
            if (!expectName && t.Kind == CodeKind.Other && t.End - t.Start <= 2 && IsMemberAccess(text, t))
            {
                j++;
                expectName = true;
                continue;
            }
            break;
        }
        return expectName && j > start ? j - 1 : j;
    }

    private static bool IsMemberAccess(string text, CodeToken t) =>
        t.Kind == CodeKind.Other && text.AsSpan(t.Start, t.End - t.Start) is "." or "->" or "?." or "::" or "!";

    /// <summary>A .sql file is one snippet (the audit reads it statement by statement), placed as it stands.</summary>
    private static List<SqlSnippet> SqlFile(string path, string text, SourceLines lines)
    {
        var builder = new SnippetBuilder();
        builder.AddRun(text, 0, text.Length);
        return builder.Build(path, lines, "sql") is { } s ? [s] : [];
    }
}
