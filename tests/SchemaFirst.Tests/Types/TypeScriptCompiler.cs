using System.Diagnostics;

namespace SchemaFirst.Tests.Types;

/// <summary>
/// Runs the TypeScript compiler (npm typescript, with kysely beside it) that scripts/test.sh fetches into
/// .tmp/tools/node: the generated files type-checked with --strict, as a TypeScript user's build would.
/// </summary>
internal static class TypeScriptCompiler
{
    public static string Modules => Path.Combine(TestPaths.Root, ".tmp", "tools", "node", "node_modules");

    /// <summary>Whether tsc is there; under CI=true its absence fails the test instead.</summary>
    public static bool Available()
    {
        var present = File.Exists(Path.Combine(Modules, ".bin", "tsc")) && Directory.Exists(Path.Combine(Modules, "kysely"));
        Assert.True(present || Environment.GetEnvironmentVariable("CI") != "true", $"tsc and kysely are missing under {Modules}; scripts/test.sh fetches them from npm");
        return present;
    }

    /// <summary>Type-checks the files (name, text) in a scratch folder; the compiler's exit code and output.</summary>
    public static (int Code, string Output) Check(params (string Name, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("sf-tsc-").FullName;
        try
        {
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir, name), text);
            Directory.CreateSymbolicLink(Path.Combine(dir, "node_modules"), Modules);
            var psi = new ProcessStartInfo(Path.Combine(Modules, ".bin", "tsc"))
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in new[] { "--strict", "--noEmit", "--noUnusedLocals", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext" }) psi.ArgumentList.Add(a);
            foreach (var (name, _) in files) psi.ArgumentList.Add(name);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                p.Kill(true);
                return (-1, "tsc timed out");
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
