using System.Text.RegularExpressions;
using OnePointEntry.Functions.Form;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Integration.Tests.Form;

public sealed partial class ShowFormTests
{
    private readonly ShowForm _function = new(new FormAnswers(new FormPages(CountryDirectory.Default, ThemeTaxonomy.Default)));

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, string ContentType, string Body)> GetAsync(string? query, string? acceptLanguage = null)
    {
        var request = HttpRequests.Get("/api/form", query);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage = acceptLanguage;
        }

        return await _function.Run(request).ExecuteAsTextAsync(request);
    }

    [Fact]
    public async Task The_form_is_one_page_whose_only_script_and_style_carry_the_nonce_of_its_content_security_policy()
    {
        var (status, headers, contentType, html) = await GetAsync("?lang=en");

        Assert.Equal(200, status);
        Assert.Equal("text/html; charset=utf-8", contentType);
        var policy = headers.ContentSecurityPolicy.ToString();
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("no-referrer", headers["Referrer-Policy"].ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());

        // Every executable script and every style is inline and carries this response's nonce.
        var scripts = Regex.Matches(html, "<script(?<attributes>[^>]*)>").Select(match => match.Groups["attributes"].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.Contains(scripts, attributes => attributes == $" nonce=\"{nonce}\"");
        Assert.Contains(scripts, attributes => attributes.Contains("type=\"application/json\"", StringComparison.Ordinal));
        Assert.Equal([$" nonce=\"{nonce}\""], Regex.Matches(html, "<style(?<attributes>[^>]*)>").Select(match => match.Groups["attributes"].Value));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"\sstyle\s*=", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);

        // A second page has a nonce of its own.
        var (_, second, _, _) = await GetAsync("?lang=en");
        Assert.NotEqual(policy, second.ContentSecurityPolicy.ToString());
    }

    [Theory]
    [InlineData("?lang=zh", null, "zh-Hans", "提交申请", "中国")]
    [InlineData("?lang=da", "zh-CN", "da", "Send henvendelse", "Kina")]
    [InlineData(null, "zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "提交申请", "中国")]
    [InlineData(null, "da-DK,da;q=0.9", "da", "Send henvendelse", "Kina")]
    [InlineData(null, "fr-FR", "en", "Send enquiry", "China")]
    public async Task The_language_comes_from_the_query_else_from_the_browser(string? query, string? acceptLanguage, string htmlLang, string submit, string china)
    {
        var (_, headers, _, html) = await GetAsync(query, acceptLanguage);

        Assert.Contains($"<html lang=\"{htmlLang}\">", html, StringComparison.Ordinal);
        Assert.Equal(htmlLang, headers.ContentLanguage.ToString());
        Assert.Contains($">{submit}</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"CN\">{china}</option>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"language\" value=\"" + FormLanguage.Choose(query?[6..], acceptLanguage) + "\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_links_every_language_in_its_own_name_and_marks_the_current_one()
    {
        var (_, _, _, html) = await GetAsync("?lang=zh");

        Assert.Contains("<a href=\"form?lang=da\" lang=\"da\" hreflang=\"da\">Dansk</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"form?lang=en\" lang=\"en\" hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"form?lang=zh\" lang=\"zh-Hans\" hreflang=\"zh-Hans\" aria-current=\"true\">中文</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("da", "Afghanistan", "Østrig", "Åland")]
    [InlineData("da", "Afghanistan", "Zimbabwe", "Østrig")]
    [InlineData("en", "Afghanistan", "Austria", "Zimbabwe")]
    [InlineData("zh", "阿尔巴尼亚", "澳大利亚", "中国")]
    public async Task Countries_are_named_and_sorted_in_the_pages_language(string language, string first, string earlier, string later)
    {
        var (_, _, _, html) = await GetAsync("?lang=" + language);

        var names = CountryOption().Matches(html).Select(match => match.Groups["name"].Value).ToList();
        Assert.Equal(249, names.Count);
        Assert.Equal(first, names[0]);
        Assert.True(names.IndexOf(earlier) < names.IndexOf(later), $"{earlier} should come before {later} in {language}");
    }

    [Fact]
    public async Task Every_field_has_a_bound_label_and_the_honeypot_is_out_of_reach()
    {
        var (_, _, _, html) = await GetAsync("?lang=en");

        var ids = Regex.Matches(html, "<(input|select|textarea)[^>]* id=\"(?<id>[^\"]+)\"").Select(match => match.Groups["id"].Value).ToList();
        Assert.Equal(11 + 15 + 1, ids.Count);
        Assert.All(ids, id => Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal));
        Assert.Contains("<div class=\"honeypot\" aria-hidden=\"true\">", html, StringComparison.Ordinal);
        Assert.Matches("<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\" value=\"\">", html);
        Assert.Contains("<input type=\"date\" id=\"arrivalDate\" name=\"arrivalDate\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"theme-fur-industry\">Fur industry</label>", html, StringComparison.Ordinal);
        Assert.Contains("<form id=\"enquiry-form\" method=\"post\" action=\"enquiries\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("'nonce-(?<nonce>[A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<option value=\"[A-Z]{2}\"(?: selected)?>(?<name>[^<]+)</option>")]
    private static partial Regex CountryOption();
}
