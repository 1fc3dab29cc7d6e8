using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Themes;

public sealed class ThemeTaxonomyTests
{
    private static readonly string[] s_displayLanguages = ["en", "da", "zh"];

    private static readonly ThemeTaxonomy s_small = new(
    [
        new Theme("maritime-logistics", new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["port", "shipping"], ["da"] = ["havn*"], ["zh"] = ["港口"] }),
        new Theme("energy-climate", new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wind power", "district heating"], ["de"] = ["Wasserstoff*"] }),
    ]);

    [Theory]
    [InlineData("We want to visit the port of Copenhagen", "maritime-logistics")]
    [InlineData("Ports and shipping lines", "maritime-logistics")]
    [InlineData("besøg i Københavns Havn og havnebadet", "maritime-logistics")]
    [InlineData("参观哥本哈根港口", "maritime-logistics")]
    [InlineData("WIND POWER and District-Heating", "energy-climate")]
    [InlineData("Wind  power", "energy-climate")]
    [InlineData("visit a wind\r\npower plant", "energy-climate")]
    [InlineData("Grüner Wasserstoffwirtschaft", "energy-climate")]
    public void A_keyword_finds_its_theme(string text, string theme)
    {
        Assert.Equal([theme], s_small.Classify(text));
    }

    [Theory]
    [InlineData("Please report on your support for portfolio companies")]
    [InlineData("Windpower")]
    [InlineData("Shippingham")]
    [InlineData("")]
    public void A_keyword_inside_another_word_does_not_count(string text)
    {
        Assert.Empty(s_small.Classify(text));
    }

    [Theory]
    [InlineData("Study tour on mink farming and pelting", "fur-industry")]
    [InlineData("We would like to see pig farming and dairy production", "food-agriculture")]
    public void A_keyword_inside_a_longer_keyword_of_another_theme_does_not_count(string text, string theme)
    {
        Assert.Equal([theme], ThemeTaxonomy.Default.Classify(text));
    }

    [Fact]
    public void Themes_come_back_sorted_and_once()
    {
        Assert.Equal(["energy-climate", "maritime-logistics"], s_small.Classify("shipping, port, wind power, port"));
    }

    [Fact]
    public void The_taxonomy_has_exactly_the_fifteen_themes_of_the_contract()
    {
        string[] contract =
        [
            "sustainable-urban-development", "infrastructure-mobility", "science-clusters", "life-science-medtech",
            "energy-climate", "water-environment", "food-agriculture", "fur-industry", "digital-tech",
            "education-research", "welfare-eldercare", "investment-trade", "tourism-culture", "maritime-logistics",
            "public-governance",
        ];

        Assert.Equal(contract, ThemeTaxonomy.Default.Themes.Select(theme => theme.Id));
        Assert.All(ThemeTaxonomy.Default.Themes, theme =>
        {
            foreach (var language in s_displayLanguages)
            {
                Assert.True(theme.Keywords.TryGetValue(language, out var words) && words.Count > 0, $"{theme.Id} has no {language} keywords");
            }
        });
    }

    [Fact]
    public void Every_shipped_theme_has_a_distinct_name_in_english_danish_and_chinese_for_the_web_form()
    {
        foreach (var language in s_displayLanguages)
        {
            Assert.All(ThemeTaxonomy.Default.Themes, theme =>
                Assert.True(theme.Names is not null && theme.Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name), $"{theme.Id} has no {language} name"));
            var names = ThemeTaxonomy.Default.Themes.Select(theme => theme.NameIn(language)).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        Assert.Equal("毛皮产业", ThemeTaxonomy.Default.Themes.Single(theme => theme.Id == "fur-industry").NameIn("zh"));
    }

    [Fact]
    public void A_theme_without_a_name_in_a_language_is_shown_by_its_english_name_or_else_its_id()
    {
        var named = new Theme("fur-industry", new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string> { ["en"] = "Fur industry" });
        var unnamed = new Theme("fur-industry", new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal("Fur industry", named.NameIn("sv"));
        Assert.Equal("fur-industry", unnamed.NameIn("da"));
    }

    [Theory]
    [InlineData("We are interested in smart city solutions and urban planning.", "sustainable-urban-development")]
    [InlineData("Vi vil gerne høre om fjernvarme og vindmøller.", "energy-climate")]
    [InlineData("我们希望了解污水处理和垃圾分类。", "water-environment")]
    [InlineData("The delegation wants to learn about elderly care.", "welfare-eldercare")]
    [InlineData("我们对医疗器械和生物医药很感兴趣", "life-science-medtech")]
    [InlineData("Besøg hos Kopenhagen Fur og pelsauktion", "fur-industry")]
    [InlineData("Klimatilpasning og skybrudssikring", "energy-climate")]
    public void The_shipped_keywords_find_the_themes_of_the_taxonomys_examples(string text, string theme)
    {
        Assert.Contains(theme, ThemeTaxonomy.Default.Classify(text));
    }

    [Fact]
    public void Meeting_a_mayor_or_signing_a_friendship_agreement_is_not_a_theme()
    {
        Assert.Empty(ThemeTaxonomy.Default.Classify("The vice mayor would like to meet the mayor and sign a friendship agreement."));
    }
}
