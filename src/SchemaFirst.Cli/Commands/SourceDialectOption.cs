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
        var names = SqlDialects.All.Select(d => d.Name).ToArray();
        var option = new Option<string>("--source-dialect")
        {
            Description = "Dialect of the source files: " + string.Join(" or ", names),
            DefaultValueFactory = _ => SqlDialects.Default.Name,
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }
}
