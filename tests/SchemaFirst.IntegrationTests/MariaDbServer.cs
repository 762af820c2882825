using MySqlConnector;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Reaches the test MariaDB named by SCHEMAFIRST_MYSQL_URL (scripts/mariadb.sh start prints it; scripts/test.sh starts
/// one) and makes throw-away databases.
/// </summary>
internal static class MariaDbServer
{
    public static string? Url => Environment.GetEnvironmentVariable("SCHEMAFIRST_MYSQL_URL");

    public static string? SkipReason =>
        Url == null && Environment.GetEnvironmentVariable("CI") != "true"
            ? "no MariaDB: run scripts/test.sh, or start one with scripts/mariadb.sh start and export SCHEMAFIRST_MYSQL_URL"
            : null;

    public static string ConnectionString(string? database)
    {
        var url = Url ?? throw new InvalidOperationException(
            "SCHEMAFIRST_MYSQL_URL is not set, and CI=true requires a real MariaDB: run the tests through scripts/test.sh, which starts one");
        var uri = new Uri(url);
        var builder = new MySqlConnectionStringBuilder
        {
            Server = uri.Host,
            Port = (uint)(uri.Port > 0 ? uri.Port : 3306),
            UserID = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]),
            Database = database ?? string.Empty,
            Pooling = false,
            AllowUserVariables = true,
            DefaultCommandTimeout = 300,
        };
        if (uri.UserInfo.Contains(':')) builder.Password = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]);
        return builder.ConnectionString;
    }

    /// <summary>Applies a script as users apply one: the mariadb client (which knows DELIMITER), stopping at the first error.</summary>
    public static async Task ApplyWithClientAsync(string database, string text)
    {
        var uri = new Uri(Url!);
        var psi = new System.Diagnostics.ProcessStartInfo("mariadb") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--no-defaults", "-h", uri.Host, "-P", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", uri.UserInfo.Split(':')[0], database }) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        await p.StandardInput.WriteAsync(text);
        p.StandardInput.Close();
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, err);
    }

    /// <summary>A new, empty database, dropped when disposed.</summary>
    public static async Task<MariaDbDatabase> CreateDatabaseAsync()
    {
        var name = "sf_" + Guid.NewGuid().ToString("N")[..16];
        await using var conn = new MySqlConnection(ConnectionString(null));
        await conn.OpenAsync();
        await using var cmd = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", conn);
        await cmd.ExecuteNonQueryAsync();
        return new MariaDbDatabase(name);
    }
}

/// <summary>Represents a MariaDB database made for one test, dropped when the test ends.</summary>
internal sealed class MariaDbDatabase(string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>Runs a script (many statements) in the database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new MySqlConnection(MariaDbServer.ConnectionString(Name));
        await conn.OpenAsync();
        await using var cmd = new MySqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var conn = new MySqlConnection(MariaDbServer.ConnectionString(Name));
        await conn.OpenAsync();
        await using var cmd = new MySqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await using var conn = new MySqlConnection(MariaDbServer.ConnectionString(null));
        await conn.OpenAsync();
        await using var cmd = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs a real MariaDB: skipped locally without one, failed under CI=true.</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public MariaDbFactAttribute()
    {
        if (MariaDbServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A data-driven test that needs a real MariaDB (see <see cref="MariaDbFactAttribute"/>).</summary>
public sealed class MariaDbTheoryAttribute : TheoryAttribute
{
    public MariaDbTheoryAttribute()
    {
        if (MariaDbServer.SkipReason is { } reason) Skip = reason;
    }
}
