using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// The shared mailbox reached through Microsoft Graph with the app's own identity (application permissions
/// Mail.ReadWrite and Mail.Send, limited to this mailbox by an application access policy). Section <c>Graph</c>:
/// <c>Graph__Mailbox</c>, <c>Graph__BaseUrl</c>, <c>Graph__ProcessedFolderName</c>.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>User principal name or object id of the shared mailbox, e.g. <c>delegations@onepointentry.dk</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Graph__Mailbox is required: the user principal name or object id of One-Point Entry's shared mailbox.")]
    public string Mailbox { get; set; } = "";

    /// <summary>Microsoft Graph's root, <c>https://graph.microsoft.com/v1.0</c>; a national cloud's, or a stand-in's in tests.</summary>
    [Required(ErrorMessage = "Graph__BaseUrl must be an absolute URL such as https://graph.microsoft.com/v1.0.")]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The inbox's child folder that taken-in mail is filed into; created when missing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Graph__ProcessedFolderName must not be empty (default: Processed).")]
    public string ProcessedFolderName { get; set; } = "Processed";

    /// <summary>
    /// <c>None</c> sends no token: only for a Graph stand-in on this machine (tests, local runs), and refused
    /// for any other <see cref="BaseUrl"/>. Empty: the app's credential (managed identity in Azure).
    /// </summary>
    public string? Credential { get; set; }

    /// <summary>True when <see cref="Credential"/> asks for no token.</summary>
    internal bool SendsNoToken => string.Equals(Credential, "None", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token scope for <see cref="BaseUrl"/>: <c>https://graph.microsoft.com/.default</c> in the global cloud.</summary>
    internal string Scope => new Uri(BaseUrl, "/.default").AbsoluteUri;
}
