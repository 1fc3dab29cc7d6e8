using OnePointEntry.Enquiries;

namespace OnePointEntry.Mail;

/// <param name="Acknowledged">Whether the sender is acknowledged: the acknowledgement is in the outbox (recorded now or before).</param>
public sealed record MailIntakeResult(MailIntakeOutcome Outcome, EnquiryReference Reference, bool Acknowledged);
