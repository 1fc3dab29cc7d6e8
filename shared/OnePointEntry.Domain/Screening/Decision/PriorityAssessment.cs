using System.Text.Json.Serialization;

namespace OnePointEntry.Screening.Decision;

/// <summary>How urgently an enquiry should be screened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PriorityLevel>))]
public enum PriorityLevel
{
    Low,
    Normal,
    High,
}

/// <summary>One contribution to an enquiry's priority.</summary>
/// <param name="Factor"><c>sector</c>, <c>tour</c>, <c>completeness</c> or <c>timing</c>.</param>
/// <param name="Points">What it adds (negative: takes away).</param>
/// <param name="Reason">Why, in words.</param>
public sealed record PriorityFactor(string Factor, int Points, string Reason);

/// <summary>An enquiry's priority, its score, and every contribution to it.</summary>
public sealed record PriorityAssessment(PriorityLevel Level, int Score, IReadOnlyList<PriorityFactor> Factors);
