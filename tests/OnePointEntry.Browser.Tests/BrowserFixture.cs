using Microsoft.Playwright;

namespace OnePointEntry.Browser.Tests;

/// <summary>
/// One headless Chromium for the test run: Debian's package (tools/test.sh installs it and sets
/// CHROMIUM_PATH), launched by Playwright's bundled driver, so nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string PathVariable = "CHROMIUM_PATH";

    // No background traffic: the tests must pass on a machine that reaches nothing but the app.
    private static readonly string[] s_arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"No Chromium at '{path}': run the tests with tools/test.sh, which installs Debian's chromium and sets {PathVariable}.");
        }
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = s_arguments,
        });
    }

    /// <summary>A fresh browser profile: no cookies or cache shared between tests.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, string? locale = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, Locale = locale ?? "en-GB" });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
