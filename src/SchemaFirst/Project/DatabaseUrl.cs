using System.Text.RegularExpressions;
using SchemaFirst.Dialects;

namespace SchemaFirst.Project;

/// <summary>
/// Represents a database URL such as <c>postgres://user:secret@host:5432/shop?sslmode=require</c> or
/// <c>sqlite:///path/app.db</c>, and the dialect its scheme names: <c>${VAR}</c> is expanded from the environment, and
/// the password never appears in what is printed.
/// </summary>
public sealed partial record DatabaseUrl(ISqlDialect Dialect, string Scheme, string Host, int Port, string Database, string User, string? Password, IReadOnlyDictionary<string, string> Query)
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex SchemePrefix();

    public static bool TryParse(string text, out DatabaseUrl? url, out string? error)
    {
        url = null;
        var missing = new List<string>();
        var expanded = Variable().Replace(text, m =>
        {
            var v = Environment.GetEnvironmentVariable(m.Groups[1].Value);
            if (v == null) missing.Add(m.Groups[1].Value);
            return v ?? string.Empty;
        });
        if (missing.Count > 0)
        {
            error = $"environment variable {string.Join(", ", missing)} is not set (used in the database URL)";
            return false;
        }
        var scheme = SchemePrefix().Match(expanded) is { Success: true } m ? m.Groups[1].Value : null;
        var dialect = scheme != null ? SqlDialects.ForScheme(scheme) : null;
        if (dialect is { Server: null } && expanded.AsSpan(scheme!.Length).StartsWith("://", StringComparison.Ordinal))
        {
            // A database that is a file: scheme:///relative/path.db and scheme:////absolute/path.db, as SQLAlchemy spells them.
            var rest = expanded[(scheme.Length + "://".Length)..];
            var path = rest.StartsWith("//", StringComparison.Ordinal) ? rest[1..] : rest.TrimStart('/');
            if (path.Length == 0)
            {
                error = $"expected a URL like {dialect.UrlExample}";
                return false;
            }
            url = new DatabaseUrl(dialect, dialect.UrlSchemes[0], string.Empty, 0, path, string.Empty, null, new Dictionary<string, string>());
            error = null;
            return true;
        }
        if (dialect?.Server is not { } defaults || !Uri.TryCreate(expanded, UriKind.Absolute, out var uri))
        {
            error = "expected a URL like " + string.Join(" or ", SqlDialects.All.Select(d => d.UrlExample));
            return false;
        }
        var info = uri.UserInfo.Split(':', 2);
        if (Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')).Length == 0 && defaults.Database.Length == 0)
        {
            error = $"the URL names no database: write it as {dialect.UrlExample}";
            return false;
        }
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }
        url = new DatabaseUrl(
            dialect,
            uri.Scheme,
            uri.Host.Length > 0 ? uri.Host : "127.0.0.1",
            uri.Port > 0 ? uri.Port : defaults.Port,
            Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : defaults.Database,
            info[0].Length > 0 ? Uri.UnescapeDataString(info[0]) : Env(defaults.UserVariable) ?? defaults.User,
            info.Length > 1 ? Uri.UnescapeDataString(info[1]) : Env(defaults.PasswordVariable),
            query);
        error = null;
        return true;
    }

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^@\s/]*@")]
    private static partial Regex Credentials();

    /// <summary>A text with the password of every URL in it left out (user:secret@host becomes user@host).</summary>
    public static string Redact(string text) => Credentials().Replace(text, "$1@");

    /// <summary>Whether a text names a database of a registered dialect (a URL with its scheme) rather than files.</summary>
    public static bool HasDatabaseScheme(string text) =>
        SchemePrefix().Match(text) is { Success: true } m && text.AsSpan(m.Length).StartsWith("//", StringComparison.Ordinal) && SqlDialects.ForScheme(m.Groups[1].Value) != null;

    private static string? Env(string? name) => name != null ? Environment.GetEnvironmentVariable(name) : null;

    /// <summary>Whether the database is a file (SQLite) rather than a server.</summary>
    public bool IsFile => Dialect.Server == null;

    /// <summary>The URL as it may be shown: everything but the password.</summary>
    public string Display => IsFile ? $"{Scheme}:///{Database}" : $"{Scheme}://{User}@{Host}:{Port}/{Database}";

    /// <summary>
    /// The URL as text that parses back to this one, password included (with <c>${VAR}</c> forms already expanded): for a
    /// command run in process, never for printing.
    /// </summary>
    public string ToUrlText()
    {
        if (IsFile) return $"{Scheme}:///{(Path.IsPathRooted(Database) ? "/" : string.Empty)}{Database}";
        var auth = Uri.EscapeDataString(User) + (Password != null ? ":" + Uri.EscapeDataString(Password) : string.Empty);
        var query = Query.Count > 0 ? "?" + string.Join("&", Query.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value))) : string.Empty;
        var host = Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? "[" + Host + "]" : Host;
        return $"{Scheme}://{auth}@{host}:{Port}/{Uri.EscapeDataString(Database)}{query}";
    }

    /// <summary>The connection string for the dialect's driver; read-only unless <paramref name="writable"/>.</summary>
    public string ToConnectionString(bool writable = false) => Dialect.ConnectionString(this, writable);
}
