using System.Net;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The mailbox state as one row, updated with optimistic concurrency.</summary>
public sealed class TableMailboxStateStore : IMailboxStateStore
{
    private const string PartitionKey = "mailbox";
    private const string RowKey = "inbox";
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableMailboxStateStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.MailboxStateTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<MailboxState> ReadAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return new MailboxState(null, null, null);
        }

        var entity = response.Value!;
        return new MailboxState(entity.GetString("SubscriptionId"), entity.GetDateTimeOffset("SubscriptionExpiresAt"), entity.GetString("DeltaLink"), entity.ETag.ToString());
    }

    public async Task<bool> TrySaveAsync(MailboxState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await _created.EnsureAsync(cancellationToken);
        var entity = new TableEntity(PartitionKey, RowKey)
        {
            ["SubscriptionId"] = state.SubscriptionId,
            ["SubscriptionExpiresAt"] = state.SubscriptionExpiresAt,
            ["DeltaLink"] = state.DeltaLink,
        };
        try
        {
            if (state.Version is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(state.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
