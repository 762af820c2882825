using System.CommandLine;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects.Postgres;
using SchemaFirst.Loading;
using SchemaFirst.Validation;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Generates derived artifacts from the schema source; <c>generate sql</c> writes canonical DDL for a dialect.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("generate", "Generate derived artifacts from the schema source");
        var inputs = new Argument<string[]>("source") { Description = "SQL files, directories (every *.sql below) or glob patterns", Arity = ArgumentArity.OneOrMore };
        var dialect = new Option<string>("--dialect", "-d") { Description = "Target dialect: postgres or sqlite", DefaultValueFactory = _ => "postgres" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the notes on how types and defaults were mapped to the target dialect" };
        var ifNotExists = new Option<bool>("--if-not-exists") { Description = "Write the re-runnable style: IF NOT EXISTS, OR REPLACE, guarded DO blocks" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the --output file is missing or differs from what would be generated" };
        var sql = new Command("sql", "Canonical, dependency-ordered DDL for a dialect");
        sql.Arguments.Add(inputs);
        sql.Options.Add(dialect);
        sql.Options.Add(ifNotExists);
        sql.Options.Add(output);
        sql.Options.Add(check);
        sql.Options.Add(verbose);
        sql.SetAction(r => RunSql(new GenerateSettings(r.GetValue(inputs)!, r.GetValue(dialect)!, r.GetValue(ifNotExists), r.GetValue(output), r.GetValue(check), r.GetValue(verbose)), stdout, stderr));
        command.Subcommands.Add(sql);
        return command;
    }

    public static int RunSql(GenerateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var dialect = settings.Dialect.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" or "pg" => "postgres",
            "sqlite" or "sqlite3" => "sqlite",
            _ => null,
        };
        if (dialect == null)
        {
            stderr.WriteLine($"schemafirst: dialect '{settings.Dialect}' is not supported yet; supported: postgres, sqlite");
            return ExitCodes.Usage;
        }
        if (settings.Check && settings.Output == null)
        {
            stderr.WriteLine("schemafirst: --check needs --output FILE (the file to compare with)");
            return ExitCodes.Usage;
        }
        var timings = new PhaseTimer(stderr);
        var result = SqlSource.LoadPostgres(settings.Inputs);
        timings.Lap("load (read, lex, parse, replay)");
        var diagnostics = result.Diagnostics.Concat(SchemaValidator.Validate(result.Model, result.SourceMap)).ToList();
        timings.Lap("semantic checks");
        var lines = new LineCache();
        foreach (var d in diagnostics.Where(d => d.Severity != Severity.Info)) stderr.Write(DiagnosticTextFormatter.Format(d, lines.Read));
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine("schemafirst: the source has errors; nothing was generated. Run 'schemafirst validate' for the full report.");
            return ExitCodes.Findings;
        }
        string text;
        if (dialect == "sqlite")
        {
            if (settings.IfNotExists) stderr.WriteLine("schemafirst: note: --if-not-exists is for PostgreSQL output; ignored for sqlite");
            var notes = new List<Diagnostic>();
            text = Dialects.Sqlite.SqliteSqlGenerator.Generate(result.Model, notes);
            foreach (var n in notes.Where(n => settings.Verbose || n.Severity != Severity.Info)) stderr.Write(DiagnosticTextFormatter.Format(n));
            var infos = notes.Count(n => n.Severity == Severity.Info);
            if (!settings.Verbose && infos > 0) stderr.WriteLine($"schemafirst: {infos} note(s) on how types and defaults map to SQLite (--verbose shows them)");
            if (notes.Any(n => n.Severity == Severity.Error))
            {
                stderr.WriteLine("schemafirst: the schema cannot be expressed in SQLite as it is; nothing was generated");
                return ExitCodes.Findings;
            }
        }
        else
        {
            text = PostgresSqlGenerator.Generate(result.Model, new SqlGenerationOptions(settings.IfNotExists));
        }
        timings.Lap("render");
        timings.Gc();
        if (settings.Output == null)
        {
            stdout.Write(text);
            return ExitCodes.Ok;
        }
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (settings.Check)
        {
            if (File.Exists(settings.Output) && File.ReadAllBytes(settings.Output).AsSpan().SequenceEqual(bytes))
            {
                return ExitCodes.Ok;
            }
            stderr.WriteLine($"{settings.Output}: out of date; run 'schemafirst generate sql ... -o {settings.Output}' and commit the result");
            return ExitCodes.Changes;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Output));
        if (dir != null) Directory.CreateDirectory(dir);
        // Write to a temporary file first so an interrupted run never leaves half a file behind.
        var tmp = settings.Output + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, settings.Output, overwrite: true);
        return ExitCodes.Ok;
    }
}
