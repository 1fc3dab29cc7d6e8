namespace OnePointEntry.Directories;

/// <summary>Who at a partner takes delegation requests.</summary>
public sealed record PartnerContact(string Name, string Email, string? Phone);
