using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Teams;

/// <summary>A message a Workflows webhook accepted for its channel (<c>{"type":"message","attachments":[...]}</c>).</summary>
internal sealed record TeamsPost(string Channel, DateTimeOffset ReceivedAt, JsonObject Message);
