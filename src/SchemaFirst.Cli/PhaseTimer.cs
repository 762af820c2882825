using System.Diagnostics;

namespace SchemaFirst.Cli;

/// <summary>
/// Prints how long each phase of a command took, to stderr, when SCHEMAFIRST_TIMINGS=1 (used by the benchmark
/// harness to show where the time goes). Prints nothing otherwise.
/// </summary>
internal sealed class PhaseTimer(TextWriter stderr)
{
    private readonly bool _enabled = Environment.GetEnvironmentVariable("SCHEMAFIRST_TIMINGS") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;

    public void Lap(string phase)
    {
        if (!_enabled) return;
        var now = _watch.Elapsed;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        stderr.WriteLine($"timing: {phase}: {(now - _last).TotalMilliseconds:F0} ms (since process start: {sinceStart.TotalMilliseconds:F0} ms)");
        _last = now;
    }

    /// <summary>A fact about the run worth seeing with the phases (how much went to the dev database).</summary>
    public void Note(string note)
    {
        if (_enabled) stderr.WriteLine("timing: note: " + note);
    }

    /// <summary>How much of the run the garbage collector took; printed with the phases.</summary>
    public void Gc()
    {
        if (!_enabled) return;
        stderr.WriteLine($"timing: garbage collection pauses: {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms (collections gen0/gen1/gen2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, peak heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576} MiB)");
    }
}
