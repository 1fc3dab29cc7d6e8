using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Graph;

/// <summary>
/// One Graph request to dispatch: the request as recorded (path relative to <c>/v1.0</c>) and the root the
/// client reached the stand-in at, for the links in answers. Requests inside a <c>$batch</c> are calls too.
/// </summary>
internal sealed record GraphCall(RecordedRequest Request, string Root)
{
    public const string PreferImmutableId = "IdType=\"ImmutableId\"";

    public string Method => Request.Method;

    public string Path => Request.Path;

    public string GraphBase => $"{Root}/v1.0";

    /// <summary>Whether the client asked for immutable ids (<c>Prefer: IdType="ImmutableId"</c>).</summary>
    public bool PrefersImmutableIds => Prefers(PreferImmutableId);

    public bool Prefers(string preference) =>
        Request.Header("Prefer") is { } prefer && prefer.Contains(preference, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a <c>Prefer</c> preference such as <c>outlook.timezone="UTC"</c> or <c>odata.maxpagesize=5</c>.</summary>
    public string? Preference(string name)
    {
        if (Request.Header("Prefer") is not { } prefer)
        {
            return null;
        }

        foreach (var part in prefer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The JSON body as an object (property names case-insensitive), or null when there is none or it is not JSON.</summary>
    public JsonObject? JsonBody()
    {
        try
        {
            return Request.Json as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
