using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Domain.Tests.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;

namespace OnePointEntry.Domain.Tests.Mail;

public sealed class MailIntakeTests
{
    private const string Mailbox = "delegations@onepointentry.example";
    private readonly InMemoryEnquiryStore _store = new();
    private readonly InMemoryMailIndex _index = new();
    private readonly Mock<IScreeningQueue> _screening = new();
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly MailIntake _intake;

    public MailIntakeTests()
    {
        _intake = new MailIntake(
            _store, _index, _screening.Object, new Outbox(_deliveries, _queue.Object, _time, NullLogger<Outbox>.Instance), EnquiryExtractor.Default, new MailIntakeOptions(Mailbox), _time, NullLogger<MailIntake>.Instance);
    }

    private static DeliveryId AcknowledgementOf(EnquiryReference reference) => new(reference.ToString(), DeliveryKind.Acknowledgement);

    private static MailContent Content(string? from = "li.na@example.cn", bool automated = false) => new()
    {
        MessageId = "abc123@mail.example.cn",
        Subject = "访问请求",
        FromAddress = from,
        FromName = "李娜",
        SentAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)),
        Text = "尊敬的先生/女士：辽宁省辽阳市人民政府代表团一行5人计划于2027年3月10日访问哥本哈根，希望了解皮草产业。",
        IsAutomated = automated,
    };

    [Fact]
    public async Task A_new_mail_becomes_one_queued_enquiry_and_one_acknowledgement_in_the_outbox_answering_its_thread()
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Accepted, result.Outcome);
        Assert.True(result.Acknowledged);
        var enquiry = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquirySource.Mail, enquiry.Source);
        Assert.Equal(EnquiryStatus.Received, enquiry.Status);
        Assert.Equal("li.na@example.cn", enquiry.Submission.ContactEmail);
        Assert.Equal("zh", enquiry.Submission.Language);
        Assert.Equal("CN", enquiry.Submission.Country);
        Assert.Equal(new MailOrigin("abc123@mail.example.cn", "graph-1", "访问请求"), enquiry.Mail);
        var acknowledgement = Assert.Single(_deliveries.Deliveries);
        Assert.Equal(AcknowledgementOf(result.Reference), acknowledgement.Id);
        Assert.Equal((DeliveryState.Pending, 0, _time.GetUtcNow()), (acknowledgement.State, acknowledgement.Attempts, acknowledgement.RecordedAt));
        Assert.Equal("graph-1", acknowledgement.Mail!.InReplyToMessageId);
        Assert.Contains(result.Reference.ToString(), acknowledgement.Mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh\"", acknowledgement.Mail.HtmlBody, StringComparison.Ordinal);
        _queue.Verify(q => q.SendAsync(acknowledgement.Id, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _screening.Verify(q => q.SendAsync(result.Reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_enquiry_keeps_the_evidence_the_extractor_gave_for_each_fact()
    {
        var content = Content();

        await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", content), CancellationToken.None);

        Assert.Equal(EnquiryExtractor.Default.Extract(content).Evidence, Assert.Single(_store.Enquiries).Evidence);
    }

    [Fact]
    public async Task The_same_mail_seen_again_after_the_acknowledgement_went_out_records_and_queues_nothing_new()
    {
        var first = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);
        var sent = _deliveries.Put(_deliveries.Get(AcknowledgementOf(first.Reference))! with { State = DeliveryState.Delivered, Mail = null, DeliveredAt = _time.GetUtcNow() });
        _screening.Invocations.Clear();
        _queue.Invocations.Clear();
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Repeated, second.Outcome);
        Assert.Equal(first.Reference, second.Reference);
        // Acknowledged: by the first intake, whose delivery is the one kept.
        Assert.True(second.Acknowledged);
        Assert.Single(_store.Enquiries);
        Assert.Equal(sent, Assert.Single(_deliveries.Deliveries));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_same_mail_seen_again_while_its_acknowledgement_waits_queues_that_one_again_and_records_no_second()
    {
        var first = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);
        var recorded = Assert.Single(_deliveries.Deliveries);
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.True(second.Acknowledged);
        Assert.Equal(recorded, Assert.Single(_deliveries.Deliveries));
        _queue.Verify(q => q.SendAsync(AcknowledgementOf(first.Reference), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_delivery_after_the_acknowledgement_could_not_be_queued_queues_the_one_recorded()
    {
        _queue.SetupSequence(q => q.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("queue unreachable"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None));
        var retry = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Repeated, retry.Outcome);
        Assert.True(retry.Acknowledged);
        Assert.Equal(AcknowledgementOf(retry.Reference), Assert.Single(_deliveries.Deliveries).Id);
        _queue.Verify(q => q.SendAsync(AcknowledgementOf(retry.Reference), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_delivery_after_screening_could_not_be_queued_records_the_acknowledgement_it_owes()
    {
        _screening.SetupSequence(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("queue unreachable"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None));
        Assert.Empty(_deliveries.Deliveries);
        var retry = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.True(retry.Acknowledged);
        Assert.Equal(AcknowledgementOf(retry.Reference), Assert.Single(_deliveries.Deliveries).Id);
    }

    [Fact]
    public async Task Automated_mail_is_stored_for_a_person_but_never_answered()
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content(automated: true)), CancellationToken.None);

        // An auto-reply, a bounce or list mail is no enquiry: kept, without facts, for a person to look at.
        Assert.Equal(MailIntakeOutcome.NeedsManualReview, result.Outcome);
        Assert.False(result.Acknowledged);
        Assert.Single(_store.Enquiries);
        Assert.Empty(_deliveries.Deliveries);
        _queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(Mailbox)]
    [InlineData("DELEGATIONS@onepointentry.example")]
    [InlineData(null)]
    [InlineData("not-an-address")]
    public async Task Mail_from_the_mailbox_itself_or_from_nobody_is_never_answered(string? from)
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content(from)), CancellationToken.None);

        Assert.False(result.Acknowledged);
        Assert.Empty(_deliveries.Deliveries);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Mail_posted_raw_is_answered_with_a_new_mail_to_its_sender()
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", null, Content()), CancellationToken.None);

        Assert.True(result.Acknowledged);
        var sent = Assert.Single(_deliveries.Deliveries).Mail!;
        Assert.Null(sent.InReplyToMessageId);
        Assert.Equal(["li.na@example.cn"], sent.To);
        Assert.Contains("访问请求", sent.Subject, StringComparison.Ordinal);
        Assert.Contains(result.Reference.ToString(), sent.PlainTextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_that_could_not_be_read_is_kept_for_manual_review_with_the_reason()
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("sha256:00ff", "graph-9", null, "Unexpected end of headers"), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.NeedsManualReview, result.Outcome);
        var enquiry = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.NeedsManualReview, enquiry.Status);
        Assert.Contains("Unexpected end of headers", enquiry.ManualReviewReason, StringComparison.Ordinal);
        _screening.VerifyNoOtherCalls();
        Assert.Empty(_deliveries.Deliveries);
    }

    [Fact]
    public async Task A_claimed_reference_that_another_enquiry_holds_is_claimed_anew()
    {
        var taken = EnquiryReference.New(new DateOnly(2026, 11, 25));
        _store.Put(new Enquiry { Reference = taken, Source = EnquirySource.WebForm, ReceivedAt = _time.GetUtcNow(), Submission = TestData.ValidSubmission() });
        await _index.TryClaimAsync("abc123@mail.example.cn", taken, CancellationToken.None);

        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.NotEqual(taken, result.Reference);
        Assert.Equal(2, _store.Enquiries.Count);
        Assert.Equal(result.Reference, await _index.FindAsync("abc123@mail.example.cn", CancellationToken.None));
    }

    [Fact]
    public void The_acknowledgement_speaks_danish_chinese_or_else_english_and_escapes_the_subject()
    {
        Assert.Contains("Tak for din henvendelse", Acknowledgement.For("da", "OPE-2611-7K3F", null).PlainTextBody, StringComparison.Ordinal);
        Assert.Contains("感谢", Acknowledgement.For("zh", "OPE-2611-7K3F", null).PlainTextBody, StringComparison.Ordinal);
        Assert.Equal("en", Acknowledgement.For("sv", "OPE-2611-7K3F", null).Language);
        Assert.Equal("en", Acknowledgement.For(null, "OPE-2611-7K3F", null).Language);
        Assert.DoesNotContain("<script>", Acknowledgement.For("en", "<script>", "x").HtmlBody, StringComparison.Ordinal);
    }

    private sealed class InMemoryMailIndex : IMailIndex
    {
        private readonly Dictionary<string, EnquiryReference> _claims = [];

        public Task<EnquiryReference?> FindAsync(string messageKey, CancellationToken cancellationToken) =>
            Task.FromResult(_claims.TryGetValue(messageKey, out var reference) ? reference : (EnquiryReference?)null);

        public Task<bool> TryClaimAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken) =>
            Task.FromResult(_claims.TryAdd(messageKey, reference));

        public Task ReassignAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken)
        {
            _claims[messageKey] = reference;
            return Task.CompletedTask;
        }
    }
}
