using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Tests;

/// <summary>
/// Small helpers to parse SQL text in tests.
/// </summary>
internal static class Sql
{
    public static LoadResult Parse(string sql) => SqlSource.ParsePostgres(sql, "test.sql");

    /// <summary>Parses and fails the test if any error or warning was reported.</summary>
    public static Database Clean(string sql)
    {
        var r = Parse(sql);
        var problems = r.Diagnostics.Where(d => d.Severity != Severity.Info).ToList();
        Assert.True(problems.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", problems.Select(d => DiagnosticTextFormatter.Format(d, (_, _) => null))));
        return r.Model;
    }

    public static Table Table(this Database db, string name)
    {
        var parts = name.Split('.');
        var q = parts.Length == 2 ? new QualifiedName(parts[0], parts[1]) : new QualifiedName("public", name);
        return db.FindTable(q) ?? throw new Xunit.Sdk.XunitException($"no table {q}; tables: {string.Join(", ", db.Tables.Select(t => t.Name))}");
    }
}
