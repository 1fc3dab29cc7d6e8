namespace OnePointEntry.Queues;

/// <summary>A queue message that failed on every attempt, as an operator sees it.</summary>
/// <param name="Queue">The queue the message came from; it now lies in <c>{Queue}-poison</c>.</param>
/// <param name="Subject">What the message was about (an enquiry reference), or a hash of an unreadable message.</param>
/// <param name="Error">The last error: its type and message, which never carry personal data.</param>
public sealed record PoisonMessage(string Queue, string Subject, string Error, DateTimeOffset FailedAt, long DequeueCount);
