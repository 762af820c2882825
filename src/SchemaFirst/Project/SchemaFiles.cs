using SchemaFirst.Diff;
using SchemaFirst.Dialects;
using SchemaFirst.Model;

namespace SchemaFirst.Project;

/// <summary>
/// Writes a model out as source files, one per schema (extensions first, privileges and kept statements last), and
/// proves they round-trip: the files are parsed back and compared with the model; when anything differs, one file for
/// everything is written instead, which always does.
/// </summary>
public static class SchemaFiles
{
    public static IReadOnlyList<(string Name, string Text)> Write(Database model, ISqlDialect dialect)
    {
        var schemas = model.Tables.Select(t => t.Name.Schema).Concat(model.Views.Select(v => v.Name.Schema)).Concat(model.Sequences.Select(s => s.Name.Schema))
            .Concat(model.Enums.Select(e => e.Name.Schema)).Concat(model.Domains.Select(d => d.Name.Schema)).Concat(model.Routines.Select(r => r.Name.Schema))
            .Concat(model.Schemas.Select(s => s.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        var whole = new[] { ("schema.sql", Generate(model, dialect)) };
        if (schemas.Count <= 1) return [(FileName(schemas.FirstOrDefault() ?? dialect.DefaultSchema) + ".sql", whole[0].Item2)];
        var files = new List<(string, string)>();
        if (!model.Extensions.IsEmpty) files.Add(("00_extensions.sql", Generate(Database.Empty with { Extensions = model.Extensions, SourceDialect = model.SourceDialect }, dialect)));
        var n = 10;
        foreach (var schema in schemas)
        {
            var others = schemas.Where(s => s != schema).Select(s => s + ".*").ToList();
            var part = ModelFilter.Ignoring(model, others) with
            {
                Schemas = model.Schemas.Where(s => s.Name == schema).ToEquatableArray(),
                Extensions = default,
                Domains = model.Domains.Where(d => d.Name.Schema == schema).ToEquatableArray(),
                CompositeTypes = model.CompositeTypes.Where(c => c.Name.Schema == schema).ToEquatableArray(),
                OtherTypes = model.OtherTypes.Where(o => o.Name.Schema == schema).ToEquatableArray(),
                IndexAttachments = default,
                Grants = default,
                Opaque = default,
                DefaultPrivileges = default,
            };
            files.Add(($"{n}_{FileName(schema)}.sql", Generate(part, dialect)));
            n += 10;
        }
        var rest = Database.Empty with { Grants = model.Grants, Opaque = model.Opaque, DefaultPrivileges = model.DefaultPrivileges, IndexAttachments = model.IndexAttachments, SourceDialect = model.SourceDialect };
        var restText = Generate(rest, dialect);
        if (restText.Trim().Length > 0 && !(rest.Grants.IsEmpty && rest.Opaque.IsEmpty && rest.DefaultPrivileges.IsEmpty && rest.IndexAttachments.IsEmpty)) files.Add(("99_privileges_and_other.sql", restText));
        return RoundTrips(files, model, dialect) ? files : whole;
    }

    private static string Generate(Database model, ISqlDialect dialect) => dialect.Generate(model, new SqlGenerationOptions(false)).Text;

    private static bool RoundTrips(List<(string Name, string Text)> files, Database model, ISqlDialect dialect)
    {
        try
        {
            var parsed = dialect.ParseTexts(files.Select(f => (f.Name, f.Text)).ToList());
            if (parsed.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error)) return false;
            return SchemaDiffer.Compare(model, parsed.Model).IsEmpty && SchemaDiffer.Compare(parsed.Model, model).IsEmpty;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return false;
        }
    }

    private static string FileName(string schema)
    {
        var chars = schema.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray();
        return chars.Length == 0 ? "schema" : new string(chars);
    }
}
