using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Mail;

namespace OnePointEntry.Domain.Tests.Mail;

public sealed class MailboxKeeperTests
{
    private readonly Mock<IMailbox> _mailbox = new(MockBehavior.Strict);
    private readonly Mock<IMailQueue> _queue = new(MockBehavior.Strict);
    private readonly InMemoryState _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly MailNotificationOptions _options = new("client-state-secret-123", new Uri("https://ope.example/api/mail/notifications"));
    private readonly MailboxKeeper _keeper;

    public MailboxKeeperTests()
    {
        _keeper = new MailboxKeeper(_mailbox.Object, _state, _queue.Object, _options, _time, NullLogger<MailboxKeeper>.Instance);
    }

    [Fact]
    public async Task Without_a_subscription_one_is_created_with_the_client_state_and_saved()
    {
        MailboxSubscriptionRequest? asked = null;
        _mailbox.Setup(m => m.CreateSubscriptionAsync(It.IsAny<MailboxSubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((MailboxSubscriptionRequest r, CancellationToken _) => asked = r)
            .ReturnsAsync(new MailboxSubscription("sub-1", _time.GetUtcNow().AddDays(6)));

        await _keeper.EnsureSubscriptionAsync(renewNow: false, CancellationToken.None);

        Assert.Equal(_options.ClientState, asked!.ClientState);
        Assert.Equal(_options.NotificationUrl, asked.NotificationUrl);
        Assert.True(asked.ExpiresAt - _time.GetUtcNow() <= TimeSpan.FromMinutes(10_080));
        Assert.Equal("sub-1", _state.Current.SubscriptionId);
    }

    [Fact]
    public async Task A_subscription_with_days_left_is_left_alone()
    {
        _state.Current = new MailboxState("sub-1", _time.GetUtcNow().AddDays(3), null, "v");

        await _keeper.EnsureSubscriptionAsync(renewNow: false, CancellationToken.None);

        _mailbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_subscription_near_its_end_is_renewed()
    {
        _state.Current = new MailboxState("sub-1", _time.GetUtcNow().AddHours(30), null, "v");
        _mailbox.Setup(m => m.RenewSubscriptionAsync("sub-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MailboxSubscription("sub-1", _time.GetUtcNow().AddDays(6)));

        await _keeper.EnsureSubscriptionAsync(renewNow: false, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddDays(6), _state.Current.SubscriptionExpiresAt);
    }

    [Fact]
    public async Task A_subscription_graph_no_longer_knows_is_created_again()
    {
        _state.Current = new MailboxState("sub-old", _time.GetUtcNow().AddHours(1), "delta-1", "v");
        _mailbox.Setup(m => m.RenewSubscriptionAsync("sub-old", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync((MailboxSubscription?)null);
        _mailbox.Setup(m => m.CreateSubscriptionAsync(It.IsAny<MailboxSubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MailboxSubscription("sub-new", _time.GetUtcNow().AddDays(6)));

        await _keeper.EnsureSubscriptionAsync(renewNow: false, CancellationToken.None);

        Assert.Equal("sub-new", _state.Current.SubscriptionId);
        Assert.Equal("delta-1", _state.Current.DeltaLink);
    }

    [Theory]
    [InlineData("reauthorizationRequired")]
    [InlineData("subscriptionRemoved")]
    public async Task Lifecycle_events_renew_or_recreate_the_subscription(string lifecycleEvent)
    {
        _state.Current = new MailboxState("sub-1", _time.GetUtcNow().AddDays(5), null, "v");
        _mailbox.Setup(m => m.RenewSubscriptionAsync("sub-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MailboxSubscription("sub-1", _time.GetUtcNow().AddDays(6)));
        _mailbox.Setup(m => m.CreateSubscriptionAsync(It.IsAny<MailboxSubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MailboxSubscription("sub-2", _time.GetUtcNow().AddDays(6)));

        await _keeper.HandleLifecycleEventAsync(lifecycleEvent, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddDays(6), _state.Current.SubscriptionExpiresAt);
    }

    [Fact]
    public async Task The_catch_up_queues_new_inbox_messages_and_keeps_the_delta_link()
    {
        _state.Current = new MailboxState("sub-1", _time.GetUtcNow().AddDays(5), "delta-1", "v");
        _mailbox.Setup(m => m.ReadInboxChangesAsync("delta-1", It.IsAny<CancellationToken>())).ReturnsAsync(new MailboxChanges(["m1", "m2"], "delta-2"));
        var queued = new List<string>();
        _queue.Setup(q => q.SendMessageAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback((string id, CancellationToken _) => queued.Add(id)).Returns(Task.CompletedTask);

        await _keeper.HandleLifecycleEventAsync("missed", CancellationToken.None);

        Assert.Equal(["m1", "m2"], queued);
        Assert.Equal("delta-2", _state.Current.DeltaLink);
        Assert.Equal("sub-1", _state.Current.SubscriptionId);
    }

    private sealed class InMemoryState : IMailboxStateStore
    {
        private int _version;

        public MailboxState Current { get; set; } = new(null, null, null);

        public Task<MailboxState> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Current with { Version = _version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        public Task<bool> TrySaveAsync(MailboxState state, CancellationToken cancellationToken)
        {
            if (state.Version != _version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return Task.FromResult(false);
            }

            _version++;
            Current = state;
            return Task.FromResult(true);
        }
    }
}
