using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Diff;
using SchemaFirst.Loading;
using SchemaFirst.Model;
using SchemaFirst.Project;
using SchemaFirst.Validation;

namespace SchemaFirst.Cli;

/// <summary>
/// Represents a schema read from one of the sources <c>diff</c> and <c>plan</c> take: SQL files (paths, directories,
/// globs), a git revision (<c>git:REV:path</c>), or a live database (a URL).
/// </summary>
/// <param name="Unread">For a database: how many of its statements the reader could not read (each reported as a warning), so the model lacks or simplifies them.</param>
internal sealed record SchemaSource(string Display, Database Model, SourceMap? Map, ISqlDialect Dialect, DatabaseUrl? Url, IReadOnlyList<(string Path, string? Text)>? Files, int Unread = 0);

/// <summary>
/// Loads <see cref="SchemaSource"/>s and reports their problems the way validate does; null means the command stops
/// with the exit code it was given.
/// </summary>
internal sealed class SchemaSourceLoader(TextWriter stderr, InspectOptions inspectOptions, ProjectConfig? config = null)
{
    public int ExitCode { get; private set; }

    /// <summary>The history table of apply in a dialect: from schemafirst.yaml's history, else the dialect's default.</summary>
    public static QualifiedName? HistoryTable(ISqlDialect dialect, ProjectConfig? config)
    {
        if (dialect is not Apply.IApplyDialect apply) return null;
        if (config?.History is not { } configured) return apply.DefaultHistoryTable;
        var dot = configured.IndexOf('.', StringComparison.Ordinal);
        // A MySQL schema is the database the URL names: the table is there whatever schema.table says.
        if (dot >= 0 && dialect.DefaultSchema.Length == 0) return apply.DefaultHistoryTable with { Name = configured[(dot + 1)..] };
        return dot < 0 ? apply.DefaultHistoryTable with { Name = configured } : new QualifiedName(configured[..dot], configured[(dot + 1)..]);
    }

    /// <summary>A model without the history table and the objects schemafirst.yaml's drift.ignore names.</summary>
    public Database Filter(Database model, ISqlDialect dialect)
    {
        model = ModelFilter.Ignoring(model, config?.Drift?.Ignore);
        return HistoryTable(dialect, config) is { } history ? ModelFilter.Without(model, history) : model;
    }

    /// <summary>
    /// What a tenant schema's source starts with: the schema, and a search_path that puts every unqualified name of the
    /// files in it (a name the files qualify stays where they put it).
    /// </summary>
    public static (string Path, string Text) TenantPrelude(string schema)
    {
        var quoted = SchemaFirst.Dialects.Postgres.PostgresQuoting.Quote(schema);
        return ($"(tenant schema {schema})", $"CREATE SCHEMA IF NOT EXISTS {quoted};\nSET search_path = {quoted};\n");
    }

    /// <summary>The files of a source, read whole and preceded by a tenant schema's prelude.</summary>
    public static List<(string Path, string? Text)> TenantFiles(IEnumerable<string> paths, string schema) =>
        [TenantPrelude(schema), .. paths.Select(p => (p, (string?)null))];

