using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryFieldValuesTests
{
    private readonly EnquiryFieldValues _values = new(CountryDirectory.Default, ThemeTaxonomy.Default);

    [Theory]
    [InlineData("se", "SE")]
    [InlineData("Sweden", "SE")]
    [InlineData("Sverige", "SE")]
    [InlineData("瑞典", "SE")]
    [InlineData("  Kina ", "CN")]
    public void A_country_is_taken_by_its_code_or_a_name_and_kept_as_the_code(string typed, string code) =>
        Assert.Equal(code, _values.Read(EnquiryFields.Country, typed).Value);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    public void An_unknown_country_is_refused_with_the_field_named(string typed)
    {
        var value = _values.Read(EnquiryFields.Country, typed);

        Assert.Null(value.Value);
        Assert.StartsWith("country", value.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Themes_are_checked_against_the_taxonomy_sorted_and_without_repeats()
    {
        Assert.Equal("food-agriculture,fur-industry", _values.Read(EnquiryFields.Themes, "fur-industry, Food-Agriculture,fur-industry").Value);
        Assert.NotNull(_values.Read(EnquiryFields.Themes, "fur-industry,astrology").Problem);
    }

    [Theory]
    [InlineData("sector", "Private", "private")]
    [InlineData("level", "PROVINCIAL", "provincial")]
    [InlineData("delegationSize", "12", "12")]
    [InlineData("arrivalDate", "2027-03-10", "2027-03-10")]
    [InlineData("language", "ZH", "zh")]
    [InlineData("city", " 辽阳 ", "辽阳")]
    [InlineData("region", "", "")]
    public void Values_are_kept_in_their_canonical_form(string field, string typed, string kept) =>
        Assert.Equal(kept, _values.Read(EnquiryFields.Find(field)!, typed).Value);

    [Theory]
    [InlineData("sector", "government")]
    [InlineData("delegationSize", "0")]
    [InlineData("delegationSize", "501")]
    [InlineData("delegationSize", "12 people")]
    [InlineData("arrivalDate", "10/03/2027")]
    [InlineData("language", "chinese")]
    [InlineData("city", "Liao\u202Eyang")]
    [InlineData("organisation", "")]
    [InlineData("organisation", "line\nbreak")]
    public void Values_a_field_cannot_hold_are_refused(string field, string typed) =>
        Assert.NotNull(_values.Read(EnquiryFields.Find(field)!, typed).Problem);

    [Fact]
    public void Text_longer_than_the_field_holds_is_refused() =>
        Assert.NotNull(_values.Read(EnquiryFields.Organisation, new string('x', EnquiryFields.Organisation.MaxLength + 1)).Problem);

    [Fact]
    public void Every_correctable_field_has_a_Danish_and_an_English_label_and_a_unique_name()
    {
        Assert.All(EnquiryFields.Correctable, field => Assert.True(field.Labels.ContainsKey("da") && field.Labels.ContainsKey("en"), field.Name));
        Assert.Equal(EnquiryFields.Correctable.Count, EnquiryFields.Correctable.Select(field => field.Name).Distinct().Count());
    }
}
