namespace OnePointEntry.Routing;

/// <summary>A calendar block for screening one enquiry.</summary>
/// <param name="StaffId">The screener's Graph user id or user principal name.</param>
/// <param name="HtmlBody">Already escaped: the enquiry's text is the sender's and may hold anything.</param>
/// <param name="TransactionId">Stable per enquiry, so a retried booking never books twice.</param>
public sealed record ScreeningAppointment(string StaffId, string Subject, string HtmlBody, DateTimeOffset Start, DateTimeOffset End, string TransactionId);
