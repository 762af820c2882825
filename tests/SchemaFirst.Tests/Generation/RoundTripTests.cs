using SchemaFirst.Dialects;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Model;

namespace SchemaFirst.Tests.Generation;

public class RoundTripTests
{
    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string> { "examples" };
        foreach (var f in CorpusFiles.Postgres) data.Add(f.Path);
        return data;
    }

    private static Database Load(string source)
    {
        if (source == "examples") return SqlSource.LoadPostgres([TestPaths.Examples]).Model;
        return SqlSource.LoadPostgres([Path.Combine(TestPaths.Corpus, source)]).Model;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Parse_render_parse_gives_an_equal_model(string source)
    {
        if (source != "examples" && !TestPaths.CorpusAvailable()) return;
        var model = Load(source);
        foreach (var ine in new[] { false, true })
        {
            var sql = PostgresSqlGenerator.Generate(model, new SqlGenerationOptions(ine));
            var again = SqlSource.ParsePostgres(sql, "rendered.sql");
            Assert.DoesNotContain(again.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
            ModelAssert.Equal(model, again.Model);
            // And rendering is a fixed point.
            Assert.Equal(sql, PostgresSqlGenerator.Generate(again.Model, new SqlGenerationOptions(ine)));
        }
    }
}
