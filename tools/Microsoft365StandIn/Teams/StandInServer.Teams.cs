using System.Text.Json.Nodes;

namespace Microsoft365StandIn;

/// <summary>The Teams Workflows webhooks, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>The <c>sig</c> the webhooks accept.</summary>
    public string TeamsSignature { get; }

    /// <summary>The webhook URL of the <see cref="DefaultTeamsChannel"/>, with the signature, for <c>Teams__WebhookUrl</c>.</summary>
    public Uri TeamsWebhookUrl => TeamsWebhookUrlFor(DefaultTeamsChannel);

    /// <summary>The <c>Teams:WebhookUrl</c> setting for this stand-in.</summary>
    public Dictionary<string, string?> TeamsSettings => new() { ["Teams:WebhookUrl"] = TeamsWebhookUrl.AbsoluteUri };

    /// <summary>Every request to a webhook, including the ones answered with a fault.</summary>
    public IReadOnlyList<RecordedRequest> TeamsRequests => Locked(() => (IReadOnlyList<RecordedRequest>)[.. _state.TeamsRequests]);

    /// <summary>The messages accepted by any channel's webhook (<c>{"type":"message","attachments":[...]}</c>), in order.</summary>
    public IReadOnlyList<JsonNode> PostedMessages => Locked(() => (IReadOnlyList<JsonNode>)[.. _state.Data.TeamsPosts.Select(post => post.Message.DeepClone())]);

    /// <summary>A channel's webhook URL, with the signature, as Workflows gives one.</summary>
    public Uri TeamsWebhookUrlFor(string channel) =>
        new(BaseUrl, $"workflows/{Uri.EscapeDataString(channel)}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Uri.EscapeDataString(TeamsSignature)}");

    /// <summary>The messages one channel's webhook accepted, in order.</summary>
    public IReadOnlyList<JsonNode> PostedMessagesTo(string channel) => Locked(() => (IReadOnlyList<JsonNode>)[.. _state.Data.TeamsPosts
        .Where(post => string.Equals(post.Channel, channel, StringComparison.OrdinalIgnoreCase))
        .Select(post => post.Message.DeepClone())]);

    /// <summary>The next <paramref name="count"/> webhook posts are answered with this status instead (and a Retry-After when given).</summary>
    public void FailNextTeamsPosts(int status, int count = 1, TimeSpan? retryAfter = null) => Locked(() =>
    {
        for (var i = 0; i < count; i++)
        {
            _state.Faults.TeamsPosts.Enqueue((status, retryAfter));
        }

        return true;
    });
}
