using SchemaFirst.Lint;
using SchemaFirst.Rendering;
using SchemaFirst.Tests.Cli;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// <c>generate conventions</c>: the page follows schemafirst.yaml (severities, options, what is off), and --check
/// notices when it went stale.
/// </summary>
public sealed class ConventionsTests : TempDirectoryTest
{
    [Fact]
    public void The_page_lists_the_configured_rules_with_their_options_and_what_is_not_enforced()
    {
        var profile = new LintProfile(new LintConfig
        {
            Rules = new Dictionary<string, object?>
            {
                ["KY102"] = new Dictionary<object, object> { ["severity"] = "error", ["types"] = new List<object> { "uuid" } },
                ["TY105"] = "off",
                ["DC101"] = "warning",
            },
        }, []);
        var page = ConventionsWriter.Write(profile);
        Assert.Contains("| [KY102](#ky102) | primary-key-type | error |", page, StringComparison.Ordinal);
        Assert.Contains("| types | uuid |", page, StringComparison.Ordinal);
        Assert.Contains("| [DC101](#dc101) | table-comment | warning |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("[TY105]", page, StringComparison.Ordinal);
        Assert.Contains("- TY105 prefer-text:", page[page.IndexOf("## Not enforced", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("&lt;table&gt;_id", page, StringComparison.Ordinal);
        Assert.Equal(page, ConventionsWriter.Write(profile));
    }

    [Fact]
    public void Check_passes_on_a_fresh_page_and_fails_after_the_configuration_changes()
    {
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "lint:\n  rules:\n    KY101: error\n");
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "conventions", "-o", "CONVENTIONS.md").Code);
        Assert.Contains("| [KY101](#ky101) | missing-primary-key | error |", File.ReadAllText(Path.Combine(Dir, "CONVENTIONS.md")), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.RunIn(Dir, "generate", "conventions", "-o", "CONVENTIONS.md", "--check").Code);
        File.WriteAllText(Path.Combine(Dir, "schemafirst.yaml"), "lint:\n  rules:\n    KY101: off\n");
        var (code, _, err) = CliRunner.RunIn(Dir, "generate", "conventions", "-o", "CONVENTIONS.md", "--check");
        Assert.Equal(2, code);
        Assert.Contains("CONVENTIONS.md: out of date", err, StringComparison.Ordinal);
    }
}
