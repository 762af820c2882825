using SchemaFirst.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchemaFirst.Project;

/// <summary>
/// Represents a fleet's target list file (<c>targets.yaml</c>): the databases, and the tenant schemas inside them, that
/// one <c>apply --targets</c> or <c>drift --targets</c> runs against. Each entry is a database URL (with an optional
/// name and tenant schema), or a query on a database that lists the tenant databases or schemas, one per row:
/// <code>
/// targets:
///   - url: postgres://app@db1/shop_eu
///   - name: acme
///     url: ${ACME_URL}
///   - url: postgres://app@db1/tenants
///     schema: tenant_b
///   - url: postgres://app@db1/postgres
///     query: SELECT datname FROM pg_database WHERE datname LIKE 'tenant\_%'
///     each: database        # or schema
/// </code>
/// <c>${VAR}</c> in a URL is expanded when it is used, as in schemafirst.yaml, so secrets stay in the environment.
/// </summary>
public sealed record TargetList(IReadOnlyList<TargetEntry> Entries)
{
    private static readonly string[] Keys = ["url", "name", "schema", "query", "each"];

    /// <summary>The list in a file, or the first thing wrong with it at its line and column.</summary>
    public static (TargetList? List, Diagnostic? Error) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new Diagnostic(Severity.Error, DiagnosticCodes.FileNotFound, $"cannot read the target list: {e.Message}", new SourceSpan(path, 0, 0), "name a targets.yaml file that exists"));
        }
        return Parse(text, path);
    }

    public static (TargetList? List, Diagnostic? Error) Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, Error(path, e.Start, "is not valid YAML: " + (e.InnerException?.Message ?? e.Message).Split('\n')[0]));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, Error(path, stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty, "has no 'targets:' list"));
        }
        YamlSequenceNode? list = null;
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: "targets" } && value is YamlSequenceNode seq) list = seq;
            else if (key is YamlScalarNode { Value: "targets" }) return (null, Error(path, value.Start, "'targets:' must be a list of entries (- url: ...)"));
            else return (null, Error(path, key.Start, $"has an unknown key '{(key as YamlScalarNode)?.Value}': the file holds one 'targets:' list"));
        }
        if (list == null) return (null, Error(path, root.Start, "has no 'targets:' list"));
        var entries = new List<TargetEntry>();
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode map) return (null, Error(path, node.Start, "each target is a mapping such as '- url: postgres://app@host/db'"));
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!Keys.Contains(name)) return (null, Error(path, key.Start, $"a target has an unknown key '{name}' (a target takes: {string.Join(", ", Keys)})"));
                if (value is not YamlScalarNode { Value: { } v } || v.Length == 0) return (null, Error(path, value.Start, $"'{name}' takes a text value"));
                values[name] = v;
            }
            var line = (int)map.Start.Line;
            var column = (int)map.Start.Column;
            if (!values.TryGetValue("url", out var url)) return (null, Error(path, map.Start, "a target has no 'url'"));
            var each = values.GetValueOrDefault("each");
            if (each != null && !values.ContainsKey("query")) return (null, Error(path, map.Start, "'each' goes with 'query' (what each row of the query names: database or schema)"));
            if (each is not (null or "database" or "schema")) return (null, Error(path, map.Start, $"'each' is database or schema, not '{each}'"));
            if (values.ContainsKey("query") && (values.ContainsKey("schema") || values.ContainsKey("name")))
            {
                return (null, Error(path, map.Start, "a 'query' target lists many targets: their names come from its rows, so it takes no 'name' or 'schema'"));
            }
            entries.Add(new TargetEntry(values.GetValueOrDefault("name"), url, values.GetValueOrDefault("schema"), values.GetValueOrDefault("query"), each ?? "database",
                new SourceSpan(path, line, column)));
        }
        if (entries.Count == 0) return (null, Error(path, list.Start, "lists no targets"));
        return (new TargetList(entries), null);
    }

    private static Diagnostic Error(string path, Mark at, string what) =>
        new(Severity.Error, DiagnosticCodes.ConfigInvalid, $"the target list {what}", new SourceSpan(path, (int)at.Line, (int)at.Column),
            "see the README's 'Fleets' section: 'targets:' then '- url: ...' entries (name, schema), or '- url: ...' with 'query:' and 'each: database|schema'");
}

/// <summary>
/// Represents one entry of a target list: a database (and tenant schema), or a query on <see cref="Url"/> whose rows
/// name the databases or schemas (<see cref="Each"/>) to run against.
/// </summary>
public sealed record TargetEntry(string? Name, string Url, string? Schema, string? Query, string Each, SourceSpan At);
