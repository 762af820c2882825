using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SchemaFirst.Tests.Types;

/// <summary>
/// Compiles generated C# with Roslyn against the running .NET's own assemblies, nullable on and every warning counted,
/// the way a project with TreatWarningsAsErrors would build it.
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<List<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    /// <summary>The warnings and errors, and the assembly's bytes when there were none of either.</summary>
    public static (IReadOnlyList<string> Problems, byte[]? Assembly) Compile(string name, params string[] sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"{name}{i}.cs")).ToList();
        var compilation = CSharpCompilation.Create(name, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        using var pe = new MemoryStream();
        using var xml = new MemoryStream();
        var result = compilation.Emit(pe, xmlDocumentationStream: xml);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        return (problems, problems.Count == 0 && result.Success ? pe.ToArray() : null);
    }

    public static Assembly Load(byte[] bytes) => new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromStream(new MemoryStream(bytes));
}
