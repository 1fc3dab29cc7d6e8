using Azure.Core;
using Azure.Core.Pipeline;

namespace OnePointEntry.Bench.Statistics;

/// <summary>Counts every request the storage clients send, retries included.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
