namespace OnePointEntry.Mail;

/// <param name="ClientState">The secret given to Graph when subscribing and expected back in every notification.</param>
/// <param name="NotificationUrl">The app's public URL of <c>/api/mail/notifications</c>, which Graph posts to.</param>
public sealed record MailNotificationOptions(string ClientState, Uri NotificationUrl);
