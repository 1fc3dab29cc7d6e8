namespace OnePointEntry.Enquiries;

/// <summary>What became of a correction: the enquiry as it now stands (null when not found) and, when invalid, what was wrong by field.</summary>
public sealed record CorrectionResult(CorrectionOutcome Outcome, Enquiry? Enquiry, IReadOnlyDictionary<string, string> Problems)
{
    public static CorrectionResult Of(CorrectionOutcome outcome, Enquiry? enquiry) =>
        new(outcome, enquiry, new Dictionary<string, string>(StringComparer.Ordinal));
}
