namespace Microsoft365StandIn;

/// <summary>
/// A change notification subscription as created; <see cref="UsesImmutableIds"/> when it was created with
/// <c>Prefer: IdType="ImmutableId"</c>, so its notifications name messages by their immutable ids.
/// </summary>
public sealed record SubscriptionState(
    string Id,
    string Resource,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    DateTimeOffset ExpiresAt,
    bool UsesImmutableIds = false);
