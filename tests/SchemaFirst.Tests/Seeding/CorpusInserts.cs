using SchemaFirst.Sql;

namespace SchemaFirst.Tests.Seeding;

/// <summary>The INSERT statements of a corpus file that also creates its tables: what a project would keep in seed/.</summary>
internal static class CorpusInserts
{
    public static string Of(string text, string path)
    {
        var reader = new SqlStatementReader(new StringReader(text), path, [], new CountingFallback()) { KeepInserts = true };
        var sb = new System.Text.StringBuilder();
        while (reader.Next() is { } s)
        {
            if (s.Kind == RawStatementKind.Sql && s.Text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)) sb.Append(s.Text).Append(";\n");
        }
        return sb.ToString();
    }
}
