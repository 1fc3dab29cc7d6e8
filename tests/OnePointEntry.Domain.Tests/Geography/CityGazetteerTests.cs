using OnePointEntry.Geography;

namespace OnePointEntry.Domain.Tests.Geography;

public sealed class CityGazetteerTests
{
    [Theory]
    [InlineData("Liaoyang", "Liaoyang", "Liaoning")]
    [InlineData("辽阳市", "Liaoyang", "Liaoning")]
    [InlineData("Liaoyang City", "Liaoyang", "Liaoning")]
    [InlineData("Shenzhen", "Shenzhen", "Guangdong")]
    [InlineData("Hohhot", "Hohhot", "Inner Mongolia")]
    [InlineData("Tianjin", "Tianjin", "Tianjin")]
    [InlineData("Jiaxing", "Jiaxing", "Zhejiang")]
    [InlineData("Suzhou", "Suzhou", "Jiangsu")]
    public void A_chinese_city_gives_its_province_in_pinyin(string name, string city, string region)
    {
        var found = CityGazetteer.Default.Find(name, "CN");

        Assert.Equal((city, region, "CN"), (found?.Name, found?.Region, found?.Country));
    }

    [Theory]
    [InlineData("Munich", "DE", "Bavaria")]
    [InlineData("Osaka", "JP", "Osaka")]
    [InlineData("Boston", "US", "Massachusetts")]
    [InlineData("Bangalore", "IN", "Karnataka")]
    public void A_city_elsewhere_gives_its_first_level_division(string name, string country, string region)
    {
        Assert.Equal(region, CityGazetteer.Default.Find(name, country)?.Region);
    }

    [Fact]
    public void A_city_in_another_country_than_the_one_given_is_not_taken()
    {
        Assert.Null(CityGazetteer.Default.Find("Liaoyang", "DK"));
    }

    [Fact]
    public void An_unknown_city_finds_nothing()
    {
        Assert.Null(CityGazetteer.Default.Find("Atlantis", "CN"));
    }

    [Fact]
    public void The_data_names_every_city_with_a_country_and_a_region_and_no_alias_twice()
    {
        var cities = CityGazetteerData.All();

        Assert.True(cities.Count(city => city.Country == "CN") >= 290, "the Chinese prefecture-level cities are incomplete");
        Assert.All(cities, city => Assert.False(string.IsNullOrWhiteSpace(city.Region), city.Name));
        var clashes = cities
            .SelectMany(city => city.Aliases.Prepend(city.Name).Select(name => (Key: name.Trim().ToLowerInvariant(), City: city.Name + "/" + city.Country)))
            .Distinct()
            .GroupBy(entry => entry.Key)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.City))}")
            .ToList();
        Assert.Empty(clashes);
    }
}
