using System.CommandLine;
using SchemaFirst.Dialects;
using SchemaFirst.Project;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>init</c>: starts a project: <c>schemafirst.yaml</c> and a <c>schema/</c> folder, either with a first file to edit
/// or, with --from, the live database written out as source files (one per schema) that read back to the same model.
/// Never overwrites: an existing config or .sql files in the folder stop it (exit 3).
/// </summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string?>("--from") { Description = "Write this live database (postgres://... or sqlite:///...) out as the source files" };
        var dialect = new Option<string?>("--dialect", "-d") { Description = "Dialect of the source files (default: the --from database's, else postgres)" };
        dialect.AcceptOnlyFromAmong(SqlDialects.All.Select(d => d.Name).ToArray());
        var dir = new Option<string>("--schema-dir") { Description = "The folder for the source files", DefaultValueFactory = _ => "schema" };
        var command = new Command("init", "Start a project: schemafirst.yaml and schema/ (from scratch, or written out from a live database)");
        command.Options.Add(from);
        command.Options.Add(dialect);
        command.Options.Add(dir);
        command.SetAction((r, ct) => RunAsync(r.GetValue(from), r.GetValue(dialect), r.GetValue(dir)!, stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string? from, string? dialectName, string dir, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (File.Exists(ProjectConfig.FileName))
        {
            await stderr.WriteLineAsync($"schemafirst: {ProjectConfig.FileName} already exists here; init changes nothing in a project that has one");
            return ExitCodes.Usage;
        }
        if (Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.sql", SearchOption.AllDirectories).Any())
        {
            await stderr.WriteLineAsync($"schemafirst: {dir}/ already holds .sql files; init never overwrites them (point schemafirst.yaml at them by hand, or use --schema-dir)");
            return ExitCodes.Usage;
        }
        ISqlDialect dialect;
        IReadOnlyList<(string Name, string Text)> files;
        string? environment = null;
        if (from != null)
        {
            var loader = new SchemaSourceLoader(stderr, new InspectOptions([], []));
            var source = await loader.InspectAsync(from, ct);
            if (source == null) return loader.ExitCode;
            if (source.Url!.IsFile && !File.Exists(source.Url.Database))
            {
                await stderr.WriteLineAsync($"schemafirst: {source.Display} does not exist");
                return ExitCodes.Runtime;
            }
            dialect = source.Dialect;
            if (dialectName != null && dialectName != dialect.Name)
            {
                await stderr.WriteLineAsync($"schemafirst: --from reads a {dialect.Name} database; its files are {dialect.Name} (leave out --dialect)");
                return ExitCodes.Usage;
            }
            files = SchemaFiles.Write(source.Model, dialect);
            environment = source.Url.IsFile ? "sqlite:///" + source.Url.Database : "${DATABASE_URL}";
            await stderr.WriteLineAsync($"schemafirst: read {source.Display}: {source.Model.Tables.Count} tables, {source.Model.Views.Count} views");
        }
        else
        {
            dialect = SqlDialects.Find(dialectName ?? SqlDialects.Default.Name)!;
            files = [("001_first_table.sql", Starter(dialect))];
        }
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files) await PlanCommand.WriteFileAsync(Path.Combine(dir, name), text, ct);
        await PlanCommand.WriteFileAsync(ProjectConfig.FileName, Config(dialect, dir, environment), ct);
        foreach (var (name, _) in files) await stdout.WriteLineAsync(Path.Combine(dir, name));
        await stdout.WriteLineAsync(ProjectConfig.FileName);
        await stderr.WriteLineAsync(environment == "${DATABASE_URL}"
            ? "schemafirst: the database's URL is not written down (it may hold a password): set DATABASE_URL, then 'schemafirst drift --env source' shows nothing to do"
            : $"schemafirst: next: edit {dir}/, then 'schemafirst validate' and 'schemafirst plan'");
        return ExitCodes.Ok;
    }

    private static string Starter(ISqlDialect dialect) => dialect.Name == "sqlite"
        ? "-- The schema, in plain SQL: one or more files in this folder, read in name order.\n\nCREATE TABLE example (\n    id INTEGER PRIMARY KEY,\n    name TEXT NOT NULL\n);\n"
        : "-- The schema, in plain SQL: one or more files in this folder, read in name order.\n\nCREATE TABLE example (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n";

    private static string Config(ISqlDialect dialect, string dir, string? environment)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("# SchemaFirst project settings; every one is also a flag (see the README).\n");
        sb.Append("dialect: ").Append(dialect.Name).Append('\n');
        sb.Append("schema: [").Append(dir.Replace('\\', '/')).Append("/]\n");
        sb.Append("environments:\n");
        sb.Append("  dev: { url: \"sqlite:///.schemafirst/dev.db\" }\n");
        if (environment != null) sb.Append("  source: { url: \"").Append(environment).Append("\" }\n");
        sb.Append("# lint: { baseline: .schemafirst/lint-baseline.json }\n");
        sb.Append("# docs: { out: docs/schema }\n");
        sb.Append("# types: { csharp: { namespace: App.Data, out: src/App.Data/Schema.g.cs }, typescript: { out: web/src/db.ts } }\n");
        sb.Append("# seed: { files: [seed/], out: .schemafirst/seed.sql }\n");
        if (dialect.Name == "postgres") sb.Append("# compose: { version: \"17\", out: docker-compose.yml }\n");
        return sb.ToString();
    }
}
