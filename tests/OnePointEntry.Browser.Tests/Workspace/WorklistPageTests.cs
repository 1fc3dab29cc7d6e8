using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The worklist page: how much work per state, each state's list, the filters and what happens with a filter that cannot be used.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistPageTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_mail_in_manual_review_is_counted_and_listed_and_the_search_finds_it_by_the_senders_domain()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, domain) = await workspace.ManualReviewEnquiryAsync();

        var response = await workspace.WorklistAsync();
        Assert.Equal(200, response.Status);
        await Expect(workspace.Page.Locator("h1")).ToHaveTextAsync("What needs you");
        var count = workspace.Page.Locator("#count-ManualReview .count");
        Assert.True(int.Parse((await count.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await Expect(workspace.Field("count-ManualReview")).ToContainTextAsync("Manual review");

        await workspace.Field("count-ManualReview").ClickAsync();
        await Expect(workspace.Field("count-ManualReview")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(workspace.Field("filter-state")).ToHaveValueAsync("ManualReview");
        await Expect(workspace.Page.Locator("#worklist tbody tr").First).ToBeVisibleAsync();

        await workspace.Field("filter-q").FillAsync(domain);
        await workspace.Field("apply-filters").ClickAsync();

        var rows = workspace.Page.Locator("#worklist tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator("th")).ToHaveTextAsync(reference);
        await Expect(rows.First).ToContainTextAsync("Manual review");
        await Expect(workspace.Field("count-ManualReview").Locator(".count")).ToHaveTextAsync("1");
        await Expect(workspace.Field("total")).ToHaveTextAsync("1 enquiries match.");
        Assert.Contains($"q={domain}", workspace.Page.Url, StringComparison.Ordinal);

        await rows.First.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(workspace.Page.Locator("h1")).ToHaveTextAsync($"Enquiry {reference}");
        await Expect(workspace.Field("status")).ToHaveTextAsync("Needs manual review");
        Assert.Empty(workspace.ConsoleErrors);
    }

    [Fact]
    public async Task In_danish_the_states_have_danish_names_and_a_search_that_matches_nothing_says_so()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);

        await workspace.WorklistAsync("da", "&q=" + Guid.NewGuid().ToString("N"));

        Assert.Equal("da", await workspace.Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(workspace.Field("count-ManualReview")).ToContainTextAsync("Manuel gennemgang");
        await Expect(workspace.Field("total")).ToHaveTextAsync("Ingen henvendelser passer.");
        await Expect(workspace.Page.Locator("#worklist")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Filters_that_cannot_be_used_are_named_at_the_top_and_at_their_fields_not_a_crash()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);

        var response = await workspace.WorklistAsync("en", "&month=November&country=China&state=Lost");

        Assert.Equal(400, response.Status);
        await Expect(workspace.Field("error-summary")).ToBeFocusedAsync();
        await Expect(workspace.Page.Locator("#error-summary li")).ToHaveCountAsync(3);
        await Expect(workspace.Field("filter-month-error")).ToHaveTextAsync("Write the month as yyyy-mm, e.g. 2026-11.");
        await Expect(workspace.Field("filter-month")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(workspace.Field("filter-country-error")).ToBeVisibleAsync();
        await Expect(workspace.Field("filter-state-error")).ToBeVisibleAsync();
        await Expect(workspace.Page.Locator("#error-summary a[href='#filter-month']")).ToContainTextAsync("Month received");
    }

    [Fact]
    public async Task The_screener_filter_offers_the_team_by_name_and_narrows_the_list_to_whom_it_was_routed()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        await workspace.WorklistAsync();

        await Expect(workspace.Page.Locator("#filter-screener option[value='jakob.krogh@onepointentry.example']")).ToHaveTextAsync("Jakob Krogh Andersen");
        await workspace.Field("filter-screener").SelectOptionAsync("jakob.krogh@onepointentry.example");
        await workspace.Field("apply-filters").ClickAsync();

        Assert.Contains("screener=jakob.krogh%40onepointentry.example", workspace.Page.Url, StringComparison.Ordinal);
        await Expect(workspace.Field("filter-screener")).ToHaveValueAsync("jakob.krogh@onepointentry.example");
        foreach (var row in await workspace.Page.Locator("#worklist tbody tr").AllAsync())
        {
            await Expect(row).ToContainTextAsync("jakob.krogh@onepointentry.example");
        }
    }
}
