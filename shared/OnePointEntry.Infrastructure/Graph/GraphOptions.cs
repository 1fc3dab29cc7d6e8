using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// The shared mailbox reached through Microsoft Graph with the app's own identity (application permissions
/// Mail.ReadWrite and Mail.Send, limited to this mailbox by an application access policy). Section <c>Graph</c>:
/// <c>Graph__Mailbox</c>, <c>Graph__BaseUrl</c>, <c>Graph__ProcessedFolderName</c>, <c>Graph__Credential</c>.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>User principal name or object id of the shared mailbox, e.g. <c>delegations@onepointentry.dk</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Graph__Mailbox is required: the user principal name or object id of One-Point Entry's shared mailbox.")]
    public string Mailbox { get; set; } = "";

    /// <summary>
    /// Microsoft Graph's root, <c>https://graph.microsoft.com/v1.0</c>; a national cloud's; or the Microsoft 365
    /// stand-in's, <c>http://127.0.0.1:7072/v1.0</c>, which with <see cref="Credential"/> <c>Local</c> is also
    /// where tokens come from: the one setting that says which Microsoft 365 the app talks to.
    /// </summary>
    [Required(ErrorMessage = "Graph__BaseUrl must be an absolute URL such as https://graph.microsoft.com/v1.0.")]
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The inbox's child folder that taken-in mail is filed into; created when missing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Graph__ProcessedFolderName must not be empty (default: Processed).")]
    public string ProcessedFolderName { get; set; } = "Processed";

    /// <summary>
    /// Empty: the app's identity (the managed identity in Azure, a developer's sign-in otherwise).
    /// <c>Local</c>: tokens from the Microsoft 365 stand-in's token endpoint at the origin of
    /// <see cref="BaseUrl"/> (<see cref="Identity.LocalTokenCredential"/>) for Graph, ACS and the health check
    /// alike; accepted only when <see cref="BaseUrl"/> is a loopback address.
    /// </summary>
    public string? Credential { get; set; }

    public const string LocalCredential = "Local";

    /// <summary>True when <see cref="Credential"/> asks for the stand-in's tokens.</summary>
    internal bool UsesLocalCredential => string.Equals(Credential, LocalCredential, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token scope for <see cref="BaseUrl"/>: <c>https://graph.microsoft.com/.default</c> in the global cloud.</summary>
    internal string Scope => new Uri(BaseUrl, "/.default").AbsoluteUri;
}
