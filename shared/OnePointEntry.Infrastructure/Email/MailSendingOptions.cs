namespace OnePointEntry.Infrastructure.Email;

/// <summary>
/// Which adapter sends the app's outgoing mail (acknowledgements to relayed mail, reports, notifications).
/// Section <c>MailSending</c>: <c>MailSending__Adapter</c> = <c>Graph</c> (default: from the shared mailbox) or
/// <c>AzureCommunicationServices</c> (from a no-reply domain), which then needs <c>MailSending__AcsEndpoint</c> and
/// <c>MailSending__AcsSenderAddress</c>.
/// </summary>
public sealed class MailSendingOptions
{
    public const string SectionName = "MailSending";

    /// <summary>The first Email API version that has inline attachments (<c>contentId</c>); 2023-03-31 has none.</summary>
    public const string DefaultAcsApiVersion = "2025-09-01";

    public MailSendingAdapter Adapter { get; set; } = MailSendingAdapter.Graph;

    /// <summary>The Communication Services resource, e.g. <c>https://ope-mail.europe.communication.azure.com</c>.</summary>
    public Uri? AcsEndpoint { get; set; }

    /// <summary>A sender address of a domain connected to the resource, e.g. <c>DoNotReply@notify.onepointentry.dk</c>.</summary>
    public string? AcsSenderAddress { get; set; }

    public string AcsApiVersion { get; set; } = DefaultAcsApiVersion;

    /// <summary>How long to wait for the send operation to finish before giving up with an error.</summary>
    public TimeSpan AcsOperationTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public enum MailSendingAdapter
{
    Graph,
    AzureCommunicationServices,
}
