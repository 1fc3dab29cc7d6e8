using OnePointEntry.Enquiries;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryFormValidatorTests
{
    private readonly EnquiryFormValidator _validator = new(CountryDirectory.Default, ThemeTaxonomy.Default);

    [Fact]
    public void A_complete_form_becomes_a_trimmed_typed_submission()
    {
        var validation = _validator.Validate(TestData.ValidForm() with { Organisation = "  Liaoyang Government  ", Themes = ["fur-industry", "food-agriculture", "fur-industry"] });

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.SelectMany(e => e.Value)));
        var submission = validation.Submission!;
        Assert.Equal("Liaoyang Government", submission.Organisation);
        Assert.Equal(6, submission.DelegationSize);
        Assert.Equal(new DateOnly(2027, 3, 10), submission.ArrivalDate);
        Assert.Equal(new DateOnly(2027, 3, 12), submission.DepartureDate);
        Assert.Equal(["food-agriculture", "fur-industry"], submission.Themes);
    }

    [Fact]
    public void Every_missing_required_field_is_named()
    {
        var validation = _validator.Validate(new EnquiryForm { City = "Liaoyang" });

        Assert.False(validation.IsValid);
        Assert.Equal(
            [EnquiryFormFields.ContactEmail, EnquiryFormFields.Country, EnquiryFormFields.Organisation, EnquiryFormFields.Purpose],
            validation.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("cn")]
    [InlineData("China")]
    [InlineData("Kina")]
    [InlineData("中国")]
    [InlineData("People's Republic of China")]
    public void A_country_may_be_a_code_or_a_name_in_english_danish_or_chinese(string country)
    {
        Assert.True(_validator.Validate(TestData.ValidForm() with { Country = country }).IsValid);
    }

    [Fact]
    public void An_unknown_country_is_an_error_on_the_country_field()
    {
        var validation = _validator.Validate(TestData.ValidForm() with { Country = "Narnia" });

        Assert.Contains(EnquiryFormFields.Country, validation.Errors.Keys);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("two@@example.org")]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("ann@localhost")]
    [InlineData("ann @example.org")]
    [InlineData("ann@example..org")]
    public void A_malformed_email_address_is_an_error(string email)
    {
        var validation = _validator.Validate(TestData.ValidForm() with { ContactEmail = email });

        Assert.Equal([EnquiryFormFields.ContactEmail], validation.Errors.Keys);
    }

    [Fact]
    public void Departure_before_arrival_is_an_error_on_the_departure_date()
    {
        var validation = _validator.Validate(TestData.ValidForm() with { ArrivalDate = "2027-03-12", DepartureDate = "2027-03-11" });

        Assert.Equal([EnquiryFormFields.DepartureDate], validation.Errors.Keys);
    }

    [Fact]
    public void A_one_day_visit_is_valid()
    {
        Assert.True(_validator.Validate(TestData.ValidForm() with { ArrivalDate = "2027-03-12", DepartureDate = "2027-03-12" }).IsValid);
    }

    [Theory]
    [InlineData("12/03/2027")]
    [InlineData("2027-02-30")]
    [InlineData("next week")]
    public void A_date_that_is_not_an_iso_date_is_an_error(string date)
    {
        Assert.Equal([EnquiryFormFields.ArrivalDate], _validator.Validate(TestData.ValidForm() with { ArrivalDate = date, DepartureDate = null }).Errors.Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-3")]
    [InlineData("5.5")]
    [InlineData("twelve")]
    public void A_delegation_size_outside_1_to_500_or_not_a_whole_number_is_an_error(string size)
    {
        Assert.Equal([EnquiryFormFields.DelegationSize], _validator.Validate(TestData.ValidForm() with { DelegationSize = size }).Errors.Keys);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("500")]
    public void The_delegation_size_limits_are_inclusive(string size)
    {
        Assert.True(_validator.Validate(TestData.ValidForm() with { DelegationSize = size }).IsValid);
    }

    [Fact]
    public void Text_over_its_limit_is_an_error_naming_the_limit()
    {
        var validation = _validator.Validate(TestData.ValidForm() with
        {
            Organisation = new string('x', EnquiryFieldLimits.Organisation + 1),
            Purpose = new string('y', EnquiryFieldLimits.Purpose + 1),
        });

        Assert.Equal([EnquiryFormFields.Organisation, EnquiryFormFields.Purpose], validation.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"{EnquiryFieldLimits.Purpose}", validation.Errors[EnquiryFormFields.Purpose][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_at_its_limit_is_accepted()
    {
        Assert.True(_validator.Validate(TestData.ValidForm() with { Purpose = new string('y', EnquiryFieldLimits.Purpose) }).IsValid);
    }

    [Fact]
    public void A_theme_outside_the_taxonomy_is_an_error()
    {
        Assert.Equal([EnquiryFormFields.Themes], _validator.Validate(TestData.ValidForm() with { Themes = ["fur-industry", "space-travel"] }).Errors.Keys);
    }

    [Theory]
    [InlineData("zh", "zh")]
    [InlineData("ZH-cn", "zh")]
    [InlineData("da_DK", "da")]
    public void The_language_is_kept_as_its_two_letter_code(string language, string expected)
    {
        Assert.Equal(expected, _validator.Validate(TestData.ValidForm() with { Language = language }).Submission!.Language);
    }

    [Theory]
    [InlineData("Chinese")]
    [InlineData("z")]
    public void A_language_that_is_not_a_code_is_an_error(string language)
    {
        Assert.Equal([EnquiryFormFields.Language], _validator.Validate(TestData.ValidForm() with { Language = language }).Errors.Keys);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    public void A_phone_number_needs_at_least_six_digits_and_no_letters(string phone)
    {
        Assert.Equal([EnquiryFormFields.Phone], _validator.Validate(TestData.ValidForm() with { Phone = phone }).Errors.Keys);
    }

    [Fact]
    public void Unreadable_fields_are_reported_with_the_other_errors_and_not_twice()
    {
        var validation = _validator.Validate(TestData.ValidForm() with
        {
            Organisation = null,
            ContactEmail = "nope",
            Unreadable = new Dictionary<string, string> { [EnquiryFormFields.Organisation] = "organisation must be text, not object." },
        });

        Assert.Equal(["organisation must be text, not object."], validation.Errors[EnquiryFormFields.Organisation]);
        Assert.Contains(EnquiryFormFields.ContactEmail, validation.Errors.Keys);
    }

    [Fact]
    public void Empty_optional_fields_become_null()
    {
        var submission = _validator.Validate(TestData.ValidForm() with { City = "  ", Phone = "", DelegationSize = " ", ArrivalDate = "", DepartureDate = null }).Submission!;

        Assert.Null(submission.City);
        Assert.Null(submission.Phone);
        Assert.Null(submission.DelegationSize);
        Assert.Null(submission.ArrivalDate);
    }
}
