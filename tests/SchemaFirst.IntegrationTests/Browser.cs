using Microsoft.Playwright;
using SchemaFirst.Tests;

namespace SchemaFirst.IntegrationTests;

/// <summary>
/// Represents Debian's chromium driven by Playwright (never a downloaded browser): started once for the test run, with
/// the flags this machine's closed network needs. Tests that need it skip when it is missing, and fail under CI=true.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static string? SkipReason => File.Exists(ExecutablePath) || Environment.GetEnvironmentVariable("CI") == "true"
        ? null : $"no browser at {ExecutablePath} (scripts/test.sh installs Debian's chromium)";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where screenshots go: kept after the run as artifacts.</summary>
    public static string Artifacts { get; } = Path.Combine(TestPaths.Root, ".tmp", "artifacts");

    public async Task InitializeAsync()
    {
        if (SkipReason != null) return;
        Assert.True(File.Exists(ExecutablePath), $"the browser is missing at {ExecutablePath}; scripts/test.sh installs Debian's chromium");
        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance != null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>
/// Represents the browser tests' collection: run alone, after the others, so a page's load is not timed against the
/// corpus tests that keep both cores busy.
/// </summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Browser>;

/// <summary>A test that needs the browser (see <see cref="Browser.SkipReason"/>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.SkipReason is { } reason) Skip = reason;
    }
}
