using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>What every section of the page reads: the state, the moment it describes, the directory's names, and the style rules being collected.</summary>
internal sealed class PageContext
{
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public PageContext(JsonObject state)
    {
        State = state;
        Now = StateJson.Time(state, "generatedAt") ?? DateTimeOffset.UtcNow;
        Cards = new AdaptiveCardRenderer(Styles);
        foreach (var user in StateJson.Objects(state, "users"))
        {
            if (StateJson.String(user, "displayName") is { Length: > 0 } name)
            {
                foreach (var key in new[] { StateJson.String(user, "id"), StateJson.String(user, "mail"), StateJson.String(user, "userPrincipalName") })
                {
                    if (!string.IsNullOrEmpty(key))
                    {
                        _names.TryAdd(key, name);
                    }
                }
            }
        }
    }

    public JsonObject State { get; }

    /// <summary>When the state was taken: "upcoming", "overdue" and "expired" are measured from it.</summary>
    public DateTimeOffset Now { get; }

    public DynamicStyles Styles { get; } = new();

    public AdaptiveCardRenderer Cards { get; }

    /// <summary>The directory's display name for a user id or address, or null when the directory has none.</summary>
    public string? NameOf(string? idOrAddress) => idOrAddress is not null && _names.TryGetValue(idOrAddress, out var name) ? name : null;
}
