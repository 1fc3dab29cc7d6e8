using Azure.Core;

namespace OnePointEntry.Infrastructure.Email;

/// <summary>
/// The Azure SDK client options of <see cref="AcsEmailSender"/> (retries, transport, diagnostics, set app-wide
/// through Microsoft.Extensions.Azure) and what it takes from <see cref="MailSendingOptions"/>.
/// </summary>
public sealed class AcsEmailSenderOptions : ClientOptions
{
    public string? SenderAddress { get; set; }

    public string ApiVersion { get; set; } = MailSendingOptions.DefaultAcsApiVersion;

    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait between polls when the service sends no Retry-After.</summary>
    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
