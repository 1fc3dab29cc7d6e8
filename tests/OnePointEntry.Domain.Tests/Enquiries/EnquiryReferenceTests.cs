using OnePointEntry.Enquiries;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryReferenceTests
{
    [Fact]
    public void A_new_reference_carries_the_year_and_month_received_and_four_phone_safe_characters()
    {
        var reference = EnquiryReference.New(new DateOnly(2026, 11, 25));

        Assert.Matches(@"^OPE-2611-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$", reference.ToString());
        Assert.Equal("2026-11", reference.ReceivedMonth);
    }

    [Fact]
    public void New_references_differ()
    {
        var references = Enumerable.Range(0, 200).Select(_ => EnquiryReference.New(new DateOnly(2026, 1, 5)).ToString()).ToHashSet();

        Assert.True(references.Count > 190, $"only {references.Count} distinct references in 200");
    }

    [Theory]
    [InlineData("OPE-2611-7K3F", "OPE-2611-7K3F")]
    [InlineData(" ope-2611-7k3f ", "OPE-2611-7K3F")]
    [InlineData("OPE-2603-O1LI", "OPE-2603-0111")]
    public void Parsing_forgives_case_and_the_letters_read_as_digits(string text, string expected)
    {
        Assert.True(EnquiryReference.TryParse(text, out var reference));
        Assert.Equal(expected, reference.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OPE-2613-7K3F")]
    [InlineData("OPE-2600-7K3F")]
    [InlineData("XYZ-2611-7K3F")]
    [InlineData("OPE-2611-7K3")]
    [InlineData("OPE-2611-7K3FF")]
    [InlineData("OPE-2611-7K3U")]
    [InlineData("OPE-26A1-7K3F")]
    [InlineData("OPE-2611")]
    public void Parsing_rejects_what_is_not_a_reference(string? text)
    {
        Assert.False(EnquiryReference.TryParse(text, out _));
    }

    [Fact]
    public void The_month_of_a_parsed_reference_is_its_partition()
    {
        Assert.True(EnquiryReference.TryParse("OPE-2701-ABCD", out var reference));

        Assert.Equal("2027-01", reference.ReceivedMonth);
    }
}
