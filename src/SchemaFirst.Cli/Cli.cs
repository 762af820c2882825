using System.CommandLine;
using SchemaFirst.Cli.Commands;

namespace SchemaFirst.Cli;

/// <summary>
/// Represents the command tree: parses the arguments, maps usage errors to exit code 3 and unexpected failures to 4.
/// </summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("SchemaFirst: plain SQL DDL files as the single source of truth for your database schema.");
        root.Subcommands.Add(InitCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(GenerateCommand.Create(stdout, stderr));
        root.Subcommands.Add(InspectCommand.Create(stdout, stderr));
        root.Subcommands.Add(PlanCommand.CreatePlan(stdout, stderr));
        root.Subcommands.Add(PlanCommand.CreateDiff(stdout, stderr));
        root.Subcommands.Add(ApplyCommand.Create(stdout, stderr));
        root.Subcommands.Add(DriftCommand.Create(stdout, stderr));
        root.Subcommands.Add(LintCommand.Create(stdout, stderr));
        root.Subcommands.Add(DocsCommand.CreateServe(stdout, stderr));
        root.Subcommands.Add(AuditCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await stderr.WriteLineAsync("schemafirst: " + error.Message);
            await stderr.WriteLineAsync("Run 'schemafirst --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync("schemafirst: " + e.Message);
            return ExitCodes.Runtime;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync("schemafirst: " + e.Message);
            return ExitCodes.Runtime;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure nobody planned for is a bug: one line that says so, the trace only when asked for.
            await stderr.WriteLineAsync($"schemafirst: internal error ({e.GetType().Name}): {e.Message}");
            await stderr.WriteLineAsync(Environment.GetEnvironmentVariable("SCHEMAFIRST_DEBUG") == "1"
                ? e.ToString()
                : "This is a bug in SchemaFirst; please report it with the command you ran. Set SCHEMAFIRST_DEBUG=1 for the stack trace.");
            return ExitCodes.Runtime;
        }
    }
}
