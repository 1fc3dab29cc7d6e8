namespace Microsoft365StandIn.Faults;

/// <summary>
/// A fault queued through <c>POST /standin/faults</c>: the next <see cref="Remaining"/> requests (Graph, Teams
/// webhook or ACS) whose path contains <see cref="PathContains"/> wait <see cref="LatencyMs"/>, then fail with
/// <see cref="Status"/> when one is given.
/// </summary>
internal sealed class QueuedFault
{
    public int? Status { get; init; }

    public int Remaining { get; set; } = 1;

    public int? RetryAfterSeconds { get; init; }

    public int LatencyMs { get; init; }

    public string? PathContains { get; init; }

    public bool Matches(string fullPath) =>
        Remaining > 0 && (string.IsNullOrEmpty(PathContains) || fullPath.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
