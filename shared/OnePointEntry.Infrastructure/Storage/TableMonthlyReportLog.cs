using Azure.Data.Tables;
using OnePointEntry.Statistics;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The monthly reports in the Statistics table: partition <c>monthly-reports</c>, row key the month
/// (<c>yyyy-MM</c>). The figures are a few kilobytes of JSON, well inside a property's 64 KiB.
/// </summary>
public sealed class TableMonthlyReportLog : IMonthlyReportLog
{
    private const string Partition = "monthly-reports";
    private readonly TableClient _table;
    private readonly CreateOnce _created;

    public TableMonthlyReportLog(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.StatisticsTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
    }

    public async Task<MonthlyReportRecord?> FindAsync(CalendarMonth month, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, month.ToString(), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        return new MonthlyReportRecord
        {
            Month = month,
            Figures = entity.GetString("Figures"),
            RecordedAt = entity.GetDateTimeOffset("RecordedAt"),
            DeliverySubject = entity.GetString("DeliverySubject"),
        };
    }

    public async Task SaveAsync(MonthlyReportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _created.EnsureAsync(cancellationToken);
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, record.Month.ToString())
            {
                ["Figures"] = record.Figures,
                ["RecordedAt"] = record.RecordedAt,
                ["DeliverySubject"] = record.DeliverySubject,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
