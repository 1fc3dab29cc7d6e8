using System.Text.Json;
using OnePointEntry.Functions.Statistics;

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

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, string ContentType, JsonElement Body)> GetAsync(string period, string? format = null)
    {
        var request = HttpRequests.Get($"/api/statistics/{period}", format is null ? null : $"?format={format}");
        return await (await _storage.Create<GetStatistics>().Run(request, period, CancellationToken.None)).ExecuteAsync(request);
    }
}
