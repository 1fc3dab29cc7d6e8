namespace OnePointEntry.Functions.Enquiries;

public sealed record StatusChangeView(string From, string To, string ChangedBy, DateTimeOffset ChangedAt, string? Note);
