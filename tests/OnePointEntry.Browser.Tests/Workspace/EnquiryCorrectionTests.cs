using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The enquiry page's facts editor: corrections saved and audited, values that cannot be taken, and two people saving the same enquiry.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnquiryCorrectionTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_correction_of_country_and_sector_is_saved_shown_and_audited()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        Assert.Equal(200, (await workspace.EnquiryAsync(reference)).Status);
        await Expect(workspace.Field("message")).ToContainTextAsync("Visit next spring?");

        await workspace.Field("fact-country").SelectOptionAsync("IS");
        await workspace.Field("fact-sector").SelectOptionAsync("academic");
        var saved = await workspace.PostByAsync("save-facts");

        Assert.Equal(303, saved.Status);
        Assert.Contains("done=corrected", workspace.Page.Url, StringComparison.Ordinal);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("Your corrections are saved.");
        await Expect(workspace.Field("fact-country")).ToHaveValueAsync("IS");
        await Expect(workspace.Field("fact-sector")).ToHaveValueAsync("academic");
        await Expect(workspace.Page.Locator("label[for='fact-country'] .tag")).ToHaveTextAsync("corrected");
        await Expect(workspace.Field("fact-country-read")).ToContainTextAsync("Read by the machine: ");
        var history = workspace.Page.Locator("#history tbody tr");
        await Expect(history.Filter(new() { HasText = "→ Iceland (IS)" })).ToContainTextAsync(FunctionAppFixture.SignedInStaff);
        await Expect(history.Filter(new() { HasText = "→ Academic" })).ToHaveCountAsync(1);

        var stored = await workspace.StaffViewAsync(reference);
        Assert.Equal("IS", WorkspaceBrowser.FactOf(stored, "country"));
        Assert.Equal("academic", WorkspaceBrowser.FactOf(stored, "sector"));
        // Only what was changed is a correction: two audit rows, nothing for the fields left as they were.
        Assert.Equal(2, stored.GetProperty("history").EnumerateArray().Count(row => row.GetProperty("kind").GetString() == "correction"));
        Assert.Empty(workspace.ConsoleErrors);
    }

    [Fact]
    public async Task Values_that_cannot_be_taken_come_back_as_typed_with_an_error_summary_linked_to_each_field()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);

        await workspace.Field("fact-delegationSize").FillAsync("9000");
        await workspace.Field("fact-city").FillAsync("Harbin");
        await workspace.Field("fact-arrivalDate").FillAsync("2027-05-10");
        await workspace.Field("fact-departureDate").FillAsync("2027-05-01");
        var answer = await workspace.PostByAsync("save-facts");

        Assert.Equal(400, answer.Status);
        await Expect(workspace.Field("error-summary")).ToBeFocusedAsync();
        await Expect(workspace.Page.Locator("#error-summary a[href='#fact-delegationSize']")).ToHaveTextAsync("Delegation size: Enter a whole number from 1 to 500.");
        await Expect(workspace.Field("fact-delegationSize")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(workspace.Field("fact-delegationSize")).ToHaveValueAsync("9000");
        await Expect(workspace.Field("fact-city")).ToHaveValueAsync("Harbin");
        await Expect(workspace.Field("fact-arrivalDate")).ToHaveValueAsync("2027-05-10");
        Assert.StartsWith("Error: ", await workspace.Page.TitleAsync(), StringComparison.Ordinal);

        await workspace.Field("fact-delegationSize").FillAsync("12");
        Assert.Equal(400, (await workspace.PostByAsync("save-facts")).Status);
        await Expect(workspace.Page.Locator("#error-summary a[href='#fact-departureDate']")).ToHaveTextAsync("Departure: The departure cannot be before the arrival.");

        var stored = await workspace.StaffViewAsync(reference);
        Assert.NotEqual("Harbin", WorkspaceBrowser.FactOf(stored, "city"));
        Assert.Equal(0, stored.GetProperty("history").EnumerateArray().Count(row => row.GetProperty("kind").GetString() == "correction"));

        // Corrected, the rest is saved on the version first loaded.
        await workspace.Field("fact-departureDate").FillAsync("2027-05-12");
        Assert.Equal(303, (await workspace.PostByAsync("save-facts")).Status);
        await Expect(workspace.Field("fact-city")).ToHaveValueAsync("Harbin");
        await Expect(workspace.Field("fact-delegationSize")).ToHaveValueAsync("12");
        await Expect(workspace.Field("fact-departureDate")).ToHaveValueAsync("2027-05-12");
    }

    [Fact]
    public async Task When_two_people_save_the_same_enquiry_the_second_sees_both_values_saves_nothing_and_can_save_again()
    {
        await using var first = await WorkspaceBrowser.SignedInAsync(browser, app);
        await using var second = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await first.ManualReviewEnquiryAsync();
        await first.EnquiryAsync(reference);
        await second.EnquiryAsync(reference);

        await first.Field("fact-country").SelectOptionAsync("SE");
        Assert.Equal(303, (await first.PostByAsync("save-facts")).Status);

        await second.Field("fact-country").SelectOptionAsync("NO");
        await second.Field("fact-city").FillAsync("Oslo");
        var conflict = await second.PostByAsync("save-facts");

        Assert.Equal(409, conflict.Status);
        await Expect(second.Field("conflict")).ToBeFocusedAsync();
        await Expect(second.Field("conflict-title")).ToHaveTextAsync("Someone else saved this enquiry after you opened it");
        var country = second.Page.Locator("#conflict-values tbody tr").Filter(new() { HasText = "Country" });
        await Expect(country.Locator("td").Nth(0)).ToHaveTextAsync("Norway (NO)");
        await Expect(country.Locator("td").Nth(1)).ToHaveTextAsync("Sweden (SE)");
        await Expect(second.Field("fact-country")).ToHaveValueAsync("NO");
        await Expect(second.Field("fact-city")).ToHaveValueAsync("Oslo");
        await Expect(second.Field("fact-country-theirs")).ToHaveTextAsync("Saved now by someone else: Sweden (SE)");

        var stored = await second.StaffViewAsync(reference);
        Assert.Equal("SE", WorkspaceBrowser.FactOf(stored, "country"));
        Assert.NotEqual("Oslo", WorkspaceBrowser.FactOf(stored, "city"));

        // The form now holds the current version: saving again is deliberate, and it is saved.
        Assert.Equal(303, (await second.PostByAsync("save-facts")).Status);
        await Expect(second.Field("notice")).ToHaveTextAsync("Your corrections are saved.");
        var saved = await second.StaffViewAsync(reference);
        Assert.Equal("NO", WorkspaceBrowser.FactOf(saved, "country"));
        Assert.Equal("Oslo", WorkspaceBrowser.FactOf(saved, "city"));
        await Expect(second.Page.Locator("#history tbody tr").Filter(new() { HasText = "Country: Sweden (SE) → Norway (NO)" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Someone_using_only_the_keyboard_corrects_the_country_and_sector_and_saves()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);
        var keyboard = workspace.Page.Keyboard;

        async Task TabToAsync(string id)
        {
            for (var i = 0; i < 150 && await workspace.FocusedIdAsync() != id; i++)
            {
                await keyboard.PressAsync("Tab");
            }

            Assert.Equal(id, await workspace.FocusedIdAsync());
        }

        await TabToAsync("fact-country");
        await keyboard.TypeAsync("Iceland");
        await Expect(workspace.Field("fact-country")).ToHaveValueAsync("IS");
        await TabToAsync("fact-sector");
        await keyboard.TypeAsync("Academic");
        await Expect(workspace.Field("fact-sector")).ToHaveValueAsync("academic");
        await TabToAsync("fact-themes-energy-climate");
        await keyboard.PressAsync("Space");
        await TabToAsync("save-facts");
        await keyboard.PressAsync("Enter");

        await Expect(workspace.Field("notice")).ToHaveTextAsync("Your corrections are saved.");
        var stored = await workspace.StaffViewAsync(reference);
        Assert.Equal("IS", WorkspaceBrowser.FactOf(stored, "country"));
        Assert.Equal("academic", WorkspaceBrowser.FactOf(stored, "sector"));
        Assert.Equal("energy-climate", WorkspaceBrowser.FactOf(stored, "themes"));
    }

    [Fact]
    public async Task An_unknown_reference_is_a_404_page_and_a_malformed_one_a_400_page()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);

        Assert.Equal(404, (await workspace.EnquiryAsync("OPE-2611-7K3F")).Status);
        await Expect(workspace.Page.Locator("h1")).ToHaveTextAsync("No such enquiry");
        Assert.Equal(400, (await workspace.EnquiryAsync("not-a-reference")).Status);
        await Expect(workspace.Page.Locator("h1")).ToHaveTextAsync("Not a reference");
    }
}
