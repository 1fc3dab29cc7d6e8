namespace OnePointEntry.Enquiries;

/// <summary>One change of an enquiry's status, as the audit keeps it.</summary>
/// <param name="ChangedBy">The staff member's user name, or <c>system:&lt;step&gt;</c> for the app's own steps.</param>
/// <param name="Note">Why, in the changer's words (optional).</param>
public sealed record StatusChange(EnquiryReference Reference, EnquiryStatus From, EnquiryStatus To, string ChangedBy, DateTimeOffset ChangedAt, string? Note);
