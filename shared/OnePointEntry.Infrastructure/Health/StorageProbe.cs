using Azure.Data.Tables;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Infrastructure.Health;

/// <summary>Storage reachable with the app's identity: one table query for the Enquiries table's name.</summary>
public sealed class StorageProbe(TableServiceClient tables, StorageNames names) : IHealthProbe
{
    public string Name => "storage";

    public bool Essential => true;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var filter = TableServiceClient.CreateQueryFilter($"TableName eq {names.EnquiriesTable}");
        await foreach (var _ in tables.QueryAsync(filter, maxPerPage: 1, cancellationToken).AsPages(pageSizeHint: 1).WithCancellation(cancellationToken))
        {
            break;
        }

        return new ProbeResult(HealthState.Healthy, "Table storage answered.");
    }
}
