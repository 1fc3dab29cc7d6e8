using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Extraction;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class FactEvidenceTests
{
    private static readonly DateTimeOffset s_received = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evidence_is_given_per_fact_in_the_editors_order_with_one_entry_per_theme()
    {
        var enquiry = Mailed([
            new("themes", "water-environment", 0.9, "water treatment", MessagePart.OwnWords),
            new("country", "CN", 0.95, "from Dalian, China", MessagePart.Forwarded),
            new("themes", "urban-development", 0.6, "smart city", MessagePart.Quoted),
            new("themes", "water-environment", 0.4, "water again", MessagePart.Signature),
            new("arrivalDate", "2027-05-12", 0.9, "12 to 14 May 2027", MessagePart.OwnWords),
            new("notAField", "x", 1, "x", MessagePart.Subject),
        ]);

        var evidence = FactEvidence.Of(enquiry);

        Assert.Equal(["country", "arrivalDate", "themes"], evidence.Select(fact => fact.Field.Name));
        Assert.Equal("from Dalian, China", evidence[0].Entries.Single().Quote);
        // The first reason per theme stands.
        Assert.Equal([("water-environment", "water treatment"), ("urban-development", "smart city")], evidence[2].Entries.Select(entry => (entry.Value, entry.Quote)));
        Assert.All(evidence, fact => Assert.False(fact.CorrectedByStaff));
    }

    [Fact]
    public void A_fact_staff_corrected_is_marked_so_and_the_others_are_not()
    {
        var read = Mailed([
            new("country", "CN", 0.95, "from Dalian, China", MessagePart.Forwarded),
            new("city", "Dalian", 0.9, "from Dalian", MessagePart.Forwarded),
        ]);
        var enquiry = read with { Corrections = new Dictionary<string, string>(StringComparer.Ordinal) { ["city"] = "Shenyang" } };

        var evidence = FactEvidence.Of(enquiry).ToDictionary(fact => fact.Field.Name, fact => fact.CorrectedByStaff);

        Assert.Equal(new Dictionary<string, bool> { ["country"] = false, ["city"] = true }, evidence);
    }

    [Fact]
    public void A_web_form_enquiry_has_no_evidence()
    {
        Assert.Empty(FactEvidence.Of(Mailed([]) with { Source = EnquirySource.WebForm }));
    }

    [Theory]
    [InlineData(0.8, false)]
    [InlineData(0.95, false)]
    [InlineData(0.79, true)]
    [InlineData(0, true)]
    [InlineData(double.NaN, true)]
    public void A_confidence_below_the_threshold_is_low(double confidence, bool low)
    {
        Assert.Equal(low, EvidenceConfidence.IsLow(confidence));
    }

    private static Enquiry Mailed(IReadOnlyList<FieldEvidence> evidence) => new()
    {
        Reference = EnquiryReference.New(DateOnly.FromDateTime(s_received.UtcDateTime)),
        Source = EnquirySource.Mail,
        ReceivedAt = s_received,
        Submission = TestData.ValidSubmission(),
        Evidence = evidence,
    };
}
