namespace OnePointEntry.Mail;

/// <summary>One change or lifecycle notification from Microsoft Graph, as far as the app reads it.</summary>
/// <param name="ClientState">The secret the subscription was made with, echoed by Graph.</param>
/// <param name="MessageId">The mailbox id of the new message (resourceData.id); null for lifecycle notifications.</param>
/// <param name="LifecycleEvent">reauthorizationRequired, subscriptionRemoved or missed; null for change notifications.</param>
public sealed record MailNotification(string? SubscriptionId, string? ClientState, string? MessageId, string? LifecycleEvent);
