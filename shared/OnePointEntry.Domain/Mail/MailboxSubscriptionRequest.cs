namespace OnePointEntry.Mail;

/// <param name="NotificationUrl">Where Graph posts change notifications (the app's /api/mail/notifications).</param>
/// <param name="LifecycleNotificationUrl">Where Graph posts reauthorizationRequired, subscriptionRemoved and missed.</param>
/// <param name="ClientState">The secret Graph echoes in every notification, checked on arrival.</param>
public sealed record MailboxSubscriptionRequest(Uri NotificationUrl, Uri LifecycleNotificationUrl, string ClientState, DateTimeOffset ExpiresAt);
