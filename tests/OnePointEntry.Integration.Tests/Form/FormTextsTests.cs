using System.Text.RegularExpressions;
using OnePointEntry.Functions.Form;

namespace OnePointEntry.Integration.Tests.Form;

public sealed partial class FormTextsTests
{
    public static TheoryData<string> Languages => [.. FormLanguage.All];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_exists_in_every_language_with_the_same_placeholders(string language)
    {
        var english = FormTexts.For(FormLanguage.English);
        var text = FormTexts.For(language);

        Assert.Equal(language, text.Language);
        Assert.Equal(english.All.Keys.Order(StringComparer.Ordinal), text.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(text.All, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{language}: '{pair.Key}' is empty");
            Assert.Equal(Placeholders(english[pair.Key]), Placeholders(pair.Value));
        });
    }

    [Fact]
    public void Every_field_the_page_shows_has_its_label_and_its_hint_in_every_language()
    {
        foreach (var language in FormLanguage.All)
        {
            var text = FormTexts.For(language);
            foreach (var field in FormFields.All)
            {
                Assert.True(text.All.ContainsKey(FormFields.LabelKey(field.Name)), $"{language}: no label for {field.Name}");
                Assert.Equal(field.HasHint, text.All.ContainsKey($"field.{field.Name}.hint"));
            }
        }
    }

    [Fact]
    public void The_languages_really_differ_where_people_read()
    {
        Assert.Equal("提交申请", FormTexts.For("zh")["form.submit"]);
        Assert.Equal("Send henvendelse", FormTexts.For("da")["form.submit"]);
        Assert.Equal("Send enquiry", FormTexts.For("en")["form.submit"]);
        var chinese = FormTexts.For("zh");
        Assert.All(FormTexts.For("en").All, pair => Assert.NotEqual(pair.Value, chinese[pair.Key]));
    }

    [Fact]
    public void A_missing_text_is_an_error_rather_than_a_blank()
    {
        Assert.Throws<KeyNotFoundException>(() => FormTexts.For("da")["no.such.key"]);
        Assert.Equal("en", FormTexts.For("sv").Language);
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
