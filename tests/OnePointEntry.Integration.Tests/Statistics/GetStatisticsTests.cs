using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using OnePointEntry.Functions.Statistics;
using OnePointEntry.Reports;

namespace OnePointEntry.Integration.Tests.Statistics;

public sealed class GetStatisticsTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new(seedDirectories: false);

    public async Task InitializeAsync() => await StatisticsDataSet.StoreAsync(_storage);

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task A_month_is_json_with_the_figures_the_year_earlier_the_growth_and_the_year_to_date()
    {
        var (status, headers, contentType, body) = await GetAsync("2024-02");

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions);
        Assert.Equal("2024-02", body.GetProperty("period").GetString());
        var delegations = body.GetProperty("delegationsFacilitated");
        Assert.Equal(3, delegations.GetProperty("total").GetInt32());
        Assert.Equal(2, delegations.GetProperty("byCountry").GetProperty("CN").GetInt32());
        Assert.Equal(2, delegations.GetProperty("bySector").GetProperty("public").GetInt32());
        Assert.Equal(1, delegations.GetProperty("byLevel").GetProperty("provincial").GetInt32());
        Assert.Equal(1, delegations.GetProperty("byTheme").GetProperty("energy-climate").GetInt32());
        Assert.Equal(4, body.GetProperty("enquiriesReceived").GetProperty("total").GetInt32());
        Assert.Equal("2023-02", body.GetProperty("previous").GetProperty("period").GetString());
        Assert.Equal(2, body.GetProperty("previous").GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        Assert.Equal(0.5, body.GetProperty("growth").GetProperty("total").GetDouble());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("growth").GetProperty("byCountry").GetProperty("US").ValueKind);
        Assert.Equal("2024-01..2024-02", body.GetProperty("yearToDate").GetProperty("period").GetString());
    }

    [Fact]
    public async Task A_year_has_no_year_to_date()
    {
        var (status, _, _, body) = await GetAsync("2023");

        Assert.Equal(200, status);
        Assert.Equal(4, body.GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("growth").GetProperty("total").ValueKind);
        Assert.False(body.TryGetProperty("yearToDate", out _));
    }

    [Fact]
    public async Task The_html_report_is_self_contained_and_its_style_alone_is_allowed()
    {
        var (status, headers, body) = await GetRawAsync("2024-02", "html");

        Assert.Equal(200, status);
        Assert.Equal("text/html; charset=utf-8", headers.ContentType.ToString());
        Assert.Equal(StatisticsViews.HtmlContentSecurityPolicy, headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        var html = Encoding.UTF8.GetString(body);
        Assert.Contains("<title>Delegation statistics February 2024</title>", html, StringComparison.Ordinal);
        Assert.Contains("3 delegations facilitated, up 50.0% from 2 in February 2023", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-02")]
    [InlineData("2024")]
    public async Task The_chart_is_a_png(string period)
    {
        var (status, headers, body) = await GetRawAsync(period, "png");

        Assert.Equal(200, status);
        Assert.Equal("image/png", headers.ContentType.ToString());
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, body[..4]);
    }

    [Fact]
    public async Task A_year_report_in_html_has_the_chart_of_its_24_months()
    {
        var (_, _, body) = await GetRawAsync("2024", "html");

        var html = Encoding.UTF8.GetString(body);
        Assert.Contains("<h2 id=\"year\">2024</h2>", html, StringComparison.Ordinal);
        Assert.Contains("from January 2023 to December 2024", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-13", null, "invalid-statistics-period")]
    [InlineData("last-year", null, "invalid-statistics-period")]
    [InlineData("2024", "pdf", "unknown-statistics-format")]
    public async Task A_bad_period_or_format_is_a_400_problem(string period, string? format, string type)
    {
        var (status, _, contentType, body) = await GetAsync(period, format);

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.EndsWith(type, body.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, byte[] Body)> GetRawAsync(string period, string format)
    {
        var request = HttpRequests.Get($"/api/statistics/{period}", $"?format={format}");
        var result = await _storage.Create<GetStatistics>().Run(request, period, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        return (response.StatusCode, response.Headers, ((MemoryStream)response.Body).ToArray());
    }

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, string ContentType, JsonElement Body)> GetAsync(string period, string? format = null)
    {
        var request = HttpRequests.Get($"/api/statistics/{period}", format is null ? null : $"?format={format}");
        return await (await _storage.Create<GetStatistics>().Run(request, period, CancellationToken.None)).ExecuteAsync(request);
    }
}
