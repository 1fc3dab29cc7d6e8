using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>A validated status change request.</summary>
public sealed record StatusChangeRequest(EnquiryStatus Status, string ChangedBy, string? Note);
