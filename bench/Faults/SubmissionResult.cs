namespace OnePointEntry.Bench.Faults;

/// <summary>Every attempt at one submission, in order; the last is a <c>202</c> or the client gave up.</summary>
internal sealed record SubmissionResult(Submission Submission, IReadOnlyList<Attempt> Attempts)
{
    public Attempt First => Attempts[0];

    public Attempt Last => Attempts[^1];

    public bool Accepted => Last.Accepted;

    /// <summary>Every reference a <c>202</c> gave for this submission: more than one is the same submission taken twice.</summary>
    public IReadOnlyList<string> References => [.. Attempts.Where(attempt => attempt.Reference is not null).Select(attempt => attempt.Reference!).Distinct(StringComparer.Ordinal)];
}
