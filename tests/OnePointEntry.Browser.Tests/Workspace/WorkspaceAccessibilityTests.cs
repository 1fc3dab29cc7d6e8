using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>axe-core's automated checks (WCAG 2.x A/AA and best practices) on the workspace's pages, in both languages, also showing errors and a conflict.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceAccessibilityTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    public async Task The_worklist_and_the_enquiry_page_have_no_accessibility_violations(string language)
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, domain) = await workspace.ManualReviewEnquiryAsync();

        await workspace.WorklistAsync(language, "&state=ManualReview&q=" + domain);
        await Expect(workspace.Page.Locator("#worklist tbody tr")).ToHaveCountAsync(1);
        Assert.Empty(await workspace.AccessibilityViolationsAsync());

        await workspace.EnquiryAsync(reference, language);
        Assert.Equal(language, await workspace.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await workspace.AccessibilityViolationsAsync());
        Assert.Empty(workspace.ConsoleErrors);
    }

    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    public async Task The_pages_showing_errors_and_a_conflict_have_no_accessibility_violations(string language)
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        await using var other = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();

        await workspace.WorklistAsync(language, "&month=13&state=Nothing");
        await Expect(workspace.Field("error-summary")).ToBeVisibleAsync();
        Assert.Empty(await workspace.AccessibilityViolationsAsync());

        await workspace.EnquiryAsync(reference, language);
        await workspace.Field("fact-delegationSize").FillAsync("9000");
        await workspace.PostByAsync("save-facts");
        await Expect(workspace.Field("error-summary")).ToBeVisibleAsync();
        Assert.Empty(await workspace.AccessibilityViolationsAsync());

        await other.EnquiryAsync(reference, language);
        await other.Field("fact-city").FillAsync("Harbin");
        await other.PostByAsync("save-facts");
        await workspace.EnquiryAsync(reference, language);
        await workspace.Field("fact-city").FillAsync("Dalian");
        await other.EnquiryAsync(reference, language);
        await other.Field("fact-city").FillAsync("Shenyang");
        await other.PostByAsync("save-facts");
        await workspace.PostByAsync("save-facts");
        await Expect(workspace.Field("conflict")).ToBeVisibleAsync();
        Assert.Empty(await workspace.AccessibilityViolationsAsync());
    }
}
