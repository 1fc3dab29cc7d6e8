namespace OnePointEntry.Screening.Decision;

/// <summary>Who screens an enquiry, and why.</summary>
/// <param name="StaffId">The staff member's id (Graph user id or UPN); null when nobody, not even a team lead, can take it.</param>
/// <param name="StaffName">The staff member's display name; null with <paramref name="StaffId"/>.</param>
/// <param name="IsFallback">True when nobody fitted and the team lead takes it as the named fallback.</param>
/// <param name="Reasons">Every step of the choice in words, in order.</param>
/// <param name="AssignedBy">The team lead who gave the screening to this person in place of the one chosen before; null when the app chose.</param>
public sealed record ScreenerChoice(string? StaffId, string? StaffName, bool IsFallback, IReadOnlyList<string> Reasons, string? AssignedBy = null);
