using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Domain.Tests.Deliveries;

/// <summary>A delivery that takes the place of another (the screening moved to someone else): what becomes of the one it replaces.</summary>
public sealed class ReplacedDeliveryTests
{
    private const string Reference = "OPE-2611-7K3F";
    private const string Jonas = "jonas@onepointentry.example";
    private const string Mei = "mei@onepointentry.example";
    private static readonly DeliveryId s_jonasEvent = new(Reference, DeliveryKind.ScreeningEvent, Jonas);
    private static readonly DeliveryId s_meiEvent = new(Reference, DeliveryKind.ScreeningEvent, Mei);
    private static readonly DeliveryId s_jonasTask = new(Reference, DeliveryKind.ScreeningTask, Jonas);
    private static readonly DeliveryId s_meiTask = new(Reference, DeliveryKind.ScreeningTask, Mei);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _store = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<IScreeningCalendar> _calendar = new();
    private readonly Mock<IScreeningTaskBoard> _board = new();
    private readonly Mock<IDependencyFailureReader> _failures = new();

    public ReplacedDeliveryTests()
    {
        _failures.Setup(f => f.Read(It.IsAny<Exception>())).Returns(new DependencyFailure("the app", null, false));
        _calendar.Setup(c => c.GetBusyAsync(It.IsAny<string>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).ReturnsAsync("event-mei");
        _board.Setup(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync("task-1");
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private OutboxSender Sender() => new(
        _store, _queue.Object, Mock.Of<IMailbox>(), Mock.Of<IMailSender>(), _calendar.Object, _board.Object, Mock.Of<ITeamsNotifier>(),
        _failures.Object, new DeliveryOptions(), _time, NullLogger<OutboxSender>.Instance);

    private Outbox Outbox() => new(_store, _queue.Object, _time, NullLogger<Outbox>.Instance);

    private Delivery Event(DeliveryId id, string screener, params DeliveryId[] replaces) =>
        Delivery.OfBooking(id, new ScreeningBooking(screener, $"[{Reference}] Screening", "<p>brief</p>", Now.AddDays(2), "tx-" + screener), Now) with { Replaces = replaces };

    private Delivery Task(DeliveryId id, string screener, params DeliveryId[] replaces) =>
        Delivery.OfTask(id, new ScreeningTask(Reference, screener, $"[{Reference}] Screening", "brief", Now.AddDays(2)), Now) with { Replaces = replaces };

    [Fact]
    public async Task An_event_that_went_out_is_deleted_from_the_old_screeners_calendar_before_the_new_one_is_booked()
    {
        var order = new List<string>();
        _store.Put(Event(s_jonasEvent, Jonas) with { State = DeliveryState.Delivered, Result = "event-jonas", Booking = null, DeliveredAt = Now });
        _store.Put(Event(s_meiEvent, Mei, s_jonasEvent));
        _calendar.Setup(c => c.CancelAsync(Jonas, "event-jonas", It.IsAny<CancellationToken>())).Callback(() => order.Add("cancel")).Returns(System.Threading.Tasks.Task.CompletedTask);
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("book")).ReturnsAsync("event-mei");

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_meiEvent, CancellationToken.None));

        Assert.Equal(["cancel", "book"], order);
        Assert.Equal((DeliveryState.Replaced, "event-jonas"), (_store.Get(s_jonasEvent)!.State, _store.Get(s_jonasEvent)!.Result));
        Assert.Equal((DeliveryState.Delivered, "event-mei"), (_store.Get(s_meiEvent)!.State, _store.Get(s_meiEvent)!.Result));
        Assert.False(_store.IsIndexed(s_jonasEvent));
    }

