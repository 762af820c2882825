using SchemaFirst.Diagnostics;
using SchemaFirst.Sql;

namespace SchemaFirst.Loading;

/// <summary>
/// Expands command-line inputs (files, directories, globs with * ? and **) into an ordered list of files.
/// </summary>
public static class SourceFiles
{
    public static List<string> Expand(IEnumerable<string> inputs, List<Diagnostic> diagnostics) => Expand(inputs, diagnostics, null, ".sql");

    /// <summary>Directories that hold other people's code or build output, never searched for application files.</summary>
    private static readonly HashSet<string> Vendored = new(StringComparer.Ordinal)
    {
        "node_modules", "bin", "obj", "vendor", "dist", "build", "target", "__pycache__", "venv", ".venv", "site-packages", "bower_components",
    };

    /// <summary>
    /// Expands inputs into files; a directory gives the files <paramref name="include"/> accepts (by default *.sql),
    /// without hidden and vendored directories when a filter is given.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> inputs, List<Diagnostic> diagnostics, Func<string, bool>? include, string what)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in inputs)
        {
            var input = raw.StartsWith("file://", StringComparison.Ordinal) ? raw["file://".Length..] : raw;
            var found = new List<string>();
            if (Directory.Exists(input))
            {
                found.AddRange(include == null ? Directory.EnumerateFiles(input, "*.sql", SearchOption.AllDirectories) : Walk(input, include));
            }
            else if (File.Exists(input))
            {
                found.Add(input);
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                found.AddRange(Glob(input));
            }
            if (found.Count == 0)
            {
                if (Project.DatabaseUrl.HasDatabaseScheme(input))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, $"'{Project.DatabaseUrl.Redact(input)}' is a database URL, and this reads {what} files",
                        null, "write the database out as files first: schemafirst inspect URL -o schema.sql (or schemafirst init --from URL)"));
                    continue;
                }
                diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound,
                    Directory.Exists(input) ? $"no {what} files in directory '{input}'" : $"no such file or directory: '{Project.DatabaseUrl.Redact(input)}'",
                    null, include == null ? "pass SQL files, directories holding *.sql files, or glob patterns such as 'schema/**/*.sql'" : $"pass {what} files, directories holding them, or glob patterns such as 'src/**/*.cs'"));
                continue;
            }
            // Ordinal order of the relative path: the order teams number their files in (00_, 10_, ...).
            found.Sort(StringComparer.Ordinal);
            foreach (var f in found)
            {
                var display = Display(f);
                if (seen.Add(Path.GetFullPath(f))) files.Add(display);
            }
        }
        return files;
    }

    private static IEnumerable<string> Walk(string root, Func<string, bool> include)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                // Minified bundles repeat their sources (and vendored libraries): never searched.
                if (include(file) && !file.EndsWith(".min.js", StringComparison.OrdinalIgnoreCase)) yield return file;
            }
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || Vendored.Contains(name)) continue;
                pending.Push(sub);
            }
        }
    }

    /// <summary>Whether a path matches a glob (* within a folder, ** across folders, ? one character).</summary>
    public static bool Matches(string glob, string path) =>
        new System.Text.RegularExpressions.Regex("^(?:.*/)?" + GlobToRegex(glob.Replace('\\', '/').TrimStart('.', '/')) + "$").IsMatch(path.Replace('\\', '/'));

    private static string Display(string path)
    {
        var p = path.Replace('\\', '/');
        return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : normalized[..slash];
        if (root.Length == 0) root = "/";
        if (!Directory.Exists(root)) yield break;
        var regex = new System.Text.RegularExpressions.Regex("^" + GlobToRegex(normalized[(slash + 1)..]) + "$");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (regex.IsMatch(rel)) yield return slash < 0 ? rel : root.TrimEnd('/') + "/" + rel;
        }
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/')
                {
                    i++;
                    sb.Append("(?:.*/)?");
                }
                else
                {
                    sb.Append(".*");
                }
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
