namespace SchemaFirst.Tests.Cli;

/// <summary>Runs the schemafirst command in process, as a user would type it, and keeps what it printed.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SchemaFirst.Cli.Cli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The command in a process of its own, in a working directory of its own (schemafirst.yaml and git read the current folder).</summary>
    public static (int Code, string Out, string Err) RunIn(string cwd, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SchemaFirst.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A folder of its own for a test class's input files, removed afterwards.</summary>
public abstract class TempDirectoryTest : IDisposable
{
    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "sf-test-" + Guid.NewGuid().ToString("N"));

    protected TempDirectoryTest() => Directory.CreateDirectory(Dir);

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Write(string name, string sql)
    {
        var path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, sql);
        return path;
    }
}
