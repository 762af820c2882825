using System.CommandLine;
using System.Net;
using System.Text;
using SchemaFirst.Diagnostics;
using SchemaFirst.Dialects;
using SchemaFirst.Project;
using SchemaFirst.Rendering.Docs;

namespace SchemaFirst.Cli.Commands;

/// <summary>
/// <c>generate docs</c>: Markdown, Mermaid, SVG and an HTML site from the schema source (or a live database), written
/// whole or checked for staleness (exit 2); and <c>serve</c>: the same site from memory, redrawn when a source file is
/// saved.
/// </summary>
internal static class DocsCommand
{
    /// <summary>The list of files the last <c>generate docs</c> wrote, so the next one removes those it no longer writes.</summary>
    public const string Manifest = ".schemafirst-docs";

    private static readonly TimeSpan DotTimeout = TimeSpan.FromMinutes(5);

    internal sealed record Options(Option<string?> SourceDialect, Option<int> Distance, Option<int> MaxTables, Option<string?> Title, Option<bool> NoSvg);

    private static Options Common(Command command)
    {
        var sourceDialect = new Option<string?>("--source-dialect") { Description = "Dialect of the source files: " + string.Join(", ", SqlDialects.Sources.Select(d => d.Name)) };
        sourceDialect.AcceptOnlyFromAmong(SqlDialects.Sources.Select(d => d.Name).ToArray());
        var distance = new Option<int>("--distance") { Description = "Foreign-key hops a table's diagram reaches", DefaultValueFactory = _ => 1 };
        var maxTables = new Option<int>("--max-diagram-tables") { Description = "The most tables of a schema drawn in one diagram; above it, only each table's neighbourhood", DefaultValueFactory = _ => 60 };
        var title = new Option<string?>("--title") { Description = "The site's title (default: docs.title of schemafirst.yaml, else Database schema)" };
        var noSvg = new Option<bool>("--no-svg") { Description = "Leave out the SVG diagrams (no Graphviz needed; Mermaid diagrams stay)" };
        foreach (var o in new Option[] { sourceDialect, distance, maxTables, title, noSvg }) command.Options.Add(o);
        return new Options(sourceDialect, distance, maxTables, title, noSvg);
    }

    public static Command CreateGenerate(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "SQL files, directories, globs, git:REV:path, or a database URL (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o", "--out") { Description = "The folder to write the site into (default: docs.out of schemafirst.yaml)" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 2 if the folder is missing a file, holds a different one, or one the site no longer has" };
        var command = new Command("docs", "Documentation and ER diagrams: Markdown (tbls layout), Mermaid, SVG (Graphviz) and an HTML site that works offline");
        command.Arguments.Add(source);
        command.Options.Add(output);
        command.Options.Add(check);
        var common = Common(command);
        command.SetAction((r, ct) => GenerateAsync(r.GetValue(source) ?? [], r.GetValue(output), r.GetValue(check), Read(r, common), stdout, stderr, ct));
        return command;
    }

    public static Command CreateServe(TextWriter stdout, TextWriter stderr)
    {
        var source = new Argument<string[]>("source") { Description = "SQL files, directories or globs (default: the schema globs of schemafirst.yaml)", Arity = ArgumentArity.ZeroOrMore };
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Serve the docs site locally; pages redraw when a source file is saved");
        command.Arguments.Add(source);
        command.Options.Add(port);
        var common = Common(command);
        command.SetAction((r, ct) => ServeAsync(r.GetValue(source) ?? [], r.GetValue(port), Read(r, common), stdout, stderr, ct));
        return command;
    }

    internal sealed record Settings(string? SourceDialect, DocsOptions Options, string? Title, bool NoSvg)
    {
        public string SiteTitle => Title ?? "Database schema";
    }

    private static Settings Read(ParseResult r, Options o) =>
        new(r.GetValue(o.SourceDialect), new DocsOptions(Math.Max(1, r.GetValue(o.Distance)), Math.Max(1, r.GetValue(o.MaxTables))), r.GetValue(o.Title), r.GetValue(o.NoSvg));

