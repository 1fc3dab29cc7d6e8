namespace OnePointEntry.Mail;

/// <param name="MessageIds">Mailbox ids of messages new since the last delta link.</param>
/// <param name="DeltaLink">Where to continue next time.</param>
public sealed record MailboxChanges(IReadOnlyList<string> MessageIds, string DeltaLink);
