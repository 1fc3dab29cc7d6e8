using Microsoft365StandIn.Faults;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn;

/// <summary>Requests received and faults to come, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>Every Graph request so far (those inside a <c>$batch</c> too), in order; paths relative to <c>/v1.0</c>.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Locked(() => (IReadOnlyList<RecordedRequest>)[.. _state.GraphRequests]);

    /// <summary>The Graph requests with this method whose path (relative to <c>/v1.0</c>) matches the pattern (case-insensitive).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPattern)
    {
        var pattern = StandInState.Pattern(pathPattern);
        return [.. Requests.Where(request => string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(request.Path))];
    }

    /// <summary>
    /// The next <paramref name="count"/> Graph requests whose method and path (relative to <c>/v1.0</c>) match get
    /// this error instead, with a <c>Retry-After</c> header when given.
    /// </summary>
    public void FailNext(string method, string pathPattern, int status, string code, int count = 1, TimeSpan? retryAfter = null) =>
        AddGraphFault(new GraphFault(method, StandInState.Pattern(pathPattern), status, code, retryAfter, count, carriedOut: false));

    /// <summary>
    /// The next <paramref name="count"/> matching Graph requests are carried out, but their answer is replaced by
    /// this error: a lost answer (a gateway timeout after the work was done).
    /// </summary>
    public void LoseNextAnswer(string method, string pathPattern, int status = 504, string code = "GatewayTimeout", int count = 1) =>
        AddGraphFault(new GraphFault(method, StandInState.Pattern(pathPattern), status, code, retryAfter: null, count, carriedOut: true));

    /// <summary>
    /// Queues a fault as <c>POST /standin/faults</c> does: the next <paramref name="times"/> requests to Graph, the
    /// Teams webhook or ACS whose path contains <paramref name="pathContains"/> wait <paramref name="latencyMs"/>,
    /// then fail with <paramref name="status"/> (429 with a Retry-After) when one is given.
    /// </summary>
    public void QueueFault(int? status, int times = 1, int? retryAfterSeconds = null, int latencyMs = 0, string? pathContains = null) => Locked(() =>
    {
        _state.Faults.Queued.Add(new QueuedFault { Status = status, Remaining = times, RetryAfterSeconds = retryAfterSeconds, LatencyMs = latencyMs, PathContains = pathContains });
        return true;
    });

    /// <summary>Clears every fault still waiting, as <c>DELETE /standin/faults</c> does.</summary>
    public void ClearFaults() => Locked(() =>
    {
        _state.Faults.Clear();
        return true;
    });

    private void AddGraphFault(GraphFault fault) => Locked(() =>
    {
        _state.Faults.Graph.Add(fault);
        return true;
    });
}
