using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using OnePointEntry.Queues;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>Poison messages in a table: partition = queue, row = the message's subject, so a repeat replaces.</summary>
public sealed class TablePoisonMessageLog : IPoisonMessageLog
{
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TablePoisonMessageLog(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.PoisonMessagesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task RecordAsync(PoisonMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _created.EnsureAsync(cancellationToken);
        var entity = new TableEntity(message.Queue, message.Subject)
        {
            ["Error"] = message.Error.Length > 4_000 ? message.Error[..4_000] : message.Error,
            ["FailedAt"] = message.FailedAt,
            ["DequeueCount"] = message.DequeueCount,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<PoisonMessage> ListAsync(string? queue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var query = queue is null
            ? _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            : _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {queue}"), cancellationToken: cancellationToken);
        var messages = new List<PoisonMessage>();
        await foreach (var entity in query)
        {
            messages.Add(new PoisonMessage(
                entity.PartitionKey,
                entity.RowKey,
                entity.GetString("Error") ?? string.Empty,
                entity.GetDateTimeOffset("FailedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
                entity.GetInt64("DequeueCount") ?? 0));
        }

        // Operators read the latest failures first; the table orders by queue and subject.
        foreach (var message in messages.OrderByDescending(message => message.FailedAt))
        {
            yield return message;
        }
    }
}
