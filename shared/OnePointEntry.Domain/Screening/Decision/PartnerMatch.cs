using System.Text.Json.Serialization;
using OnePointEntry.Directories;

namespace OnePointEntry.Screening.Decision;

/// <summary>A partner suggested for an enquiry, with why.</summary>
/// <param name="PartnerId">The partner's id in the directory.</param>
/// <param name="Score">The sum of the reasons' points; higher is a better match.</param>
/// <param name="MatchedThemes">The enquiry's themes the partner covers, sorted.</param>
/// <param name="Reasons">Each reason in words, strongest first.</param>
public sealed record PartnerMatch(
    string PartnerId,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))] PartnerKind Kind,
    int Score,
    IReadOnlyList<string> MatchedThemes,
    IReadOnlyList<string> Reasons);
