using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
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
    private readonly Mock<IMailbox> _mailbox = new(MockBehavior.Strict);
    private readonly Mock<IMailSender> _sender = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly MailIntake _intake;

    public MailIntakeTests()
    {
        _intake = new MailIntake(_store, _index, _screening.Object, _mailbox.Object, _sender.Object, EnquiryExtractor.Default, new MailIntakeOptions(Mailbox), _time, NullLogger<MailIntake>.Instance);
    }

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
    public async Task A_new_mail_becomes_one_queued_enquiry_and_one_reply_in_its_thread()
    {
        string? replied = null;
        _mailbox.Setup(m => m.ReplyAsync("graph-1", It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback((string _, string html, CancellationToken _) => replied = html).Returns(Task.CompletedTask);

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
        Assert.NotNull(enquiry.AcknowledgedAt);
        Assert.Contains(result.Reference.ToString(), replied, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh\"", replied, StringComparison.Ordinal);
        _screening.Verify(q => q.SendAsync(result.Reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_same_mail_seen_again_changes_nothing_and_sends_nothing()
    {
        _mailbox.Setup(m => m.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var first = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);
        _screening.Invocations.Clear();

        var second = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Repeated, second.Outcome);
        Assert.Equal(first.Reference, second.Reference);
        Assert.False(second.Acknowledged);
        Assert.Single(_store.Enquiries);
        _mailbox.Verify(m => m.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_after_a_failed_reply_sends_the_reply_it_owes()
    {
        _mailbox.SetupSequence(m => m.ReplyAsync("graph-1", It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("Graph unreachable"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None));
        var retry = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content()), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Repeated, retry.Outcome);
        Assert.True(retry.Acknowledged);
        Assert.NotNull(Assert.Single(_store.Enquiries).AcknowledgedAt);
    }

    [Fact]
    public async Task Automated_mail_is_stored_but_never_answered()
    {
        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", "graph-1", Content(automated: true)), CancellationToken.None);

        Assert.Equal(MailIntakeOutcome.Accepted, result.Outcome);
        Assert.False(result.Acknowledged);
        _mailbox.VerifyNoOtherCalls();
        _sender.VerifyNoOtherCalls();
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
        _mailbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Mail_posted_raw_is_answered_through_the_sending_port()
    {
        OutgoingMail? sent = null;
        _sender.Setup(s => s.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>())).Callback((OutgoingMail m, CancellationToken _) => sent = m).Returns(Task.CompletedTask);

        var result = await _intake.TakeInAsync(new ReceivedMail("abc123@mail.example.cn", null, Content()), CancellationToken.None);

        Assert.True(result.Acknowledged);
        Assert.Equal(["li.na@example.cn"], sent!.To);
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
        _mailbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_claimed_reference_that_another_enquiry_holds_is_claimed_anew()
    {
        _mailbox.Setup(m => m.ReplyAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
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
