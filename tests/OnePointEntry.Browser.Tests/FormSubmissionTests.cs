using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FormSubmissionTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("zh", "zh-Hans", "提交申请", "谢谢！我们已收到您的申请", "接下来", "One-Point Entry 的工作人员将在两个工作日内阅读您的申请。")]
    [InlineData("da", "da", "Send henvendelse", "Tak – vi har modtaget jeres henvendelse", "Det sker der nu", "En medarbejder i One-Point Entry læser jeres henvendelse inden for to arbejdsdage.")]
    [InlineData("en", "en", "Send enquiry", "Thank you – we have received your enquiry", "What happens next", "A member of the One-Point Entry team reads your enquiry within two working days.")]
    public async Task A_delegation_sends_the_form_in_its_language_sees_the_reference_and_what_happens_next_and_staff_see_it_screened(
        string language, string htmlLang, string submit, string thanks, string next, string firstStep)
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language);
        var organisation = EnquiryFormPage.UniqueOrganisation("Liaoyang Municipal People's Government");
        Assert.Equal(htmlLang, await form.Page.Locator("html").GetAttributeAsync("lang"));

        await form.FillValidAsync(organisation);
        await form.Page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();

        var reference = await form.ReferenceAsync();
        await Expect(form.Page.Locator("#result-title")).ToHaveTextAsync(thanks);
        await Expect(form.Page.Locator("#result-title")).ToBeFocusedAsync();
        await Expect(form.Page.GetByRole(AriaRole.Heading, new() { Name = next })).ToBeVisibleAsync();
        await Expect(form.Page.Locator("#result ol li").First).ToHaveTextAsync(firstStep);
        await Expect(form.Page.Locator("#enquiry-form")).ToBeHiddenAsync();
        await Expect(form.Page.Locator("#announcer")).ToContainTextAsync(reference);

        var stored = Assert.Single(await form.StoredAsync(organisation));
        Assert.Equal(reference, stored.RowKey);
        Assert.Equal(language, stored.GetString("Language"));
        var screened = await form.ScreenedAsync(reference);
        Assert.Equal("CN", screened.GetProperty("country").GetString());
        Assert.Equal("Liaoyang", screened.GetProperty("city").GetString());
        Assert.Contains("fur-industry", screened.GetProperty("themes").EnumerateArray().Select(theme => theme.GetString()));
        Assert.Equal("Screened", screened.GetProperty("history")[0].GetProperty("to").GetString());
        Assert.Empty(form.ConsoleErrors);
    }

    [Fact]
    public async Task Without_javascript_the_form_posts_itself_and_the_answer_is_a_page_with_the_reference()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "zh", javaScript: false);
        var organisation = EnquiryFormPage.UniqueOrganisation("辽阳市人民政府");

        await form.FillValidAsync(organisation, "我们希望了解皮草产业和貂皮拍卖，并拜访格洛斯楚普市。");
        await form.SubmitAsync();

        await Expect(form.Page).ToHaveURLAsync(new Uri(app.Host.BaseUrl, "api/enquiries").AbsoluteUri);
        await Expect(form.Page.Locator("h1")).ToHaveTextAsync("谢谢！我们已收到您的申请");
        await Expect(form.Page).ToHaveTitleAsync("谢谢！我们已收到您的申请");
        var reference = await form.ReferenceAsync();
        Assert.Equal(reference, Assert.Single(await form.StoredAsync(organisation)).RowKey);
        Assert.Equal("Screened", (await form.ScreenedAsync(reference)).GetProperty("history")[0].GetProperty("to").GetString());

        // The way back keeps the language.
        await form.Page.GetByRole(AriaRole.Link, new() { Name = "提交新的申请" }).ClickAsync();
        await Expect(form.Page.Locator("#send")).ToHaveTextAsync("提交申请");
    }

    [Fact]
    public async Task A_double_click_sends_one_request_with_an_idempotency_key_and_stores_one_enquiry()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, "en");
        var organisation = EnquiryFormPage.UniqueOrganisation("Jiaxing Bureau of Commerce");
        await form.FillValidAsync(organisation);

        await form.Page.Locator("#send").DblClickAsync();

        var reference = await form.ReferenceAsync();
        var post = Assert.Single(form.Posts);
        var headers = await post.AllHeadersAsync();
        Assert.Matches("^[0-9a-f]{32}$", headers["idempotency-key"]);
        Assert.Equal("application/json", headers["accept"]);
        Assert.Equal(reference, Assert.Single(await form.StoredAsync(organisation)).RowKey);
    }

    [Fact]
    public async Task The_language_switcher_and_the_browsers_language_choose_the_page()
    {
        await using var form = await EnquiryFormPage.OpenAsync(browser, app, language: null, locale: "zh-CN");
        await Expect(form.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(form.Page.Locator("#country option[value=CN]")).ToHaveTextAsync("中国");

        await form.Page.GetByRole(AriaRole.Link, new() { Name = "Dansk" }).ClickAsync();

        await Expect(form.Page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(form.Page.Locator("label[for=country]")).ToContainTextAsync("Land");
        await Expect(form.Page.Locator("#country option[value=CN]")).ToHaveTextAsync("Kina");
        await Expect(form.Page.Locator("label[for=theme-fur-industry]")).ToHaveTextAsync("Pelsbranchen");
        await Expect(form.Page.Locator("a[aria-current=true]")).ToHaveTextAsync("Dansk");
    }
}
