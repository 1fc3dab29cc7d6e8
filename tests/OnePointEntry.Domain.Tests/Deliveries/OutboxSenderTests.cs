using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class OutboxSenderTests
{
    private const string Screener = "mei@onepointentry.example";
    private const string TransactionId = "3f2b6c1e-8a4d-4f0e-9b7a-1c2d3e4f5a6b";
    private static readonly DeliveryId s_acknowledgement = new("OPE-2611-7K3F", DeliveryKind.Acknowledgement);
    private static readonly DeliveryId s_event = new("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, Screener);
    private static readonly DeliveryId s_task = new("OPE-2611-7K3F", DeliveryKind.ScreeningTask, Screener);
    private static readonly DeliveryId s_card = new("OPE-2611-7K3F", DeliveryKind.ScreeningCard, Screener);

    // Wednesday 25 November 2026, 10:00 in Copenhagen.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _store = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<IMailbox> _mailbox = new();
    private readonly Mock<IMailSender> _mailSender = new();
    private readonly Mock<IScreeningCalendar> _calendar = new();
    private readonly Mock<IScreeningTaskBoard> _board = new();
    private readonly Mock<ITeamsNotifier> _teams = new();
    private readonly Mock<IDependencyFailureReader> _failures = new();
    private readonly DeliveryOptions _options = new();

    public OutboxSenderTests()
    {
        _failures.Setup(f => f.Read(It.IsAny<Exception>())).Returns(new DependencyFailure("Microsoft Graph", null, false));
        _calendar.Setup(c => c.GetBusyAsync(It.IsAny<string>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).ReturnsAsync("event-1");
        _board.Setup(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync("task-1");
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private DateTimeOffset Deadline => ScreeningDeadline.For(Now);

    private OutboxSender Sender(IDeliveryStore? store = null) => new(
        store ?? _store, _queue.Object, _mailbox.Object, _mailSender.Object, _calendar.Object, _board.Object, _teams.Object,
        _failures.Object, _options, _time, NullLogger<OutboxSender>.Instance);

    private static OutgoingMail Mail(string? inReplyTo = null) => new()
    {
        To = ["li.na@example.cn"],
        Subject = "Re: 访问请求",
        HtmlBody = "<p>OPE-2611-7K3F</p>",
        InReplyToMessageId = inReplyTo,
    };

    private Delivery Acknowledgement(string? inReplyTo = null) => Delivery.OfMail(s_acknowledgement, Mail(inReplyTo), Now);

    private Delivery Booking(DateTimeOffset? deadline = null) =>
        Delivery.OfBooking(s_event, new ScreeningBooking(Screener, "[OPE-2611-7K3F] Screening", "<p>brief</p>", deadline ?? Deadline, TransactionId), Now);

    private Delivery PlannerTask() => Delivery.OfTask(s_task, new ScreeningTask("OPE-2611-7K3F", Screener, "[OPE-2611-7K3F] Screening", "brief", Deadline), Now);

    private Delivery Card() => Delivery.OfCard(s_card, new TeamsCard("[OPE-2611-7K3F] Screening", "Screening for Mei", [], null), Now);

    private void MailFails(Exception exception) =>
        _mailSender.Setup(s => s.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<IDeliveryProgress>(), It.IsAny<CancellationToken>())).ThrowsAsync(exception);

    [Fact]
    public async Task A_mail_is_sent_through_the_mail_sender_and_kept_as_delivered_without_its_content()
    {
        var recorded = _store.Put(Acknowledgement());
        (OutgoingMail Mail, IDeliveryProgress Progress)? sent = null;
        _mailSender.Setup(s => s.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<IDeliveryProgress>(), It.IsAny<CancellationToken>()))
            .Callback((OutgoingMail mail, IDeliveryProgress progress, CancellationToken _) => sent = (mail, progress))
            .Returns(Task.CompletedTask);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        var delivered = _store.Get(s_acknowledgement)!;
        Assert.Equal((DeliveryState.Delivered, 1, Now), (delivered.State, delivered.Attempts, delivered.DeliveredAt));
        Assert.Equal((null, null, null, null), (delivered.Mail, delivered.Booking, delivered.Task, delivered.Card));
        Assert.Equal((null, null, null), (delivered.HeldUntil, delivered.NextAttemptAt, delivered.LastError));
        Assert.Same(recorded.Mail, sent!.Value.Mail);
        Assert.Equal("OPE-2611-7K3F~Acknowledgement", sent.Value.Progress.DeliveryKey);
        Assert.Null(sent.Value.Progress.Checkpoint);
        _mailbox.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
        Assert.False(_store.IsIndexed(s_acknowledgement));
    }

    [Fact]
    public async Task A_reply_to_a_mailbox_message_goes_through_the_mailbox_in_its_conversation()
    {
        _store.Put(Acknowledgement(inReplyTo: "graph-1"));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        _mailbox.Verify(m => m.ReplyAsync("graph-1", "<p>OPE-2611-7K3F</p>", It.Is<IDeliveryProgress>(p => p.DeliveryKey == "OPE-2611-7K3F~Acknowledgement"), It.IsAny<CancellationToken>()), Times.Once);
        _mailSender.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_checkpoint_saved_during_an_attempt_is_stored_and_kept_as_the_result()
    {
        _store.Put(Acknowledgement(inReplyTo: "graph-1"));
        _mailbox.Setup(m => m.ReplyAsync("graph-1", It.IsAny<string>(), It.IsAny<IDeliveryProgress>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string _, IDeliveryProgress progress, CancellationToken cancellation) => progress.SaveAsync("draft-1", cancellation));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        Assert.Contains(_store.Updates, update => update is { State: DeliveryState.Pending, Checkpoint: "draft-1" });
        var delivered = _store.Get(s_acknowledgement)!;
        Assert.Equal(("draft-1", "draft-1"), (delivered.Checkpoint, delivered.Result));
    }

    [Fact]
    public async Task The_attempt_after_a_lost_answer_sees_the_checkpoint_the_first_kept()
    {
        _store.Put(Acknowledgement());
        var seen = new List<string?>();
        _mailSender.Setup(s => s.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<IDeliveryProgress>(), It.IsAny<CancellationToken>()))
            .Returns(async (OutgoingMail _, IDeliveryProgress progress, CancellationToken cancellation) =>
            {
                seen.Add(progress.Checkpoint);
                if (progress.Checkpoint is null)
                {
                    await progress.SaveAsync("draft-1", cancellation);
                    throw new TimeoutException("The answer was lost.");
                }
            });

        Assert.Equal(DeliveryState.Pending, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        Assert.Equal([null, "draft-1"], seen);
        Assert.Equal((2, "draft-1"), (_store.Get(s_acknowledgement)!.Attempts, _store.Get(s_acknowledgement)!.Result));
    }

    [Fact]
    public async Task A_booking_takes_the_first_free_half_hour_in_the_screeners_calendar_before_the_deadline()
    {
        _store.Put(Booking());
        // Busy until 11:30 Copenhagen time: the first free half hour starts then.
        _calendar.Setup(c => c.GetBusyAsync(Screener, new TimeInterval(Now, Deadline), It.IsAny<CancellationToken>())).ReturnsAsync([new TimeInterval(Now, Now.AddMinutes(90))]);
        ScreeningAppointment? booked = null;
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>()))
            .Callback((ScreeningAppointment appointment, CancellationToken _) => booked = appointment)
            .ReturnsAsync("event-1");

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_event, CancellationToken.None));

        Assert.Equal(new ScreeningAppointment(Screener, "[OPE-2611-7K3F] Screening", "<p>brief</p>", Now.AddMinutes(90), Now.AddMinutes(120), TransactionId), booked);
        var delivered = _store.Get(s_event)!;
        Assert.Equal(("event-1", null), (delivered.Result, delivered.Booking));
    }

    [Fact]
    public async Task Without_a_free_half_hour_the_block_goes_just_before_the_deadline()
    {
        _store.Put(Booking());
        _calendar.Setup(c => c.GetBusyAsync(Screener, It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>())).ReturnsAsync([new TimeInterval(Now, Deadline)]);

        await Sender().DeliverAsync(s_event, CancellationToken.None);

        _calendar.Verify(c => c.BookAsync(It.Is<ScreeningAppointment>(a => a.Start == Deadline - FreeSlotFinder.SlotLength && a.End == Deadline), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_booking_whose_deadline_passed_while_it_waited_takes_the_first_free_half_hour_from_now()
    {
        _store.Put(Booking(deadline: Now.AddHours(-1)));

        await Sender().DeliverAsync(s_event, CancellationToken.None);

        _calendar.Verify(c => c.GetBusyAsync(Screener, new TimeInterval(Now, Now.AddDays(7)), It.IsAny<CancellationToken>()), Times.Once);
        _calendar.Verify(c => c.BookAsync(It.Is<ScreeningAppointment>(a => a.Start == Now && a.End == Now.AddMinutes(30)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_task_is_created_on_the_board_and_its_id_kept()
    {
        var recorded = _store.Put(PlannerTask());

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_task, CancellationToken.None));

        _board.Verify(b => b.CreateTaskAsync(recorded.Task!, It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(("task-1", null), (_store.Get(s_task)!.Result, _store.Get(s_task)!.Task));
    }

    [Fact]
    public async Task A_first_attempt_at_a_task_does_not_search_the_board_but_a_later_one_does()
    {
        var retried = new DeliveryId("OPE-2611-8M4G", DeliveryKind.ScreeningTask, Screener);
        _store.Put(PlannerTask());
        _store.Put(PlannerTask() with { Id = retried, Attempts = 1, LastError = "Microsoft Graph: timeout" });

        await Sender().DeliverAsync(s_task, CancellationToken.None);
        await Sender().DeliverAsync(retried, CancellationToken.None);

        _board.Verify(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), false, It.IsAny<CancellationToken>()), Times.Once);
        _board.Verify(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_card_is_posted_to_the_team()
    {
        var recorded = _store.Put(Card());

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_card, CancellationToken.None));

        _teams.Verify(t => t.PostAsync(recorded.Card!, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal((null, null), (_store.Get(s_card)!.Result, _store.Get(s_card)!.Card));
    }

    [Fact]
    public async Task A_failed_attempt_leaves_the_delivery_pending_and_queues_the_next_after_a_jittered_wait()
    {
        var recorded = _store.Put(Acknowledgement());
        MailFails(new HttpRequestException("Service unavailable"));

        Assert.Equal(DeliveryState.Pending, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        var pending = _store.Get(s_acknowledgement)!;
        Assert.Equal((DeliveryState.Pending, 1, null), (pending.State, pending.Attempts, pending.HeldUntil));
        Assert.Equal("Microsoft Graph: HttpRequestException: Service unavailable", pending.LastError);
        Assert.Equal(recorded.Mail, pending.Mail);
        var delay = pending.NextAttemptAt!.Value - Now;
        Assert.InRange(delay, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        _queue.Verify(q => q.SendAsync(s_acknowledgement, delay, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(pending.NextAttemptAt, _store.NextCheckOf(s_acknowledgement));
    }

    [Fact]
    public async Task The_wait_after_a_later_failure_is_longer()
    {
        _store.Put(Acknowledgement() with { Attempts = 4, NextAttemptAt = Now, LastError = "Microsoft Graph: HttpRequestException: 503" });
        MailFails(new HttpRequestException("Service unavailable"));

        await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None);

        var pending = _store.Get(s_acknowledgement)!;
        Assert.Equal(5, pending.Attempts);
        Assert.InRange(pending.NextAttemptAt!.Value - Now, TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(160));
    }

    [Fact]
    public async Task The_wait_the_service_asked_for_is_honoured()
    {
        _store.Put(Card());
        _teams.Setup(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("Too many requests"));
        _failures.Setup(f => f.Read(It.IsAny<HttpRequestException>())).Returns(new DependencyFailure("Teams", TimeSpan.FromMinutes(2), false));

        await Sender().DeliverAsync(s_card, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(2), _store.Get(s_card)!.NextAttemptAt);
        Assert.StartsWith("Teams: ", _store.Get(s_card)!.LastError, StringComparison.Ordinal);
        _queue.Verify(q => q.SendAsync(s_card, TimeSpan.FromMinutes(2), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_permanent_failure_fails_the_delivery_at_once_naming_the_dependency()
    {
        var recorded = _store.Put(PlannerTask());
        var refused = new InvalidOperationException("Forbidden");
        _board.Setup(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ThrowsAsync(refused);
        _failures.Setup(f => f.Read(refused)).Returns(new DependencyFailure("Microsoft Graph", null, true));

        Assert.Equal(DeliveryState.DeliveryFailed, await Sender().DeliverAsync(s_task, CancellationToken.None));

        var failed = _store.Get(s_task)!;
        Assert.Equal((DeliveryState.DeliveryFailed, 1, null, null), (failed.State, failed.Attempts, failed.HeldUntil, failed.NextAttemptAt));
        Assert.Equal("Microsoft Graph: InvalidOperationException: Forbidden", failed.LastError);
        // Kept for an operator's resend.
        Assert.Equal(recorded.Task, failed.Task);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_last_attempt_failing_fails_the_delivery()
    {
        _store.Put(Acknowledgement() with { Attempts = _options.MaxAttempts - 1, NextAttemptAt = Now });
        MailFails(new HttpRequestException("Service unavailable"));
        _failures.Setup(f => f.Read(It.IsAny<Exception>())).Returns(new DependencyFailure("Azure Communication Services", TimeSpan.FromSeconds(30), false));

        Assert.Equal(DeliveryState.DeliveryFailed, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        var failed = _store.Get(s_acknowledgement)!;
        Assert.Equal((DeliveryState.DeliveryFailed, _options.MaxAttempts), (failed.State, failed.Attempts));
        Assert.StartsWith("Azure Communication Services: HttpRequestException", failed.LastError, StringComparison.Ordinal);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_long_error_is_cut_short()
    {
        _store.Put(Acknowledgement());
        MailFails(new HttpRequestException(new string('x', 2_000)));

        await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None);

        var error = _store.Get(s_acknowledgement)!.LastError!;
        Assert.Equal(500, error.Length);
        Assert.EndsWith("x…", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_of_the_channel_is_a_failure_to_retry_but_the_hosts_cancellation_is_not()
    {
        _store.Put(Acknowledgement());
        MailFails(new TaskCanceledException("The request timed out."));

        Assert.Equal(DeliveryState.Pending, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));
        Assert.NotNull(_store.Get(s_acknowledgement)!.NextAttemptAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        using var shutdown = new CancellationTokenSource();
        _mailSender.Setup(s => s.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<IDeliveryProgress>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await shutdown.CancelAsync();
                shutdown.Token.ThrowIfCancellationRequested();
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender().DeliverAsync(s_acknowledgement, shutdown.Token));
        Assert.Equal(2, _store.Get(s_acknowledgement)!.Attempts);
        _queue.Verify(q => q.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_next_attempt_that_cannot_be_queued_is_left_to_the_sweep()
    {
        _store.Put(Acknowledgement());
        MailFails(new HttpRequestException("Service unavailable"));
        _queue.Setup(q => q.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Storage unreachable"));

        Assert.Equal(DeliveryState.Pending, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        var pending = _store.Get(s_acknowledgement)!;
        Assert.NotNull(pending.NextAttemptAt);
        Assert.Equal(pending.NextAttemptAt, _store.NextCheckOf(s_acknowledgement));
    }

    public static TheoryData<string> NotToSend() => ["waiting for its next attempt", "held by another attempt", "delivered", "failed"];

    [Theory]
    [MemberData(nameof(NotToSend))]
    public async Task A_delivery_that_is_not_due_is_not_sent(string state)
    {
        var recorded = _store.Put(state switch
        {
            "waiting for its next attempt" => Acknowledgement() with { Attempts = 1, NextAttemptAt = Now.AddSeconds(30) },
            "held by another attempt" => Acknowledgement() with { Attempts = 1, HeldUntil = Now.AddMinutes(4) },
            "delivered" => Acknowledgement() with { State = DeliveryState.Delivered, Attempts = 1, DeliveredAt = Now },
            _ => Acknowledgement() with { State = DeliveryState.DeliveryFailed, Attempts = 10 },
        });

        Assert.Equal(recorded.State, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        Assert.Equal(recorded, _store.Get(s_acknowledgement));
        _mailSender.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_message_a_moment_early_is_taken_and_a_hold_that_ran_out_is_taken_over()
    {
        _store.Put(Acknowledgement() with { Attempts = 1, NextAttemptAt = Now.AddSeconds(1) });
        _store.Put(Card() with { Attempts = 1, HeldUntil = Now.AddSeconds(-1) });

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));
        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_card, CancellationToken.None));

        Assert.Equal(2, _store.Get(s_card)!.Attempts);
    }

    [Fact]
    public async Task A_delivery_that_is_not_recorded_is_not_sent()
    {
        Assert.Null(await Sender().DeliverAsync(s_acknowledgement, CancellationToken.None));

        _mailSender.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_attempt_holds_the_delivery_while_it_runs()
    {
        _store.Put(Card());
        Delivery? whileSending = null;
        _teams.Setup(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()))
            .Returns(async () => whileSending = await _store.FindAsync(s_card, CancellationToken.None));

        await Sender().DeliverAsync(s_card, CancellationToken.None);

        Assert.Equal((DeliveryState.Pending, 1, Now + _options.HoldTime), (whileSending!.State, whileSending.Attempts, whileSending.HeldUntil));
    }

    [Fact]
    public async Task Another_attempt_taking_hold_first_means_nothing_is_sent()
    {
        var store = new Mock<IDeliveryStore>();
        store.Setup(s => s.FindAsync(s_acknowledgement, It.IsAny<CancellationToken>())).ReturnsAsync(Acknowledgement() with { Version = "1" });
        store.Setup(s => s.TryUpdateAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync((Delivery?)null);

        Assert.Equal(DeliveryState.Pending, await Sender(store.Object).DeliverAsync(s_acknowledgement, CancellationToken.None));

        store.Verify(s => s.TryUpdateAsync(It.Is<Delivery>(d => d.Attempts == 1 && d.HeldUntil == Now + _options.HoldTime), It.IsAny<CancellationToken>()), Times.Once);
        _mailSender.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_message_is_read_and_its_delivery_attempted_and_one_that_names_none_is_dropped()
    {
        _store.Put(Card());

        await Sender().HandleMessageAsync(DeliveryMessage.Create(s_card), CancellationToken.None);
        await Sender().HandleMessageAsync("{\"delivery\":\"OPE-2611-7K3F\"}", CancellationToken.None);
        await Sender().HandleMessageAsync("not json", CancellationToken.None);

        Assert.Equal(DeliveryState.Delivered, _store.Get(s_card)!.State);
        _teams.Verify(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
