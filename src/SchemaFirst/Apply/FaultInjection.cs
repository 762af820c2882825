using System.Diagnostics;
using System.Globalization;

namespace SchemaFirst.Apply;

/// <summary>
/// Represents the boundaries of an apply where the tests kill the tool: with <c>SCHEMAFIRST_TEST_KILL_AT=N</c> in its
/// environment, the process sends itself SIGKILL when it reaches the N-th boundary (history row written, before and
/// after each statement, before and after the commit, after each progress record). A test runs N = 1, 2, ... until the
/// apply finishes without reaching N, so every boundary of a plan is tried. Without the variable this does nothing.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "SCHEMAFIRST_TEST_KILL_AT";

    private static readonly int KillAt = int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int _reached;

    /// <summary>Marks a boundary; at the chosen one the process dies at once, as with kill -9.</summary>
    public static void Boundary()
    {
        if (KillAt <= 0) return;
        if (Interlocked.Increment(ref _reached) != KillAt) return;
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
    }
}
