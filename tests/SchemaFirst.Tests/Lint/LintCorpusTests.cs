using System.Text;
using SchemaFirst.Lint;
using SchemaFirst.Loading;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// The real-world corpus linted with the default rules: no crash, and the count of findings per rule and file pinned in
/// a golden file, so a change in what a rule finds is a deliberate, reviewed change.
/// </summary>
public sealed class LintCorpusTests
{
    [Fact]
    public void The_corpus_linted_with_the_default_rules_gives_the_pinned_counts()
    {
        if (!TestPaths.CorpusAvailable()) return;
        var sb = new StringBuilder();
        foreach (var file in CorpusFiles.Postgres)
        {
            var path = Path.Combine(TestPaths.Corpus, file.Path);
            var text = File.ReadAllText(path);
            var load = SqlSource.ParsePostgres(text, file.Path);
            var statements = MigrationScript.Read(text, file.Path, false, []);
            var findings = Linter.LintSchema(new SchemaLintContext(load.Model, load.SourceMap, statements), LintProfile.Defaults);
            sb.Append(file.Path).Append(": ").Append(findings.Count).Append(" findings\n");
            foreach (var g in findings.GroupBy(f => f.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sb.Append("  ").Append(g.Key).Append(' ').Append(LintRules.Find(g.Key)!.Name).Append(": ").Append(g.Count()).Append('\n');
            }
            Assert.All(findings, f => Assert.True(f.Location != null, $"{f.Code} {f.Subject} has no location"));
        }
        Golden.Check("lint/corpus-counts.txt", sb.ToString());
    }
}
