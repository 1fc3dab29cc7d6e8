using Azure.Data.Tables;
using OnePointEntry.Workspace;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Reads the worklist's index from the Enquiries table: the months that hold open work (one query), then each
/// such month's lines of work (one range query each, in parallel, only the index's columns). The cost follows
/// the open work and the months it spans, never the enquiries stored.
/// </summary>
public sealed class TableWorklistIndex : IWorklistIndex
{
    private const int MaxPerPage = 1000;
    private readonly TableClient _table;
    private readonly CreateOnce _created;
    private readonly WorklistMonths _months;

    public TableWorklistIndex(TableServiceClient tables, StorageNames names, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EnquiriesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
        _months = new WorklistMonths(_table, time);
    }

    public async Task<IReadOnlyList<WorklistEntry>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var months = await _months.ListAsync(cancellationToken);
        var lines = await Task.WhenAll(months.Select(async month =>
        {
            var entries = new List<WorklistEntry>();
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {month.RowKey} and RowKey ge {EnquiryEntityMapper.WorkRowPrefix} and RowKey lt {EnquiryEntityMapper.WorkRowEnd}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, MaxPerPage, cancellationToken: cancellationToken))
            {
                entries.Add(EnquiryEntityMapper.ToWorklistEntry(entity));
            }

            if (entries.Count == 0)
            {
                await _months.ReleaseIfIdleAsync(month, cancellationToken);
            }

            return entries;
        }));
        return [.. lines.SelectMany(entries => entries)];
    }
}
