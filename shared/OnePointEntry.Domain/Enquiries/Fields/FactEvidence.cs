using OnePointEntry.Extraction;

namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// Why the machine read one fact as it did: the entries of <see cref="Enquiry.Evidence"/> for one field (one per theme
/// for the themes), and whether staff corrected the fact since. A corrected fact no longer rests on the evidence: it
/// explains what the machine read (<see cref="EnquiryFacts.AsRead"/>), not what holds.
/// </summary>
/// <param name="Field">The fact.</param>
/// <param name="Entries">One entry; for the themes, one per theme, in the extractor's order.</param>
/// <param name="CorrectedByStaff">Whether staff corrected the fact.</param>
public sealed record FactEvidence(EnquiryField Field, IReadOnlyList<FieldEvidence> Entries, bool CorrectedByStaff)
{
    /// <summary>The evidence of each fact the enquiry has evidence for, in the editor's order; none for a web-form enquiry.</summary>
    public static IReadOnlyList<FactEvidence> Of(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        if (enquiry.Evidence.Count == 0)
        {
            return [];
        }

        var byField = enquiry.Evidence.ToLookup(evidence => evidence.Field, StringComparer.Ordinal);
        return [.. EnquiryFields.Correctable
            .Where(field => byField.Contains(field.Name))
            .Select(field => new FactEvidence(field, EntriesOf(field, byField[field.Name]), enquiry.Corrections.ContainsKey(field.Name)))];
    }

    // A fact has one value and a theme one reason: should the extractor give more, its first stands.
    private static List<FieldEvidence> EntriesOf(EnquiryField field, IEnumerable<FieldEvidence> entries) =>
        field.Kind == EnquiryFieldKind.Themes
            ? [.. entries.DistinctBy(entry => entry.Value, StringComparer.Ordinal)]
            : [entries.First()];
}
