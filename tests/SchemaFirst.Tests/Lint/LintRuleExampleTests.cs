using SchemaFirst.Lint;
using SchemaFirst.Rendering;

namespace SchemaFirst.Tests.Lint;

/// <summary>
/// Every rule's own examples, which --explain prints, are its first tests: the bad one fires, the near miss does not,
/// the bad one with an ignore directive is quiet (and the directive counts as used), and the explanation says it all.
/// </summary>
public sealed class LintRuleExampleTests
{
    public static TheoryData<string> Codes() => new(LintRules.All.Where(r => r is SchemaRule or MigrationRule).Select(r => r.Code));

    public static TheoryData<string> AllCodes() => new(LintRules.All.Select(r => r.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_bad_example_fires(string code)
    {
        var rule = LintRules.Find(code)!;
        var findings = LintHarness.Run(rule, rule.Bad);
        Assert.True(findings.Any(f => f.Code == code), $"{code} did not fire on its bad example; findings:\n{LintHarness.Describe(findings)}");
        Assert.All(findings.Where(f => f.Code == code), f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_good_example_does_not_fire(string code)
    {
        var rule = LintRules.Find(code)!;
        var findings = LintHarness.Run(rule, rule.Good);
        Assert.False(findings.Any(f => f.Code == code), $"{code} fired on its good example:\n{LintHarness.Describe(findings)}");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_bad_example_with_an_ignore_directive_is_quiet(string code)
    {
        var rule = LintRules.Find(code)!;
        var findings = LintHarness.Run(rule, rule.Bad);
        var ignored = LintHarness.WithIgnores(rule.Bad, code, findings);
        var after = LintHarness.Run(rule, ignored);
        Assert.False(after.Any(f => f.Code == code), $"{code} still fires with the ignore:\n{ignored}\n{LintHarness.Describe(after)}");
        Assert.False(after.Any(f => f.Code == LintRules.UnusedIgnore), $"the ignore of {code} counted as unused:\n{ignored}\n{LintHarness.Describe(after)}");
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Explain_says_why_shows_both_examples_and_the_fix(string code)
    {
        var rule = LintRules.Find(code)!;
        var text = LintWriter.Explain(rule);
        Assert.StartsWith(code + " " + rule.Name, text, StringComparison.Ordinal);
        Assert.Contains(rule.Why, text, StringComparison.Ordinal);
        Assert.Contains("    " + rule.Bad.Split('\n')[0], text, StringComparison.Ordinal);
        Assert.Contains("    " + rule.Good.Split('\n')[0], text, StringComparison.Ordinal);
        Assert.Contains("Fix: " + rule.Fix, text, StringComparison.Ordinal);
        Assert.Matches("^[A-Z]{2}[0-9]{3}$", rule.Code);
        Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", rule.Name);
        foreach (var (name, _, _) in rule.Options) Assert.Contains("  " + name + ": ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_and_names_are_unique()
    {
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Code).Distinct().Count());
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void An_ignore_that_suppresses_nothing_is_reported_and_one_naming_no_rule_too()
    {
        var unused = LintRules.Find(LintRules.UnusedIgnore)!;
        var findings = LintHarness.Schema(unused.Bad, LintProfile.Defaults);
        var f = Assert.Single(findings, f => f.Code == LintRules.UnusedIgnore);
        Assert.Equal(1, f.Location!.Line);
        Assert.Contains("KY101", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LintHarness.Schema(unused.Good, LintProfile.Defaults), x => x.Code is LintRules.UnusedIgnore or "KY101");

        var unknown = LintRules.Find(LintRules.UnknownRule)!;
        var typo = LintHarness.Schema(unknown.Bad, LintProfile.Defaults);
        Assert.Contains(typo, x => x.Code == LintRules.UnknownRule && x.Message.Contains("'KY10'", StringComparison.Ordinal));
        Assert.Contains(typo, x => x.Code == "KY101");
        Assert.DoesNotContain(LintHarness.Schema(unknown.Good, LintProfile.Defaults), x => x.Code is LintRules.UnknownRule or "KY101");
    }
}
