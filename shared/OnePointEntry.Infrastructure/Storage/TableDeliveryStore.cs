using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The outbox in Azure Table Storage; see <see cref="DeliveryEntityMapper"/> for the layout. The index of open
/// deliveries is written after a delivery is recorded or changes, so it may briefly name a delivery that is no
/// longer open: every reader of the index checks the delivery itself, and the sweep mends it.
/// </summary>
public sealed class TableDeliveryStore : IDeliveryStore
{
    /// <summary>The most actions one entity group transaction takes.</summary>
    public const int MaxTransactionActions = 100;

    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableDeliveryStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.DeliveriesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await _created.EnsureAsync(cancellationToken);
        try
        {
            await _table.AddEntityAsync(DeliveryEntityMapper.ToEntity(delivery), cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.Conflict)
        {
            // Recorded before: its index entry is its own, whatever state it is in, and stays as it is.
            return false;
        }

        // Should this fail, the step that records the delivery fails and is repeated, and the outbox indexes a
        // pending delivery it finds recorded (Outbox.RecordAsync).
        await _table.UpsertEntityAsync(DeliveryEntityMapper.ToIndexEntity(delivery.Id, delivery.State, delivery.RecordedAt), TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    /// <remarks>
    /// One entity group transaction adds the deliveries (they share their subject's partition), a second upserts
    /// their index rows (which share <see cref="DeliveryEntityMapper.OpenPartition"/>): two requests for any number up
    /// to <see cref="MaxTransactionActions"/>. A delivery recorded before fails the first transaction as a whole, so
    /// nothing is added and the caller goes one by one; so does a batch larger than a transaction may carry.
    /// </remarks>
    public async Task<bool> TryAddAllAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count is 0 or > MaxTransactionActions
            || deliveries.Any(delivery => !string.Equals(delivery.Id.Subject, deliveries[0].Id.Subject, StringComparison.Ordinal))
            || deliveries.DistinctBy(delivery => delivery.Id).Count() != deliveries.Count)
        {
            return false;
        }

        await _created.EnsureAsync(cancellationToken);
        try
        {
            await _table.SubmitTransactionAsync(
                [.. deliveries.Select(delivery => new TableTransactionAction(TableTransactionActionType.Add, DeliveryEntityMapper.ToEntity(delivery)))],
                cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.RequestEntityTooLarge)
        {
            return false;
        }

        // Should this fail, the step is repeated, finds the deliveries recorded and indexes each pending one (Outbox.RecordAsync).
        await _table.SubmitTransactionAsync(
            [.. deliveries.Select(delivery => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                DeliveryEntityMapper.ToIndexEntity(delivery.Id, delivery.State, delivery.RecordedAt)))],
            cancellationToken);
        return true;
    }

    public async Task<Delivery?> FindAsync(DeliveryId id, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(id.Subject, DeliveryEntityMapper.RowKeyOf(id), cancellationToken: cancellationToken);
        return response.HasValue ? DeliveryEntityMapper.ToDelivery(response.Value!) : null;
    }

    public async Task<Delivery?> TryUpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var version = delivery.Version ?? throw new ArgumentException("Only a delivery read from the store can be updated.", nameof(delivery));
        await _created.EnsureAsync(cancellationToken);
        Response response;
        try
        {
            response = await _table.UpdateEntityAsync(DeliveryEntityMapper.ToEntity(delivery), new ETag(version), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }

        await IndexAsync(delivery, cancellationToken);
        return delivery with { Version = response.Headers.ETag?.ToString() };
    }

    public async Task<IReadOnlyList<Delivery>> ListAboutAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        await _created.EnsureAsync(cancellationToken);
        var deliveries = new List<Delivery>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {subject}"), cancellationToken: cancellationToken))
        {
            deliveries.Add(DeliveryEntityMapper.ToDelivery(entity));
        }

        return deliveries;
    }

    public async IAsyncEnumerable<Delivery> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryEntityMapper.OpenPartition} and State eq {nameof(DeliveryState.DeliveryFailed)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!DeliveryId.TryParse(row.RowKey, out var id))
            {
                continue;
            }

            var delivery = await FindAsync(id, cancellationToken);
            if (delivery is { State: DeliveryState.DeliveryFailed })
            {
                yield return delivery;
            }
            else if (delivery is not null)
            {
                // Resent or delivered since: the index follows the delivery.
                await IndexAsync(delivery, cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<DeliveryId> ListOverdueAsync(DateTimeOffset dueBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {DeliveryEntityMapper.OpenPartition} and State eq {nameof(DeliveryState.Pending)} and DueAt lt {dueBefore}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (DeliveryId.TryParse(row.RowKey, out var id))
            {
                yield return id;
            }
        }
    }

    public async Task SetNextCheckAsync(DeliveryId id, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        if (dueAt is { } due)
        {
            await _table.UpsertEntityAsync(DeliveryEntityMapper.ToIndexEntity(id, DeliveryState.Pending, due), TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await _table.DeleteEntityAsync(DeliveryEntityMapper.OpenPartition, id.ToString(), ETag.All, cancellationToken);
        }
    }

    // An attempt taking hold of a delivery changes nothing the index says; releasing it, failing it or delivering it does.
    private async Task IndexAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery)
        {
            case { State: DeliveryState.Delivered or DeliveryState.Replaced }:
                await _table.DeleteEntityAsync(DeliveryEntityMapper.OpenPartition, delivery.Id.ToString(), ETag.All, cancellationToken);
                break;
            case { State: DeliveryState.DeliveryFailed }:
                await _table.UpsertEntityAsync(DeliveryEntityMapper.ToIndexEntity(delivery.Id, delivery.State, delivery.NextAttemptAt ?? delivery.RecordedAt), TableUpdateMode.Replace, cancellationToken);
                break;
            case { State: DeliveryState.Pending, HeldUntil: null }:
                await _table.UpsertEntityAsync(DeliveryEntityMapper.ToIndexEntity(delivery.Id, delivery.State, delivery.NextAttemptAt ?? delivery.RecordedAt), TableUpdateMode.Replace, cancellationToken);
                break;
        }
    }
}
