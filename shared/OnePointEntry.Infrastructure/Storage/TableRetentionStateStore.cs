using Azure.Data.Tables;
using OnePointEntry.Retention;
using OnePointEntry.Statistics;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The retention sweep's progress as one row of the Enquiries table (partition <c>retention</c>, which sorts
/// after every month, so no month query ever meets it): the state belongs to the enquiries and needs no table
/// of its own.
/// </summary>
public sealed class TableRetentionStateStore : IRetentionStateStore
{
    private const string PartitionKey = "retention";
    private const string RowKey = "anonymised-through";
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableRetentionStateStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EnquiriesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<CalendarMonth?> ReadAnonymisedThroughAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
        return response.HasValue && CalendarMonth.TryParse(response.Value!.GetString("Month"), out var month) ? month : null;
    }

    public async Task SaveAnonymisedThroughAsync(CalendarMonth month, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);

        // Last writer wins: two sweeps at once (a manual run beside the timer) both write a month they finished.
        await _table.UpsertEntityAsync(new TableEntity(PartitionKey, RowKey) { ["Month"] = month.ToString() }, TableUpdateMode.Replace, cancellationToken);
    }
}
