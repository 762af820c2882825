using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaFirst.Model;

namespace SchemaFirst.Rendering;

/// <summary>
/// Writes the model as JSON: camelCase properties, enums as strings, nulls and empty lists left out, stable order.
/// </summary>
public static class ModelJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new QualifiedNameConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { SkipEmptyCollections },
        },
    };

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    public static string Write(Database db) => JsonSerializer.Serialize(db, Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>The model on one line (the docs site's schema.json, for tools; half the bytes of the indented form).</summary>
    public static string WriteCompact(Database db) => JsonSerializer.Serialize(db, Compact) + "\n";

    private static void SkipEmptyCollections(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        foreach (var p in info.Properties)
        {
            if (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                p.ShouldSerialize = (_, value) => value is System.Collections.IEnumerable e && e.GetEnumerator().MoveNext();
            }
            if (p.Name is "signature") p.ShouldSerialize = (_, _) => false;
        }
    }

    private sealed class QualifiedNameConverter : JsonConverter<QualifiedName>
    {
        public override QualifiedName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("the model JSON is an output format");

        public override void Write(Utf8JsonWriter writer, QualifiedName value, JsonSerializerOptions options) => writer.WriteStringValue(value.Schema + "." + value.Name);
    }
}
