using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>A validated status change request.</summary>
/// <param name="VisitDate">The arrival day of the visit being scheduled or moved.</param>
public sealed record StatusChangeRequest(EnquiryStatus Status, string ChangedBy, string? Note, DateOnly? VisitDate = null);
