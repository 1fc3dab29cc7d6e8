namespace OnePointEntry.Mail;

/// <summary>A change-notification subscription on the shared mailbox's inbox.</summary>
public sealed record MailboxSubscription(string Id, DateTimeOffset ExpiresAt);
