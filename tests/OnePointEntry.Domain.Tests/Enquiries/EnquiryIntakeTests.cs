using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Enquiries;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryIntakeTests
{
    private readonly Mock<IEnquiryStore> _store = new(MockBehavior.Strict);
    private readonly Mock<IScreeningQueue> _queue = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));
    private readonly EnquiryIntake _intake;

    public EnquiryIntakeTests()
    {
        _intake = new EnquiryIntake(new EnquiryFormValidator(CountryDirectory.Default, ThemeTaxonomy.Default), _store.Object, _queue.Object, _time, NullLogger<EnquiryIntake>.Instance);
    }

    [Fact]
    public async Task A_valid_form_is_stored_with_its_marks_then_queued_then_accepted()
    {
        var calls = new List<string>();
        NoMarksFound();
        Enquiry? stored = null;
        IReadOnlyList<SubmissionMark>? marks = null;
        _store.Setup(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .Callback((Enquiry e, IReadOnlyList<SubmissionMark> m, IReadOnlyCollection<StoredSubmissionMark> _, CancellationToken _) => { stored = e; marks = m; calls.Add("store"); })
            .ReturnsAsync(AddEnquiryResult.Added);
        _queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).Callback(() => calls.Add("queue")).Returns(Task.CompletedTask);

        var result = await _intake.SubmitAsync(TestData.ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal(["store", "queue"], calls);
        Assert.Equal(stored!.Reference, result.Reference);
        Assert.Equal("OPE-2611-", stored.Reference.ToString()[..9]);
        Assert.Equal(EnquiryStatus.Received, stored.Status);
        // The sender typed each field: nothing was read, so there is no evidence of reading.
        Assert.Empty(stored.Evidence);
        Assert.Equal(EnquirySource.WebForm, stored.Source);
        Assert.Equal(_time.GetUtcNow(), stored.ReceivedAt);
        Assert.Equal([SubmissionMarkKind.IdempotencyKey, SubmissionMarkKind.Fingerprint], marks!.Select(m => m.Kind));
        _queue.Verify(q => q.SendAsync(stored.Reference, It.IsAny<CancellationToken>()), Times.Once);
        // The store refuses a mark that exists: a new submission is not looked up first.
        _store.Verify(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_month_of_the_reference_is_the_month_in_copenhagen()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 1 December in Copenhagen
        NoMarksFound();
        Enquiry? stored = null;
        _store.Setup(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .Callback((Enquiry e, IReadOnlyList<SubmissionMark> _, IReadOnlyCollection<StoredSubmissionMark> _, CancellationToken _) => stored = e)
            .ReturnsAsync(AddEnquiryResult.Added);
        _queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None);

        Assert.Equal("2026-12", stored!.Reference.ReceivedMonth);
    }

    [Fact]
    public async Task A_filled_in_honeypot_is_answered_like_a_success_and_nothing_is_stored()
    {
        var result = await _intake.SubmitAsync(TestData.ValidForm() with { Website = "http://spam.example" }, null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Ignored, result.Outcome);
        Assert.NotNull(result.Reference);
        _store.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_invalid_form_stores_nothing()
    {
        var result = await _intake.SubmitAsync(TestData.ValidForm() with { ContactEmail = "nope" }, null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Invalid, result.Outcome);
        Assert.Equal([EnquiryFormFields.ContactEmail], result.Errors.Keys);
        _store.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_repeat_within_24_hours_gives_the_earlier_reference_and_stores_nothing()
    {
        var earlier = EnquiryReference.New(new DateOnly(2026, 11, 25));
        var fingerprint = SubmissionFingerprint.Of(Validate(TestData.ValidForm()));
        MarksTaken();
        _store.Setup(s => s.FindMarkAsync(It.Is<SubmissionMark>(m => m.Kind == SubmissionMarkKind.Fingerprint), "2026-11", It.IsAny<CancellationToken>()))
            .ReturnsAsync((SubmissionMark m, string month, CancellationToken _) => new StoredSubmissionMark(m, month, earlier, _time.GetUtcNow().AddHours(-23), "v1"));
        _store.Setup(s => s.FindAsync(earlier, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Enquiry { Reference = earlier, Source = EnquirySource.WebForm, ReceivedAt = _time.GetUtcNow().AddHours(-23), Status = EnquiryStatus.Screened, Submission = TestData.ValidSubmission() });

        var result = await _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Repeated, result.Outcome);
        Assert.Equal(earlier, result.Reference);
        Assert.NotEmpty(fingerprint);
        // The one attempt the store refused, since the mark was there.
        _store.Verify(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_repeat_of_an_enquiry_that_was_never_queued_queues_it()
    {
        var earlier = EnquiryReference.New(new DateOnly(2026, 11, 25));
        MarksTaken();
        _store.Setup(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), "2026-11", It.IsAny<CancellationToken>()))
            .ReturnsAsync((SubmissionMark m, string month, CancellationToken _) => new StoredSubmissionMark(m with { Fingerprint = SubmissionFingerprint.Of(Validate(TestData.ValidForm())) }, month, earlier, _time.GetUtcNow().AddMinutes(-1), "v1"));
        _store.Setup(s => s.FindAsync(earlier, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Enquiry { Reference = earlier, Source = EnquirySource.WebForm, ReceivedAt = _time.GetUtcNow(), Submission = TestData.ValidSubmission() });
        _queue.Setup(q => q.SendAsync(earlier, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await _intake.SubmitAsync(TestData.ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(IntakeOutcome.Repeated, result.Outcome);
        _queue.Verify(q => q.SendAsync(earlier, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Early_in_a_month_the_previous_months_marks_are_searched_too()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero));
        var earlier = EnquiryReference.New(new DateOnly(2026, 11, 30));
        _store.Setup(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), "2026-12", It.IsAny<CancellationToken>())).ReturnsAsync((StoredSubmissionMark?)null);
        _store.Setup(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), "2026-11", It.IsAny<CancellationToken>()))
            .ReturnsAsync((SubmissionMark m, string month, CancellationToken _) => new StoredSubmissionMark(m, month, earlier, _time.GetUtcNow().AddHours(-10), "v1"));
        _store.Setup(s => s.FindAsync(earlier, It.IsAny<CancellationToken>())).ReturnsAsync((Enquiry?)null);

        var result = await _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None);

        Assert.Equal(earlier, result.Reference);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_other_content_is_refused()
    {
        var earlier = EnquiryReference.New(new DateOnly(2026, 11, 25));
        MarksTaken();
        _store.Setup(s => s.FindMarkAsync(It.Is<SubmissionMark>(m => m.Kind == SubmissionMarkKind.IdempotencyKey), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SubmissionMark m, string month, CancellationToken _) => new StoredSubmissionMark(m with { Fingerprint = "other" }, month, earlier, _time.GetUtcNow().AddHours(-1), "v1"));

        var result = await _intake.SubmitAsync(TestData.ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(IntakeOutcome.IdempotencyKeyReused, result.Outcome);
        Assert.Null(result.Reference);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_mark_older_than_24_hours_is_taken_over_by_a_new_enquiry()
    {
        var old = EnquiryReference.New(new DateOnly(2026, 11, 2));
        StoredSubmissionMark? expiredMark = null;
        _store.Setup(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), "2026-11", It.IsAny<CancellationToken>()))
            .ReturnsAsync((SubmissionMark m, string month, CancellationToken _) => expiredMark = new StoredSubmissionMark(m, month, old, _time.GetUtcNow().AddHours(-25), "v1"));
        var passed = new List<IReadOnlyCollection<StoredSubmissionMark>>();
        _store.Setup(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .Callback((Enquiry _, IReadOnlyList<SubmissionMark> _, IReadOnlyCollection<StoredSubmissionMark> expired, CancellationToken _) => passed.Add([.. expired]))
            .ReturnsAsync(() => passed.Count == 1 ? AddEnquiryResult.MarkTaken : AddEnquiryResult.Added);
        _queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.NotEqual(old, result.Reference);
        // Refused first (the old mark is there), then stored taking the old mark over.
        Assert.Equal(2, passed.Count);
        Assert.Empty(passed[0]);
        Assert.Equal([expiredMark!], passed[1]);
    }

    [Fact]
    public async Task A_reference_clash_draws_a_new_reference()
    {
        NoMarksFound();
        var attempts = new List<EnquiryReference>();
        _store.SetupSequence(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AddEnquiryResult.ReferenceTaken)
            .ReturnsAsync(AddEnquiryResult.Added);
        _queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).Callback((EnquiryReference r, CancellationToken _) => attempts.Add(r)).Returns(Task.CompletedTask);

        var result = await _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Accepted, result.Outcome);
        Assert.Equal([result.Reference!.Value], attempts);
        _store.Verify(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task When_the_queue_fails_the_sender_is_not_told_the_enquiry_was_accepted()
    {
        NoMarksFound();
        _store.Setup(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AddEnquiryResult.Added);
        _queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("queue unreachable"));

        await Assert.ThrowsAsync<IOException>(() => _intake.SubmitAsync(TestData.ValidForm(), null, CancellationToken.None));
    }

    [Fact]
    public void The_fingerprint_follows_the_content_and_not_the_way_it_was_sent()
    {
        var validator = new EnquiryFormValidator(CountryDirectory.Default, ThemeTaxonomy.Default);
        var submission = validator.Validate(TestData.ValidForm() with { Themes = ["fur-industry", "food-agriculture"] }).Submission!;
        var resent = validator.Validate(TestData.ValidForm() with { Themes = ["food-agriculture", "fur-industry"], Organisation = " Liaoyang Municipal People's Government " }).Submission!;

        Assert.Equal(SubmissionFingerprint.Of(submission), SubmissionFingerprint.Of(resent));
        Assert.NotEqual(SubmissionFingerprint.Of(submission), SubmissionFingerprint.Of(submission with { Purpose = "Something else" }));
        Assert.Matches("^[0-9a-f]{64}$", SubmissionFingerprint.Of(submission));
    }

    private static EnquirySubmission Validate(EnquiryForm form) =>
        new EnquiryFormValidator(CountryDirectory.Default, ThemeTaxonomy.Default).Validate(form).Submission!;

    private void MarksTaken() =>
        _store.Setup(s => s.AddAsync(It.IsAny<Enquiry>(), It.IsAny<IReadOnlyList<SubmissionMark>>(), It.IsAny<IReadOnlyCollection<StoredSubmissionMark>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AddEnquiryResult.MarkTaken);

    private void NoMarksFound() =>
        _store.Setup(s => s.FindMarkAsync(It.IsAny<SubmissionMark>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((StoredSubmissionMark?)null);
}
