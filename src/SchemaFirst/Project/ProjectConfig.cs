using SchemaFirst.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SchemaFirst.Project;

/// <summary>
/// Represents <c>schemafirst.yaml</c>, which is optional: the dialect of the source files, the schema globs, and named
/// environments with their database URLs (<c>${VAR}</c> is expanded when a URL is used, never when it is read, so
/// secrets stay in the environment). Every setting is also a flag; with no file the defaults serve.
/// </summary>
public sealed class ProjectConfig
{
    public const string FileName = "schemafirst.yaml";

    public string? Dialect { get; init; }

    public List<string>? Schema { get; init; }

    public Dictionary<string, EnvironmentConfig>? Environments { get; init; }

    /// <summary>The history table apply writes, as schema.table (default: schemafirst.history; in SQLite schemafirst_history).</summary>
    public string? History { get; init; }

    public DriftConfig? Drift { get; init; }

    /// <summary>The <c>docs:</c> section: where <c>generate docs</c> writes, and the site's title.</summary>
    public DocsConfig? Docs { get; init; }

    /// <summary>The <c>lint:</c> section: rules, per-path overrides, the baseline file.</summary>
    public Lint.LintConfig? Lint { get; init; }

    /// <summary>The <c>types:</c> section: typed code per language (C# namespace and file, TypeScript file).</summary>
    public TypesConfig? Types { get; init; }

    /// <summary>The <c>seed:</c> section: the seed files and where their idempotent form is written.</summary>
    public SeedConfig? Seed { get; init; }

    /// <summary>The <c>compose:</c> section: the engine, its version, extra extensions and the compose file.</summary>
    public ComposeConfig? Compose { get; init; }

    /// <summary>The <c>sql:</c> section: a generated DDL file to keep up to date (dialect and path).</summary>
    public SqlConfig? Sql { get; init; }

    /// <summary>The <c>audit:</c> section: the application files to audit, paths to leave out, the search path.</summary>
    public AuditConfig? Audit { get; init; }

    /// <summary>The config in <paramref name="directory"/>, none when there is no file, or an error at its line.</summary>
    public static (ProjectConfig? Config, Diagnostic? Error) Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return (null, null);
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            var config = deserializer.Deserialize<ProjectConfig?>(File.ReadAllText(path)) ?? new ProjectConfig();
            return (config, null);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            return (null, new Diagnostic(Severity.Error, DiagnosticCodes.ConfigInvalid, $"{FileName} is not valid: {message}",
                new SourceSpan(FileName, (int)e.Start.Line, (int)e.Start.Column), "fix the file; see the README for its keys (dialect, schema, environments, history, drift, lint, docs, sql, types, seed, compose, audit)"));
        }
    }
}

/// <summary>
/// Represents one named environment of <c>schemafirst.yaml</c>: the URL of its database.
/// </summary>
public sealed class EnvironmentConfig
{
    public string? Url { get; init; }
}

/// <summary>
/// Represents the <c>drift:</c> section: objects other tools own, as glob patterns over schema.name (for example
/// <c>public.flyway_schema_history</c> or <c>app.events_*</c> for partitions the application makes), which drift and plan
/// leave alone.
/// </summary>
public sealed class DriftConfig
{
    public List<string>? Ignore { get; init; }
}

/// <summary>
/// Represents the <c>docs:</c> section: the folder <c>generate docs</c> writes when no <c>-o</c> is given, and the title.
/// </summary>
public sealed class DocsConfig
{
    public string? Out { get; init; }

    public string? Title { get; init; }
}

/// <summary>Represents the <c>types:</c> section.</summary>
public sealed class TypesConfig
{
    public CSharpTypesConfig? Csharp { get; init; }

    public TypeScriptTypesConfig? Typescript { get; init; }
}

/// <summary>Represents <c>types: csharp:</c>: the root namespace, the file, and the C# type of json columns.</summary>
public sealed class CSharpTypesConfig
{
    public string? Namespace { get; init; }

    public string? Out { get; init; }

    public string? Json { get; init; }
}

/// <summary>Represents <c>types: typescript:</c>: the file.</summary>
public sealed class TypeScriptTypesConfig
{
    public string? Out { get; init; }
}

/// <summary>Represents the <c>seed:</c> section: seed files (globs), the target dialect, and the output file.</summary>
public sealed class SeedConfig
{
    public List<string>? Files { get; init; }

    public string? Dialect { get; init; }

    public string? Out { get; init; }
}

/// <summary>
/// Represents the <c>compose:</c> section: the engine (postgres, mysql, mariadb, sqlserver, oracle), its image version,
/// extensions to create besides those the schema declares, the host port, the database name, and the compose file.
/// </summary>
public sealed class ComposeConfig
{
    public string? Engine { get; init; }

    public string? Version { get; init; }

    public List<string>? Extensions { get; init; }

    public int? Port { get; init; }

    public string? Database { get; init; }

    public string? Out { get; init; }
}

/// <summary>Represents the <c>sql:</c> section: the dialect and path of a generated DDL file <c>check</c> keeps current.</summary>
public sealed class SqlConfig
{
    public string? Dialect { get; init; }

    public string? Out { get; init; }
}

/// <summary>
/// Represents the <c>audit:</c> section: the application source to audit (files, directories, globs), globs of paths to
/// leave out, and the schemas an unqualified table name is looked up in (the application's search_path).
/// </summary>
public sealed class AuditConfig
{
    public List<string>? Paths { get; init; }

    public List<string>? Ignore { get; init; }

    public List<string>? SearchPath { get; init; }
}