    /// <summary>The site's files for a source, or null with the exit code when the source could not be read.</summary>
    private static async Task<(IEnumerable<(string Path, string Text)>? Files, int Code, string? Diagnostics, Dictionary<string, string>? Dots)> BuildAsync(IReadOnlyList<string> inputs, Settings settings, TextWriter stderr, bool live, CancellationToken ct, PhaseTimer? timings = null)
    {
        var (config, configError) = ProjectConfig.Load(Environment.CurrentDirectory);
        if (configError != null)
        {
            stderr.Write(DiagnosticTextFormatter.Format(configError));
            return (null, ExitCodes.Usage, null, null);
        }
        if (SourceDialectOption.Resolve(settings.SourceDialect, config, stderr) is not { } dialect) return (null, ExitCodes.Usage, null, null);
        if (inputs.Count == 0) inputs = config?.Schema ?? [];
        if (inputs.Count == 0)
        {
            stderr.WriteLine("schemafirst: name the schema files (e.g. schema/) or a database URL, or list them under 'schema:' in schemafirst.yaml");
            return (null, ExitCodes.Usage, null, null);
        }
        var captured = new StringWriter();
        var loader = new SchemaSourceLoader(live ? captured : stderr, new InspectOptions([], []), config);
        var source = await loader.LoadAsync(inputs, dialect, ct);
        if (source == null) return (null, loader.ExitCode, captured.ToString(), null);
        timings?.Lap("read the source");
        var site = DocsSite.Build(source.Model, source.Dialect, settings.SiteTitle, settings.Options);
        timings?.Lap("diagrams (Mermaid and DOT)");
        Dictionary<string, string>? svgs = null;
        if (!settings.NoSvg)
        {
            var drawn = await Graphviz.RenderAsync(site.DotDiagrams().ToList(), DotTimeout, ct);
            if (drawn.Problem != null) await stderr.WriteLineAsync("schemafirst: warning: " + drawn.Problem + "; the site is written without SVG diagrams (--no-svg says so quietly)");
            svgs = drawn.Svgs;
            timings?.Lap($"Graphviz ({svgs?.Count ?? 0} SVG)");
        }
        var dots = site.DotDiagrams().ToDictionary(d => d.Name + ".svg", d => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(d.Dot))), StringComparer.Ordinal);
        return (site.Files(svgs, live), ExitCodes.Ok, null, dots);
    }

    public static async Task<int> GenerateAsync(IReadOnlyList<string> inputs, string? outputOption, bool check, Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var docsConfig = ProjectConfig.Load(Environment.CurrentDirectory).Config?.Docs;
        if ((outputOption ?? docsConfig?.Out) is not { Length: > 0 } output)
        {
            await stderr.WriteLineAsync("schemafirst: name the folder to write the site into with -o (e.g. -o docs/schema), or set docs: out: in schemafirst.yaml");
            return ExitCodes.Usage;
        }
        if (settings.Title == null && docsConfig?.Title is { } configuredTitle) settings = settings with { Title = configuredTitle };
        var timings = new PhaseTimer(stderr);
        var (files, code, _, dotsOrNull) = await BuildAsync(inputs, settings, stderr, false, ct, timings);
        if (files == null) return code;
        var dots = dotsOrNull ?? [];

        var manifestPath = Path.Combine(output, Manifest);
        // The manifest names what the last run wrote; only plain file names in the folder are taken from it, so an edited
        // manifest cannot point a deletion outside the folder.
        var manifestLines = File.Exists(manifestPath) ? (await File.ReadAllLinesAsync(manifestPath, ct)).Select(l => l.Split('\t')).ToList() : [];
        var previous = manifestLines.Select(l => l[0]).Where(l => l.Length > 0 && l == Path.GetFileName(l) && l != ".." && l != ".").ToList();
        var previousDots = manifestLines.Where(l => l.Length == 2).ToDictionary(l => l[0], l => l[1], StringComparer.Ordinal);
        var names = new System.Collections.Concurrent.ConcurrentBag<string>();
        var stale = new System.Collections.Concurrent.ConcurrentBag<string>();
        if (!check) Directory.CreateDirectory(output);
        // Pages are made one at a time and written (or compared) on both cores as they come, with plain synchronous I/O:
        // a large site is never held in memory whole, and a file that already holds the bytes is left alone.
        foreach (var f in files)
        {
            ct.ThrowIfCancellationRequested();
            names.Add(f.Path);
            var full = Path.Combine(output, f.Path);
            var bytes = Encoding.UTF8.GetBytes(f.Text);
            // An SVG's bytes depend on the Graphviz that drew it; --check compares the diagram it was drawn from instead,
            // so a folder generated on another machine is not stale for that alone.
            var same = check && f.Path.EndsWith(".svg", StringComparison.Ordinal) && dots.TryGetValue(f.Path, out var dot) && File.Exists(full)
                ? previousDots.GetValueOrDefault(f.Path) == dot
                : File.Exists(full) && new FileInfo(full).Length == bytes.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes);
            if (same) continue;
            if (check) stale.Add(f.Path);
            else File.WriteAllBytes(full, bytes);
        }
        var written = names.Order(StringComparer.Ordinal).ToList();
        var current = written.ToHashSet(StringComparer.Ordinal);
        var gone = previous.Where(p => !current.Contains(p) && File.Exists(Path.Combine(output, p))).Order(StringComparer.Ordinal).ToList();
        timings.Lap(check ? "compare" : "pages, written");
        if (check)
        {
            if (stale.IsEmpty && gone.Count == 0) return ExitCodes.Ok;
            static string Some(List<string> list) => string.Join(", ", list.Take(5)) + (list.Count > 5 ? ", ..." : string.Empty);
            var what = new List<string>();
            if (!stale.IsEmpty) what.Add($"{Rendering.PlanSqlWriter.Count(stale.Count, "file")} missing or different: {Some(stale.Order(StringComparer.Ordinal).ToList())}");
            if (gone.Count > 0) what.Add($"{Rendering.PlanSqlWriter.Count(gone.Count, "file")} the site no longer has: {Some(gone)}");
            await stderr.WriteLineAsync($"{output}: out of date ({string.Join("; ", what)}); run 'schemafirst generate docs ... -o {output}' and commit the result");
            return ExitCodes.Changes;
        }
        foreach (var path in gone) File.Delete(Path.Combine(output, path));
        await PlanCommand.WriteFileAsync(manifestPath, string.Concat(written.Select(p => p + (dots.TryGetValue(p, out var d) ? "\t" + d : string.Empty) + "\n")), ct);
        await stderr.WriteLineAsync($"schemafirst: wrote the docs site to {output} ({Rendering.PlanSqlWriter.Count(written.Count, "file")}; open {Path.Combine(output, "index.html")} or {Path.Combine(output, "README.md")})");
        return ExitCodes.Ok;
    }

    public static async Task<int> ServeAsync(IReadOnlyList<string> inputs, int port, Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (inputs.Any(i => DatabaseUrl.HasDatabaseScheme(i) || Loading.GitFiles.IsGitSpec(i)))
        {
            await stderr.WriteLineAsync("schemafirst: serve watches files; for a database or a git revision, use 'generate docs'");
            return ExitCodes.Usage;
        }
        var config = ProjectConfig.Load(Environment.CurrentDirectory).Config;
        if (inputs.Count == 0 && config?.Schema is { Count: > 0 } configured) inputs = configured;
        if (settings.Title == null && config?.Docs?.Title is { } configuredTitle) settings = settings with { Title = configuredTitle };
        var state = new LiveSite();
        var gate = new SemaphoreSlim(1, 1);
        var requested = 0;
        async Task RebuildAsync()
        {
            // One build at a time; a save during a build asks for one more, and only the newest result is shown.
            var ticket = Interlocked.Increment(ref requested);
            await gate.WaitAsync(ct);
            try
            {
                if (ticket != Volatile.Read(ref requested)) return;
                var (files, _, diagnostics, _) = await BuildAsync(inputs, settings, TextWriter.Null, true, ct);
                state.Set(files?.ToList(), diagnostics, settings.SiteTitle);
                Graphviz.Trim();
            }
            finally
            {
                gate.Release();
            }
        }
        await RebuildAsync();
        if (port == 0)
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            listener.Start();
        }
        catch (HttpListenerException e)
        {
            await stderr.WriteLineAsync($"schemafirst: cannot listen on 127.0.0.1:{port}: {e.Message}");
            return ExitCodes.Runtime;
        }
        using var watchers = Watch(inputs, () => _ = RebuildAsync());
        await stdout.WriteLineAsync($"Serving the docs of {string.Join(" ", inputs)} at http://127.0.0.1:{port}/ (pages redraw when a .sql file is saved; Ctrl+C stops)");
        await stdout.FlushAsync(ct);
        using var stop = ct.Register(listener.Stop);
        while (!ct.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (HttpListenerException)
            {
                break;
            }
            _ = Task.Run(() => state.Answer(context), ct);
        }
        return ExitCodes.Ok;
    }

    /// <summary>Watches the folders of the inputs for .sql files changing; bursts of events (an editor's save) become one rebuild.</summary>
    private static Watchers Watch(IReadOnlyList<string> inputs, Action changed)
    {
        var result = new Watchers(changed);
        foreach (var input in inputs)
        {
            var head = input.Contains('*', StringComparison.Ordinal) ? input[..input.IndexOf('*', StringComparison.Ordinal)] : input;
            var full = Path.GetFullPath(head.Length == 0 ? "." : head);
            var dir = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
            if (dir == null || !Directory.Exists(dir)) continue;
            result.Add(dir);
        }
        return result;
    }

    private sealed class Watchers(Action changed) : IDisposable
    {
        private readonly List<FileSystemWatcher> _watchers = [];
        private Timer? _debounce;

        public void Add(string dir)
        {
            var w = new FileSystemWatcher(dir, "*.sql") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            w.Changed += (_, _) => Poke();
            w.Created += (_, _) => Poke();
            w.Deleted += (_, _) => Poke();
            w.Renamed += (_, _) => Poke();
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }

        private void Poke()
        {
            lock (_watchers)
            {
                _debounce?.Dispose();
                _debounce = new Timer(_ => changed(), null, 150, Timeout.Infinite);
            }
        }

        public void Dispose()
        {
            foreach (var w in _watchers) w.Dispose();
            _debounce?.Dispose();
        }
    }

    /// <summary>The site serve answers with: the files of the last good build, or the diagnostics of a broken source.</summary>
    private sealed class LiveSite
    {
        private Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
        private string? _errors;
        private string _title = "Database schema";
        private int _version;

        public void Set(IReadOnlyList<(string Path, string Text)>? files, string? errors, string title)
        {
            lock (this)
            {
                if (files != null) _files = files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal);
                _errors = files == null ? errors ?? "the source could not be read" : null;
                _title = title;
                _version++;
            }
        }

        public void Answer(HttpListenerContext context)
        {
            var path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
            byte[]? body;
            string type;
            lock (this)
            {
                if ("/" + path == Rendering.Docs.DocsSite.LiveVersionPath)
                {
                    body = Encoding.UTF8.GetBytes(_version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    type = "text/plain";
                }
                else
                {
                    if (path.Length == 0) path = "index.html";
                    type = Path.GetExtension(path) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".css" => "text/css; charset=utf-8",
                        ".js" => "text/javascript; charset=utf-8",
                        ".svg" => "image/svg+xml",
                        ".json" => "application/json",
                        ".md" => "text/markdown; charset=utf-8",
                        _ => "application/octet-stream",
                    };
                    body = _errors != null && path.EndsWith(".html", StringComparison.Ordinal)
                        ? Encoding.UTF8.GetBytes(Rendering.Docs.DocsSite.ErrorPage(_title, _errors))
                        : _files.GetValueOrDefault(path);
                }
            }
            try
            {
                context.Response.StatusCode = body == null ? 404 : 200;
                context.Response.ContentType = body == null ? "text/plain" : type;
                context.Response.Headers["Cache-Control"] = "no-store";
                body ??= Encoding.UTF8.GetBytes("not found: " + path);
                context.Response.ContentLength64 = body.Length;
                context.Response.OutputStream.Write(body);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The browser went away; nothing to answer.
            }
        }
    }
}
