using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Subscriptions;

/// <summary>
/// Sends a lifecycle event (<c>reauthorizationRequired</c>, <c>subscriptionRemoved</c>, <c>missed</c>) to one live
/// subscription or to every one, to its <c>lifecycleNotificationUrl</c>; <c>subscriptionRemoved</c> also removes
/// the subscription, as Graph has by then.
/// </summary>
internal sealed class LifecycleEvents(StandInState state, SubscriptionRoutes subscriptions, NotificationSender sender)
{
    public static IReadOnlyList<string> Known { get; } = ["reauthorizationRequired", "subscriptionRemoved", "missed"];

    /// <summary>The ids of the subscriptions told; null when <paramref name="subscriptionId"/> names no live subscription.</summary>
    public IReadOnlyList<string>? Send(string lifecycleEvent, string? subscriptionId)
    {
        var name = Known.First(known => known.Equals(lifecycleEvent, StringComparison.OrdinalIgnoreCase));
        lock (state.Gate)
        {
            subscriptions.RemoveExpired();
            var targets = state.Data.Subscriptions.Where(subscription => subscriptionId is null || subscription.Id == subscriptionId).ToList();
            if (subscriptionId is not null && targets.Count == 0)
            {
                return null;
            }

            foreach (var subscription in targets)
            {
                sender.QueueLifecycle(subscription, name);
                if (name == "subscriptionRemoved")
                {
                    state.Data.Subscriptions.Remove(subscription);
                    state.MarkChanged();
                }
            }

            return [.. targets.Select(subscription => subscription.Id)];
        }
    }
}
