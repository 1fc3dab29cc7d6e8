namespace OnePointEntry.Screening.Decision;

/// <summary>The word lists screening decisions use, kept as data in <c>screening-cues.json</c>.</summary>
public sealed record ScreeningCues
{
    private static readonly Lazy<ScreeningCues> s_default = new(() => ReferenceData.Read<ScreeningCues>("screening-cues.json"));

    /// <summary>The lists in the embedded <c>screening-cues.json</c>.</summary>
    public static ScreeningCues Default => s_default.Value;

    /// <summary>Words that mark spam (casino, backlinks, 博彩, ...).</summary>
    public IReadOnlyList<string> SpamCues { get; init; } = [];

    /// <summary>Words that show a text is about a visit or delegation (delegation, visit, 代表团, ...).</summary>
    public IReadOnlyList<string> DelegationCues { get; init; } = [];

    /// <summary>Words that show a travel agency's tour (travel agency, 旅行社, ...).</summary>
    public IReadOnlyList<string> TourOperatorCues { get; init; } = [];
}
