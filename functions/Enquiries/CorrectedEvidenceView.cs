namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// In place of the machine's evidence for a fact staff corrected: the value shown is staff's, and what the machine read
/// it from does not speak for it.
/// </summary>
public sealed record CorrectedEvidenceView
{
    /// <summary>Always true: the field is here to say so.</summary>
    public bool CorrectedByStaff { get; init; } = true;
}
