using System.Diagnostics;
using System.Text.Json;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>Microsoft's SARIF Multitool (scripts/test.sh fetches it from npm): a file is valid SARIF 2.1.0.</summary>
internal static class SarifValidator
{
    public static void Validate(string sarif)
    {
        var tool = Path.Combine(TestPaths.Root, ".tmp", "tools", "sarif-multitool", "package", "Sarif.Multitool");
        if (!File.Exists(tool))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"the SARIF validator is missing at {tool}; scripts/test.sh installs it");
            return;
        }
        var dir = Path.Combine(Path.GetTempPath(), "sf-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "report.sarif");
            File.WriteAllText(file, sarif);
            var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "validate", file, "-o", Path.Combine(dir, "validation.sarif") }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120_000), "the SARIF validator did not finish");
            Assert.True(p.ExitCode == 0, output);
            using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "validation.sarif")));
            var errors = result.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.TryGetProperty("level", out var l) && l.GetString() == "error").Select(r => r.GetProperty("message").ToString()).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
