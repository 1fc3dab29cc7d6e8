using OnePointEntry.Enquiries;

namespace OnePointEntry.Mail;

/// <param name="Acknowledged">Whether this intake sent the sender an acknowledgement.</param>
public sealed record MailIntakeResult(MailIntakeOutcome Outcome, EnquiryReference Reference, bool Acknowledged);
