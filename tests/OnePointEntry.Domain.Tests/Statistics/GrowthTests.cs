using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class GrowthTests
{
    [Fact]
    public void Fifty_one_to_fifty_six_is_five_fifty_firsts_unrounded() =>
        Assert.Equal(5.0 / 51, Growth.Fraction(51, 56));

    [Fact]
    public void Growth_from_nothing_is_null_not_infinity() => Assert.Null(Growth.Fraction(0, 3));

    [Theory]
    [InlineData(8, 7, -0.125)]
    [InlineData(4, 0, -1.0)]
    [InlineData(3, 3, 0.0)]
    public void A_fall_is_negative(int earlier, int now, double expected) => Assert.Equal(expected, Growth.Fraction(earlier, now));

    [Fact]
    public void Growth_by_country_covers_the_countries_of_both_periods()
    {
        var earlier = Breakdown.Of([Fact("CN"), Fact("CN"), Fact("DE")]);
        var now = Breakdown.Of([Fact("CN"), Fact("CN"), Fact("CN"), Fact("US")]);

        var growth = Growth.Between(earlier, now);

        Assert.Equal(new Dictionary<string, double?> { ["CN"] = 0.5, ["DE"] = -1.0, ["US"] = null }, growth.ByCountry);
        Assert.Equal(1.0 / 3, growth.Total);
    }

    private static StatisticsFact Fact(string country) => new() { Id = Guid.NewGuid().ToString(), Date = new DateOnly(2026, 1, 1), CountryCode = country };
}
