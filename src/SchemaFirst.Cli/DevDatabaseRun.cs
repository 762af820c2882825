using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Project;

namespace SchemaFirst.Cli;

/// <summary>
/// Wires <c>--dev-url</c>: checks that the source dialect has a dev database and that the URL names a server of that
/// dialect, then lets the dialect do the work (<see cref="IDevDatabase"/>) with this build's driver.
/// </summary>
internal static class DevDatabaseRun
{
    internal sealed record Outcome(Database? Model, Diagnostic? Refused, string? Failure, string? Server, string? Usage = null);

    /// <param name="verb">What --dev-url does for the command, for the usage message ("checks", "normalizes").</param>
    public static async Task<Outcome> NormalizeAsync(string devUrl, ISqlDialect sourceDialect, IReadOnlyList<string> inputs, Database parsed, string verb, CancellationToken ct)
    {
        if (sourceDialect is not IDevDatabase dev)
        {
            var able = string.Join(" and ", SqlDialects.All.Where(d => d is IDevDatabase).Select(d => d.DisplayName));
            return new Outcome(null, null, null, null, $"--dev-url {verb} {able} sources; use it without --source-dialect {sourceDialect.Name}");
        }
        if (!DatabaseUrl.TryParse(devUrl, out var url, out var error) || url!.Dialect != sourceDialect)
        {
            return new Outcome(null, null, $"--dev-url takes a {sourceDialect.UrlSchemes[0]}:// URL{(error != null ? " (" + error + ")" : string.Empty)}", null);
        }
        var files = SourceFiles.Expand(inputs, new List<Diagnostic>());
        var outcome = await dev.NormalizeAsync(url, u => Drivers.Connect(u, writable: true), files.Select(f => (f, (string?)null)).ToList(), parsed, ct);
        return new Outcome(outcome.Model, outcome.Refused, outcome.Failure, outcome.Server);
    }
}
