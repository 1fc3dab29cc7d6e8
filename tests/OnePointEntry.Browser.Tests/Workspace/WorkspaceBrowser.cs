using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>
/// A browser profile of its own in the staff workspace: signed in through the local host's sign-in (App Service
/// Authentication played locally, as <see cref="FunctionAppFixture.SignedInStaff"/>, a team lead), with what the
/// tests do to the pages and read from them.
/// </summary>
public sealed class WorkspaceBrowser : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    private WorkspaceBrowser(IBrowserContext context, IPage page, FunctionAppFixture app)
    {
        _context = context;
        Page = page;
        App = app;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    public FunctionAppFixture App { get; }

    public IAPIRequestContext Api => _context.APIRequest;

    /// <summary>Console errors, among them every Content-Security-Policy violation the browser reports.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>A fresh profile, not signed in.</summary>
    public static async Task<WorkspaceBrowser> OpenAsync(BrowserFixture browser, FunctionAppFixture app, bool javaScript = true)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var context = await browser.NewContextAsync(javaScript);
        return new WorkspaceBrowser(context, await context.NewPageAsync(), app);
    }

    /// <summary>A fresh profile that signed in as a browser does: the sign-in page sets the session cookie and comes back to the worklist.</summary>
    public static async Task<WorkspaceBrowser> SignedInAsync(BrowserFixture browser, FunctionAppFixture app, bool javaScript = true)
    {
        var workspace = await OpenAsync(browser, app, javaScript);
        var response = await workspace.Page.GotoAsync(workspace.Url("/.auth/login/aad?post_login_redirect_uri=/api/workspace"));
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/api/workspace", workspace.Page.Url, StringComparison.Ordinal);
        return workspace;
    }

    public string Url(string pathAndQuery) => new Uri(App.Host.BaseUrl, pathAndQuery).AbsoluteUri;

    public async Task<IResponse> GotoAsync(string pathAndQuery) => (await Page.GotoAsync(Url(pathAndQuery)))!;

    public Task<IResponse> WorklistAsync(string language = "en", string query = "") => GotoAsync($"/api/workspace?lang={language}{query}");

    public Task<IResponse> EnquiryAsync(string reference, string language = "en") => GotoAsync($"/api/workspace/enquiries/{reference}?lang={language}");

    public ILocator Field(string id) => Page.Locator("#" + id);

    /// <summary>Clicks <paramref name="button"/> and returns the answer to the form's post (before any redirect is followed).</summary>
    /// <remarks>
    /// Waits for the answer's document by the main frame's navigated event, subscribed before the click, and then
    /// polls the page until it is parsed. Waiting with <c>WaitForLoadStateAsync</c> right after the answer raced:
    /// the client looks at its load states and then subscribes, and a DOMContentLoaded arriving between the two was
    /// missed (CI waited 30 s while the page had long loaded).
    /// </remarks>
    public async Task<IResponse> PostByAsync(string button)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == Page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }

        Page.FrameNavigated += OnNavigated;
        try
        {
            var response = await Page.RunAndWaitForResponseAsync(
                () => Field(button).ClickAsync(),
                response => response.Request.Method == "POST");
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Page.WaitForFunctionAsync("() => document.readyState !== 'loading'");
            return response;
        }
        finally
        {
            Page.FrameNavigated -= OnNavigated;
        }
    }

    public Task<string> FocusedIdAsync() => Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    /// <summary>
    /// A new enquiry that needs a person, as staff get one every morning: a mail with too little to screen (no
    /// theme, three words; the subject, which counts as text, only digits), from a domain of its own, found in the
    /// worklist through the staff API.
    /// </summary>
    public Task<(string Reference, string Domain)> ManualReviewEnquiryAsync() =>
        MailEnquiryAsync("Content-Type: text/plain; charset=utf-8\r\n\r\nVisit next spring?\r\n");

    /// <summary>
    /// A mail from a domain of its own with <paramref name="content"/> (its content headers, a blank line and its
    /// body), in manual review for its three words, found in the worklist through the staff API.
    /// </summary>
    public async Task<(string Reference, string Domain)> MailEnquiryAsync(string content)
    {
        // A generic top-level domain: a country's would be read as a hint of the home country.
        var domain = $"w{Guid.NewGuid():N}"[..10] + ".example.com";
        await App.StandIn.DeliverAsync($"""
            From: Zhou Min <zhou.min@{domain}>
            To: {App.StandIn.Mailbox}
            Subject: {System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 99_999_999)}
            Message-ID: <{Guid.NewGuid():N}@{domain}>
            Date: {DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture)}
            MIME-Version: 1.0

            """.ReplaceLineEndings("\r\n") + content);

        string? reference = null;
        Assert.True(
            await FunctionAppFixture.WaitForAsync(async () =>
            {
                var response = await Api.GetAsync(Url($"/api/staff/enquiries?state=ManualReview&q={domain}"));
                if (response.Status != 200)
                {
                    return false;
                }

                var entries = (await response.JsonAsync())!.Value.GetProperty("entries");
                reference = entries.GetArrayLength() == 1 ? entries[0].GetProperty("reference").GetString() : null;
                return reference is not null;
            }),
            $"The mail from {domain} did not reach the worklist.{Environment.NewLine}{App.Host.Output}");
        return (reference!, domain);
    }

    /// <summary>The enquiry as the staff API shows it.</summary>
    public async Task<JsonElement> StaffViewAsync(string reference)
    {
        var response = await Api.GetAsync(Url($"/api/staff/enquiries/{reference}"));
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    public static string? FactOf(JsonElement enquiry, string name) =>
        enquiry.GetProperty("facts").EnumerateArray().Single(fact => fact.GetProperty("name").GetString() == name).GetProperty("value").GetString();

    /// <summary>axe-core's WCAG 2.x A and AA rules and its best practices over the whole page; the violations, described.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var results = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        return [.. results.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString() ?? node.Html))}")];
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
