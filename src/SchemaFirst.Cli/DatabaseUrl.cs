using System.Text.RegularExpressions;
using Npgsql;

namespace SchemaFirst.Cli;

/// <summary>
/// Represents a database URL such as <c>postgres://user:secret@host:5432/shop?sslmode=require</c>: <c>${VAR}</c> is
/// expanded from the environment, and the password never appears in what is printed.
/// </summary>
internal sealed partial record DatabaseUrl(string Scheme, string Host, int Port, string Database, string User, string? Password, IReadOnlyDictionary<string, string> Query)
{
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

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
        if (expanded.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy spells them.
            var rest = expanded["sqlite://".Length..];
            var path = rest.StartsWith("//", StringComparison.Ordinal) ? rest[1..] : rest.TrimStart('/');
            if (path.Length == 0)
            {
                error = "expected a URL like sqlite:///path/app.db";
                return false;
            }
            url = new DatabaseUrl("sqlite", string.Empty, 0, path, string.Empty, null, new Dictionary<string, string>());
            error = null;
            return true;
        }
        if (!Uri.TryCreate(expanded, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            error = "expected a URL like postgres://user:password@host:5432/database or sqlite:///path/app.db";
            return false;
        }
        var info = uri.UserInfo.Split(':', 2);
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }
        url = new DatabaseUrl(
            uri.Scheme,
            uri.Host.Length > 0 ? uri.Host : "127.0.0.1",
            uri.Port > 0 ? uri.Port : 5432,
            Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            info[0].Length > 0 ? Uri.UnescapeDataString(info[0]) : Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
            info.Length > 1 ? Uri.UnescapeDataString(info[1]) : Environment.GetEnvironmentVariable("PGPASSWORD"),
            query);
        error = null;
        return true;
    }

    /// <summary>The URL as it may be shown: everything but the password.</summary>
    public string Display => IsSqlite ? $"sqlite:///{Database}" : $"{Scheme}://{User}@{Host}:{Port}/{Database}";

    public bool IsSqlite => Scheme == "sqlite";

    /// <summary>A Microsoft.Data.Sqlite connection string for the file; read-only unless asked otherwise.</summary>
    public string ToSqliteConnectionString(bool create) => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
    {
        DataSource = Database,
        Mode = create ? Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate : Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    public string ToNpgsqlConnectionString()
    {
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = Database,
            Username = User,
            Password = Password,
            Timeout = 15,
            CommandTimeout = 600,
            ApplicationName = "schemafirst",
            Pooling = false,
        };
        if (Query.TryGetValue("sslmode", out var ssl) && Enum.TryParse<SslMode>(ssl.Replace("-", string.Empty, StringComparison.Ordinal), true, out var mode)) b.SslMode = mode;
        return b.ConnectionString;
    }
}
