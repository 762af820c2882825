using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Tests;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// <c>generate docs</c> from a live PostgreSQL 15: the same pages as from the files the database was made from.
/// </summary>
public sealed class DocsDatabaseTests
{
    [PostgresFact]
    public async Task Docs_from_a_live_database_match_the_docs_from_its_files()
    {
        await using var db = await PostgresServer.CreateDatabaseAsync();
        await db.ExecuteAsync(PostgresSqlGenerator.Generate(SqlSource.LoadPostgres([TestPaths.Examples]).Model));
        var dir = Path.Combine(Path.GetTempPath(), "sf-docsdb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fromDb = Path.Combine(dir, "db");
            var fromFiles = Path.Combine(dir, "files");
            var (code, _, err) = CliRunner.Run("generate", "docs", db.Url, "-o", fromDb, "--no-svg");
            Assert.True(code == 0, err);
            Assert.Equal(0, CliRunner.Run("generate", "docs", TestPaths.Examples, "-o", fromFiles, "--no-svg").Code);
            var pages = Directory.GetFiles(fromFiles, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(pages, Directory.GetFiles(fromDb, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
            Assert.Contains("shop.orders.md", pages);
            // The relations, columns and comments a reader looks for are the same either way.
            foreach (var page in new[] { "shop.orders.md", "shop.customers.md", "shop.order_items.md" })
            {
                string Part(string root, string heading)
                {
                    var text = File.ReadAllText(Path.Combine(root, page));
                    var start = text.IndexOf("## " + heading, StringComparison.Ordinal);
                    var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
                    return text[start..end];
                }
                Assert.Equal(Part(fromFiles, "Relations"), Part(fromDb, "Relations"));
                // Defaults are compared apart: the server prints them in its own form ('EUR'::bpchar), which a plan
                // normalizes through a dev database; names, types, nullability and comments must match as they are.
                static List<string> WithoutDefaults(string part) => part.Split('\n').Select(l => l.Split(" | ")).Where(c => c.Length >= 5).Select(c => string.Join(" | ", c.Take(3).Append(c[^1]))).ToList();
                Assert.Equal(WithoutDefaults(Part(fromFiles, "Columns")), WithoutDefaults(Part(fromDb, "Columns")));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
