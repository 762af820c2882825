namespace SchemaFirst.Rendering.Types;

/// <summary>
/// Options of typed code: the C# root namespace (each non-default schema gets a child namespace) and the C# type of
/// json columns (<c>string</c>, the default, reads with every driver and Dapper; <c>JsonElement</c> or
/// <c>JsonDocument</c> with Npgsql).
/// </summary>
public sealed record TypesOptions(string Namespace = "Database", string Json = "string")
{
    public static readonly IReadOnlyList<string> JsonChoices = ["string", "JsonElement", "JsonDocument"];
}
