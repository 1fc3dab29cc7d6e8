using System.Text.Json;
using Azure.Data.Tables;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;

namespace OnePointEntry.Browser.Tests;

/// <summary>The web form open in a browser tab of its own, with what the tests do to it and read from it.</summary>
public sealed class EnquiryFormPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _dialogs = [];
    private readonly List<IRequest> _posts = [];

    private EnquiryFormPage(IBrowserContext context, IPage page, FunctionAppFixture app)
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
        page.Dialog += (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/enquiries", StringComparison.Ordinal))
            {
                _posts.Add(request);
            }
        };
    }

    public IPage Page { get; }

    public FunctionAppFixture App { get; }

    /// <summary>Console errors, among them every Content-Security-Policy violation the browser reports.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Alerts and other dialogs any script opened: an injected script would show up here.</summary>
    public IReadOnlyList<string> Dialogs => _dialogs;

    /// <summary>Every POST the page sent to the API.</summary>
    public IReadOnlyList<IRequest> Posts => _posts;

    public static async Task<EnquiryFormPage> OpenAsync(BrowserFixture browser, FunctionAppFixture app, string? language, bool javaScript = true, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var context = await browser.NewContextAsync(javaScript, locale);
        var page = await context.NewPageAsync();
        var form = new EnquiryFormPage(context, page, app);
        var response = await page.GotoAsync(new Uri(app.Host.BaseUrl, language is null ? "api/form" : $"api/form?lang={language}").AbsoluteUri);
        Assert.Equal(200, response!.Status);
        return form;
    }

    public static string UniqueOrganisation(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    public ILocator Field(string id) => Page.Locator("#" + id);

    public ILocator ErrorOf(string field) => Page.Locator($"#{field}-error");

    public async Task FillValidAsync(string organisation, string purpose = "Study visit on district heating, wind power and the fur industry.")
    {
        await Field("organisation").FillAsync(organisation);
        await Field("country").SelectOptionAsync("CN");
        await Field("city").FillAsync("辽阳");
        await Field("delegationSize").FillAsync("6");
        await Field("arrivalDate").FillAsync("2027-03-10");
        await Field("departureDate").FillAsync("2027-03-12");
        await Field("purpose").FillAsync(purpose);
        await Field("theme-fur-industry").CheckAsync();
        await Field("contactEmail").FillAsync("office@example.cn");
    }

    public Task SubmitAsync() => Page.Locator("#send").ClickAsync();

    /// <summary>The reference the page shows once the enquiry is taken.</summary>
    public async Task<string> ReferenceAsync()
    {
        var reference = Page.Locator("#reference");
        await Assertions.Expect(reference).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^OPE-[0-9]{4}-[0-9A-Z]{4}$"));
        return (await reference.TextContentAsync())!;
    }

    public Task<string> FocusedIdAsync() => Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

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

    // The worklist index's rows in the Enquiries table (EnquiryEntityMapper.WorkRowPrefix, internal to the app).
    private const string WorkRowPrefix = "work-";

    /// <summary>The enquiries stored with <paramref name="organisation"/>, straight from the table.</summary>
    public async Task<List<TableEntity>> StoredAsync(string organisation)
    {
        var table = App.Tables.GetTableClient("Enquiries");
        // The enquiries themselves: once screened, an enquiry's line in the worklist's index names the organisation too.
        return await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Organisation eq {organisation}"))
            .Where(row => !row.RowKey.StartsWith(WorkRowPrefix, StringComparison.Ordinal))
            .ToListAsync();
    }

    /// <summary>The enquiry as staff see it at the status endpoint once screening has passed it on.</summary>
    public Task<JsonElement> ScreenedAsync(string reference) => App.WaitForStatusAsync(reference, "Routed");

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
