using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Kiota.Abstractions;
using OnePointEntry.Deliveries;
using OnePointEntry.Infrastructure.Email;

namespace OnePointEntry.Infrastructure.Deliveries;

/// <summary>
/// Names the dependency behind an adapter's exception and reads its Retry-After: Microsoft Graph's through Kiota's
/// <see cref="ApiException"/>, storage's as <see cref="TableTransactionFailedException"/> or a
/// <see cref="RequestFailedException"/> with a storage error code, Teams' and Azure Communication Services' as the
/// other <see cref="RequestFailedException"/>s and <see cref="MailSendFailedException"/>.
/// </summary>
public sealed class DependencyFailureReader : IDependencyFailureReader
{
    public const string Graph = "Microsoft Graph";
    public const string Storage = "storage";
    public const string Teams = "Teams";
    public const string CommunicationServices = "Azure Communication Services";
    public const string Network = "network";
    public const string App = "the app";

    public DependencyFailure Read(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ApiException graph => new DependencyFailure(Graph, RetryAfter(graph.ResponseHeaders), IsRefusal(graph.ResponseStatusCode)),
            TableTransactionFailedException => new DependencyFailure(Storage, null, false),
            MailSendFailedException => new DependencyFailure(CommunicationServices, null, false),
            RequestFailedException { ErrorCode: not null } request when IsStorageError(request.ErrorCode) => new DependencyFailure(Storage, null, false),
            RequestFailedException request => new DependencyFailure(
                IsCommunicationServices(request) ? CommunicationServices : Teams,
                RetryAfter(request.GetRawResponse()),
                IsRefusal(request.Status)),
            HttpRequestException or TimeoutException or TaskCanceledException => new DependencyFailure(Network, null, false),
            _ when exception.InnerException is { } inner => Read(inner),
            _ => new DependencyFailure(App, null, false),
        };
    }

    /// <summary>
    /// A request refused for what it is (400, 403, 404, 405, 409, 410, 413, 422): sending it again cannot help. 401
    /// is not among them (a token can come right), nor 408 and 429.
    /// </summary>
    private static bool IsRefusal(int status) => status is 400 or 403 or 404 or 405 or 409 or 410 or 413 or 422;

    private static bool IsStorageError(string code) =>
        code.StartsWith("Table", StringComparison.Ordinal) || code.StartsWith("Queue", StringComparison.Ordinal) || code.StartsWith("Entity", StringComparison.Ordinal)
        || code is "UpdateConditionNotSatisfied" or "ServerBusy" or "OperationTimedOut" or "InternalError" or "AuthorizationFailure" or "AuthenticationFailed";

    private static bool IsCommunicationServices(RequestFailedException request) =>
        request.GetRawResponse() is { } response && response.Headers.TryGetValue("x-ms-request-id", out _) && response.Headers.TryGetValue("operation-id", out _);

    private static TimeSpan? RetryAfter(Response? response) =>
        response is not null && response.Headers.TryGetValue("Retry-After", out var value) ? Parse(value) : null;

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                return Parse(values.FirstOrDefault());
            }
        }

        return null;
    }

    // Retry-After is seconds or an HTTP date (RFC 9110 section 10.2.3).
    private static TimeSpan? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? Max(when - DateTimeOffset.UtcNow, TimeSpan.Zero)
            : null;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
