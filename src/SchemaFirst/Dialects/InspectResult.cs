using SchemaFirst.Loading;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents what an inspection read: the model (as a load result), the DDL it was replayed from, the server
/// version, and how many round trips to the server it took (a number that does not grow with the schema).
/// </summary>
public sealed record InspectResult(LoadResult Load, string Ddl, int ServerVersion, int RoundTrips, TimeSpan QueryTime = default, TimeSpan ReplayTime = default);
