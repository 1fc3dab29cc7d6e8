using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Which months' partitions hold open work, so that the worklist reads those months and no others. A month is
/// registered before any write that puts a line of work in it; a month found empty is let go only once its
/// registration is an hour old, and only if nobody registered it again meanwhile (its ETag), so a line being
/// written can never land in a month the worklist no longer reads.
/// </summary>
internal sealed class WorklistMonths(TableClient table, TimeProvider time)
{
    private static readonly TimeSpan s_remembered = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_keptAtLeast = TimeSpan.FromHours(1);

    // Registered by this process lately: no need to write it again for every enquiry routed in a burst.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _registered = new(StringComparer.Ordinal);

    public async Task RegisterAsync(string month, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_registered.TryGetValue(month, out var at) && now - at < s_remembered)
        {
            return;
        }

        await table.UpsertEntityAsync(new TableEntity(EnquiryEntityMapper.WorklistMonthsPartition, month), TableUpdateMode.Replace, cancellationToken);
        _registered[month] = now;
    }

    public async Task<IReadOnlyList<TableEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var months = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EnquiryEntityMapper.WorklistMonthsPartition}");
        await foreach (var month in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>Lets go of a month whose partition held no open work when it was read.</summary>
    public async Task ReleaseIfIdleAsync(TableEntity month, CancellationToken cancellationToken)
    {
        if (month.Timestamp is not { } registered || time.GetUtcNow() - registered < s_keptAtLeast)
        {
            return;
        }

        try
        {
            await table.DeleteEntityAsync(month.PartitionKey, month.RowKey, month.ETag, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Registered again meanwhile, or already let go: either way nothing to do.
        }
    }
}
