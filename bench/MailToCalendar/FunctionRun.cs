namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>One invocation of a function, from the host's "Executing" and "Executed" lines (UTC; the host logs local time to the millisecond).</summary>
internal sealed record FunctionRun(string Function, string InvocationId, DateTimeOffset Started, DateTimeOffset? Ended);
