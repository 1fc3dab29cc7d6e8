namespace OnePointEntry.Mail;

/// <summary>What mail intake needs to know about the shared mailbox.</summary>
/// <param name="MailboxAddress">The shared mailbox's own address: mail from it is never answered (no loops).</param>
public sealed record MailIntakeOptions(string MailboxAddress);
