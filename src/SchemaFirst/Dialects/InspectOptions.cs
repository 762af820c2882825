using SchemaFirst.Sql;

namespace SchemaFirst.Dialects;

/// <summary>
/// Represents which schemas an inspection reads: glob patterns (<c>*</c>, <c>?</c>) to include (all when empty) and
/// to exclude. System schemas and objects that belong to extensions are always left out.
/// </summary>
public sealed record InspectOptions(IReadOnlyList<string>? Schemas = null, IReadOnlyList<string>? ExcludeSchemas = null)
{
    public bool Includes(string schema)
    {
        if (ExcludeSchemas != null && ExcludeSchemas.Any(p => Glob.IsMatch(p, schema))) return false;
        return Schemas == null || Schemas.Count == 0 || Schemas.Any(p => Glob.IsMatch(p, schema));
    }
}
