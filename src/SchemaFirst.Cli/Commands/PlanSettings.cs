namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents the settings of <c>schemafirst plan</c> and <c>schemafirst diff</c> (diff has a second source instead of
/// a database).
/// </summary>
internal sealed record PlanSettings(
    IReadOnlyList<string> Desired,
    IReadOnlyList<string>? Current,
    string? Db,
    string? Env,
    string Format,
    string? Output,
    string? SourceDialect,
    string? Dialect,
    string? DevUrl,
    bool Offline,
    bool ConcurrentIndexes,
    bool Online,
    IReadOnlyList<string> Schemas,
    IReadOnlyList<string> ExcludeSchemas,
    bool Lint = false,
    string? TenantSchema = null,
    string? HistoryTable = null,
    DevCache? DevCache = null);

/// <summary>
/// Represents what a fleet run keeps between its targets: the dev database's normal form of each model it was sent, per
/// server, so that the same desired schema goes to a scratch database once per server, not once per tenant.
/// </summary>
internal sealed class DevCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<SchemaFirst.Model.Database?>>> _models = new(StringComparer.Ordinal);

    /// <summary>The schema name a tenant's source is bound to when its normal form is made once for every tenant.</summary>
    private const string Placeholder = "schemafirst_tenant_placeholder_7f3c2a";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string?>>> _tenantForms = new(StringComparer.Ordinal);

    /// <summary>
    /// A tenant schema's desired model in the server's normal form: the files bound to a placeholder schema go to a
    /// scratch database once per server, and each tenant gets that form with its own schema name. Null when the tenant's
    /// name cannot stand in for the placeholder as plain text (it needs quotes), or the server refused.
    /// </summary>
    public async Task<SchemaFirst.Model.Database?> TenantModelAsync(SchemaFirst.Dialects.IDevDatabase dev, SchemaFirst.Dialects.ISqlDialect dialect, SchemaFirst.Project.DatabaseUrl devUrl,
        IReadOnlyList<(string Path, string? Text)> files, string tenant)
    {
        if (SchemaFirst.Dialects.Postgres.PostgresQuoting.Quote(tenant) != tenant || tenant.Length > Placeholder.Length) return null;
        var key = $"{devUrl.Scheme}://{devUrl.User}@{devUrl.Host}:{devUrl.Port}";
        var form = await _tenantForms.GetOrAdd(key, _ => new Lazy<Task<string?>>(async () =>
        {
            var (prelude, _) = SchemaSourceLoader.TenantPrelude(tenant);
            var bound = files.Select(f => f.Path == prelude ? SchemaSourceLoader.TenantPrelude(Placeholder) : (f.Path, f.Text ?? File.ReadAllText(f.Path))).ToList();
            var parsed = dialect.ParseTexts(bound);
            if (parsed.Diagnostics.Any(d => d.Severity == SchemaFirst.Diagnostics.Severity.Error)) return null;
            var normalized = await dev.NormalizeModelAsync(devUrl, u => Drivers.Connect(u, writable: true), parsed.Model, CancellationToken.None);
            return normalized != null ? dialect.Generate(normalized, new SchemaFirst.Dialects.SqlGenerationOptions()).Text : null;
        })).Value;
        if (form == null || !form.Contains(Placeholder, StringComparison.Ordinal)) return null;
        var model = dialect.ParseText(form.Replace(Placeholder, tenant, StringComparison.Ordinal), $"(normal form of schema {tenant})");
        return model.Diagnostics.Any(d => d.Severity == SchemaFirst.Diagnostics.Severity.Error) ? null : model.Model;
    }

    public Task<SchemaFirst.Model.Database?> NormalizeModelAsync(SchemaFirst.Dialects.IDevDatabase dev, SchemaFirst.Dialects.ISqlDialect dialect, SchemaFirst.Project.DatabaseUrl devUrl,
        SchemaFirst.Model.Database model)
    {
        var key = $"{devUrl.Scheme}://{devUrl.User}@{devUrl.Host}:{devUrl.Port}\n{SchemaFirst.Planning.MigrationPlanner.Fingerprint(dialect, model)}";
        return _models.GetOrAdd(key, _ => new Lazy<Task<SchemaFirst.Model.Database?>>(() => dev.NormalizeModelAsync(devUrl, u => Drivers.Connect(u, writable: true), model, CancellationToken.None))).Value;
    }
}
