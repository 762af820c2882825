using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents the registry of dialects: the one place that maps names and URL schemes to a dialect. A new dialect is a
/// folder under <c>Dialects/</c> and one line here.
/// </summary>
public static class SqlDialects
{
    /// <summary>Every dialect, in the order help texts list them.</summary>
    public static IReadOnlyList<ISqlDialect> All { get; } = [PostgresDialect.Instance, SqliteDialect.Instance, MySql.MySqlDialect.Instance];

    /// <summary>The dialect source files are written in when nothing says otherwise.</summary>
    public static ISqlDialect Default => PostgresDialect.Instance;

    /// <summary>The dialect a name or alias (any case) stands for; null when none does.</summary>
    public static ISqlDialect? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || d.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The dialect whose databases a URL scheme names; null when none does.</summary>
    public static ISqlDialect? ForScheme(string scheme) =>
        Sources.FirstOrDefault(d => d.UrlSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The canonical names, for messages: "postgres, sqlite, mysql".</summary>
    public static string Names => string.Join(", ", All.Select(d => d.Name));

    /// <summary>Every dialect source files can be written in: the full dialects, then those read but not reached live.</summary>
    public static IReadOnlyList<ISqlDialect> Sources { get; } = [.. All, ReaderDialect.SqlServer, ReaderDialect.Oracle];

    /// <summary>The source dialect a name or alias (any case) stands for; null when none does.</summary>
    public static ISqlDialect? FindSource(string name) =>
        Sources.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || d.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The source dialect names, for messages and options.</summary>
    public static string SourceNames => string.Join(", ", Sources.Select(d => d.Name));

    /// <summary>Everything DDL can be generated for: the full dialects, then the generation-only targets.</summary>
    public static IReadOnlyList<IDdlTarget> Targets { get; } = [.. All, MySql.MySqlTarget.MariaDb, SqlServer.SqlServerTarget.Instance, Oracle.OracleTarget.Instance];

    /// <summary>The DDL target a name or alias (any case) stands for; null when none does.</summary>
    public static IDdlTarget? FindTarget(string name) =>
        Targets.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || d.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The target names, for messages: "postgres, sqlite, mysql, mariadb".</summary>
    public static string TargetNames => string.Join(", ", Targets.Select(d => d.Name));
}
