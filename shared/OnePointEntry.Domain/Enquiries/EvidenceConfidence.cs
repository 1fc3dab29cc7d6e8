namespace OnePointEntry.Enquiries;

/// <summary>
/// When the machine's confidence in a fact it read (<see cref="Extraction.FieldEvidence.Confidence"/>) counts as low:
/// staff are asked to check such a value rather than trust it. One threshold, so that the API and the workspace call
/// the same values doubtful.
/// </summary>
public static class EvidenceConfidence
{
    /// <summary>
    /// From here on a value counts as sure. The extractor leaves out what it is not sure enough of at all; between
    /// that and this, a value is kept and shown as one to check.
    /// </summary>
    public const double Sure = 0.8;

    /// <summary>Whether <paramref name="confidence"/> (0..1) is below <see cref="Sure"/>; a confidence that is not a number is low.</summary>
    public static bool IsLow(double confidence) => !(confidence >= Sure);
}
