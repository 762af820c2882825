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
        var into = new Option<string?>("--into") { Description = "Also create the schema in this new, empty database (sqlite:///path.db); an existing schema is never touched" };
        var sourceDialect = new Option<string>("--source-dialect") { Description = "Dialect of the source files: postgres or sqlite", DefaultValueFactory = _ => "postgres" };
        sourceDialect.AcceptOnlyFromAmong("postgres", "sqlite");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print the notes on how types and defaults were mapped to the target dialect" };
        var ifNotExists = new Option<bool>("--if-not-exists") { Description = "Write the re-runnable style: IF NOT EXISTS, OR REPLACE, guarded DO blocks" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the --output file is missing or differs from what would be generated" };
        var devUrl = new Option<string?>("--dev-url") { Description = "Normalize through a scratch database on this PostgreSQL server (created and dropped; the role needs CREATEDB): expressions and view bodies exactly as the server prints them" };
        var sql = new Command("sql", "Canonical, dependency-ordered DDL for a dialect");
        sql.Arguments.Add(inputs);
        sql.Options.Add(dialect);
        sql.Options.Add(ifNotExists);
        sql.Options.Add(output);
        sql.Options.Add(check);
        sql.Options.Add(verbose);
        sql.Options.Add(into);
        sql.Options.Add(sourceDialect);
        sql.Options.Add(devUrl);
        sql.SetAction((r, ct) => RunSqlAsync(new GenerateSettings(r.GetValue(inputs)!, r.GetValue(dialect)!, r.GetValue(ifNotExists), r.GetValue(output), r.GetValue(check),
            r.GetValue(verbose), r.GetValue(into), r.GetValue(sourceDialect)!, r.GetValue(devUrl)), stdout, stderr, ct));
        command.Subcommands.Add(sql);
        return command;
    }

    /// <summary>Creates the schema in a new SQLite database, in one transaction; refuses a database that has one.</summary>
    private static int CreateSqlite(DatabaseUrl target, string ddl, TextWriter stderr)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(target.Database));
            if (dir != null) Directory.CreateDirectory(dir);
            using var conn = new Microsoft.Data.Sqlite.SqliteConnection(target.ToSqliteConnectionString(create: true));
            conn.Open();
            using var count = conn.CreateCommand();
            count.CommandText = "SELECT count(*) FROM sqlite_schema";
            var existing = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (existing > 0)
            {
                stderr.WriteLine($"schemafirst: {target.Display} already holds {existing} schema object(s); it was not changed (delete the file to start over, or use plan/apply once they land)");
                return ExitCodes.Findings;
            }
            using var tx = conn.BeginTransaction();
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = ddl;
            cmd.ExecuteNonQuery();
            tx.Commit();
            count.CommandText = @"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'";
            stderr.WriteLine($"schemafirst: created {count.ExecuteScalar()} tables in {target.Display}");
            return ExitCodes.Ok;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            stderr.WriteLine($"schemafirst: cannot create the schema in {target.Display}: {e.Message}");
            return ExitCodes.Runtime;
        }
    }

    public static async Task<int> RunSqlAsync(GenerateSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
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
        DatabaseUrl? target = null;
        if (settings.Into != null)
        {
            if (!DatabaseUrl.TryParse(settings.Into, out target, out var urlError) || !target!.IsSqlite || dialect != "sqlite")
            {
                stderr.WriteLine($"schemafirst: --into takes a sqlite:/// URL together with --dialect sqlite{(urlError != null ? " (" + urlError + ")" : string.Empty)}");
                return ExitCodes.Usage;
            }
        }
        var result = SqlSource.Load(settings.Inputs, settings.SourceDialect);
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
        var model = result.Model;
        if (settings.DevUrl != null)
        {
            if (settings.SourceDialect != "postgres")
            {
                stderr.WriteLine("schemafirst: --dev-url normalizes PostgreSQL sources; use it without --source-dialect sqlite");
                return ExitCodes.Usage;
            }
            var outcome = await DevDatabase.NormalizeAsync(settings.DevUrl, settings.Inputs, result.Model, ct);
            if (outcome.Failure != null)
            {
                stderr.WriteLine("schemafirst: " + outcome.Failure);
                return ExitCodes.Runtime;
            }
            if (outcome.Refused != null)
            {
                stderr.Write(DiagnosticTextFormatter.Format(outcome.Refused, lines.Read));
                stderr.WriteLine("schemafirst: the dev database refused the source; nothing was generated");
                return ExitCodes.Findings;
            }
            model = outcome.Model!;
            timings.Lap("dev database");
        }
        string text;
        if (dialect == "sqlite")
        {
            if (settings.IfNotExists) stderr.WriteLine("schemafirst: note: --if-not-exists is for PostgreSQL output; ignored for sqlite");
            var notes = new List<Diagnostic>();
            text = Dialects.Sqlite.SqliteSqlGenerator.Generate(model, notes);
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
            text = PostgresSqlGenerator.Generate(model, new SqlGenerationOptions(settings.IfNotExists));
        }
        timings.Lap("render");
        timings.Gc();
        if (target != null) return CreateSqlite(target, text, stderr);
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
