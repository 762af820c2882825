using System.Net.Sockets;
using Npgsql;

namespace SchemaFirst.Cli;

/// <summary>What a failure to reach or query PostgreSQL is, said in one line: the server's own words when it answered.</summary>
internal static class ConnectionError
{
    public static bool Is(Exception e) => e is NpgsqlException or SocketException or TimeoutException;

    public static string Describe(Exception e) =>
        e is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : e.InnerException?.Message ?? e.Message;
}
