namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>Who wrote, as given (empty once personal data is erased).</summary>
public sealed record SenderView(string? Name, string? Email, string? Phone);
