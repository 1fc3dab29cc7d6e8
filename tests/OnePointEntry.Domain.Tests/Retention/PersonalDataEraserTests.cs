using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Retention;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Retention;

public sealed class PersonalDataEraserTests
{
    private static readonly DateTimeOffset s_received = new(2024, 10, 31, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Anonymising_removes_contact_data_and_message_text_and_keeps_every_statistics_fact()
    {
        var enquiry = Mailed();

        var anonymised = PersonalDataEraser.Anonymise(enquiry, s_received.AddYears(2));

        Assert.Equal((null, string.Empty, null, string.Empty, null), (anonymised.Submission.ContactName, anonymised.Submission.ContactEmail, anonymised.Submission.Phone, anonymised.Submission.Purpose, anonymised.Submission.ReferredBy));
        Assert.Equal(new MailOrigin("<a1@mail.example.cn>", null, null), anonymised.Mail);
        Assert.Equal(s_received.AddYears(2), anonymised.AnonymisedAt);
        Assert.Equal(JsonSerializer.Serialize(StatisticsFacts.EnquiryOf(enquiry)), JsonSerializer.Serialize(StatisticsFacts.EnquiryOf(anonymised)));
        Assert.Equal(JsonSerializer.Serialize(StatisticsFacts.DelegationOf(enquiry)), JsonSerializer.Serialize(StatisticsFacts.DelegationOf(anonymised)));
    }

    [Fact]
    public void Anonymising_clears_the_quoted_words_and_a_personal_fields_value_and_keeps_how_sure_and_where()
    {
        var enquiry = Mailed() with
        {
            Evidence =
            [
                new("country", "CN", 0.95, "a delegation of 8 from Dalian, China", MessagePart.Forwarded),
                new("region", "Liaoning", 0.7, null, MessagePart.Forwarded),
                new("referredBy", "Glostrup", 0.9, "Glostrup Kommune sends you", MessagePart.OwnWords),
            ],
        };

        var anonymised = PersonalDataEraser.Anonymise(enquiry, s_received.AddYears(2));

        Assert.Equal(
            [
                new FieldEvidence("country", "CN", 0.95, null, MessagePart.Forwarded),
                new FieldEvidence("region", "Liaoning", 0.7, null, MessagePart.Forwarded),
                // Who referred the delegation is erased as a personal field, so is what the machine read of it.
                new FieldEvidence("referredBy", string.Empty, 0.9, null, MessagePart.OwnWords),
            ],
            anonymised.Evidence);
    }

    [Fact]
    public async Task Erasing_is_audited_once_with_a_note_naming_no_data()
    {
        var store = new InMemoryEnquiryStore();
        store.Put(Mailed());
        var originals = new InMemoryMailOriginals();
        originals.Kept["<a1@mail.example.cn>"] = [1, 2, 3];
        var eraser = new PersonalDataEraser(store, originals, new FakeTimeProvider(s_received.AddDays(1)), NullLogger<PersonalDataEraser>.Instance);
        var reference = Mailed().Reference;

        var first = await eraser.EraseAsync(reference, "anna@onepointentry.example", ErasureReason.Request, CancellationToken.None);
        var second = await eraser.EraseAsync(reference, "anna@onepointentry.example", ErasureReason.Request, CancellationToken.None);

        Assert.Equal((ErasureOutcome.Erased, ErasureOutcome.AlreadyErased), (first.Outcome, second.Outcome));
        var audit = Assert.Single(await store.ListStatusChangesAsync(reference, CancellationToken.None));
        Assert.Equal((EnquiryStatus.VisitScheduled, EnquiryStatus.VisitScheduled, "Personal data erased on request."), (audit.From, audit.To, audit.Note));
        Assert.Empty(originals.Kept);
    }

    [Theory]
    [InlineData("2026-10-31T22:59:00Z", "2024-09")] // still October in Copenhagen
    [InlineData("2026-10-31T23:00:00Z", "2024-10")] // 1 November, 00:00 in Copenhagen
    public void A_month_is_past_retention_once_the_whole_month_is_older_than_the_period(string now, string lastExpired)
    {
        var policy = new RetentionPolicy(24, 100);

        Assert.Equal(lastExpired, policy.LastExpiredMonth(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)).ToString());
    }

    private static Enquiry Mailed() => new()
    {
        Reference = EnquiryReference.TryParse("OPE-2410-7K3F", out var reference) ? reference : throw new FormatException(),
        Source = EnquirySource.Mail,
        ReceivedAt = s_received,
        Status = EnquiryStatus.VisitScheduled,
        VisitDate = new DateOnly(2025, 3, 11),
        Submission = TestData.ValidSubmission() with
        {
            ContactName = "Wang Fang",
            Phone = "+86 419 123 4567",
            ReferredBy = "Glostrup",
            DelegationSize = 6,
            Region = "Liaoning",
            Sector = "public",
            Level = "municipal",
        },
        Mail = new MailOrigin("<a1@mail.example.cn>", "AAMkAD-mailbox-id", "Delegation from Liaoyang"),
        Screening = new ScreenedFacts { CountryCode = "CN", Region = "Liaoning", City = "Liaoyang", Sector = "public", Level = "municipal", Themes = ["fur-industry"], ScreenedAt = s_received },
    };
}
