namespace Microsoft365StandIn;

/// <summary>Subscriptions and what the stand-in sent to subscribers, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>The live subscriptions.</summary>
    public IReadOnlyList<SubscriptionState> Subscriptions =>
        Locked(() => (IReadOnlyList<SubscriptionState>)[.. _state.Data.Subscriptions.Where(subscription => subscription.ExpiresAt > _state.Now)]);

    /// <summary>Every request the stand-in made to subscribers (handshakes, notifications), in the order they ended.</summary>
    public IReadOnlyList<SentNotification> Notifications => Locked(() => (IReadOnlyList<SentNotification>)[.. _state.Notifications]);

    /// <summary>Forgets a subscription, as Graph does when one expires or is removed (no lifecycle notification).</summary>
    public void RemoveSubscription(string id) => Locked(() =>
    {
        if (_state.Data.Subscriptions.RemoveAll(subscription => subscription.Id == id) > 0)
        {
            _state.MarkChanged();
        }

        return true;
    });

    /// <summary>
    /// Sends a lifecycle event (<c>reauthorizationRequired</c>, <c>subscriptionRemoved</c>, <c>missed</c>) to one
    /// subscription or every live one, as <c>POST /standin/lifecycle</c> does; returns the ids told.
    /// </summary>
    public IReadOnlyList<string> SendLifecycleEvent(string lifecycleEvent, string? subscriptionId = null)
    {
        if (!Microsoft365StandIn.Subscriptions.LifecycleEvents.Known.Contains(lifecycleEvent, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{lifecycleEvent}' is not a lifecycle event.", nameof(lifecycleEvent));
        }

        return _services.Lifecycle.Send(lifecycleEvent, subscriptionId)
            ?? throw new ArgumentException($"No live subscription has the id {subscriptionId}.", nameof(subscriptionId));
    }

    /// <summary>Waits until every notification queued so far was delivered or given up.</summary>
    public Task WaitForNotificationsAsync(CancellationToken cancellationToken = default) => _notifications.DrainAsync(cancellationToken);
}
