using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OnePointEntry.Integration.Tests;

/// <summary>
/// Every request the app's storage clients send (tables, queues, blobs; each retry too), as method and path, for
/// the tests that measure what a step costs. Added to the clients' pipelines through the app's own composition.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}{Filter(message.Request.Uri.Query)}");
    }

    // A query's filter says what it read (a partition, a range of row keys), which is what the cost follows.
    private static string Filter(string query) =>
        Uri.UnescapeDataString(query).Split('&').FirstOrDefault(part => part.StartsWith("$filter=", StringComparison.Ordinal) || part.StartsWith("?$filter=", StringComparison.Ordinal)) is { } filter
            ? " " + filter.TrimStart('?')
            : string.Empty;
}
