using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Retention;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Enquiries;

/// <summary>The one model of an enquiry's fields, and the validation and erasure that go by it.</summary>
public sealed class EnquiryFieldsTests
{
    [Fact]
    public void Every_field_has_its_own_name_and_a_danish_and_an_english_label()
    {
        Assert.Equal(EnquiryFields.All.Count, EnquiryFields.All.Select(field => field.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(EnquiryFields.All, field => Assert.True(field.Labels.ContainsKey("da") && field.Labels.ContainsKey("en"), field.Name));
    }

    [Fact]
    public void The_fields_staff_correct_are_exactly_the_facts()
    {
        Assert.Equal(
            EnquiryFields.All.Where(field => field.Fact is not null).Select(field => field.Name).Order(StringComparer.Ordinal),
            EnquiryFields.Correctable.Select(field => field.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_field_is_kept_exactly_when_it_names_its_own_table_property()
    {
        Assert.All(EnquiryFields.All, field => Assert.Equal(field.Submission is not null, field.StoredAs is not null));
        Assert.Equal(EnquiryFields.Submitted.Count, EnquiryFields.Submitted.Select(field => field.StoredAs).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Storage_keeps_a_valid_form_whole_and_an_enquiry_stays_far_inside_what_a_row_holds()
    {
        var texts = EnquiryFields.Submitted.Where(field => field.Kind is not (EnquiryFieldKind.Size or EnquiryFieldKind.Date)).ToList();

        Assert.All(texts, field => Assert.InRange(field.StoredLength, field.Kind == EnquiryFieldKind.Themes ? 1 : field.MaxLength, 32_000));
        // UTF-16: two bytes a character, against the 1 MiB of an entity.
        Assert.InRange(texts.Sum(field => field.StoredLength) * 2, 0, 100_000);
    }

    [Fact]
    public void Erasure_can_reach_every_personal_field()
    {
        Assert.NotEmpty(EnquiryFields.Personal);
        Assert.All(EnquiryFields.Personal, field => Assert.NotNull(field.Submission));
    }

    [Fact]
    public void Every_record_gives_back_what_was_put_into_each_of_its_fields()
    {
        foreach (var field in EnquiryFields.All)
        {
            if (field.Form is { } form)
            {
                Assert.Equal(SampleOf(field), form.Get(form.Set(new EnquiryForm(), SampleOf(field))));
                Assert.Null(form.Get(form.Set(new EnquiryForm(), null)));
            }

            if (field.Submission is { } submission)
            {
                var empty = EnquiryFields.SubmissionOf(_ => null);
                Assert.Equal(SampleOf(field), submission.Get(submission.Set(empty, SampleOf(field))));
                Assert.True(string.IsNullOrEmpty(submission.Get(submission.Set(TestData.ValidSubmission(), null))), field.Name);
            }

            if (field.Fact is { } fact)
            {
                Assert.Equal(SampleOf(field), fact.Get(fact.Set(new EnquiryFacts(), SampleOf(field))));
                Assert.Null(new EnquiryFacts().With(field, SampleOf(field)).With(field, string.Empty).ValueOf(field));
            }
        }
    }

    [Fact]
    public void A_form_with_every_field_filled_in_becomes_a_submission_holding_each()
    {
        var form = EnquiryFields.OnForm.Where(field => field.Kind != EnquiryFieldKind.Honeypot)
            .Aggregate(new EnquiryForm(), (form, field) => field.Form!.Set(form, SampleOf(field)));

        var validation = new EnquiryFormValidator(CountryDirectory.Default, ThemeTaxonomy.Default).Validate(form);

        Assert.Empty(validation.Errors);
        Assert.All(EnquiryFields.Submitted, field =>
            Assert.Equal(field.Form is null ? null : SampleOf(field), field.Submission!.Get(validation.Submission!)));
    }

    [Fact]
    public void Every_field_a_form_carries_is_checked_against_its_bounds()
    {
        var validator = new EnquiryFormValidator(CountryDirectory.Default, ThemeTaxonomy.Default);
        foreach (var field in EnquiryFields.Submitted.Where(field => field.Form is not null && field.Kind is EnquiryFieldKind.Text or EnquiryFieldKind.Message or EnquiryFieldKind.Email or EnquiryFieldKind.Country))
        {
            var form = field.Form!.Set(TestData.ValidForm(), new string('a', field.MaxLength + 1));

            Assert.Contains(field.Name, validator.Validate(form).Errors.Keys);
        }

        foreach (var field in EnquiryFields.Submitted.Where(field => field.Form is not null && field.Required))
        {
            Assert.Equal([$"{field.Name} is required."], validator.Validate(field.Form!.Set(TestData.ValidForm(), " ")).Errors[field.Name]);
        }
    }

    [Fact]
    public void Erasure_clears_exactly_the_personal_fields_and_the_corrections_of_them()
    {
        var enquiry = new Enquiry
        {
            Reference = EnquiryReference.TryParse("OPE-2410-7K3F", out var reference) ? reference : throw new FormatException(),
            Source = EnquirySource.Mail,
            ReceivedAt = new DateTimeOffset(2024, 10, 31, 20, 0, 0, TimeSpan.Zero),
            Status = EnquiryStatus.Screened,
            Submission = EnquiryFields.SubmissionOf(SampleOf),
            Corrections = EnquiryFields.Correctable.ToDictionary(field => field.Name, SampleOf, StringComparer.Ordinal),
        };

        var erased = PersonalDataEraser.Anonymise(enquiry, enquiry.ReceivedAt.AddYears(2));

        Assert.All(EnquiryFields.Submitted, field =>
            Assert.Equal(field.Personal ? null : SampleOf(field), NullIfEmpty(field.Submission!.Get(erased.Submission))));
        Assert.Equal(
            EnquiryFields.Correctable.Where(field => !field.Personal).Select(field => field.Name).Order(StringComparer.Ordinal),
            erased.Corrections.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>A valid value of the field, in canonical text.</summary>
    internal static string SampleOf(EnquiryField field) => field.Kind switch
    {
        EnquiryFieldKind.Country => "CN",
        EnquiryFieldKind.Choice => field.Choices[^1],
        EnquiryFieldKind.Date => field.NotBefore is null ? "2027-03-10" : "2027-03-12",
        EnquiryFieldKind.Size => "6",
        EnquiryFieldKind.Themes => "food-agriculture,fur-industry",
        EnquiryFieldKind.Language => "zh",
        EnquiryFieldKind.Message => "We would like to see mink farms.\nAnd meet Glostrup Kommune.",
        EnquiryFieldKind.Email => "wang.fang@example.cn",
        EnquiryFieldKind.Phone => "+86 419 123 4567",
        _ => $"A {field.Name}",
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
