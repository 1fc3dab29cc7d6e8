using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class BreakdownTests
{
    [Fact]
    public void A_fifth_from_China_is_a_share_of_exactly_0_2_and_unknowns_count_in_the_total_only()
    {
        var breakdown = Breakdown.Of(
        [
            Fact("CN", "public", "municipal", "energy-climate", "education-research"),
            Fact("DE", "private", null),
            Fact("DE", "public", "national", "energy-climate"),
            Fact(null, null, null),
            Fact("US", "academic", null, "energy-climate", "energy-climate"),
        ]);

        Assert.Equal(5, breakdown.Total);
        Assert.Equal(0.2, breakdown.ShareByCountry["CN"]);
        Assert.Equal(0.4, breakdown.ShareByCountry["DE"]);
        Assert.Equal(1, breakdown.CountryNotKnown);
        Assert.Equal(1, breakdown.SectorNotKnown);
        Assert.Equal(new Dictionary<string, int> { ["education-research"] = 1, ["energy-climate"] = 3 }, breakdown.ByTheme);
        Assert.Equal(new Dictionary<string, int> { ["municipal"] = 1, ["national"] = 1 }, breakdown.ByLevel);
        Assert.Equal(["academic", "private", "public"], breakdown.BySector.Keys);
    }

    [Fact]
    public void Nothing_counted_has_no_shares() => Assert.Empty(Breakdown.Of([]).ShareBySector);

    private static StatisticsFact Fact(string? country, string? sector, string? level, params string[] themes) =>
        new() { Id = Guid.NewGuid().ToString(), Date = new DateOnly(2026, 1, 1), CountryCode = country, Sector = sector, Level = level, Themes = themes };
}
