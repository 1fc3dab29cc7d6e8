using OnePointEntry.Bench.Faults;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>What one submission of a burst got: the status (0: no answer), the reference of a 202, the time it took.</summary>
internal sealed record Answer(Submission Submission, int Status, string? Reference, TimeSpan Took, DateTimeOffset AnsweredAt);
