using SchemaFirst.Diagnostics;
using SchemaFirst.Loading;
using SchemaFirst.Validation;

namespace SchemaFirst.Tests.Corpus;

public class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in CorpusFiles.Postgres) data.Add(f.Path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_statement_parses_and_the_counts_match_the_manifest(string path)
    {
        if (!TestPaths.CorpusAvailable()) return;
        var file = CorpusFiles.Postgres.Single(f => f.Path == path);
        var result = SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, path)]);
        var errors = result.Diagnostics.Concat(SchemaValidator.Validate(result.Model, result.SourceMap)).Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(d => DiagnosticTextFormatter.Format(d, (_, _) => null))));
        var summary = SchemaSummary.Of(result.Model);
        foreach (var (name, expected) in file.Counts)
        {
            var actual = name == "functions+aggregates" ? summary["functions"] + summary["aggregates"] : summary[name];
            Assert.True(expected == actual, $"{path}: {name} expected {expected}, counted {actual}");
        }
    }
}
