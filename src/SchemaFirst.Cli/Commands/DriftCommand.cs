using System.CommandLine;
using SchemaFirst.Drift;
using SchemaFirst.Rendering;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>drift</c>: where a live database has moved away from its source, per object and column, each pointing at the
/// object's line in the source. Exit 0 when they match, 2 on drift, 1 on errors in the source, 3 usage, 4 connection.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "The schema source (SQL files, directories, globs, git:REV:path; default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string?>("--db") { Description = $"The live database (postgres://..., sqlite:///...; ${{VAR}} is expanded). Default: {PlanCommand.DefaultDatabase}" };
        var env = new Option<string?>("--env") { Description = "Take the database URL from this environment of schemafirst.yaml" };
        var format = new Option<string>("--format") { Description = "Output: text, json, md (a pull-request comment), github (workflow annotations) or sarif (code scanning)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. DriftWriter.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var command = new Command("drift", "Report where a live database differs from the schema source (exit 2 on drift)");
        command.Arguments.Add(source);
        foreach (var o in new Option[] { db, env, format, output }) command.Options.Add(o);
        var common = PlanCommand.Common(command, output: false);
        var fleet = ApplyCommand.FleetOptions(command, resume: false);
        command.SetAction((r, ct) =>
        {
            var settings = new PlanSettings(r.GetValue(source) ?? [], null, r.GetValue(db), r.GetValue(env), "sql", null, r.GetValue(common.SourceDialect), null, r.GetValue(common.DevUrl),
                r.GetValue(common.Offline), false, false, r.GetValue(common.Schemas) ?? [], r.GetValue(common.Exclude) ?? []);
            if (r.GetValue(fleet.Targets) is { } targets)
            {
                return FleetCommand.DriftAsync(settings, new FleetCommand.Options(targets, r.GetValue(fleet.Parallel), false, r.GetValue(format)!, r.GetValue(output)), stdout, stderr, ct);
            }
            if (r.GetResult(fleet.Parallel) is { Implicit: false })
            {
                stderr.WriteLine("schemafirst: --parallel goes with --targets");
                return Task.FromResult(ExitCodes.Usage);
            }
            return RunAsync(settings, r.GetValue(format)!, r.GetValue(output), stdout, stderr, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(PlanSettings settings, string format, string? output, TextWriter stdout, TextWriter stderr, CancellationToken ct = default,
        System.Runtime.CompilerServices.StrongBox<DriftReport>? sink = null)
    {
        var (build, code) = await PlanCommand.BuildAsync(settings, stderr, new PhaseTimer(stderr), ct);
        if (build == null) return code;
        var report = DriftAnalyzer.Analyze(build.Desired.Display, build.Current.Display, build.From, build.To, build.ToMap, build.Dialect, build.ToReprinted);
        if (sink != null) sink.Value = report;
        var text = DriftWriter.Write(report, format, ApplyCommand.ToolVersion());
        if (output != null) await PlanCommand.WriteFileAsync(output, text, ct);
        else await stdout.WriteAsync(text);
        if (!report.HasDrift) return ExitCodes.Ok;
        if (output != null || format != "text") await stderr.WriteLineAsync($"schemafirst: drift: {PlanSqlWriter.Count(report.Items.Count, "object")} differ ({build.Current.Display} vs {build.Desired.Display})");
        return ExitCodes.Changes;
    }
}
