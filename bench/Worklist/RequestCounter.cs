using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OnePointEntry.Bench.Worklist;

/// <summary>
/// Counts every request the storage clients send, retries included, and, when asked, the table rows their
/// answers carry (a query's <c>value</c> array, or one entity read by its keys).
/// </summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;
    private int _rows;

    public int Count => Volatile.Read(ref _count);

    public int Rows => Volatile.Read(ref _rows);

    /// <summary>Parses answers to count rows; off while timing, since the parsing would be timed too.</summary>
    public bool CountRows { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _rows, 0);
    }

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!CountRows || message.Request.Method != RequestMethod.Get || message.Response.Status != 200)
        {
            return;
        }

        using var json = JsonDocument.Parse(message.Response.Content);
        var root = json.RootElement;
        var rows = root.ValueKind != JsonValueKind.Object ? 0
            : root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength()
            : root.TryGetProperty("PartitionKey", out _) ? 1
            : 0;
        Interlocked.Add(ref _rows, rows);
    }
}
