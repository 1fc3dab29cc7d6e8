namespace OnePointEntry.Mail;

/// <summary>What the app remembers about the shared mailbox between runs.</summary>
/// <param name="SubscriptionId">The change-notification subscription; null when none was made yet.</param>
/// <param name="SubscriptionExpiresAt">When Graph ends the subscription unless it is renewed.</param>
/// <param name="DeltaLink">Where the inbox catch-up continues from.</param>
/// <param name="Version">The store's concurrency token; null for state not yet stored.</param>
public sealed record MailboxState(string? SubscriptionId, DateTimeOffset? SubscriptionExpiresAt, string? DeltaLink, string? Version = null);
