namespace OnePointEntry.Bench.Faults;

/// <summary>
/// One try at sending a submission: the HTTP status (0 when no answer came: connection refused or reset, timeout),
/// the reference a <c>202</c> gave, and when it started and was answered.
/// </summary>
internal sealed record Attempt(int Status, string? Reference, DateTimeOffset StartedAt, DateTimeOffset AnsweredAt, string? Failure)
{
    /// <summary>A <c>202</c> from the app, or the stand-in's <c>201</c> for mail delivered to the inbox (Exchange took it).</summary>
    public bool Accepted => Status == 202 || (Status == 201 && Reference is null);

    /// <summary>The answer as the run's tables show it: the status, or what went wrong without one.</summary>
    public string Outcome => Status != 0 ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure ?? "no answer";
}
