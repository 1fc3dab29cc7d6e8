using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Domain.Tests.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;

namespace OnePointEntry.Domain.Tests.Extraction;

public sealed class MailIntakeExtractionFailureTests
{
    private readonly InMemoryEnquiryStore _store = new();
    private readonly Mock<IMailIndex> _index = new();
    private readonly Mock<IScreeningQueue> _screening = new();
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private MailIntake Intake(EnquiryExtractor extractor)
    {
        _index.Setup(i => i.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((EnquiryReference?)null);
        _index.Setup(i => i.TryClaimAsync(It.IsAny<string>(), It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        return new MailIntake(
            _store, _index.Object, _screening.Object, new Outbox(_deliveries, Mock.Of<IDeliveryQueue>(), _time, NullLogger<Outbox>.Instance),
            extractor, new MailIntakeOptions("delegations@onepointentry.example"), _time, NullLogger<MailIntake>.Instance);
    }

    [Fact]
    public async Task A_mail_whose_extraction_fails_is_stored_without_facts_for_a_person_to_read()
    {
        // Text is required; a null one makes the extractor itself fail before any field reader runs.
        var content = new MailContent { Text = null!, Subject = "Visit", FromAddress = "li.na@example.cn", MessageId = "broken@example.cn" };

        var result = await Intake(EnquiryExtractor.Default).TakeInAsync(new ReceivedMail("broken@example.cn", "graph-1", content), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.NeedsManualReview, result.Outcome);
        var enquiry = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.NeedsManualReview, enquiry.Status);
        Assert.Contains("The facts could not be read from the e-mail (NullReferenceException)", enquiry.ManualReviewReason, StringComparison.Ordinal);
        Assert.Equal(string.Empty, enquiry.Submission.Country);
        Assert.Equal("li.na@example.cn", enquiry.Submission.ContactEmail);
        _screening.VerifyNoOtherCalls();
        Assert.Empty(_deliveries.Deliveries);
    }

    [Fact]
    public async Task A_field_that_ran_out_of_time_sends_the_stored_mail_to_review_with_the_reason()
    {
        var text = "A delegation of 5 people from Shanghai will visit Copenhagen from 2 to 4 March 2027.\n" + string.Concat(Enumerable.Repeat("1.2-3.4-5 ", 110_000));
        var content = new MailContent { Text = text, Subject = "Visit", FromAddress = "li.na@example.cn", MessageId = "long@example.cn" };

        var result = await Intake(new EnquiryExtractor(TimeSpan.FromTicks(1))).TakeInAsync(new ReceivedMail("long@example.cn", "graph-2", content), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.NeedsManualReview, result.Outcome);
        var enquiry = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.NeedsManualReview, enquiry.Status);
        Assert.Contains("could not be read in time", enquiry.ManualReviewReason, StringComparison.Ordinal);
        Assert.Null(enquiry.Submission.ArrivalDate);
        _screening.VerifyNoOtherCalls();
    }
}
