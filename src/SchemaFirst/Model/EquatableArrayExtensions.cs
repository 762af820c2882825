namespace SchemaFirst.Model;

/// <summary>
/// Represents conversions into <see cref="EquatableArray{T}"/>.
/// </summary>
public static class EquatableArrayExtensions
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}
