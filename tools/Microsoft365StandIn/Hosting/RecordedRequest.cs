using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Microsoft365StandIn;

/// <summary>
/// A request the stand-in received. For Graph, <see cref="Path"/> is decoded and relative to <c>/v1.0</c>
/// (<c>/users/{mailbox}/messages/{id}/$value</c>); for the Teams webhook and ACS it is the whole path.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    Dictionary<string, StringValues> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    DateTime ReceivedAt)
{
    /// <summary>
    /// The JSON body, with property names matched case-insensitively as Graph does: the SDK writes action
    /// parameters as Graph's metadata spells them (<c>DestinationId</c>, <c>Message</c>, <c>SaveToSentItems</c>).
    /// </summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });

    /// <summary>The header's value, or null when the request did not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
