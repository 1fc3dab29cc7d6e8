namespace Microsoft365StandIn;

/// <summary>
/// A request the stand-in made to a subscriber: a validation handshake, a change notification or a lifecycle
/// notification, with the status of its last attempt (null when it never got an answer).
/// </summary>
public sealed record SentNotification(string Kind, string Url, string? SubscriptionId, string? Body, int? Status, int Attempts, DateTimeOffset SentAt);
