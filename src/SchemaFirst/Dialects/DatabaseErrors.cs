using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;

namespace SchemaFirst.Dialects;

/// <summary>
/// Says in one line what a failure to reach or query a database is, in the server's own words when it answered.
/// Written against <see cref="DbException"/>, so it holds for every driver.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>Whether an exception is the database's (or the network's) doing rather than a bug.</summary>
    public static bool IsConnectionError(Exception e) => e is DbException or SocketException or TimeoutException;

    /// <summary>"SQLSTATE: message" when the server answered, otherwise the driver's message.</summary>
    public static string Describe(Exception e) =>
        e is DbException { SqlState: { } state } db && Field(db.Data, "MessageText") is { } text
            ? $"{state}: {text}"
            : e.InnerException?.Message ?? e.Message;

    /// <summary>A field drivers put in <see cref="Exception.Data"/> (Npgsql: MessageText, Position, Hint, ...).</summary>
    internal static string? Field(IDictionary data, string key) => data.Contains(key) ? Convert.ToString(data[key], CultureInfo.InvariantCulture) : null;
}
