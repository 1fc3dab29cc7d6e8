using System.Collections.Concurrent;
using Azure.Storage.Queues;
using LocalFunctionsHost.Settings;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// Queue clients per (connection, queue), created once and the queue made to exist once, as the
/// real host creates trigger, poison and output queues when they are missing.
/// </summary>
internal sealed class QueueClientProvider(AppSettings settings)
{
    private readonly ConcurrentDictionary<string, QueueServiceClient> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    /// <summary>A key that names the same physical queue whatever setting name led to it.</summary>
    public string KeyFor(string? connectionName, string queueName) =>
        settings.GetStorageConnectionString(connectionName) + "|" + queueName.ToLowerInvariant();

    public Task<QueueClient> GetQueueAsync(string? connectionName, string queueName, CancellationToken cancellationToken)
    {
        var connectionString = settings.GetStorageConnectionString(connectionName);
        var name = queueName.ToLowerInvariant();
        var lazy = _queues.GetOrAdd(connectionString + "|" + name, _ => new Lazy<Task<QueueClient>>(async () =>
        {
            // Bodies are encoded by QueueMessageCodec, so that an undecodable message can be seen and poisoned.
            var service = _services.GetOrAdd(connectionString, cs => new QueueServiceClient(cs, new QueueClientOptions
            {
                MessageEncoding = QueueMessageEncoding.None,
            }));
            var queue = service.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return queue;
        }));
        return AwaitOrRetryAsync(lazy, connectionString + "|" + name, cancellationToken);
    }

    private async Task<QueueClient> AwaitOrRetryAsync(Lazy<Task<QueueClient>> lazy, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // Storage may come up later (Azurite started after the host); try again next time.
            _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(key, lazy));
            throw;
        }
    }
}