    public async Task<SchemaSource?> LoadAsync(IReadOnlyList<string> inputs, ISqlDialect sourceDialect, CancellationToken ct, string? tenantSchema = null)
    {
        if (tenantSchema != null)
        {
            if (sourceDialect is not SchemaFirst.Dialects.Postgres.PostgresDialect) return Fail(ExitCodes.Usage, "tenant schemas (schema: in a target list) take PostgreSQL source files");
            if (inputs.Any(i => DatabaseUrl.HasDatabaseScheme(i) || GitFiles.IsGitSpec(i))) return Fail(ExitCodes.Usage, "a tenant schema's desired source is SQL files, not a database or a git revision");
            var tenantDiagnostics = new List<Diagnostic>();
            var tenantPaths = SourceFiles.Expand(inputs, tenantDiagnostics);
            foreach (var d in tenantDiagnostics) stderr.Write(DiagnosticTextFormatter.Format(d));
            if (tenantDiagnostics.Any(d => d.Severity == Severity.Error)) return Fail(ExitCodes.Findings, "the source has errors; fix them first");
            var files = TenantFiles(tenantPaths, tenantSchema);
            var bound = sourceDialect.ParseTexts(files.Select(f => (f.Path, f.Text ?? File.ReadAllText(f.Path))).ToList());
            if (!Report(bound)) return null;
            return new SchemaSource($"{string.Join(" ", inputs)} (in schema {tenantSchema})", Filter(bound.Model, sourceDialect), bound.SourceMap, sourceDialect, null, files);
        }
        if (inputs.Count == 1 && (DatabaseUrl.HasDatabaseScheme(inputs[0]) || inputs[0].StartsWith("${", StringComparison.Ordinal))) return await InspectAsync(inputs[0], ct);
        if (inputs.Any(GitFiles.IsGitSpec))
        {
            if (inputs.Count > 1)
            {
                return Fail(ExitCodes.Usage, "a git:REV:path source stands alone; give one per side");
            }
            var (files, error) = GitFiles.Read(inputs[0]);
            if (error != null) return Fail(ExitCodes.Usage, error);
            var fromGit = sourceDialect.ParseTexts(files);
            if (!Report(fromGit)) return null;
            return new SchemaSource(inputs[0], Filter(fromGit.Model, sourceDialect), fromGit.SourceMap, sourceDialect, null, files.Select(f => (f.Path, (string?)f.Text)).ToList());
        }
        var diagnostics = new List<Diagnostic>();
        var paths = SourceFiles.Expand(inputs, diagnostics);
        var load = sourceDialect.Parse(paths, diagnostics);
        if (!Report(load)) return null;
        return new SchemaSource(string.Join(" ", inputs), Filter(load.Model, sourceDialect), load.SourceMap, sourceDialect, null, paths.Select(p => (p, (string?)null)).ToList());
    }

    private bool Report(LoadResult load)
    {
        var diagnostics = load.Diagnostics.Concat(SchemaValidator.Validate(load.Model, load.SourceMap)).ToList();
        var lines = new Commands.LineCache();
        foreach (var d in diagnostics.Where(d => d.Severity != Severity.Info)) stderr.Write(DiagnosticTextFormatter.Format(d, lines.Read));
        if (!diagnostics.Any(d => d.Severity == Severity.Error)) return true;
        stderr.WriteLine("schemafirst: the source has errors; fix them first. Run 'schemafirst validate' for the full report.");
        ExitCode = ExitCodes.Findings;
        return false;
    }

    public async Task<SchemaSource?> InspectAsync(string text, CancellationToken ct)
    {
        if (!DatabaseUrl.TryParse(text, out var url, out var error)) return Fail(ExitCodes.Usage, error!);
        if (url!.IsFile && !File.Exists(url.Database)) return new SchemaSource(url.Display, Database.Empty with { SourceDialect = url.Dialect.Name }, null, url.Dialect, url, null);
        try
        {
            await using var conn = Drivers.Connect(url);
            await conn.OpenAsync(ct);
            var result = await url.Dialect.InspectAsync(conn, inspectOptions, ct);
            foreach (var d in result.Load.Diagnostics.Where(d => d.Severity != Severity.Info))
            {
                await stderr.WriteLineAsync($"schemafirst: warning: while reading {url.Display}: {d.Code}: {d.Message}");
            }
            return new SchemaSource(url.Display, Filter(result.Load.Model, url.Dialect), null, url.Dialect, url, null, result.Load.Diagnostics.Count(d => d.Severity == Severity.Error));
        }
        catch (Exception e) when (DatabaseErrors.IsConnectionError(e))
        {
            return Fail(ExitCodes.Runtime, $"cannot read {url.Display}: {DatabaseErrors.Describe(e)}");
        }
    }

    private SchemaSource? Fail(int code, string message)
    {
        stderr.WriteLine("schemafirst: " + message);
        ExitCode = code;
        return null;
    }
}
