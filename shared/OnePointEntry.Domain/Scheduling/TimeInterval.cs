namespace OnePointEntry.Scheduling;

/// <summary>
/// A stretch of time from <see cref="Start"/> (included) to <see cref="End"/> (excluded): a busy block from a
/// calendar (as Graph <c>getSchedule</c> returns them) or a free slot.
/// </summary>
public readonly record struct TimeInterval
{
    public TimeInterval(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The interval ends ({end:O}) before it starts ({start:O}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    /// <summary>True when the two share any moment; intervals that only touch (one ends as the other starts) do not.</summary>
    public bool Overlaps(TimeInterval other) => Start < other.End && other.Start < End;
}
