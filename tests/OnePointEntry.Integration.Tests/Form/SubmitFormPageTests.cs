using System.Text.Json;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Integration.Tests.Enquiries;

namespace OnePointEntry.Integration.Tests.Form;

/// <summary><c>POST /api/enquiries</c> from a browser without the page's script: HTML answers in the form's language.</summary>
public sealed class SubmitFormPageTests : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private readonly StorageFixture _storage = new();
    private SubmitEnquiry _function = null!;

    public Task InitializeAsync()
    {
        _function = _storage.Create<SubmitEnquiry>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    private static List<KeyValuePair<string, string>> ValidFields(string language) =>
    [
        new("language", language),
        new("organisation", "Liaoyang Municipal People's Government"),
        new("country", "CN"),
        new("city", "辽阳"),
        new("referredBy", string.Empty),
        new("delegationSize", "6"),
        new("arrivalDate", "2027-03-10"),
        new("departureDate", "2027-03-12"),
        new("purpose", "希望与格洛斯楚普市政府会面，了解毛皮产业。"),
        new("themes", "fur-industry"),
        new("contactName", string.Empty),
        new("contactEmail", "office@example.cn"),
        new("phone", string.Empty),
        new("website", string.Empty),
    ];

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, string ContentType, string Body)> PostAsync(
        IEnumerable<KeyValuePair<string, string>> fields, string accept = BrowserAccept, string? acceptLanguage = null)
    {
        var request = HttpRequests.Form(fields);
        request.Headers.Accept = accept;
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage = acceptLanguage;
        }

        return await (await _function.Run(request, CancellationToken.None)).ExecuteAsTextAsync(request);
    }

    [Theory]
    [InlineData("zh", "zh-Hans", "您的申请编号", "接下来")]
    [InlineData("da", "da", "Jeres referencenummer", "Det sker der nu")]
    [InlineData("en", "en", "Your reference", "What happens next")]
    public async Task A_browser_gets_a_page_with_the_reference_and_what_happens_next_in_the_forms_language(string language, string htmlLang, string referenceLabel, string next)
    {
        var (status, headers, contentType, html) = await PostAsync(ValidFields(language), acceptLanguage: "fr");

        Assert.Equal(202, status);
        Assert.Equal("text/html; charset=utf-8", contentType);
        var stored = Assert.Single(await _storage.StoredEnquiriesAsync());
        var reference = stored.RowKey;
        Assert.Equal($"/api/enquiries/{reference}", headers.Location.ToString());
        Assert.Contains($"<html lang=\"{htmlLang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"{referenceLabel}: <strong id=\"reference\" class=\"reference\">{reference}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($">{next}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"form?lang={language}\">", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal(language, stored.GetString("Language"));
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_come_back_at_their_fields_in_the_forms_language_with_what_was_entered_escaped()
    {
        const string Hostile = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";
        var fields = ValidFields("da")
            .Where(field => field.Key is not ("organisation" or "contactEmail" or "departureDate" or "purpose"))
            .Append(new("organisation", Hostile))
            .Append(new("contactEmail", "office@example"))
            .Append(new("departureDate", "2027-03-09"))
            .Append(new("purpose", "</textarea><script>alert(2)</script>"))
            .ToList();

        var (status, headers, contentType, html) = await PostAsync(fields);

        Assert.Equal(422, status);
        Assert.Equal("text/html; charset=utf-8", contentType);
        Assert.Empty(await _storage.StoredEnquiriesAsync());
        Assert.Contains("<title>Fejl: ", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"contactEmail-error\">Skriv en e-mailadresse som navn@eksempel.dk.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"departureDate-error\">Afrejsedatoen kan ikke ligge før ankomstdatoen.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#contactEmail\">E-mailadresse: Skriv en e-mailadresse som navn@eksempel.dk.</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" maxlength=\"254\" spellcheck=\"false\" value=\"office@example\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"organisation-error\" hidden></p>", html, StringComparison.Ordinal);

        // What was entered comes back, encoded: no markup of the sender's reaches the page.
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"CN\" selected>Kina</option>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"fur-industry\" checked>", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("text/html;q=0.5, application/json")]
    [InlineData("")]
    public async Task An_api_client_posting_a_form_still_gets_json(string accept)
    {
        var (status, _, contentType, body) = await PostAsync(ValidFields("zh"), accept);

        Assert.Equal(202, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(Assert.Single(await _storage.StoredEnquiriesAsync()).RowKey, json.RootElement.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task An_api_client_posting_invalid_form_fields_still_gets_the_problem()
    {
        var fields = ValidFields("zh").Where(field => field.Key != "organisation");

        var (status, _, contentType, body) = await PostAsync(fields, "application/json");

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["organisation"], json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_json_body_never_gets_html_whatever_it_accepts()
    {
        var request = HttpRequests.Json(SubmitEnquiryTests.ValidJson());
        request.Headers.Accept = BrowserAccept;

        var (status, _, contentType, _) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsTextAsync(request);

        Assert.Equal(202, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_language_field_the_page_follows_the_browser()
    {
        var fields = ValidFields("zh").Where(field => field.Key != "language");

        var (status, _, _, html) = await PostAsync(fields, acceptLanguage: "da-DK,da;q=0.9");

        Assert.Equal(202, status);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
    }
}
