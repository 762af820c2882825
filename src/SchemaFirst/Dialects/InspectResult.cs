using SchemaFirst.Loading;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents what an inspection read: the model (as a load result) and how many round trips to the server it took
/// (a number that does not grow with the schema), with the time spent in queries and in the replay.
/// </summary>
public sealed record InspectResult(LoadResult Load, int RoundTrips, TimeSpan QueryTime = default, TimeSpan ReplayTime = default);
