using System.Text.Json.Serialization;

namespace OnePointEntry.Functions.Http;

/// <summary>An RFC 9457 problem document, with field errors for a rejected form.</summary>
public sealed record Problem
{
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
