namespace Microsoft365StandIn.Faults;

/// <summary>Every fault waiting to happen. Used only under the state's lock.</summary>
internal sealed class FaultBook
{
    public List<GraphFault> Graph { get; } = [];

    public List<QueuedFault> Queued { get; } = [];

    public Queue<(int Status, TimeSpan? RetryAfter)> TeamsPosts { get; } = new();

    public (int Status, string Code, int Remaining) AcsSends { get; set; }

    /// <summary>The fault for this request, taking one turn of it: a queued one first, then a typed Graph fault.</summary>
    public FaultOutcome? Take(string method, string fullPath, string? graphPath)
    {
        if (Queued.FirstOrDefault(fault => fault.Matches(fullPath)) is { } queued)
        {
            queued.Remaining--;
            Queued.RemoveAll(fault => fault.Remaining <= 0);
            var retryAfter = queued.RetryAfterSeconds is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : queued.Status == 429 ? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
            return new FaultOutcome(queued.Status, CodeFor(queued.Status), retryAfter, TimeSpan.FromMilliseconds(queued.LatencyMs));
        }

        if (graphPath is not null && Graph.FirstOrDefault(fault => !fault.CarriedOut && fault.Matches(method, graphPath)) is { } typed)
        {
            typed.Remaining--;
            return new FaultOutcome(typed.Status, typed.Code, typed.RetryAfter, TimeSpan.Zero);
        }

        return null;
    }

    /// <summary>The lost answer for a Graph request just carried out, taking one turn of it.</summary>
    public GraphFault? TakeLoss(string method, string graphPath)
    {
        var loss = Graph.FirstOrDefault(fault => fault.CarriedOut && fault.Matches(method, graphPath));
        if (loss is not null)
        {
            loss.Remaining--;
        }

        return loss;
    }

    public void Clear()
    {
        Graph.Clear();
        Queued.Clear();
        TeamsPosts.Clear();
        AcsSends = default;
    }

    /// <summary>Graph's error codes for these statuses.</summary>
    public static string CodeFor(int? status) => status switch
    {
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "UnknownError",
    };
}
