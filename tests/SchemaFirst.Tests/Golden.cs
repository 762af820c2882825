namespace SchemaFirst.Tests;

/// <summary>
/// Compares text with a golden file under tests/SchemaFirst.Tests/testdata; SCHEMAFIRST_UPDATE_GOLDEN=1 rewrites it.
/// </summary>
internal static class Golden
{
    public static void Check(string relativePath, string actual)
    {
        var source = Path.Combine(TestPaths.GoldenSource, relativePath);
        if (Environment.GetEnvironmentVariable("SCHEMAFIRST_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }
        Assert.True(File.Exists(source), $"golden file {source} is missing; run the tests with SCHEMAFIRST_UPDATE_GOLDEN=1 and review the diff");
        var expected = File.ReadAllText(source).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var i = 0;
            while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
            Assert.Fail($"{relativePath} differs at line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end>")}\n  actual:   {(i < a.Length ? a[i] : "<end>")}\n(SCHEMAFIRST_UPDATE_GOLDEN=1 rewrites it)");
        }
    }
}
