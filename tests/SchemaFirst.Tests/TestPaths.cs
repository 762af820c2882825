namespace SchemaFirst.Tests;

/// <summary>
/// Finds the repository root, the examples and the shared corpus from the test's output directory.
/// </summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples", "schema");

    /// <summary>../shared/corpus beside the repository (where CI puts it), or SCHEMAFIRST_CORPUS when set.</summary>
    public static string Corpus => Environment.GetEnvironmentVariable("SCHEMAFIRST_CORPUS") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string GoldenSource => Path.Combine(Root, "tests", "SchemaFirst.Tests", "testdata");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "SchemaFirst.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SchemaFirst.slnx) above " + AppContext.BaseDirectory);
    }

    /// <summary>The corpus must be there under CI; locally a test that needs it is skipped by returning false.</summary>
    public static bool CorpusAvailable()
    {
        if (Directory.Exists(Corpus)) return true;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"the shared corpus is missing at {Corpus}; CI needs it beside the repository");
        return false;
    }
}
