using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// The team channel's Workflows webhook ("When a Teams webhook request is received"). Section <c>Teams</c>:
/// <c>Teams__WebhookUrl</c> (a secret: its <c>sig</c> lets anyone post, so in Azure it is a Key Vault reference),
/// <c>Teams__MaxRetries</c>, <c>Teams__RetryDelay</c>.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The webhook's URL, https (plain http only on a loopback address, for a stand-in).</summary>
    [Required(ErrorMessage = "Teams__WebhookUrl is required: the Workflows webhook URL of the team's channel (a Key Vault secret in Azure).")]
    public Uri? WebhookUrl { get; set; }

    /// <summary>Retries after a 408, 429 or 5xx answer or a network failure; Retry-After is honoured.</summary>
    [Range(0, 10, ErrorMessage = "Teams__MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the answer says nothing (Retry-After), doubling each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Teams__RetryDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal const string HttpsRequired = "Teams__WebhookUrl must use https (plain http is only allowed to a loopback address, for a stand-in): the URL carries the webhook's signature.";

    /// <summary>Null when the URL may be used; otherwise why not, naming the setting.</summary>
    internal static string? ProblemWith(Uri? url) => url switch
    {
        null => "Teams__WebhookUrl is required: the Workflows webhook URL of the team's channel (a Key Vault secret in Azure).",
        { IsAbsoluteUri: false } => "Teams__WebhookUrl must be an absolute URL.",
        { Scheme: "https" } => null,
        { Scheme: "http", IsLoopback: true } => null,
        _ => HttpsRequired,
    };
}
