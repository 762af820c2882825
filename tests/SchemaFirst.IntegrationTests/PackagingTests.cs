using System.Diagnostics;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// The README's install: dotnet pack makes the library and the tool packages, dotnet tool install takes the tool from that
/// folder, and the installed schemafirst runs and names its git-derived version.
/// </summary>
public sealed class PackagingTests
{
    private static (int Code, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(true);
            return (-1, "timed out");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Pack_then_tool_install_gives_a_working_schemafirst_command_with_its_version()
    {
        var dir = Directory.CreateTempSubdirectory("sf-pack-").FullName;
        try
        {
            var artifacts = Path.Combine(dir, "artifacts");
            // The test run has built everything already: pack what was built (no second build beside the tests).
            foreach (var project in new[] { "src/SchemaFirst/SchemaFirst.csproj", "src/SchemaFirst.Cli/SchemaFirst.Cli.csproj" })
            {
                var (code, output) = Run("dotnet", TestPaths.Root, "pack", project, "-c", "Release", "--no-build", "-o", artifacts);
                Assert.True(code == 0, output);
            }
            var packages = Directory.GetFiles(artifacts, "*.nupkg").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, packages.Count);
            Assert.StartsWith("SchemaFirst.0.1.", packages[0], StringComparison.Ordinal);
            Assert.StartsWith("SchemaFirst.Tool.0.1.", packages[1], StringComparison.Ordinal);
            var tools = Path.Combine(dir, "tools");
            var install = Run("dotnet", dir, "tool", "install", "--tool-path", tools, "SchemaFirst.Tool", "--add-source", artifacts, "--prerelease");
            Assert.True(install.Code == 0, install.Output);
            var schemafirst = Path.Combine(tools, "schemafirst");
            var version = Run(schemafirst, dir, "--version");
            Assert.Equal(0, version.Code);
            var packageVersion = packages[1]["SchemaFirst.Tool.".Length..^".nupkg".Length];
            Assert.StartsWith(packageVersion + "+", version.Output.Trim(), StringComparison.Ordinal); // and the commit after the +
            var validate = Run(schemafirst, dir, "validate", TestPaths.Examples, "--quiet");
            Assert.True(validate.Code == 0, validate.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
