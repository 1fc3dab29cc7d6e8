using OnePointEntry.Geography;

namespace OnePointEntry.Domain.Tests.Geography;

public sealed class CountryDirectoryTests
{
    private static readonly string[] s_displayLanguages = ["en", "da", "zh"];

    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("cn", "CN")]
    [InlineData("China", "CN")]
    [InlineData("Kina", "CN")]
    [InlineData("中国", "CN")]
    [InlineData("中华人民共和国", "CN")]
    [InlineData("USA", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("Tyskland", "DE")]
    [InlineData("德国", "DE")]
    [InlineData("Sydkorea", "KR")]
    [InlineData("  japan ", "JP")]
    public void Codes_and_names_in_english_danish_and_chinese_find_the_country(string text, string code)
    {
        Assert.Equal(code, CountryDirectory.Default.Find(text)?.Code);
    }

    [Theory]
    [InlineData("Narnia")]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_finds_nothing(string? text)
    {
        Assert.Null(CountryDirectory.Default.Find(text));
    }

    [Fact]
    public void The_data_has_every_iso_code_once_and_no_name_twice()
    {
        var countries = CountryDirectory.Default.Countries;

        Assert.True(countries.Count >= 249, $"only {countries.Count} countries");
        Assert.All(countries, country => Assert.Matches("^[A-Z]{2}$", country.Code));
        Assert.Equal(countries.Count, countries.Select(country => country.Code).Distinct().Count());
        var clashes = countries
            .SelectMany(country => country.Names.Values.SelectMany(names => names).Select(name => (Key: name.Trim().ToLowerInvariant(), country.Code)))
            .Distinct()
            .GroupBy(entry => entry.Key)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_country_has_a_display_name_in_english_danish_and_chinese()
    {
        Assert.All(CountryDirectory.Default.Countries, country =>
        {
            foreach (var language in s_displayLanguages)
            {
                Assert.True(country.Names.TryGetValue(language, out var names) && names.Count > 0, $"{country.Code} has no {language} name");
            }
        });
        Assert.Equal("Kina", CountryDirectory.Default.Find("CN")!.NameIn("da"));
    }
}
