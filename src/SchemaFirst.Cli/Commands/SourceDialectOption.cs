using System.CommandLine;
using SchemaFirst.Dialects;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// Represents <c>--source-dialect</c>, shared by the commands that read source files: one of the registered dialects.
/// </summary>
internal static class SourceDialectOption
{
    public static Option<string> Create()
    {
        var names = SqlDialects.Sources.Select(d => d.Name).ToArray();
        var option = new Option<string>("--source-dialect")
        {
            Description = "Dialect of the source files: " + string.Join(" or ", names),
            DefaultValueFactory = _ => SqlDialects.Default.Name,
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    /// <summary>
    /// The dialect of the source files: the flag's, else schemafirst.yaml's, else the default; null (with the message
    /// written) when the name is no registered dialect.
    /// </summary>
    public static ISqlDialect? Resolve(string? flag, Project.ProjectConfig? config, TextWriter stderr)
    {
        var name = flag ?? config?.Dialect;
        if (name == null) return SqlDialects.Default;
        if (SqlDialects.FindSource(name) is { } dialect) return dialect;
        stderr.WriteLine($"schemafirst: {(flag == null ? "schemafirst.yaml names dialect" : "unknown dialect")} '{name}'; supported: {SqlDialects.SourceNames}");
        return null;
    }
}
