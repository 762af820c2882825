using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Dialects.Sqlite;
using SchemaFirst.Project;

namespace SchemaFirst.Cli;

/// <summary>
/// Represents the ADO.NET driver of each dialect: the CLI is the only project that references driver packages, and
/// this table is the only place that pairs them with dialects. A dialect without a driver here cannot be connected to.
/// </summary>
internal static class Drivers
{
    private static readonly Dictionary<ISqlDialect, DbProviderFactory> Factories = new()
    {
        [PostgresDialect.Instance] = NpgsqlFactory.Instance,
        [SqliteDialect.Instance] = SqliteFactory.Instance,
        [SchemaFirst.Dialects.MySql.MySqlDialect.Instance] = MySqlConnectorFactory.Instance,
    };

    /// <summary>A new, closed connection to the database a URL names.</summary>
    public static DbConnection Connect(DatabaseUrl url, bool writable = false)
    {
        if (!Factories.TryGetValue(url.Dialect, out var factory))
        {
            throw new InvalidOperationException($"no driver for {url.Dialect.DisplayName} databases in this build");
        }
        var connection = factory.CreateConnection()!;
        connection.ConnectionString = url.ToConnectionString(writable);
        return connection;
    }
}
