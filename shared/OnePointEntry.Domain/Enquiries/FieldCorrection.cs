namespace OnePointEntry.Enquiries;

/// <summary>One field staff corrected, as the audit keeps it.</summary>
/// <param name="Field">The field's name (see <see cref="Fields.EnquiryFields"/>).</param>
/// <param name="Before">The value as it stood, canonical text; null when it was not known.</param>
/// <param name="After">The corrected value; null when staff cleared it.</param>
/// <param name="ChangedBy">The signed-in staff member's user name.</param>
public sealed record FieldCorrection(EnquiryReference Reference, string Field, string? Before, string? After, string ChangedBy, DateTimeOffset ChangedAt);
