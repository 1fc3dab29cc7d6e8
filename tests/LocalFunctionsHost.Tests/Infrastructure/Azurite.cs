using Azure.Storage.Queues;

namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>The Azurite instance that the test run started.</summary>
internal static class Azurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "AZURITE_CONNECTION_STRING is not set. Run the tests through tools/test.sh, or: source tools/scripts/azurite.sh && azurite_start --free-ports");

    /// <summary>A client that stores bodies exactly as given (tests encode Base64 themselves).</summary>
    public static QueueClient Queue(string name)
    {
        var client = new QueueClient(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        client.CreateIfNotExists();
        return client;
    }

    /// <summary>Polls a queue until a message arrives, and returns its stored text.</summary>
    public static async Task<string> WaitForMessageAsync(string queueName, TimeSpan timeout)
    {
        var queue = Queue(queueName);
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var peeked = (await queue.PeekMessagesAsync(1, CancellationToken.None)).Value;
            if (peeked.Length > 0)
            {
                return peeked[0].MessageText;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"No message arrived on '{queueName}' within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
