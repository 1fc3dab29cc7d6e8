using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FormErrorTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("zh", "请填写此栏。", "请更正以下内容", "单位名称: 请填写此栏。")]
    [InlineData("da", "Udfyld dette felt.", "Ret venligst følgende", "Organisation: Udfyld dette felt.")]
    [InlineData("en", "Fill in this field.", "Please correct the following", "Organisation: Fill in this field.")]
    public async Task An_empty_form_shows_every_missing_field_at_the_field_announces_it_and_focuses_the_first(
        string language, string required, string summaryTitle, string firstSummaryLine)
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language);

        await form.SubmitAsync();

        foreach (var field in new[] { "organisation", "country", "contactEmail", "purpose" })
        {
            await Expect(form.ErrorOf(field)).ToHaveTextAsync(required);
            await Expect(form.Field(field)).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await Expect(form.ErrorOf("city")).ToBeHiddenAsync();
        await Expect(form.Page.Locator("#error-summary h2")).ToHaveTextAsync(summaryTitle);
        await Expect(form.Page.Locator("#error-summary-list li").First).ToHaveTextAsync(firstSummaryLine);
        await Expect(form.Field("organisation")).ToBeFocusedAsync();
        await Expect(form.Page.Locator("#announcer")).ToContainTextAsync(firstSummaryLine);
        Assert.Empty(form.Posts);

        // Fixed as it is typed.
        await form.Field("organisation").PressSequentiallyAsync("Liaoyang");
        await Expect(form.ErrorOf("organisation")).ToBeHiddenAsync();
        await Expect(form.Field("organisation")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Theory]
    [InlineData("en", "Enter an e-mail address such as name@example.com.", "The departure date cannot be before the arrival date.")]
    [InlineData("zh", "请输入有效的电子邮箱，例如 name@example.cn。", "离开日期不能早于抵达日期。")]
    public async Task Fields_are_checked_as_people_type_once_they_have_left_them(string language, string badEmail, string departureBeforeArrival)
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language);

        await form.Field("contactEmail").PressSequentiallyAsync("office@example");
        await Expect(form.ErrorOf("contactEmail")).ToBeHiddenAsync();
        await form.Page.Keyboard.PressAsync("Tab");
        await Expect(form.ErrorOf("contactEmail")).ToHaveTextAsync(badEmail);
        await Expect(form.Field("contactEmail")).ToHaveAttributeAsync("aria-describedby", "contactEmail-hint contactEmail-error");

        await form.Field("contactEmail").PressSequentiallyAsync(".cn");
        await Expect(form.ErrorOf("contactEmail")).ToBeHiddenAsync();

        await form.Field("arrivalDate").FillAsync("2027-03-12");
        await form.Field("departureDate").FillAsync("2027-03-10");
        await Expect(form.ErrorOf("departureDate")).ToHaveTextAsync(departureBeforeArrival);
        await form.Field("arrivalDate").FillAsync("2027-03-09");
        await Expect(form.ErrorOf("departureDate")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_error_only_the_server_finds_comes_back_as_problem_json_and_is_shown_at_its_field_in_the_pages_language()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "zh");
        var organisation = EnquiryFormPage.UniqueOrganisation("Atlantis Trade Office");
        await form.FillValidAsync(organisation);
        // A country the page's list does not have, as a stale page or a tampered one would send.
        await form.Page.EvaluateAsync("() => { const o = document.createElement('option'); o.value = 'XX'; o.textContent = 'XX'; document.getElementById('country').appendChild(o); }");
        await form.Field("country").SelectOptionAsync("XX");

        await form.SubmitAsync();

        await Expect(form.ErrorOf("country")).ToHaveTextAsync("请从列表中选择国家。");
        await Expect(form.Field("country")).ToBeFocusedAsync();
        await Expect(form.Page.Locator("#error-summary-list li")).ToHaveTextAsync("国家: 请从列表中选择国家。");
        var post = Assert.Single(form.Posts);
        Assert.Equal(400, (await post.ResponseAsync())!.Status);
        Assert.Empty(await form.StoredAsync(organisation));

        // Corrected, the same page sends it.
        await form.Field("country").SelectOptionAsync("CN");
        await form.SubmitAsync();
        Assert.Equal((await form.ReferenceAsync()), Assert.Single(await form.StoredAsync(organisation)).RowKey);
    }

    [Fact]
    public async Task Without_javascript_errors_come_back_at_the_fields_with_hostile_input_shown_as_text_and_never_run()
    {
        const string Hostile = "\"><script>alert('organisation')</script><img src=x onerror=alert(1)>";
        const string HostilePurpose = "</textarea><script>alert('purpose')</script>";
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "da", javaScript: false);
        await form.FillValidAsync(Hostile, HostilePurpose);
        await form.Field("contactEmail").FillAsync("office@example");

        await form.SubmitAsync();

        await Expect(form.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fejl: "));
        await Expect(form.ErrorOf("contactEmail")).ToHaveTextAsync("Skriv en e-mailadresse som navn@eksempel.dk.");
        await Expect(form.Field("contactEmail")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(form.Page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(form.Field("organisation")).ToHaveValueAsync(Hostile);
        await Expect(form.Field("purpose")).ToHaveValueAsync(HostilePurpose);
        await Expect(form.Field("country")).ToHaveValueAsync("CN");
        await Expect(form.Field("theme-fur-industry")).ToBeCheckedAsync();
        await Expect(form.Page.Locator("img")).ToHaveCountAsync(0);
        Assert.Empty(form.Dialogs);

        // The same hostile text accepted once the address is fixed; still only text on the way.
        await form.Field("contactEmail").FillAsync("office@example.dk");
        await form.SubmitAsync();
        var reference = await form.ReferenceAsync();
        Assert.Equal(reference, Assert.Single(await form.StoredAsync(Hostile)).RowKey);
        Assert.Empty(form.Dialogs);
    }
}
