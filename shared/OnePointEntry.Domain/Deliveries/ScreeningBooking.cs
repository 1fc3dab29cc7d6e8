namespace OnePointEntry.Deliveries;

/// <summary>
/// A screening block to put in a screener's calendar: the first free half hour before <see cref="Deadline"/>,
/// found when it is delivered (the calendar as it is then, not as it was when the enquiry was routed).
/// </summary>
/// <param name="TransactionId">The same for every attempt, so that Graph makes one event however often it is asked.</param>
public sealed record ScreeningBooking(string StaffId, string Subject, string HtmlBody, DateTimeOffset Deadline, string TransactionId);
