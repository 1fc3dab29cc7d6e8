using OnePointEntry.Functions.Form;

namespace OnePointEntry.Integration.Tests.Form;

public sealed class FormLanguageTests
{
    [Theory]
    [InlineData("da", "zh-CN,zh;q=0.9", "da")]
    [InlineData("ZH", null, "zh")]
    [InlineData("zh-Hans", "da", "zh")]
    [InlineData(null, "zh-CN,zh;q=0.9,en;q=0.8", "zh")]
    [InlineData(null, "zh-Hans", "zh")]
    [InlineData(null, "zh-TW", "zh")]
    [InlineData(null, "da-DK,da;q=0.9,en-US;q=0.8", "da")]
    [InlineData(null, "en;q=0.5, zh;q=0.9", "zh")]
    [InlineData(null, "fr-FR, de;q=0.9, da;q=0.1", "da")]
    [InlineData(null, "fr-FR, de;q=0.9", "en")]
    [InlineData(null, "da;q=0, zh;q=0", "en")]
    [InlineData(null, "*", "en")]
    [InlineData(null, null, "en")]
    [InlineData("sv", "da", "da")]
    [InlineData("<script>", "not a header;;;", "en")]
    public void An_explicit_choice_wins_then_the_browsers_languages_by_quality_then_english(string? requested, string? acceptLanguage, string expected)
    {
        Assert.Equal(expected, FormLanguage.Choose(requested, acceptLanguage));
    }

    [Fact]
    public void Chinese_pages_are_marked_as_simplified_script()
    {
        Assert.Equal("zh-Hans", FormLanguage.HtmlTag("zh"));
        Assert.Equal("da", FormLanguage.HtmlTag("da"));
        Assert.Equal("en", FormLanguage.HtmlTag("en"));
    }
}
