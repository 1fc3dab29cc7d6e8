using Microsoft.Extensions.Options;

namespace OnePointEntry.Infrastructure.Email;

/// <summary>Fails start-up naming the missing setting when Azure Communication Services is chosen but not configured.</summary>
internal sealed class MailSendingOptionsValidator : IValidateOptions<MailSendingOptions>
{
    public ValidateOptionsResult Validate(string? name, MailSendingOptions options)
    {
        if (!Enum.IsDefined(options.Adapter))
        {
            return ValidateOptionsResult.Fail("MailSending__Adapter must be Graph or AzureCommunicationServices.");
        }

        if (options.Adapter != MailSendingAdapter.AzureCommunicationServices)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.AcsEndpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("MailSending__AcsEndpoint is required when MailSending__Adapter is AzureCommunicationServices: the https endpoint of the Communication Services resource.");
        }

        if (string.IsNullOrWhiteSpace(options.AcsSenderAddress))
        {
            failures.Add("MailSending__AcsSenderAddress is required when MailSending__Adapter is AzureCommunicationServices: a sender address of a domain connected to the resource.");
        }

        if (string.IsNullOrWhiteSpace(options.AcsApiVersion))
        {
            failures.Add("MailSending__AcsApiVersion must not be empty.");
        }

        if (options.AcsOperationTimeout <= TimeSpan.Zero)
        {
            failures.Add("MailSending__AcsOperationTimeout must be positive, e.g. 00:02:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
