using System.CommandLine;
using SchemaFirst.Cli.Artifacts;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>check</c>: what CI runs. Validates the source, lints it, audits the application's SQL (audit.paths), checks that every artifact schemafirst.yaml lists (DDL,
/// docs, typed code, seeds, compose) is up to date, and with --db or --env that the database has not drifted. Each step is
/// the command a person would run, run in process; one summary at the end. Exit 1 when a step found errors, else 2 when
/// something is stale or drifted, else 0.
/// </summary>
internal static class CheckCommand
{
    private sealed record Step(string Name, string[] Args);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string?>("--db") { Description = "Also check this database for drift from the source" };
        var env = new Option<string?>("--env") { Description = "Also check the database of this environment of schemafirst.yaml for drift" };
        var command = new Command("check", "What CI runs: validate, lint, every configured artifact up to date, and drift when a database is given");
        command.Options.Add(db);
        command.Options.Add(env);
        command.SetAction((r, ct) => RunAsync(r.GetValue(db), r.GetValue(env), stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string? db, string? env, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (config, code) = ProjectSource.Config(stderr);
        if (code != ExitCodes.Ok) return code;
        if (config?.Schema is not { Count: > 0 })
        {
            await stderr.WriteLineAsync("schemafirst: check reads the project from schemafirst.yaml, which names no schema files ('schema:'); run 'schemafirst init' or add them");
            return ExitCodes.Usage;
        }
        var steps = new List<Step> { new("validate", ["validate", "--quiet"]), new("lint", ["lint"]) };
        if (config.Sql?.Out is { } sqlOut) steps.Add(new("generate sql", ["generate", "sql", .. config.Schema, "--dialect", config.Sql.Dialect ?? config.Dialect ?? "postgres", "-o", sqlOut, "--check", .. DialectArgs(config)]));
        if (config.Docs?.Out != null) steps.Add(new("generate docs", ["generate", "docs", "--check"]));
        foreach (var lang in TypesCommand.Configured(config).Where(l => TypesCommand.OutOf(config, l) != null)) steps.Add(new("generate types --lang " + lang, ["generate", "types", "--lang", lang, "--check"]));
        if (config.Seed?.Out != null) steps.Add(new("generate seed", ["generate", "seed", "--check"]));
        if (config.Compose?.Out != null) steps.Add(new("generate compose", ["generate", "compose", "--check"]));
        if (config.Audit?.Paths is { Count: > 0 }) steps.Add(new("audit", ["audit"]));
        if (db != null) steps.Add(new("drift", ["drift", "--db", db]));
        else if (env != null) steps.Add(new("drift", ["drift", "--env", env]));

        int failed = 0, stale = 0;
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            var output = new StringWriter();
            var errors = new StringWriter();
            var exit = await Cli.RunAsync(step.Args, output, errors);
            var (mark, note) = exit switch
            {
                ExitCodes.Ok => ("ok     ", string.Empty),
                ExitCodes.Changes => ("STALE  ", step.Name == "drift" ? " (the database has drifted)" : " (out of date)"),
                ExitCodes.Findings => ("FAILED ", " (errors)"),
                _ => ("FAILED ", $" (exit {exit})"),
            };
            if (exit == ExitCodes.Changes) stale++;
            else if (exit != ExitCodes.Ok) failed++;
            await stdout.WriteLineAsync($"{mark}{step.Name}{note}");
            if (exit != ExitCodes.Ok)
            {
                // What the step said, indented under it: the lines a person needs to act on.
                // A stale artifact is told by the lines naming its files; a failure or drift by everything the step said.
                var said = (errors.ToString() + (step.Name is "lint" or "drift" or "audit" ? output.ToString() : string.Empty)).TrimEnd();
                var lines = said.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
                if (exit == ExitCodes.Changes && step.Name != "drift") lines = lines.Where(l => l.Contains(": out of date", StringComparison.Ordinal) || l.Contains(": missing", StringComparison.Ordinal) || l.Contains("no longer generated", StringComparison.Ordinal));
                foreach (var line in lines.Take(40)) await stdout.WriteLineAsync("         " + line);
            }
        }
        await stdout.WriteLineAsync($"schemafirst check: {steps.Count} step(s), {steps.Count - failed - stale} ok, {stale} stale, {failed} failed");
        return failed > 0 ? ExitCodes.Findings : stale > 0 ? ExitCodes.Changes : ExitCodes.Ok;
    }

    private static string[] DialectArgs(Project.ProjectConfig config) => config.Dialect != null ? ["--source-dialect", config.Dialect] : [];
}
