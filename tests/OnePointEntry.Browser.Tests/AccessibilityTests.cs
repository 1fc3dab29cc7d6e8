using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests;

/// <summary>axe-core's automated checks (WCAG 2.x A/AA and best practices) and the form used by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task The_form_has_no_accessibility_violations(string language)
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language);

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }

    [Theory]
    [InlineData("da")]
    [InlineData("zh")]
    public async Task The_form_showing_errors_has_no_accessibility_violations(string language)
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language);
        await form.Field("contactEmail").FillAsync("office@example");
        await form.SubmitAsync();
        Assert.Empty(form.ConsoleErrors);
        await Expect(form.Page.Locator("#error-summary")).ToBeVisibleAsync();

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task The_pages_the_server_sends_back_to_a_plain_form_post_have_no_accessibility_violations()
    {
        // axe runs as a script, so the page's own script stays on; the form is sent the way a browser without
        // it sends it (a native submit, which the script does not see), and the server answers with pages.
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "en");
        var organisation = EnquiryFormPage.UniqueOrganisation("Shenzhen Municipal Bureau");
        await form.FillValidAsync(organisation);
        await form.Field("contactEmail").FillAsync(string.Empty);
        await form.Page.EvaluateAsync("() => document.getElementById('enquiry-form').submit()");
        await Expect(form.ErrorOf("contactEmail")).ToHaveTextAsync("Fill in this field.");
        Assert.DoesNotContain(form.Posts, post => post.Headers.ContainsKey("idempotency-key"));

        Assert.Empty(await form.AccessibilityViolationsAsync());

        await form.Field("contactEmail").FillAsync("office@example.cn");
        await form.Page.EvaluateAsync("() => document.getElementById('enquiry-form').submit()");
        await Expect(form.Page.Locator("h1")).ToHaveTextAsync("Thank you – we have received your enquiry");
        await form.ReferenceAsync();

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task The_result_shown_by_the_script_has_no_accessibility_violations()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "zh");
        await form.FillValidAsync(EnquiryFormPage.UniqueOrganisation("Qingdao Port Authority"));
        await form.SubmitAsync();
        await form.ReferenceAsync();

        Assert.Empty(await form.AccessibilityViolationsAsync());
    }

    [Fact]
    public async Task Tab_reaches_every_field_in_order_and_never_the_honeypot()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "en");
        var visited = new List<string>();
        for (var i = 0; i < 80 && !visited.Contains("send"); i++)
        {
            await form.Page.Keyboard.PressAsync("Tab");
            var id = await form.FocusedIdAsync();
            // A date input takes one Tab for each of its parts.
            if (visited.Count == 0 || visited[^1] != id)
            {
                visited.Add(id);
            }
        }

        Assert.DoesNotContain("website", visited);
        var fields = visited.Where(id => id.Length > 0 && !id.StartsWith("theme-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["organisation", "country", "city", "referredBy", "delegationSize", "arrivalDate", "departureDate", "purpose", "contactName", "contactEmail", "phone", "send"],
            fields);
        Assert.Equal(15, visited.Count(id => id.StartsWith("theme-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Someone_using_only_the_keyboard_fills_in_and_sends_the_form()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "en");
        var organisation = EnquiryFormPage.UniqueOrganisation("Harbin Institute");
        var keyboard = form.Page.Keyboard;

        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 80 && await form.FocusedIdAsync() != id; i++)
            {
                await keyboard.PressAsync("Tab");
            }

            Assert.Equal(id, await form.FocusedIdAsync());
        }

        await TabToAsync("organisation");
        await keyboard.TypeAsync(organisation);
        await TabToAsync("country");
        await keyboard.TypeAsync("China");
        await Expect(form.Field("country")).ToHaveValueAsync("CN");
        await TabToAsync("purpose");
        await keyboard.TypeAsync("Visit to learn about elderly care and welfare technology.");
        await TabToAsync("theme-welfare-eldercare");
        await keyboard.PressAsync("Space");
        await Expect(form.Field("theme-welfare-eldercare")).ToBeCheckedAsync();
        await TabToAsync("contactEmail");
        await keyboard.TypeAsync("study.trip@example.cn");
        await TabToAsync("send");
        await keyboard.PressAsync("Enter");

        var reference = await form.ReferenceAsync();
        await Expect(form.Page.Locator("#result-title")).ToBeFocusedAsync();
        Assert.Equal(reference, Assert.Single(await form.StoredAsync(organisation)).RowKey);
    }
}
