using Azure;
using Azure.Data.Tables;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>
/// The machine's evidence beside each fact on the enquiry's page, in a real browser: how sure it was in words, an unsure
/// value standing out in words and weight, the quoted words shown as text however hostile, and no accessibility
/// violations in either language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceTests(FunctionAppFixture app, BrowserFixture browser)
{
    private const string HostileQuote = "<script>alert('quote ran')</script><img src=x onerror=\"alert('handler ran')\"> \"8\" & 'eight'";

    [Theory]
    [InlineData("en", "Sure (95%)", "Unsure (55%), check it", "in the signature", "(read as China (CN))")]
    [InlineData("da", "Sikker (95 %)", "Usikker (55 %), tjek den", "i signaturen", "(læst som Kina (CN))")]
    public async Task Each_fact_shows_how_sure_the_machine_was_and_the_words_it_read_as_text(string language, string sure, string unsure, string signature, string readAs)
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var dialogs = new List<string>();
        workspace.Page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await WithEvidenceAsync(reference);

        await workspace.EnquiryAsync(reference, language);

        await Expect(workspace.Field("fact-country-evidence")).ToContainTextAsync(sure);
        await Expect(workspace.Field("fact-country-evidence")).ToContainTextAsync("from Dalian, China");
        await Expect(workspace.Field("fact-country-evidence")).ToContainTextAsync(readAs);
        await Expect(workspace.Field("fact-country")).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("fact-country-evidence"));
        var doubtful = workspace.Field("fact-delegationSize-evidence");
        await Expect(doubtful).ToContainTextAsync(unsure);
        await Expect(doubtful).ToContainTextAsync(signature);
        // It stands out in words, and in weight: not in colour alone.
        Assert.True(await doubtful.Locator("strong").EvaluateAsync<int>("element => parseInt(getComputedStyle(element).fontWeight, 10)") >= 700);
        // The quote is text: it shows as written and runs nothing.
        Assert.Equal(HostileQuote, await doubtful.Locator("q").TextContentAsync());
        Assert.Equal(0, await workspace.Page.Locator("#fact-delegationSize-evidence img, #fact-delegationSize-evidence script").CountAsync());
        await Expect(workspace.Field("fact-themes-water-environment")).ToHaveAttributeAsync("aria-describedby", "fact-themes-water-environment-evidence");
        await Expect(workspace.Field("fact-themes-water-environment-evidence")).ToContainTextAsync("water treatment");
        Assert.Empty(dialogs);
        Assert.Empty(await workspace.AccessibilityViolationsAsync());
        Assert.Empty(workspace.ConsoleErrors);
    }

    /// <summary>
    /// Gives the stored enquiry the evidence the extractor would have given, in the row's own format (the extractor that
    /// writes it is another change): a sure country, a region it inferred, an unsure size read from a hostile
    /// signature, and a theme.
    /// </summary>
    private async Task WithEvidenceAsync(string reference)
    {
        var month = $"20{reference.Substring(4, 2)}-{reference.Substring(6, 2)}";
        var evidence = System.Text.Json.JsonSerializer.Serialize(new object[]
        {
            new { f = "country", v = "CN", c = 0.95, q = "a delegation of 8 from Dalian, China", p = "OwnWords" },
            new { f = "region", v = "Liaoning", c = 0.9, q = (string?)null, p = "OwnWords" },
            new { f = "delegationSize", v = "8", c = 0.55, q = HostileQuote, p = "Signature" },
            new { f = "themes", v = "water-environment", c = 0.85, q = "water treatment", p = "OwnWords" },
        });
        var table = app.Tables.GetTableClient("Enquiries");
        await table.UpdateEntityAsync(new TableEntity(month, reference) { ["Evidence"] = evidence }, ETag.All, TableUpdateMode.Merge);
    }
}
