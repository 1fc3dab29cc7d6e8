using Azure;
using Azure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using OnePointEntry.Infrastructure.Email;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// Tells a failure a retry may get past (a dependency out of reach, throttling, a token not to be had) from a
/// bug, and names the dependency that failed.
/// </summary>
public static class DependencyFailures
{
    /// <summary>The dependency that failed, or null when the exception is not a dependency's failure (a bug: 500).</summary>
    public static Dependency? Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // Azure.Core's pipeline raises RequestFailedException for storage and for the ACS mail adapter alike;
            // the mail adapter wraps its own failures, so what reaches here is almost always storage.
            RequestFailedException failed when failed.Status is 0 or 408 or 429 or >= 500 => Raised(exception, "OnePointEntry.Infrastructure.Email") ? Dependency.MailSending : Dependency.Storage,
            ApiException graph when graph.ResponseStatusCode is 0 or 401 or 403 or 404 or 408 or 429 or >= 500 => Dependency.MicrosoftGraph,
            AuthenticationFailedException or CredentialUnavailableException => Dependency.Identity,
            MailSendFailedException => Dependency.MailSending,
            HttpRequestException or TimeoutException or TaskCanceledException => ByStackTrace(exception),
            AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => aggregate.InnerExceptions.Select(Classify).All(found => found is not null)
                ? Classify(aggregate.InnerExceptions[0])
                : null,
            BadHttpRequestException => null,
            _ => exception.InnerException is { } inner ? Classify(inner) : null,
        };
    }

    // A raw network failure carries no service name; where it was raised tells which client made the call.
    private static Dependency ByStackTrace(Exception exception) =>
        Raised(exception, "Microsoft.Graph") || Raised(exception, "Microsoft.Kiota") ? Dependency.MicrosoftGraph
        : Raised(exception, "Azure.Data.Tables") || Raised(exception, "Azure.Storage") ? Dependency.Storage
        : Raised(exception, "OnePointEntry.Infrastructure.Email") ? Dependency.MailSending
        : Raised(exception, "TeamsWorkflowsNotifier") ? Dependency.Teams
        : Dependency.Other;

    private static bool Raised(Exception exception, string where) =>
        exception.StackTrace?.Contains(where, StringComparison.Ordinal) == true;
}
