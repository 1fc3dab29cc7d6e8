namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// One entry of an enquiry's audit, oldest first: a status change (<c>kind</c> "status", with from, to and the
/// note) or a correction (<c>kind</c> "correction", with the field, before and after).
/// </summary>
public sealed record AuditEntryView(
    string Kind,
    DateTimeOffset At,
    string By,
    string? From = null,
    string? To = null,
    string? Note = null,
    string? Field = null,
    string? Before = null,
    string? After = null);
