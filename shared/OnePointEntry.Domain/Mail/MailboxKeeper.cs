using Microsoft.Extensions.Logging;

namespace OnePointEntry.Mail;

/// <summary>
/// Keeps the shared mailbox's change notifications flowing and catches up on what they missed: creates
/// the subscription when there is none, renews it well before Graph ends it, and reads the inbox's changes
/// since the last delta link so that a mail whose notification never came is still taken in.
/// </summary>
public sealed partial class MailboxKeeper(
    IMailbox mailbox,
    IMailboxStateStore stateStore,
    IMailQueue queue,
    MailNotificationOptions options,
    TimeProvider time,
    ILogger<MailboxKeeper> logger)
{
    /// <summary>Asked of Graph for each subscription: under the 10,080 minutes mail subscriptions may live.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(10_000);

    /// <summary>A subscription with less than this left is renewed, so a few failed runs do not let it lapse.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(2);

    /// <summary>The timer's work: subscription alive, then the catch-up.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        await EnsureSubscriptionAsync(renewNow: false, cancellationToken);
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Handles one of Graph's lifecycle events about the subscription.</summary>
    public async Task HandleLifecycleEventAsync(string lifecycleEvent, CancellationToken cancellationToken)
    {
        switch (lifecycleEvent)
        {
            case "reauthorizationRequired":
                await EnsureSubscriptionAsync(renewNow: true, cancellationToken);
                break;
            case "subscriptionRemoved":
                await CreateSubscriptionAsync(await stateStore.ReadAsync(cancellationToken), cancellationToken);
                break;
            case "missed":
                await CatchUpAsync(cancellationToken);
                break;
            default:
                LogUnknownLifecycleEvent(logger, lifecycleEvent);
                break;
        }
    }

    public async Task EnsureSubscriptionAsync(bool renewNow, CancellationToken cancellationToken)
    {
        var state = await stateStore.ReadAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (state.SubscriptionId is null || state.SubscriptionExpiresAt is null || state.SubscriptionExpiresAt <= now)
        {
            await CreateSubscriptionAsync(state, cancellationToken);
            return;
        }

        if (!renewNow && state.SubscriptionExpiresAt - now > RenewalMargin)
        {
            return;
        }

        var renewed = await mailbox.RenewSubscriptionAsync(state.SubscriptionId, now + SubscriptionLifetime, cancellationToken);
        if (renewed is null)
        {
            LogSubscriptionGone(logger, state.SubscriptionId);
            await CreateSubscriptionAsync(state, cancellationToken);
            return;
        }

        await SaveAsync(state with { SubscriptionId = renewed.Id, SubscriptionExpiresAt = renewed.ExpiresAt }, cancellationToken);
        LogRenewed(logger, renewed.Id, renewed.ExpiresAt);
    }

    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var state = await stateStore.ReadAsync(cancellationToken);
        var changes = await mailbox.ReadInboxChangesAsync(state.DeltaLink, cancellationToken);
        foreach (var messageId in changes.MessageIds)
        {
            // Queued, not taken in here: intake is idempotent by Message-ID, so mail that a notification
            // also announced becomes one enquiry.
            await queue.SendMessageAsync(messageId, cancellationToken);
        }

        await SaveAsync((await stateStore.ReadAsync(cancellationToken)) with { DeltaLink = changes.DeltaLink }, cancellationToken);
        LogCaughtUp(logger, changes.MessageIds.Count);
        return changes.MessageIds.Count;
    }

    private async Task CreateSubscriptionAsync(MailboxState state, CancellationToken cancellationToken)
    {
        var lifecycleUrl = options.NotificationUrl;
        var created = await mailbox.CreateSubscriptionAsync(
            new MailboxSubscriptionRequest(options.NotificationUrl, lifecycleUrl, options.ClientState, time.GetUtcNow() + SubscriptionLifetime),
            cancellationToken);
        await SaveAsync(state with { SubscriptionId = created.Id, SubscriptionExpiresAt = created.ExpiresAt }, cancellationToken);
        LogCreated(logger, created.Id, created.ExpiresAt);
    }

    private async Task SaveAsync(MailboxState state, CancellationToken cancellationToken)
    {
        if (!await stateStore.TrySaveAsync(state, cancellationToken))
        {
            // Another instance saved meanwhile: its state is as good as ours; the next run reconciles.
            LogStateRaced(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox subscription {SubscriptionId} created, expires {ExpiresAt}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox subscription {SubscriptionId} renewed until {ExpiresAt}")]
    private static partial void LogRenewed(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox subscription {SubscriptionId} no longer exists; creating a new one")]
    private static partial void LogSubscriptionGone(ILogger logger, string subscriptionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox catch-up queued {Count} messages")]
    private static partial void LogCaughtUp(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown Graph lifecycle event {LifecycleEvent} ignored")]
    private static partial void LogUnknownLifecycleEvent(ILogger logger, string lifecycleEvent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox state changed by another instance while saving; left to the next run")]
    private static partial void LogStateRaced(ILogger logger);
}
