using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Statistics;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The statistics' facts, laid out so that a report reads only the months it covers.
/// <list type="bullet">
/// <item>Enquiries received: the Enquiries table itself, whose partitions are already the months received;
/// read with a partition range and only the columns counted, so the figures can never drift from the enquiries.</item>
/// <item>Delegations facilitated: an index in the Statistics table, partition <c>delegations-yyyy-MM</c> by
/// arrival month, row key the reference. Arrival is not the month received, so the Enquiries table cannot
/// answer it without reading every year; the index is kept current when staff schedule or call off a visit.</item>
/// <item>Imported history: delegations in the same index, and enquiries received in <c>enquiries-yyyy-MM</c>.</item>
/// </list>
/// A month therefore costs one range query per measure (a page per 1,000 rows and, at most, per partition),
/// however many years are stored.
/// </summary>
public sealed class TableStatisticsStore : IStatisticsStore
{
    private const string DelegationsPrefix = "delegations-";
    private const string EnquiriesPrefix = "enquiries-";
    private const int MaxPerPage = 1000;
    private const int MaxTransaction = 100;
    private const string ListSeparator = ";";
    private const string HistorySourceColumn = "HistorySource";

    // Only what the statistics count: message text and contact data stay where they are.
    private static readonly string[] s_enquiryColumns =
    [
        "RowKey", "PartitionKey", "Source", "ReceivedAt", "Status", "Organisation", "Country", "City", "DelegationSize", "ArrivalDate",
        "RequestedThemes", "SubmittedRegion", "Sector", "Level", "CountryCode", "Region", "ScreenedCity", "ScreenedSector",
        "ScreenedLevel", "Themes", "ScreenedAt", "VisitDate", "Corrections",
    ];

    private readonly TableClient _statistics;
    private readonly TableClient _enquiries;
    private readonly CreateOnce _created;

    public TableStatisticsStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _statistics = tables.GetTableClient(names.StatisticsTable);
        _enquiries = tables.GetTableClient(names.EnquiriesTable);
        _created = new CreateOnce(async cancellationToken =>
        {
            await _statistics.CreateIfNotExistsAsync(cancellationToken);
            await _enquiries.CreateIfNotExistsAsync(cancellationToken);
        });
    }

    public async Task<IReadOnlyList<StatisticsFact>> ListDelegationsAsync(CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        return await ReadFactsAsync(DelegationsPrefix, first, last, cancellationToken);
    }

    public async Task<IReadOnlyList<StatisticsFact>> ListEnquiriesAsync(CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var facts = await ReadFactsAsync(EnquiriesPrefix, first, last, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {first.ToString()} and PartitionKey le {last.ToString()} and RowKey ge {EnquiryEntityMapper.EnquiryRowPrefix} and RowKey lt {EnquiryReference.Prefix + "."}");
        await foreach (var entity in _enquiries.QueryAsync<TableEntity>(filter, MaxPerPage, s_enquiryColumns, cancellationToken))
        {
            facts.Add(StatisticsFacts.EnquiryOf(EnquiryEntityMapper.ToEnquiry(entity)));
        }

        return facts;
    }

    public async Task RecordDelegationAsync(StatisticsFact delegation, DateOnly? previousDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        await _created.EnsureAsync(cancellationToken);
        await _statistics.UpsertEntityAsync(ToEntity(DelegationsPrefix, delegation, delegation.Date), TableUpdateMode.Replace, cancellationToken);
        if (previousDate is { } previous && !CalendarMonth.Of(previous).Contains(delegation.Date))
        {
            await DeleteAsync(DelegationsPrefix + CalendarMonth.Of(previous), delegation.Id, cancellationToken);
        }
    }

    public async Task RemoveDelegationAsync(string id, DateOnly arrivalDate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await _created.EnsureAsync(cancellationToken);
        await DeleteAsync(DelegationsPrefix + CalendarMonth.Of(arrivalDate), id, cancellationToken);
    }

    public async Task<int> ImportHistoryAsync(IReadOnlyList<HistoricalDelegation> history, string source, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await _created.EnsureAsync(cancellationToken);
        var entities = history.Select(row => ToEntity(DelegationsPrefix, row.Delegation, row.Delegation.Date))
            .Concat(history.Where(row => row.ReceivedDate is not null).Select(row => ToEntity(EnquiriesPrefix, row.Delegation, row.ReceivedDate!.Value)))
            .Select(entity =>
            {
                entity[HistorySourceColumn] = source;
                return entity;
            })
            .ToList();

        // A transaction holds up to 100 rows of one partition; upserts make a repeated import a no-op.
        foreach (var partition in entities.GroupBy(entity => entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(entity => entity.RowKey, StringComparer.Ordinal).Chunk(MaxTransaction))
            {
                await _statistics.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);
            }
        }

        if (!replace)
        {
            return 0;
        }

        // Removed only after the new rows are in, so a failure half-way leaves too much, never too little, and
        // running the same import again finishes it. Reading by source scans the table: an operator's
        // occasional correction, not a report.
        var kept = entities.Select(entity => (entity.PartitionKey, entity.RowKey)).ToHashSet();
        var removed = 0;
        var stale = _statistics.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"HistorySource eq {source}"), MaxPerPage, ["PartitionKey", "RowKey"], cancellationToken);
        await foreach (var entity in stale)
        {
            if (!kept.Contains((entity.PartitionKey, entity.RowKey)))
            {
                await DeleteAsync(entity.PartitionKey, entity.RowKey, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    private async Task<List<StatisticsFact>> ReadFactsAsync(string prefix, CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken)
    {
        var facts = new List<StatisticsFact>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix + first} and PartitionKey le {prefix + last}");
        await foreach (var entity in _statistics.QueryAsync<TableEntity>(filter, MaxPerPage, cancellationToken: cancellationToken))
        {
            facts.Add(ToFact(entity));
        }

        return facts;
    }

    private async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _statistics.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: removing is idempotent.
        }
    }

    private static TableEntity ToEntity(string prefix, StatisticsFact fact, DateOnly date) =>
        new(prefix + CalendarMonth.Of(date), fact.Id)
        {
            ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CountryCode"] = fact.CountryCode,
            ["Region"] = fact.Region,
            ["City"] = fact.City,
            ["Sector"] = fact.Sector,
            ["Level"] = fact.Level,
            ["Themes"] = string.Join(ListSeparator, fact.Themes),
            ["DelegationSize"] = fact.DelegationSize,
            ["Organisation"] = fact.Organisation,
        };

    private static StatisticsFact ToFact(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        Date = DateOnly.ParseExact(entity.GetString("Date") ?? throw new FormatException($"Statistics row {entity.PartitionKey}/{entity.RowKey} has no date."), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        CountryCode = entity.GetString("CountryCode"),
        Region = entity.GetString("Region"),
        City = entity.GetString("City"),
        Sector = entity.GetString("Sector"),
        Level = entity.GetString("Level"),
        Themes = entity.GetString("Themes") is { Length: > 0 } themes ? themes.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries) : [],
        DelegationSize = entity.GetInt32("DelegationSize"),
        Organisation = entity.GetString("Organisation"),
    };
}
