using System.Globalization;
using System.Text.Json;
using OnePointEntry.Statistics;

namespace OnePointEntry.Tool.Tests;

public sealed class StatsCommandTests : IAsyncLifetime
{
    private readonly SeedStorage _storage = new();

    public async Task InitializeAsync()
    {
        using var storage = _storage.Open();
        await storage.Statistics.ImportHistoryAsync(
        [
            Delegation(2, "2025-10-03", "CN", "public", "2025-09-01"),
            Delegation(3, "2025-10-30", "CN", "private", null),
            Delegation(4, "2026-10-01", "CN", "public", "2026-10-01"),
            Delegation(5, "2026-10-31", "DE", "academic", null),
            Delegation(6, "2026-11-01", "DE", "academic", null),
        ],
        "history.csv",
        replace: false,
        CancellationToken.None);
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task The_json_of_a_month_has_the_figures_the_year_earlier_and_the_growth()
    {
        var (code, output, _) = await RunAsync("--month", "2026-10", "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("2026-10", json.GetProperty("period").GetString());
        Assert.Equal(2, json.GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("delegationsFacilitated").GetProperty("byCountry").GetProperty("DE").GetInt32());
        Assert.Equal(1, json.GetProperty("enquiriesReceived").GetProperty("total").GetInt32());
        Assert.Equal(2, json.GetProperty("previous").GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        Assert.Equal(0.0, json.GetProperty("growth").GetProperty("total").GetDouble());
        Assert.Equal(-0.5, json.GetProperty("growth").GetProperty("byCountry").GetProperty("CN").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("growth").GetProperty("byCountry").GetProperty("DE").ValueKind);
    }

    [Fact]
    public async Task Without_json_a_year_is_a_short_summary()
    {
        var (code, output, _) = await RunAsync("--year", "2026");

        Assert.Equal(0, code);
        Assert.Contains("2026 (against 2025)", output, StringComparison.Ordinal);
        Assert.Matches(@"delegations facilitated\s+3\s+was\s+2\s+\+50\.0%", output);
        Assert.Matches(@"DE\s+2\s+66\.7%\s+new", output);
    }

    [Theory]
    [InlineData("--month", "2026-13")]
    [InlineData("--year", "26")]
    [InlineData("--year", "2026-10")]
    [InlineData("--json")]
    [InlineData("--week", "47")]
    public async Task Bad_usage_is_exit_code_2_without_opening_storage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: ope stats", error, StringComparison.Ordinal);
        Assert.Equal(1, _storage.Opened);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await _storage.StatsCommand().RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static HistoricalDelegation Delegation(int line, string visit, string country, string sector, string? received) =>
        new(line, new StatisticsFact
        {
            Id = $"history-{line}",
            Date = DateOnly.Parse(visit, CultureInfo.InvariantCulture),
            CountryCode = country,
            Sector = sector,
        }, received is null ? null : DateOnly.Parse(received, CultureInfo.InvariantCulture));
}
