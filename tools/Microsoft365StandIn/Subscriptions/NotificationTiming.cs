namespace Microsoft365StandIn.Subscriptions;

/// <summary>
/// How long the stand-in waits for subscribers: Graph's 10 seconds for the validation handshake, and for a
/// notification; after a failed notification it tries again <see cref="Retries"/> times, waiting
/// <see cref="RetryDelay"/>, then twice that, and so on.
/// </summary>
internal sealed record NotificationTiming(TimeSpan ValidationTimeout, TimeSpan NotificationTimeout, TimeSpan RetryDelay, int Retries);