    [Fact]
    public async Task One_never_attempted_is_withdrawn_without_asking_the_calendar()
    {
        _store.Put(Event(s_jonasEvent, Jonas));
        _store.Put(Event(s_meiEvent, Mei, s_jonasEvent));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_meiEvent, CancellationToken.None));

        Assert.Equal(DeliveryState.Replaced, _store.Get(s_jonasEvent)!.State);
        _calendar.Verify(c => c.CancelAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _calendar.Verify(c => c.CancelBookingAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task One_that_has_not_gone_is_withdrawn_and_never_sent_and_an_event_an_earlier_attempt_may_have_made_is_looked_for()
    {
        _store.Put(Event(s_jonasEvent, Jonas) with { Attempts = 2, NextAttemptAt = Now.AddMinutes(5), LastError = "Microsoft Graph: HTTP 503" });
        _store.Put(Event(s_meiEvent, Mei, s_jonasEvent));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_meiEvent, CancellationToken.None));

        var withdrawn = _store.Get(s_jonasEvent)!;
        Assert.Equal(DeliveryState.Replaced, withdrawn.State);
        Assert.Null(withdrawn.Booking);
        Assert.False(_store.IsIndexed(s_jonasEvent));
        _calendar.Verify(c => c.CancelBookingAsync(Jonas, "tx-" + Jonas, It.IsAny<CancellationToken>()), Times.Once);
        _calendar.Verify(c => c.BookAsync(It.Is<ScreeningAppointment>(a => a.StaffId == Jonas), It.IsAny<CancellationToken>()), Times.Never);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(DeliveryState.Replaced, await Sender().DeliverAsync(s_jonasEvent, CancellationToken.None));
        _calendar.Verify(c => c.BookAsync(It.Is<ScreeningAppointment>(a => a.StaffId == Jonas), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task One_being_attempted_right_now_is_waited_for_and_the_new_one_tries_again_later()
    {
        _store.Put(Event(s_jonasEvent, Jonas) with { Attempts = 1, HeldUntil = Now.AddMinutes(2) });
        _store.Put(Event(s_meiEvent, Mei, s_jonasEvent));

        Assert.Equal(DeliveryState.Pending, await Sender().DeliverAsync(s_meiEvent, CancellationToken.None));

        Assert.Equal(DeliveryState.Pending, _store.Get(s_jonasEvent)!.State);
        var waiting = _store.Get(s_meiEvent)!;
        Assert.Equal((1, true), (waiting.Attempts, waiting.NextAttemptAt > Now));
        Assert.Contains("is being attempted", waiting.LastError, StringComparison.Ordinal);
        _calendar.Verify(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_task_that_went_out_is_not_deleted_the_new_task_hands_it_on()
    {
        _store.Put(Task(s_jonasTask, Jonas) with { State = DeliveryState.Delivered, Result = "task-1", Task = null });
        _store.Put(Task(s_meiTask, Mei, s_jonasTask));

        Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_meiTask, CancellationToken.None));

        Assert.Equal(DeliveryState.Replaced, _store.Get(s_jonasTask)!.State);
        _board.Verify(b => b.CreateTaskAsync(It.Is<ScreeningTask>(t => t.AssigneeId == Mei && t.Reference == Reference), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Once);
        _calendar.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_failed_one_is_replaced_too_so_that_no_operator_resends_it_to_the_old_screener()
    {
        _store.Put(Event(s_jonasEvent, Jonas) with { State = DeliveryState.DeliveryFailed, Attempts = 8, LastError = "Microsoft Graph: HTTP 403" });
        _store.Put(Event(s_meiEvent, Mei, s_jonasEvent));

        await Sender().DeliverAsync(s_meiEvent, CancellationToken.None);

        Assert.Equal(DeliveryState.Replaced, _store.Get(s_jonasEvent)!.State);
        Assert.False((await Outbox().ResendAsync(s_jonasEvent, CancellationToken.None)).Resent);
    }

    [Fact]
    public async Task A_replaced_delivery_recorded_again_when_the_screening_comes_back_is_recorded_anew_and_queued()
    {
        _store.Put(Event(s_jonasEvent, Jonas) with { State = DeliveryState.Replaced, Result = "event-jonas", Booking = null, Attempts = 1 });

        await Outbox().RecordAsync([Event(s_jonasEvent, Jonas, s_meiEvent)], CancellationToken.None);

        var renewed = _store.Get(s_jonasEvent)!;
        Assert.Equal((DeliveryState.Pending, 0, null), (renewed.State, renewed.Attempts, renewed.Result));
        Assert.Equal([s_meiEvent], renewed.Replaces);
        Assert.NotNull(renewed.Booking);
        Assert.True(_store.IsIndexed(s_jonasEvent));
        _queue.Verify(q => q.SendAsync(s_jonasEvent, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);

        // The same step repeated finds it pending and records nothing new.
        await Outbox().RecordAsync([Event(s_jonasEvent, Jonas, s_meiEvent)], CancellationToken.None);
        Assert.Equal(renewed.Version, _store.Get(s_jonasEvent)!.Version);
    }
}
