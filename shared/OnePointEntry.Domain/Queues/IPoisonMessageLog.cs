namespace OnePointEntry.Queues;

/// <summary>Where messages that ended in a poison queue are recorded with their error, for operators.</summary>
public interface IPoisonMessageLog
{
    /// <summary>Records a failed message; recording the same subject again replaces the entry.</summary>
    Task RecordAsync(PoisonMessage message, CancellationToken cancellationToken);

    /// <summary>Recorded messages, newest first.</summary>
    IAsyncEnumerable<PoisonMessage> ListAsync(string? queue, CancellationToken cancellationToken);
}
