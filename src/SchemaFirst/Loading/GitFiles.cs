using System.Diagnostics;
using System.Text;
using SchemaFirst.Sql;

namespace SchemaFirst.Loading;

/// <summary>
/// Reads the SQL files of a git revision (<c>git:REV:path</c>, as <c>git show</c> names them) without touching the
/// working tree: a file, or every *.sql below a directory (or matching a glob), in ordinal path order.
/// </summary>
public static class GitFiles
{
    /// <summary>Whether an input names a git revision.</summary>
    public static bool IsGitSpec(string input) => input.StartsWith("git:", StringComparison.Ordinal);

    /// <summary>The files of <c>git:REV:path</c> as (display path, text); an error message when git cannot give them.</summary>
    public static (List<(string Path, string Text)> Files, string? Error) Read(string spec, string? workingDirectory = null)
    {
        var rest = spec["git:".Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return ([], $"'{spec}': expected git:REVISION:path, e.g. git:HEAD~1:schema/");
        var rev = rest[..colon];
        var path = rest[(colon + 1)..].Replace('\\', '/');
        var (prefixOk, prefix, _) = Git(workingDirectory, "rev-parse", "--show-prefix");
        if (!prefixOk) return ([], $"'{spec}': not inside a git repository");
        // As git reads REV:path: from the top of the repository, or from the current folder when it starts with ./ or ../.
        var relative = path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) || path == ".";
        var full = relative ? Normalize(prefix.Trim() + path) : path.Trim('/');
        // A glob is matched against the whole tree; a file or folder is listed by git itself.
        var glob = path.IndexOfAny(['*', '?']) >= 0;
        var (ok, listing, err) = glob
            ? Git(workingDirectory, "ls-tree", "-r", "--name-only", "--full-tree", rev)
            : Git(workingDirectory, "ls-tree", "-r", "--name-only", "--full-tree", rev, "--", full.Length == 0 ? "." : full);
        if (!ok) return ([], $"'{spec}': {FirstLine(err)}");
        var names = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(n => glob ? Glob.IsMatch(full, n) : n == full || n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (names.Count == 0) return ([], $"'{spec}': revision {rev} has no SQL files at {(path.Length == 0 ? "the top" : path)}");
        names.Sort(StringComparer.Ordinal);
        var files = new List<(string, string)>();
        foreach (var name in names)
        {
            var (shown, text, showErr) = Git(workingDirectory, "show", $"{rev}:{name}");
            if (!shown) return ([], $"'{spec}': {FirstLine(showErr)}");
            files.Add(($"git:{rev}:{name}", text));
        }
        return (files, null);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "git failed";

    private static (bool Ok, string Out, string Err) Git(string? cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode == 0, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, string.Empty, "cannot run git: " + e.Message);
        }
    }
}
