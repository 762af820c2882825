using System.CommandLine;
using SchemaFirst.Cli.Artifacts;
using SchemaFirst.Project;
using SchemaFirst.Rendering.Types;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>generate types</c>: typed code from the schema, C# records or TypeScript interfaces, written, printed, or checked
/// for staleness (exit 2). Without --lang, every language schemafirst.yaml's types section configures.
/// </summary>
internal static class TypesCommand
{
    public static readonly string[] Languages = ["csharp", "typescript"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "SQL files, directories, globs, git:REV:path, or a database URL (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var lang = new Option<string?>("--lang", "-l") { Description = "csharp or typescript (default: every language under types: in schemafirst.yaml)" };
        lang.AcceptOnlyFromAmong(Languages);
        var ns = new Option<string?>("--namespace") { Description = "C# root namespace; each schema other than the default one is a child namespace (default: types.csharp.namespace, else Database)" };
        var json = new Option<string?>("--json") { Description = "C# type of json columns: string (default), JsonElement or JsonDocument" };
        json.AcceptOnlyFromAmong([.. TypesOptions.JsonChoices]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (default: the language's out: in schemafirst.yaml, else standard output)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the file is missing or differs from what would be generated" };
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the source files" };
        var command = new Command("types", "Typed code from the schema: C# records (no ORM) or TypeScript interfaces in kysely-codegen's shape");
        command.Arguments.Add(source);
        foreach (var o in new Option[] { lang, ns, json, output, check, sourceDialect }) command.Options.Add(o);
        command.SetAction((r, ct) => RunAsync(r.GetValue(source) ?? [], r.GetValue(lang), r.GetValue(ns), r.GetValue(json), r.GetValue(output), r.GetValue(check), r.GetValue(sourceDialect), stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string? lang, string? ns, string? json, string? output, bool check, string? sourceDialect, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (config, code) = ProjectSource.Config(stderr);
        if (code != ExitCodes.Ok) return code;
        var languages = lang != null ? [lang] : Configured(config);
        if (languages.Count == 0)
        {
            await stderr.WriteLineAsync("schemafirst: say which language with --lang csharp or --lang typescript, or configure types: in schemafirst.yaml");
            return ExitCodes.Usage;
        }
        if (output != null && languages.Count > 1)
        {
            await stderr.WriteLineAsync("schemafirst: -o names one file; add --lang to say which language goes in it");
            return ExitCodes.Usage;
        }
        var nsValue = ns ?? config?.Types?.Csharp?.Namespace ?? "Database";
        if (!IsNamespace(nsValue))
        {
            await stderr.WriteLineAsync($"schemafirst: '{nsValue}' is not a C# namespace (dotted identifiers such as Shop.Data)");
            return ExitCodes.Usage;
        }
        var jsonValue = json ?? config?.Types?.Csharp?.Json ?? "string";
        if (!TypesOptions.JsonChoices.Contains(jsonValue))
        {
            await stderr.WriteLineAsync($"schemafirst: types.csharp.json is '{jsonValue}'; choose {string.Join(", ", TypesOptions.JsonChoices)}");
            return ExitCodes.Usage;
        }
        var (loaded, loadCode) = await ProjectSource.LoadAsync(inputs, sourceDialect, config, stderr, ct);
        if (loaded == null) return loadCode;
        var files = languages.Select(l => File(loaded, l, output ?? OutOf(config, l), new TypesOptions(nsValue, jsonValue))).ToList();
        return await ArtifactFile.EmitAsync(files, check, "schemafirst generate types" + (lang != null ? " --lang " + lang : string.Empty), stdout, stderr, ct);
    }

    public static List<string> Configured(ProjectConfig? config)
    {
        var list = new List<string>();
        if (config?.Types?.Csharp != null) list.Add("csharp");
        if (config?.Types?.Typescript != null) list.Add("typescript");
        return list;
    }

    public static string? OutOf(ProjectConfig? config, string lang) => lang == "csharp" ? config?.Types?.Csharp?.Out : config?.Types?.Typescript?.Out;

    /// <summary>The file of one language for a loaded schema.</summary>
    public static ArtifactFile File(SchemaSource source, string lang, string? path, TypesOptions options) =>
        new(path, lang == "csharp"
            ? CSharpTypesWriter.Write(source.Model, source.Dialect.DefaultSchema, options)
            : TypeScriptTypesWriter.Write(source.Model, source.Dialect.DefaultSchema));

    public static TypesOptions OptionsOf(ProjectConfig? config) => new(config?.Types?.Csharp?.Namespace ?? "Database", config?.Types?.Csharp?.Json ?? "string");

    private static bool IsNamespace(string ns) =>
        ns.Split('.').All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_'));
}
